/*
 * lang.c - is a text Russian or Ukrainian?
 *
 * Evidence, counted over the first 256 KiB (enough for any article; a corpus file in
 * one language does not change its mind halfway):
 *   - letters only one language has: ы э ъ ё (Russian) against і ї є ґ (Ukrainian);
 *   - frequent function words only one language has («что», «это», «и», «который»
 *     against «що», «це», «і», «який»);
 *   - the words of the rule data's language word lists (ru_only_words, uk_only_words),
 *     given by the caller;
 *   - when all that leaves the text undecided (a short text: «Уряд затвердив програму
 *     розвитку.» has none of those letters or words), the dictionaries: lower-case
 *     words that only one language's dictionary knows.
 * Machine-translated Ukrainian often keeps a few Russian letters or words, so no kind
 * alone decides: Ukrainian «і» is about 5% of letters and «ы» about 2% of Russian ones,
 * so a handful of stray letters cannot outvote a whole text. The sum decides (a word
 * counts as much as three letters); a text with no evidence at all (Latin only, empty)
 * is taken as Russian, and says so.
 */
#include "lang.h"

#include <string.h>

#define DETECT_BYTES (256u * 1024u)
#define WORD_WEIGHT 3
#define DICT_MARGIN 10 /* below this difference of the scores, ask the dictionaries */
#define DICT_WORDS 200 /* words asked at most */
#define DICT_MIN_CP 3

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

/* Lower-cases a Cyrillic letter given as its two UTF-8 bytes, in place; 1 when it was
 * upper case. */
static int lower2(unsigned char *b)
{
    uint32_t c = ((uint32_t)(b[0] & 0x1F) << 6) | (b[1] & 0x3F);
    int up = 1;
    if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    else if (c == 0x490)
        c = 0x491;
    else
        up = 0;
    b[0] = (unsigned char)(0xC0 | (c >> 6));
    b[1] = (unsigned char)(0x80 | (c & 0x3F));
    return up;
}

static int cyrillic_at(const unsigned char *s, size_t i, size_t n)
{
    return i + 1 < n && (s[i] == 0xD0 || s[i] == 0xD1 || s[i] == 0xD2) && (s[i + 1] & 0xC0) == 0x80;
}

/* A word as detection sees it: its Cyrillic letters, lower-cased. */
typedef struct {
    unsigned char b[64];
    size_t len, ncp;
    int cap; /* its first letter was upper case */
} lword;

typedef struct {
    const lang_hints *h;
    size_t letters[3], words[3], listed[3], dict[3];
    size_t asked;
    int dict_pass;
} tally;

static void count_word(tally *t, const lword *w)
{
    const char *p = (const char *)w->b;
    if (!t->dict_pass) {
        int ru = in_list(ru_words, p, w->len), uk = in_list(uk_words, p, w->len);
        t->words[TL_LANG_RU] += ru;
        t->words[TL_LANG_UK] += uk;
        for (int l = TL_LANG_RU; !ru && !uk && t->h && l <= TL_LANG_UK; l++)
            t->listed[l] += t->h->only[l] && t->h->only[l]->count &&
                            tl_map_get(t->h->only[l], p, w->len) != NULL;
        return;
    }
    if (w->cap || w->ncp < DICT_MIN_CP || t->asked >= DICT_WORDS || w->len >= sizeof w->b)
        return;
    t->asked++;
    char z[sizeof w->b];
    memcpy(z, w->b, w->len);
    z[w->len] = '\0';
    int ru = t->h->known(t->h->arg, TL_LANG_RU, z), uk = t->h->known(t->h->arg, TL_LANG_UK, z);
    t->dict[TL_LANG_RU] += ru && !uk;
    t->dict[TL_LANG_UK] += uk && !ru;
}

/* Walks the Cyrillic words of s[0, n): letters are counted on the first pass, words
 * given to count_word. An ASCII apostrophe inside a word is skipped («з'їзд»). */
