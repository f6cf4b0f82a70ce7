/*
 * tokenize.h - stage 2: ICU word breaks -> tokens (tokenize.c, sole user of ubrk).
 */
#ifndef TL_TOKENIZE_H
#define TL_TOKENIZE_H

#include "doc.h"

/* Chunks are about this many bytes and end at a line break when there is one. */
#define TL_CHUNK_BYTES (1u << 20)

/* A word-break iterator for one context (owned: tokenize_brk_free), NULL on failure. */
void *tokenize_brk_new(void);
void tokenize_brk_free(void *brk);

/* End offset of the chunk that starts at `start`: a line start after about
 * TL_CHUNK_BYTES (a paragraph break when one is near), else white space, else a code
 * point boundary; the text's length when the rest is small. */
size_t tokenize_chunk_end(const tl_source *s, size_t start);

/* Tokenises [start, end) of d->src into d->tok (replacing the previous chunk): words
 * with their cache entries in d->lang, numbers and punctuation; white space becomes
 * flags on the following token. Carries sentence state across chunks in `st`.
 * TL_OK or TL_ERR_NOMEM. */
typedef struct {
    int sent_pending; /* the next word starts a sentence */
    int started;
} tl_tok_state;

tl_status tokenize_chunk(tl_doc *d, tl_tok_state *st, size_t start, size_t end);

#endif
