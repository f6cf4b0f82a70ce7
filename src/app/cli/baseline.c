/*
 * baseline.c - --write-baseline FILE and --baseline FILE (docs/baseline.md).
 *
 * A baseline is a JSON file listing findings by path, rule and fingerprint (the
 * library's tl_finding.fingerprint: rule, text and the words around it, not the line).
 * With --baseline, a finding whose (path, rule, fingerprint) the baseline holds is not
 * reported; each baseline entry answers for as many findings as it was recorded times,
 * so a second copy of a known defect is new. The resolved findings are compared, the
 * ones the reporters would show: the baseline records findings as they were shown.
 *
 *   load: entries -> sorted by key, equal keys merged into a count -> bsearch per finding
 *   write: one entry per finding, in report order, into FILE.tmp-XXXXXX, then renamed
 *   over FILE (a run that fails leaves the old baseline as it was)
 *
 * Entries also carry the line and text they were found at, for people reading the file
 * and for --report-fixed; matching never looks at them.
 */
#define _DEFAULT_SOURCE
#include "baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORMAT_VERSION 1

typedef struct {
    char *key; /* path NUL rule NUL fingerprint, as one string with '\x1f' between */
    size_t count, left;
    unsigned line; /* first recorded */
    char *path, *rule, *text;
    int checked; /* its file was checked in this run */
} entry;

struct cli_baseline {
    entry *v;
    size_t n;
};

/* The path as baselines store it: without leading "./". */
static const char *norm_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return p;
}

static char *make_key(const char *path, const char *rule, const char *fp)
{
    size_t n = strlen(path) + strlen(rule) + strlen(fp) + 3;
    char *k = malloc(n);
    if (k)
        snprintf(k, n, "%s\x1f%s\x1f%s", norm_path(path), rule, fp);
    return k;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static const char *str_of(const json_t *o, const char *name)
{
    const json_t *v = json_object_get(o, name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Reads the entries of `arr` into b; -1 (said) when one is malformed. */
static int read_entries(cli_baseline *b, const json_t *arr, const char *file)
{
    b->v = calloc(json_array_size(arr) + 1, sizeof *b->v);
    if (!b->v)
        return -1;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        const char *path = str_of(e, "path"), *rule = str_of(e, "rule");
        const char *fp = str_of(e, "fingerprint"), *text = str_of(e, "text");
        if (!path || !rule || !fp) {
            fprintf(stderr, "termlint: '%s': entry %zu has no path, rule or fingerprint\n", file,
                    i + 1);
            return -1;
        }
        entry *x = &b->v[b->n++];
        x->key = make_key(path, rule, fp);
        x->path = strdup(norm_path(path));
        x->rule = strdup(rule);
        x->text = strdup(text ? text : "");
        x->line = (unsigned)json_integer_value(json_object_get(e, "line"));
        x->count = x->left = 1;
        if (!x->key || !x->path || !x->rule || !x->text)
            return -1;
    }
    return 0;
}

/* Merges entries with equal keys into one with a count. */
static void merge_equal(cli_baseline *b)
{
    if (!b->n)
        return;
    qsort(b->v, b->n, sizeof *b->v, cmp_entry);
    size_t k = 0;
    for (size_t i = 1; i < b->n; i++) {
        if (!strcmp(b->v[i].key, b->v[k].key)) {
            b->v[k].count++;
            b->v[k].left++;
            free(b->v[i].key);
            free(b->v[i].path);
            free(b->v[i].rule);
            free(b->v[i].text);
        } else {
            b->v[++k] = b->v[i];
        }
    }
    b->n = k + 1;
}

int baseline_load(const char *path, cli_baseline **out)
{
    *out = NULL;
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        if (err.line > 0)
            fprintf(stderr, "%s:%d:%d: error: %s\n", path, err.line,
                    err.column > 0 ? err.column : 1, err.text); /* jansson: 0 at the end */
        else
            fprintf(stderr, "termlint: cannot read baseline '%s': %s\n", path, err.text);
        return -1;
    }
    const json_t *arr = json_object_get(root, "findings");
    const json_t *ver = json_object_get(root, "version");
    cli_baseline *b = calloc(1, sizeof *b);
    int rc = 0;
    if (!b) {
        rc = -1;
    } else if (!json_is_array(arr) || !json_is_integer(ver) ||
               json_integer_value(ver) != FORMAT_VERSION) {
        fprintf(stderr, "termlint: '%s' is not a termlint baseline (version %d)\n", path,
                FORMAT_VERSION);
        rc = -1;
    } else {
        rc = read_entries(b, arr, path);
    }
    json_decref(root);
    if (rc) {
        baseline_free(b);
        return -1;
    }
    merge_equal(b);
    *out = b;
    return 0;
}

static entry *find(const cli_baseline *b, const char *key)
{
    entry probe;
    probe.key = (char *)key;
    return b->n ? bsearch(&probe, b->v, b->n, sizeof *b->v, cmp_entry) : NULL;
}

int baseline_has(cli_baseline *b, const char *path, const tl_finding *x)
{
    char *key = make_key(path, tl_rule_id(x->rule), x->fingerprint ? x->fingerprint : "");
    entry *e = key ? find(b, key) : NULL;
    free(key);
    if (!e || !e->left)
        return 0;
    e->left--;
    return 1;
}

void baseline_checked(cli_baseline *b, const char *path)
{
    const char *p = norm_path(path);
    for (size_t i = 0; i < b->n; i++)
        if (!strcmp(b->v[i].path, p))
            b->v[i].checked = 1;
}

size_t baseline_report_fixed(const cli_baseline *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n; i++) {
        const entry *e = &b->v[i];
        if (!e->checked || !e->left)
            continue;
        fprintf(stderr, "%s:%u: fixed: %s«%s» [%s] is in the baseline but no longer found\n",
                e->path, e->line, e->left > 1 ? "every copy of " : "", e->text, e->rule);
        n += e->left;
    }
    return n;
}

