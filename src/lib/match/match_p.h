/* match_p.h - the matcher's index: private to match_index.c (which builds it),
 * match.c and regex_terms.c (which read it), and the unit tests. */
#ifndef TL_MATCH_P_H
#define TL_MATCH_P_H

#include "match.h"

#define MAX_KIDS 8
#define NO_ID UINT32_MAX
/* A lemma key counts when it begins with the word's first LEMMA_PREFIX letters
 * (match.c, "Lemmas"). */
#define LEMMA_PREFIX 3

/* A term starting with some key, with what the text word after the first must have for
 * the term to be worth trying: best_at() in match.c skips the others without
 * touching the term (with 10,000 terms a frequent first word starts hundreds). */
typedef struct {
    uint32_t term; /* index into terms */
    uint32_t kid2; /* key of the second word; NO_ID: one word, or punctuation next */
    uint32_t pid2; /* prefix id of that key */
    uint16_t n;    /* words and punctuation of the term */
} mstart;

typedef struct {
    uint32_t id;
    mstart *starts[2]; /* terms whose first word has this key: [0] Russian, [1] Ukrainian */
    uint32_t nstarts[2], cap[2];
} mkey;

/* Lemmas cost a Hunspell call per distinct word, so they are looked up only where they
 * can make a difference (match.c, "Lemmas"); the sets below say where that is. Their
 * members pack a language and two ids (pack() below). */
struct tl_match_index {
    tl_arena mem;
    tl_map keys;    /* key bytes -> mkey */
    mkey **key_tab; /* by id */
    size_t nkeys, cap_keys;
    tl_map prefixes; /* first LEMMA_PREFIX letters of word keys -> prefix id (1, 2, ...) */
    uint32_t nprefixes;
    tl_set64 lone_firsts; /* (lang, prefix of first word) of terms whose second item is
                             punctuation or missing */
    tl_set64 pair_pids;   /* (lang, prefix of first word, prefix of second word) */
    tl_set64 pair_kids;   /* (lang, prefix of first word, key of second word) */
    mterm *terms;
    size_t nterms;
    uint32_t *regex; /* indices into terms of the `match: regex` terms (n == 0) */
    size_t nregex;
    /* contexts with `window: document`, per language: bit k is docctx[l][k] */
    struct {
        const mterm *w;
        uint16_t n;
    } docctx[2][32];
    uint8_t ndocctx[2];
};

/* Bytes of the first LEMMA_PREFIX code points of a key (all of it when shorter). */
static inline size_t prefix_len(const char *key, size_t len)
{
    size_t i = 0;
    for (int c = 0; i < len && c < LEMMA_PREFIX; c++) {
        i++;
        while (i < len && ((unsigned char)key[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* A filter set member: a language and two ids of 31 bits (ids count glossary words,
 * far fewer); the language in the top bits keeps it non-zero. */
static inline uint64_t pack(tl_lang lang, uint32_t a, uint32_t b)
{
    return (uint64_t)lang << 62 | (uint64_t)(a & 0x7FFFFFFF) << 31 | (b & 0x7FFFFFFF);
}

/* The id of the prefix of key k (n bytes), 0 when no glossary key has it. */
static inline uint32_t prefix_id(const tl_match_index *mi, const char *k, size_t n)
{
    return (uint32_t)(uintptr_t)tl_map_get(&mi->prefixes, k, prefix_len(k, n));
}

#endif
