/* test_norm.c - matching keys: case, ё, apostrophes, NFC, soft hyphen, stress. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base.h"
#include "norm.h"

#include <string.h>

static void check(const char *in, int yo, const char *want)
{
    tl_buf b;
    tl_buf_init(&b, 0);
    assert_int_equal(norm_key(&b, in, strlen(in), yo), 0);
    assert_string_equal(b.data, want);
    tl_buf_release(&b);
}

static void test_case_and_yo(void **st)
{
    (void)st;
    check("ЦЕНТРАЛЬНЫЙ Комитет", 1, "центральный комитет");
    check("Всё ЁЛКА", 1, "все елка");
    check("Всё", 0, "всё"); /* Ukrainian keys keep ё apart */
    check("ҐРУНТ Їжак Єдність І", 0, "ґрунт їжак єдність і");
}

static void test_apostrophes(void **st)
{
    (void)st;
    check("з’їзд", 0, "з'їзд");
    check("зʼїзд", 0, "з'їзд");
    check("З'ЇЗД", 0, "з'їзд");
}

static void test_nfc_soft_hyphen_stress(void **st)
{
    (void)st;
    check("и\xCC\x86", 1, "й");              /* и + combining breve -> й */
    check("сло\xC2\xADво", 1, "слово");      /* soft hyphen */
    check("сло\xCC\x81во", 1, "слово");      /* combining acute (stress mark) */
    check("Ӏ", 1, "ӏ");                      /* outside the fast path: ICU folds */
    check("Straße", 1, "strasse");
}

static void test_fast_path_matches_icu(void **st)
{
    (void)st;
    /* every Cyrillic letter the fast path folds must fold as ICU does */
    for (uint32_t c = 0x400; c <= 0x45F; c++) {
        char in[8];
        size_t n = utf8_encode(c, in);
        in[n] = '\0';
        tl_buf fast;
        tl_buf_init(&fast, 0);
        assert_int_equal(norm_key(&fast, in, n, 0), 0);
        /* force the ICU path by appending a character the fast path does not handle */
        char in2[16];
        memcpy(in2, in, n);
        memcpy(in2 + n, "\xD3\x80", 3); /* U+04C0 */
        tl_buf slow;
        tl_buf_init(&slow, 0);
        assert_int_equal(norm_key(&slow, in2, n + 2, 0), 0);
        assert_true(slow.len >= fast.len);
        assert_memory_equal(slow.data, fast.data, fast.len);
        tl_buf_release(&fast);
        tl_buf_release(&slow);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_and_yo),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_nfc_soft_hyphen_stress),
        cmocka_unit_test(test_fast_path_matches_icu),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
