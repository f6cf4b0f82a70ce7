/*
 * consistency.h - one concept written several ways: which form dominates and the
 * term.inconsistent findings on the others (consistency.c). The terms family judges a
 * document's uses when it ends; with run-wide consistency the core (corpus.c) judges
 * the uses of all documents of a run together, the same way.
 */
#ifndef TL_CONSISTENCY_H
#define TL_CONSISTENCY_H

#include "doc.h"
#include "match.h"

/* One use of a concept: a canonical form or a variant matched in a document. */
typedef struct term_use {
    const mterm *mt; /* the term matched */
    uint64_t seq;    /* order of occurrence (across a run: document index << 32 | n) */
    uint32_t capsig; /* bit k: word k starts with a capital; with a qualifier, bit 0 is
                        the qualifier's and the term's words follow */
    uint64_t qual; /* an adjective right before the term («районного народного совета»),
                        by its stem; 0 none: capitals are compared among uses alike */
    uint8_t sent; /* starts a sentence: its first word's case is not comparable */
    tl_doc *d;    /* the document it is in: findings on it go there */
    size_t off, len;
} term_use;

/* Inflections already made, by language, pattern, found text and replacement: a text
 * repeats its terms, and inflecting one costs a few microseconds. Zero is empty. */
typedef struct {
    tl_map map; /* key -> result in `mem`, or "" when it cannot be inflected */
    tl_arena mem;
} infl_memo;

/* Frees what the memo holds (its results too) and empties it. */
void infl_memo_release(infl_memo *m);

/* `replacement` (a glossary form) inflected like `found` (relative to the glossary form
 * `pattern`) in `lang` (inflect_like), or `fallback` when it cannot be. `key` is scratch.
 * The result is borrowed until the memo is released. */
const char *infl_memo_get(infl_memo *m, tl_buf *key, tl_lang lang, const char *pattern,
                          const char *found, const char *replacement, const char *fallback);

/* Which uses are judged together: one document's, or a whole run's (consistency.c
 * says how the two differ). */
typedef enum { CONS_DOCUMENT = 0, CONS_RUN } cons_scope;

/* Sorts the uses u[0..n) by concept and occurrence and, for every concept written in
 * two or more forms (a form is a term plus the capitalisation of its words), adds a
 * term.inconsistent finding on each minority use, in its document, pointing at the
 * dominant form, with that form put in the use's case as the suggestion. 0, or -1 when
 * out of memory. */
int consistency_judge(term_use *u, size_t n, cons_scope scope, infl_memo *memo);

#endif