static void scan(const unsigned char *s, size_t n, tally *t)
{
    lword w = {.len = 0};
    for (size_t i = 0; i <= n; i++) {
        if (cyrillic_at(s, i, n)) {
            unsigned char b[2] = {s[i], s[i + 1]};
            int up = lower2(b);
            uint32_t c = ((uint32_t)(b[0] & 0x1F) << 6) | (b[1] & 0x3F);
            if (!t->dict_pass) {
                t->letters[TL_LANG_RU] += c == 0x44B || c == 0x44D || c == 0x44A || c == 0x451;
                t->letters[TL_LANG_UK] += c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491;
            }
            if (!w.len)
                w.cap = up;
            if (w.len + 2 <= sizeof w.b) {
                w.b[w.len++] = b[0];
                w.b[w.len++] = b[1];
                w.ncp++;
            }
            i++;
            continue;
        }
        if (i < n && (s[i] == '\'' || (s[i] >= 0x80 && s[i] < 0xC0)))
            continue; /* apostrophe or a continuation byte of another script */
        if (w.len)
            count_word(t, &w);
        w.len = w.ncp = 0;
    }
}

size_t lang_key(char *out, size_t cap, const char *p, size_t len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (!cyrillic_at(s, i, len))
            continue;
        unsigned char b[2] = {s[i], s[i + 1]};
        lower2(b);
        if (n + 2 > cap)
            return 0;
        out[n++] = (char)b[0];
        out[n++] = (char)b[1];
        i++;
    }
    return n;
}

tl_lang lang_detect(const char *text, size_t len, const lang_hints *h, tl_arena *a,
                    const char **reason)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < DETECT_BYTES ? len : DETECT_BYTES;
    tally t = {.h = h};
    scan(s, n, &t);
    size_t sc[3];
    for (int l = TL_LANG_RU; l <= TL_LANG_UK; l++)
        sc[l] = t.letters[l] + WORD_WEIGHT * (t.words[l] + t.listed[l]);
    size_t diff = sc[TL_LANG_RU] > sc[TL_LANG_UK] ? sc[TL_LANG_RU] - sc[TL_LANG_UK]
                                                  : sc[TL_LANG_UK] - sc[TL_LANG_RU];
    if (h && h->known && diff < DICT_MARGIN) {
        t.dict_pass = 1;
        scan(s, n, &t);
        for (int l = TL_LANG_RU; l <= TL_LANG_UK; l++)
            sc[l] += WORD_WEIGHT * t.dict[l];
    }
    tl_lang l = sc[TL_LANG_UK] > sc[TL_LANG_RU] ? TL_LANG_UK : TL_LANG_RU;
    if (!sc[TL_LANG_RU] && !sc[TL_LANG_UK]) {
        *reason = tl_arena_strdup(a, "no Russian or Ukrainian evidence; Russian by default");
        return l;
    }
    tl_buf b;
    tl_buf_init(&b, 0);
    tl_buf_printf(&b,
                  "letters: %zu of і ї є ґ vs %zu of ы э ъ ё; function words: %zu "
                  "Ukrainian-only vs %zu Russian-only",
                  t.letters[TL_LANG_UK], t.letters[TL_LANG_RU], t.words[TL_LANG_UK],
                  t.words[TL_LANG_RU]);
    if (t.listed[TL_LANG_UK] || t.listed[TL_LANG_RU])
        tl_buf_printf(&b, "; listed words: %zu Ukrainian-only vs %zu Russian-only",
                      t.listed[TL_LANG_UK], t.listed[TL_LANG_RU]);
    if (t.dict_pass)
        tl_buf_printf(&b,
                      "; dictionaries (%zu words asked): %zu known only to the Ukrainian, "
                      "%zu only to the Russian",
                      t.asked, t.dict[TL_LANG_UK], t.dict[TL_LANG_RU]);
    *reason = b.oom ? NULL : tl_arena_strndup(a, b.data, b.len);
    tl_buf_release(&b);
    return l;
}
