/*
 * source.h - stage 1: validated text, its line index and its segments (source.c).
 */
#ifndef TL_SOURCE_H
#define TL_SOURCE_H

#include "base.h"

typedef struct {
    size_t off, len;
    int nul;
} tl_bad_bytes;

/* A stretch [start, limit) of the text that is checked as one piece: tokens, chunks and
 * findings never cross a segment's end. Plain text is one segment, all of it after a
 * BOM. An input format that holds other material besides the text to check (the source
 * language of a bilingual file, markup) lists only the stretches to check, as byte
 * ranges of the input, so positions need no translation (docs/architecture.md, "adding
 * an input format"). */
typedef struct {
    size_t start, limit;
} tl_segment;

typedef struct {
    const char *orig; /* the caller's bytes (borrowed, never written) */
    const char *text; /* orig, or `copy` when bad bytes had to be blanked */
    char *copy;       /* owned; NULL when the input was clean */
    size_t len;
    size_t start;  /* 3 after a BOM, else 0 */
    size_t *lines; /* start offset of each line; lines[0] == 0 */
    size_t nlines, cap_lines;
    size_t nbad; /* invalid sequences and NUL bytes found */
    size_t nbad_recorded;
    tl_bad_bytes bad[100];
    tl_segment *segs; /* owned; in order, not overlapping */
    size_t nsegs;
    /* told when a pass over the text has left the bytes before an offset behind
     * (tl_run_options.consumed: a caller that mapped a huge text drops those pages);
     * NULL: nobody is */
    void (*consumed)(void *arg, size_t upto);
    void *consumed_arg;
} tl_source;

/* Bytes a pass over the whole text reads between two source_consumed() calls. */
#define TL_PASS_BLOCK ((size_t)4 << 20)

/* Says that the bytes before `upto` are behind the present pass (see consumed). */
static inline void source_consumed(const tl_source *s, size_t upto)
{
    if (s->consumed)
        s->consumed(s->consumed_arg, upto);
}

/* Cursor that makes successive line:col lookups in offset order linear. */
typedef struct {
    size_t line, off, col;
} tl_source_pos;

/* Validates and indexes `len` bytes at `text` (borrowed: must outlive `s`), as one
 * segment. TL_OK or TL_ERR_NOMEM; bad bytes are recorded in s->bad, not an error here. */
tl_status source_init(tl_source *s, const char *text, size_t len);
/* source_init with s->consumed set first: told every TL_PASS_BLOCK bytes of the
 * validation, and at its end. */
tl_status source_init_with(tl_source *s, const char *text, size_t len,
                           void (*consumed)(void *arg, size_t upto), void *arg);
/* source_init_with for a part of a longer text (core/sections.c): `bom` 0 when the
 * part is not the text's start, where U+FEFF is a character like any other. */
tl_status source_init_part(tl_source *s, const char *text, size_t len,
                           void (*consumed)(void *arg, size_t upto), void *arg, int bom);
void source_release(tl_source *s);
/* 0-based line holding byte `off`. */
size_t source_line_of(const tl_source *s, size_t off);
/* End offset of 0-based `line`, before its line break. */
size_t source_line_end(const tl_source *s, size_t line);
void source_pos_init(tl_source_pos *p);
/* 1-based line and code-point column of `off`; `cur` may be NULL. */
void source_linecol(const tl_source *s, tl_source_pos *cur, size_t off, unsigned *line,
                    unsigned *col);

#endif
