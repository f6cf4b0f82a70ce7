/*
 * gloss_tbx.c - a glossary as TBX-Basic (ISO 30042:2019, DCA style), written and read
 * with libxml2; the only file that includes libxml2's headers.
 *
 *   <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 *    <tbxHeader><fileDesc><sourceDesc><p>NAME</p></sourceDesc></fileDesc></tbxHeader>
 *    <text><body>
 *     <conceptEntry id="ID">
 *      <descrip type="subjectField">CATEGORY</descrip>
 *      <note>NOTE</note>  <admin type="source">SOURCE</admin>...
 *      <note>termlint:post TITLE | FROM | TO</note>...
 *      <langSec xml:lang="vi"><termSec><term>VI</term></termSec></langSec>   (and "en")
 *      <langSec xml:lang="ru">
 *       <termSec><term>TEXT</term>
 *        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
 *        <termNote type="termType">shortForm</termNote>         (short: true)
 *        <descrip type="context">GOOD EXAMPLE</descrip>...       (on the canonical term)
 *        <note>REASON</note>
 *        <note>termlint:match=exact</note> ... (display=, case=, literal, suggest=, context=,
 *                                               not_before=, not_after=, bad-example=)
 *
 * administrativeStatus: preferredTerm (canonical), admittedTerm (variant),
 * deprecatedTerm (forbidden). What TBX-Basic has no data category for travels in
 * <note> elements beginning with "termlint:", which a TBX tool shows as notes and this
 * reader turns back into the glossary's keys. Rule data is not written (YAML only).
 */
#include "gloss_p.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <string.h>

static const char *const category_names[] = {"general", "title", "body",  "document",
                                             "person",  "place", "event", NULL};
