/* test_check.c - the public API end to end with the Debian dictionaries: spelling,
 * the tokens that must not be flagged, encoding errors, threads' clones, and every
 * allocation failing in turn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "termlint.h"
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The word-form tables' folder: the test run's (tests/run-all.sh), else none, and the
 * tables are compiled in memory for every context. */
static const char *cache_dir(void) { return getenv("TERMLINT_CACHE_DIR"); }

static tl_ctx *new_ctx(tl_lang lang)
{
    tl_options o;
    tl_options_init(&o);
    o.lang = lang;
    o.data_dir = "glossaries";
    o.cache_dir = cache_dir();
    tl_ctx *c = NULL;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    return c;
}

/* Findings of `rule` in `text`, as "text|text|..." */
static void findings(tl_ctx *c, const char *text, const char *rule, char *out, size_t cap)
{
    tl_result *r = NULL;
    tl_status st = tl_check(c, "t", text, strlen(text), &r);
    assert_true(st == TL_OK || st == TL_ERR_ENCODING);
    out[0] = '\0';
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (strcmp(tl_rule_id(f->rule), rule))
            continue;
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? "|" : "", f->text);
    }
    tl_result_free(r);
}

static void test_misspellings(void **st)
{
    (void)st;
    char got[512];
    tl_ctx *ru = new_ctx(TL_LANG_RU), *uk = new_ctx(TL_LANG_UK);
    findings(ru, "Это всеобъемлющесть политики.", "spelling", got, sizeof got);
    assert_string_equal(got, "всеобъемлющесть");
    findings(uk, "Треба чтко визначити завдання.", "spelling", got, sizeof got);
    assert_string_equal(got, "чтко");
    tl_ctx_free(ru);
    tl_ctx_free(uk);
}

/* The first suggestion for the first `spelling` finding of `text`, or "" when none. */
static void first_suggestion(tl_ctx *c, const char *text, char *out, size_t cap)
{
    tl_result *r = NULL;
    assert_int_equal(tl_check(c, "t", text, strlen(text), &r), TL_OK);
    out[0] = '\0';
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (f->rule == TL_RULE_SPELLING) {
            if (f->nsuggestions)
                snprintf(out, cap, "%s", f->suggestions[0]);
            break;
        }
    }
    tl_result_free(r);
}

/* «всеобъемлющесть» is two edits from «всеобъемлемость»: only Hunspell's full engine
 * finds it, and that runs for article-sized texts only (20,000 words). */
static void test_slow_suggestions_for_articles_only(void **st)
{
    (void)st;
    char got[128];
    const char *typo = "Это всеобъемлющесть политики. ";
    const char *filler = "Делегаты обсудили доклад. "; /* 3 words */
    tl_buf b;
    tl_buf_init(&b, 0);
    tl_buf_adds(&b, typo);
    for (int i = 0; i < 6600; i++) /* 3 + 19,800 words */
        tl_buf_adds(&b, filler);
    tl_ctx *ru = new_ctx(TL_LANG_RU);
    first_suggestion(ru, b.data, got, sizeof got);
    assert_string_equal(got, "всеобъемлемость");
    tl_ctx_free(ru);
    for (int i = 0; i < 100; i++) /* now over 20,000 words */
        tl_buf_adds(&b, filler);
    ru = new_ctx(TL_LANG_RU);
    first_suggestion(ru, b.data, got, sizeof got);
    assert_string_equal(got, "");
    tl_ctx_free(ru);
    tl_options o;
    tl_options_init(&o);
    o.lang = TL_LANG_RU;
    o.data_dir = "glossaries";
    o.suggest_limit = -1; /* --suggest all */
    assert_int_equal(tl_ctx_new(&o, &ru, NULL), TL_OK);
    first_suggestion(ru, b.data, got, sizeof got);
    assert_string_equal(got, "всеобъемлемость");
    tl_ctx_free(ru);
    tl_buf_release(&b);
}

static void test_not_misspellings(void **st)
{
    (void)st;
    char got[512];
    tl_ctx *ru = new_ctx(TL_LANG_RU);
    const char *text =
        "Решение № 18-NQ/TW принято 13-м съездом, 12-го числа, в 2020-2025 годах. "
        "XIV съезд и Департамент II работали. Пишите на press@example.org или "
        "https://example.org/новости/статья. ЦК КПВ и НС одобрили план. "
        "Северо-западный район, Ханой-Хайфон. Ensure the text.";
    findings(ru, text, "spelling", got, sizeof got);
    assert_string_equal(got, "");
    tl_ctx_free(ru);
}

