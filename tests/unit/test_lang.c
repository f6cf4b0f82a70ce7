/* test_lang.c - language detection, including machine-translated text of mixed quality. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lang.h"

#include <string.h>

static tl_lang detect(const char *t)
{
    tl_arena a;
    tl_arena_init(&a);
    const char *why = NULL;
    tl_lang l = lang_detect(t, strlen(t), NULL, &a, &why);
    assert_non_null(why);
    tl_arena_release(&a);
    return l;
}

static void test_plain(void **st)
{
    (void)st;
    assert_int_equal(detect("Съезд партии открылся в Ханое, и это было важно."), TL_LANG_RU);
    assert_int_equal(detect("З'їзд партії відкрився в Ханої, і це було важливо."), TL_LANG_UK);
}

static void test_mixed_quality(void **st)
{
    (void)st;
    /* Ukrainian MT text with a stray Russian word and letters */
    assert_int_equal(detect("Провінційний комітет партії чтко визначив завдання, который "
                            "він виконує. Це важливо для всіх членів партії."),
                     TL_LANG_UK);
    /* Russian text quoting a Ukrainian name */
    assert_int_equal(detect("Товарищ Іван выступил на конференции, и делегаты его "
                            "поддержали. Это было решено."),
                     TL_LANG_RU);
    /* upper case counts too */
    assert_int_equal(detect("ЦЕНТРАЛЬНИЙ КОМІТЕТ ПАРТІЇ ВИЗНАЧИВ ЗАВДАННЯ"), TL_LANG_UK);
}

/* A stand-in for the dictionaries: a few words of each language. */
static int fake_known(void *arg, tl_lang lang, const char *word)
{
    (void)arg;
    static const char *const uk[] = {"затвердив", "програму", "розвитку", "план", NULL};
    static const char *const ru[] = {"утвердил", "программу", "развития", "план", NULL};
    for (const char *const *p = lang == TL_LANG_UK ? uk : ru; *p; p++)
        if (strcmp(*p, word) == 0)
            return 1;
    return 0;
}

static tl_lang detect_with(const char *t, const lang_hints *h, const char **why_out,
                           tl_arena *a)
{
    const char *why = NULL;
    tl_lang l = lang_detect(t, strlen(t), h, a, &why);
    assert_non_null(why);
    *why_out = why;
    return l;
}

static void test_short_text_dictionaries(void **st)
{
    (void)st;
    tl_arena a;
    tl_arena_init(&a);
    lang_hints h = {{NULL, NULL, NULL}, fake_known, NULL};
    const char *why;
    /* no letter or function word of either language: the dictionaries decide */
    assert_int_equal(detect_with("Уряд затвердив програму розвитку.", &h, &why, &a), TL_LANG_UK);
    assert_non_null(strstr(why, "dictionaries"));
    assert_int_equal(detect_with("Правительство утвердил программу развития.", &h, &why, &a),
                     TL_LANG_RU);
    /* letters decide a longer text: the dictionaries are not asked */
    assert_int_equal(detect_with("Це рішення ухвалили всі члени комісії, і його виконають у "
                                 "визначені строки з дотриманням вимог.",
                                 &h, &why, &a),
                     TL_LANG_UK);
    assert_null(strstr(why, "dictionaries"));
    tl_arena_release(&a);
}

static void test_word_lists(void **st)
{
    (void)st;
    tl_arena a;
    tl_arena_init(&a);
    tl_map uk;
    tl_map_init(&uk);
    char key[64];
    size_t n = lang_key(key, sizeof key, "Затвердив", strlen("Затвердив"));
    assert_true(n > 0);
    assert_non_null(tl_map_put(&uk, key, n, (void *)1));
    lang_hints h = {{NULL, NULL, &uk}, NULL, NULL};
    const char *why;
    assert_int_equal(detect_with("Уряд затвердив програму розвитку.", &h, &why, &a), TL_LANG_UK);
    assert_non_null(strstr(why, "listed words: 1 Ukrainian-only"));
    tl_map_release(&uk);
    tl_arena_release(&a);
}

static void test_no_evidence(void **st)
{
    (void)st;
    assert_int_equal(detect(""), TL_LANG_RU);
    assert_int_equal(detect("Hello world 2025"), TL_LANG_RU);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_mixed_quality),
        cmocka_unit_test(test_no_evidence),
        cmocka_unit_test(test_short_text_dictionaries),
        cmocka_unit_test(test_word_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