static const char *const status[] = {"preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                     "deprecatedTerm-admn-sts"};

/* ---- writing ---------------------------------------------------------------------- */

typedef struct {
    xmlTextWriterPtr w;
    tl_buf *tmp;
    int bad;
} tbx_out;

static void el(tbx_out *o, const char *name, const char *type, const char *text)
{
    if (!text || o->bad)
        return;
    o->bad |= xmlTextWriterStartElement(o->w, BAD_CAST name) < 0;
    if (type)
        o->bad |= xmlTextWriterWriteAttribute(o->w, BAD_CAST "type", BAD_CAST type) < 0;
    o->bad |= xmlTextWriterWriteString(o->w, BAD_CAST text) < 0;
    o->bad |= xmlTextWriterEndElement(o->w) < 0;
}

/* <note>termlint:KEY=VALUE</note> (no "=VALUE" when value is ""). */
static void tnote(tbx_out *o, const char *key, const char *value)
{
    if (!value)
        return;
    tl_buf_reset(o->tmp);
    tl_buf_printf(o->tmp, "termlint:%s%s%s", key, *value ? "=" : "", value);
    if (o->tmp->oom)
        o->bad = 1;
    else
        el(o, "note", NULL, o->tmp->data);
}

static void tlist(tbx_out *o, const char *key, const char *const *v, size_t n)
{
    if (!n)
        return;
    tl_buf list;
    tl_buf_init(&list, 0);
    for (size_t i = 0; i < n; i++)
        tl_buf_printf(&list, "%s%s", i ? " | " : "", v[i]);
    if (list.oom)
        o->bad = 1;
    else
        tnote(o, key, list.data);
    tl_buf_release(&list);
}

static void start(tbx_out *o, const char *name)
{
    o->bad |= xmlTextWriterStartElement(o->w, BAD_CAST name) < 0;
}

static void end(tbx_out *o) { o->bad |= xmlTextWriterEndElement(o->w) < 0; }

static void lang_attr(tbx_out *o, const char *lang)
{
    o->bad |= xmlTextWriterWriteAttributeNS(o->w, BAD_CAST "xml", BAD_CAST "lang", NULL,
                                            BAD_CAST lang) < 0;
}

static void term_sec(tbx_out *o, const gl_concept *c, const gl_term *t, int first_forbidden)
{
    start(o, "termSec");
    el(o, "term", NULL, t->text);
    el(o, "termNote", "administrativeStatus", status[t->kind]);
    if (t->short_form)
        el(o, "termNote", "termType", "shortForm");
    for (size_t i = 0; t->kind == GL_CANONICAL && i < c->nexamples; i++)
        if (!c->examples[i].bad && c->examples[i].lang == t->lang)
            el(o, "descrip", "context", c->examples[i].text);
    el(o, "note", NULL, t->message);
    if (t->match != GL_MATCH_INFLECTED)
        tnote(o, "match", t->match == GL_MATCH_EXACT ? "exact" : "regex");
    tnote(o, "display", t->display);
    if (t->case_sensitive)
        tnote(o, "case", "sensitive");
    if (t->literal)
        tnote(o, "literal", "");
    tnote(o, "suggest", t->suggest);
    tnote(o, "context", t->context);
    tlist(o, "not_before", t->not_before, t->nnot_before);
    tlist(o, "not_after", t->not_after, t->nnot_after);
    for (size_t i = 0; first_forbidden && i < c->nexamples; i++)
        if (c->examples[i].bad && c->examples[i].lang == t->lang)
            tnote(o, "bad-example", c->examples[i].text);
    end(o);
}

static void lang_sec(tbx_out *o, const gl_concept *c, tl_lang lang)
{
    int any = 0, seen_forbidden = 0;
    for (size_t i = 0; i < c->nterms; i++)
        any |= c->terms[i].lang == lang;
    if (!any)
        return;
    start(o, "langSec");
    lang_attr(o, lang == TL_LANG_UK ? "uk" : "ru");
    for (int kind = GL_CANONICAL; kind <= GL_FORBIDDEN; kind++)
        for (size_t i = 0; i < c->nterms; i++) {
            const gl_term *t = &c->terms[i];
            if (t->lang != lang || (int)t->kind != kind)
                continue;
            int first = kind == GL_FORBIDDEN && !seen_forbidden;
            seen_forbidden |= kind == GL_FORBIDDEN;
            term_sec(o, c, t, first);
        }
    /* bad examples of a language without a forbidden form: a note of the langSec */
    for (size_t i = 0; !seen_forbidden && i < c->nexamples; i++)
        if (c->examples[i].bad && c->examples[i].lang == lang)
            tnote(o, "bad-example", c->examples[i].text);
    end(o);
}

static void source_form(tbx_out *o, const char *lang, const char *text)
{
    if (!text)
        return;
    start(o, "langSec");
    lang_attr(o, lang);
    start(o, "termSec");
    el(o, "term", NULL, text);
    end(o);
    end(o);
}

static void concept_entry(tbx_out *o, const gl_concept *c)
{
    start(o, "conceptEntry");
    o->bad |= xmlTextWriterWriteAttribute(o->w, BAD_CAST "id", BAD_CAST c->id) < 0;
    el(o, "descrip", "subjectField", category_names[c->category]);
    el(o, "note", NULL, c->note);
    for (size_t i = 0; i < c->nsources; i++)
        el(o, "admin", "source", c->sources[i]);
    tl_buf post;
    tl_buf_init(&post, 0);
    for (size_t i = 0; i < c->nposts; i++) {
        const gl_post *p = &c->posts[i];
        tl_buf_reset(&post);
        tl_buf_printf(&post, "%s | %s | %s", p->title, p->valid_from ? p->valid_from : "",
                      p->valid_to ? p->valid_to : "");
        o->bad |= post.oom;
        tnote(o, "post", post.oom ? NULL : post.data);
    }
    tl_buf_release(&post);
    source_form(o, "vi", c->vi);
    source_form(o, "en", c->en);
    lang_sec(o, c, TL_LANG_RU);
    lang_sec(o, c, TL_LANG_UK);
    end(o);
}

int gloss_write_tbx(const gloss *g, tl_buf *b)
{
    xmlBufferPtr xb = xmlBufferCreate();
    xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    tbx_out o = {w, &tmp, !w};
    if (w) {
        xmlTextWriterSetIndent(w, 1);
        o.bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
        start(&o, "tbx");
        o.bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "TBX-Basic") < 0;
        o.bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "style", BAD_CAST "dca") < 0;
        lang_attr(&o, "en");
        o.bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                             BAD_CAST "urn:iso:std:iso:30042:ed-2") < 0;
        start(&o, "tbxHeader");
        start(&o, "fileDesc");
        start(&o, "sourceDesc");
        el(&o, "p", NULL, g->name ? g->name : "termlint glossary");
        end(&o);
        end(&o);
        end(&o);
        start(&o, "text");
        start(&o, "body");
        for (size_t i = 0; i < g->nconcepts; i++)
            concept_entry(&o, g->concepts[i]);
        o.bad |= xmlTextWriterEndDocument(w) < 0;
        xmlFreeTextWriter(w);
    }
    if (!o.bad)
        tl_buf_add(b, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
    tl_buf_release(&tmp);
    return o.bad || b->oom ? -1 : 0;
}

