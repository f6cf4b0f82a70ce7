/* test_registry.c - the rule table: one row per tl_rule, ids that map both ways. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "registry.h"

#include <string.h>

static void test_one_row_per_rule(void **st)
{
    (void)st;
    assert_int_equal(tl_rule_count(), TL_RULE_COUNT);
    for (size_t i = 0; i < tl_rule_count(); i++) {
        const tl_rule_info *r = tl_rule_info_get((tl_rule)i);
        assert_non_null(r);
        assert_int_equal(r->rule, (tl_rule)i); /* no row missing in the middle */
        assert_non_null(r->id);
        assert_non_null(r->family);
        assert_non_null(r->summary);
        /* every rule is on by default but term.use, which counts uses for glossary tests
         * and reports */
        assert_true(r->severity > TL_SEV_OFF || r->rule == TL_RULE_TERM_USE);
        tl_rule back;
        assert_int_equal(tl_rule_from_id(r->id, &back), 0);
        assert_int_equal(back, (tl_rule)i);
        assert_string_equal(tl_rule_id((tl_rule)i), r->id);
        assert_true(rule_prec((tl_rule)i) < 99);
    }
    assert_null(tl_rule_info_get(TL_RULE_COUNT));
    assert_string_equal(tl_rule_id(TL_RULE_COUNT), "?");
    tl_rule r;
    assert_int_equal(tl_rule_from_id("no.such-rule", &r), -1);
}

static void test_known_ids(void **st)
{
    (void)st;
    assert_string_equal(tl_rule_id(TL_RULE_TERM_FORBIDDEN), "term.forbidden");
    assert_string_equal(tl_rule_id(TL_RULE_SPELLING_UNKNOWN_NAME), "spelling.unknown-name");
    /* boilerplate > term > doc-code > name > the rest > spelling */
    assert_true(rule_prec(TL_RULE_BOILERPLATE) < rule_prec(TL_RULE_TERM_FORBIDDEN));
    assert_true(rule_prec(TL_RULE_NAME_VARIANT) < rule_prec(TL_RULE_PHRASE_DOUBLED));
    assert_true(rule_prec(TL_RULE_PHRASE_DOUBLED) < rule_prec(TL_RULE_SPELLING));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_row_per_rule),
        cmocka_unit_test(test_known_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
