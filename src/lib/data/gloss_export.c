/*
 * gloss_export.c - a loaded glossary written out as YAML, CSV or TBX, for
 * `termlint glossary convert` (gloss_import.c reads CSV and TBX back).
 *
 * What is written: the concepts (after `extends:` entries have joined them) with every
 * field of their terms, examples, sources and posts, and the contexts the terms name.
 * Rule data (document codes, boilerplate patterns, word lists) stays in YAML only.
 *
 *   YAML  the glossary format (docs/glossary-format.md); every string double-quoted, so
 *         nothing a term holds can be read back as YAML syntax
 *   CSV   one row per term, example or post (RFC 4180 quoting; the columns are
 *         CSV_HEADER, documented in docs/glossary-format.md); the concept's own fields
 *         repeat on each of its rows
 *   TBX   TBX-Basic (ISO 30042:2019, DCA style): a conceptEntry per concept, a langSec
 *         per language (vi and en carry the source forms), a termSec per term with its
 *         administrativeStatus (preferred / admitted / deprecated) and termType
 *         (shortForm); what TBX-Basic has no category for (match, case, literal, suggest,
 *         context, not_before, not_after, posts, bad examples) goes into <note> elements
 *         that begin with "termlint:" and are read back
 *
 * Each writer appends to a tl_buf; the buffer's oom flag says whether it is whole.
 */
#include "gloss_p.h"

#include <stdio.h>
#include <string.h>

const char CSV_HEADER[] = "concept,category,vi,en,note,source,language,kind,form,match,case,"
                          "short,literal,suggest,context,not_before,not_after,reason,valid_from,"
                          "valid_to,display\n";

static const char *const category_names[] = {"general", "title", "body", "document",
                                             "person",  "place", "event"};

static const char *lang_name(tl_lang l) { return l == TL_LANG_UK ? "uk" : "ru"; }

/* ---- YAML ------------------------------------------------------------------------- */

static void yq(tl_buf *b, const char *s)
{
    tl_buf_addc(b, '"');
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            tl_buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            tl_buf_printf(b, "\\x%02x", c);
        else
            tl_buf_addc(b, (char)c);
    }
    tl_buf_addc(b, '"');
}

static void ylist(tl_buf *b, const char *const *v, size_t n)
{
    tl_buf_addc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            tl_buf_adds(b, ", ");
        yq(b, v[i]);
    }
    tl_buf_addc(b, ']');
}

/* Term t as a mapping: a list item (`- term: ...`) when `item`, else the value of the
 * key just written (`canonical:`); `indent` is where the item's dash or the keys go. */
static void yaml_term(tl_buf *b, const gl_term *t, const char *indent, int item)
{
    tl_buf_printf(b, "%s%sterm: ", indent, item ? "- " : "");
    yq(b, t->text);
    tl_buf_addc(b, '\n');
    const char *in = item ? "  " : "";
    if (t->match != GL_MATCH_INFLECTED)
        tl_buf_printf(b, "%s%smatch: %s\n", indent, in,
                      t->match == GL_MATCH_EXACT ? "exact" : "regex");
    if (t->case_sensitive)
        tl_buf_printf(b, "%s%scase: sensitive\n", indent, in);
    if (t->short_form)
        tl_buf_printf(b, "%s%sshort: true\n", indent, in);
    if (t->literal)
        tl_buf_printf(b, "%s%sliteral: true\n", indent, in);
    const char *keys[] = {"display", "message", "suggest", "context"};
    const char *vals[] = {t->display, t->message, t->suggest, t->context};
    for (int k = 0; k < 4; k++)
        if (vals[k]) {
            tl_buf_printf(b, "%s%s%s: ", indent, in, keys[k]);
            yq(b, vals[k]);
            tl_buf_addc(b, '\n');
        }
    if (t->nnot_before) {
        tl_buf_printf(b, "%s%snot_before: ", indent, in);
        ylist(b, t->not_before, t->nnot_before);
        tl_buf_addc(b, '\n');
    }
    if (t->nnot_after) {
        tl_buf_printf(b, "%s%snot_after: ", indent, in);
        ylist(b, t->not_after, t->nnot_after);
        tl_buf_addc(b, '\n');
    }
}