/* ---- reading ---------------------------------------------------------------------- */

typedef struct {
    gloss *g;
    tl_diags *d;
    const char *path;
    size_t errors;
    int nomem;
    gl_term *t;
    size_t nt, cap_t, cap_x, cap_p, cap_s;
    gl_concept c;
} tbx_in;

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *text_of(tbx_in *r, const xmlNode *n)
{
    xmlChar *s = xmlNodeGetContent(n);
    char *out = s ? tl_arena_strdup(&r->g->mem, (const char *)s) : NULL;
    if (s && !out)
        r->nomem = 1;
    xmlFree(s);
    return out;
}

static char *attr(tbx_in *r, const xmlNode *n, const char *name)
{
    xmlChar *s = xmlGetProp(n, BAD_CAST name);
    char *out = s ? tl_arena_strdup(&r->g->mem, (const char *)s) : NULL;
    if (s && !out)
        r->nomem = 1;
    xmlFree(s);
    return out;
}

static const char **split(tbx_in *r, const char *s, size_t *n)
{
    *n = 0;
    size_t cap = 2;
    for (const char *p = s; (p = strstr(p, " | ")); p += 3)
        cap++;
    const char **v = tl_arena_alloc(&r->g->mem, cap * sizeof *v);
    if (!v) {
        r->nomem = 1;
        return NULL;
    }
    for (;;) {
        const char *e = strstr(s, " | ");
        size_t len = e ? (size_t)(e - s) : strlen(s);
        v[(*n)++] = tl_arena_strndup(&r->g->mem, s, len);
        if (!e)
            break;
        s = e + 3;
    }
    v[*n] = NULL;
    return v;
}

static void add_example(tbx_in *r, const char *text, tl_lang lang, int bad, unsigned line)
{
    gl_example x = {text, lang, bad != 0, {r->path, line, 1}};
    gl_example *v = tl_arena_grow(&r->g->mem, r->c.examples, r->c.nexamples, &r->cap_x, sizeof *v);
    if (!v) {
        r->nomem = 1;
        return;
    }
    v[r->c.nexamples++] = x;
    r->c.examples = v;
}

