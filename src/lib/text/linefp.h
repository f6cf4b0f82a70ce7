/*
 * linefp.h - fingerprints of lines, for the page furniture a run finds by repetition
 * (linefp.c): a line that recurs in many files of a run is a site header, a menu or a
 * footer, not a sentence of one article.
 */
#ifndef TL_LINEFP_H
#define TL_LINEFP_H

#include "base.h"

/* Words (or bytes) from which a line is long prose whatever its end, and words from
 * which a line that ends like a sentence (. ! ? …) is; such lines are never run-wide
 * furniture. The byte limit spares the first pass decoding the paragraphs of a run. */
#define LINEFP_PROSE_WORDS 25
#define LINEFP_PROSE_BYTES 400
#define LINEFP_SENTENCE_WORDS 8

/* The fingerprint of the line [p, p+len) (no line break inside): a 64-bit hash of the
 * line with case folded, each run of white space made one space (none at the ends),
 * invisible characters dropped and each run of digits made one «0», so «Комментарий
 * (3)» and «комментарий  (12)» are one line. 0 when the line cannot be run-wide
 * furniture: it is blank, has no letter or digit, or is long prose (see above). */
uint64_t linefp_line(const char *p, size_t len);

/* Fingerprints and the number of a run's texts each one occurs in (each text counted
 * once). Open addressing; built on one thread, then read by any. */
typedef struct {
    uint64_t *fp;    /* 0 = empty slot */
    uint32_t *files; /* texts holding the line */
    uint32_t *last;  /* the last text that counted (texts are added in order) */
    size_t cap, count;
} linefp_counts;

void linefp_counts_init(linefp_counts *c);
void linefp_counts_release(linefp_counts *c);
/* Counts fingerprint `fp` (non-zero) for text `doc`: once per text, texts added in
 * increasing order. 0, or -1 when out of memory. */
int linefp_counts_add(linefp_counts *c, uint64_t fp, uint32_t doc);
/* The number of texts `fp` was counted in (0 when never). */
uint32_t linefp_counts_get(const linefp_counts *c, uint64_t fp);
/* Keeps only the fingerprints counted in at least `min` texts (memory goes back).
 * 0, or -1 when out of memory (then `c` is empty). */
int linefp_counts_keep(linefp_counts *c, uint32_t min);

#endif
