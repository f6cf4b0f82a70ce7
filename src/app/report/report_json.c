/*
 * report_json.c - `--format json`, documented in docs/json-format.md (a stable
 * interface: add fields, never rename or remove them).
 *
 * Written with jansson, one finding at a time: the document's and each file's frames
 * are printed around them, so memory holds one finding's tree, not a file's or the
 * run's.
 */
#include "escape.h"
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t files; /* files begun: a comma before every one but the first */
    char *buf;    /* put()'s dump buffer */
    size_t cap;
} json_state;

static void begin(reporter *rp)
{
    json_t *tool = json_pack("{s:s,s:s}", "name", "termlint", "version", tl_version());
    char *s = json_dumps(tool, JSON_COMPACT);
    fprintf(rp->out, "{\"tool\":%s,\"files\":[", s ? s : "{}");
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

json_t *report_json_finding(const tl_finding *x)
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
    if (x->concept) {
        json_t *c = json_object();
        json_object_set_new(c, "id", json_string(x->concept));
        json_object_set_new(c, "canonical", x->canonical ? json_string(x->canonical) : json_null());
        json_object_set_new(o, "concept", c);
    }
    return o;
}

/* The bytes p[0, n) in lower-case hex, as a JSON string. */
static json_t *hex(const char *p, size_t n)
{
    char *h = malloc(2 * n + 1);
    if (!h)
        return NULL;
    for (size_t i = 0; i < n; i++)
        snprintf(h + 2 * i, 3, "%02x", (unsigned char)p[i]);
    h[2 * n] = '\0';
    json_t *v = json_string(h);
    free(h);
    return v;
}

/* s with each byte that is not part of valid UTF-8 replaced by U+FFFD. */
static json_t *lossy(const char *s)
{
    size_t n = strlen(s);
    char *b = malloc(3 * n + 1);
    if (!b)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = esc_decode((const unsigned char *)s, i, n, &cp);
        if (len) {
            memcpy(b + k, s + i, len);
            k += len;
            i += len;
        } else {
            memcpy(b + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i++;
        }
    }
    json_t *v = json_stringn(b, k);
    free(b);
    return v;
}

/* Prints `v` (any JSON value) as jansson would inside a compact document and drops it;
 * a NULL `v` (a string that is not UTF-8) prints as `fallback`. */
static void put(reporter *rp, json_t *v, const char *fallback)
{
    /* into memory, then one fwrite: json_dumpf writes token by token, a locked stdio
     * call each (~6% of a 10 MB check) */
    json_state *st = rp->state;
    const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY;
    size_t n = v ? json_dumpb(v, st->buf, st->cap, flags) : 0;
    if (n > st->cap) {
        char *nb = realloc(st->buf, n * 2);
        if (nb) {
            st->buf = nb;
            st->cap = n * 2;
            n = json_dumpb(v, st->buf, st->cap, flags);
        }
    }
    if (n && n <= st->cap)
        fwrite(st->buf, 1, n, rp->out);
    else
        fputs(fallback, rp->out);
    json_decref(v);
}

/* The file object is written a member at a time and each finding as soon as it is made:
 * a 50 MB input has ~80,000 findings, whose whole tree and dump cost ~180 MB. The bytes
 * are those json_dumps() gives for the whole object (compact, members in this order). */
static void file(reporter *rp, const report_file *f)
{
    json_state *st = rp->state;
    FILE *out = rp->out;
    const tl_result *r = f->result;
    fputs(st->files++ ? ",{\"path\":" : "{\"path\":", out);
    json_t *path = json_string(f->path);
    if (path) {
        put(rp, path, "\"\"");
    } else {
        /* a file name that is not UTF-8 cannot be a JSON string: "path" shows it with
         * U+FFFD for each bad byte, "path_hex" gives its exact bytes */
        put(rp, lossy(f->path), "\"\"");
        fputs(",\"path_hex\":", out);
        put(rp, hex(f->path, strlen(f->path)), "\"\"");
    }
    if (r) {
        fputs(",\"language\":", out);
        put(rp, json_string(tl_lang_str(tl_result_lang(r))), "\"\"");
        fputs(",\"language_reason\":", out);
        put(rp, json_string(tl_result_lang_reason(r)), "\"\"");
        fprintf(out, ",\"words\":%llu", (unsigned long long)tl_result_words(r));
    }
    if (f->error) {
        fputs(",\"error\":", out);
        put(rp, json_string(f->error), "\"\"");
    }
    fputs(",\"diagnostics\":[", out);
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)f;
    if (i)
        fputc(',', rp->out);
    put(rp, report_json_finding(x), "{}");
}

static void file_end(reporter *rp, const report_file *f)
{
    (void)f;
    fputs("]}", rp->out);
}

json_t *report_json_notes(const tl_diags *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *x = tl_diags_at(d, i);
        json_t *o = json_object();
        json_object_set_new(o, "level", json_string(tl_severity_str(x->severity)));
        json_object_set_new(o, "message", json_string(x->message));
        if (*x->file)
            json_object_set_new(o, "file", json_string(x->file));
        if (x->line) {
            json_object_set_new(o, "line", json_integer(x->line));
            json_object_set_new(o, "column", json_integer(x->col));
        }
        json_array_append_new(a, o);
    }
    return a;
}

static void end(reporter *rp, const report_summary *s)
{
    /* warnings about the setup: only when there are some, so that a clean setup gives
     * the document it always gave */
    fputc(']', rp->out);
    if (tl_diags_count(rp->notes)) {
        fputs(",\"notifications\":", rp->out);
        put(rp, report_json_notes(rp->notes), "[]");
    }
    fprintf(rp->out,
            ",\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,"
            "\"input_errors\":%zu}}\n",
            s->files, s->errors, s->warnings, s->infos, s->input_errors);
    json_state *st = rp->state;
    free(st->buf);
    st->buf = NULL;
}

const report_format report_json = {"json", sizeof(json_state), begin, file, finding, file_end, end};
