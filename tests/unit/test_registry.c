/* test_registry.c - the rule table: one row per tl_rule, ids that map both ways;
 * selecting rules by id, prefix or family; "did you mean"; rule options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "registry.h"

#include <stdio.h>
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
        assert_non_null(r->description);
        assert_true(strlen(r->description) > strlen(r->summary));
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

static void test_selectors(void **st)
{
    (void)st;
    assert_true(tl_rule_selects("term.variant", TL_RULE_TERM_VARIANT));
    assert_false(tl_rule_selects("term.variant", TL_RULE_TERM_FORBIDDEN));
    assert_true(tl_rule_selects("typography", TL_RULE_TYPOGRAPHY_QUOTES));
    assert_true(tl_rule_selects("typography.", TL_RULE_TYPOGRAPHY_QUOTES));
    assert_true(tl_rule_selects("spelling", TL_RULE_SPELLING_UNKNOWN_NAME));
    assert_true(tl_rule_selects("langmix", TL_RULE_SCRIPT_MIXED)); /* a family */
    assert_true(tl_rule_selects("terms", TL_RULE_TERM_LITERAL));
    assert_false(tl_rule_selects("term", TL_RULE_NAME_VARIANT));
    assert_false(tl_rule_selects("typo", TL_RULE_TYPOGRAPHY_QUOTES)); /* a word, not a prefix */
    assert_false(tl_rule_selects("", TL_RULE_SPELLING));
    assert_false(tl_rule_selects("spelling", TL_RULE_COUNT));
    /* every id's prefix is known to "did you mean" (id_prefixes in registry.c) */
    for (size_t i = 0; i < TL_RULE_COUNT; i++) {
        const char *id = tl_rule_id((tl_rule)i), *dot = strchr(id, '.');
        char prefix[64];
        if (!dot)
            continue;
        snprintf(prefix, sizeof prefix, "%.*sx", (int)(dot - id), id); /* one edit away */
        const char *best = tl_rule_suggest(prefix);
        assert_non_null(best);
        assert_int_equal(strncmp(best, id, (size_t)(dot - id)), 0);
    }
    assert_string_equal(tl_rule_suggest("speling"), "spelling");
    assert_string_equal(tl_rule_suggest("term.varaint"), "term.variant");
    assert_null(tl_rule_suggest("completely-different"));
}

static void test_options(void **st)
{
    (void)st;
    assert_true(tl_rule_option_count() >= 2);
    for (size_t i = 0; i < tl_rule_option_count(); i++) {
        const tl_rule_option *o = tl_rule_option_at(i);
        assert_non_null(o->summary);
        assert_ptr_equal(rule_option_find(o->rule, o->name), o);
        if (o->default_value)
            assert_null(rule_option_invalid(o, o->default_value));
    }
    assert_null(tl_rule_option_at(tl_rule_option_count()));
    const tl_rule_option *q = rule_option_find(TL_RULE_TYPOGRAPHY_QUOTES, "style");
    assert_non_null(q);
    assert_non_null(rule_option_invalid(q, "curl"));
    rule_opts ro;
    rule_opts_init(&ro);
    assert_string_equal(rule_opts_get(&ro, q), "auto");
    rule_opts_set(&ro, q, "straight");
    assert_int_equal(ro.quotes_style, 2);
    assert_string_equal(rule_opts_get(&ro, q), "straight");
    const tl_rule_option *f = rule_option_find(TL_RULE_DOC_CODE_FORMAT, "format");
    assert_non_null(rule_option_invalid(f, "№ 5"));
    assert_null(rule_option_invalid(f, "№{n}-{code}/{issuer}"));
    const char *names[4];
    assert_int_equal(rule_option_names(TL_RULE_SPELLING, names, 4), 0);
    assert_null(names[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_row_per_rule),
        cmocka_unit_test(test_known_ids),
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
