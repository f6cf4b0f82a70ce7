/* test_match.c - stage 5: matching keys (ending stripping) and the term index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "match_p.h"
#include "stem.h"

#include <string.h>

static void stem_eq(tl_lang lang, const char *a, const char *b)
{
    size_t la = stem_key_len(lang, a, strlen(a)), lb = stem_key_len(lang, b, strlen(b));
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
}

static void stem_ne(tl_lang lang, const char *a, const char *b)
{
    size_t la = stem_key_len(lang, a, strlen(a)), lb = stem_key_len(lang, b, strlen(b));
    assert_false(la == lb && memcmp(a, b, la) == 0);
}

static void test_inflections_share_a_key(void **st)
{
    (void)st;
    const char *forms[] = {"всекитайский", "всекитайского", "всекитайскому", "всекитайским",
                           "всекитайском", "всекитайских", "всекитайскими", NULL};
    for (int i = 1; forms[i]; i++)
        stem_eq(TL_LANG_RU, forms[0], forms[i]);
    stem_eq(TL_LANG_RU, "комиссия", "комиссии");
    stem_eq(TL_LANG_RU, "комиссия", "комиссией");
    stem_eq(TL_LANG_RU, "съезд", "съездами");
    stem_eq(TL_LANG_UK, "комітет", "комітету");
    stem_eq(TL_LANG_UK, "партія", "партією");
    stem_eq(TL_LANG_UK, "з'їзд", "з'їзду");
}

static void test_different_words_differ(void **st)
{
    (void)st;
    stem_ne(TL_LANG_RU, "комитет", "комиссия");
    stem_ne(TL_LANG_RU, "городской", "город");
    stem_ne(TL_LANG_RU, "собрание", "совет");
    stem_ne(TL_LANG_RU, "тханг", "тхань");
    /* short words and their stems are kept whole */
    assert_int_equal(stem_key_len(TL_LANG_RU, "лам", strlen("лам")), strlen("лам"));
}

static void test_index_by_first_word(void **st)
{
    (void)st;
    gloss *g = gloss_new();
    assert_non_null(g);
    tl_diags *d = tl_diags_new();
    assert_int_equal(gloss_load(g, "tests/golden/term-every-case-ru/g.yaml", d), TL_OK);
    tl_match_index *mi = match_index_new(g);
    assert_non_null(mi);
    /* every term is reachable from the key of its first word */
    for (size_t i = 0; i < mi->nterms; i++) {
        const mterm *t = &mi->terms[i];
        if (!t->n)
            continue;
        const mkey *k = mi->key_tab[t->w[0].kid];
        int found = 0, l = t->term->lang == TL_LANG_UK;
        for (uint32_t s = 0; s < k->nstarts[l]; s++)
            found |= k->starts[l][s].term == i;
        assert_true(found);
    }
    /* «Всекитайский партийный съезд» and «Всекитайский съезд» share the first key */
    const char *key = "всекитайск";
    const mkey *k = tl_map_get(&mi->keys, key, strlen(key));
    assert_non_null(k);
    assert_int_equal(k->nstarts[0], 2);
    match_index_free(mi);
    gloss_free(g);
    tl_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inflections_share_a_key),
        cmocka_unit_test(test_different_words_differ),
        cmocka_unit_test(test_index_by_first_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
