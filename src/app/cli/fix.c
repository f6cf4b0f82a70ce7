/*
 * fix.c - termlint fix [--dry-run] [options] PATH...: applies the findings that have
 * exactly one safe replacement, and writes each file atomically (docs/fix.md).
 *
 *   options, configuration, files: as termlint check (one file at a time may not be
 *   standard input: there is nothing to write back to)
 *   -> up to MAX_PASSES passes: a run of the library over the files that changed in the
 *      pass before (all of them first); of each result the findings of a fixable rule
 *      (tl_rule_info.fixable) with exactly one suggestion, on prose only (a document's
 *      masked text equals the file over the whole span), none overlapping an earlier
 *      one, replace their spans. A fix can uncover another (two doublings in a row),
 *      so the passes go on until nothing changes: fix twice is the same as once.
 *   -> --dry-run: a unified diff per changed file on standard output, nothing written;
 *      else each changed file (its fixes listed on standard output once written), unless it changed on disk since it was read (size,
 *      modification time, contents), goes to a temporary file in its folder, which
 *      gets the file's mode, is synced and renamed over it.
 *
 * Exit code: 0 when every fix could be written (or shown), 2 when a file could not be
 * read, checked or written, or changed on disk meanwhile (it is left as it is).
 */
#define _DEFAULT_SOURCE /* realpath, mkstemp */
#include "settings.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_PASSES 4

typedef struct {
    char *orig; /* the bytes as read (owned) */
    size_t len;
    struct stat st; /* when read */
    size_t fixed;   /* findings applied */
    int failed;     /* could not be read or checked */
    char *log;      /* one line per applied finding, said once the file is written */
    size_t loglen;
} fix_file;

typedef struct {
    cli_file *files;
    size_t *todo; /* the files of this pass */
} fix_pass;

static int read_doc(void *arg, size_t i, const char **text, size_t *len)
{
    fix_pass *p = arg;
    return cli_file_view(&p->files[p->todo[i]], text, len);
}

static size_t doc_profile(void *arg, size_t i)
{
    fix_pass *p = arg;
    return p->files[p->todo[i]].profile;
}

typedef struct {
    size_t off, len;
    const char *with;
    const tl_finding *x; /* the finding it applies */
} edit;

/* The edits result r allows on file f (its current bytes): *n of them, in order. */
static edit *edits_of(const cli_file *f, const tl_result *r, size_t *n)
{
    *n = 0;
    edit *v = malloc((tl_result_count(r) + 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t last_end = 0;
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *x = tl_result_at(r, i);
        const tl_rule_info *info = tl_rule_info_get(x->rule);
        size_t off = (size_t)x->offset, len = (size_t)x->length;
        if (!info || !info->fixable || x->nsuggestions != 1 || off > f->len || len > f->len - off ||
            !len)
            continue;
        /* prose only: markup, an entity or a block's full stop are not the text's */
        if (f->view && memcmp(f->view + off, f->data + off, len))
            continue;
        const char *s = x->suggestions[0];
        if ((strlen(s) == len && !memcmp(s, f->data + off, len)) || off < last_end)
            continue;
        /* in a document, a replacement holding markup characters would be read as markup
         * (an "&" in HTML, a "*" in Markdown): left to a person */
        if (f->format != TL_FORMAT_TEXT &&
            strpbrk(s, f->format == TL_FORMAT_HTML ? "&<>" : "&<>*_`[]\\|"))
            continue;
        v[*n].off = off;
        v[*n].len = len;
        v[*n].with = s;
        v[*n].x = x;
        (*n)++;
        last_end = off + len;
    }
    return v;
}

/* Applies edits e[0, n) to f's bytes. 0, or -1 when out of memory. */
static int apply(cli_file *f, const edit *e, size_t n)
{
    size_t len = f->len;
    for (size_t k = 0; k < n; k++)
        len = len - e[k].len + strlen(e[k].with);
    char *t = malloc(len ? len : 1), *w = t;
    if (!t)
        return -1;
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        memcpy(w, f->data + at, e[k].off - at);
        w += e[k].off - at;
        size_t m = strlen(e[k].with);
        memcpy(w, e[k].with, m);
        w += m;
        at = e[k].off + e[k].len;
    }
    memcpy(w, f->data + at, f->len - at);
    cli_file_drop(f); /* read, mapped (16 MiB or more) or decoded: each freed its way */
    f->data = t;
    f->len = len;
    return 0;
}

