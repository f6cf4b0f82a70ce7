/*
 * test_gloss.c - the glossary loader (glossary.c, ruledata.c, gloss_check.c) on the
 * fixtures in tests/fixtures/glossary/: one valid file using every key, includes and a
 * cycle, and one file per problem, each asserted at its exact line:col. Run from the
 * project root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "gloss.h"
#include "yaml_reader.h"
#include "textclass.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FX "tests/fixtures/glossary/"

/* Loads `path` into a new gloss; both the gloss and the diagnostics are owned. */
static tl_diags *load(const char *path, gloss **out, tl_status *st)
{
    tl_diags *d = tl_diags_new();
    gloss *g = gloss_new();
    assert_non_null(d);
    assert_non_null(g);
    *st = gloss_load(g, path, d);
    if (out)
        *out = g;
    else
        gloss_free(g);
    return d;
}

/* Asserts diagnostic i: severity, file, position and a fragment of its message. */
static void expect(const tl_diags *d, size_t i, tl_severity sev, const char *file,
                   unsigned line, unsigned col, const char *fragment)
{
    const tl_diag *x = tl_diags_at(d, i);
    if (!x)
        fail_msg("no diagnostic %zu (have %zu), wanted %s:%u:%u %s", i, tl_diags_count(d),
                 file, line, col, fragment);
    if (x->severity != sev || strcmp(x->file, file) || x->line != line || x->col != col ||
        !strstr(x->message, fragment))
        fail_msg("diagnostic %zu is %s:%u:%u: %s (severity %d); wanted %s:%u:%u: %s "
                 "(severity %d)",
                 i, x->file, x->line, x->col, x->message, (int)x->severity, file, line, col,
                 fragment, (int)sev);
}

typedef struct {
    tl_severity sev;
    unsigned line, col;
    const char *fragment;
} want;

/* Loads FX `name` and asserts exactly the diagnostics in `w` (n of them). */
static void expect_all(const char *name, const want *w, size_t n, tl_status status)
{
    char path[256];
    snprintf(path, sizeof path, FX "%s", name);
    tl_status st;
    tl_diags *d = load(path, NULL, &st);
    for (size_t i = 0; i < n; i++)
        expect(d, i, w[i].sev, path, w[i].line, w[i].col, w[i].fragment);
    assert_int_equal(tl_diags_count(d), n);
    assert_int_equal(st, status);
    tl_diags_free(d);
}

#define EXPECT(name, status, ...)                                                        \
    do {                                                                                 \
        static const want w_[] = {__VA_ARGS__};                                          \
        expect_all(name, w_, sizeof w_ / sizeof w_[0], status);                          \
    } while (0)
#define E(l, c, m) {TL_SEV_ERROR, l, c, m}
#define W(l, c, m) {TL_SEV_WARNING, l, c, m}

static const gl_concept *find(const gloss *g, const char *id)
{
    for (size_t i = 0; i < g->nconcepts; i++)
        if (!strcmp(g->concepts[i]->id, id))
            return g->concepts[i];
    return NULL;
}

/* ---- a valid glossary --------------------------------------------------------------- */

static void test_valid_metadata(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "valid.yaml", &g, &st);
    assert_int_equal(st, TL_OK);
    assert_int_equal(tl_diags_count(d), 0);
    assert_string_equal(g->name, "Test glossary");
    assert_string_equal(g->version, "1.2");
    assert_string_equal(g->doc_number_format, "№ {n}-{code}/{issuer}");
    assert_int_equal(g->ndoc_codes, 2);
    assert_string_equal(g->doc_codes[1].code, "QĐ");
    assert_string_equal(g->doc_codes[1].ascii, "QD");
    assert_null(g->doc_codes[0].ascii);
    assert_string_equal(g->doc_codes[0].ru[1], "постановление");
    assert_null(g->doc_codes[0].ru[2]);
    assert_string_equal(g->doc_codes[0].uk[0], "резолюція");
    assert_int_equal(g->doc_codes[0].loc.line, 8);
    assert_int_equal(g->nboilerplate, 1);
    assert_string_equal(g->boilerplate[0].id, "comment-counter");
    assert_int_equal(g->boilerplate[0].lang, TL_LANG_RU);
    assert_int_equal(g->nreduplications, 2);
    assert_string_equal(g->reduplications[1], "еле-еле");
    assert_null(g->reduplications[2]);
    assert_int_equal(g->nru_only_words, 2);
    assert_int_equal(g->nuk_only_words, 2);
    assert_int_equal(g->nlatin_allowed, 2);
    assert_int_equal(g->nuntranslated_labels, 2);
    assert_string_equal(g->untranslated_labels[0], "Source:");
    tl_diags_free(d);
    gloss_free(g);
}

