/*
 * check.c - the pipeline driver behind tl_check().
 *
 *   source_init -> (encoding findings) -> language -> for each chunk of ~1 MiB:
 *   tokenize_chunk -> every family's chunk() -> at the end every family's finish()
 *   -> result_build (sort, one finding per span, line:col) -> suggestions (suggest.c)
 *
 * One pass over the text: the families read the chunk's tokens; none re-scans the text
 * except line-oriented rules (boilerplate), which walk the chunk's lines once.
 */
#include "checks.h"
#include "ctx.h"
#include "lang.h"
#include "match.h"
#include "morph.h"
#include "result.h"
#include "tokenize.h"

#include <string.h>

/* The order is the order findings are produced in; it does not decide precedence. */
static const tl_check_family families[] = {
    {"spelling", check_spell_chunk, check_spell_finish, check_spell_release, NULL},
    {"terms", check_terms_chunk, check_terms_finish, check_terms_release, check_terms_ctx_release},
    {"doc-code", check_doccode_chunk, check_doccode_finish, check_doccode_release, NULL},
    {"numbering", check_numbering_chunk, check_numbering_finish, check_numbering_release, NULL},
    {"typography", check_typography_chunk, check_typography_finish, check_typography_release, NULL},
    {"names", check_names_chunk, check_names_finish, check_names_release, NULL},
    {"doubled", check_doubled_chunk, check_doubled_finish, check_doubled_release, NULL},
    {"langmix", check_langmix_chunk, check_langmix_finish, check_langmix_release, NULL},
    {"boilerplate", check_boilerplate_chunk, check_boilerplate_finish, check_boilerplate_release,
     check_boilerplate_ctx_release},
};

#define NFAMILIES (sizeof families / sizeof families[0])

const tl_check_family *check_families(size_t *n)
{
    *n = NFAMILIES;
    return families;
}

static void encoding_findings(tl_doc *d)
{
    for (size_t i = 0; i < d->src.nbad_recorded; i++) {
        const tl_bad_bytes *b = &d->src.bad[i];
        if (b->nul)
            doc_add(d, TL_RULE_ENCODING, b->off, b->len, "NUL byte at byte offset %zu", b->off);
        else
            doc_add(d, TL_RULE_ENCODING, b->off, b->len,
                    "invalid UTF-8 sequence at byte offset %zu (the text must be UTF-8)",
                    b->off);
    }
    if (d->src.nbad > d->src.nbad_recorded) {
        const tl_bad_bytes *b = &d->src.bad[d->src.nbad_recorded - 1];
        doc_add(d, TL_RULE_ENCODING, b->off, b->len, "%zu more invalid bytes not listed",
                d->src.nbad - d->src.nbad_recorded);
    }
}

static void doc_release(tl_doc *d)
{
    for (size_t i = 0; i < NFAMILIES; i++)
        if (families[i].release)
            families[i].release(d);
    source_release(&d->src);
    tl_free(d->tok);
    tl_free(d->f);
    tl_arena_release(&d->mem);
}

static tl_status run(tl_doc *d)
{
    tl_tok_state ts = {0, 0};
    size_t pos = d->src.start;
    while (pos < d->src.len) {
        size_t end = tokenize_chunk_end(&d->src, pos);
        tl_status st = tokenize_chunk(d, &ts, pos, end);
        if (st != TL_OK)
            return st;
        for (size_t i = 0; i < NFAMILIES; i++)
            if (families[i].chunk(d))
                return TL_ERR_NOMEM;
        pos = end;
    }
    for (size_t i = 0; i < NFAMILIES; i++)
        if (families[i].finish && families[i].finish(d))
            return TL_ERR_NOMEM;
    return d->oom ? TL_ERR_NOMEM : TL_OK;
}

tl_status tl_check(tl_ctx *ctx, const char *name, const char *text, size_t len,
                   tl_result **out)
{
    *out = NULL;
    tl_doc d;
    memset(&d, 0, sizeof d);
    d.ctx = ctx;
    d.name = name;
    tl_arena_init(&d.mem);
    tl_status st = source_init(&d.src, text, len);
    if (st != TL_OK) {
        doc_release(&d);
        return st;
    }
    encoding_findings(&d);
    if (ctx->sh->lang != TL_LANG_AUTO) {
        d.lang = ctx->sh->lang;
        d.lang_reason = "given with --lang";
    } else {
        d.lang = lang_detect(d.src.text + d.src.start, d.src.len - d.src.start, &d.mem,
                             &d.lang_reason);
    }
    if (!d.lang_reason)
        st = TL_ERR_NOMEM;
    else if (morph_load(ctx->morph, d.lang, NULL) != TL_OK)
        st = TL_ERR_DICTIONARY;
    if (st == TL_OK)
        st = run(&d);
    if (st == TL_OK)
        st = result_build(&d, out);
    int bad = d.src.nbad > 0;
    doc_release(&d);
    if (st == TL_OK && !ctx->defer_suggestions)
        st = tl_result_suggest(ctx, *out);
    if (st != TL_OK) {
        tl_result_free(*out);
        *out = NULL;
        return st;
    }
    return bad ? TL_ERR_ENCODING : TL_OK;
}
