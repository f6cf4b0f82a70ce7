/* lang.h - language detection (lang.c). */
#ifndef TL_LANG_H
#define TL_LANG_H

#include "base.h"

/* What detection may use beyond letters and function words; every field may be NULL. */
typedef struct {
    /* by tl_lang: lang_key()s of words only that language has (the rule data's
     * ru_only_words, uk_only_words); borrowed */
    const tl_map *only[3];
    /* 1 when the dictionary of `lang` knows `word` (lower case, NUL-terminated); asked
     * only when the other evidence leaves the text undecided */
    int (*known)(void *arg, tl_lang lang, const char *word);
    void *arg;
} lang_hints;

/* Detects Russian or Ukrainian from the first 256 KiB of `text`, with `h` (may be
 * NULL). Always returns TL_LANG_RU or TL_LANG_UK; *reason (allocated in `a`, NULL on
 * OOM) says which evidence decided. */
tl_lang lang_detect(const char *text, size_t len, const lang_hints *h, tl_arena *a,
                    const char **reason);

/* The key detection gives a word of [p, p+len): its Cyrillic letters lower-cased, the
 * rest (apostrophes) dropped, written to out[0, cap). Returns its length; 0 when it
 * has none or does not fit. */
size_t lang_key(char *out, size_t cap, const char *p, size_t len);

#endif
