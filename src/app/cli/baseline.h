/* baseline.h - known findings to leave out of a report, and recording them (baseline.c;
 * docs/baseline.md). */
#ifndef TL_BASELINE_H
#define TL_BASELINE_H

#include "termlint.h"

#include <stddef.h>

typedef struct cli_baseline cli_baseline;

/* Reads baseline file `path` into *out (owned: baseline_free). 0, or -1 with the reason
 * printed. */
int baseline_load(const char *path, cli_baseline **out);
/* Whether finding x of the file reported as `path` is one the baseline holds; each
 * entry answers once per time it was recorded. */
int baseline_has(cli_baseline *b, const char *path, const tl_finding *x);
/* Notes that the file reported as `path` was checked (for baseline_report_fixed). */
void baseline_checked(cli_baseline *b, const char *path);
/* Says on stderr which entries of checked files no finding answered (fixed since the
 * baseline); returns how many. */
size_t baseline_report_fixed(const cli_baseline *b);
void baseline_free(cli_baseline *b); /* NULL is a no-op */

typedef struct cli_baseline_writer cli_baseline_writer;

/* Starts recording a baseline for `path`. 0, or -1 (said). */
int baseline_writer_open(const char *path, cli_baseline_writer **out);
/* Records finding x of the file reported as `path`. 0, or -1 when out of memory. */
int baseline_writer_add(cli_baseline_writer *w, const char *path, const tl_finding *x);
/* Writes the file when `commit` (atomically: a temporary file renamed over it), and
 * frees `w` (NULL: nothing). 0, or -1 with the reason printed. */
int baseline_writer_close(cli_baseline_writer *w, int commit);

#endif
