/*
 * check_terms.c - rules `term.forbidden`, `term.literal`, `term.variant`,
 * `term.inconsistent`, and `name.variant` for the forbidden forms of person and place
 * concepts (a known name written in a listed wrong form).
 *
 * Matches come from the matcher (match/): at each word the best term starting there,
 * leftmost-longest, then the regex terms. Each match of a forbidden form is reported at
 * once, with the canonical form inflected like the text (inflect.c) as the suggestion;
 * a variant is reported as term.variant. Uses of canonical forms and variants (not of
 * short forms, `short: true`) are recorded and judged for term.inconsistent when the
 * document ends (consistency.c), or, with run-wide consistency, kept in the document
 * for the run to judge with the other documents' (corpus.c).
 */
#include "consistency.h"
#include "norm.h"
#include "stem.h"

#include <string.h>

typedef struct {
    term_use *u; /* uses of concepts, in order */
    size_t n, cap;
    infl_memo memo; /* suggestions put in the case of the text */
    /* contexts with `window: document` (mterm.docbit): where they were met, as line
     * numbers of the document (this chunk's, then the last one before it) */
    struct ctx_line {
        uint32_t bits, line;
    } * ctxl;
    size_t nctxl, cap_ctxl;
    uint32_t last_line[32]; /* +1; 0: not met before this chunk */
    uint32_t line_base;     /* lines of the document before this chunk */
    struct name_hit {
        size_t f;         /* index of the name.variant finding in d->f */
        const gl_term *t; /* the wrong form found */
    } * names;            /* wrong forms of known names, judged at the end */
    size_t nnames, cap_names;
    uint8_t *given_up; /* regex terms that ran out of time (match_calls), per pattern */
} terms_state;

/* The family's context state: the regex terms compiled for this context, and the keys of
 * the words whose capital is house style (g->house_capitals). */
typedef struct {
    match_regexes *rx;
    tl_map house; /* stems of g->house_capitals */
    tl_map qualifier; /* stems of g->generic_modifiers («районный», «провинциальный») */
    const gloss *house_of;
} terms_ctx;

static void release(void *st)
{
    terms_state *s = st;
    tl_free(s->u);
    tl_free(s->names);
    tl_free(s->ctxl);
    tl_free(s->given_up);
    infl_memo_release(&s->memo);
}

static void ctx_release(void *cst)
{
    terms_ctx *c = cst;
    match_regexes_free(c->rx);
    c->rx = NULL;
    tl_map_release(&c->house);
    tl_map_release(&c->qualifier);
    c->house_of = NULL;
}

static const gl_term *canonical_of(const gl_concept *c, tl_lang lang)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i].kind == GL_CANONICAL && c->terms[i].lang == lang)
            return &c->terms[i];
    return NULL;
}

/* How a message names concept c to a reader: its canonical term in `lang`, else in the
 * other language, else its Vietnamese form, else its id. */
static const char *concept_label(const gl_concept *c, tl_lang lang)
{
    const gl_term *t = canonical_of(c, lang);
    const char *s = t ? gl_term_shown(t) : NULL;
    if (!s) {
        t = canonical_of(c, lang == TL_LANG_RU ? TL_LANG_UK : TL_LANG_RU);
        s = t ? gl_term_shown(t) : NULL;
    }
    return s ? s : c->vi ? c->vi : c->id;
}

/* The glossary form of term t that `found` inflects, for inflect_like(): its text, its
 * `display:` for a pattern, else the found text itself. */
static const char *form_of(const gl_term *t, const char *found)
{
    const char *s = gl_term_shown(t);
    return s ? s : found;
}

