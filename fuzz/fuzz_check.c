/*
 * fuzz_check.c - fuzz target for the whole pipeline: the first byte picks the
 * language (auto, ru, uk) and whether the shipped glossary is loaded, or (selectors 6
 * and 7) a context that checks texts in sections of 64 or 200 bytes, so that joining
 * sections (core/sections.c) and suppression markers across them are fuzzed on small
 * inputs; the rest is the text. Findings must lie inside the input, in offset order
 * with line and column never going back. Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c
 * into build/fuzz-replay-check, which `make check` runs over the corpus.
 */
#include "ctx.h" /* white box: the context's dictionaries, to warm them up */
#include "termlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the first byte picks one of 8 contexts */
const unsigned fuzz_selectors = 8;

static tl_ctx *ctxs[8];

static tl_ctx *get_ctx(unsigned sel)
{
    sel %= 8;
    if (!ctxs[sel]) {
        tl_options o;
        tl_options_init(&o);
        static char glossary[4096];
        const char *dd = getenv("TERMLINT_DATADIR");
        dd = dd ? dd : "glossaries";
        snprintf(glossary, sizeof glossary, "%s/vietnam-politics.yaml", dd);
        const char *gl[] = {glossary, NULL};
        o.lang = (tl_lang)(sel % 3);
        o.glossaries = sel >= 3 ? gl : NULL;
        if (sel >= 6) { /* sections of a few lines; unused markers reported */
            o.section_bytes = sel == 6 ? 64 : 200;
            o.report_unused_disables = 1;
        }
        o.suggest_limit = 0; /* suggestions are slow and not what is fuzzed */
        o.data_dir = dd;
        o.cache_dir = getenv("TERMLINT_CACHE_DIR");
        tl_ctx_new(&o, &ctxs[sel], NULL);
    }
    return ctxs[sel];
}

/* Every context made and warmed up before the first input: compiling a word-form
 * table, creating Hunspell (at the first word the table cannot judge) and compiling
 * regular expressions take seconds under the sanitizers, once per context, which is
 * not an input's time. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static const char *const warm[] = {
        "Абвгдеж Вьетнама съезд. Тест-ы ЦК КПВ № 5 «Источник» 2020-2025 http://x.vn Фото:\n",
        "Абвгдеж В'єтнаму з'їзд. Тест-і ЦК КПВ № 5 «Джерело» 2020-2025 http://x.vn Фото:\n"};
    for (unsigned sel = 0; sel < fuzz_selectors; sel++) {
        tl_ctx *ctx = get_ctx(sel);
        for (int k = 0; ctx && k < 2; k++) {
            tl_result *r = NULL;
            tl_check(ctx, "warm", warm[k], strlen(warm[k]), &r);
            tl_result_free(r);
            /* a word the table cannot judge (a digit in it) creates Hunspell */
            morph_spell_str(ctx->morph, k ? TL_LANG_UK : TL_LANG_RU, "аБв1");
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    tl_ctx *ctx = get_ctx(data[0]);
    if (!ctx)
        return 0;
    tl_result *r = NULL;
    tl_check(ctx, "fuzz", (const char *)data + 1, size - 1, &r);
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (f->offset + f->length > size - 1 || f->line == 0 || f->col == 0)
            abort(); /* a finding must lie inside the input */
        const tl_finding *p = i ? tl_result_at(r, i - 1) : NULL;
        if (p && (p->offset > f->offset ||
                  (p->offset < f->offset &&
                   (p->line > f->line || (p->line == f->line && p->col > f->col)))))
            abort(); /* in offset order, and a later offset is a later line:col */
    }
    tl_result_free(r);
    return 0;
}
