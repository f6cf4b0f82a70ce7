/* test_run.c - runs of many texts (run.c): results in input order whatever the number
 * of threads, read failures, run-wide consistency through the one-span resolution,
 * the first pass over recurring lines, and a run ended early. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ctx.h" /* white box: how many suggestions the run's contexts computed */
#include "termlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const texts[] = {
    "Это ошибкка в тексте. Вчера Национальное собрание приняло закон.",
    NULL, /* cannot be read */
    "Треба чтко визначити завдання.",
    "Вчера Народное собрание приняло бюджет. Постановление № 24-QD/TW.",
    "Ещё одна ошибкка и ошибкка.",
};
#define NTEXTS (sizeof texts / sizeof texts[0])

static int read_text(void *arg, size_t i, const char **text, size_t *len)
{
    const char *const *v = arg;
    if (!v[i])
        return -1;
    *text = v[i];
    *len = strlen(v[i]);
    return 0;
}

static tl_ctx *new_ctx(void)
{
    static const char *const gl[] = {"tests/golden/consistency-run-one-span/g.yaml", NULL};
    tl_options o;
    tl_options_init(&o);
    o.data_dir = "glossaries";
    o.glossaries = gl;
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    tl_ctx *c = NULL;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    return c;
}

/* Everything a run gives, as one string. */
static void run_all(int jobs, int consistency, char *out, size_t cap)
{
    tl_ctx *ctx = new_ctx();
    tl_run_options ro;
    tl_run_options_init(&ro);
    ro.ndocs = NTEXTS;
    ro.read = read_text;
    ro.read_arg = (void *)texts;
    ro.jobs = jobs;
    ro.consistency_run = consistency;
    tl_run *run;
    assert_int_equal(tl_run_new(ctx, &ro, &run), TL_OK);
    size_t n = 0;
    out[0] = '\0';
    for (size_t k = 0; k < NTEXTS; k++) {
        size_t i = 99;
        tl_result *r;
        tl_status st = tl_run_next(run, &i, &r);
        assert_int_equal(i, k); /* input order */
        assert_int_equal(st, texts[k] ? TL_OK : TL_ERR_IO);
        n += (size_t)snprintf(out + n, cap - n, "#%zu %s\n", i, tl_status_str(st));
        for (size_t j = 0; j < tl_result_count(r); j++) {
            const tl_finding *f = tl_result_at(r, j);
            n += (size_t)snprintf(out + n, cap - n, "%s %llu %s %s also=%zu\n",
                                  tl_rule_id(f->rule), (unsigned long long)f->offset, f->message,
                                  f->nsuggestions ? f->suggestions[0] : "-", f->nalso);
            assert_true(n < cap);
        }
        tl_result_free(r);
    }
    size_t i;
    tl_result *r;
    assert_int_equal(tl_run_next(run, &i, &r), TL_ERR_USAGE);
    assert_null(r);
    tl_run_free(run);
    tl_ctx_free(ctx);
}

static void test_same_whatever_the_threads(void **st)
{
    (void)st;
    static char one[8192], two[8192];
    for (int consistency = 0; consistency < 2; consistency++) {
        run_all(1, consistency, one, sizeof one);
        run_all(2, consistency, two, sizeof two);
        assert_string_equal(one, two);
    }
}

/* Across the run, «Народное собрание» is the minority rendering: one finding on its
 * span, term.inconsistent, with the variant finding folded into it. */
static void test_run_wide_consistency_is_resolved(void **st)
{
    (void)st;
    static char out[8192];
    run_all(2, 1, out, sizeof out);
    assert_non_null(strstr(out, "term.inconsistent"));
    const char *t = strstr(out, "term.inconsistent");
    assert_non_null(strstr(t, "also=1"));
    run_all(2, 0, out, sizeof out);
    assert_null(strstr(out, "term.inconsistent")); /* one rendering per text */
}

static void test_ended_early(void **st)
{
    (void)st;
    tl_ctx *ctx = new_ctx();
    tl_run_options ro;
    tl_run_options_init(&ro);
    ro.ndocs = NTEXTS;
    ro.read = read_text;
    ro.read_arg = (void *)texts;
    ro.jobs = 2;
    tl_run *run;
    assert_int_equal(tl_run_new(ctx, &ro, &run), TL_OK);
    size_t i;
    tl_result *r;
    assert_int_equal(tl_run_next(run, &i, &r), TL_OK);
    tl_result_free(r);
    tl_run_free(run); /* the other results are freed with the run */
    tl_run_free(NULL);
    ro.read = NULL;
    assert_int_equal(tl_run_new(ctx, &ro, &run), TL_ERR_USAGE);
    assert_null(run);
    tl_ctx_free(ctx);
}

/* The texts of the first-pass test: four share a header line. */
static const char *const site[] = {
    "Вести побережья\nВ порту открыли новый причал для рыбацких судов.\n",
    "Вести побережья\nНа рынке подешевели овощи и фрукты.\n",
    "Вести побережья\nШкола получила новые компьютеры.\n",
    "Вести побережья\nВ парке высадили сто молодых деревьев.\n",
    "В библиотеке прошла встреча с писателем.\n",
};
#define NSITE (sizeof site / sizeof site[0])

typedef struct {
    int reads[NSITE], unreads[NSITE];
} counted;

static int read_counted(void *arg, size_t i, const char **text, size_t *len)
{
    counted *c = arg;
    c->reads[i]++;
    *text = site[i];
    *len = strlen(site[i]);
    return 0;
}

static void unread_counted(void *arg, size_t i) { ((counted *)arg)->unreads[i]++; }