/* A termlint:KEY[=VALUE] note of term t (NULL: of the langSec). */
static void private_note(tbx_in *r, gl_term *t, const char *s, tl_lang lang, unsigned line)
{
    const char *eq = strchr(s, '=');
    size_t k = eq ? (size_t)(eq - s) : strlen(s);
    const char *v = eq ? eq + 1 : "";
#define KEY(x) (k == strlen(x) && !strncmp(s, x, k))
    if (KEY("bad-example"))
        add_example(r, v, lang, 1, line);
    else if (!t)
        return;
    else if (KEY("match"))
        t->match = !strcmp(v, "exact")   ? GL_MATCH_EXACT
                   : !strcmp(v, "regex") ? GL_MATCH_REGEX
                                         : GL_MATCH_INFLECTED;
    else if (KEY("case"))
        t->case_sensitive = !strcmp(v, "sensitive");
    else if (KEY("literal"))
        t->literal = true;
    else if (KEY("suggest"))
        t->suggest = v;
    else if (KEY("display"))
        t->display = v;
    else if (KEY("context"))
        t->context = v;
    else if (KEY("not_before"))
        t->not_before = split(r, v, &t->nnot_before);
    else if (KEY("not_after"))
        t->not_after = split(r, v, &t->nnot_after);
#undef KEY
}

static void term_in(tbx_in *r, const xmlNode *sec, tl_lang lang)
{
    gl_term t;
    memset(&t, 0, sizeof t);
    t.lang = lang;
    t.kind = GL_VARIANT;
    t.loc = (gl_loc){r->path, (unsigned)xmlGetLineNo(sec), 1};
    for (const xmlNode *n = sec->children; n && !r->nomem; n = n->next) {
        char *type = n->type == XML_ELEMENT_NODE ? attr(r, n, "type") : NULL;
        char *s = n->type == XML_ELEMENT_NODE ? text_of(r, n) : NULL;
        if (!s)
            continue;
        if (is(n, "term"))
            t.text = s;
        else if (is(n, "termNote") && type && !strcmp(type, "administrativeStatus"))
            t.kind = !strcmp(s, status[0])   ? GL_CANONICAL
                     : !strcmp(s, status[2]) ? GL_FORBIDDEN
                                             : GL_VARIANT;
        else if (is(n, "termNote") && type && !strcmp(type, "termType"))
            t.short_form = !strcmp(s, "shortForm") || !strcmp(s, "abbreviation");
        else if (is(n, "descrip") && type && !strcmp(type, "context"))
            add_example(r, s, lang, 0, (unsigned)xmlGetLineNo(n));
        else if (is(n, "note") && !strncmp(s, "termlint:", 9))
            private_note(r, &t, s + 9, lang, (unsigned)xmlGetLineNo(n));
        else if (is(n, "note"))
            t.message = s;
    }
    if (!t.text)
        return;
    if (TL_GROW(r->t, r->nt, r->cap_t, 8)) {
        r->nomem = 1;
        return;
    }
    r->t[r->nt++] = t;
}

static void lang_in(tbx_in *r, const xmlNode *ls)
{
    xmlChar *l = xmlNodeGetLang(ls);
    const char *lang = l ? (const char *)l : "";
    for (const xmlNode *n = ls->children; n && !r->nomem; n = n->next) {
        if (!strcmp(lang, "vi") || !strcmp(lang, "en")) {
            const xmlNode *term = NULL;
            for (const xmlNode *m = is(n, "termSec") ? n->children : NULL; m; m = m->next)
                if (is(m, "term"))
                    term = m;
            if (term && lang[0] == 'v' && !r->c.vi)
                r->c.vi = text_of(r, term);
            else if (term && lang[0] == 'e' && !r->c.en)
                r->c.en = text_of(r, term);
        } else if (!strcmp(lang, "ru") || !strcmp(lang, "uk")) {
            tl_lang tl = lang[0] == 'r' ? TL_LANG_RU : TL_LANG_UK;
            if (is(n, "termSec"))
                term_in(r, n, tl);
            else if (is(n, "note")) {
                char *s = text_of(r, n);
                if (s && !strncmp(s, "termlint:", 9))
                    private_note(r, NULL, s + 9, tl, (unsigned)xmlGetLineNo(n));
            }
        }
    }
    xmlFree(l);
}

