/*
 * output.c - where the report goes, and making sure a cut report never looks whole.
 *
 * Standard output, or with --output FILE a temporary file beside FILE that is renamed
 * over it only when the whole report was written: a full disk, a quota, a write error
 * or an interruption (SIGINT, SIGTERM, SIGHUP) leaves FILE as it was and no temporary
 * file behind. Every write error is caught (the first one's errno is kept), said once,
 * and makes the exit code 2; so does EPIPE when SIGPIPE is ignored (with SIGPIPE at
 * its default, a closed pipe ends termlint quietly, as it does `cat`).
 *
 *   out_open -> reporters write -> out_check after each file (stops the run early)
 *            -> out_close: flush, fsync, close, rename (or remove the temporary file)
 */
#define _DEFAULT_SOURCE
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file a signal handler removes: a fixed buffer, since the handler may
 * only make async-signal-safe calls (unlink, signal, raise). */
static char tmp_path[4096];
static volatile sig_atomic_t have_tmp;

static void on_signal(int sig)
{
    if (have_tmp)
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void out_abandon(void)
{
    if (have_tmp)
        unlink(tmp_path);
}

static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        struct sigaction old;
        /* a signal the caller ignores (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

int out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path) {
        o->f = stdout;
        /* a report into a file or a pipe goes out in 64 KB blocks rather than stdio's
         * 4 KB; a terminal keeps its line buffering */
        if (!isatty(STDOUT_FILENO))
            setvbuf(stdout, NULL, _IOFBF, 1 << 16);
        return 0;
    }
    int n = snprintf(tmp_path, sizeof tmp_path, "%s.tmp-XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof tmp_path) {
        fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(ENAMETOOLONG));
        return -1;
    }
    catch_signals();
    int fd = mkstemp(tmp_path);
    if (fd < 0) {
        fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    have_tmp = 1;
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* what a plain open() would have made */
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        out_discard(o);
        fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(e));
        return -1;
    }
    setvbuf(o->f, NULL, _IOFBF, 1 << 16);
    return 0;
}

int out_check(cli_out *o)
{
    if (!o->err && ferror(o->f))
        o->err = errno ? errno : EIO;
    return o->err ? -1 : 0;
}

/* Says why the report could not be written, once. */
static void say(cli_out *o)
{
    if (o->said)
        return;
    o->said = 1;
    if (o->path)
        fprintf(stderr, "termlint: cannot write '%s': %s (nothing written)\n", o->path,
                strerror(o->err));
    else
        fprintf(stderr, "termlint: cannot write the report: %s\n", strerror(o->err));
}

void out_discard(cli_out *o)
{
    if (o->path && o->f) {
        fclose(o->f);
        o->f = NULL;
    }
    if (have_tmp) {
        unlink(tmp_path);
        have_tmp = 0;
    }
}

int out_close(cli_out *o)
{
    errno = 0;
    if (fflush(o->f) == EOF && !o->err)
        o->err = errno ? errno : EIO;
    out_check(o);
    if (o->path && !o->err) {
        /* a full disk may only show when the data reaches it */
        if (fsync(fileno(o->f)) && errno != EINVAL && errno != EROFS)
            o->err = errno;
        FILE *f = o->f;
        o->f = NULL;
        if (fclose(f) && !o->err)
            o->err = errno ? errno : EIO;
        if (!o->err && rename(tmp_path, o->path))
            o->err = errno;
        if (!o->err)
            have_tmp = 0;
    }
    if (o->err) {
        out_discard(o);
        say(o);
        return -1;
    }
    return 0;
}