/* Boilerplate findings of a run over `site` (repeated_lines on or off), and how often
 * each text was read. */
static size_t site_run(int repeated, int jobs, counted *c)
{
    tl_ctx *ctx = new_ctx();
    tl_run_options ro;
    tl_run_options_init(&ro);
    assert_int_equal(ro.repeated_lines, 1); /* the default */
    ro.ndocs = NSITE;
    ro.read = read_counted;
    ro.read_arg = c;
    ro.unread = unread_counted;
    ro.repeated_lines = repeated;
    ro.jobs = jobs;
    memset(c, 0, sizeof *c);
    tl_run *run;
    assert_int_equal(tl_run_new(ctx, &ro, &run), TL_OK);
    size_t found = 0;
    for (size_t k = 0; k < NSITE; k++) {
        size_t i;
        tl_result *r;
        assert_int_equal(tl_run_next(run, &i, &r), TL_OK);
        for (size_t j = 0; j < tl_result_count(r); j++)
            if (tl_result_at(r, j)->rule == TL_RULE_BOILERPLATE) {
                assert_int_equal(tl_result_at(r, j)->offset, 0); /* the header */
                found++;
            }
        tl_result_free(r);
    }
    tl_run_free(run);
    tl_ctx_free(ctx);
    return found;
}

/* A line in 4 of 5 texts is furniture (threshold 3 texts): each text is read once for
 * the first pass (and handed back) and once for the check. Without the pass, once. */
static void test_first_pass_finds_recurring_lines(void **st)
{
    (void)st;
    counted c;
    for (int jobs = 1; jobs <= 2; jobs++) {
        assert_int_equal(site_run(1, jobs, &c), 4);
        for (size_t i = 0; i < NSITE; i++) {
            assert_int_equal(c.reads[i], 2);
            assert_int_equal(c.unreads[i], 1);
        }
    }
    assert_int_equal(site_run(0, 2, &c), 0);
    for (size_t i = 0; i < NSITE; i++) {
        assert_int_equal(c.reads[i], 1);
        assert_int_equal(c.unreads[i], 0);
    }
}

/* Misspellings with a fast suggestion: word k % 50 of `base` with letter 1 + k / 50 % 4
 * doubled: 200 distinct words. */
static void misspelt(size_t k, char *out, size_t cap)
{
    static const char *const base[] = {
        "город",   "работа",  "вопрос",  "решение", "задача",  "история", "собрание",
        "вечер",   "письмо",  "дорога",  "страна",  "народ",   "закон",   "бюджет",
        "комитет", "партия",  "съезд",   "власть",  "деньги",  "человек", "ребёнок",
        "семья",   "работник", "учитель", "больница", "школа",  "улица",   "машина",
        "погода",  "природа", "музыка",  "картина", "театр",   "песня",   "книга",
        "газета",  "журнал",  "новость", "событие", "встреча", "поездка", "граница",
        "область", "столица", "деревня", "площадь", "здание",  "комната", "окно",
        "стена"};
    const char *w = base[k % 50];
    size_t at = 2 * (1 + (k / 50) % 4); /* byte offset of a letter (2 bytes each) */
    snprintf(out, cap, "Вчера обсудили %.*s%s и другое.", (int)(at + 2), w, w + at);
}

static int read_misspelt(void *arg, size_t i, const char **text, size_t *len)
{
    char(*v)[128] = arg;
    *text = v[i];
    *len = strlen(v[i]);
    return 0;
}

/* With run-wide consistency every text is checked before the first result is given; the
 * checking threads must still not compute suggestions the budget will never pay for
 * (they computed one for every misspelt word of the run: 14-23x slower than -j 1 on
 * 2,000 files). With a budget of 2 words, the threads may run WINDOW (64) texts ahead of
 * the caller, no more. */
static void test_consistency_run_speculates_little(void **st)
{
    (void)st;
    enum { N = 200 };
    static char text[N][128];
    for (size_t k = 0; k < N; k++)
        misspelt(k, text[k], sizeof text[k]);
    tl_options o;
    tl_options_init(&o);
    o.data_dir = "glossaries";
    o.lang = TL_LANG_RU;
    o.suggest_limit = 2;
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    tl_ctx *ctx = NULL;
    assert_int_equal(tl_ctx_new(&o, &ctx, NULL), TL_OK);
    tl_run_options ro;
    tl_run_options_init(&ro);
    ro.ndocs = N;
    ro.read = read_misspelt;
    ro.read_arg = text;
    ro.jobs = 2;
    ro.consistency_run = 1;
    tl_run *run;
    assert_int_equal(tl_run_new(ctx, &ro, &run), TL_OK);
    size_t with = 0;
    for (size_t k = 0; k < N; k++) {
        size_t i;
        tl_result *r;
        assert_int_equal(tl_run_next(run, &i, &r), TL_OK);
        for (size_t j = 0; j < tl_result_count(r); j++)
            with += tl_result_at(r, j)->nsuggestions > 0;
        tl_result_free(r);
    }
    tl_run_free(run);
    assert_int_equal(with, 2); /* the first two words */
    if (morph_suggested(ctx->morph) > 2 + 64 + 8)
        fail_msg("%llu words got suggestions computed, for a budget of 2",
                 (unsigned long long)morph_suggested(ctx->morph));
    tl_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_whatever_the_threads),
        cmocka_unit_test(test_run_wide_consistency_is_resolved),
        cmocka_unit_test(test_first_pass_finds_recurring_lines),
        cmocka_unit_test(test_ended_early),
        cmocka_unit_test(test_consistency_run_speculates_little),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
