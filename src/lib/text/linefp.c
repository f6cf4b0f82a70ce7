/*
 * linefp.c - line fingerprints and their counts across the texts of a run.
 *
 * A run reads every text once before checking any (run.c) and counts, for each short
 * line, in how many texts it occurs; the furniture check then asks the count of each
 * line it sees. Both sides fingerprint with linefp_line(), so they agree on what one
 * line is. A fingerprint is 8 bytes and only lines that can be furniture get one
 * (no long prose), so the counts stay small beside the texts: a run keeps no text.
 *
 *   «Комментарий (12)»  -> fold case, one space, digits -> 0 -> «комментарий (0)» -> hash
 *
 * Two different lines that collide on 64 bits would share a count; at the sizes of a
 * run (millions of lines at most) that is negligible and costs one finding at worst.
 */
#include "linefp.h"

#include "textclass.h"

#include <string.h>
#include <unicode/uchar.h>

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

/* FNV-1a over code points rather than bytes (one multiply each); linefp_line() ends
 * with a finalizer that spreads the last ones over all bits. */
static uint64_t mix(uint64_t h, uint32_t c) { return (h ^ c) * FNV_PRIME; }

/* The finalizer of MurmurHash3's 64-bit hash. */
static uint64_t avalanche(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}

/* Whether the last visible code point of [p, p+len), closing quotes and brackets
 * skipped, ends a sentence. */
static bool ends_sentence(const char *p, size_t len)
{
    size_t i = len;
    while (i > 0) {
        size_t s = i - 1;
        while (s > 0 && ((unsigned char)p[s] & 0xC0) == 0x80)
            s--;
        uint32_t c;
        if (!utf8_decode(p + s, i - s, &c))
            return false;
        if (!tc_space(c) && !tc_invisible(c) && !strchr(")]\"'", (int)(c < 128 ? c : 1)) &&
            c != 0xBB && c != 0x201D && c != 0x2019)
            return c == '.' || c == '!' || c == '?' || c == 0x2026;
        i = s;
    }
    return false;
}

/* The classes of a code point linefp_line() needs, with the answers for ASCII and the
 * basic Cyrillic letters (nearly every code point of a line) found without ICU: the
 * first pass reads every line of every text of a run. */
enum { C_OTHER, C_SPACE, C_INVISIBLE, C_DIGIT, C_LETTER };

static int cclass(uint32_t c, uint32_t *fold)
{
    *fold = c;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
            *fold = c + 32;
            return C_LETTER;
        }
        if (c >= 'a' && c <= 'z')
            return C_LETTER;
        if (c >= '0' && c <= '9')
            return C_DIGIT;
        return tc_space(c) ? C_SPACE : C_OTHER;
    }
    if (c >= 0x410 && c <= 0x44F) {
        *fold = c <= 0x42F ? c + 0x20 : c;
        return C_LETTER;
    }
    if (tc_invisible(c))
        return C_INVISIBLE;
    if (tc_space(c))
        return C_SPACE;
    if (u_isdigit((UChar32)c))
        return C_DIGIT;
    if (u_isalpha((UChar32)c)) {
        *fold = (uint32_t)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
        return C_LETTER;
    }
    return C_OTHER;
}

