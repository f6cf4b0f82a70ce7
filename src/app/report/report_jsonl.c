/*
 * report_jsonl.c - `--format jsonl`: JSON Lines, one object per line, for streaming and
 * for merging the reports of many runs (cat them; sort by path). docs/json-format.md
 * describes the records:
 *
 *   {"type":"file","path":...,"language":...,"language_reason":...,"words":N[,"error":...]}
 *   {"type":"finding","path":...,"language":...,<the JSON format's finding fields>,
 *    "fingerprint":...}
 *   {"type":"usage","path":...,<what a terminology report needs: usage.c>}
 *   {"type":"notification","level":...,"message":...[,"file","line","column"]}
 *   {"type":"summary","files":N,"errors":N,"warnings":N,"infos":N,"input_errors":N}
 *
 * A file's record comes before its findings and its usage record after them, so a file
 * without findings is still listed; each finding repeats its path and language, so a line read alone says all.
 */
#include "usage.h"

#include <jansson.h>
#include <stdlib.h>

typedef struct {
    const char *lang; /* the current file's language ("" when unread) */
} jsonl_state;

/* Writes `o` on a line of its own and drops it. */
static void line(reporter *rp, json_t *o)
{
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (s)
        fprintf(rp->out, "%s\n", s);
    free(s);
    json_decref(o);
}

/* A path that is not UTF-8 cannot be a JSON string: "?" then, as the JSON format does. */
static json_t *path_of(const report_file *f)
{
    json_t *p = json_string(f->path);
    return p ? p : json_string("?");
}

static void file(reporter *rp, const report_file *f)
{
    jsonl_state *st = rp->state;
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("file"));
    json_object_set_new(o, "path", path_of(f));
    st->lang = f->result ? tl_lang_str(tl_result_lang(f->result)) : "";
    if (f->result) {
        json_object_set_new(o, "language", json_string(st->lang));
        json_object_set_new(o, "language_reason", json_string(tl_result_lang_reason(f->result)));
        json_object_set_new(o, "words", json_integer((json_int_t)tl_result_words(f->result)));
    }
    if (f->error)
        json_object_set_new(o, "error", json_string(f->error));
    line(rp, o);
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)i;
    jsonl_state *st = rp->state;
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("finding"));
    json_object_set_new(o, "path", path_of(f));
    json_object_set_new(o, "language", json_string(st->lang));
    json_t *fields = report_json_finding(x);
    json_object_update(o, fields);
    json_decref(fields);
    /* what tells the same finding apart in two runs being merged: docs/baseline.md */
    json_object_set_new(o, "fingerprint", json_string(x->fingerprint));
    line(rp, o);
}

static void end(reporter *rp, const report_summary *s)
{
    json_t *notes = report_json_notes(rp->notes);
    for (size_t i = 0; i < json_array_size(notes); i++) {
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string("notification"));
        json_object_update(o, json_array_get(notes, i));
        line(rp, o);
    }
    json_decref(notes);
    line(rp,
         json_pack("{s:s,s:I,s:I,s:I,s:I,s:I}", "type", "summary", "files", (json_int_t)s->files,
                   "errors", (json_int_t)s->errors, "warnings", (json_int_t)s->warnings, "infos",
                   (json_int_t)s->infos, "input_errors", (json_int_t)s->input_errors));
}

/* After a file's findings, its usage record: what `termlint report --from-jsonl` merges */
static void file_end(reporter *rp, const report_file *f) { line(rp, usage_record(f)); }

const report_format report_jsonl = {"jsonl", sizeof(jsonl_state), NULL, file, finding, file_end,
                                    end};
