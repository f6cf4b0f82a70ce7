/*
 * report_json.c - `--format json`, documented in docs/json-format.md (a stable
 * interface: add fields, never rename or remove them).
 *
 * Written with jansson, one finding at a time: the document's and each file's frames
 * are printed around them, so memory holds one finding's tree, not a file's or the
 * run's.
 */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
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

static json_t *rule_ids(const tl_rule *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(tl_rule_id(v[i])));
    return a;
}

static json_t *finding(const tl_finding *x)
{
    json_t *o = json_object();
    json_object_set_new(o, "rule", json_string(tl_rule_id(x->rule)));
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
    json_object_set_new(o, "also", rule_ids(x->also, x->nalso));
    return o;
}

/* Prints `v` (any JSON value) as jansson would inside a compact document and drops it;
 * a NULL `v` (a string that is not UTF-8) prints as `fallback`. */
static void put(FILE *out, json_t *v, const char *fallback)
{
    /* into memory, then one fwrite: json_dumpf writes token by token, a locked stdio
     * call each (~6% of a 10 MB check). Only the printing thread writes. */
    static char *buf;
    static size_t cap;
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY;
    size_t n = v ? json_dumpb(v, buf, cap, flags) : 0;
    if (n > cap) {
        char *nb = realloc(buf, n * 2);
        if (nb) {
            buf = nb;
            cap = n * 2;
            n = json_dumpb(v, buf, cap, flags);
        }
    }
    if (n && n <= cap)
        fwrite(buf, 1, n, out);
    else
        fputs(fallback, out);
    json_decref(v);
}

/* The file object is written a member at a time and each finding as soon as it is made:
 * a 50 MB input has ~80,000 findings, whose whole tree and dump cost ~180 MB. The bytes
 * are those json_dumps() gives for the whole object (compact, members in this order). */
void report_json_file(FILE *out, const cli_file *f, const tl_result *r, int first,
                      const char *error)
{
    fputs(first ? "{\"path\":" : ",{\"path\":", out);
    put(out, json_string(f->path), "\"?\""); /* NULL for a path that is not UTF-8 */
    if (r) {
        fputs(",\"language\":", out);
        put(out, json_string(tl_lang_str(tl_result_lang(r))), "\"\"");
        fputs(",\"language_reason\":", out);
        put(out, json_string(tl_result_lang_reason(r)), "\"\"");
        fprintf(out, ",\"words\":%llu", (unsigned long long)tl_result_words(r));
    }
    if (error) {
        fputs(",\"error\":", out);
        put(out, json_string(error), "\"\"");
    }
    fputs(",\"diagnostics\":[", out);
    for (size_t i = 0; r && i < tl_result_count(r); i++) {
        if (i)
            fputc(',', out);
        put(out, finding(tl_result_at(r, i)), "{}");
    }
    fputs("]}", out);
}

void report_json_end(FILE *out, const cli_summary *s)
{
    fprintf(out,
            "],\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,"
            "\"input_errors\":%zu}}\n",
            s->files, s->errors, s->warnings, s->infos, s->input_errors);
}
