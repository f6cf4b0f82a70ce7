/*
 * glossary_tools.c - what `termlint glossary` does for the people who keep a glossary:
 *
 *   tl_glossary_check   the files loaded together, as a check run would load them
 *                       (conflicts between files show), plus what only a glossary's
 *                       keeper needs to hear: concepts without a source or without a
 *                       language the glossary declares, a variant or forbidden form that is
 *                       another concept's canonical form, canonical forms the inflector
 *                       cannot put into another case (their suggestions stay nominative)
 *   tl_glossary_stats   counts per file and in all: concepts, terms per language and
 *                       kind, sources, examples
 *   tl_glossary_test    every concept's `examples:` checked by the matcher, as a check
 *                       run sees them: a good example must find the concept and no wrong
 *                       form of it, a bad one a wrong form of it
 *
 * A glossary edit that breaks matching then fails `glossary test` (and `make check`,
 * which runs it on the shipped glossary).
 */
#include "ctx.h"
#include "gloss.h"
#include "inflect.h"

#include <string.h>

static tl_status load_all(gloss *g, const char *const *paths, size_t n, tl_diags *d)
{
    tl_status worst = TL_OK;
    for (size_t i = 0; i < n; i++) {
        tl_status st = gloss_load(g, paths[i], d);
        if (st == TL_ERR_NOMEM)
            return st;
        if (st != TL_OK && worst == TL_OK)
            worst = st;
    }
    return worst;
}

static int warn(tl_diags *d, tl_severity sev, const gl_loc *at, const char *fmt, const char *a,
                const char *b, const char *c)
{
    return diags_add(d, sev, at->file, at->line, at->col, UINT64_MAX, fmt, a, b, c) ? -1 : 0;
}

/* The canonical term of c in lang, or NULL. */
static const gl_term *canonical(const gl_concept *c, tl_lang lang)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i].kind == GL_CANONICAL && c->terms[i].lang == lang)
            return &c->terms[i];
    return NULL;
}

/* Can canonical term t be put into another case? Probed with the genitive and the
 * instrumental of a plain masculine noun: what the inflector does for a forbidden form
 * found in those cases. */
static int inflectable(tl_arena *a, const gl_term *t)
{
    if (t->match == GL_MATCH_REGEX)
        return 1; /* a regex's suggestion is the `suggest:` of each forbidden form */
    static const char *const probe[2][3] = {{"город", "города", "городом"},
                                            {"місто", "міста", "містом"}};
    int l = t->lang == TL_LANG_UK;
    return inflect_like(a, t->lang, probe[l][0], probe[l][1], t->text) &&
           inflect_like(a, t->lang, probe[l][0], probe[l][2], t->text);
}

