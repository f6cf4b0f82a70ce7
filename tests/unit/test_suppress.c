/* test_suppress.c - inline suppression markers (suppress.c): where a marker may stand,
 * what it silences, reasons, unknown rules, unused markers, and a check end to end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "suppress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The markers of `text`, as one line each: "KIND [rules] (reason) next=OFF..END". */
static void parse(const char *text, char *out, size_t cap)
{
    sup_marker *m;
    size_t n;
    assert_int_equal(suppress_parse(text, strlen(text), &m, &n), 0);
    size_t k = 0;
    out[0] = '\0';
    static const char *const kinds[] = {"next-line", "disable", "enable", "file"};
    for (size_t i = 0; i < n; i++) {
        k += (size_t)snprintf(out + k, cap - k, "%s", kinds[m[i].kind]);
        for (size_t r = 0; r < m[i].nrules; r++)
            k += (size_t)snprintf(out + k, cap - k, " %.*s", (int)m[i].rules[r].len,
                                  text + m[i].rules[r].off);
        if (m[i].reason.len)
            k += (size_t)snprintf(out + k, cap - k, " (%.*s)", (int)m[i].reason.len,
                                  text + m[i].reason.off);
        if (m[i].kind == SUP_NEXT_LINE)
            k += (size_t)snprintf(out + k, cap - k, " next=%.*s",
                                  (int)(m[i].next_end - m[i].next_off), text + m[i].next_off);
        k += (size_t)snprintf(out + k, cap - k, ";");
        assert_true(m[i].off <= m[i].keyword.off && m[i].end <= strlen(text));
    }
    tl_free(m);
}

static void test_where_markers_stand(void **st)
{
    (void)st;
    char out[512];
    parse("termlint-disable-next-line spelling\nслово\n", out, sizeof out);
    assert_string_equal(out, "next-line spelling next=слово;");
    parse("  # termlint-disable-next-line spelling, term.variant -- имя собственное\nx\n", out,
          sizeof out);
    assert_string_equal(out, "next-line spelling term.variant (имя собственное) next=x;");
    parse("текст // termlint-disable lang.mixed\r\nдальше\r\n", out, sizeof out);
    assert_string_equal(out, "disable lang.mixed;");
    parse("Абзац <!-- termlint-disable-next-line spelling -- why --> хвост\nследующая\n", out,
          sizeof out);
    assert_string_equal(out, "next-line spelling (why) next=следующая;");
    parse("<!--termlint-disable-file-->\n", out, sizeof out);
    assert_string_equal(out, "file;");
    parse("<!-- termlint-enable\n  spelling -->\nnext\n", out, sizeof out);
    assert_string_equal(out, "enable spelling;");
    parse("## termlint-disable typography\n", out, sizeof out);
    assert_string_equal(out, "disable typography;");
    /* not markers: prose mentioning one, a longer word, an unclosed comment, C# */
    parse("see termlint-disable in the docs\n", out, sizeof out);
    assert_string_equal(out, "");
    parse("termlint-disabled is a word\ntermlint-frob x\n", out, sizeof out);
    assert_string_equal(out, "");
    parse("<!-- termlint-disable spelling\n", out, sizeof out);
    assert_string_equal(out, "");
    parse("C#termlint-disable x\n", out, sizeof out);
    assert_string_equal(out, "");
    /* the last line: next-line silences nothing, and nothing is read past the end */
    parse("termlint-disable-next-line", out, sizeof out);
    assert_string_equal(out, "next-line next=;");
}

/* Findings at the given offsets, all of `rule`. */
static size_t findings(tl_ifinding *f, const size_t *offs, size_t n, tl_rule rule)
{
    memset(f, 0, n * sizeof *f);
    for (size_t i = 0; i < n; i++) {
        f[i].off = offs[i];
        f[i].len = 1;
        f[i].rule = rule;
        f[i].severity = TL_SEV_WARNING;
    }
    return n;
}

/* Filters findings at `offs` of rule `rule` with the markers of `text`, every marker
 * selecting `mask`; returns the offsets kept as "a b c". */
static void filter(const char *text, uint64_t mask, const size_t *offs, size_t n, tl_rule rule,
                   char *out, size_t cap)
{
    sup_marker *m;
    size_t nm, nr;
    assert_int_equal(suppress_parse(text, strlen(text), &m, &nm), 0);
    uint64_t masks[16];
    assert_true(nm <= 16);
    for (size_t i = 0; i < nm; i++)
        masks[i] = mask;
    sup_range *r;
    assert_int_equal(suppress_ranges(m, masks, nm, &r, &nr), 0);
    tl_ifinding f[32];
    size_t kept = suppress_filter(f, findings(f, offs, n, rule), r, nr, m, nm);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < kept; i++)
        k += (size_t)snprintf(out + k, cap - k, "%s%zu", i ? " " : "", f[i].off);
    tl_free(r);
    tl_free(m);
}