static void test_valid_concepts(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "valid.yaml", &g, &st);
    assert_int_equal(st, TL_OK);
    assert_int_equal(g->nconcepts, 4);
    const gl_concept *c = g->concepts[0];
    assert_string_equal(c->id, "org-department");
    assert_int_equal(c->category, GL_CAT_BODY);
    assert_string_equal(c->vi, "Ban Tổ chức Trung ương");
    assert_string_equal(c->en, "Central Organization Commission");
    assert_non_null(c->note);
    assert_int_equal(c->loc.line, 19);
    assert_int_equal(c->loc.col, 5);
    assert_int_equal(c->nterms, 7);
    const gl_term *t = c->terms;
    assert_string_equal(t[0].text, "Организационный отдел ЦК КПВ");
    assert_int_equal(t[0].kind, GL_CANONICAL);
    assert_int_equal(t[0].lang, TL_LANG_RU);
    assert_int_equal(t[0].loc.line, 25);
    assert_int_equal(t[0].loc.col, 18);
    assert_ptr_equal(t[0].concept, c);
    assert_int_equal(t[1].kind, GL_VARIANT);
    assert_false(t[1].short_form);
    assert_true(t[2].short_form);
    assert_string_equal(t[2].text, "Орготдел");
    assert_int_equal(t[2].loc.line, 28);
    assert_int_equal(t[2].loc.col, 17);
    assert_int_equal(t[3].kind, GL_FORBIDDEN);
    assert_string_equal(t[3].message, "calque of the English \"Central Organization Commission\"");
    assert_null(t[4].message);
    assert_true(t[5].literal);
    assert_string_equal(t[5].suggest, "центральная точка подключения");
    assert_int_equal(t[6].lang, TL_LANG_UK);
    assert_int_equal(t[6].kind, GL_CANONICAL);

    c = find(g, "politburo");
    assert_non_null(c);
    assert_int_equal(c->terms[0].match, GL_MATCH_EXACT);
    assert_true(c->terms[0].case_sensitive);
    assert_true(c->terms[1].short_form);
    assert_int_equal(c->terms[0].match, GL_MATCH_EXACT);
    c = find(g, "term-of-office");
    assert_int_equal(c->category, GL_CAT_GENERAL);
    assert_int_equal(c->terms[1].match, GL_MATCH_REGEX);
    assert_int_equal(c->terms[0].match, GL_MATCH_INFLECTED);
    assert_false(c->terms[0].case_sensitive);
    assert_int_equal(find(g, "congress")->category, GL_CAT_EVENT);
    tl_diags_free(d);
    gloss_free(g);
}

/* BOM, CRLF line ends and lone CRs keep positions right. */
static void test_bom_crlf(void **state)
{
    (void)state;
    EXPECT("bom-crlf.yaml", TL_ERR_GLOSSARY, E(5, 5, "unknown key 'ёж'"));
    EXPECT("cr-badutf8.yaml", TL_ERR_GLOSSARY,
           E(4, 11, "yaml: invalid trailing UTF-8 octet (0x28)"));
}

/* ---- includes ------------------------------------------------------------------------- */