static void report_forbidden(tl_doc *d, terms_state *s, const mterm *mt, size_t off, size_t len,
                             int sent)
{
    const gl_term *t = mt->term;
    const gl_concept *c = t->concept;
    const gl_term *canon = canonical_of(c, d->lang);
    const char *found = doc_flat(d, off, len);
    if (!found)
        return;
    const char *repl = t->suggest ? t->suggest : canon ? gl_term_shown(canon) : NULL;
    tl_rule rule = t->literal ? TL_RULE_TERM_LITERAL
                   : (c->category == GL_CAT_PERSON || c->category == GL_CAT_PLACE)
                       ? TL_RULE_NAME_VARIANT
                       : TL_RULE_TERM_FORBIDDEN;
    const char *what = c->category == GL_CAT_PLACE    ? "a wrong spelling of the place name"
                       : c->category == GL_CAT_PERSON ? "a wrong spelling of the name"
                                                      : "a wrong rendering";
    tl_ifinding *f;
    if (repl)
        f = doc_add(d, rule, off, len, "«%s» is %s; write «%s»%s%s", found, what, repl,
                    t->message ? ": " : "", t->message ? t->message : "");
    else
        f = doc_add(d, rule, off, len, "«%s» is %s of «%s»%s%s", found, what,
                    concept_label(c, d->lang), t->message ? ": " : "",
                    t->message ? t->message : "");
    doc_concern(f, t);
    if (f && repl) {
        const char *sug =
            infl_memo_get(&s->memo, d->scratch, d->lang, form_of(t, found), found, repl, repl);
        sug = sent ? doc_capitalised(d, sug) : sug;
        doc_suggest(d, f, sug, strlen(sug));
    }
    if (f && rule == TL_RULE_NAME_VARIANT) {
        if (TL_GROW(s->names, s->nnames, s->cap_names, 16)) {
            d->oom = 1;
            return;
        }
        s->names[s->nnames].f = (size_t)(f - d->f);
        s->names[s->nnames++].t = t;
    }
}

/* Is concept c written in this document in a form other than the wrong form t: a
 * canonical form or a variant, or another wrong form? */
static int written_otherwise(const terms_state *s, const gl_concept *c, const gl_term *t)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->u[i].mt->term->concept == c)
            return 1;
    for (size_t i = 0; i < s->nnames; i++)
        if (s->names[i].t->concept == c && s->names[i].t != t)
            return 1;
    return 0;
}

/* A known name written in a wrong form throughout the document is a transcription
 * that departs from the standard but is consistent (name.transcription, info); mixed
 * with another form it stays a name variant. Editors fix the mixing first: the same
 * person or place written two ways misleads the reader, one non-standard spelling
 * does not. */
static void judge_names(tl_doc *d, terms_state *s)
{
    for (size_t i = 0; i < s->nnames; i++) {
        tl_ifinding *f = &d->f[s->names[i].f];
        if (written_otherwise(s, s->names[i].t->concept, s->names[i].t))
            continue;
        f->rule = TL_RULE_NAME_TRANSCRIPTION;
        f->severity = d->severity[TL_RULE_NAME_TRANSCRIPTION];
    }
}

/* Does the word at token i open a clause whose first letter may be a capital whatever
 * the word: after «;» or «:» (items of a list), an opening quote or bracket, or a dash
 * or bullet that starts an item? */
static int opens_clause(const tl_doc *d, size_t i)
{
    if (i == 0 || d->tok[i - 1].kind != TK_PUNCT)
        return 0;
    tl_span p = tok_span(d, i - 1);
    static const char *const open[] = {";", ":", "«", "\"", "(", "„", "“", NULL};
    static const char *const item[] = {"–", "—", "-", "•", "*", NULL};
    for (int k = 0; open[k]; k++)
        if (p.len == strlen(open[k]) && !memcmp(p.p, open[k], p.len))
            return 1;
    /* a dash in mid-sentence is punctuation of the sentence; at a line start, a bullet */
    for (int k = 0; (d->tok[i - 1].flags & TF_LINE_START) && item[k]; k++)
        if (p.len == strlen(item[k]) && !memcmp(p.p, item[k], p.len))
            return 1;
    return 0;
}

/* The stems of g->house_capitals and g->generic_modifiers (both languages), built once
 * per context. */