void baseline_free(cli_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->v[i].key);
        free(b->v[i].path);
        free(b->v[i].rule);
        free(b->v[i].text);
    }
    free(b->v);
    free(b);
}

/* ---- writing ----------------------------------------------------------------------- */

struct cli_baseline_writer {
    char *path;
    json_t *entries;
};

int baseline_writer_open(const char *path, cli_baseline_writer **out)
{
    cli_baseline_writer *w = calloc(1, sizeof *w);
    *out = w;
    if (!w || !(w->path = strdup(path)) || !(w->entries = json_array())) {
        baseline_writer_close(w, 0);
        *out = NULL;
        fprintf(stderr, "termlint: out of memory\n");
        return -1;
    }
    return 0;
}

int baseline_writer_add(cli_baseline_writer *w, const char *path, const tl_finding *x)
{
    json_t *t = json_stringn(x->text, (size_t)x->length);
    json_t *e = json_pack("{s:s,s:s,s:s,s:i,s:o}", "path", norm_path(path), "rule",
                          tl_rule_id(x->rule), "fingerprint", x->fingerprint, "line",
                          (json_int_t)x->line, "text", t ? t : json_string(""));
    return e && json_array_append_new(w->entries, e) == 0 ? 0 : -1;
}

/* One entry per line, for diffs that show what changed. */
static int write_entries(FILE *f, const json_t *entries)
{
    fprintf(f, "{\n  \"tool\": \"termlint\",\n  \"version\": %d,\n  \"findings\": [",
            FORMAT_VERSION);
    for (size_t i = 0; i < json_array_size(entries); i++) {
        char *s = json_dumps(json_array_get(entries, i), JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (!s)
            return -1;
        fprintf(f, "%s\n    %s", i ? "," : "", s);
        free(s);
    }
    fputs(json_array_size(entries) ? "\n  ]\n}\n" : "]\n}\n", f);
    return ferror(f) ? -1 : 0;
}

int baseline_writer_close(cli_baseline_writer *w, int commit)
{
    if (!w)
        return 0;
    int rc = 0;
    if (commit) {
        size_t n = strlen(w->path) + 16;
        char *tmp = malloc(n);
        int fd = -1;
        if (tmp) {
            snprintf(tmp, n, "%s.tmp-XXXXXX", w->path);
            fd = mkstemp(tmp);
        }
        if (fd >= 0) { /* mkstemp makes 0600: give what a plain open() would */
            mode_t mask = umask(0);
            umask(mask);
            fchmod(fd, 0666 & ~mask);
        }
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        int e = 0;
        if (!f || write_entries(f, w->entries))
            e = errno ? errno : EIO;
        if (f && fclose(f) && !e)
            e = errno ? errno : EIO;
        else if (!f && fd >= 0)
            close(fd);
        if (!e && rename(tmp, w->path))
            e = errno;
        if (e) {
            if (fd >= 0)
                unlink(tmp);
            fprintf(stderr, "termlint: cannot write baseline '%s': %s\n", w->path, strerror(e));
            rc = -1;
        }
        free(tmp);
    }
    json_decref(w->entries);
    free(w->path);
    free(w);
    return rc;
}