static void test_include(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "include/top.yaml", &g, &st);
    /* common.yaml is included twice, by two paths: loaded once, no duplicate ids */
    expect(d, 0, TL_SEV_ERROR, FX "include/parts/b.yaml", 3, 5,
           "cannot read included file '" FX "include/parts/missing.yaml': No such file");
    assert_int_equal(tl_diags_count(d), 1);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    assert_string_equal(g->name, "Top");
    assert_string_equal(g->version, "2");
    assert_int_equal(g->nconcepts, 4);
    static const char *const order[] = {"top-concept", "common-concept", "a-concept",
                                        "b-concept"};
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(g->concepts[i]->id, order[i]);
    assert_string_equal(g->concepts[1]->loc.file, FX "include/parts/common.yaml");
    assert_string_equal(g->concepts[1]->terms[0].loc.file, FX "include/parts/common.yaml");
    tl_diags_free(d);
    gloss_free(g);
}

static void test_include_cycle(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "cycle/a.yaml", &g, &st);
    expect(d, 0, TL_SEV_ERROR, FX "cycle/b.yaml", 7, 5,
           "include cycle: " FX "cycle/a.yaml -> " FX "cycle/b.yaml -> " FX "cycle/a.yaml");
    assert_int_equal(tl_diags_count(d), 1);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    assert_int_equal(g->nconcepts, 2); /* b's, then a's */
    assert_string_equal(g->concepts[0]->id, "b");
    tl_diags_free(d);
    gloss_free(g);
}

/* f0.yaml includes f1.yaml ... includes f19.yaml: at most 16 files open at once. */
static void test_include_depth(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_gloss_depth_XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    for (int i = 0; i < 20; i++) {
        snprintf(path, sizeof path, "%s/f%d.yaml", dir, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "include: [f%d.yaml]\n", i + 1);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/f0.yaml", dir);
    tl_status st;
    tl_diags *d = load(path, NULL, &st);
    snprintf(path, sizeof path, "%s/f15.yaml", dir);
    expect(d, 0, TL_SEV_ERROR, path, 1, 11, "includes nested deeper than 16 files");
    assert_int_equal(tl_diags_count(d), 1);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    tl_diags_free(d);
    for (int i = 0; i < 20; i++) {
        snprintf(path, sizeof path, "%s/f%d.yaml", dir, i);
        unlink(path);
    }
    rmdir(dir);
}

/* Two loads into one gloss: ids are unique across them; a file loaded again is
 * skipped. */
static void test_two_loads(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "valid.yaml", &g, &st);
    assert_int_equal(gloss_load(g, FX "valid.yaml", d), TL_OK);
    assert_int_equal(tl_diags_count(d), 0);
    assert_int_equal(g->nconcepts, 4);
    assert_int_equal(gloss_load(g, FX "duplicate-id.yaml", d), TL_ERR_GLOSSARY);
    expect(d, 0, TL_SEV_ERROR, FX "duplicate-id.yaml", 2, 5,
           "duplicate id 'politburo' (first defined at " FX "valid.yaml:40:5)");
    assert_string_equal(g->name, "Test glossary");
    tl_diags_free(d);
    gloss_free(g);
}

/* ---- each kind of problem ---------------------------------------------------------------- */

static void test_unknown_keys(void **state)
{
    (void)state;
    EXPECT("unknown-key.yaml", TL_ERR_GLOSSARY,
           E(2, 1, "unknown key 'concepst' (did you mean 'concepts'?)"),
           E(6, 5, "unknown key 'categroy' (did you mean 'category'?)"),
           E(8, 7, "unknown key 'canonicl' (did you mean 'canonical'?)"),
           E(12, 11, "unknown key 'mesage' (did you mean 'message'?)"),
           E(13, 5, "unknown key 'zz' (expected one of: id, category, note, vi, en, ru, uk, source, posts, extends)"));
}