/* The keeper's checks of one concept (after the loader's). -1 when out of memory. */
static int keeper_checks(const gloss *g, const gl_concept *c, tl_map *canon, tl_arena *scratch,
                         tl_diags *d)
{
    if (!c->nsources &&
        warn(d, TL_SEV_WARNING, &c->loc,
             "concept '%s' has no 'source' (where its renderings are attested)", c->id, NULL, NULL))
        return -1;
    for (int l = 0; l < 2; l++) {
        tl_lang lang = l ? TL_LANG_UK : TL_LANG_RU;
        const gl_term *t = canonical(c, lang);
        if (!t && (g->languages & (1u << lang)) &&
            warn(d, TL_SEV_WARNING, &c->loc,
                 "concept '%s' has no '%s' terms, and the glossary "
                 "declares that language",
                 c->id, l ? "uk" : "ru", NULL))
            return -1;
        if (t && t->match == GL_MATCH_REGEX && !t->display &&
            warn(d, TL_SEV_WARNING, &t->loc,
                 "the canonical form of concept '%s' is a pattern with no 'display': messages "
                 "name the concept by its vi form and suggest no replacement",
                 c->id, NULL, NULL))
            return -1;
        int replaced = 0;
        for (size_t i = 0; t && i < c->nterms; i++)
            replaced |= c->terms[i].lang == lang && c->terms[i].kind != GL_CANONICAL &&
                        !c->terms[i].suggest;
        /* (names are left out: a name suggested in the nominative reads as a name, and
         * most Vietnamese names, one syllable a word, do not decline) */
        if (t && replaced && c->category != GL_CAT_PERSON && c->category != GL_CAT_PLACE &&
            !inflectable(scratch, t) &&
            warn(d, TL_SEV_WARNING, &t->loc,
                 "canonical form '%s' of concept '%s' cannot be inflected: suggestions for its "
                 "variants and forbidden forms found in another case will be '%s' as written",
                 t->text, c->id, t->text))
            return -1;
    }
    tl_buf k;
    tl_buf_init(&k, 0);
    for (size_t i = 0; i < c->nterms; i++) {
        const gl_term *t = &c->terms[i];
        if (t->kind == GL_CANONICAL || t->match == GL_MATCH_REGEX)
            continue;
        tl_buf_reset(&k);
        tl_buf_addc(&k, t->lang == TL_LANG_UK ? 'u' : 'r');
        tl_buf_adds(&k, t->text);
        const gl_term *o = k.oom ? NULL : tl_map_get(canon, k.data, k.len);
        if (o && o->concept != c &&
            diags_add(d, TL_SEV_ERROR, t->loc.file, t->loc.line, t->loc.col, UINT64_MAX,
                      "%s '%s' of concept '%s' is the canonical form of concept '%s' (%s:%u:%u)",
                      t->kind == GL_VARIANT ? "variant" : "forbidden form", t->text, c->id,
                      o->concept->id, o->loc.file, o->loc.line, o->loc.col)) {
            tl_buf_release(&k);
            return -1;
        }
    }
    tl_buf_release(&k);
    return 0;
}

tl_status tl_glossary_check(const char *const *paths, size_t n, tl_diags *diags)
{
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status st = load_all(g, paths, n, diags);
    tl_map canon;
    tl_map_init(&canon);
    tl_arena scratch;
    tl_arena_init(&scratch);
    tl_buf k;
    tl_buf_init(&k, 0);
    /* canonical forms by language and text as written (the loader compares the matcher's
     * keys already; this names the clash the keeper means) */
    for (size_t c = 0; st != TL_ERR_NOMEM && c < g->nconcepts; c++)
        for (size_t i = 0; i < g->concepts[c]->nterms; i++) {
            const gl_term *t = &g->concepts[c]->terms[i];
            if (t->kind != GL_CANONICAL)
                continue;
            tl_buf_reset(&k);
            tl_buf_addc(&k, t->lang == TL_LANG_UK ? 'u' : 'r');
            tl_buf_adds(&k, t->text);
            if (k.oom || (!tl_map_get(&canon, k.data, k.len) &&
                          !tl_map_put(&canon, k.data, k.len, (void *)t)))
                st = TL_ERR_NOMEM;
        }
    for (size_t c = 0; st != TL_ERR_NOMEM && c < g->nconcepts; c++)
        if (keeper_checks(g, g->concepts[c], &canon, &scratch, diags))
            st = TL_ERR_NOMEM;
    tl_buf_release(&k);
    tl_arena_release(&scratch);
    tl_map_release(&canon);
    gloss_free(g);
    return st;
}

/* ---- stats ------------------------------------------------------------------------- */

static void count_concept(tl_glossary_stats *r, const gl_concept *c)
{
    r->concepts++;
    r->with_source += c->nsources > 0;
    r->examples += c->nexamples;
    r->posts += c->nposts;
    for (size_t i = 0; i < c->nterms; i++) {
        const gl_term *t = &c->terms[i];
        int l = t->lang == TL_LANG_UK;
        if (t->kind == GL_CANONICAL)
            r->canonical[l]++;
        else if (t->kind == GL_VARIANT)
            r->variants[l]++;
        else
            r->forbidden[l]++;
    }
}

