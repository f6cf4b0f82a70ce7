/*
 * files.c - paths on the command line -> the list of files to check, and reading them.
 * Folders are walked recursively in sorted (byte) order so that output is stable;
 * inside folders only files matching the include globs (default *.txt, *.md, *.markdown,
 * *.html, *.htm) are kept,
 * hidden entries are skipped, and excluded folders (exclude:, .termlintignore, and
 * node_modules/ and .git/ by default: pathmatch.c) are not entered. A file named on
 * the command line is checked unless it is excluded. Paths are matched relative to the
 * base folder (the configuration's), which files outside it are matched as given.
 */
#define _DEFAULT_SOURCE
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    cli_file *v;
    size_t n, cap;
} flist;

static int add(flist *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        cli_file *p = realloc(l->v, cap * sizeof *p);
        if (!p)
            return -1;
        l->v = p;
        l->cap = cap;
    }
    cli_file *f = &l->v[l->n];
    memset(f, 0, sizeof *f);
    f->path = strdup(path);
    if (!f->path)
        return -1;
    l->n++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- paths relative to the base folder ---------------------------------------------- */

/* `path` made absolute against the current folder, "." and ".." resolved by name (not
 * through symbolic links, so a path and the folder it is compared with agree). Owned. */
static char *absolute(const char *path)
{
    char cwd[4096];
    if (path[0] != '/' && !getcwd(cwd, sizeof cwd))
        return NULL;
    size_t n = (path[0] == '/' ? 0 : strlen(cwd)) + strlen(path) + 2;
    char *in = malloc(n), *out = malloc(n);
    if (!in || !out) {
        free(in);
        free(out);
        return NULL;
    }
    snprintf(in, n, "%s/%s", path[0] == '/' ? "" : cwd, path);
    size_t k = 0;
    for (char *p = in; *p;) {
        while (*p == '/')
            p++;
        char *e = p;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - p);
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (k > 0 && out[k - 1] != '/')
                k--;
            if (k > 0)
                k--;
        } else if (len && !(len == 1 && p[0] == '.')) {
            out[k++] = '/';
            memcpy(out + k, p, len);
            k += len;
        }
        p = e;
    }
    if (!k)
        out[k++] = '/';
    out[k] = '\0';
    free(in);
    return out;
}

char *cli_absolute(const char *path) { return absolute(path); }

char *cli_relative(const char *path, const char *base)
{
    char *abs = absolute(path);
    if (!abs)
        return NULL;
    size_t bn = strlen(base);
    char *rel = NULL;
    if (!strcmp(base, "/"))
        rel = strdup(abs + 1);
    else if (!strncmp(abs, base, bn) && (abs[bn] == '/' || !abs[bn]))
        rel = strdup(abs[bn] ? abs + bn + 1 : "");
    free(abs);
    return rel;
}

/* ---- the walk ------------------------------------------------------------------------ */

typedef struct {
    flist l;
    const cli_select *sel;
    size_t *inc_hits; /* per include glob: the files it let in */
    int *nerr;
} walker;

static const char *const default_includes[] = {"*.txt",  "*.md",  "*.markdown",
                                               "*.html", "*.htm", NULL};

/* Whether a file found inside a folder is wanted: `rel` against the include globs. */
static int included(walker *w, const char *rel)
{
    const char *const *g =
        w->sel->includes && *w->sel->includes ? w->sel->includes : default_includes;
    int hit = 0;
    for (size_t i = 0; g[i]; i++)
        if (pm_glob(g[i], rel)) {
            if (w->inc_hits && g == w->sel->includes)
                w->inc_hits[i]++;
            hit = 1;
        }
    return hit;
}