/* Adds "path:line:col: rule: «old» -> «new»" lines for edits e[0, n) of file f, whose
 * positions are those of the text the pass checked. 0, or -1 when out of memory. */
static int log_edits(const cli_file *f, fix_file *x, const edit *e, size_t n)
{
    FILE *m = open_memstream(&x->log, &x->loglen);
    if (!m)
        return -1;
    for (size_t k = 0; k < n; k++)
        fprintf(m, "%s:%u:%u: %s: «%.*s» -> «%s»\n", f->label, e[k].x->line, e[k].x->col,
                tl_rule_id(e[k].x->rule), (int)e[k].len, f->data + e[k].off, e[k].with);
    return fclose(m) ? -1 : 0;
}

/* Appends log `add` to x's. */
static void log_join(fix_file *x, char *add, size_t n)
{
    char *j = realloc(x->log, x->loglen + n + 1);
    if (!j) {
        free(add);
        return; /* the fixes stand; only their list is shorter */
    }
    memcpy(j + x->loglen, add, n);
    x->loglen += n;
    j[x->loglen] = '\0';
    x->log = j;
    free(add);
}

/* One pass over the files todo[0, n): 1 when a file changed, 0 when none did, -1 on an
 * error of the run (said). */
static int pass(tl_ctx *ctx, const cli_opts *o, cli_file *files, fix_file *ff, size_t *todo,
                size_t n)
{
    fix_pass p = {files, todo};
    tl_run_options ro;
    tl_run_options_init(&ro);
    ro.ndocs = n;
    ro.read = read_doc;
    ro.read_arg = &p;
    ro.profile = doc_profile;
    ro.jobs = o->jobs;
    ro.consistency_run = o->consistency_run;
    tl_run *run;
    if (tl_run_new(ctx, &ro, &run) != TL_OK) {
        fprintf(stderr, "termlint: out of memory\n");
        return -1;
    }
    int changed = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i;
        tl_result *r;
        tl_status st = tl_run_next(run, &i, &r);
        cli_file *f = &files[todo[i]];
        size_t ne = 0;
        edit *e = NULL;
        if (r && cli_file_result(f, r) == 0)
            e = edits_of(f, r, &ne);
        if (!r || !e || (st != TL_OK && st != TL_ERR_ENCODING)) {
            fprintf(stderr, "termlint: %s: %s\n", f->label,
                    tl_status_str(st != TL_OK ? st : TL_ERR_NOMEM));
            ff[todo[i]].failed = 1;
        } else if (ne) {
            fix_file add = {0};
            if (log_edits(f, &add, e, ne) == 0)
                log_join(&ff[todo[i]], add.log, add.loglen);
            if (apply(f, e, ne) == 0) {
                ff[todo[i]].fixed += ne;
                changed = 1;
            }
        }
        free(e);
        tl_result_free(r);
    }
    tl_run_free(run);
    return changed;
}

/* Whether file f is still as it was read: size, modification time and bytes. */
static int unchanged(const cli_file *f, const fix_file *x)
{
    struct stat st;
    if (stat(f->path, &st) || st.st_size != x->st.st_size ||
        st.st_mtim.tv_sec != x->st.st_mtim.tv_sec || st.st_mtim.tv_nsec != x->st.st_mtim.tv_nsec)
        return 0;
    cli_file now = *f;
    now.data = NULL;
    now.view = NULL;
    if (cli_file_read(&now))
        return 0;
    int same = now.len == x->len && !memcmp(now.data, x->orig, x->len);
    cli_file_drop(&now); /* read or mapped (16 MiB or more): each freed its way */
    return same;
}

