/*
 * check.c - the pipeline driver behind tl_check().
 *
 *   source_init -> (encoding findings) -> language -> families' prepare() -> for each
 *   segment, each chunk of ~1 MiB in it: tokenize_chunk -> every family's chunk()
 *   -> at the end every family's finish()
 *   -> (held for what spans documents, run.c) -> result_build (sort, one finding per
 *   span, line:col) -> suggestions from the budget (budget.c)
 *
 * One pass over the text: the families read the chunk's tokens; none re-scans the text
 * except line-oriented rules (boilerplate), which walk the chunk's lines once.
 */
#include "check.h"

#include "budget.h"
#include "decode.h"
#include "lang.h"
#include "morph.h"

#include <string.h>

/* The invalid sequences and NUL bytes of d's text, each a finding up to a hundred in
 * the whole text (`listed` by the sections before: sections.c), then one finding for
 * the rest. */
static void encoding_findings(tl_doc *d, size_t listed)
{
    size_t room = listed < 100 ? 100 - listed : 0;
    size_t shown = d->src.nbad_recorded < room ? d->src.nbad_recorded : room;
    for (size_t i = 0; i < shown; i++) {
        const tl_bad_bytes *b = &d->src.bad[i];
        if (b->nul)
            doc_add(d, TL_RULE_ENCODING, b->off, b->len, "NUL byte at byte offset %zu",
                    d->sup_base + b->off);
        else
            doc_add(d, TL_RULE_ENCODING, b->off, b->len,
                    "invalid UTF-8 sequence at byte offset %zu (the text must be UTF-8)",
                    d->sup_base + b->off);
    }
    if (d->src.nbad > shown) {
        const tl_bad_bytes *b = &d->src.bad[shown ? shown - 1 : 0];
        doc_add(d, TL_RULE_ENCODING, b->off, b->len, "%zu more invalid bytes not listed",
                d->src.nbad - shown);
    }
}

/* A text that is plainly not UTF-8 (decode_sniff on its first 64 KiB): one finding
 * that says what it looks like and how to check it, instead of an error per byte; the
 * text is not checked. Returns 1 when so. */
static int not_utf8(tl_doc *d, const char *text, size_t len)
{
    tl_sniff sn;
    if (!decode_sniff(text, len < (64u << 10) ? len : (64u << 10), &sn))
        return 0;
    /* with a byte order mark, iconv and ICU take "UTF-16" and drop the mark */
    const char *name = !sn.encoding ? NULL
                       : sn.bom     ? (sn.encoding[4] == '3' ? "UTF-32" : "UTF-16")
                                    : sn.encoding;
    tl_ifinding *f;
    if (sn.encoding && !sn.icu_name)
        f = doc_add(d, TL_RULE_ENCODING, 0, 0,
                    "the text is %s%s, not UTF-8; convert it (iconv -f %s -t UTF-8) or check "
                    "it with --encoding %s",
                    sn.encoding, sn.bom ? " (it starts with a byte order mark)" : "", name, name);
    else if (sn.encoding)
        f = doc_add(d, TL_RULE_ENCODING, 0, 0,
                    "the text looks like %s, not UTF-8 (%zu of its first %zu bytes above 0x7F "
                    "are not UTF-8); convert it (iconv -f %s -t UTF-8) or check it with "
                    "--encoding %s",
                    sn.encoding, sn.bad, sn.high, name, name);
    else
        f = doc_add(d, TL_RULE_ENCODING, 0, 0,
                    "the text is not UTF-8 (%zu of its first %zu bytes above 0x7F are not), nor "
                    "Russian or Ukrainian in Windows-1251, KOI8-R or CP866: not a text? If it "
                    "is, give its encoding with --encoding",
                    sn.bad, sn.high);
    if (f)
        f->whole = 1; /* about the whole text: quoting its first line would show garbage */
    d->lang = TL_LANG_RU;
    d->lang_reason = "not checked: the text is not UTF-8";
    return 1;
}

/* What the families' states own outside the arena: freed once the document is
 * checked, also after an error. */
static void release_families(tl_doc *d)
{
    for (size_t i = 0; i < FAM_COUNT; i++) {
        const tl_family *f = family_at(i);
        if (d->state[i] && f->release)
            f->release(d->state[i]);
        d->state[i] = NULL;
    }
}

/* Language detection's dictionary test: the dictionaries load on first use (a missing
 * one knows nothing). */
static int known_word(void *arg, tl_lang lang, const char *word)
{
    return morph_spell_str(arg, lang, word) == SPELL_OK;
}

/* The language of the text: given, or detected. TL_OK or TL_ERR_NOMEM. */
static tl_status language(const tl_ctx *ctx, tl_lang given, const char *why, tl_doc *d)
{
    if (given != TL_LANG_AUTO) {
        d->lang = given;
        d->lang_reason = why;
        return TL_OK;
    }
    lang_hints h = {
        {NULL, &ctx->sh->only[TL_LANG_RU], &ctx->sh->only[TL_LANG_UK]}, known_word, ctx->morph};
    d->lang = lang_detect(d->src.text + d->src.start, d->src.len - d->src.start, &h, &d->mem,
                          &d->lang_reason);
    return d->lang_reason ? TL_OK : TL_ERR_NOMEM;
}

