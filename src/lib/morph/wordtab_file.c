/*
 * wordtab_file.c - the word-form table's cache file: one file per dictionary version
 * (its name carries a hash of both files' paths, sizes and modification times) in the
 * folder the caller gives, written into a temporary file and renamed, so a reader never
 * sees half a table and two processes building at once are harmless; mapped read-only
 * on later runs.
 */
#include "wordtab_p.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Creates folder `path` and its missing parents (like mkdir -p), private to the user. */
static void make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    mkdir(path, 0700);
}

/* The folder for tables, `given` (NULL or "": none), created when missing. 0 when
 * there is none. */
static int cache_dir_path(const char *given, tl_buf *b)
{
    if (!given || !*given)
        return 0;
    tl_buf_adds(b, given);
    if (b->oom)
        return 0;
    make_dirs(b->data);
    struct stat st;
    return stat(b->data, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Identifies the dictionary version: both paths, sizes and modification times. */
static int signature(const char *aff, const char *dic, uint64_t *sig)
{
    struct stat sa, sd;
    if (stat(aff, &sa) || stat(dic, &sd))
        return -1;
    char b[8192];
    int n =
        snprintf(b, sizeof b, "%u|%s|%lld|%lld.%ld|%s|%lld|%lld.%ld", WT_VERSION, aff,
                 (long long)sa.st_size, (long long)sa.st_mtim.tv_sec, (long)sa.st_mtim.tv_nsec, dic,
                 (long long)sd.st_size, (long long)sd.st_mtim.tv_sec, (long)sd.st_mtim.tv_nsec);
    if (n < 0 || (size_t)n >= sizeof b)
        return -1;
    *sig = wordtab_hash(b, (size_t)n);
    return 0;
}

static wordtab *map_file(const char *path, uint64_t sig)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *m = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof(wt_header))
        m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return NULL;
    wordtab *t = tl_calloc(1, sizeof *t);
    if (!t || !wordtab_attach(t, m, (size_t)st.st_size, sig)) {
        munmap(m, (size_t)st.st_size);
        tl_free(t);
        return NULL;
    }
    t->mem = m;
    t->memlen = (size_t)st.st_size;
    t->mapped = 1;
    return t;
}

/* Writes the image to path through a temporary file in the same folder. */
static void save(const char *path, const void *mem, size_t len)
{
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    tl_buf_printf(&tmp, "%s.%ld.tmp", path, (long)getpid());
    int fd = tmp.oom ? -1 : open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
        const char *p = mem;
        size_t left = len;
        while (left) {
            ssize_t w = write(fd, p, left);
            if (w <= 0)
                break;
            p += w;
            left -= (size_t)w;
        }
        if (close(fd) || left || rename(tmp.data, path))
            unlink(tmp.data);
    }
    tl_buf_release(&tmp);
}

wordtab *wordtab_open(const char *aff, const char *dic, const char *cache_dir, int *built)
{
    if (built)
        *built = 0;
    uint64_t sig;
    if (signature(aff, dic, &sig))
        return NULL;
    tl_buf path;
    tl_buf_init(&path, 0);
    int have_dir = cache_dir_path(cache_dir, &path);
    if (have_dir) {
        const char *base = strrchr(dic, '/');
        base = base ? base + 1 : dic;
        size_t bn = strcspn(base, ".");
        tl_buf_printf(&path, "/%.*s-%016llx.tab", (int)bn, base, (unsigned long long)sig);
        wordtab *t = path.oom ? NULL : map_file(path.data, sig);
        if (t) {
            tl_buf_release(&path);
            return t;
        }
    }
    size_t len = 0;
    int rc;
    void *mem = wordtab_compile(aff, dic, sig, &len, NULL, NULL, &rc);
    wordtab *t = mem ? tl_calloc(1, sizeof *t) : NULL;
    if (!t || !wordtab_attach(t, mem, len, sig)) {
        tl_free(mem);
        tl_free(t);
        tl_buf_release(&path);
        return NULL;
    }
    t->mem = mem;
    t->memlen = len;
    if (built)
        *built = 1;
    if (have_dir && !path.oom)
        save(path.data, mem, len);
    tl_buf_release(&path);
    return t;
}

void wordtab_close(wordtab *t)
{
    if (!t)
        return;
    if (t->mapped)
        munmap(t->mem, t->memlen);
    else
        tl_free(t->mem);
    tl_free(t);
}
