/*
 * progress.c - a progress line on standard error for long runs: files done of all,
 * MB/s, time left. On when standard error is a terminal that is not also where the
 * report goes (standard output on the same terminal would interleave with it), and
 * not in CI (the CI variable set, as GitHub Actions, GitLab CI and most others do):
 * a log file does not want a line redrawn a hundred times. --progress forces it,
 * --no-progress stops it.
 *
 * The line is redrawn at most five times a second and for the last file, and erased
 * when the run ends (and before a file's error is said, then drawn again), so what
 * remains on the terminal is the report alone.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Whether the line is wanted. isatty() sets errno on a file; the output's error
 * message reads errno later (output.c), so it is left as it was. */
static int wanted(const cli_opts *o)
{
    if (o->progress)
        return o->progress > 0;
    int e = errno;
    const char *ci = getenv("CI");
    int same_tty = !o->output && isatty(1);
    int on = isatty(2) && !same_tty && !(ci && *ci && strcmp(ci, "false") != 0);
    errno = e;
    return on;
}

void progress_start(cli_progress *p, const cli_opts *o, const cli_file *files, size_t n)
{
    memset(p, 0, sizeof *p);
    if (!wanted(o))
        return;
    p->on = 1;
    p->total = n;
    int e = errno;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(files[i].path, "-") && stat(files[i].path, &st) == 0)
            p->bytes_total += (uint64_t)st.st_size;
    }
    errno = e;
    p->t0 = now();
}

void progress_step(cli_progress *p, uint64_t bytes)
{
    if (!p->on)
        return;
    p->done++;
    p->bytes_done += bytes;
    double t = now(), el = t - p->t0;
    if (p->done < p->total && t - p->last < 0.2)
        return;
    p->last = t;
    double rate = el > 0 ? (double)p->bytes_done / el : 0;
    fprintf(stderr, "\rtermlint: %zu/%zu files, %.1f MB/s", p->done, p->total, rate / 1e6);
    if (rate > 0 && p->bytes_total > p->bytes_done) {
        unsigned long left = (unsigned long)((double)(p->bytes_total - p->bytes_done) / rate);
        fprintf(stderr, ", %lu:%02lu left", left / 60, left % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
    p->shown = 1;
}

void progress_end(cli_progress *p)
{
    if (p->on && p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->shown = 0;
}
