/* icu-floor: the "tokenising floor" of the termlint benchmark (bench/README.md).
 *
 * Reads each file named on the command line, opens it as a UTF-8 UText
 * (utext_openUTF8, no conversion to UTF-16) and walks an ICU word break
 * iterator over it, counting the segments that ICU classifies as words
 * (rule status >= UBRK_WORD_NUMBER: numbers, letters, kana, ideographs).
 * Nothing else: no normalisation, no case folding, no lookups. Whatever termlint
 * does on top of this costs time, so this is the bound it is compared with.
 *
 * Usage: icu-floor [-v] FILE...
 * Prints the total word count on stdout; -v also prints bytes, words and letter
 * words per file on stderr. Exit status 0, or 2 on an error.
 *
 * Build: cc -O2 -o icu-floor icu-floor.c $(pkg-config --cflags --libs icu-uc)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "icu-floor: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        fprintf(stderr, "icu-floor: %s: read error\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    int verbose = 0, argi = 1;
    if (argi < argc && strcmp(argv[argi], "-v") == 0) {
        verbose = 1;
        argi++;
    }
    if (argi >= argc) {
        fprintf(stderr, "usage: icu-floor [-v] FILE...\n");
        return 2;
    }

    UErrorCode status = U_ZERO_ERROR;
    /* One iterator for all files, as a checker would keep one per thread
     * (Russian and Ukrainian use ICU's root word-break rules). */
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "ru", NULL, 0, &status);
    if (U_FAILURE(status)) {
        fprintf(stderr, "icu-floor: ubrk_open: %s\n", u_errorName(status));
        return 2;
    }

    unsigned long long total = 0;
    for (; argi < argc; argi++) {
        size_t len = 0;
        char *text = read_file(argv[argi], &len);
        if (!text)
            return 2;
        UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &status);
        ubrk_setUText(bi, ut, &status);
        if (U_FAILURE(status)) {
            fprintf(stderr, "icu-floor: %s: %s\n", argv[argi], u_errorName(status));
            return 2;
        }
        unsigned long long words = 0, letters = 0;
        for (int32_t end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) {
            int32_t rs = ubrk_getRuleStatus(bi);
            if (rs >= UBRK_WORD_NUMBER) {
                words++;
                if (rs >= UBRK_WORD_LETTER)
                    letters++;
            }
        }
        if (verbose)
            fprintf(stderr, "%s: bytes=%zu words=%llu letter_words=%llu\n", argv[argi], len, words,
                    letters);
        total += words;
        utext_close(ut);
        free(text);
    }
    ubrk_close(bi);
    printf("%llu\n", total);
    return 0;
}