static int house_words(terms_ctx *c, const gloss *g)
{
    if (c->house_of == g)
        return 0;
    tl_map_release(&c->house);
    tl_map_release(&c->qualifier);
    tl_map_init(&c->house);
    tl_map_init(&c->qualifier);
    tl_buf key;
    tl_buf_init(&key, 0);
    int bad = 0;
    for (int l = 0; l < 2 && !bad; l++)
        for (int set = 0; set < 2 && !bad; set++) {
            const char *const *list = set ? g->generic_modifiers[l] : g->house_capitals[l];
            size_t n = set ? g->ngeneric_modifiers[l] : g->nhouse_capitals[l];
            for (size_t k = 0; k < n && !bad; k++) {
                tl_buf_reset(&key);
                norm_key(&key, list[k], strlen(list[k]), l == 0);
                size_t sl = stem_key_len(l ? TL_LANG_UK : TL_LANG_RU, key.data, key.len);
                bad = key.oom ||
                      !tl_map_put(set ? &c->qualifier : &c->house, key.data, sl, (void *)1);
            }
        }
    tl_buf_release(&key);
    c->house_of = bad ? NULL : g;
    return bad ? -1 : 0;
}

static int record_use(tl_doc *d, terms_state *s, terms_ctx *c, const mterm *mt, size_t i,
                      size_t ntok)
{
    if (TL_GROW(s->u, s->n, s->cap, 64) || house_words(c, d->g))
        return -1;
    uint32_t sig = 0;
    /* a regex term has no words of its own to compare capitalisation with; a word whose
     * capital is house style («Партии») counts as written in lower case */
    for (size_t k = 0, w = 0; mt->n && k < ntok && w < 32; k++) {
        const tl_token *t = &d->tok[i + k];
        if (t->kind == TK_PUNCT)
            continue;
        const tl_word *x = t->w;
        if (x && (x->flags & WF_CAP) &&
            !tl_map_get(&c->house, x->key, stem_key_len(d->lang, x->key, x->keylen)))
            sig |= 1u << w;
        w++;
    }
    const tl_token *a = &d->tok[i], *b = &d->tok[i + ntok - 1];
    term_use *u = &s->u[s->n];
    u->mt = mt;
    u->seq = s->n;
    u->capsig = sig;
    u->qual = 0;
    const tl_word *q = i > 0 && !(a->flags & TF_LINE_START) ? d->tok[i - 1].w : NULL;
    size_t qsl = q ? stem_key_len(d->lang, q->key, q->keylen) : 0;
    if (q && mt->n && d->tok[i - 1].kind == TK_WORD && (q->script & SCRIPT_CYRILLIC) &&
        !(q->flags & WF_ALLCAPS) && doc_adjective_like(d->lang, q->key, q->keylen) &&
        tl_map_get(&c->qualifier, q->key, qsl)) {
        /* «районного народного совета», «Провінційної народної ради»: a qualified name,
         * whose capitals are compared with other qualified uses only */
        size_t sl = qsl;
        uint64_t h = 1469598103934665603ull;
        for (size_t k = 0; k < sl; k++)
            h = (h ^ (unsigned char)q->key[k]) * 1099511628211ull;
        u->qual = h ? h : 1;
        u->capsig = (sig << 1) | ((q->flags & WF_CAP) != 0);
        a = &d->tok[i - 1]; /* the span takes the qualifier in: the capitals compared */
    }
    size_t first = (size_t)(a - d->tok);
    u->sent =
        (a->flags & (TF_SENT_START | TF_CAPS_LINE | TF_LINE_START)) != 0 || opens_clause(d, first);
    u->d = d;
    u->off = a->off;
    u->len = b->off + b->len - a->off;
    s->n++;
    return 0;
}

static void report_variant(tl_doc *d, terms_state *s, const gl_term *t, size_t off, size_t len,
                           int sent)
{
    const gl_term *canon_term = canonical_of(t->concept, d->lang);
    const char *canon = canon_term ? gl_term_shown(canon_term) : NULL;
    const char *found = doc_flat(d, off, len);
    tl_ifinding *f = NULL;
    if (found && canon)
        f = doc_add(d, TL_RULE_TERM_VARIANT, off, len,
                    "«%s» is an accepted variant of «%s»; the canonical form is preferred", found,
                    canon);
    else if (found)
        f = doc_add(d, TL_RULE_TERM_VARIANT, off, len, "«%s» is an accepted variant of «%s»", found,
                    concept_label(t->concept, d->lang));
    doc_concern(f, t);
    if (f && canon) {
        const char *sug =
            infl_memo_get(&s->memo, d->scratch, d->lang, form_of(t, found), found, canon, canon);
        sug = sent ? doc_capitalised(d, sug) : sug;
        doc_suggest(d, f, sug, strlen(sug));
    }
}

