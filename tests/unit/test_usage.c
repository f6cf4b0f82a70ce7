/* test_usage.c - what terminology reports read from the library: the glossary form
 * and kind a finding is at (tl_finding.term, term_kind), term.use observing without
 * changing any other finding, and tl_glossary_terms_get. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "termlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GLOSSARY "tests/fixtures/report/glossary.yaml"

static const char text[] = "Министр финансов выступил в городском совете.\n"
                           "Финансовый министр и глава Минфина пришли в горсовет.\n"
                           "Министр финансов снова выступил в городском совете.\n";

static tl_ctx *new_ctx(int term_use)
{
    static const char *const glossaries[] = {GLOSSARY, NULL};
    static const char *const on[] = {"term.use=info", NULL};
    tl_options o;
    tl_options_init(&o);
    o.lang = TL_LANG_RU;
    o.data_dir = "glossaries";
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    o.glossaries = glossaries;
    o.severity_overrides = term_use ? on : NULL;
    tl_ctx *c = NULL;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    return c;
}

/* The findings of `text` as "rule@offset:term/kind[also...]" lines, term.use left out
 * when `skip_use`. */
static void describe(tl_ctx *c, int skip_use, char *out, size_t cap)
{
    tl_result *r = NULL;
    assert_int_equal(tl_check(c, "t", text, strlen(text), &r), TL_OK);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        if (skip_use && f->rule == TL_RULE_TERM_USE)
            continue;
        n += (size_t)snprintf(out + n, cap - n, "%s@%llu:%s/%s[", tl_rule_id(f->rule),
                              (unsigned long long)f->offset, f->term ? f->term : "-",
                              tl_term_kind_str(f->term_kind));
        for (size_t k = 0; k < f->nalso; k++)
            n += (size_t)snprintf(out + n, cap - n, " %s", tl_rule_id(f->also[k]));
        n += (size_t)snprintf(out + n, cap - n, "]\n");
    }
    tl_result_free(r);
}

/* Switching term.use on adds its findings and changes no other finding, not even
 * their `also`. */
static void test_term_use_only_observes(void **st)
{
    (void)st;
    tl_ctx *off = new_ctx(0), *on = new_ctx(1);
    char a[4096], b[4096];
    describe(off, 0, a, sizeof a);
    describe(on, 1, b, sizeof b);
    assert_string_equal(a, b);
    assert_null(strstr(b, "term.use"));
    tl_ctx_free(off);
    tl_ctx_free(on);
}

/* Each kind of glossary form, as findings carry it. */
static void test_term_and_kind(void **st)
{
    (void)st;
    tl_ctx *c = new_ctx(1);
    char d[4096];
    describe(c, 0, d, sizeof d);
    assert_non_null(strstr(d, "term.use@0:министр финансов/canonical["));
    assert_non_null(strstr(d, ":финансовый министр/forbidden["));
    assert_non_null(strstr(d, ":глава Минфина/variant["));
    assert_non_null(strstr(d, ":горсовет/short["));
    assert_non_null(strstr(d, ":городской совет/canonical["));
    /* a finding of another family carries none */
    assert_null(strstr(d, "-/canonical"));
    tl_ctx_free(c);
}

typedef struct {
    size_t n, by_kind[6];
    int saw_literal;
} terms_seen;

static int row(void *arg, const tl_glossary_term *t)
{
    terms_seen *s = arg;
    s->n++;
    s->by_kind[t->kind]++;
    if (t->kind == TL_TERM_LITERAL)
        s->saw_literal = !strcmp(t->concept, "city-council") && t->lang == TL_LANG_UK &&
                         !strcmp(t->text, "міський совєт");
    return 0;
}

static void test_glossary_terms(void **st)
{
    (void)st;
    const char *paths[] = {GLOSSARY};
    terms_seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(tl_glossary_terms_get(paths, 1, row, &s, NULL), TL_OK);
    assert_int_equal(s.n, 19);
    assert_int_equal(s.by_kind[TL_TERM_CANONICAL], 8);
    assert_int_equal(s.by_kind[TL_TERM_SHORT], 2);
    assert_int_equal(s.by_kind[TL_TERM_LITERAL], 1);
    assert_true(s.saw_literal);
    assert_string_equal(tl_term_kind_str(TL_TERM_FORBIDDEN), "forbidden");
    assert_string_equal(tl_term_kind_str((tl_term_kind)99), "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_term_use_only_observes),
        cmocka_unit_test(test_term_and_kind),
        cmocka_unit_test(test_glossary_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
