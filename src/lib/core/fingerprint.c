/*
 * fingerprint.c - a finding's fingerprint, by content, so that a baseline survives
 * edits elsewhere in the file (docs/baseline.md describes it for other implementations).
 *
 *   FNV-1a 64 over  "termlint-fp1" NUL rule-id NUL span NUL before NUL after
 *
 *   span    the finding's bytes, trimmed of blanks and line breaks, every run of them
 *           inside made one space
 *   before  up to FP_WORDS words ending where the span starts, on its line, joined by
 *           one space (a word: bytes other than space, tab, CR, LF; the one touching
 *           the span counts as a word, «(» in «(съезд»)
 *   after   the same for the words after the span, on the line it ends on
 *
 * Neither side looks further than FP_REACH bytes, so a finding on a 100 MB line costs
 * what one on a short line does, and the line number plays no part: a line inserted
 * above, or text changed further along the line, leaves the fingerprint as it was.
 */
#include "fingerprint.h"

#include <stdint.h>
#include <stdio.h>

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static int sep(char c) { return c == ' ' || c == '\t'; }
static int brk(char c) { return c == '\n' || c == '\r'; }

static uint64_t fnv(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t fnv_byte(uint64_t h, char c) { return fnv(h, &c, 1); }

/* Hashes text[a, b) without the blanks and line breaks at its ends, and every run of
 * them inside as one space. */
static uint64_t fnv_flat(uint64_t h, const char *t, size_t a, size_t b)
{
    int space = 0, started = 0;
    for (size_t i = a; i < b; i++) {
        if (sep(t[i]) || brk(t[i])) {
            space = 1;
            continue;
        }
        if (space && started)
            h = fnv_byte(h, ' ');
        space = 0;
        started = 1;
        h = fnv_byte(h, t[i]);
    }
    return h;
}

/* The start of the FP_WORDS words before `off` on its line, within FP_REACH bytes. */
static size_t words_before(const char *t, size_t off)
{
    size_t i = off, floor = off > FP_REACH ? off - FP_REACH : 0;
    for (int w = 0; w < FP_WORDS; w++) {
        while (i > floor && sep(t[i - 1]))
            i--;
        if (i == floor || brk(t[i - 1]))
            break;
        while (i > floor && !sep(t[i - 1]) && !brk(t[i - 1]))
            i--;
    }
    while (i < off && sep(t[i]))
        i++;
    return i;
}

/* The end of the FP_WORDS words after `end` on its line, within FP_REACH bytes. */
static size_t words_after(const char *t, size_t len, size_t end)
{
    size_t i = end, ceil = len - end > FP_REACH ? end + FP_REACH : len;
    for (int w = 0; w < FP_WORDS; w++) {
        while (i < ceil && sep(t[i]))
            i++;
        if (i == ceil || brk(t[i]))
            break;
        while (i < ceil && !sep(t[i]) && !brk(t[i]))
            i++;
    }
    return i;
}

void fingerprint_of(const char *text, size_t len, size_t off, size_t n, const char *rule_id,
                    char out[17])
{
    if (off > len)
        off = len;
    if (n > len - off)
        n = len - off;
    uint64_t h = FNV_OFFSET;
    static const char magic[] = "termlint-fp1";
    h = fnv(h, magic, sizeof magic); /* with its NUL */
    for (const char *p = rule_id; *p; p++)
        h = fnv_byte(h, *p);
    h = fnv_byte(h, '\0');
    h = fnv_flat(h, text, off, off + n);
    h = fnv_byte(h, '\0');
    h = fnv_flat(h, text, words_before(text, off), off);
    h = fnv_byte(h, '\0');
    h = fnv_flat(h, text, off + n, words_after(text, len, off + n));
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}
