/*
 * fuzz_usage.c - fuzz target for the reader of usage records, what `termlint report
 * --from-jsonl` merges from the JSON Lines of separate runs (src/app/report/
 * termreport.c): each line of the input is parsed as JSON and given to
 * termreport_add(), which must take it or refuse it with a reason; then the report is
 * written in every format (markdown, JSON, CSV, HTML), whose code sees what the records
 * hold: names, renderings, examples, candidates, counts.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c into
 * build/fuzz-replay-usage, which `make check` runs over fuzz/corpus/usage; both link
 * the command line's report sources the Makefile lists in FUZZ_APP_usage.
 */
#include "usage.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the input has no selector byte */
const unsigned fuzz_selectors = 0;

static FILE *sink; /* the reports are written and thrown away */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    termreport *t = termreport_new();
    if (!t)
        return 0;
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        json_error_t err;
        json_t *rec = json_loadb(p, n, 0, &err);
        if (rec) {
            const char *why = NULL;
            if (termreport_add(t, rec, &why) && !why)
                abort(); /* a refusal must say why */
            json_decref(rec);
        }
        p += n + 1;
    }
    if (sink) {
        termreport_write_md(t, sink);
        termreport_write_json(t, sink);
        termreport_write_csv(t, sink);
        termreport_write_html(t, sink);
        fflush(sink);
    }
    termreport_free(t);
    return 0;
}