static void test_wrong_types(void **state)
{
    (void)state;
    EXPECT("wrong-type.yaml", TL_ERR_GLOSSARY,
           E(1, 7, "'name' must be a string, not a list"),
           E(5, 11, "'note' must be a string, not a mapping"),
           E(7, 18, "'canonical' must be a string or a mapping, not a list"),
           E(8, 17, "'variants' must be a list, not a string"),
           E(10, 11, "'forbidden' items must be a string or a mapping, not a list"),
           E(12, 18, "'short' must be true or false, not 'maybe'"),
           E(13, 5, "a concept must be a mapping, not a string"),
           E(16, 9, "'uk' must be a mapping, not a string"));
}

/* `spelling:` lists by language; pair lists take pairs only. */
static void test_spelling(void **state)
{
    (void)state;
    EXPECT("spelling.yaml", TL_ERR_GLOSSARY,
           E(7, 9, "'ordinal_endings' items are pairs of two strings"),
           E(8, 9, "'ordinal_endings' must be a list, not a string"),
           E(9, 5, "unknown key 'wrods' (did you mean 'words'?)"),
           E(12, 3, "unknown key 'be'"));
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "spelling.yaml", &g, &st);
    const gl_spelling *ru = &g->spelling[TL_LANG_RU], *uk = &g->spelling[TL_LANG_UK];
    assert_int_equal(ru->n[GL_SP_ABBREVIATIONS], 2);
    assert_string_equal(ru->list[GL_SP_ABBREVIATIONS][1], "г-н");
    assert_int_equal(ru->n[GL_SP_COMPOUND_PREFIXES], 1);
    assert_int_equal(ru->n[GL_SP_ORDINAL_ENDINGS], 2); /* one pair, flattened */
    assert_string_equal(ru->list[GL_SP_ORDINAL_ENDINGS][1], "й");
    assert_int_equal(uk->n[GL_SP_WORDS], 1);
    assert_int_equal(uk->n[GL_SP_ABBREVIATIONS], 0);
    tl_diags_free(d);
    gloss_free(g);
}

/* `furniture:` lexicons: lists by group and language, appended; months and weekdays
 * must come as whole years and weeks. */
static void test_furniture(void **state)
{
    (void)state;
    EXPECT("furniture.yaml", TL_ERR_GLOSSARY,
           E(4, 5, "unknown key 'xx' (expected one of: ru, uk, vi, en)"),
           E(8, 5, "'ru' of 'months' has 2 entries; give all 12 in calendar order"),
           E(9, 13, "'weekdays' must be a mapping of languages (ru:, uk:, vi:, en:), not a list"));
    gloss *g;
    tl_status st;
    tl_diags_free(load(FX "furniture.yaml", &g, &st));
    assert_int_equal(g->furniture[GL_FURN_SECTIONS][GL_FURN_RU].n, 2);
    assert_string_equal(g->furniture[GL_FURN_SECTIONS][GL_FURN_RU].items[1], "В мире");
    assert_null(g->furniture[GL_FURN_SECTIONS][GL_FURN_RU].items[2]);
    assert_int_equal(g->furniture[GL_FURN_BUTTONS][GL_FURN_EN].n, 1);
    gloss_free(g);
}

static void test_ids(void **state)
{
    (void)state;
    EXPECT("missing-id.yaml", TL_ERR_GLOSSARY, E(2, 5, "concept has no 'id'"),
           E(5, 5, "concept has no 'id'"));
    EXPECT("duplicate-id.yaml", TL_ERR_GLOSSARY,
           E(10, 5, "duplicate id 'politburo' (first defined at " FX "duplicate-id.yaml:2:5)"));
    EXPECT("duplicate-key.yaml", TL_ERR_GLOSSARY, E(6, 5, "duplicate key 'ru' (first at 4:5)"));
}