/* Writes f's bytes over the file through a temporary file in its folder. 0, or -1
 * (said). */
static int write_atomic(const cli_file *f, const struct stat *st)
{
    char target[PATH_MAX];
    if (!realpath(f->path, target)) { /* a link is followed: the file it names is fixed */
        fprintf(stderr, "termlint: %s: %s\n", f->label, strerror(errno));
        return -1;
    }
    char dir[PATH_MAX], tmp[PATH_MAX + 32];
    memcpy(dir, target, sizeof dir);
    const char *d = dirname(dir);
    snprintf(tmp, sizeof tmp, "%s/.termlint-fix-XXXXXX", d);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "termlint: cannot write '%s': %s\n", f->label, strerror(errno));
        return -1;
    }
    size_t done = 0;
    int err = 0;
    while (!err && done < f->len) {
        ssize_t w = write(fd, f->data + done, f->len - done);
        if (w < 0 && errno != EINTR)
            err = errno;
        else if (w > 0)
            done += (size_t)w;
    }
    if (!err && fchmod(fd, st->st_mode & 07777))
        err = errno;
    if (!err && fsync(fd))
        err = errno;
    if (close(fd) && !err)
        err = errno;
    if (!err && rename(tmp, target))
        err = errno;
    if (err) {
        unlink(tmp);
        fprintf(stderr, "termlint: cannot write '%s': %s\n", f->label, strerror(err));
        return -1;
    }
    int dfd = open(d, O_RDONLY); /* the rename itself reaches the disk */
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

/* The changed files: a diff each (--dry-run), or written. The exit code. */
static int finish(const cli_opts *o, cli_file *files, fix_file *ff, size_t n)
{
    int rc = 0;
    size_t nfiles = 0, nfixed = 0;
    const char *hook = getenv("TERMLINT_FIX_BEFORE_WRITE"); /* tests: docs/fix.md */
    for (size_t i = 0; i < n; i++) {
        cli_file *f = &files[i];
        if (ff[i].failed)
            rc = 2;
        if (!ff[i].fixed || (f->len == ff[i].len && !memcmp(f->data, ff[i].orig, f->len)))
            continue;
        if (o->dry_run) {
            if (cli_udiff(stdout, f->label, ff[i].orig, ff[i].len, f->data, f->len))
                rc = 2;
        } else {
            if (hook && *hook && system(hook) == -1)
                rc = 2;
            if (!unchanged(f, &ff[i])) {
                fprintf(stderr, "termlint: %s changed on disk during the run; not written\n",
                        f->label);
                rc = 2;
                continue;
            }
            if (write_atomic(f, &ff[i].st)) {
                rc = 2;
                continue;
            }
        }
        if (!o->dry_run && ff[i].log)
            fputs(ff[i].log, stdout);
        nfiles++;
        nfixed += ff[i].fixed;
    }
    fprintf(stderr, "termlint: %s %zu finding%s in %zu file%s\n",
            o->dry_run ? "would fix" : "fixed", nfixed, nfixed == 1 ? "" : "s", nfiles,
            nfiles == 1 ? "" : "s");
    return rc;
}

/* Reads the files; the exit code so far (2 when one could not be read). */
static int read_all(cli_file *files, fix_file *ff, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        cli_file *f = &files[i];
        if (!strcmp(f->path, "-")) {
            fprintf(stderr, "termlint: fix needs files, not standard input\n");
            ff[i].failed = 1;
            rc = 2;
            continue;
        }
        if (stat(f->path, &ff[i].st) || cli_file_read(f)) {
            fprintf(stderr, "termlint: cannot read '%s': %s\n", f->label,
                    strerror(f->read_error ? f->read_error : errno));
            ff[i].failed = 1;
            rc = 2;
            continue;
        }
        ff[i].orig = malloc(f->len ? f->len : 1);
        if (!ff[i].orig) {
            ff[i].failed = 1;
            rc = 2;
            continue;
        }
        memcpy(ff[i].orig, f->data, f->len);
        ff[i].len = f->len;
    }
    return rc;
}

