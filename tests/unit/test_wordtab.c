/* test_wordtab.c - the compiled word-form table: suffix expansion with strip and
 * conditions, Hunspell's case rule as a positive-only answer, the cache file (reused,
 * rebuilt when corrupt or stale), and dictionaries the table must refuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "wordtab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char aff[128], dic[128], cache[128];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A miniature Russian dictionary: nouns in -а (strip а, conditions on the letter
 * before), a verb with a negated condition, a name and an abbreviation. */
static const char *const AFF = "SET UTF-8\n"
                               "TRY оеаи\n"
                               "\n"
                               "SFX A Y 3\n"
                               "SFX A   а   ы     [^гкхжчшщ]а\n"
                               "SFX A   а   и     [гкх]а\n"
                               "SFX A   а   у     а\n"
                               "\n"
                               "SFX B Y 2\n"
                               "SFX B   ть  л     [ая]ть\n"
                               "SFX B   0   ся    ть\n";

static const char *const DIC = "5\n"
                               "рука/A\n"
                               "вода/A\n"
                               "читать/B\n"
                               "Москва/A\n"
                               "ЦК\n";

static int setup(void **st)
{
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/tl-wordtab-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(aff, sizeof aff, "%s/xx_XX.aff", dir);
    snprintf(dic, sizeof dic, "%s/xx_XX.dic", dir);
    snprintf(cache, sizeof cache, "%s/cache", dir);
    write_file(aff, AFF);
    write_file(dic, DIC);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int has(const wordtab *t, const char *s) { return wordtab_has(t, s, strlen(s)); }
static int spell(const wordtab *t, const char *s) { return wordtab_spell(t, s, strlen(s)); }

static void test_forms(void **st)
{
    (void)st;
    int built = 0;
    wordtab *t = wordtab_open(aff, dic, cache, &built);
    assert_non_null(t);
    assert_int_equal(built, 1);
    /* stems, and the rules whose strip and condition match */
    assert_true(has(t, "рука") && has(t, "руки") && has(t, "руку"));
    assert_false(has(t, "руко") || has(t, "рукы")); /* «ы» is not allowed after «к» */
    assert_true(has(t, "воды") && has(t, "воду"));
    assert_false(has(t, "води"));
    assert_true(has(t, "читал") && has(t, "читаться"));
    assert_false(has(t, "читатьл"));
    /* rule B's «ся» needs a stem in «ть»: a noun does not get it */
    assert_false(has(t, "рукася"));
    assert_int_equal(wordtab_count(t), 13);
    wordtab_close(t);
}

static void test_case_rule(void **st)
{
    (void)st;
    wordtab *t = wordtab_open(aff, dic, cache, NULL);
    assert_non_null(t);
    assert_true(spell(t, "Руки"));   /* sentence start: lower-case form */
    assert_true(spell(t, "РУКИ"));   /* capitals: lower-case form */
    assert_true(spell(t, "Москвы")); /* a name as written */
    assert_true(spell(t, "МОСКВЫ")); /* capitals: the Capitalised form */
    assert_false(spell(t, "москвы")); /* a name in lower case: Hunspell says no */
    assert_false(spell(t, "рУки"));   /* mixed case: not certain, ask Hunspell */
    assert_true(spell(t, "ЦК"));
    assert_false(spell(t, "Цк"));
    wordtab_close(t);
}

static void test_cache_reused_and_rebuilt(void **st)
{
    (void)st;
    int built = 1;
    wordtab *t = wordtab_open(aff, dic, cache, &built);
    assert_non_null(t);
    assert_int_equal(built, 0); /* mapped from the file test_forms wrote */
    wordtab_close(t);

    /* cut the cache file short: it is refused and compiled again */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "for f in '%s'/*.tab; do head -c 100 \"$f\" > \"$f.x\" && mv \"$f.x\" \"$f\"; done", cache);
    assert_int_equal(system(cmd), 0);
    t = wordtab_open(aff, dic, cache, &built);
    assert_non_null(t);
    assert_int_equal(built, 1);
    assert_true(has(t, "руку"));
    wordtab_close(t);

    /* a changed dictionary gets a table of its own */
    sleep(1);
    write_file(dic, "2\nрука/A\nнога/A\n");
    t = wordtab_open(aff, dic, cache, &built);
    assert_non_null(t);
    assert_int_equal(built, 1);
    assert_true(has(t, "ноги"));
    assert_false(has(t, "воды"));
    wordtab_close(t);
    write_file(dic, DIC);
}

static void test_unwritable_cache_builds_in_memory(void **st)
{
    (void)st;
    int built = 0;
    wordtab *t = wordtab_open(aff, dic, "/proc/no-such-folder", &built);
    assert_non_null(t);
    assert_int_equal(built, 1);
    assert_true(has(t, "воду"));
    wordtab_close(t);
}

static void test_refused_dictionaries(void **st)
{
    (void)st;
    char a2[160];
    snprintf(a2, sizeof a2, "%s/pfx.aff", dir);
    write_file(a2, "SET UTF-8\nPFX P Y 1\nPFX P 0 не .\n");
    assert_null(wordtab_open(a2, dic, cache, NULL)); /* prefixes are not expanded */
    write_file(a2, "SET KOI8-R\nSFX A Y 1\nSFX A 0 ы .\n");
    assert_null(wordtab_open(a2, dic, cache, NULL)); /* only UTF-8 */
    write_file(a2, "SET UTF-8\nSFX A Y 1\nSFX A 0 ы [абв\n");
    assert_null(wordtab_open(a2, dic, cache, NULL)); /* a broken condition */
    assert_null(wordtab_open("/nonexistent.aff", dic, cache, NULL));
    wordtab_close(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_case_rule),
        cmocka_unit_test(test_cache_reused_and_rebuilt),
        cmocka_unit_test(test_unwritable_cache_builds_in_memory),
        cmocka_unit_test(test_refused_dictionaries),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