static void yaml_lang(tl_buf *b, const gl_concept *c, tl_lang lang)
{
    const gl_term *canon = NULL;
    size_t nv = 0, nf = 0, ne[2] = {0, 0};
    for (size_t i = 0; i < c->nterms; i++) {
        const gl_term *t = &c->terms[i];
        if (t->lang != lang)
            continue;
        if (t->kind == GL_CANONICAL)
            canon = t;
        nv += t->kind == GL_VARIANT;
        nf += t->kind == GL_FORBIDDEN;
    }
    for (size_t i = 0; i < c->nexamples; i++)
        ne[c->examples[i].bad] += c->examples[i].lang == lang;
    if (!canon && !nv && !nf && !ne[0] && !ne[1])
        return;
    tl_buf_printf(b, "    %s:\n", lang_name(lang));
    if (canon) {
        tl_buf_adds(b, "      canonical:\n");
        yaml_term(b, canon, "        ", 0);
    }
    for (int kind = GL_VARIANT; kind <= GL_FORBIDDEN; kind++) {
        if (!(kind == GL_VARIANT ? nv : nf))
            continue;
        tl_buf_printf(b, "      %s:\n", kind == GL_VARIANT ? "variants" : "forbidden");
        for (size_t i = 0; i < c->nterms; i++)
            if (c->terms[i].lang == lang && (int)c->terms[i].kind == kind)
                yaml_term(b, &c->terms[i], "        ", 1);
    }
    if (ne[0] || ne[1]) {
        tl_buf_adds(b, "      examples:\n");
        for (int bad = 0; bad < 2; bad++) {
            if (!ne[bad])
                continue;
            tl_buf_printf(b, "        %s:\n", bad ? "bad" : "good");
            for (size_t i = 0; i < c->nexamples; i++)
                if (c->examples[i].lang == lang && c->examples[i].bad == bad) {
                    tl_buf_adds(b, "          - ");
                    yq(b, c->examples[i].text);
                    tl_buf_addc(b, '\n');
                }
        }
    }
}

static void yaml_concept(tl_buf *b, const gl_concept *c)
{
    tl_buf_adds(b, "  - id: ");
    yq(b, c->id);
    tl_buf_printf(b, "\n    category: %s\n", category_names[c->category]);
    const char *keys[] = {"note", "vi", "en"};
    const char *vals[] = {c->note, c->vi, c->en};
    for (int k = 0; k < 3; k++)
        if (vals[k]) {
            tl_buf_printf(b, "    %s: ", keys[k]);
            yq(b, vals[k]);
            tl_buf_addc(b, '\n');
        }
    if (c->nsources) {
        tl_buf_adds(b, "    source:\n");
        for (size_t i = 0; i < c->nsources; i++) {
            tl_buf_adds(b, "      - ");
            yq(b, c->sources[i]);
            tl_buf_addc(b, '\n');
        }
    }
    if (c->nposts) {
        tl_buf_adds(b, "    posts:\n");
        for (size_t i = 0; i < c->nposts; i++) {
            const gl_post *p = &c->posts[i];
            tl_buf_adds(b, "      - title: ");
            yq(b, p->title);
            tl_buf_addc(b, '\n');
            if (p->valid_from) {
                tl_buf_adds(b, "        valid_from: ");
                yq(b, p->valid_from);
                tl_buf_addc(b, '\n');
            }
            if (p->valid_to) {
                tl_buf_adds(b, "        valid_to: ");
                yq(b, p->valid_to);
                tl_buf_addc(b, '\n');
            }
        }
    }
    yaml_lang(b, c, TL_LANG_RU);
    yaml_lang(b, c, TL_LANG_UK);
}

void gloss_write_yaml(const gloss *g, tl_buf *b)
{
    tl_buf_adds(b, "# written by termlint glossary convert\n");
    if (g->name) {
        tl_buf_adds(b, "name: ");
        yq(b, g->name);
        tl_buf_addc(b, '\n');
    }
    if (g->ncontexts) {
        tl_buf_adds(b, "contexts:\n");
        for (size_t i = 0; i < g->ncontexts; i++) {
            const gl_context *x = &g->contexts[i];
            tl_buf_adds(b, "  - id: ");
            yq(b, x->id);
            if (x->window == GL_WINDOW_DOCUMENT)
                tl_buf_adds(b, "\n    window: document\n");
            else
                tl_buf_printf(b, "\n    window: %u\n", x->window);
            if (x->nru) {
                tl_buf_adds(b, "    ru: ");
                ylist(b, x->ru, x->nru);
                tl_buf_addc(b, '\n');
            }
            if (x->nuk) {
                tl_buf_adds(b, "    uk: ");
                ylist(b, x->uk, x->nuk);
                tl_buf_addc(b, '\n');
            }
        }
    }
    tl_buf_adds(b, "concepts:\n");
    for (size_t i = 0; i < g->nconcepts; i++)
        yaml_concept(b, g->concepts[i]);
}

/* ---- CSV -------------------------------------------------------------------------- */

static void cq(tl_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        tl_buf_adds(b, s);
        return;
    }
    tl_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            tl_buf_addc(b, '"');
        tl_buf_addc(b, *s);
    }
    tl_buf_addc(b, '"');
}