/* Term mt matched tokens [i, i+ntok): a forbidden form is reported at once, a variant
 * too, and a use of a canonical form or a variant is recorded for consistency. */
static int on_match(tl_doc *d, terms_state *s, terms_ctx *c, const mterm *mt, size_t i, size_t ntok)
{
    const tl_token *a = &d->tok[i], *b = &d->tok[i + ntok - 1];
    size_t off = a->off, len = b->off + b->len - a->off;
    const gl_term *t = mt->term;
    int sent = (a->flags & (TF_SENT_START | TF_LINE_START)) != 0;
    if (t->kind == GL_FORBIDDEN) {
        report_forbidden(d, s, mt, off, len, sent);
        return 0;
    }
    if (doc_rule_on(d, TL_RULE_TERM_USE)) {
        tl_ifinding *u = doc_add(d, TL_RULE_TERM_USE, off, len, "«%s»: %s of «%s»",
                                 doc_flat(d, off, len) ? doc_flat(d, off, len) : "",
                                 t->kind == GL_CANONICAL ? "the canonical form"
                                 : t->short_form         ? "a short form"
                                                         : "a variant",
                                 concept_label(t->concept, d->lang));
        doc_concern(u, t);
    }
    /* a short form is recorded too: it is never a second rendering, but its capitals
     * are compared with its own other uses («Центральный Комитет» / «комитет») */
    if (t->kind == GL_VARIANT && !t->short_form)
        report_variant(d, s, t, off, len, sent);
    return record_use(d, s, c, mt, i, ntok);
}

/* A news article is a few dozen lines: a word of a document-wide context counts within
 * this many lines of the term, so that a long file of many texts (an archive, a book) is
 * not one context */
#define DOC_CONTEXT_LINES 60

/* Is the document-wide context of mt met near line `line` of this chunk? */
static int doc_context_met(const terms_state *s, const mterm *mt, uint32_t line)
{
    uint32_t lo = line > DOC_CONTEXT_LINES ? line - DOC_CONTEXT_LINES : 0,
             hi = line + DOC_CONTEXT_LINES;
    for (size_t k = 0; k < s->nctxl; k++)
        if ((s->ctxl[k].bits & mt->docbit) && s->ctxl[k].line >= lo && s->ctxl[k].line <= hi)
            return 1;
    for (int b = 0; b < 32; b++)
        if ((mt->docbit >> b & 1) && s->last_line[b] && s->last_line[b] - 1 >= lo)
            return 1;
    return 0;
}

/* The line (of the document) of each token of the chunk, counted as the chunk goes. */
static uint32_t token_line(const tl_doc *d, const terms_state *s, size_t i)
{
    return s->line_base + (uint32_t)source_line_of(&d->src, d->tok[i].off) -
           (uint32_t)source_line_of(&d->src, d->chunk_start);
}

typedef struct {
    tl_doc *d;
    terms_state *s;
    terms_ctx *c;
    tl_matcher *m;
} hit_arg;

/* A regex term matched tokens [i, i+ntok). */
static int on_regex(void *arg, const mterm *mt, size_t i, size_t ntok)
{
    hit_arg *h = arg;
    int ok = match_where_ok(h->m, mt, i, ntok);
    if (ok <= 0)
        return ok;
    if (mt->window == GL_WINDOW_DOCUMENT && !doc_context_met(h->s, mt, token_line(h->d, h->s, i)))
        return 0;
    return on_match(h->d, h->s, h->c, mt, i, ntok);
}

/* A regex term ran out of ICU's time (or stack) at byte off: said once; it is not
 * matched in the rest of the document. */
