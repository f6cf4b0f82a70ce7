/*
 * files.c - paths on the command line -> the list of files to check, and reading them.
 * Folders are walked recursively in sorted (byte) order so that output is stable;
 * inside folders only names matching the --include globs (default *.txt, *.md) are
 * kept, and hidden entries are skipped. A file named explicitly is always checked.
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

static int wanted(const char *name, const char *const *globs)
{
    static const char *const def[] = {"*.txt", "*.md", NULL};
    for (const char *const *g = globs && *globs ? globs : def; *g; g++)
        if (fnmatch(*g, name, 0) == 0)
            return 1;
    return 0;
}

static int walk(flist *l, const char *dir, const char *const *globs, int depth, int *nerr)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "termlint: cannot open folder '%s': %s\n", dir, strerror(errno));
        (*nerr)++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p)
                break;
            names = p;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode) && depth < 64)
            rc = walk(l, p, globs, depth + 1, nerr);
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && wanted(names[i], globs))
            rc = add(l, p);
        free(p);
        if (rc)
            break;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

cli_file *cli_files_gather(const char *const *paths, size_t npaths, const char *const *globs,
                           size_t *n, int *nerr)
{
    flist l = {0};
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (!strcmp(paths[i], "-")) {
            if (add(&l, "-"))
                break;
        } else if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "termlint: cannot open '%s': %s\n", paths[i], strerror(errno));
            (*nerr)++;
        } else if (S_ISDIR(st.st_mode)) {
            if (walk(&l, paths[i], globs, 0, nerr))
                break;
        } else if (add(&l, paths[i])) {
            break;
        }
    }
    *n = l.n;
    return l.v;
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
}

void cli_files_free(cli_file *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(f[i].path);
        free(f[i].data);
    }
    free(f);
}
