/*
 * report_json.c - `--format json`, documented in docs/json-format.md (a stable
 * interface: add fields, never rename or remove them).
 *
 * Written with jansson, one file object at a time: the document's frame is printed
 * around the files so memory holds one file's findings, not the whole run's.
 */
#include "cli.h"

#include <jansson.h>
#include <string.h>

void report_json_begin(FILE *out)
{
    json_t *tool = json_pack("{s:s,s:s}", "name", "termlint", "version", tl_version());
    char *s = json_dumps(tool, JSON_COMPACT);
    fprintf(out, "{\"tool\":%s,\"files\":[", s ? s : "{}");
    free(s);
    json_decref(tool);
}

static json_t *strings(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

static json_t *finding(const tl_finding *x)
{
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(x->rule));
    json_object_set_new(o, "severity", json_string(tl_severity_str(x->severity)));
    json_object_set_new(o, "line", json_integer(x->line));
    json_object_set_new(o, "column", json_integer(x->col));
    json_object_set_new(o, "end_line", json_integer(x->end_line));
    json_object_set_new(o, "end_column", json_integer(x->end_col));
    json_object_set_new(o, "byte_offset", json_integer((json_int_t)x->offset));
    json_object_set_new(o, "byte_length", json_integer((json_int_t)x->length));
    /* text is the exact source bytes; invalid UTF-8 (rule "encoding") cannot be a JSON
     * string, so it is given as the bytes' hex instead */
    json_t *t = json_stringn(x->text, (size_t)x->length);
    if (!t) {
        char hex[2 * 16 + 1];
        size_t n = x->length < 16 ? (size_t)x->length : 16;
        for (size_t i = 0; i < n; i++)
            snprintf(hex + 2 * i, 3, "%02x", (unsigned char)x->text[i]);
        hex[2 * n] = '\0';
        json_object_set_new(o, "text", json_string(""));
        json_object_set_new(o, "text_hex", json_string(hex));
    } else {
        json_object_set_new(o, "text", t);
    }
    json_object_set_new(o, "message", json_string(x->message));
    json_object_set_new(o, "suggestions", strings(x->suggestions, x->nsuggestions));
    json_object_set_new(o, "also", strings(x->also, x->nalso));
    return o;
}

void report_json_file(FILE *out, const cli_file *f, const tl_result *r, int first,
                      const char *error)
{
    json_t *o = json_object();
    json_t *path = json_string(f->path); /* NULL for a path that is not UTF-8 */
    json_object_set_new(o, "path", path ? path : json_string("?"));
    if (r) {
        json_object_set_new(o, "language", json_string(tl_lang_str(tl_result_lang(r))));
        json_object_set_new(o, "language_reason", json_string(tl_result_lang_reason(r)));
        json_object_set_new(o, "words", json_integer((json_int_t)tl_result_words(r)));
    }
    if (error)
        json_object_set_new(o, "error", json_string(error));
    json_t *d = json_array();
    for (size_t i = 0; r && i < tl_result_count(r); i++)
        json_array_append_new(d, finding(tl_result_at(r, i)));
    json_object_set_new(o, "diagnostics", d);
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fprintf(out, "%s%s", first ? "" : ",", s ? s : "{}");
    free(s);
    json_decref(o);
}

void report_json_end(FILE *out, const cli_summary *s)
{
    fprintf(out,
            "],\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,"
            "\"input_errors\":%zu}}\n",
            s->files, s->errors, s->warnings, s->infos, s->input_errors);
}
