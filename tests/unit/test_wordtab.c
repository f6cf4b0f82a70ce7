/* test_wordtab.c - the compiled word-form table: suffix expansion with strip and
 * conditions, Hunspell's case rule as a positive-only answer, the cache file (reused,
 * rebuilt when corrupt or stale), dictionaries the table must refuse, and forms Hunspell
 * rejects though the rules seem to yield them (checked against Hunspell itself). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "wordtab.h"

#include <hunspell.h>
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
    char longer[1400];
    memset(longer, 'x', sizeof longer);
    memcpy(longer, "SET UTF-8\n# ", 12);
    memcpy(longer + sizeof longer - 2, "\n", 2);
    write_file(a2, longer);
    assert_null(wordtab_open(a2, dic, cache, NULL)); /* a line longer than the reader's */
    wordtab_close(NULL);
}

/* Where Hunspell refuses what a plain expansion yields, and the table must follow it:
 * a rule stripping the whole stem (only with FULLSTRIP), a form holding an ICONV source
 * (input is rewritten before the lookup, so the form as written never matches), and a
 * Capitalised form a hidden stem also yields (ALL CAPS «ЗАЗ/A» makes Hunspell add
 * «Заз/A», which then rejects «Зазу» though «Заза/A» gives it too, when its rule is
 * tried first). */
static const char *const QAFF = "SET UTF-8\n"
                                "ICONV 1\n"
                                "ICONV ʼ '\n"
                                "SFX F Y 1\n"
                                "SFX F идти шел идти\n"
                                "SFX A Y 2\n"
                                "SFX A а у а\n"
                                "SFX A 0 у [^а]\n";
static const char *const QDIC = "4\nидти/F\nЗАЗ/A\nЗаза/A\nпʼять\n";

typedef struct {
    Hunhandle *h;
    int n, rejected;
} verify;

static int verify_form(void *arg, const char *form, size_t len)
{
    verify *v = arg;
    char b[256];
    assert_true(len < sizeof b);
    memcpy(b, form, len);
    b[len] = '\0';
    v->n++;
    v->rejected += !Hunspell_spell(v->h, b);
    return 0;
}

/* Writes dictionary NAME.aff/.dic into the test folder (paths into a2, d2) and opens
 * its table and a Hunspell handle on it. */
static wordtab *open_both(const char *name, const char *aff_text, const char *dic_text,
                          char *a2, char *d2, Hunhandle **h)
{
    snprintf(a2, 160, "%s/%s.aff", dir, name);
    snprintf(d2, 160, "%s/%s.dic", dir, name);
    write_file(a2, aff_text);
    write_file(d2, dic_text);
    wordtab *t = wordtab_open(a2, d2, cache, NULL);
    assert_non_null(t);
    *h = Hunspell_create(a2, d2);
    return t;
}

static void check_quirks(const char *aff_text, int fullstrip)
{
    char a2[160], d2[160];
    Hunhandle *h;
    wordtab *t = open_both("q", aff_text, QDIC, a2, d2, &h);
    assert_int_equal(has(t, "шел"), fullstrip);
    assert_int_equal(Hunspell_spell(h, "шел"), fullstrip);
    assert_false(has(t, "Зазу"));
    assert_false(Hunspell_spell(h, "Зазу"));
    assert_true(has(t, "Заза") && Hunspell_spell(h, "Заза"));
    assert_false(has(t, "пʼять"));
    assert_false(Hunspell_spell(h, "пʼять"));
    /* and nothing in the table that Hunspell rejects */
    verify v = {h, 0, 0};
    assert_int_equal(wordtab_each_form(a2, d2, verify_form, &v), 0);
    assert_true(v.n >= 4);
    assert_int_equal(v.rejected, 0);
    Hunspell_destroy(h);
    wordtab_close(t);
}

static void test_hunspell_quirks(void **st)
{
    (void)st;
    check_quirks(QAFF, 0);
    char with[512];
    snprintf(with, sizeof with, "FULLSTRIP\n%s", QAFF);
    check_quirks(with, 1);
}

/* Stems: the table's answer is Hunspell_stem's (as a set), for a form of one stem, of
 * two («стали»: «сталь» and «стать»), Capitalised and in capitals; it declines words it
 * does not know and words with characters whose handling it does not follow. */
static const char *const SAFF = "SET UTF-8\n"
                                "SFX A Y 3\n"
                                "SFX A а и [гкх]а\n"
                                "SFX A а ы [^гкх]а\n"
                                "SFX A а у а\n"
                                "SFX S Y 1\n"
                                "SFX S ь и ь\n"
                                "SFX V Y 1\n"
                                "SFX V ть ли ть\n";
static const char *const SDIC = "5\nрука/A\nсталь/S\nстать/V\nМосква/A\nарт-кафе\n";

typedef struct {
    char s[8][64];
    int n;
} stems;

static void on_stem(void *arg, const char *stem)
{
    stems *x = arg;
    assert_true(x->n < 8 && strlen(stem) < 64);
    strcpy(x->s[x->n++], stem);
}

static int cmp_s(const void *a, const void *b) { return strcmp(a, b); }

/* The table's stems of w, sorted and '|'-joined into out; -1 when it declines. */
static int table_stems(const wordtab *t, const char *w, char *out)
{
    stems x = {.n = 0};
    int n = wordtab_stems(t, w, strlen(w), on_stem, &x);
    out[0] = '\0';
    if (n < 0)
        return -1;
    assert_int_equal(n, x.n);
    qsort(x.s, (size_t)x.n, sizeof x.s[0], cmp_s);
    for (int i = 0; i < x.n; i++)
        strcat(strcat(out, i ? "|" : ""), x.s[i]);
    return n;
}