static void test_terms(void **state)
{
    (void)state;
    EXPECT("empty-term.yaml", TL_ERR_GLOSSARY, E(5, 18, "empty term"), E(7, 11, "empty term"),
           E(8, 16, "empty term"), E(11, 17, "empty term"));
    EXPECT("no-canonical.yaml", TL_ERR_GLOSSARY, E(4, 5, "'ru' has no 'canonical' term"));
    EXPECT("bad-values.yaml", TL_ERR_GLOSSARY,
           E(1, 17, "unknown language 'en' (expected one of: ru, uk)"),
           E(4, 15, "unknown category 'bdy' (did you mean 'body'?)"),
           E(9, 16, "unknown match 'fuzzy' (expected one of: inflected, exact, regex)"),
           E(10, 15, "unknown case 'sensitiv' (did you mean 'sensitive'?)"),
           E(12, 15, "unknown category 'committee' (expected one of: general, title, body"),
           E(17, 9, "'literal' applies only to forbidden terms"));
}

static void test_bad_regex(void **state)
{
    (void)state;
    EXPECT("bad-regex.yaml", TL_ERR_GLOSSARY,
           E(7, 17, "bad regex 'семестр(а|у': U_REGEX_MISMATCHED_PAREN at character 11"),
           E(9, 17, "bad regex '*семестр': U_REGEX_RULE_SYNTAX at character 1 of the pattern"),
           E(15, 12, "bad regex 'Комментарии [0-9': U_REGEX_MISSING_CLOSE_BRACKET"));
}

static void test_forms(void **state)
{
    (void)state;
    EXPECT("forbidden-canonical.yaml", TL_ERR_GLOSSARY,
           E(8, 11, "forbidden form 'политбюро  цк кпв' equals the canonical form of concept "
                    "'politburo' (" FX "forbidden-canonical.yaml:5:18)"),
           E(9, 11, "forbidden form 'ПОЛИТБЮРО' equals a variant of concept 'politburo'"),
           E(10, 11, "forbidden form 'Политбюро ЦК КПВ' equals the canonical form"),
           /* case-sensitive «цк  кпв» differs from «ЦК КПВ»; «ЦК КПВ » does not */
           E(21, 17, "forbidden form 'ЦК КПВ ' equals the canonical form of concept "
                     "'cc-abbreviation'"));
    /* ё = е in Russian, case folded; only warnings: the file is usable */
    EXPECT("same-form.yaml", TL_OK,
           W(14, 11, "surface form 'Партийный комитет' of concept 'party-committee-province' "
                     "is also claimed by concept 'party-committee' (the canonical form "
                     "'партийный комитёт' at " FX "same-form.yaml:5:18)"),
           W(15, 11, "surface form 'партком' of concept 'party-committee-province' is also "
                     "claimed by concept 'party-committee' (a variant 'партком'"),
           W(17, 18, "surface form 'партійний комітет'"));
    EXPECT("no-vi.yaml", TL_OK,
           W(2, 5, "concept 'politburo' has no 'vi' (vietnamese source form)"),
           W(6, 5, "concept 'empty' has no 'ru' or 'uk' terms"));
}

/* ---- hostile and broken files ------------------------------------------------------------- */

static void test_yaml_errors(void **state)
{
    (void)state;
    EXPECT("syntax.yaml", TL_ERR_GLOSSARY,
           E(6, 6, "yaml: did not find expected key (while parsing a block mapping at 2:5)"));
    EXPECT("invalid-utf8.yaml", TL_ERR_GLOSSARY,
           E(5, 23, "yaml: invalid leading UTF-8 octet (0xff)"));
    EXPECT("utf16.yaml", TL_ERR_GLOSSARY, E(1, 1, "glossary files must be UTF-8, not UTF-16"));
    EXPECT("multi-doc.yaml", TL_ERR_GLOSSARY,
           E(2, 1, "only one yaml document per file is supported"));
    EXPECT("top-list.yaml", TL_ERR_GLOSSARY,
           E(1, 1, "the top level must be a mapping (name:, concepts:, ...), not a list"));
}