static int fix_files(cli_opts *o, cli_settings *set, tl_ctx *ctx)
{
    cli_select sel = {(const char *const *)o->includes, o->ninclude_cli, &set->exclude, set->base,
                      o->stdin_name};
    int nerr = 0;
    size_t n = 0;
    cli_file *files = cli_files_gather(o->paths, o->npaths, &sel, &n, &nerr);
    fix_file *ff = calloc(n + 1, sizeof *ff);
    size_t *todo = malloc((n + 1) * sizeof *todo);
    int rc = nerr ? 2 : 0;
    if (!ff || !todo) {
        fprintf(stderr, "termlint: out of memory\n");
        rc = 2;
        n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        files[i].label = files[i].path;
        files[i].profile = cli_settings_profile(set, files[i].label);
        files[i].format = cli_file_format(o, files[i].label);
    }
    if (n && read_all(files, ff, n))
        rc = 2;
    size_t nt = 0;
    for (size_t i = 0; i < n; i++)
        if (!ff[i].failed)
            todo[nt++] = i;
    for (int k = 0; k < MAX_PASSES && nt; k++) {
        int r = pass(ctx, o, files, ff, todo, nt);
        if (r < 0) {
            rc = 2;
            break;
        }
        /* the next pass re-checks only what this one changed */
        size_t m = 0;
        for (size_t j = 0; j < nt; j++) {
            const cli_file *f = &files[todo[j]];
            if (!ff[todo[j]].failed && ff[todo[j]].fixed &&
                !(f->len == ff[todo[j]].len && !memcmp(f->data, ff[todo[j]].orig, f->len)))
                todo[m++] = todo[j];
        }
        nt = r ? m : 0;
    }
    int frc = finish(o, files, ff, n);
    for (size_t i = 0; i < n; i++) {
        free(ff[i].orig);
        free(ff[i].log);
    }
    free(ff);
    free(todo);
    cli_files_free(files, n);
    return rc > frc ? rc : frc;
}

int cli_fix(int argc, char **argv, const char *argv0)
{
    cli_opts o;
    int rc = cli_parse_check(argc, argv, &o);
    if (rc) {
        cli_opts_release(&o);
        return rc == 1 ? 0 : 2;
    }
    cli_settings set;
    cli_env env;
    memset(&env, 0, sizeof env);
    rc = cli_settings_load(&o, &set);
    if (rc == 0 && (cli_env_apply(&o, argv0, &env) || cli_settings_finish(&set, &o))) {
        fprintf(stderr, "termlint: out of memory\n");
        rc = 2;
    }
    tl_ctx *ctx = NULL;
    tl_diags *diags = rc ? NULL : tl_diags_new();
    if (rc == 0) {
        tl_status st = diags ? tl_ctx_new(&o.lib, &ctx, diags) : TL_ERR_NOMEM;
        if (st == TL_OK && o.lib.lang != TL_LANG_AUTO)
            st = tl_ctx_prepare(ctx, o.lib.lang, diags);
        for (size_t i = 0; st != TL_OK && diags && i < tl_diags_count(diags); i++) {
            const tl_diag *g = tl_diags_at(diags, i);
            if (g->severity == TL_SEV_ERROR)
                fprintf(stderr, "termlint: %s%s%s\n", g->file, *g->file ? ": " : "", g->message);
        }
        if (st != TL_OK) {
            fprintf(stderr, "termlint: %s\n", tl_status_str(st));
            rc = 2;
        }
    }
    if (rc == 0)
        rc = fix_files(&o, &set, ctx);
    tl_ctx_free(ctx);
    tl_diags_free(diags);
    cli_env_release(&env);
    cli_settings_release(&set);
    cli_opts_release(&o);
    return rc;
}
