/* test_sections.c - a text longer than tl_options.section_bytes is checked in sections
 * (core/sections.c): what does not compare one place of the text with another is found
 * exactly as in the whole text -- the same findings, offsets, lines, columns, messages
 * and fingerprints -- across line breaks of every kind, a line longer than a section, a
 * BOM, bad bytes and suppression markers whose ranges run across sections or that a
 * section's end would cut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "termlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tl_ctx *new_ctx(size_t section_bytes, int unused)
{
    tl_options o;
    tl_options_init(&o);
    o.lang = TL_LANG_RU;
    o.data_dir = "glossaries";
    o.cache_dir = getenv("TERMLINT_CACHE_DIR");
    o.section_bytes = section_bytes;
    o.report_unused_disables = unused;
    tl_ctx *c = NULL;
    assert_int_equal(tl_ctx_new(&o, &c, NULL), TL_OK);
    return c;
}

static const char *const words[] = {
    "большой", "вечер",   "вопрос",   "встреча", "газета",  "город",   "дорога", "журнал",
    "задача",  "здание",  "история",  "картина", "книга",   "машина",  "месяц",  "музыка",
    "новость", "область", "погода",   "поездка", "природа", "работа",  "река",   "решение",
    "сад",     "семья",   "событие",  "солнце",  "столица", "страна",  "театр",  "улица",
    "учитель", "утро",    "школа",    "деревня", "площадь", "письмо",  "песня",  "поле"};

typedef struct {
    char *p;
    size_t n, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = '\0';
}

static void puts_(text *t, const char *s) { put(t, s, strlen(s)); }

/* About 60 KB of sentences with a misspelling now and then, every kind of line break, a
 * 9 KB line, a NUL byte, and markers: disable .. enable over several sections, a
 * disable-next-line, and a disable that silences nothing across sections. */
static text build(void)
{
    text t = {NULL, 0, 0};
    puts_(&t, "\xEF\xBB\xBF");
    unsigned x = 7;
    const char *breaks[] = {"\n", "\r\n", "\r", "\n\n"};
    for (int s = 0; s < 900; s++) {
        if (s == 100)
            puts_(&t, "<!-- termlint-disable spelling -- a list of names -->\n");
        if (s == 400)
            puts_(&t, "<!-- termlint-enable spelling -->\n");
        if (s == 500)
            puts_(&t, "# termlint-disable-next-line spelling\nВторой ошибкка.\n");
        if (s == 600)
            puts_(&t, "<!-- termlint-disable script.mixed -->\n");
        if (s == 700)
            put(&t, "Строка с байтом \0 внутри.\n", 27);
        int len = 5 + (int)(x % 7), longline = s == 300;
        for (int i = 0; i < (longline ? 1200 : len); i++) {
            x = x * 1103515245u + 12345u;
            const char *w = words[(x >> 8) % (sizeof words / sizeof *words)];
            if (i)
                puts_(&t, " ");
            puts_(&t, w);
            if ((x >> 4) % 23 == 0)
                puts_(&t, " ошибкка");
        }
        puts_(&t, ".");
        puts_(&t, breaks[(x >> 12) % 4]);
    }
    return t;
}

static void same_finding(const tl_finding *a, const tl_finding *b)
{
    assert_int_equal(a->rule, b->rule);
    assert_int_equal(a->offset, b->offset);
    assert_int_equal(a->length, b->length);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
    assert_int_equal(a->end_line, b->end_line);
    assert_int_equal(a->end_col, b->end_col);
    assert_string_equal(a->message, b->message);
    assert_string_equal(a->text, b->text);
    assert_string_equal(a->fingerprint, b->fingerprint);
}

/* A text checked whole (a) and in sections of 4 KiB (b), suppression.unused reported
 * when `unused`. The texts hold a NUL byte, so both are TL_ERR_ENCODING. A result's
 * language reason belongs to its context: both are freed together (both_free). */
typedef struct {
    tl_ctx *whole, *parts;
    tl_result *a, *b;
} both;

static void check_both(const text *t, int unused, both *x)
{
    x->whole = new_ctx(0, unused);
    x->parts = new_ctx(4096, unused);
    x->a = x->b = NULL;
    assert_int_equal(tl_check(x->whole, "t", t->p, t->n, &x->a), TL_ERR_ENCODING);
    assert_int_equal(tl_check(x->parts, "t", t->p, t->n, &x->b), TL_ERR_ENCODING);
}

