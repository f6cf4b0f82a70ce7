/* test_textclass.c - the one definition of spaces, invisible code points, apostrophes
 * and word splitting (textclass.c), and the array growth helper (alloc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base.h"
#include "textclass.h"

#include <string.h>

static void test_spaces(void **st)
{
    (void)st;
    static const uint32_t space[] = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680,
                                     0x2000, 0x2007, 0x200A, 0x2028, 0x2029, 0x202F,
                                     0x205F, 0x3000, 0xFEFF};
    for (size_t i = 0; i < sizeof space / sizeof *space; i++)
        assert_true(tc_space(space[i]));
    static const uint32_t other[] = {'a', '-', 0xAD, 0x301, 0x200B, 0x2019, 0x430};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        assert_false(tc_space(other[i]));
    assert_true(tc_invisible(0xAD));
    assert_true(tc_invisible(0x301));
    assert_false(tc_invisible(' '));
    assert_true(tc_apostrophe(0x2BC));
    assert_true(tc_apostrophe('\''));
    assert_false(tc_apostrophe('"'));
}

static void test_blank(void **st)
{
    (void)st;
    assert_true(tc_blank("", 0));
    assert_true(tc_blank(" \xC2\xA0\xC2\xAD\t", 6));
    assert_false(tc_blank(" x ", 3));
    assert_true(tc_all_space(" \xC2\xA0", 3));
    assert_false(tc_all_space(" \xC2\xAD", 3)); /* a soft hyphen is not a space */
    assert_int_equal(tc_space_len("\xE2\x80\x89x", 4), 3);
    assert_int_equal(tc_space_len("x", 1), 0);
}

/* Words split at white space (any kind), never at a soft hyphen; `also` adds bytes. */
static void test_words(void **st)
{
    (void)st;
    const char *s = " Центр\xC2\xAD""альный\xC2\xA0комитет-КПВ\t";
    size_t len = strlen(s), i = 0, start, n;
    const char *want[] = {"Центр\xC2\xAD""альный", "комитет-КПВ"};
    for (int k = 0; k < 2; k++) {
        n = tc_next_word(s, len, &i, NULL, &start);
        assert_int_equal(n, strlen(want[k]));
        assert_memory_equal(s + start, want[k], n);
    }
    assert_int_equal(tc_next_word(s, len, &i, NULL, &start), 0);
    i = 0;
    int words = 0;
    while (tc_next_word(s, len, &i, "-", &start) > 0)
        words++;
    assert_int_equal(words, 3);
}

static void test_grow(void **st)
{
    (void)st;
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(TL_GROW(v, n, cap, 4), 0);
        v[n++] = i;
    }
    assert_true(cap >= 1000);
    assert_int_equal(v[999], 999);
    tl_alloc_fail_after(0);
    size_t full = cap;
    n = cap;
    assert_int_equal(TL_GROW(v, n, cap, 4), -1);
    assert_int_equal(cap, full);
    tl_alloc_fail_after(-1);
    tl_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_blank),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_grow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