/* A list joined by " | " (entries holding " | " do not survive: documented). */
static void cjoin(tl_buf *b, tl_buf *tmp, const char *const *v, size_t n)
{
    tl_buf_reset(tmp);
    for (size_t i = 0; i < n; i++) {
        if (i)
            tl_buf_adds(tmp, " | ");
        tl_buf_adds(tmp, v[i]);
    }
    if (n)
        cq(b, tmp->data);
}

static void csv_concept_fields(tl_buf *b, tl_buf *tmp, const gl_concept *c)
{
    cq(b, c->id);
    tl_buf_printf(b, ",%s,", category_names[c->category]);
    cq(b, c->vi);
    tl_buf_addc(b, ',');
    cq(b, c->en);
    tl_buf_addc(b, ',');
    cq(b, c->note);
    tl_buf_addc(b, ',');
    cjoin(b, tmp, c->sources, c->nsources);
    tl_buf_addc(b, ',');
}

static void csv_term(tl_buf *b, tl_buf *tmp, const gl_concept *c, const gl_term *t)
{
    static const char *const kinds[] = {"canonical", "variant", "forbidden"};
    static const char *const matches[] = {"inflected", "exact", "regex"};
    csv_concept_fields(b, tmp, c);
    tl_buf_printf(b, "%s,%s,", lang_name(t->lang), kinds[t->kind]);
    cq(b, t->text);
    tl_buf_printf(b, ",%s,%s,%s,%s,", matches[t->match],
                  t->case_sensitive ? "sensitive" : "insensitive", t->short_form ? "true" : "",
                  t->literal ? "true" : "");
    cq(b, t->suggest);
    tl_buf_addc(b, ',');
    cq(b, t->context);
    tl_buf_addc(b, ',');
    cjoin(b, tmp, t->not_before, t->nnot_before);
    tl_buf_addc(b, ',');
    cjoin(b, tmp, t->not_after, t->nnot_after);
    tl_buf_addc(b, ',');
    cq(b, t->message);
    tl_buf_adds(b, ",,,");
    cq(b, t->display);
    tl_buf_addc(b, '\n');
}

void gloss_write_csv(const gloss *g, tl_buf *b)
{
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    tl_buf_adds(b, CSV_HEADER);
    for (size_t i = 0; i < g->nconcepts; i++) {
        const gl_concept *c = g->concepts[i];
        for (size_t k = 0; k < c->nterms; k++)
            csv_term(b, &tmp, c, &c->terms[k]);
        for (size_t k = 0; k < c->nexamples; k++) {
            const gl_example *x = &c->examples[k];
            csv_concept_fields(b, &tmp, c);
            tl_buf_printf(b, "%s,%s,", lang_name(x->lang), x->bad ? "example-bad" : "example-good");
            cq(b, x->text);
            tl_buf_adds(b, ",,,,,,,,,,,,\n");
        }
        for (size_t k = 0; k < c->nposts; k++) {
            const gl_post *p = &c->posts[k];
            csv_concept_fields(b, &tmp, c);
            tl_buf_adds(b, ",post,");
            cq(b, p->title);
            tl_buf_adds(b, ",,,,,,,,,,"); /* match .. reason empty */
            cq(b, p->valid_from);
            tl_buf_addc(b, ',');
            cq(b, p->valid_to);
            tl_buf_adds(b, ",\n");
        }
    }
    if (tmp.oom)
        b->oom = 1;
    tl_buf_release(&tmp);
}

/* ---- the public entry ----------------------------------------------------------- */

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

tl_status tl_glossary_convert(const char *in_path, tl_glossary_format out, char **text, size_t *len,
                              tl_diags *diags)
{
    *text = NULL;
    *len = 0;
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status st = ends_with(in_path, ".csv") ? gloss_read_csv(g, in_path, diags)
                   : ends_with(in_path, ".tbx") || ends_with(in_path, ".xml")
                       ? gloss_read_tbx(g, in_path, diags)
                       : gloss_load(g, in_path, diags);
    tl_buf b;
    tl_buf_init(&b, 0);
    if (st == TL_OK) {
        if (out == TL_GLOSSARY_CSV)
            gloss_write_csv(g, &b);
        else if (out == TL_GLOSSARY_TBX)
            gloss_write_tbx(g, &b);
        else
            gloss_write_yaml(g, &b);
        if (b.oom)
            st = TL_ERR_NOMEM;
    }
    if (st == TL_OK) {
        *len = b.len;
        *text = tl_buf_detach(&b, NULL);
        if (!*text)
            st = TL_ERR_NOMEM;
    }
    tl_buf_release(&b);
    gloss_free(g);
    return st;
}

void tl_glossary_text_free(char *text) { tl_free(text); }
