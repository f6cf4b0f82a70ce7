/*
 * files.c - paths on the command line -> the list of files to check, and reading them.
 * Folders are walked recursively in sorted (byte) order so that output is stable;
 * inside folders only files matching the include globs (default *.txt, *.md, *.markdown,
 * *.html, *.htm) are kept,
 * hidden entries are skipped, and excluded folders (exclude:, .termlintignore, and
 * node_modules/ and .git/ by default: pathmatch.c) are not entered. A file named on
 * the command line is checked unless it is excluded. Paths are matched relative to the
 * base folder (the configuration's), which files outside it are matched as given.
 *
 * What cannot be checked is said on stderr with its path (escaped: escape.h) and,
 * when it is a text the user asked for, counts as an input error (exit code 2):
 * missing paths, unreadable files, a dangling link with a wanted name, a FIFO with no
 * writer, a device. Skipped with a note only: a folder reached again through a link (a
 * loop; walked by device and inode as `find -L` does), folders nested deeper than 64,
 * special files with a wanted name inside folders.
 */
#define _DEFAULT_SOURCE
#include "cli.h"
#include "escape.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    dev_t dev;
    ino_t ino;
} file_id;

/* The files found so far, and the folders walked (by device and inode, as `find -L`
 * does: a folder reached again through a link is not walked again, so a link back to
 * an ancestor, or two such links, cost one visit each instead of a loop or an
 * exponential walk). */
typedef struct {
    cli_file *v;
    size_t n, cap;
    file_id *seen; /* open addressing, 0/0 free */
    size_t nseen, capseen;
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

static size_t id_slot(const flist *l, file_id id)
{
    size_t h = ((size_t)id.dev * 0x9E3779B97F4A7C15u) ^ (size_t)id.ino;
    size_t i = h & (l->capseen - 1);
    while ((l->seen[i].dev || l->seen[i].ino) &&
           !(l->seen[i].dev == id.dev && l->seen[i].ino == id.ino))
        i = (i + 1) & (l->capseen - 1);
    return i;
}

/* Records folder `st`: 1 when it is new, 0 when it was walked already, -1 when out of
 * memory. */
static int first_visit(flist *l, const struct stat *st)
{
    file_id id = {st->st_dev, st->st_ino};
    if (2 * (l->nseen + 1) > l->capseen) {
        size_t cap = l->capseen ? l->capseen * 2 : 256;
        file_id *old = l->seen;
        size_t oldcap = l->capseen;
        if (!(l->seen = calloc(cap, sizeof *l->seen))) {
            l->seen = old;
            return -1;
        }
        l->capseen = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].dev || old[i].ino)
                l->seen[id_slot(l, old[i])] = old[i];
        free(old);
    }
    size_t i = id_slot(l, id);
    if (l->seen[i].dev == id.dev && l->seen[i].ino == id.ino && (id.dev || id.ino))
        return 0;
    l->seen[i] = id;
    l->nseen++;
    return 1;
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

/* "termlint: PRE'PATH'POST" on stderr, the path escaped (escape.h). */
void cli_say_path(const char *pre, const char *path, const char *post)
{
    fprintf(stderr, "termlint: %s'", pre);
    esc_path(stderr, path);
    fprintf(stderr, "'%s\n", post);
}

const char *cli_file_kind(mode_t m)
{
    return S_ISFIFO(m)   ? "a FIFO"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
           : S_ISDIR(m)  ? "a folder"
                         : "a special file";
}

/* The sorted names in `dir`, hidden ones left out; NULL with *n 0 when it cannot be read
 * (said). */
