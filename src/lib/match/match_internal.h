/* match_internal.h - the matcher's index, shared by match.c and check_terms.c. */
#ifndef TL_MATCH_INTERNAL_H
#define TL_MATCH_INTERNAL_H

#include "norm.h"
#include "doc.h"
#include "match.h"

#define MAX_TERM_WORDS 16
#define MAX_KIDS 8
#define NO_ID UINT32_MAX
/* A lemma key counts when it begins with the word's first LEMMA_PREFIX letters
 * (match.c, "Lemmas"). */
#define LEMMA_PREFIX 3

/* A term starting with some key, with what the text word after the first must have for
 * the term to be worth trying: best_at() in check_terms.c skips the others without
 * touching the term (with 10,000 terms a frequent first word starts hundreds). */
typedef struct {
    uint32_t term;     /* index into terms */
    uint32_t kid2;     /* key of the second word; NO_ID: one word, or punctuation next */
    uint32_t pid2;     /* prefix id of that key */
    uint16_t n;        /* words and punctuation of the term */
} mstart;

typedef struct {
    uint32_t id;
    mstart *starts[2]; /* terms whose first word has this key: [0] Russian, [1] Ukrainian */
    uint32_t nstarts[2], cap[2];
} mkey;

typedef struct {
    uint32_t kid;        /* interned key (stripped for inflected terms) */
    uint32_t pid;        /* prefix id of that key (0 for punctuation) */
    const char *full;    /* norm_key of the word as written */
    const char *surface; /* as written in the glossary */
    uint8_t punct;       /* punctuation: must appear as is */
    uint8_t cap;         /* first letter upper case in the glossary */
} mword;

typedef struct tl_mterm {
    const gl_term *term;
    mword *w;
    uint16_t n;
} mterm;

/* Lemmas cost a Hunspell call per distinct word, so they are looked up only where they
 * can make a difference (match.c, "Lemmas"); the sets below say where that is. Their
 * members pack a language and two ids (match.c, pack()). */
struct tl_match_index {
    tl_arena mem;
    tl_map keys;      /* key bytes -> mkey */
    mkey **key_tab;   /* by id */
    size_t nkeys, cap_keys;
    tl_map prefixes;  /* first LEMMA_PREFIX letters of word keys -> prefix id (1, 2, ...) */
    uint32_t nprefixes;
    tl_set64 lone_firsts; /* (lang, prefix of first word) of terms whose second item is
                             punctuation or missing */
    tl_set64 pair_pids;   /* (lang, prefix of first word, prefix of second word) */
    tl_set64 pair_kids;   /* (lang, prefix of first word, key of second word) */
    mterm *terms;
    size_t nterms;
    uint32_t *regex;  /* indices into terms of the `match: regex` terms (n == 0) */
    size_t nregex;
};

typedef struct {
    const mterm *mt;
    uint64_t first;
    uint32_t capsig, count;
} cons_form;

/* Groups the uses of ONE concept u[0..n) into forms (f, at most n; *nf set) and sets
 * fi[i] to the form of use i. Returns the dominant form's index (majority; ties: the
 * canonical term as the glossary writes it, then the glossary's capitalisation, then
 * first seen). `stride` is the byte distance between consecutive uses, so callers can
 * embed cons_use at the start of a larger record. */
size_t consistency_forms(const void *u, size_t stride, size_t n, cons_form *f, size_t *nf,
                         size_t *fi);
/* Message of a term.inconsistent finding, into the arena. */
const char *consistency_message(tl_arena *a, const char *id, const char *found,
                                const char *dominant, unsigned nfound, unsigned ndom);

/* Byte length of `key` (len bytes) without its inflectional ending. */
size_t stem_key_len(tl_lang lang, const char *key, size_t len);
/* Computes (once) the key ids text word `w` matches by its own key, stripped or not,
 * and its prefix ids. 0, or -1 when out of memory. */
int match_word_ids(tl_doc *d, tl_word *w);
/* Adds (once) the ids of w's lemmas that begin like w; after match_word_ids(). */
int match_word_lemmas(tl_doc *d, tl_word *w);
/* Could the lemmas of the word at token i begin a term there (given the next token)?
 * 1 yes, 0 no, -1 out of memory. After match_word_ids() on it. */
int match_first_wants_lemmas(tl_doc *d, size_t i);

#endif
