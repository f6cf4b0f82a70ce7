/*
 * fuzz_suppress.c - fuzz target for the suppression-marker parser and filter
 * (core/suppress.c), which are pure: the input is a text. The parser must stay within
 * the bytes and give markers in order with their parts inside them; the rule selectors
 * are resolved as the core does (tl_rule_selects); the ranges are sorted; and the sweep
 * of suppress_filter() must drop exactly the synthetic findings (one every few bytes,
 * of rules taken from the bytes) that a plain double loop over ranges and markers says
 * are silenced.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c into
 * build/fuzz-replay-suppress, which `make check` runs over fuzz/corpus/suppress.
 */
#include "suppress.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the input has no selector byte */
const unsigned fuzz_selectors = 0;

#define MAX_FINDINGS 512

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void check_markers(const sup_marker *m, size_t n, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        const sup_marker *x = &m[i];
        if (x->off > x->keyword.off || x->keyword.off + x->keyword.len > x->end ||
            x->end > len || (i && m[i - 1].end > x->off) || x->nrules > SUP_MAX_RULES)
            abort();
        for (size_t k = 0; k < x->nrules; k++)
            if (x->rules[k].off < x->keyword.off + x->keyword.len ||
                x->rules[k].off + x->rules[k].len > x->end || !x->rules[k].len)
                abort();
        if (x->reason.len && x->reason.off + x->reason.len > x->end)
            abort();
        if (x->next_off > x->next_end || x->next_end > len)
            abort();
    }
}

/* The mask a marker's selectors select, as suppress_apply() computes it. */
static uint64_t mask_of(const char *t, const sup_marker *m)
{
    if (!m->nrules)
        return suppress_all_rules();
    uint64_t mask = 0;
    for (size_t k = 0; k < m->nrules; k++) {
        char sel[96];
        if (m->rules[k].len >= sizeof sel)
            continue;
        memcpy(sel, t + m->rules[k].off, m->rules[k].len);
        sel[m->rules[k].len] = '\0';
        for (size_t r = 0; r < TL_RULE_COUNT; r++)
            if (tl_rule_selects(sel, (tl_rule)r))
                mask |= (uint64_t)1 << r;
    }
    return mask & suppress_all_rules();
}

/* Whether a plain double loop drops finding f. */
static int silenced(const tl_ifinding *f, const sup_range *r, size_t nr, const sup_marker *m,
                    size_t nm)
{
    if (f->rule == TL_RULE_ENCODING || f->rule == TL_RULE_SUPPRESSION_UNKNOWN_RULE ||
        f->rule == TL_RULE_SUPPRESSION_UNUSED)
        return 0;
    for (size_t i = 0; i < nm; i++)
        if (m[i].off <= f->off && f->off < m[i].end)
            return 1;
    for (size_t i = 0; i < nr; i++)
        if ((r[i].mask >> f->rule & 1) && r[i].start <= f->off && f->off < r[i].limit)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *t = (const char *)data;
    sup_marker *m;
    size_t nm, nr;
    if (suppress_parse(t, size, &m, &nm))
        return 0;
    check_markers(m, nm, size);
    uint64_t *mask = malloc((nm ? nm : 1) * sizeof *mask);
    sup_range *r = NULL;
    if (!mask) {
        tl_free(m);
        return 0;
    }
    for (size_t i = 0; i < nm; i++)
        mask[i] = mask_of(t, &m[i]);
    if (!suppress_ranges(m, mask, nm, &r, &nr)) {
        for (size_t i = 1; i < nr; i++)
            if (r[i - 1].start > r[i].start)
                abort();
        /* findings every 5th byte, their rules from the bytes */
        tl_ifinding f[MAX_FINDINGS], copy[MAX_FINDINGS];
        size_t nf = 0;
        for (size_t off = 0; off < size && nf < MAX_FINDINGS; off += 5) {
            memset(&f[nf], 0, sizeof f[nf]);
            f[nf].off = off;
            f[nf].len = 1;
            f[nf].rule = (tl_rule)(data[off] % TL_RULE_COUNT);
            f[nf].severity = TL_SEV_WARNING;
            nf++;
        }
        memcpy(copy, f, nf * sizeof *f);
        size_t kept = suppress_filter(f, nf, r, nr, m, nm);
        if (kept != SIZE_MAX) {
            size_t want = 0;
            for (size_t i = 0; i < nf; i++)
                want += !silenced(&copy[i], r, nr, m, nm);
            if (kept != want)
                abort(); /* the sweep and the double loop disagree */
            for (size_t i = 0; i < kept; i++)
                if (silenced(&f[i], r, nr, m, nm) || (i && f[i - 1].off > f[i].off))
                    abort();
        }
        tl_free(r);
    }
    free(mask);
    tl_free(m);
    return 0;
}