static void test_anchors(void **state)
{
    (void)state;
    /* refused at the first anchor: the bomb is never expanded */
    EXPECT("alias-bomb.yaml", TL_ERR_GLOSSARY, E(1, 1, "unknown key 'a'"),
           E(1, 4, "anchors and aliases are not supported"));
    EXPECT("alias.yaml", TL_ERR_GLOSSARY, E(5, 18, "anchors and aliases are not supported"));
    EXPECT("deep.yaml", TL_ERR_GLOSSARY, E(1, 12, "a concept must be a mapping, not a list"),
           E(1, 74, "nesting deeper than 64 levels"));
}

static void test_unreadable(void **state)
{
    (void)state;
    tl_status st;
    tl_diags *d = load(FX "no-such-file.yaml", NULL, &st);
    assert_int_equal(st, TL_ERR_IO);
    expect(d, 0, TL_SEV_ERROR, FX "no-such-file.yaml", 0, 0,
           "cannot read '" FX "no-such-file.yaml': No such file or directory");
    tl_diags_free(d);
    d = load(FX "include", NULL, &st);
    assert_int_equal(st, TL_ERR_IO);
    expect(d, 0, TL_SEV_ERROR, FX "include", 0, 0, "Is a directory");
    tl_diags_free(d);
}

/* A FIFO (no writer: open() would wait for ever) or a device as the glossary or as an
 * include is refused at once, not read. SIGALRM ends the test if it waits. */
