/* test_source.c - stage 1: UTF-8 validation, BOM, line ends, positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "source.h"

#include <string.h>

static void pos(const tl_source *s, size_t off, unsigned *l, unsigned *c)
{
    source_linecol(s, NULL, off, l, c);
}

static void test_clean_text_is_borrowed(void **st)
{
    (void)st;
    const char *t = "один\nдва\n";
    tl_source s;
    assert_int_equal(source_init(&s, t, strlen(t)), TL_OK);
    assert_ptr_equal(s.text, t);
    assert_int_equal(s.nbad, 0);
    assert_int_equal(s.nlines, 3);
    unsigned l, c;
    pos(&s, strlen("один\nд"), &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 2); /* columns count code points, not bytes */
    source_release(&s);
}

static void test_crlf_and_cr(void **st)
{
    (void)st;
    const char *t = "a\r\nb\rc\nd";
    tl_source s;
    assert_int_equal(source_init(&s, t, strlen(t)), TL_OK);
    assert_int_equal(s.nlines, 4);
    unsigned l, c;
    pos(&s, 7, &l, &c); /* 'd' */
    assert_int_equal(l, 4);
    assert_int_equal(c, 1);
    assert_int_equal(source_line_end(&s, 0), 1);
    source_release(&s);
}

static void test_bom_not_a_column(void **st)
{
    (void)st;
    const char *t = "\xEF\xBB\xBFслово";
    tl_source s;
    assert_int_equal(source_init(&s, t, strlen(t)), TL_OK);
    assert_int_equal(s.start, 3);
    unsigned l, c;
    pos(&s, 3, &l, &c);
    assert_int_equal(c, 1);
    source_release(&s);
}

static void test_invalid_utf8_and_nul(void **st)
{
    (void)st;
    const char t[] = "ок\n\xD0 x\xC0\xAF y\0z\xED\xA0\x80!";
    size_t len = sizeof t - 1;
    tl_source s;
    assert_int_equal(source_init(&s, t, len), TL_OK);
    assert_int_equal(s.nbad, 4); /* truncated, overlong, NUL, surrogate */
    assert_ptr_not_equal(s.text, t);
    assert_int_equal(s.bad[0].off, 5);
    assert_int_equal(s.bad[1].off, 8);
    assert_int_equal(s.bad[1].len, 2);
    assert_true(s.bad[2].nul);
    /* bad bytes become spaces in the private copy, offsets unchanged */
    assert_int_equal(s.text[5], ' ');
    assert_int_equal(memcmp(t, "ок", 4), 0); /* the input itself untouched */
    assert_int_equal(t[5], '\xD0');
    unsigned l, c;
    pos(&s, 8, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 4);
    source_release(&s);
}

static void test_empty(void **st)
{
    (void)st;
    tl_source s;
    assert_int_equal(source_init(&s, "", 0), TL_OK);
    assert_int_equal(s.nlines, 1);
    source_release(&s);
}

static void test_cursor_matches_fresh_lookup(void **st)
{
    (void)st;
    const char *t = "Привет мир\nещё одна строка с текстом\n";
    tl_source s;
    assert_int_equal(source_init(&s, t, strlen(t)), TL_OK);
    tl_source_pos cur;
    source_pos_init(&cur);
    for (size_t off = 0; off <= strlen(t); off++) {
        if (((unsigned char)t[off] & 0xC0) == 0x80)
            continue;
        unsigned l1, c1, l2, c2;
        source_linecol(&s, &cur, off, &l1, &c1);
        pos(&s, off, &l2, &c2);
        assert_int_equal(l1, l2);
        assert_int_equal(c1, c2);
    }
    source_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_text_is_borrowed), cmocka_unit_test(test_crlf_and_cr),
        cmocka_unit_test(test_bom_not_a_column),       cmocka_unit_test(test_invalid_utf8_and_nul),
        cmocka_unit_test(test_empty),                  cmocka_unit_test(test_cursor_matches_fresh_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