tl_status tl_glossary_stats_get(const char *const *paths, size_t n,
                                int (*row)(void *arg, const tl_glossary_stats *s), void *arg,
                                tl_diags *diags)
{
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status st = load_all(g, paths, n, diags);
    tl_glossary_stats all;
    memset(&all, 0, sizeof all);
    all.file = NULL;
    /* a concept counts in the file that defines it (extensions add to it in place);
     * files come in the order their first concept was loaded */
    for (size_t c = 0; st != TL_ERR_NOMEM && c < g->nconcepts;) {
        tl_glossary_stats r;
        memset(&r, 0, sizeof r);
        r.file = g->concepts[c]->loc.file;
        size_t e = c;
        while (e < g->nconcepts && !strcmp(g->concepts[e]->loc.file, r.file))
            count_concept(&r, g->concepts[e++]);
        c = e;
        for (int l = 0; l < 2; l++) {
            all.canonical[l] += r.canonical[l];
            all.variants[l] += r.variants[l];
            all.forbidden[l] += r.forbidden[l];
        }
        all.concepts += r.concepts;
        all.with_source += r.with_source;
        all.examples += r.examples;
        all.posts += r.posts;
        if (row(arg, &r))
            break;
    }
    if (st != TL_ERR_NOMEM)
        row(arg, &all);
    gloss_free(g);
    return st;
}

/* ---- examples ---------------------------------------------------------------------- */

typedef struct {
    int concept_found, wrong_found;
} verdict;

static void judge(const tl_result *r, const gl_concept *c, verdict *v)
{
    memset(v, 0, sizeof *v);
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (!f->concept || strcmp(f->concept, c->id))
            continue;
        int wrong = f->rule == TL_RULE_TERM_FORBIDDEN || f->rule == TL_RULE_TERM_LITERAL ||
                    f->rule == TL_RULE_NAME_VARIANT || f->rule == TL_RULE_NAME_TRANSCRIPTION;
        v->wrong_found |= wrong;
        v->concept_found |= !wrong;
    }
}

tl_status tl_glossary_test(const tl_options *opt, tl_glossary_test_result *out, tl_diags *diags)
{
    memset(out, 0, sizeof *out);
    /* every use of a term shown (term.use), each example checked in its own language */
    const char *extra[] = {"term.use=info", NULL};
    size_t n = 0;
    while (opt->severity_overrides && opt->severity_overrides[n])
        n++;
    const char **sev = tl_calloc(n + 2, sizeof *sev);
    if (!sev)
        return TL_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        sev[i] = opt->severity_overrides[i];
    sev[n] = extra[0];
    tl_ctx *ctx[2] = {NULL, NULL};
    tl_status st = TL_OK;
    for (int l = 0; l < 2 && st == TL_OK; l++) {
        tl_options o = *opt;
        o.lang = l ? TL_LANG_UK : TL_LANG_RU;
        o.severity_overrides = sev;
        o.suggest_limit = 0;
        st = tl_ctx_new(&o, &ctx[l], diags);
    }
    const gloss *g = st == TL_OK ? ctx[0]->sh->g : NULL;
    for (size_t c = 0; g && st == TL_OK && c < g->nconcepts; c++) {
        const gl_concept *k = g->concepts[c];
        for (size_t e = 0; st == TL_OK && e < k->nexamples; e++) {
            const gl_example *x = &k->examples[e];
            tl_result *r = NULL;
            tl_status cs =
                tl_check(ctx[x->lang == TL_LANG_UK], x->loc.file, x->text, strlen(x->text), &r);
            if (cs == TL_ERR_NOMEM) {
                st = cs;
                break;
            }
            verdict v;
            judge(r, k, &v);
            tl_result_free(r);
            out->examples++;
            const char *why = NULL;
            if (x->bad && !v.wrong_found)
                why = "no wrong form of the concept was found";
            else if (!x->bad && v.wrong_found)
                why = "a wrong form of the concept was found";
            else if (!x->bad && !v.concept_found)
                why = "the concept was not found";
            if (!why)
                continue;
            out->failed++;
            if (diags_add(diags, TL_SEV_ERROR, x->loc.file, x->loc.line, x->loc.col, UINT64_MAX,
                          "%s example of concept '%s' fails: %s («%s»)", x->bad ? "bad" : "good",
                          k->id, why, x->text))
                st = TL_ERR_NOMEM;
        }
    }
    tl_ctx_free(ctx[0]);
    tl_ctx_free(ctx[1]);
    tl_free(sev);
    return st;
}