static void test_names_are_info(void **st)
{
    (void)st;
    char got[512];
    tl_ctx *ru = new_ctx(TL_LANG_RU);
    /* mid-sentence unknown capitalised words are names; a sentence-initial typo is not */
    findings(ru, "Вчера товарищ Тханг посетил Куангнинь. Всеобъемлющесть важна.",
             "spelling.unknown-name", got, sizeof got);
    assert_string_equal(got, "Тханг|Куангнинь");
    findings(ru, "Вчера товарищ Тханг посетил Куангнинь. Всеобъемлющесть важна.", "spelling",
             got, sizeof got);
    assert_string_equal(got, "Всеобъемлющесть");
    /* a sentence-initial name seen elsewhere mid-sentence is a name */
    findings(ru, "Тханг приехал. Встречал его товарищ Тханг.", "spelling", got, sizeof got);
    assert_string_equal(got, "");
    /* a word on an all-capitals line is spelled in lower case */
    findings(ru, "НОВОСТИ ПАРТИИ СЕГОДНЯ ВСЕОБЪЕМЛЮЩЕСТЬ\n", "spelling", got, sizeof got);
    assert_string_equal(got, "ВСЕОБЪЕМЛЮЩЕСТЬ");
    tl_ctx_free(ru);
}

static void test_encoding_error_keeps_checking(void **st)
{
    (void)st;
    tl_ctx *ru = new_ctx(TL_LANG_RU);
    const char text[] = "Первая строка.\nВторая \xD0 строка и ошибкка.\n\0конец";
    tl_result *r = NULL;
    assert_int_equal(tl_check(ru, "t", text, sizeof text - 1, &r), TL_ERR_ENCODING);
    assert_non_null(r);
    int enc = 0, spell = 0;
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (f->rule == TL_RULE_ENCODING) {
            enc++;
            if (enc == 1) {
                assert_int_equal(f->line, 2);
                assert_int_equal(f->col, 8);
                assert_int_equal(f->offset, strlen("Первая строка.\nВторая "));
            }
        }
        spell += f->rule == TL_RULE_SPELLING;
    }
    assert_int_equal(enc, 2);
    assert_int_equal(spell, 1); /* the rest of the file was still checked */
    tl_result_free(r);
    tl_ctx_free(ru);
}

static void test_empty_and_clone(void **st)
{
    (void)st;
    tl_ctx *ru = new_ctx(TL_LANG_AUTO), *cl = NULL;
    tl_result *r = NULL;
    assert_int_equal(tl_check(ru, "e", "", 0, &r), TL_OK);
    assert_int_equal(tl_result_count(r), 0);
    tl_result_free(r);
    assert_int_equal(tl_ctx_clone(ru, &cl), TL_OK);
    char got[256];
    findings(cl, "Ошибкка тут.", "spelling", got, sizeof got);
    assert_string_equal(got, "Ошибкка");
    tl_ctx_free(cl);
    tl_ctx_free(ru);
}

/* Makes the Nth allocation fail for N = 0, 1, 2, ... until a run completes: every path
 * must return TL_ERR_NOMEM (or succeed), never crash or leak (ASan checks leaks). */
static void test_allocation_failures(void **st)
{
    (void)st;
    const char *text = "Вчера Тханг и ошибкка. Постановление № 24-QD/TW.";
    for (long n = 0; n < 100000; n++) {
        tl_options o;
        tl_options_init(&o);
        o.lang = TL_LANG_RU;
        o.data_dir = "glossaries";
        o.cache_dir = cache_dir();
        o.suggest_limit = 0;
        tl_ctx *c = NULL;
        tl_alloc_fail_after(n);
        tl_status s = tl_ctx_new(&o, &c, NULL);
        tl_result *r = NULL;
        tl_status s2 = s == TL_OK ? tl_check(c, "t", text, strlen(text), &r) : s;
        tl_alloc_fail_after(-1);
        assert_true(s == TL_OK || s == TL_ERR_NOMEM);
        assert_true(s2 == TL_OK || s2 == TL_ERR_NOMEM || s2 == TL_ERR_DICTIONARY);
        tl_result_free(r);
        tl_ctx_free(c);
        if (s == TL_OK && s2 == TL_OK)
            return;
    }
    fail_msg("never completed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_misspellings),
        cmocka_unit_test(test_slow_suggestions_for_articles_only),
        cmocka_unit_test(test_not_misspellings),
        cmocka_unit_test(test_names_are_info),
        cmocka_unit_test(test_encoding_error_keeps_checking),
        cmocka_unit_test(test_empty_and_clone),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