static void on_limit(void *arg, const mterm *mt, size_t off)
{
    hit_arg *h = arg;
    const char *label = concept_label(mt->term->concept, h->d->lang);
    int named = strcmp(label, mt->term->text) != 0; /* a concept of one pattern: no name */
    doc_add(h->d, TL_RULE_LIMIT, off, 0,
            "the glossary pattern '%s'%s%s%s ran out of time here and is not matched in the "
            "rest of this text; simplify it (nested repetition such as (a+)+ backtracks "
            "without end)",
            mt->term->text, named ? " of «" : "", named ? label : "", named ? "»" : "");
}

/* Leftmost-longest: at each word the best term starting there, then on after it; then
 * the regex terms over the whole chunk. */
static int chunk(tl_doc *d, void *st, void *cst)
{
    if (!d->mi)
        return 0;
    terms_state *s = st;
    tl_matcher m = {d->mi,       d->morph,       d->lang,      d->tok,    d->ntok,
                    d->src.text, d->chunk_start, d->chunk_end, d->scratch};
    /* contexts of the whole document: known up to the end of this chunk before matching,
     * so a context word later in the chunk than the term still counts */
    int err = 0;
    s->nctxl = 0;
    s->line_base = (uint32_t)source_line_of(&d->src, d->chunk_start);
    for (size_t i = 0; i < d->ntok && !err; i++) {
        uint32_t bits = match_doc_contexts(&m, i, &err);
        if (!bits)
            continue;
        if (TL_GROW(s->ctxl, s->nctxl, s->cap_ctxl, 16))
            return -1;
        s->ctxl[s->nctxl].bits = bits;
        s->ctxl[s->nctxl++].line = token_line(d, s, i);
    }
    if (err)
        return -1;
    for (size_t i = 0; i < d->ntok; i++) {
        if (d->tok[i].kind == TK_PUNCT || !d->tok[i].w || (d->tok[i].flags & TF_URL))
            continue;
        const mterm *mt;
        long n = match_at(&m, i, &mt);
        if (n < 0)
            return -1;
        if (!n)
            continue;
        int ok = match_where_ok(&m, mt, i, (size_t)n);
        if (ok < 0)
            return -1;
        if (mt->window == GL_WINDOW_DOCUMENT && !doc_context_met(s, mt, token_line(d, s, i)))
            ok = 0;
        if (!ok)
            continue; /* not this term here («Конгресс США»): the next word may start one */
        if (on_match(d, s, cst, mt, i, (size_t)n))
            return -1;
        for (size_t k = i; k < i + (size_t)n; k++)
            d->tok[k].flags |= TF_IN_TERM;
        i += (size_t)n - 1;
    }
    terms_ctx *c = cst;
    hit_arg h = {d, s, c, &m};
    size_t nrx = match_regex_count(d->mi);
    if (nrx && !s->given_up && !(s->given_up = tl_calloc(nrx, 1)))
        return -1;
    match_calls calls = {on_regex, on_limit, &h, s->given_up};
    if (match_regexes_run(&c->rx, &m, &calls))
        return -1;
    for (size_t k = 0; k < s->nctxl; k++) /* for the next chunk: the last sightings */
        for (int b = 0; b < 32; b++)
            if (s->ctxl[k].bits >> b & 1)
                s->last_line[b] = s->ctxl[k].line + 1;
    return d->oom ? -1 : 0;
}

/* The uses of the document: judged here, or with run-wide consistency kept in the
 * document (copied into its arena) for the run to judge with the other documents'. */
static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    terms_state *s = st;
    judge_names(d, s);
    if (!s->n || !doc_rule_on(d, TL_RULE_TERM_INCONSISTENT))
        return 0;
    if (!d->hold_uses)
        return consistency_judge(s->u, s->n, CONS_DOCUMENT, &s->memo);
    d->uses = tl_arena_alloc(&d->mem, s->n * sizeof *d->uses);
    if (!d->uses)
        return -1;
    memcpy(d->uses, s->u, s->n * sizeof *d->uses);
    d->nuses = s->n;
    return 0;
}

const tl_family family_terms = {
    "terms", sizeof(terms_state), sizeof(terms_ctx), NULL, chunk, finish, release, ctx_release};
