/*
 * fuzz_glossary.c - fuzz target for the glossary loader: the input is the bytes of a
 * YAML glossary, read from memory (gloss_load_mem) with includes off, so that nothing
 * outside the input is ever opened. What loads is then compiled into the term matcher
 * (match_index_new: the terms' words analysed and inflected, regex terms' literal
 * starts), the first thing a check does with a glossary.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c into
 * build/fuzz-replay-glossary, which `make check` runs over fuzz/corpus/glossary and the
 * glossary fixtures.
 */
#include "gloss.h"
#include "match.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the input has no selector byte */
const unsigned fuzz_selectors = 0;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gloss *g = gloss_new();
    tl_diags *d = tl_diags_new();
    if (!g || !d) {
        gloss_free(g);
        tl_diags_free(d);
        return 0;
    }
    gloss_load_mem(g, "fuzz.yaml", (const char *)data, size, d);
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *x = tl_diags_at(d, i);
        if (!x->message || !x->file)
            abort(); /* every diagnostic has a message and a file name */
    }
    if (g->nconcepts) {
        tl_match_index *mi = match_index_new(g);
        match_index_free(mi);
    }
    tl_diags_free(d);
    gloss_free(g);
    return 0;
}
