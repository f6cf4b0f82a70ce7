/*
 * match.h - stage 5: inflection-aware glossary term matching (match.c) and the term
 * checks built on it (check_terms.c).
 */
#ifndef TL_MATCH_H
#define TL_MATCH_H

#include "doc.h"
#include "gloss.h"

typedef struct tl_match_index tl_match_index;

/* Builds the matcher for every term of `g` (borrowed: must outlive the index).
 * NULL when out of memory. */
tl_match_index *match_index_new(const gloss *g);
void match_index_free(tl_match_index *mi);

int check_terms_chunk(tl_doc *d);
int check_terms_finish(tl_doc *d);
void check_terms_release(tl_doc *d);
void check_terms_ctx_release(tl_ctx *c);

#endif