static void add_post(tbx_in *r, const char *s, unsigned line)
{
    size_t n;
    const char **f = split(r, s, &n);
    if (!f)
        return;
    gl_post p = {
        f[0], n > 1 && *f[1] ? f[1] : NULL, n > 2 && *f[2] ? f[2] : NULL, {r->path, line, 1}};
    gl_post *v = tl_arena_grow(&r->g->mem, r->c.posts, r->c.nposts, &r->cap_p, sizeof *v);
    if (!v) {
        r->nomem = 1;
        return;
    }
    v[r->c.nposts++] = p;
    r->c.posts = v;
}

static void concept_in(tbx_in *r, const xmlNode *ce)
{
    memset(&r->c, 0, sizeof r->c);
    r->nt = r->cap_x = r->cap_p = r->cap_s = 0;
    r->c.id = attr(r, ce, "id");
    r->c.loc = (gl_loc){r->path, (unsigned)xmlGetLineNo(ce), 1};
    for (const xmlNode *n = ce->children; n && !r->nomem; n = n->next) {
        if (is(n, "langSec")) {
            lang_in(r, n);
            continue;
        }
        char *type = n->type == XML_ELEMENT_NODE ? attr(r, n, "type") : NULL;
        char *s = n->type == XML_ELEMENT_NODE ? text_of(r, n) : NULL;
        if (!s)
            continue;
        if (is(n, "descrip") && type && !strcmp(type, "subjectField")) {
            for (int i = 0; category_names[i]; i++)
                if (!strcmp(s, category_names[i]))
                    r->c.category = (gl_category)i;
        } else if (is(n, "admin") && type && !strcmp(type, "source")) {
            const char **v =
                tl_arena_grow(&r->g->mem, r->c.sources, r->c.nsources, &r->cap_s, sizeof *v);
            if (!v) {
                r->nomem = 1;
                return;
            }
            v[r->c.nsources++] = s;
            v[r->c.nsources] = NULL;
            r->c.sources = v;
        } else if (is(n, "note") && !strncmp(s, "termlint:post=", 14)) {
            add_post(r, s + 14, (unsigned)xmlGetLineNo(n));
        } else if (is(n, "note")) {
            r->c.note = s;
        }
    }
    r->c.terms = r->t;
    r->c.nterms = r->nt;
    if (!r->nomem && gloss_add_concept(r->g, &r->c, r->d, &r->errors))
        r->nomem = 1;
}

static void walk(tbx_in *r, const xmlNode *n)
{
    for (; n && !r->nomem; n = n->next) {
        if (is(n, "conceptEntry"))
            concept_in(r, n);
        else if (n->type == XML_ELEMENT_NODE)
            walk(r, n->children);
    }
}

tl_status gloss_read_tbx(gloss *g, const char *path, tl_diags *d)
{
    /* no network, no external entities, no DTD loading: a glossary is data */
    xmlDocPtr doc =
        xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        diags_add(d, TL_SEV_ERROR, path, e ? (unsigned)e->line : 0, e ? (unsigned)e->int2 : 0,
                  UINT64_MAX, "cannot read '%s' as TBX: %s", path,
                  e && e->message ? e->message : "not XML");
        xmlResetLastError();
        return TL_ERR_GLOSSARY;
    }
    tbx_in r;
    memset(&r, 0, sizeof r);
    r.g = g;
    r.d = d;
    r.path = tl_arena_strdup(&g->mem, path);
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!r.path)
        r.nomem = 1;
    else if (!root || (strcmp((const char *)root->name, "tbx") &&
                       strcmp((const char *)root->name, "martif"))) {
        diags_add(d, TL_SEV_ERROR, path, 1, 1, UINT64_MAX,
                  "'%s' is not TBX (its root element is not <tbx>)", path);
        r.errors++;
    } else {
        walk(&r, root->children);
    }
    tl_free(r.t);
    xmlFreeDoc(doc);
    return r.nomem ? TL_ERR_NOMEM : r.errors ? TL_ERR_GLOSSARY : TL_OK;
}
