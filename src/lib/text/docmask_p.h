/*
 * docmask_p.h - private to the document readers of text/ (docmask.c, doc_markdown.c,
 * doc_html.c): the masked text they fill in.
 *
 * A reader turns a Markdown or HTML file into a text of the same byte length in which
 * every byte that is not prose to check is a space (line breaks stay), so an offset of
 * the masked text is the offset of the original file and no offset map is needed
 * (docs/documents.md). The readers only say which byte ranges are prose (dm_text), what
 * an entity decodes to (dm_put) and where a block ends (dm_block_end).
 */
#ifndef TL_DOCMASK_P_H
#define TL_DOCMASK_P_H

#include "base.h"

typedef struct {
    const char *in; /* the original bytes (borrowed) */
    char *out;      /* the masked text, len bytes (owned until handed over) */
    size_t len;
    size_t prose_end; /* end of the last prose byte that is not white space, 0 none */
    size_t mark;      /* where a block's end may write its sentence mark, or SIZE_MAX */
    int oom;          /* a reader's allocation failed */
} dm_buf;

/* Copies the original bytes [off, off + n) into the masked text: they are prose. A
 * pending block end on the same line first becomes a sentence mark. Ranges outside the
 * text are ignored. */
void dm_text(dm_buf *b, size_t off, size_t n);
/* The original range [off, off + n) (an entity) reads as the `m` bytes `s` (m <= n):
 * they are written at its start, or at its end for an opening quote or bracket, so that
 * the padding spaces fall between the word and the markup, not inside a quotation. */
void dm_put(dm_buf *b, size_t off, size_t n, const char *s, size_t m);
/* A block (paragraph, heading, list item, table cell) ends: when the next block's prose
 * follows on the same line, the byte after this block's last character becomes a full
 * stop, so the checks see two sentences, not one. */
void dm_block_end(dm_buf *b);
/* Decodes the Markdown/HTML character reference at p[0, n) ("&amp;", "&#1072;",
 * "&#x430;") into out (UTF-8, at most 4 bytes): its length, or 0 when it is not one
 * this knows. */
size_t dm_entity(const char *p, size_t n, char out[4]);

/* The readers: fill b->out (already all spaces, line breaks and bad bytes kept). */
void dm_markdown(dm_buf *b);
void dm_html(dm_buf *b);

#endif
