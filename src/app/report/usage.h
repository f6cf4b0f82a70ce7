/*
 * usage.h - the usage record of a checked file (usage.c) and the terminology report
 * built from such records (termreport.c, termreport_out.c): `termlint report`, and
 * `termlint report --from-jsonl` over the records `check --format jsonl` wrote.
 */
#ifndef TL_USAGE_H
#define TL_USAGE_H

#include "report.h"

#include <jansson.h>

/* examples kept per rendering of a concept, in a file and in a report */
#define USAGE_EXAMPLES 2

/* File f's usage record (a new reference; usage.c describes its fields). */
json_t *usage_record(const report_file *f);
/* A keyword-in-context example of span x (its line, col, offset, length) of f, quoting
 * `text` (NULL: x->text) (a new reference). */
json_t *usage_example(const report_file *f, const tl_finding *x, const char *text);
/* The term candidates of f (candidates.c), as the usage record lists them (a new
 * reference; an empty array for a file not checked). */
json_t *candidates_of(const report_file *f);

/* ---- the report (termreport.c) ------------------------------------------------------ */

typedef struct termreport termreport;

/* A new, empty report (owned: termreport_free), or NULL when out of memory. */
termreport *termreport_new(void);
void termreport_free(termreport *t); /* NULL is a no-op */

/* Adds usage record `rec` (borrowed). The result does not depend on the order the
 * records come in. 0, or -1 when `rec` is not a usage record (*why says what is
 * wrong, static) or memory ran out (*why "out of memory"). */
int termreport_add(termreport *t, const json_t *rec, const char **why);

/* Lists the glossaries' concepts and terms for the coverage section; `paths` is
 * NULL-terminated. TL_OK, or the load problem (in `diags`). */
tl_status termreport_glossaries(termreport *t, const char *const *paths, tl_diags *diags);

/* The report in markdown, or JSON (docs/report.md), to `out`. 0, or -1 when out of
 * memory. */
int termreport_write_md(termreport *t, FILE *out);
int termreport_write_json(termreport *t, FILE *out);
/* The report as one multi-section CSV file (docs/report.md, termreport_csv.c). */
int termreport_write_csv(termreport *t, FILE *out);
/* The report as a self-contained HTML page with sortable tables and SVG charts
 * (termreport_html.c). */
int termreport_write_html(termreport *t, FILE *out);

/* The report formats of `termlint report` (report_term.c): the usage records of a run
 * fed to a termreport, written at the end. Not in --format's table of `check`. */
extern const report_format report_term_md, report_term_json, report_term_csv, report_term_html;

#endif