static void both_free(both *x)
{
    tl_result_free(x->a);
    tl_result_free(x->b);
    tl_ctx_free(x->whole);
    tl_ctx_free(x->parts);
}

static void test_sections_find_what_the_whole_text_does(void **st)
{
    (void)st;
    text t = build();
    both x;
    check_both(&t, 0, &x);
    tl_result *a = x.a, *b = x.b;
    size_t spelling = 0, late = 0, encoding = 0;
    assert_int_equal(tl_result_count(a), tl_result_count(b));
    for (size_t i = 0; i < tl_result_count(a); i++) {
        const tl_finding *f = tl_result_at(a, i);
        same_finding(f, tl_result_at(b, i));
        spelling += f->rule == TL_RULE_SPELLING;
        late += f->rule == TL_RULE_SPELLING && f->offset > t.n / 2;
        encoding += f->rule == TL_RULE_ENCODING;
    }
    /* the checks did find things, in the later sections too, and the marker's range
     * silenced the misspellings between its disable and enable */
    assert_true(spelling > 20);
    assert_true(late > 10);
    assert_int_equal(encoding, 1);
    assert_int_equal(tl_result_words(a), tl_result_words(b));
    assert_string_equal(tl_result_lang_reason(a), tl_result_lang_reason(b));
    both_free(&x);
    free(t.p);
}

/* suppression.unused: a marker whose range ends in its own section is judged as in the
 * whole text; one whose range runs on into later sections is never reported (what it
 * silences there is not known when its section is built) -- a miss, never a false
 * alarm. */
static void test_sections_unused_markers(void **st)
{
    (void)st;
    text t = build();
    both x;
    check_both(&t, 1, &x);
    tl_result *a = x.a, *b = x.b;
    size_t ua = 0, ub = 0;
    for (size_t i = 0; i < tl_result_count(a); i++)
        ua += tl_result_at(a, i)->rule == TL_RULE_SUPPRESSION_UNUSED;
    for (size_t i = 0; i < tl_result_count(b); i++) {
        const tl_finding *f = tl_result_at(b, i);
        if (f->rule != TL_RULE_SUPPRESSION_UNUSED)
            continue;
        ub++;
        int seen = 0; /* each one the whole text reports too, at the same place */
        for (size_t k = 0; k < tl_result_count(a); k++)
            seen |= tl_result_at(a, k)->rule == f->rule && tl_result_at(a, k)->offset == f->offset;
        assert_true(seen);
    }
    assert_int_equal(ua, 1); /* the script.mixed disable, open to the end */
    assert_int_equal(ub, 0); /* its range runs on past its section */
    both_free(&x);
    free(t.p);
}

/* A marker that a section's end would cut (an HTML comment over two lines, its first
 * line break just past the section's target length): the section is made longer, so the
 * marker is read whole -- its selector lay past the end of the section's copy of the
 * text (a NUL byte makes one), which a fuzzer found -- and silences what follows it, as
 * in the whole text. */
static void test_sections_never_cut_a_marker(void **st)
{
    (void)st;
    text t = {NULL, 0, 0};
    put(&t, "Байт \0 в начале.\n", 28); /* the section is then read from a copy */
    while (t.n < 4050)
        puts_(&t, "Погода была хорошая, и работа шла быстро.\n");
    while (t.n < 4090)
        puts_(&t, "я");
    puts_(&t, "\n<!-- termlint-disable\n  spelling -->\n");
    size_t nw = sizeof words / sizeof *words;
    for (size_t k = 0; t.n < 6000; k++) { /* a second section, each line its own */
        puts_(&t, "Ошибкка ");
        puts_(&t, words[k % nw]);
        puts_(&t, " ");
        puts_(&t, words[(k / nw + 2 * k + 1) % nw]);
        puts_(&t, ".\n");
    }
    both x;
    check_both(&t, 0, &x);
    tl_result *a = x.a, *b = x.b;
    assert_int_equal(tl_result_count(a), tl_result_count(b));
    for (size_t i = 0; i < tl_result_count(a); i++) {
        same_finding(tl_result_at(a, i), tl_result_at(b, i));
        /* no misspelling after the marker */
        assert_true(tl_result_at(a, i)->rule != TL_RULE_SPELLING || tl_result_at(a, i)->offset < 4090);
    }
    both_free(&x);
    free(t.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_find_what_the_whole_text_does),
        cmocka_unit_test(test_sections_unused_markers),
        cmocka_unit_test(test_sections_never_cut_a_marker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