/* The families' document state, zeroed in the arena, and their prepare hooks. */
static tl_status prepare_families(tl_doc *d, void *const *cst)
{
    for (size_t i = 0; i < FAM_COUNT; i++) {
        const tl_family *f = family_at(i);
        if (f->state_size && !(d->state[i] = tl_arena_alloc(&d->mem, f->state_size)))
            return TL_ERR_NOMEM;
        if (f->prepare && f->prepare(d, d->state[i], cst[i]))
            return TL_ERR_NOMEM;
    }
    return TL_OK;
}

static tl_word *lookup_word(void *arg, const char *p, size_t len)
{
    const tl_doc *d = arg;
    return morph_word(d->morph, d->lang, p, len);
}

/* Tokenises [start, end) and gives the chunk to every family. */
static tl_status chunk(tl_ctx *ctx, tl_doc *d, size_t start, size_t end)
{
    tl_word_lookup lookup = {lookup_word, d};
    tl_status st = tokenize_chunk(ctx->tz, &d->src, start, end, &lookup, &d->tk);
    if (st != TL_OK)
        return st;
    d->tok = d->tk.tok;
    d->ntok = d->tk.ntok;
    d->chunk_start = start;
    d->chunk_end = end;
    for (size_t i = 0; i < FAM_COUNT; i++)
        if (family_at(i)->chunk(d, d->state[i], ctx->fam[i]))
            return TL_ERR_NOMEM;
    return TL_OK;
}

static tl_status run(tl_ctx *ctx, tl_doc *d)
{
    tl_status st = prepare_families(d, ctx->fam);
    for (size_t sg = 0; st == TL_OK && sg < d->src.nsegs; sg++) {
        const tl_segment *seg = &d->src.segs[sg];
        for (size_t pos = seg->start; st == TL_OK && pos < seg->limit;) {
            size_t end = tokenize_chunk_end(&d->src, pos, seg->limit);
            st = chunk(ctx, d, pos, end);
            source_consumed(&d->src, pos); /* the chunk before this one is done with */
            pos = end;
        }
    }
    for (size_t i = 0; st == TL_OK && i < FAM_COUNT; i++) {
        const tl_family *f = family_at(i);
        if (f->finish && f->finish(d, d->state[i], ctx->fam[i]))
            st = TL_ERR_NOMEM;
    }
    return st == TL_OK && d->oom ? TL_ERR_NOMEM : st;
}

tl_status check_document(tl_ctx *ctx, size_t profile, const char *text, size_t len, int hold_uses,
                         const tl_run_lines *rl, const check_hooks *hooks, const check_part *part,
                         tl_doc **out)
{
    const ctx_profile *prof = &ctx->sh->prof[profile < ctx->sh->nprof ? profile : 0];
    *out = NULL;
    tl_doc *d = tl_calloc(1, sizeof *d);
    if (!d)
        return TL_ERR_NOMEM;
    tl_arena_init(&d->mem);
    d->g = ctx->sh->g;
    d->mi = ctx->sh->mi;
    d->morph = ctx->morph;
    d->severity = prof->severity;
    d->ropt = &prof->opts;
    d->report_unused_disables = ctx->sh->report_unused_disables;
    d->scratch = &ctx->scratch;
    d->hold_uses = hold_uses;
    d->run_lines = rl;
    int first = !part || part->first;
    if (part) {
        d->sup = part->sup;
        d->sup_base = part->base;
        d->sup_last = part->last;
    }
    tl_status st = source_init_part(&d->src, text, len, hooks ? hooks->consumed : NULL,
                                    hooks ? hooks->arg : NULL, first);
    int other = st == TL_OK && first && !ctx->sh->utf8_only && not_utf8(d, text, len);
    if (st == TL_OK && !other) {
        encoding_findings(d, part ? part->bad_listed : 0);
        if (first) {
            st = language(ctx, prof->lang, prof->lang_reason, d);
        } else {
            d->lang = part->lang; /* one text, one language: the first section's */
            d->lang_reason = part->lang_reason;
        }
    }
    if (st == TL_OK && !other && morph_load(ctx->morph, d->lang, NULL) != TL_OK)
        st = TL_ERR_DICTIONARY;
    if (st == TL_OK && !other)
        st = run(ctx, d);
    release_families(d);
    tl_free(d->tk.tok);
    d->tk.tok = d->tok = NULL;
    if (st != TL_OK) {
        doc_free(d);
        return st;
    }
    d->not_utf8 = other;
    *out = d;
    return d->src.nbad || other ? TL_ERR_ENCODING : d->gave_up ? TL_ERR_LIMIT : TL_OK;
}

tl_status doc_build(tl_doc *d, tl_morph *ahead, const tl_budget *budget, tl_result **out)
{
    *out = NULL;
    tl_status st = ahead ? budget_ahead(ahead, budget, d) : TL_OK;
    if (st == TL_OK)
        st = result_build(d, out);
    doc_free(d);
    return st;
}

void doc_free(tl_doc *d)
{
    if (!d)
        return;
    source_release(&d->src);
    tl_free(d->tk.tok);
    tl_free(d->f);
    tl_arena_release(&d->mem);
    tl_free(d);
}

tl_status tl_check(tl_ctx *ctx, const char *name, const char *text, size_t len, tl_result **out)
{
    (void)name; /* positions are the caller's to label */
    tl_status st = check_result(ctx, 0, text, len, NULL, NULL, NULL, NULL, out);
    if (!*out)
        return st;
    tl_status picked = budget_pick(ctx->morph, &ctx->budget, *out);
    if (picked != TL_OK) {
        tl_result_free(*out);
        *out = NULL;
        return picked;
    }
    return st;
}
