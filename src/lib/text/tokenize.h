/*
 * tokenize.h - stage 2: ICU word breaks -> tokens (tokenize.c, sole user of ubrk).
 */
#ifndef TL_TOKENIZE_H
#define TL_TOKENIZE_H

#include "source.h"
#include "token.h"

/* Chunks are about this many bytes and end at a line break when there is one. */
#define TL_CHUNK_BYTES (1u << 20)

/* A word-break iterator for one context (owned: tokenize_free; not thread-safe), NULL
 * on failure. */
typedef struct tl_tokenizer tl_tokenizer;
tl_tokenizer *tokenize_new(void);
void tokenize_free(tl_tokenizer *tz); /* NULL is a no-op */

/* How the tokenizer gets the cached record of a word: `fn(arg, p, len)` returns the
 * record of the surface form [p, p+len) (the core passes the context's word cache,
 * morph_word), or NULL when out of memory. */
typedef struct {
    tl_word *(*fn)(void *arg, const char *p, size_t len);
    void *arg;
} tl_word_lookup;

/* One document's tokens: those of the current chunk (replaced by each call) and what
 * carries from chunk to chunk. Zero it before the first chunk; free `tok` with tl_free. */
typedef struct {
    tl_token *tok;
    size_t ntok, cap;
    uint64_t nwords;  /* word tokens so far, all chunks */
    int sent_pending; /* the next word starts a sentence */
    int started;
} tl_tokens;

/* End offset of the chunk that starts at `start` and may reach `limit` (the end of its
 * segment): a line start after about TL_CHUNK_BYTES (a paragraph break when one is
 * near), else white space, else a code point boundary; `limit` when the rest is small. */
size_t tokenize_chunk_end(const tl_source *s, size_t start, size_t limit);

/* Tokenises [start, end) of `s` into tk->tok (replacing the previous chunk): words with
 * their records from `lookup`, numbers and punctuation; white space becomes flags on
 * the following token. TL_OK or TL_ERR_NOMEM. */
tl_status tokenize_chunk(tl_tokenizer *tz, const tl_source *s, size_t start, size_t end,
                         const tl_word_lookup *lookup, tl_tokens *tk);

#endif
