/* test_config.c - configuration files (data/config_file.c, core/config.c): every key
 * read, paths resolved against the file's folder, and each kind of error with its
 * file:line:col and a "did you mean". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "termlint.h"

#include <stdio.h>
#include <string.h>

static const char *const formats[] = {"text", "json", "sarif", NULL};

static void test_every_key(void **st)
{
    (void)st;
    tl_diags *d = tl_diags_new();
    tl_config *c;
    assert_int_equal(tl_config_load("tests/fixtures/config/full.yaml", formats, &c, d), TL_OK);
    assert_int_equal(tl_diags_count(d), 0);
    assert_string_equal(c->dir, "tests/fixtures/config");
    assert_string_equal(c->glossaries[0], "default");
    assert_string_equal(c->glossaries[1], "tests/fixtures/config/g.yaml");
    assert_null(c->glossaries[2]);
    assert_string_equal(c->word_lists[0], "tests/fixtures/config/words.txt");
    assert_string_equal(c->accept[1], "Тхань");
    assert_string_equal(c->reject[0], "Всекитайский съезд");
    assert_string_equal(c->exclude[0], "drafts/**");
    assert_true(c->has_lang && c->lang == TL_LANG_RU);
    assert_true(c->has_fail_on && c->fail_on == TL_SEV_ERROR);
    assert_true(c->has_max_warnings && c->max_warnings == 10);
    assert_true(c->has_consistency && c->consistency_run);
    assert_true(c->has_suggest && c->suggest == -1);
    assert_string_equal(c->format, "json");
    assert_true(c->has_report_unused_disables && c->report_unused_disables);
    assert_string_equal(c->baseline, "tests/fixtures/config/.termlint-baseline.json");
    assert_int_equal(c->nrules, 4);
    assert_string_equal(c->rules[0].rule, "spelling.unknown-name");
    assert_true(c->rules[0].has_severity && c->rules[0].severity == TL_SEV_OFF);
    assert_int_equal(c->rules[0].line, 10);
    assert_int_equal(c->rules[0].col, 3);
    assert_string_equal(c->rules[2].options[0], "typography.quotes:style=guillemets");
    assert_false(c->rules[3].has_severity);
    assert_string_equal(c->rules[3].options[0], "doc-code.format:format=№{n}-{code}/{issuer}");
    assert_int_equal(c->noverrides, 2);
    assert_string_equal(c->overrides[0].files[0], "news/uk/**");
    assert_true(c->overrides[0].has_lang && c->overrides[0].lang == TL_LANG_UK);
    assert_int_equal(c->overrides[0].nrules, 2);
    assert_string_equal(c->overrides[1].files[1], "old/*.md");
    assert_string_equal(c->overrides[1].rules[0].rule, "terms");
    tl_config_free(c);
    tl_diags_free(d);
}

/* Loads `yaml` and returns its diagnostics as "line:col: message" lines. */
static tl_status load(const char *yaml, char *out, size_t cap)
{
    tl_diags *d = tl_diags_new();
    tl_config *c = NULL;
    tl_status st = tl_config_load_mem("cfg.yaml", yaml, strlen(yaml), formats, &c, d);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *x = tl_diags_at(d, i);
        assert_string_equal(x->file, "cfg.yaml");
        k += (size_t)snprintf(out + k, cap - k, "%u:%u: %s\n", x->line, x->col, x->message);
    }
    assert_true((st == TL_OK) == (c != NULL));
    tl_config_free(c);
    tl_diags_free(d);
    return st;
}

static void test_errors(void **st)
{
    (void)st;
    char out[2048];
    assert_int_equal(load("fail-on: error\n", out, sizeof out), TL_ERR_CONFIG);
    assert_string_equal(out, "1:1: unknown key 'fail-on' (did you mean 'fail_on'?)\n");
    assert_int_equal(load("rules:\n  speling: off\n", out, sizeof out), TL_ERR_CONFIG);
    assert_string_equal(out, "2:3: unknown rule 'speling' (did you mean 'spelling'?)\n");
    assert_int_equal(load("rules: {spelling: warnig}\n", out, sizeof out), TL_ERR_CONFIG);
    assert_string_equal(out, "1:19: unknown severity 'warnig' (did you mean 'warning'?)\n");
    load("rules: {typography: {style: curly}}\n", out, sizeof out);
    assert_string_equal(out,
                        "1:22: 'typography' selects several rules: options go under one rule id\n");
    load("rules: {typography.quotes: {styel: curly}}\n", out, sizeof out);
    assert_string_equal(out, "1:29: unknown option 'styel' of rule 'typography.quotes' (did you "
                             "mean 'style'?)\n");
    load("rules: {spelling: {ignore: x}}\n", out, sizeof out);
    assert_string_equal(out,
                        "1:20: unknown option 'ignore': rule 'spelling' takes only a severity\n");
    load("format: sarf\n", out, sizeof out);
    assert_string_equal(out, "1:9: unknown format 'sarf' (did you mean 'sarif'?)\n");
    load("max_warnings: -3\n", out, sizeof out);
    assert_string_equal(out,
                        "1:15: 'max_warnings' must be a whole number from 0 to 1000000000, not '-3'\n");
    load("overrides:\n  - language: uk\n", out, sizeof out);
    assert_string_equal(out, "2:5: an override needs 'files': the globs it applies to\n");
    load("glossaries: missing.yaml\n", out, sizeof out);
    assert_string_equal(out, "1:13: cannot read 'missing.yaml' (paths are relative to the "
                             "configuration's folder)\n");
    load("rules: [spelling]\n", out, sizeof out);
    assert_string_equal(out, "1:8: 'rules' must be a mapping of rules to severities, not a list\n");
    assert_int_equal(load("rules: {a: off\n", out, sizeof out), TL_ERR_CONFIG);
    assert_non_null(strstr(out, "yaml:"));
    /* an empty file, and one that only comments, configure nothing */
    assert_int_equal(load("", out, sizeof out), TL_OK);
    assert_int_equal(load("# nothing yet\n", out, sizeof out), TL_OK);
}

static void test_missing_file(void **st)
{
    (void)st;
    tl_config *c = (tl_config *)1;
    assert_int_equal(tl_config_load("tests/fixtures/config/none.yaml", NULL, &c, NULL), TL_ERR_IO);
    assert_null(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_key),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
