/* wordtab_p.h - the word-form table's file layout and in-memory record, shared by its
 * query side (wordtab.c), its compiler (wordtab_build.c) and its cache file
 * (wordtab_file.c); private to these three. */
#ifndef TL_WORDTAB_P_H
#define TL_WORDTAB_P_H

#include "base.h"
#include "wordtab.h"

#define WT_MAGIC 0x31545754u /* "TWT1" */
#define WT_VERSION 5u
#define STEM_LIST 0x80000000u /* ref[]: an offset into lists[] rather than a stem id */
/* header flags. WT_HYPHEN_BREAK: Hunspell breaks words at hyphens (BREAK: its default,
 * or a pattern "-"), so a word whose parts are all words is right. WT_COMPLETE: the
 * table holds every form Hunspell accepts among plain words (see wordtab_check): no
 * .dic line was skipped, no form held an IGNORE character, no ICONV source is a
 * Cyrillic letter, an apostrophe or a hyphen, and BREAK is at most "-". */
#define WT_HYPHEN_BREAK 1u
#define WT_COMPLETE 2u
#define MAX_FORM 100 /* Hunspell's MAXWORDLEN: longer words it never accepts */
#define MAX_COND 24  /* code points in one rule's condition */

typedef struct {
    uint32_t magic, version;
    uint64_t sig;
    uint64_t count;       /* distinct form hashes */
    uint32_t bits, flags; /* WT_HYPHEN_BREAK, WT_COMPLETE */
    uint64_t nhidden;     /* hashes of Capitalised forms of hidden stems (see read_dic) */
    uint64_t nlists;      /* uint32 words of lists[] */
    uint64_t nstems;      /* stems of the .dic */
    uint64_t pool;        /* bytes of stem text */
} wt_header;

struct wordtab {
    const uint32_t *idx;
    const uint64_t *h;
    const uint64_t *hidden; /* sorted */
    const uint32_t *ref;    /* per form: its stem id, or STEM_LIST | offset in lists */
    const uint32_t *lists;  /* at an offset: count, then that many stem ids */
    const uint32_t *soff;   /* stem id -> offset of its NUL-terminated text in pool */
    const char *pool;
    uint32_t bits, flags;
    size_t count, nhidden, nlists, nstems, npool;
    void *mem;
    size_t memlen;
    int mapped;
};

/* tl_hash with a final mix, so that the top bits that pick the bucket are uniform.
 * The file stores these values: changing this function needs a new WT_VERSION. */
uint64_t wordtab_hash(const char *s, size_t n);

/* Bytes of a file image whose header is `hd` (see wordtab.c), 0 when the sizes cannot
 * be a file. */
size_t wordtab_file_size(const wt_header *hd);

/* Points t's arrays into a file image of `len` bytes; 0 when the image is not a table
 * of signature `sig` (wrong magic, version or size: truncated or foreign files). */
int wordtab_attach(wordtab *t, void *mem, size_t len, uint64_t sig);
/* Points t's arrays into an image whose header sizes are valid. */
void wordtab_attach_layout(wordtab *t, const void *mem);

enum { CASE_OTHER, CASE_INIT, CASE_ALL };

/* The case of s: CASE_INIT (Capitalised), CASE_ALL (capitals, 2+ letters) or
 * CASE_OTHER. */
int wordtab_case(const char *s, size_t n);
/* Rewrites s into b (cap bytes) lower-cased (init = 0) or Capitalised (init = 1), *out
 * its length. -1 on bad UTF-8 or when b is too small. */
int wordtab_recase(const char *s, size_t n, int init, char *b, size_t cap, size_t *out);

/* Expands dictionary aff/dic: into a file image of signature `sig` (owned: tl_free;
 * *len set) when fn is NULL, else form by form to fn (then NULL is returned). *rc: 0
 * when every form was given, -1 when the dictionary gets no table or on error. */
void *wordtab_compile(const char *aff, const char *dic, uint64_t sig, size_t *len,
                      int (*fn)(void *, const char *, size_t), void *arg, int *rc);

#endif