static void test_ranges(void **st)
{
    (void)st;
    char out[256];
    uint64_t spell = (uint64_t)1 << TL_RULE_SPELLING;
    /*          0         1         2         3         4
     *          0123456789012345678901234567890123456789012345 */
    const char *t = "aaa\ntermlint-disable-next-line spelling\nbbb\nccc\n";
    size_t offs[] = {0, 10, 40, 44};
    filter(t, spell, offs, 4, TL_RULE_SPELLING, out, sizeof out);
    assert_string_equal(out, "0 44"); /* 10: inside the marker, 40: the next line */
    filter(t, spell, offs, 4, TL_RULE_LANG_MIXED, out, sizeof out);
    assert_string_equal(out, "0 40 44"); /* another rule: only the marker's own line */
    const char *r = "a\ntermlint-disable spelling\nb\ntermlint-enable spelling\nc\n";
    size_t offs2[] = {0, 28, 54};
    filter(r, spell, offs2, 3, TL_RULE_SPELLING, out, sizeof out);
    assert_string_equal(out, "0 54");
    const char *open = "a\ntermlint-disable spelling\nb\nc\n";
    size_t offs3[] = {0, 28, 30};
    filter(open, spell, offs3, 3, TL_RULE_SPELLING, out, sizeof out);
    assert_string_equal(out, "0"); /* never enabled: to the end */
    const char *file = "a\nb\n<!-- termlint-disable-file spelling -->\n";
    size_t offs4[] = {0, 2};
    filter(file, spell, offs4, 2, TL_RULE_SPELLING, out, sizeof out);
    assert_string_equal(out, ""); /* also before the marker */
    /* encoding findings are never silenced */
    filter(file, ~(uint64_t)0, offs4, 2, TL_RULE_ENCODING, out, sizeof out);
    assert_string_equal(out, "0 2");
}

static void test_hostile_input_is_bounded(void **st)
{
    (void)st;
    /* one long line of markers: linear, and at most SUP_MAX_MARKERS */
    size_t n = 200000, len = 0;
    char *t = malloc(n * 40 + 2);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(t + len, "<!-- termlint-disable-next-line a,b -->");
    t[len++] = '\n';
    t[len] = '\0';
    sup_marker *m;
    size_t nm;
    assert_int_equal(suppress_parse(t, len, &m, &nm), 0);
    assert_int_equal(nm, SUP_MAX_MARKERS);
    tl_free(m);
    free(t);
}

/* ---- end to end ------------------------------------------------------------------ */

static tl_ctx *ctx_with(int unused)
{
    tl_options o;
    tl_options_init(&o);
    o.data_dir = "glossaries";
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    o.lang = TL_LANG_RU;
    o.suggest_limit = 0;
    o.report_unused_disables = unused;
    tl_ctx *c = NULL;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    return c;
}

/* The rules of the findings of `text`, "rule@line" each. */
static void check(tl_ctx *c, const char *text, char *out, size_t cap)
{
    tl_result *r;
    assert_true(tl_check(c, "t", text, strlen(text), &r) == TL_OK);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *f = tl_result_at(r, i);
        k += (size_t)snprintf(out + k, cap - k, "%s%s@%u", i ? " " : "", tl_rule_id(f->rule),
                              f->line);
    }
    tl_result_free(r);
}

static void test_check_end_to_end(void **st)
{
    (void)st;
    tl_ctx *c = ctx_with(1);
    char out[512];
    check(c, "Ошибкка тут.\n", out, sizeof out);
    assert_string_equal(out, "spelling@1");
    check(c, "# termlint-disable-next-line spelling -- опечаткка нарочно\nОшибкка тут.\n", out,
          sizeof out);
    assert_string_equal(out, ""); /* the reason's own misspelling is not reported either */
    check(c, "# termlint-disable-next-line speling\nОшибкка тут.\n", out, sizeof out);
    assert_string_equal(out, "suppression.unknown-rule@1 spelling@2");
    check(c, "# termlint-disable-next-line typography, spelling\nОшибкка тут.\n", out,
          sizeof out);
    assert_string_equal(out, "suppression.unused@1"); /* typography silenced nothing */
    check(c, "<!-- termlint-disable-file -->\nОшибкка , тут.\n", out, sizeof out);
    assert_string_equal(out, "");
    tl_ctx_free(c);
    c = ctx_with(0);
    check(c, "# termlint-disable-next-line typography\nВсё верно.\n", out, sizeof out);
    assert_string_equal(out, ""); /* unused markers are reported only on request */
    tl_ctx_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_where_markers_stand),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_hostile_input_is_bounded),
        cmocka_unit_test(test_check_end_to_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
