/*
 * replay.c - feeds files to a fuzz target without libFuzzer, so `make check` keeps
 * every corpus entry (and every crash ever found) as a regression test under gcc:
 * linked with fuzz_NAME.c into build/fuzz-replay-NAME. Besides each file as is, it
 * feeds hostile variants derived from it (ctags' "chop" and "noise"): the file cut at
 * every byte offset (so UTF-8 is cut mid-character) and with one byte dropped or
 * replaced by 0xFF or NUL at every 7th offset. A target whose first input byte picks
 * a configuration (fuzz_selectors > 0) gets each file under every selector, the
 * variants under one each in turn.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the target's: how many configurations its first byte picks from (0: none) */
extern const unsigned fuzz_selectors;

static size_t runs;

/* Feeds p[0, n) under selector `sel` (ignored by a target without selectors). */
static void feed(const unsigned char *p, size_t n, size_t sel)
{
    size_t extra = fuzz_selectors ? 1 : 0;
    unsigned char *b = malloc(n + extra);
    if (!b)
        return;
    if (extra)
        b[0] = (unsigned char)(sel % fuzz_selectors);
    memcpy(b + extra, p, n);
    LLVMFuzzerTestOneInput(b, n + extra);
    runs++;
    free(b);
}

static void variants(const unsigned char *p, size_t n)
{
    for (unsigned sel = 0; sel < (fuzz_selectors ? fuzz_selectors : 1); sel++)
        feed(p, n, sel);
    if (n > 8192)
        return;
    unsigned char *t = malloc(n + 1);
    if (!t)
        return;
    for (size_t cut = 0; cut < n; cut++)
        feed(p, cut, cut);
    for (size_t i = 0; i < n; i += 7) {
        memcpy(t, p, i);
        memcpy(t + i, p + i + 1, n - i - 1);
        feed(t, n - 1, i); /* one byte dropped */
        memcpy(t, p, n);
        t[i] = (i & 8) ? 0xFF : 0x00;
        feed(t, n, i + 3); /* one byte broken */
    }
    free(t);
}

static void walk(const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode) && depth < 8) {
        struct dirent **list;
        int n = scandir(path, &list, NULL, alphasort);
        for (int i = 0; i < n; i++) {
            if (list[i]->d_name[0] != '.') {
                char sub[4096];
                snprintf(sub, sizeof sub, "%s/%s", path, list[i]->d_name);
                walk(sub, depth + 1);
            }
            free(list[i]);
        }
        free(n >= 0 ? list : NULL);
        return;
    }
    const char *dot = strrchr(path, '.');
    if (depth > 0 && strstr(path, "golden") && !(dot && (!strcmp(dot, ".txt") || !strcmp(dot, ".md"))))
        return; /* in golden folders only the input texts */
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    unsigned char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    fclose(f);
    if (buf)
        variants(buf, n);
    free(buf);
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        walk(argv[i], 0);
    printf("%zu inputs replayed\n", runs);
    return 0;
}