static char **list_dir(walker *w, const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        char why[128];
        snprintf(why, sizeof why, ": %s", strerror(errno));
        cli_say_path("cannot open folder ", dir, why);
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

static int walk(walker *w, const char *dir, const char *rel, int depth);

/* One entry `p` of a folder being walked, `rr` relative to the base. */
static int walk_entry(walker *w, const char *p, const char *rr, int depth)
{
    struct stat st;
    if (stat(p, &st) != 0) {
        struct stat lst;
        if (lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode) && included(w, rr) &&
            !pm_excluded(w->sel->exclude, rr, 0, NULL)) {
            /* a text the user may expect checked: an unreadable input */
            cli_say_path("cannot read ", p, ": a symbolic link to nothing (dangling)");
            (*w->nerr)++;
        }
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (pm_excluded(w->sel->exclude, rr, 1, NULL))
            return 0;
        if (depth >= 64) {
            cli_say_path("skipping folder ", p, ": nested deeper than 64 folders");
            return 0;
        }
        int first = first_visit(&w->l, &st);
        if (first < 0)
            return -1;
        if (!first) {
            cli_say_path("skipping folder ", p,
                         ": walked already (a symbolic link back to it, a loop)");
            return 0;
        }
        return walk(w, p, rr, depth + 1);
    }
    if (!included(w, rr) || pm_excluded(w->sel->exclude, rr, 0, NULL))
        return 0;
    if (S_ISREG(st.st_mode))
        return add(&w->l, p);
    char why[64];
    snprintf(why, sizeof why, ": not a regular file (%s)", cli_file_kind(st.st_mode));
    cli_say_path("skipping ", p, why);
    return 0;
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
        if (!p || !r)
            rc = -1;
        else
            rc = walk_entry(w, p, *rel ? r : names[i], depth);
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
        fputs("termlint: '", stderr);
        esc_path(stderr, name);
        fprintf(stderr, "' left out: excluded by '%s%s' (%s)\n", why->negate ? "!" : "",
                why->pattern, why->origin);
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
        cli_say_path("no file to check in ", path,
                     " (none matches the include globs, or all are excluded)");
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
            char why[128];
            snprintf(why, sizeof why, ": %s", strerror(errno));
            cli_say_path("cannot open ", paths[i], why);
            (*nerr)++;
        } else if (S_ISDIR(st.st_mode)) {
            folders = 1;
            int first = first_visit(&w.l, &st);
            rc = first < 0 ? -1 : first ? explicit_folder(&w, paths[i]) : 0;
        } else { /* a FIFO too: cli_file_read decides */
            rc = explicit_file(&w, paths[i], paths[i]);
        }
    }
    for (size_t i = 0; folders && w.inc_hits && i < sel->ncli_includes && i < ninc; i++)
        if (!w.inc_hits[i]) {
            fprintf(stderr, "termlint: --include '%s' matches no file\n", sel->includes[i]);
            (*nerr)++;
        }
    free(w.inc_hits);
    free(w.l.seen);
    *n = w.l.n;
    return w.l.v;
}

/* A regular file of at least MAP_MIN bytes is mapped instead of read: its pages come in
 * as the check reads them and are dropped behind it (cli_file_consumed), so a 1 GB
 * text does not take 1 GB of memory; what a pipe or a FIFO gives beyond MAP_MIN goes to
 * a temporary file that is mapped in the same way (spool_fd). Smaller files are read:
 * the same speed, and a file that shrinks while it is read cannot stop termlint (it
 * would, mapped: SIGBUS, which main.c turns into a message and exit code 2). */
#define MAP_MIN (16u << 20)

static int map_fd(int fd, cli_file *f);

/* Copies buf[0, len) and the rest of what fd gives into an unnamed temporary file
 * ($TMPDIR, else /tmp) and maps it, as map_fd does a big regular file: a pipe or a FIFO
 * cannot be mapped, and holding what it gives in memory would make memory grow with the
 * text. 0, or an errno value (ENOSPC: the temporary folder is full). Frees buf. */
static int spool_fd(int fd, cli_file *f, char *buf, size_t len, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/termlint-XXXXXX", dir && *dir ? dir : "/tmp");
    int t = mkstemp(path);
    if (t >= 0)
        fcntl(t, F_SETFD, FD_CLOEXEC);
    if (t < 0) {
        int e = errno;
        free(buf);
        f->spool_failed = 1;
        return e;
    }
    unlink(path); /* gone with the last descriptor and mapping */
    int e = 0;
    for (;;) {
        for (size_t at = 0; !e && at < len;) {
            ssize_t w = write(t, buf + at, len - at);
            if (w < 0 && errno != EINTR)
                e = errno;
            else if (w > 0)
                at += (size_t)w;
        }
        if (e)
            break;
        ssize_t r = read(fd, buf, cap);
        if (r < 0 && errno == EINTR) {
            len = 0;
            continue;
        }
        if (r < 0)
            e = errno;
        if (r <= 0)
            break;
        len = (size_t)r;
    }
    free(buf);
    if (!e && !map_fd(t, f))
        e = ENOMEM;
    close(t);
    f->spool_failed = e != 0;
    return e;
}

