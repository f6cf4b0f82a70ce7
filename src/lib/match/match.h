/*
 * match.h - stage 5: inflection-aware matching of glossary terms over a chunk's tokens
 * (match_index.c builds the index, match.c matches words, regex_terms.c runs the
 * `match: regex` terms). What the checks see of the matcher: the terms as split into
 * words, the best match at a token, and the regex terms' matches.
 */
#ifndef TL_MATCH_H
#define TL_MATCH_H

#include "gloss.h"
#include "morph.h"
#include "token.h"

#define MAX_TERM_WORDS 16

typedef struct tl_match_index tl_match_index;

/* One word (or punctuation item) of a term, as the text's words are split. */
typedef struct {
    uint32_t kid;        /* interned key (stripped for inflected terms) */
    uint32_t pid;        /* prefix id of that key (0 for punctuation) */
    const char *full;    /* norm_key of the word as written */
    const char *surface; /* as written in the glossary */
    uint8_t punct;       /* punctuation: must appear as is */
    uint8_t cap;         /* first letter upper case in the glossary */
} mword;

/* A term of the glossary, split (no words: a `match: regex` term). */
typedef struct tl_mterm {
    const gl_term *term;
    mword *w;
    uint16_t n;
    /* the term's `context:` (its words, split like terms; ctxn == 0: none) and
     * `not_before:` words, both in the term's language */
    const struct tl_mterm *ctxw, *nb;
    uint16_t ctxn, nbn;
    uint16_t window;           /* words on each side; 0: the sentence; GL_WINDOW_DOCUMENT */
    uint8_t has_ctx;           /* a context is required (ctxn may be 0: then never met) */
    uint16_t ctxcats;          /* the context's `categories:` (bit 1 << gl_category) */
    uint32_t docbit;           /* window: document: the context's bit (match_doc_contexts) */
    const struct tl_mterm *na; /* `not_after:` words */
    uint16_t nan;
} mterm;

/* Builds the matcher for every term of `g` (borrowed: must outlive the index). Read-only
 * once built: clones on other threads share it. NULL when out of memory. */
tl_match_index *match_index_new(const gloss *g);
void match_index_free(tl_match_index *mi); /* NULL is a no-op */

/* Matching one chunk: the index, the context's word cache and dictionaries (lemmas),
 * the tokens and the text they point into. Words get their key ids cached in their
 * tl_word (match.c), so `tok` is read-only but its words are written. */
typedef struct {
    const tl_match_index *mi;
    tl_morph *morph;
    tl_lang lang;
    const tl_token *tok;
    size_t ntok;
    const char *text;
    size_t chunk_start, chunk_end; /* byte range of the chunk in `text` */
    tl_buf *scratch;               /* the context's scratch buffer */
} tl_matcher;

/* The best term starting at word token i: longest, then forbidden < variant <
 * canonical, then glossary order; leftmost-longest is the caller's (skip the tokens of
 * a match). Returns its length in tokens and sets *best (0 none, -1 out of memory). */
long match_at(tl_matcher *m, size_t i, const mterm **best);

/* Whether term mt, matched at tokens [i, i+ntok), counts where it stands: no
 * `not_before:` word follows it at once, no `not_after:` word precedes it at once, and,
 * for a context of a sentence or a window, a word of its context occurs there. 1 yes
 * (also for terms without any), 0 no, -1 out of memory. A context of the whole document
 * (mt->docbit) is the caller's to judge, with match_doc_contexts(). */
int match_where_ok(tl_matcher *m, const mterm *mt, size_t i, size_t ntok);

/* The document-wide contexts (bits, as in mterm.docbit) of m->lang with an entry that
 * matches at token j; 0 none. *err is set when out of memory. */
uint32_t match_doc_contexts(tl_matcher *m, size_t j, int *err);

/* ---- regex terms (regex_terms.c) ------------------------------------------------- */

/* The `match: regex` terms compiled for one context (ICU regexes are not thread-safe);
 * owned by its holder, freed with match_regexes_free (NULL is a no-op). */
typedef struct match_regexes match_regexes;
void match_regexes_free(match_regexes *rx);

/* Called for a regex match that starts at token i and covers tokens [i, i+ntok): 0, or
 * -1 to stop with an error. */
typedef int (*match_hit_fn)(void *arg, const mterm *mt, size_t i, size_t ntok);

/* The number of regex terms of the index (the size of match_calls.given_up). */
size_t match_regex_count(const tl_match_index *mi);

/* What running the regex terms of a document calls, and what it keeps for the
 * document: `hit` for each match; `limit` when pattern mt ran out of ICU's time or
 * stack limit at byte `off`, after which given_up[r] is set (r: the pattern's index in
 * mi->regex; the caller's array of mi->nregex flags, zeroed for a new document) and
 * the pattern is not run again on the document. */
typedef struct {
    match_hit_fn hit;
    void (*limit)(void *arg, const mterm *mt, size_t off);
    void *arg;
    uint8_t *given_up;
} match_calls;

/* Runs the regex terms of m->lang over the chunk; *rx is compiled on first use (a
 * pattern when a text first has a word it can start at). 0, or -1 when out of memory,
 * ICU failed or `hit` returned -1. */
int match_regexes_run(match_regexes **rx, const tl_matcher *m, const match_calls *c);

#endif
