/* wordtab-check.c - research tool for the compiled word-form table
 * (src/lib/morph/wordtab*.c): builds or maps the table of a dictionary, then spells every
 * distinct word of a text with the table and with Hunspell and reports build/open time,
 * agreement and speed.
 *
 *   build/bench/wordtab-check ru_RU FILE [CACHE_DIR]   (default: $TERMLINT_CACHE_DIR,
 *                                                        else the table is kept in memory)
 *   build/bench/wordtab-check ru_RU --all-forms
 *
 * The second form puts every form the table holds through Hunspell_spell and counts
 * the ones Hunspell rejects (each would be a wrong "yes"; the first 20 are listed).
 *
 * A word the table accepts and Hunspell rejects would be a wrong answer: the count
 * must be 0. Words are cut at anything that is not a letter, apostrophe or hyphen. */
#include "wordtab.h"

#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/uchar.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits text into words (letters, ' and - inside), sorted and unique. */
static char **words_of(char *text, size_t len, size_t *n)
{
    size_t cap = 1024, k = 0;
    char **w = malloc(cap * sizeof *w);
    size_t i = 0;
    while (i < len) {
        size_t s = i;
        while (i < len) {
            UChar32 c;
            size_t j = i;
            U8_NEXT(text, j, len, c);
            if (c < 0 || !(u_isalpha(c) || ((c == '\'' || c == '-') && i > s)))
                break;
            i = j;
        }
        if (i > s) {
            while (i > s && (text[i - 1] == '-' || text[i - 1] == '\''))
                i--;
            if (k == cap)
                w = realloc(w, (cap *= 2) * sizeof *w);
            w[k++] = strndup(text + s, i - s);
        }
        if (i == s || i < len) {
            UChar32 c;
            U8_NEXT(text, i, len, c);
            (void)c;
        }
    }
    qsort(w, k, sizeof *w, cmp_str);
    size_t u = 0;
    for (size_t j = 0; j < k; j++) {
        if (u && strcmp(w[u - 1], w[j]) == 0) {
            free(w[j]);
            continue;
        }
        w[u++] = w[j];
    }
    *n = u;
    return w;
}

typedef struct {
    Hunhandle *h;
    size_t n, rejected;
} verify;

/* A set of stems as one sorted, '|'-joined string, for comparing two sources. */
typedef struct {
    char *s[64];
    int n;
} stemset;

static void stem_add(void *arg, const char *stem)
{
    stemset *x = arg;
    for (int i = 0; i < x->n; i++)
        if (!strcmp(x->s[i], stem))
            return;
    if (x->n < 64)
        x->s[x->n++] = strdup(stem);
}

static void stem_join(stemset *x, char *out, size_t cap)
{
    qsort(x->s, (size_t)x->n, sizeof *x->s, cmp_str);
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < x->n; i++) {
        o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s%s", i ? "|" : "", x->s[i]);
        free(x->s[i]);
    }
    x->n = 0;
}

static int verify_form(void *arg, const char *form, size_t len)
{
    verify *v = arg;
    char b[512];
    if (len >= sizeof b)
        return 0;
    memcpy(b, form, len);
    b[len] = '\0';
    v->n++;
    if (!Hunspell_spell(v->h, b) && v->rejected++ < 20)
        printf("  rejected by Hunspell: %s\n", b);
    return 0;
}