static int read_fd(int fd, cli_file *f)
{
    size_t cap = 1 << 16, len = 0;
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular && st.st_size > 0)
        cap = (size_t)st.st_size + 1; /* exact size: no growth copies for big files */
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    if (f->first >= 0)
        buf[len++] = (char)f->first;
    for (;;) {
        if (len == cap && !regular && len >= MAP_MIN)
            return spool_fd(fd, f, buf, len, cap);
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

/* Opens f for reading without waiting. A FIFO opened with no writer would block open()
 * for ever and a device could give bytes for ever: only regular files are read, and a
 * FIFO that has a writer (a pipe, `<(command)`); one without is an error, said as
 * such. Returns the fd, or -1 with f->read_error and f->read_why set. */
static int open_input(cli_file *f)
{
    if (!strcmp(f->path, "-")) {
        f->once = 1;
        return 0;
    }
    int fd = open(f->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st)) {
        f->read_error = errno;
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (S_ISFIFO(st.st_mode)) {
        f->once = 1;
        /* non-blocking, a FIFO reads 0 bytes only when no one has it open to write */
        char c;
        ssize_t r;
        do
            r = read(fd, &c, 1);
        while (r < 0 && errno == EINTR);
        if (r == 0) {
            f->read_why = "a FIFO with no writer";
            close(fd);
            return -1;
        }
        f->first = r == 1 ? (unsigned char)c : -1; /* the byte it took, given back by read_fd */
    } else if (!S_ISREG(st.st_mode)) {
        f->read_why = cli_file_kind(st.st_mode);
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

/* A mapped file that shrinks while it is checked makes the next read of a page past
 * its new end raise SIGBUS: said, the report abandoned, exit code 2 (no core dump). */
static void on_sigbus(int sig)
{
    static const char msg[] = "termlint: an input file shrank while it was being checked; "
                              "stopped (exit code 2)\n";
    (void)sig;
    out_abandon();
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(2);
}

/* Maps the regular file open as fd when it is big: 1 mapped, 0 not (read it). */
static int map_fd(int fd, cli_file *f)
{
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (uint64_t)st.st_size < MAP_MIN ||
        (uint64_t)st.st_size > SIZE_MAX)
        return 0;
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return 0; /* read it instead */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
    madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
    f->data = p;
    f->len = (size_t)st.st_size;
    f->mapped = 1;
    f->dropped = 0;
    return 1;
}

void cli_file_consumed(cli_file *f, size_t upto)
{
    if (!f->mapped || upto > f->len)
        return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t end = upto / page * page;
    if (end < f->dropped)
        f->dropped = 0; /* a new pass over the text: its pages come back */
    if (end > f->dropped) {
        madvise(f->data + f->dropped, end - f->dropped, MADV_DONTNEED);
        f->dropped = end;
    }
}

int cli_file_read(cli_file *f)
{
    f->first = -1;
    f->read_why = NULL;
    f->read_error = 0;
    f->spool_failed = 0;
    int fd = open_input(f);
    if (fd < 0)
        return -1;
    int e = fd > 0 && map_fd(fd, f) ? 0 : read_fd(fd, f);
    if (fd > 0)
        close(fd);
    f->read_error = e;
    return e ? -1 : 0;
}

void cli_file_drop(cli_file *f)
{
    if (f->decoded)
        tl_decoded_free(f->data);
    else if (f->mapped)
        munmap(f->data, f->len);
    else
        free(f->data);
    f->data = NULL;
    f->decoded = 0;
    f->mapped = 0;
    cli_file_view_drop(f);
}

int cli_file_decode(cli_file *f)
{
    if (!f->encoding || f->decoded || !f->data)
        return 0;
    char *u;
    size_t n;
    if (tl_decode(f->encoding, f->data, f->len, &u, &n, &f->undecodable) != TL_OK) {
        f->read_error = ENOMEM; /* the name was checked with the options */
        cli_file_drop(f);
        return -1;
    }
    if (f->mapped)
        munmap(f->data, f->len);
    else
        free(f->data);
    f->mapped = 0;
    f->data = u;
    f->len = n;
    f->decoded = 1;
    return 0;
}

void cli_files_free(cli_file *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(f[i].path);
        cli_file_drop(&f[i]);
    }
    free(f);
}
