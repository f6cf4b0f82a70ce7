/* test_fingerprint.c - a finding's fingerprint (fingerprint.c): the same when lines are
 * added above or the line changes away from the finding, different when its rule, its
 * text or the words next to it change; and through tl_check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fingerprint.h"
#include "termlint.h"

#include <stdlib.h>
#include <string.h>

/* The fingerprint of the first occurrence of `span` in `text`. */
static const char *fp(const char *text, const char *span, const char *rule)
{
    static char out[4][17];
    static int k;
    const char *p = strstr(text, span);
    assert_non_null(p);
    k = (k + 1) % 4;
    fingerprint_of(text, strlen(text), (size_t)(p - text), strlen(span), rule, out[k]);
    assert_int_equal(strlen(out[k]), 16);
    return out[k];
}

static void test_stable_and_distinct(void **st)
{
    (void)st;
    const char *a = "Первая строка.\nМы видим ошибкку в этой фразе сегодня утром.\n";
    const char *b = "Новая строка сверху.\n\nПервая строка.\n"
                    "Мы видим ошибкку в этой фразе сегодня утром.\n";
    const char *far = "Первая строка.\nМы видим ошибкку в этой фразе вечером, а потом другое.\n";
    const char *near = "Первая строка.\nМы нашли ошибкку в этой фразе сегодня утром.\n";
    const char *spaced = "Первая строка.\nМы  видим\tошибкку в  этой фразе сегодня утром.\n";
    char base[17];
    strcpy(base, fp(a, "ошибкку", "spelling"));
    assert_string_equal(fp(b, "ошибкку", "spelling"), base);      /* lines added above */
    assert_string_equal(fp(far, "ошибкку", "spelling"), base);    /* the line's end */
    assert_string_equal(fp(spaced, "ошибкку", "spelling"), base); /* blanks */
    assert_string_not_equal(fp(near, "ошибкку", "spelling"), base); /* a word before */
    assert_string_not_equal(fp(a, "ошибкку", "lang.mixed"), base);  /* the rule */
    assert_string_not_equal(fp(a, "ошибкку в", "spelling"), base);  /* the span */
    /* at the edges of the text, and a span reaching past it, stay in bounds */
    char edge[17];
    fingerprint_of("x", 1, 0, 5, "spelling", edge);
    fingerprint_of("x", 1, 7, 5, "spelling", edge);
    fingerprint_of("", 0, 0, 0, "spelling", edge);
}

static void test_in_results(void **st)
{
    (void)st;
    tl_options o;
    tl_options_init(&o);
    o.data_dir = "glossaries";
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    o.lang = TL_LANG_RU;
    o.suggest_limit = 0;
    tl_ctx *c;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    const char *t1 = "Здесь ошибкка.\n", *t2 = "Строка.\nЕщё строка.\nЗдесь ошибкка.\n";
    tl_result *r1, *r2;
    assert_int_equal(tl_check(c, "a", t1, strlen(t1), &r1), TL_OK);
    assert_int_equal(tl_check(c, "b", t2, strlen(t2), &r2), TL_OK);
    assert_int_equal(tl_result_count(r1), 1);
    assert_int_equal(tl_result_count(r2), 1);
    assert_string_equal(tl_result_at(r1, 0)->fingerprint, tl_result_at(r2, 0)->fingerprint);
    assert_int_not_equal(tl_result_at(r1, 0)->line, tl_result_at(r2, 0)->line);
    tl_result_free(r1);
    tl_result_free(r2);
    tl_ctx_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stable_and_distinct),
        cmocka_unit_test(test_in_results),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
