/* test_sha256.c - the SHA-256 of the HTML pages' Content-Security-Policy hashes
 * (src/app/report/sha256.c, compiled in here: the application's code is not in the
 * library), against FIPS 180-4's examples and the padding boundaries. A wrong hash
 * would make the browser refuse the pages' own style and script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/app/report/sha256.c"

#include <string.h>

static void check(const char *in, size_t len, const char *want)
{
    char out[45];
    sha256_base64(in, len, out);
    assert_string_equal(out, want);
}

static void test_vectors(void **st)
{
    (void)st;
    check("", 0, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    check("abc", 3, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check(two, strlen(two), "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
}

/* 55, 56 and 64 bytes: one or two blocks of padding */
static void test_padding(void **st)
{
    (void)st;
    char a[200];
    memset(a, 'a', sizeof a);
    check(a, 55, "n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg=");
    check(a, 56, "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o=");
    check(a, 64, "/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs=");
    check(a, 100, "KBZZeIjkoNOja4K4MxarMmgOuPAPjNO5BNaBJG0oWg4=");
    check(a, 200, "wqkI2Y9d+Yet5BtfziEwZ++8wh7yJAISpB5UtefCiuU=");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_padding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
