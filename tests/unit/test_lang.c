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
    tl_lang l = lang_detect(t, strlen(t), &a, &why);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
