/*
 * suppress.h - inline suppression markers (suppress.c): parsing them out of a text, the
 * byte ranges they silence, and filtering a document's findings with them.
 *
 * The parser and the filter are pure (bytes and arrays in, arrays out: no context, no
 * document), so a fuzz target drives them directly; suppress_apply() is the glue the
 * core calls from result_build(). docs/suppressions.md is the user's description.
 */
#ifndef TL_SUPPRESS_H
#define TL_SUPPRESS_H

#include "doc.h"

#define SUP_MAX_RULES 32      /* rule selectors read per marker; more are ignored */
#define SUP_MAX_MARKERS 10000 /* markers read per text; more are ignored */

typedef enum { SUP_NEXT_LINE = 0, SUP_DISABLE, SUP_ENABLE, SUP_FILE } sup_kind;

/* A byte range of the text: [off, off + len). */
typedef struct {
    size_t off, len;
} sup_span;

typedef struct {
    sup_kind kind;
    size_t off, end;               /* the marker with its comment syntax: [off, end); findings that
                         start inside are dropped (a reason may hold words) */
    sup_span keyword;              /* "termlint-disable-next-line" */
    sup_span rules[SUP_MAX_RULES]; /* the rule selectors as written, in order */
    size_t nrules;
    sup_span reason;           /* after " -- "; len 0 when none */
    size_t next_off, next_end; /* SUP_NEXT_LINE: the line it silences, [off, end) */
} sup_marker;

/* Reads the markers of text[0, len) into *out (heap array of *n, owned: tl_free; NULL
 * when there is none), in text order, at most SUP_MAX_MARKERS. Never reads past `len`;
 * any bytes are accepted. 0, or -1 when out of memory (*out NULL, *n 0). */
int suppress_parse(const char *text, size_t len, sup_marker **out, size_t *n);

/* What a marker silences: findings of the rules in `mask` (bit r for tl_rule r) that
 * start in [start, limit). */
typedef struct {
    size_t start, limit;
    uint64_t mask;
    size_t marker; /* its index among the markers */
    uint64_t used; /* the rules of mask it silenced (suppress_filter) */
} sup_range;

/* The rules a marker's selectors select, by bit (mask[i] for marker i, computed by the
 * caller; a marker without selectors should have every suppressible rule), as ranges:
 * *out (heap array of *n, owned: tl_free), sorted by start. 0, or -1 when out of memory. */
int suppress_ranges(const sup_marker *m, const uint64_t *mask, size_t nm, sup_range **out,
                    size_t *n);

/* Drops from f[0, nf) every finding that a range silences (its rule in the range's mask
 * and its start in the range; each such range gets the rule in `used`) or that starts
 * inside a marker. Findings of encoding and suppression.* rules, and those switched off
 * (TL_SEV_OFF), are kept as they are. Sorts f by offset; returns the number kept, at the
 * front, or SIZE_MAX when out of memory (f then holds every finding, sorted). `ranges` sorted by start (suppress_ranges); `m` in text order. */
size_t suppress_filter(tl_ifinding *f, size_t nf, sup_range *ranges, size_t nr, const sup_marker *m,
                       size_t nm);

/* Every rule a marker without selectors silences: all but encoding and suppression.*. */
uint64_t suppress_all_rules(void);

/* The markers of a text checked in sections (sections.c), with offsets in the whole
 * text: read section by section before the first is checked, so that a range that runs
 * past a section's end still silences what the next sections find. */
typedef struct sup_plan {
    sup_marker *m; /* in text order, at most SUP_MAX_MARKERS */
    size_t nm, cap;
    uint64_t *mask; /* per marker */
    sup_range *r;   /* suppress_plan_ranges() */
    size_t nr;
} sup_plan;

/* Adds the markers of text[0, len) that start before `own` (a section at offset `base`
 * of the whole text; the bytes after `own` are the next section's, read to finish a
 * marker or find the line after it). 0, or -1 when out of memory. */
int suppress_plan_add(sup_plan *p, const char *text, size_t len, size_t own, size_t base);
/* How far the markers of text[0, len) that start before `own` reach (the end of the
 * furthest, or 0 when none does): a section must not end inside one of its markers (an
 * HTML comment may hold line breaks). SIZE_MAX when out of memory. */
size_t suppress_markers_end(const char *text, size_t len, size_t own);
/* The ranges of the markers added. 0, or -1 when out of memory. */
int suppress_plan_ranges(sup_plan *p);
void suppress_plan_free(sup_plan *p);

/* Applies the markers of d's text to d->f (before resolution): drops what they
 * silence, adds suppression.unknown-rule findings for selectors that select no rule
 * and, when d->report_unused_disables, suppression.unused findings. TL_OK or
 * TL_ERR_NOMEM. */
tl_status suppress_apply(tl_doc *d);

#endif