static char *join_path(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

/* The sorted names in `dir`, hidden ones left out; NULL with *n 0 when it cannot be read
 * (said). */
static char **list_dir(walker *w, const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "termlint: cannot open folder '%s': %s\n", dir, strerror(errno));
        (*w->nerr)++;
        return NULL;
    }
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p)
                break;
            names = p;
        }
        if (!(names[*n] = strdup(e->d_name)))
            break;
        (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

/* Walks folder `dir`, whose path relative to the base is `rel` ("" for the base). */
static int walk(walker *w, const char *dir, const char *rel, int depth)
{
    size_t n;
    char **names = list_dir(w, dir, &n);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *p = join_path(dir, names[i]);
        char *r = join_path(*rel ? rel : ".", names[i]);
        struct stat st;
        if (!p || !r) {
            rc = -1;
        } else if (stat(p, &st) == 0 && S_ISDIR(st.st_mode) && depth < 64) {
            const char *rr = *rel ? r : names[i];
            if (!pm_excluded(w->sel->exclude, rr, 1, NULL))
                rc = walk(w, p, rr, depth + 1);
        } else if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
            const char *rr = *rel ? r : names[i];
            if (included(w, rr) && !pm_excluded(w->sel->exclude, rr, 0, NULL))
                rc = add(&w->l, p);
        }
        free(p);
        free(r);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* `path` relative to the base, or as given (without "./") when it lies outside. */
static char *rel_or_given(const cli_select *sel, const char *path)
{
    char *rel = cli_relative(path, sel->base);
    if (rel)
        return rel;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    return strdup(path);
}

/* A file named on the command line: left out, with a note, when excluded. */
static int explicit_file(walker *w, const char *path, const char *name)
{
    char *rel = rel_or_given(w->sel, name);
    const pm_rule *why = NULL;
    int out = rel && pm_excluded(w->sel->exclude, rel, 0, &why);
    free(rel);
    if (out) {
        fprintf(stderr, "termlint: '%s' left out: excluded by '%s%s' (%s)\n", name,
                why->negate ? "!" : "", why->pattern, why->origin);
        return 0;
    }
    return add(&w->l, path);
}

/* A folder named on the command line. */
static int explicit_folder(walker *w, const char *path)
{
    size_t before = w->l.n;
    char *rel = rel_or_given(w->sel, path);
    int rc = rel ? walk(w, path, rel, 0) : -1;
    free(rel);
    if (rc == 0 && w->l.n == before) {
        fprintf(stderr,
                "termlint: no file to check in '%s' (none matches the include globs, "
                "or all are excluded)\n",
                path);
        (*w->nerr)++;
    }
    return rc;
}

cli_file *cli_files_gather(const char *const *paths, size_t npaths, const cli_select *sel,
                           size_t *n, int *nerr)
{
    size_t ninc = 0;
    while (sel->includes && sel->includes[ninc])
        ninc++;
    walker w = {{0}, sel, ninc ? calloc(ninc, sizeof(size_t)) : NULL, nerr};
    int folders = 0, rc = 0;
    for (size_t i = 0; i < npaths && rc == 0; i++) {
        struct stat st;
        if (!strcmp(paths[i], "-")) {
            rc = sel->stdin_name ? explicit_file(&w, "-", sel->stdin_name) : add(&w.l, "-");
        } else if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "termlint: cannot open '%s': %s\n", paths[i], strerror(errno));
            (*nerr)++;
        } else if (S_ISDIR(st.st_mode)) {
            folders = 1;
            rc = explicit_folder(&w, paths[i]);
        } else {
            rc = explicit_file(&w, paths[i], paths[i]);
        }
    }
    for (size_t i = 0; folders && w.inc_hits && i < sel->ncli_includes && i < ninc; i++)
        if (!w.inc_hits[i]) {
            fprintf(stderr, "termlint: --include '%s' matches no file\n", sel->includes[i]);
            (*nerr)++;
        }
    free(w.inc_hits);
    *n = w.l.n;
    return w.l.v;
}

static int read_fd(int fd, cli_file *f)
{
    size_t cap = 1 << 16, len = 0;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 1; /* exact size: no growth copies for big files */
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (len == cap) {
            char *p = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                return ENOMEM;
            }
            buf = p;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    f->data = buf;
    f->len = len;
    return 0;
}

int cli_file_read(cli_file *f)
{
    int fd = strcmp(f->path, "-") ? open(f->path, O_RDONLY) : 0;
    int e = fd < 0 ? errno : read_fd(fd, f);
    if (fd > 0)
        close(fd);
    f->read_error = e;
    return e ? -1 : 0;
}

void cli_file_drop(cli_file *f)
{
    free(f->data);
    f->data = NULL;
    cli_file_view_drop(f);
}

void cli_files_free(cli_file *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(f[i].path);
        free(f[i].data);
        cli_file_view_drop(&f[i]);
    }
    free(f);
}