static void hun_stems(Hunhandle *h, const char *w, char *out)
{
    char **list = NULL;
    stems x = {.n = 0};
    int n = Hunspell_stem(h, &list, w);
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < x.n; j++)
            dup |= !strcmp(x.s[j], list[i]);
        if (!dup)
            on_stem(&x, list[i]);
    }
    if (n > 0)
        Hunspell_free_list(h, &list, n);
    qsort(x.s, (size_t)x.n, sizeof x.s[0], cmp_s);
    out[0] = '\0';
    for (int i = 0; i < x.n; i++)
        strcat(strcat(out, i ? "|" : ""), x.s[i]);
}

static void test_stems(void **st)
{
    (void)st;
    char a2[160], d2[160], got[600], want[600];
    Hunhandle *h;
    wordtab *t = open_both("s", SAFF, SDIC, a2, d2, &h);
    static const char *const answered[] = {"руки", "Руки", "РУКИ", "стали", "Стали", "сталь",
                                           "Москвы", "МОСКВУ", "рука"};
    for (size_t i = 0; i < sizeof answered / sizeof *answered; i++) {
        if (table_stems(t, answered[i], got) <= 0)
            fail_msg("the table declines «%s»", answered[i]);
        hun_stems(h, answered[i], want);
        assert_string_equal(got, want);
    }
    assert_int_equal(table_stems(t, "стали", got), 2);
    assert_string_equal(got, "сталь|стать");
    /* words the table certainly rejects have no stems, as with Hunspell */
    static const char *const none[] = {"ноги", "москвы"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        assert_int_equal(table_stems(t, none[i], got), 0);
        hun_stems(h, none[i], want);
        assert_string_equal(want, "");
    }
    /* beyond the table: Hunspell's to answer */
    assert_int_equal(table_stems(t, "арт-кафе", got), -1); /* a hyphen */
    assert_int_equal(table_stems(t, "РуКи", got), -1);     /* mixed case */
    assert_int_equal(table_stems(NULL, "руки", got), -1);
    Hunspell_destroy(h);
    wordtab_close(t);
}

/* Hunspell accepts a hyphenated word whose parts are words (BREAK, "-" by default);
 * the table does too, unless the .aff turns breaking off. */
static void test_hyphen_break(void **st)
{
    (void)st;
    char a2[160], d2[160], with[512];
    Hunhandle *h;
    wordtab *t = open_both("b", SAFF, SDIC, a2, d2, &h);
    static const char *const yes[] = {"рука-сталь", "Руки-стали", "Руки-Стали", "арт-кафе"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(spell(t, yes[i]) && Hunspell_spell(h, yes[i]));
    /* in capitals Hunspell breaks the lower-cased word: the table leaves it to Hunspell */
    assert_false(spell(t, "РУКУ-СТАЛЬ"));
    assert_false(spell(t, "рука-нога") || Hunspell_spell(h, "рука-нога"));
    assert_false(spell(t, "рука--сталь") || spell(t, "-рука") || spell(t, "рука-"));
    Hunspell_destroy(h);
    wordtab_close(t);
    snprintf(with, sizeof with, "BREAK 0\n%s", SAFF);
    t = open_both("b0", with, SDIC, a2, d2, &h);
    assert_false(spell(t, "рука-сталь") || Hunspell_spell(h, "рука-сталь"));
    Hunspell_destroy(h);
    wordtab_close(t);
}

static int check(const wordtab *t, const char *s) { return wordtab_check(t, s, strlen(s)); }

/* A certain "no" for plain words of a complete table, agreeing with Hunspell; "ask" for
 * the shapes Hunspell has rules of its own for, and for a table that is not complete. */
static void test_certain_no(void **st)
{
    (void)st;
    char a2[160], d2[160], with[512];
    Hunhandle *h;
    wordtab *t = open_both("c", SAFF, SDIC, a2, d2, &h);
    static const char *const no[] = {"ноги", "москвы", "Ноги", "НОГИ", "рука-нога",
                                     "Нога-рука", "рукаа"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        if (check(t, no[i]) != 0)
            fail_msg("not certain of «%s»", no[i]);
        assert_false(Hunspell_spell(h, no[i]));
    }
    assert_int_equal(check(t, "руки"), 1);
    assert_int_equal(check(t, "РуКи"), -1);      /* mixed case */
    assert_int_equal(check(t, "НОГА-РУКА"), -1); /* capitals, broken at the hyphen */
    assert_int_equal(check(t, "рука-нога-рука"), -1);
    assert_int_equal(check(t, "rука"), -1);      /* a Latin letter */
    assert_int_equal(check(t, "ноги2"), -1);
    Hunspell_destroy(h);
    wordtab_close(t);
    /* a hidden stem answers for a Capitalised form: Hunspell's to say */
    t = open_both("q2", QAFF, QDIC, a2, d2, &h);
    assert_int_equal(check(t, "Зазу"), -1);
    assert_int_equal(check(t, "ЗАЗУ"), -1);
    Hunspell_destroy(h);
    wordtab_close(t);
    /* IGNORE characters in the dictionary: no certain "no" at all */
    snprintf(with, sizeof with, "IGNORE \xcc\x81\n%s", SAFF);
    t = open_both("i", with, "2\nру\xcc\x81ка/A\nсталь/S\n", a2, d2, &h);
    assert_int_equal(check(t, "рука"), -1);
    Hunspell_destroy(h);
    wordtab_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_case_rule),
        cmocka_unit_test(test_cache_reused_and_rebuilt),
        cmocka_unit_test(test_unwritable_cache_builds_in_memory),
        cmocka_unit_test(test_refused_dictionaries),
        cmocka_unit_test(test_hunspell_quirks),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_hyphen_break),
        cmocka_unit_test(test_certain_no),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
