/*
 * report_term.c - the formats of `termlint report` as reporters of a check run: each
 * file's usage record (usage.c) goes into a terminology report (termreport.c), which
 * is written when the run ends. They are not in report.c's table: `check --format`
 * does not offer them, `termlint report --format md|json` picks them (report_cmd.c).
 */
#include "usage.h"

#include <stdlib.h>

typedef struct {
    termreport *t;
    int failed; /* out of memory once: the report is not written */
} term_state;

static void begin(reporter *rp)
{
    term_state *st = rp->state;
    st->t = termreport_new();
    st->failed = !st->t;
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)rp, (void)f, (void)x, (void)i;
}

static void file_end(reporter *rp, const report_file *f)
{
    term_state *st = rp->state;
    const char *why;
    json_t *rec = st->failed ? NULL : usage_record(f);
    if (!st->failed && (!rec || termreport_add(st->t, rec, &why)))
        st->failed = 1;
    json_decref(rec);
}

/* 0 md, 1 json, 2 csv, 3 html */
static void end_as(reporter *rp, int how)
{
    term_state *st = rp->state;
    tl_diags *d = tl_diags_new();
    if (!st->failed && (!d || termreport_glossaries(st->t, rp->glossaries, d) == TL_ERR_NOMEM))
        st->failed = 1;
    if (!st->failed)
        st->failed = how == 1   ? termreport_write_json(st->t, rp->out)
                     : how == 2 ? termreport_write_csv(st->t, rp->out)
                     : how == 3 ? termreport_write_html(st->t, rp->out)
                                : termreport_write_md(st->t, rp->out);
    if (st->failed)
        fprintf(stderr, "termlint: out of memory: no report written\n");
    tl_diags_free(d);
    termreport_free(st->t);
}

static void end_md(reporter *rp, const report_summary *s)
{
    (void)s;
    end_as(rp, 0);
}

static void end_json(reporter *rp, const report_summary *s)
{
    (void)s;
    end_as(rp, 1);
}

const report_format report_term_md = {"md",    sizeof(term_state), begin, NULL,
                                      finding, file_end,           end_md};
static void end_csv(reporter *rp, const report_summary *s)
{
    (void)s;
    end_as(rp, 2);
}

const report_format report_term_csv = {"csv",   sizeof(term_state), begin,  NULL,
                                       finding, file_end,           end_csv};
static void end_html(reporter *rp, const report_summary *s)
{
    (void)s;
    end_as(rp, 3);
}

const report_format report_term_html = {"html",  sizeof(term_state), begin,   NULL,
                                        finding, file_end,           end_html};
const report_format report_term_json = {"json",  sizeof(term_state), begin,   NULL,
                                        finding, file_end,           end_json};