static int all_forms(const char *aff, const char *dic)
{
    verify v = {Hunspell_create(aff, dic), 0, 0};
    double t0 = now();
    if (wordtab_each_form(aff, dic, verify_form, &v)) {
        fprintf(stderr, "no table for %s\n", dic);
        return 1;
    }
    printf("forms checked: %zu in %.1f s; rejected by Hunspell: %zu\n", v.n, now() - t0,
           v.rejected);
    return v.rejected != 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s ru_RU|uk_UA FILE [CACHE_DIR]\n", argv[0]);
        return 2;
    }
    char aff[512], dic[512];
    snprintf(aff, sizeof aff, "/usr/share/hunspell/%s.aff", argv[1]);
    snprintf(dic, sizeof dic, "/usr/share/hunspell/%s.dic", argv[1]);
    if (strcmp(argv[2], "--all-forms") == 0)
        return all_forms(aff, dic);
    FILE *f = fopen(argv[2], "rb");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    size_t len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(len + 1);
    if (fread(text, 1, len, f) != len)
        return 2;
    fclose(f);
    size_t n;
    char **w = words_of(text, len, &n);

    int built;
    double t0 = now();
    wordtab *t = wordtab_open(aff, dic, argc > 3 ? argv[3] : getenv("TERMLINT_CACHE_DIR"), &built);
    double t1 = now();
    if (!t) {
        fprintf(stderr, "no table for %s\n", argv[1]);
        return 1;
    }
    printf("table: %zu forms, %s in %.3f s\n", wordtab_count(t), built ? "compiled" : "mapped",
           t1 - t0);
    t0 = now();
    Hunhandle *h = Hunspell_create(aff, dic);
    t1 = now();
    printf("Hunspell_create: %.3f s\n", t1 - t0);

    size_t tab_yes = 0, hun_yes = 0, wrong = 0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        tab_yes += (size_t)wordtab_spell(t, w[i], strlen(w[i]));
    double tt = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        hun_yes += Hunspell_spell(h, w[i]) != 0;
    double th = now() - t0;
    for (size_t i = 0; i < n; i++)
        if (wordtab_spell(t, w[i], strlen(w[i])) && !Hunspell_spell(h, w[i])) {
            if (wrong < 10)
                printf("  table yes, Hunspell no: %s\n", w[i]);
            wrong++;
        }
    size_t missed = 0;
    for (size_t i = 0; i < n; i++)
        if (!wordtab_spell(t, w[i], strlen(w[i])) && Hunspell_spell(h, w[i]) && missed++ < (getenv("WT_SHOW") ? (size_t)atoi(getenv("WT_SHOW")) : 12))
            printf("  Hunspell yes, table no: %s\n", w[i]);
    printf("distinct words: %zu; Hunspell accepts %zu; the table %zu (%.1f%% of Hunspell's)\n", n,
           hun_yes, tab_yes, hun_yes ? 100.0 * (double)tab_yes / (double)hun_yes : 0.0);
    printf("table yes where Hunspell says no: %zu\n", wrong);
    printf("per word: table %.3f us, Hunspell_spell %.3f us (%.0fx)\n", tt * 1e6 / (double)n,
           th * 1e6 / (double)n, tt > 0 ? th / tt : 0.0);

    /* "no" where the table is sure of it: Hunspell must reject those words too, and
     * find no stems for them */
    size_t final_no = 0, wrong_no = 0, stems_of_no = 0;
    for (size_t i = 0; i < n; i++) {
        if (wordtab_check(t, w[i], strlen(w[i])) != 0)
            continue;
        final_no++;
        if (Hunspell_spell(h, w[i]) && wrong_no++ < 12)
            printf("  table sure of no, Hunspell yes: %s\n", w[i]);
        char **list = NULL;
        int k = Hunspell_stem(h, &list, w[i]);
        if (k > 0) {
            if (stems_of_no++ < 12)
                printf("  table sure of no, Hunspell_stem gives %s for %s\n", list[0], w[i]);
            Hunspell_free_list(h, &list, k);
        }
    }
    printf("table sure of no: %zu words; Hunspell accepts %zu of them, stems %zu\n", final_no,
           wrong_no, stems_of_no);
    wrong += wrong_no + stems_of_no;

    /* stems: where the table answers, its set must be Hunspell_stem's */
    size_t answered = 0, differ = 0;
    double ts = 0, ths = 0;
    for (size_t i = 0; i < n; i++) {
        stemset a = {{0}, 0}, b = {{0}, 0};
        t0 = now();
        int r = wordtab_stems(t, w[i], strlen(w[i]), stem_add, &a);
        ts += now() - t0;
        if (r < 0)
            continue;
        answered++;
        char **list = NULL;
        t0 = now();
        int k = Hunspell_stem(h, &list, w[i]);
        ths += now() - t0;
        for (int j = 0; j < k; j++)
            stem_add(&b, list[j]);
        if (k > 0)
            Hunspell_free_list(h, &list, k);
        char sa[4096], sb[4096];
        stem_join(&a, sa, sizeof sa);
        stem_join(&b, sb, sizeof sb);
        if (strcmp(sa, sb) && differ++ < 12)
            printf("  stems differ: %s: table {%s}, Hunspell {%s}\n", w[i], sa, sb);
    }
    printf("stems: the table answers for %zu words (%.1f%%); different from Hunspell_stem: %zu\n",
           answered, n ? 100.0 * (double)answered / (double)n : 0.0, differ);
    if (answered)
        printf("per answered word: table %.3f us, Hunspell_stem %.3f us\n",
               ts * 1e6 / (double)n, ths * 1e6 / (double)answered);
    wordtab_close(t);
    return wrong || differ ? 1 : 0;
}
