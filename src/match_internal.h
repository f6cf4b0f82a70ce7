/* match_internal.h - the matcher's index, shared by match.c and check_terms.c. */
#ifndef TL_MATCH_INTERNAL_H
#define TL_MATCH_INTERNAL_H

#include "ctx.h"
#include "match.h"

#define MAX_TERM_WORDS 16
#define MAX_KIDS 8

typedef struct {
    uint32_t id;
    uint32_t *starts; /* indices of terms whose first word has this key */
    uint32_t nstarts, cap;
} mkey;

typedef struct {
    uint32_t kid;        /* interned key (stripped for inflected terms) */
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

struct tl_match_index {
    tl_arena mem;
    tl_map keys;      /* key bytes -> mkey */
    mkey **key_tab;   /* by id */
    size_t nkeys, cap_keys;
    tl_map prefixes;  /* first 4 code points of every word key: the stemming filter */
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
/* Computes (once) the key ids text word `w` can match. 0, or -1 when out of memory. */
int match_word_ids(tl_doc *d, tl_word *w);

#endif
