/* test_linefp.c - line fingerprints and their counts across a run's texts (linefp.c):
 * what counts as one line, which lines get no fingerprint, counting each text once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base.h"
#include "linefp.h"

#include <string.h>

static uint64_t fp(const char *s) { return linefp_line(s, strlen(s)); }

/* Case, white space, invisible characters and the figures themselves do not matter. */
static void test_same_line(void **st)
{
    (void)st;
    uint64_t a = fp("Комментарий (3)");
    assert_true(a != 0);
    assert_true(a == fp("  КОММЕНТАРИЙ   (12) "));
    assert_true(a == fp("\xEF\xBB\xBF" "комментарий\t(0)")); /* a BOM */
    assert_true(fp("Вести по\xC2\xADбережья") == fp("вести побережья")); /* soft hyphen */
    assert_true(a != fp("Комментарий 3"));
    assert_true(a != fp("Комментарии (3)"));
}

/* Blank lines, lines of punctuation and long prose get no fingerprint; figures alone
 * (a counter) and short lines ending with a full stop do. */
static void test_no_fingerprint(void **st)
{
    (void)st;
    assert_true(fp("") == 0);
    assert_true(fp(" \t ") == 0);
    assert_true(fp("***") == 0);
    assert_true(fp("|") == 0);
    assert_true(fp("283 032") != 0);
    assert_true(fp("Все права защищены.") != 0);
    /* eight words and a full stop: a sentence */
    assert_true(fp("Правительство провело заседание и обсудило план развития региона.") == 0);
    assert_true(fp("Правительство провело заседание и обсудило план развития региона") != 0);
    char longer[400];
    size_t n = 0;
    for (int i = 0; i < LINEFP_PROSE_WORDS + 1; i++) {
        memcpy(longer + n, "слово ", 11);
        n += 11;
    }
    assert_true(linefp_line(longer, n) == 0);
    assert_true(linefp_line(longer, 11 * LINEFP_PROSE_WORDS) != 0);
    char wide[LINEFP_PROSE_BYTES + 1];
    memset(wide, 'a', sizeof wide); /* one word, but longer than a line of furniture */
    assert_true(linefp_line(wide, sizeof wide) == 0);
    assert_true(linefp_line(wide, sizeof wide - 1) != 0);
    assert_true(linefp_line("\xFF\xFE ab", 5) != 0); /* invalid bytes are part of it */
}

static void test_counts(void **st)
{
    (void)st;
    linefp_counts c;
    linefp_counts_init(&c);
    assert_int_equal(linefp_counts_get(&c, 42), 0);
    for (uint32_t doc = 0; doc < 5; doc++) {
        assert_int_equal(linefp_counts_add(&c, 42, doc), 0);
        assert_int_equal(linefp_counts_add(&c, 42, doc), 0); /* twice in a text: once */
        if (doc < 2)
            assert_int_equal(linefp_counts_add(&c, 7, doc), 0);
    }
    for (uint64_t v = 100; v < 5000; v++) /* growth */
        assert_int_equal(linefp_counts_add(&c, v, 9), 0);
    assert_int_equal(linefp_counts_get(&c, 42), 5);
    assert_int_equal(linefp_counts_get(&c, 7), 2);
    assert_int_equal(linefp_counts_get(&c, 4999), 1);
    assert_int_equal(linefp_counts_keep(&c, 2), 0);
    assert_int_equal(c.count, 2);
    assert_int_equal(linefp_counts_get(&c, 42), 5);
    assert_int_equal(linefp_counts_get(&c, 7), 2);
    assert_int_equal(linefp_counts_get(&c, 4999), 0);
    assert_int_equal(linefp_counts_keep(&c, 3), 0);
    assert_int_equal(linefp_counts_get(&c, 7), 0);
    assert_int_equal(linefp_counts_get(&c, 42), 5);
    linefp_counts_release(&c);
    linefp_counts_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_line),
        cmocka_unit_test(test_no_fingerprint),
        cmocka_unit_test(test_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