uint64_t linefp_line(const char *p, size_t len)
{
    if (len > LINEFP_PROSE_BYTES)
        return 0;
    uint64_t h = FNV_OFFSET;
    size_t words = 0;
    bool in_word = false, in_digits = false, space = false, any = false, digits = false;
    for (size_t i = 0; i < len;) {
        uint32_t c = (unsigned char)p[i], f;
        size_t n = 1;
        if (c >= 0xC2 && c < 0xE0 && i + 1 < len && ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
            c = (c & 0x1F) << 6 | ((unsigned char)p[i + 1] & 0x3F); /* Cyrillic, Latin-1 */
            n = 2;
        } else if (c >= 0x80) {
            n = utf8_decode(p + i, len - i, &c);
        }
        if (!n) { /* an invalid byte: part of the line as it is */
            c = 0xFFFD00u | (unsigned char)p[i];
            n = 1;
        }
        i += n;
        int k = cclass(c, &f);
        if (k == C_INVISIBLE)
            continue;
        if (k == C_SPACE) {
            space = any;
            in_word = in_digits = false;
            continue;
        }
        if (space) {
            h = mix(h, ' ');
            space = false;
        }
        any = true;
        if (k == C_DIGIT) {
            if (!in_digits)
                h = mix(h, '0');
            in_digits = digits = true;
            continue;
        }
        in_digits = false;
        if (k == C_LETTER) {
            if (!in_word && ++words > LINEFP_PROSE_WORDS)
                return 0;
            in_word = true;
            h = mix(h, f);
            continue;
        }
        in_word = in_word && tc_apostrophe(c);
        h = mix(h, c);
    }
    if (!words && !digits)
        return 0; /* blank, or only punctuation («***», «|»): a separator, not furniture */
    if (words >= LINEFP_SENTENCE_WORDS && ends_sentence(p, len))
        return 0;
    h = avalanche(h);
    return h ? h : 1;
}

/* ---- counts ---------------------------------------------------------------------- */

void linefp_counts_init(linefp_counts *c) { memset(c, 0, sizeof *c); }

void linefp_counts_release(linefp_counts *c)
{
    tl_free(c->fp);
    tl_free(c->files);
    tl_free(c->last);
    linefp_counts_init(c);
}

/* The slot of fp: where it is, or the empty slot where it goes. cap is a power of 2. */
static size_t slot_of(const linefp_counts *c, uint64_t fp)
{
    size_t mask = c->cap - 1, i = (size_t)(fp * 0x9E3779B97F4A7C15ULL >> 17) & mask;
    while (c->fp[i] && c->fp[i] != fp)
        i = (i + 1) & mask;
    return i;
}

/* Moves every entry of `c` into a table of `cap` slots; -1 when out of memory. */
static int rehash(linefp_counts *c, size_t cap)
{
    linefp_counts n = {tl_calloc(cap, sizeof *n.fp), tl_calloc(cap, sizeof *n.files),
                       tl_calloc(cap, sizeof *n.last), cap, 0};
    if (!n.fp || !n.files || !n.last) {
        linefp_counts_release(&n);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++)
        if (c->fp[i]) {
            size_t k = slot_of(&n, c->fp[i]);
            n.fp[k] = c->fp[i];
            n.files[k] = c->files[i];
            n.last[k] = c->last[i];
            n.count++;
        }
    linefp_counts_release(c);
    *c = n;
    return 0;
}

int linefp_counts_add(linefp_counts *c, uint64_t fp, uint32_t doc)
{
    if ((c->count + 1) * 4 > c->cap * 3 && rehash(c, c->cap ? c->cap * 2 : 1024))
        return -1;
    size_t k = slot_of(c, fp);
    if (!c->fp[k]) {
        c->fp[k] = fp;
        c->files[k] = 1;
        c->last[k] = doc;
        c->count++;
    } else if (c->last[k] != doc) {
        c->files[k]++;
        c->last[k] = doc;
    }
    return 0;
}

uint32_t linefp_counts_get(const linefp_counts *c, uint64_t fp)
{
    if (!c->count || !fp)
        return 0;
    size_t k = slot_of(c, fp);
    return c->fp[k] ? c->files[k] : 0;
}

int linefp_counts_keep(linefp_counts *c, uint32_t min)
{
    size_t keep = 0;
    for (size_t i = 0; i < c->cap; i++)
        if (c->fp[i] && c->files[i] < min)
            c->fp[i] = 0; /* emptied here; rehash below re-places the rest */
        else if (c->fp[i])
            keep++;
    size_t cap = 16;
    while (cap * 3 < (keep + 1) * 4)
        cap *= 2;
    c->count = keep;
    if (c->cap && rehash(c, cap)) {
        linefp_counts_release(c); /* emptied slots broke the probe chains */
        return -1;
    }
    return 0;
}
