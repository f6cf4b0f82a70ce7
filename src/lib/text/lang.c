/*
 * lang.c - is a text Russian or Ukrainian?
 *
 * Two kinds of evidence, counted over the first 256 KiB (enough for any article; a
 * corpus file in one language does not change its mind halfway):
 *   - letters only one language has: ы э ъ ё (Russian) against і ї є ґ (Ukrainian);
 *   - frequent function words only one language has («что», «это», «и», «который»
 *     against «що», «це», «і», «який»).
 * Machine-translated Ukrainian often keeps a few Russian letters or words, so neither
 * kind alone decides: Ukrainian «і» is about 5% of letters and «ы» about 2% of Russian
 * ones, so a handful of stray letters cannot outvote a whole text. The sum decides;
 * a text with no evidence at all (Latin only, empty) is taken as Russian, and says so.
 */
#include "lang.h"

#include <string.h>

#define DETECT_BYTES (256u * 1024u)

static const char *const ru_words[] = {
    "что",  "это",  "и",   "как", "который", "которые", "также", "только", "или", "был",
    "была", "были", "его", "она", "они",     "этот",    "если",  "когда",  NULL};
static const char *const uk_words[] = {"що",   "це",    "і",      "й",   "як",   "який", "яка",
                                       "які",  "також", "тільки", "або", "був",  "була", "були",
                                       "його", "вона",  "вони",   "цей", "якщо", "коли", NULL};

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return 1;
    return 0;
}

/* Lower-cases a Cyrillic letter given as its two UTF-8 bytes, in place. */
static void lower2(unsigned char *b)
{
    uint32_t c = ((uint32_t)(b[0] & 0x1F) << 6) | (b[1] & 0x3F);
    if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    else if (c == 0x490)
        c = 0x491;
    b[0] = (unsigned char)(0xC0 | (c >> 6));
    b[1] = (unsigned char)(0x80 | (c & 0x3F));
}

tl_lang lang_detect(const char *text, size_t len, tl_arena *a, const char **reason)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < DETECT_BYTES ? len : DETECT_BYTES;
    size_t ru_l = 0, uk_l = 0, ru_w = 0, uk_w = 0;
    unsigned char word[64];
    size_t wl = 0;
    for (size_t i = 0; i <= n; i++) {
        int cyr = i + 1 < n && (s[i] == 0xD0 || s[i] == 0xD1 || s[i] == 0xD2) &&
                  (s[i + 1] & 0xC0) == 0x80;
        if (cyr) {
            unsigned char b[2] = {s[i], s[i + 1]};
            lower2(b);
            uint32_t c = ((uint32_t)(b[0] & 0x1F) << 6) | (b[1] & 0x3F);
            ru_l += c == 0x44B || c == 0x44D || c == 0x44A || c == 0x451;
            uk_l += c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491;
            if (wl + 2 <= sizeof word) {
                word[wl++] = b[0];
                word[wl++] = b[1];
            }
            i++;
            continue;
        }
        if (i < n && (s[i] == '\'' || (s[i] >= 0x80 && s[i] < 0xC0)))
            continue; /* apostrophe or a continuation byte of another script */
        if (wl) {
            ru_w += in_list(ru_words, (const char *)word, wl);
            uk_w += in_list(uk_words, (const char *)word, wl);
            wl = 0;
        }
    }
    size_t ru = ru_l + 3 * ru_w, uk = uk_l + 3 * uk_w;
    tl_lang l = uk > ru ? TL_LANG_UK : TL_LANG_RU;
    if (!ru && !uk)
        *reason = tl_arena_strdup(a, "no Russian or Ukrainian evidence; Russian by default");
    else
        *reason = tl_arena_printf(a,
                                  "letters: %zu of і ї є ґ vs %zu of ы э ъ ё; function words: "
                                  "%zu Ukrainian-only vs %zu Russian-only",
                                  uk_l, ru_l, uk_w, ru_w);
    return l;
}