static void test_not_regular(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_gloss_fifo_XXXXXX", top[64], fifo[64];
    assert_non_null(mkdtemp(dir));
    snprintf(top, sizeof top, "%s/top.yaml", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.yaml", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    FILE *f = fopen(top, "w");
    assert_non_null(f);
    fputs("include: [fifo.yaml, /dev/zero]\n", f);
    fclose(f);
    alarm(10);
    tl_status st;
    tl_diags *d = load(top, NULL, &st);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    expect(d, 0, TL_SEV_ERROR, top, 1, 11, "not a regular file (a FIFO)");
    expect(d, 1, TL_SEV_ERROR, top, 1, 22, "not a regular file (a character device)");
    tl_diags_free(d);
    d = load(fifo, NULL, &st);
    assert_int_equal(st, TL_ERR_IO);
    expect(d, 0, TL_SEV_ERROR, fifo, 0, 0, "not a regular file (a FIFO)");
    tl_diags_free(d);
    alarm(0);
    unlink(fifo);
    unlink(top);
    rmdir(dir);
}

static void test_too_big(void **state)
{
    (void)state;
    char path[] = "/tmp/test_gloss_big_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)(65 << 20)), 0); /* sparse: costs nothing */
    close(fd);
    tl_status st;
    tl_diags *d = load(path, NULL, &st);
    unlink(path);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    expect(d, 0, TL_SEV_ERROR, path, 0, 0, "file is larger than 64 MiB");
    tl_diags_free(d);
}

static void test_validate(void **state)
{
    (void)state;
    tl_diags *d = tl_diags_new();
    assert_int_equal(tl_glossary_validate(FX "valid.yaml", NULL, d), TL_OK);
    assert_int_equal(tl_diags_count(d), 0);
    /* content errors: read and parsed, so TL_OK, with the errors listed */
    assert_int_equal(tl_glossary_validate(FX "duplicate-id.yaml", NULL, d), TL_OK);
    assert_int_equal(tl_diags_errors(d), 1);
    assert_int_equal(tl_glossary_validate(FX "syntax.yaml", NULL, d), TL_ERR_GLOSSARY);
    assert_int_equal(tl_glossary_validate(FX "no-such-file.yaml", NULL, d), TL_ERR_IO);
    assert_int_equal(tl_diags_errors(d), 3);
    /* diags may be NULL */
    assert_int_equal(tl_glossary_validate(FX "syntax.yaml", NULL, NULL), TL_ERR_GLOSSARY);
    tl_diags_free(d);
}

/* ---- helpers, scale, out of memory ---------------------------------------------------------- */

static void test_suggest(void **state)
{
    (void)state;
    static const char *const keys[] = {"canonical", "variants", "forbidden", NULL};
    assert_string_equal(yr_suggest("canonicl", keys), "canonical");
    assert_string_equal(yr_suggest("cnaonical", keys), "canonical"); /* transposed */
    assert_string_equal(yr_suggest("variant", keys), "variants");
    assert_string_equal(yr_suggest("forbiden", keys), "forbidden");
    assert_null(yr_suggest("term", keys));
    assert_null(yr_suggest("", keys));
    assert_true(tc_space(0xA0));
    assert_false(tc_space(0xAD)); /* soft hyphen: inside a word */
}

/* 10,000 concepts load without diagnostics (speed is measured in make bench). */
static void test_large(void **state)
{
    (void)state;
    char path[] = "/tmp/test_gloss_large_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("concepts:\n", f);
    for (int i = 0; i < 10000; i++)
        fprintf(f,
                "  - id: c%d\n    vi: Khái niệm %d\n    ru:\n      canonical: Понятие %d\n"
                "      variants: [П%d]\n      forbidden: [Плохое понятие %d]\n"
                "    uk:\n      canonical: Поняття %d\n",
                i, i, i, i, i, i);
    fclose(f);
    gloss *g;
    tl_status st;
    tl_diags *d = load(path, &g, &st);
    unlink(path);
    assert_int_equal(st, TL_OK);
    assert_int_equal(tl_diags_count(d), 0);
    assert_int_equal(g->nconcepts, 10000);
    assert_string_equal(g->concepts[9999]->terms[2].text, "Плохое понятие 9999");
    tl_diags_free(d);
    gloss_free(g);
}

/* Every allocation may fail: the loader then returns TL_ERR_NOMEM without leaking or
 * crashing, and once enough succeed, the result is the normal one. */
static void torture(const char *path, tl_status normal)
{
    for (long n = 0;; n++) {
        tl_alloc_fail_after(n);
        tl_diags *d = tl_diags_new();
        gloss *g = gloss_new();
        tl_status st = g ? gloss_load(g, path, d) : TL_ERR_NOMEM;
        tl_alloc_fail_after(-1);
        gloss_free(g);
        tl_diags_free(d);
        if (st != TL_ERR_NOMEM) {
            assert_int_equal(st, normal);
            return;
        }
        assert_true(n < 100000);
    }
}

static void test_out_of_memory(void **state)
{
    (void)state;
    torture(FX "valid.yaml", TL_OK);
    torture(FX "include/top.yaml", TL_ERR_GLOSSARY);
    torture(FX "same-form.yaml", TL_OK);
    torture(FX "forbidden-canonical.yaml", TL_ERR_GLOSSARY);
    torture(FX "bad-regex.yaml", TL_ERR_GLOSSARY);
    torture(FX "unknown-key.yaml", TL_ERR_GLOSSARY);
}

/* source:, posts:, examples:, contexts: and not_before: are read as written, and their
 * mistakes are reported where they stand (an unknown context once the set is loaded). */
static void test_provenance(void **state)
{
    (void)state;
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "provenance.yaml", &g, &st);
    const char *f = FX "provenance.yaml";
    expect(d, 0, TL_SEV_ERROR, f, 36, 13, "'source' must be a list, not a mapping");
    expect(d, 1, TL_SEV_ERROR, f, 38, 9, "post has no 'title'");
    expect(d, 2, TL_SEV_ERROR, f, 39, 9, "post 't' ends (2024-12-31) before it begins");
    expect(d, 3, TL_SEV_ERROR, f, 43, 19, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
    expect(d, 4, TL_SEV_ERROR, f, 50, 9, "unknown key 'ugly' (expected one of: good, bad)");
    expect(d, 5, TL_SEV_ERROR, f, 56, 1, "duplicate key 'contexts'");
    expect(d, 6, TL_SEV_ERROR, f, 47, 17, "needs context 'nowhere', which no loaded file");
    assert_int_equal(tl_diags_count(d), 7);
    assert_int_equal(st, TL_ERR_GLOSSARY);
    assert_int_equal(g->ncontexts, 2);
    assert_int_equal(g->contexts[0].window, 0);
    assert_int_equal(g->contexts[1].window, 5);
    assert_int_equal(g->contexts[0].nru, 3);
    assert_string_equal(g->contexts[1].uk[0], "партія");
    assert_ptr_equal(gloss_context(g, "near"), &g->contexts[1]);
    assert_null(gloss_context(g, "far"));
    const gl_concept *c = find(g, "congress");
    assert_non_null(c);
    assert_int_equal(c->nsources, 2);
    assert_string_equal(c->sources[1], "TASS 2026-01-20");
    assert_null(c->sources[2]);
    assert_int_equal(c->nexamples, 2);
    assert_false(c->examples[0].bad);
    assert_true(c->examples[1].bad);
    assert_int_equal(c->examples[1].lang, TL_LANG_RU);
    assert_string_equal(c->terms[1].context, "party");
    assert_int_equal(c->terms[1].nnot_before, 2);
    assert_string_equal(c->terms[1].not_before[1], "Колумбии");
    const gl_concept *p = find(g, "to-lam");
    assert_int_equal(p->nsources, 1);
    assert_int_equal(p->nposts, 2);
    assert_string_equal(p->posts[0].title, "general-secretary");
    assert_string_equal(p->posts[0].valid_from, "2024-08-03");
    assert_null(p->posts[0].valid_to);
    assert_string_equal(p->posts[1].valid_to, "2024");
    gloss_free(g);
    tl_diags_free(d);
}

/* `extends:` adds terms, sources and examples to a concept loaded before; its forms
 * are checked against the concept's own; unknown targets and own ids are errors. */
static void test_extends(void **state)
{
    (void)state;
    EXPECT("extends.yaml", TL_ERR_GLOSSARY,
           E(14, 11, "forbidden form 'съезд' equals the canonical form of concept 'congress'"),
           E(17, 14, "'extends' names concept 'nothing', which is not loaded before"),
           E(20, 5, "a concept with 'extends' only adds terms"));
    gloss *g;
    tl_status st;
    tl_diags *d = load(FX "extends.yaml", &g, &st);
    const gl_concept *c = find(g, "congress");
    assert_int_equal(g->nconcepts, 1);
    assert_int_equal(c->nterms, 3);
    assert_ptr_equal(c->terms[1].concept, c);
    assert_string_equal(c->terms[1].text, "конгресс");
    assert_string_equal(c->terms[1].context, "vn-party");
    assert_int_equal(c->nsources, 2);
    assert_string_equal(c->sources[1], "TASS");
    assert_null(c->sources[2]);
    assert_int_equal(c->nexamples, 1);
    gloss_free(g);
    tl_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_metadata), cmocka_unit_test(test_valid_concepts),
        cmocka_unit_test(test_bom_crlf),       cmocka_unit_test(test_include),
        cmocka_unit_test(test_include_cycle),  cmocka_unit_test(test_include_depth),
        cmocka_unit_test(test_two_loads),
        cmocka_unit_test(test_unknown_keys),   cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_furniture),
        cmocka_unit_test(test_ids),            cmocka_unit_test(test_terms),
        cmocka_unit_test(test_bad_regex),      cmocka_unit_test(test_forms),
        cmocka_unit_test(test_yaml_errors),    cmocka_unit_test(test_anchors),
        cmocka_unit_test(test_unreadable),     cmocka_unit_test(test_not_regular),
        cmocka_unit_test(test_too_big),
        cmocka_unit_test(test_validate),       cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_large),          cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_provenance),     cmocka_unit_test(test_extends),
        cmocka_unit_test(test_spelling),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
