/*
 * report.h - the output formats, all behind one interface (report.c lists them). The
 * command line calls begin once, then for each input in order file, finding for each
 * of its findings and file_end, then end once; a format writes what it needs where it
 * needs it. Reporters see only the public API (termlint.h).
 *
 * Adding a format: one report_NAME.c defining a `const report_format report_NAME` and
 * its row in report.c's table; --format then takes NAME and lists it in its messages.
 */
#ifndef TL_REPORT_H
#define TL_REPORT_H

#include "termlint.h"

#include <stdint.h>
#include <stdio.h>

/* One input as the reporters see it. */
typedef struct {
    const char *path;
    const char *data; /* the input's bytes, for excerpts; NULL when unread */
    size_t len;
    const tl_result *result; /* NULL when it could not be read or checked */
    const char *error;       /* why not, or why only in part (tl_status_str); or NULL */
    /* told that a pass over data has read the bytes before `upto` (a mapped text drops
     * them: cli_file_consumed); NULL: nobody is */
    void (*consumed)(void *arg, size_t upto);
    void *consumed_arg;
} report_file;

/* Totals over the run. */
typedef struct {
    size_t files, errors, warnings, infos, input_errors;
    uint64_t words;
    size_t baselined; /* findings left out because the baseline holds them */
} report_summary;

/* A format at work: where it writes, what it is told about the run, and its state. */
typedef struct {
    FILE *out;
    int color;                     /* 1: the output is a terminal that wants colour */
    void *state;                   /* the format's state_size bytes, zeroed before begin */
    tl_severity fail_on;           /* findings at or above fail the run (TL_SEV_OFF: none do) */
    const tl_diags *notes;         /* warnings about the setup (glossaries that claim one form,
                              missing rule data): formats with a place for them say them */
    int baseline;                  /* 1: a baseline is in use; the findings shown are new ones */
    const char *const *glossaries; /* the run's glossary files, NULL-terminated (or NULL):
                                      terminology reports list what the corpus never used */
} reporter;

typedef struct {
    const char *name; /* --format NAME */
    size_t state_size;
    void (*begin)(reporter *rp);                      /* may be NULL */
    void (*file)(reporter *rp, const report_file *f); /* may be NULL */
    /* x is finding i of f's result */
    void (*finding)(reporter *rp, const report_file *f, const tl_finding *x, size_t i);
    void (*file_end)(reporter *rp, const report_file *f); /* may be NULL */
    void (*end)(reporter *rp, const report_summary *s);   /* last call: frees the state's
                                                             heap memory too */
} report_format;

/* The formats' names into names[] (NULL-terminated, at most cap - 1); their number. */
size_t report_list(const char **names, size_t cap);
/* The format called `name`, or NULL. */
const report_format *report_find(const char *name);
/* The formats' names into buf (cap bytes, cut if need be) separated by `sep`, the last
 * two by `last` (", " and " or ": "a, b or c"). */
void report_names(char *buf, size_t cap, const char *sep, const char *last);

extern const report_format report_text, report_json, report_jsonl, report_sarif, report_junit,
    report_github, report_html;

/* Helpers the JSON-based formats share (report_json.c), in jansson's values: json_t is
 * jansson's type (C11 allows its typedef to be repeated). */
typedef struct json_t json_t;
/* A finding as the JSON format writes it (a new reference). */
json_t *report_json_finding(const tl_finding *x);
/* Setup warnings as an array of {level, message, file, line, column} (a new reference). */
json_t *report_json_notes(const tl_diags *d);

#endif
