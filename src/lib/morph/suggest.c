/*
 * suggest.c - spelling suggestions for a misspelt word.
 *
 * Hunspell's own engine finds distant corrections but costs ~60 ms a word (ru) and
 * ~120 ms (uk), mostly in its n-gram search of the whole dictionary. Most MT and typing
 * errors are one edit away, so we first try every word at edit distance 1 that the
 * dictionary accepts (adjacent swaps, deletions, then substitutions and insertions of
 * the .aff's TRY letters in its frequency order, then a split into two words): a few
 * hundred Hunspell_spell calls, about 1-2 ms. Only when that finds nothing, and the
 * caller allows it, does Hunspell's engine run (morph_slow_suggest).
 */
#include "morph_p.h"

#include <string.h>
#include <unicode/uchar.h>

#define SUG_MAX_CP 48

typedef struct {
    tl_morph *m;
    tl_lang lang;
    int cap; /* the word starts with a capital: candidates do too */
    int max, n;
    int plain; /* near-word test: a candidate with a space or a hyphen does not count */
    char *out[8];
    tl_buf b;
} sugg;

/* Whether the dictionary accepts the candidate in s->b. A candidate of letters only is
 * decided by the word-form table alone, where there is one: it holds every such form
 * of Debian's ru_RU and uk_UA, and asking Hunspell about the hundreds of candidates it
 * rejects was most of the suggester's time. Hyphens and apostrophes (uk TRY letters)
 * are word breaks and spelling variants the table does not expand: Hunspell decides. */
static int candidate_ok(const sugg *s)
{
    const wordtab *tab = morph_table(s->m, s->lang);
    if (tab && !strpbrk(s->b.data, "-'"))
        return wordtab_spell(tab, s->b.data, s->b.len);
    return morph_spell_raw(s->m, s->lang, s->b.data) == SPELL_OK;
}

/* Encodes cp[0..n) (capitalised when s->cap) and keeps it when the dictionary accepts
 * it and it is new. Returns 1 when enough candidates are collected. */
static int try_cand(sugg *s, const uint32_t *cp, size_t n, size_t split)
{
    char enc[(SUG_MAX_CP + 2) * 4 + 1]; /* encoded here, then copied once: this runs
                                          for every candidate */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (i == 0 && s->cap)
            c = (uint32_t)u_toupper((UChar32)c);
        if (split && i == split)
            enc[o++] = ' ';
        o += utf8_encode(c, enc + o);
    }
    if (s->plain && memchr(enc, '-', o))
        return 0;
    tl_buf_reset(&s->b);
    tl_buf_add(&s->b, enc, o);
    if (s->b.oom)
        return 1;
    if (split) { /* both halves must be words */
        char *sp = strchr(s->b.data, ' ');
        *sp = '\0';
        int ok = morph_spell_raw(s->m, s->lang, s->b.data) == SPELL_OK &&
                 morph_spell_raw(s->m, s->lang, sp + 1) == SPELL_OK;
        *sp = ' ';
        if (!ok)
            return 0;
    } else if (!candidate_ok(s)) {
        return 0;
    }
    if (s->plain) { /* the near-word test needs no copy */
        s->n = 1;
        return 1;
    }
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->out[i], s->b.data) == 0)
            return 0;
    char *c = tl_arena_strndup(morph_mem(s->m), s->b.data, s->b.len);
    if (c)
        s->out[s->n++] = c;
    return s->n >= s->max;
}

static void edit1(sugg *s, const uint32_t *w, size_t n)
{
    int ntry;
    const uint32_t *try_cp = morph_try_letters(s->m, s->lang, &ntry);
    uint32_t t[SUG_MAX_CP + 2];
    for (size_t i = 0; i + 1 < n; i++) { /* swap */
        memcpy(t, w, n * sizeof *t);
        t[i] = w[i + 1];
        t[i + 1] = w[i];
        if (w[i] != w[i + 1] && try_cand(s, t, n, 0))
            return;
    }
    for (size_t i = 0; i < n && n > 1; i++) { /* delete */
        memcpy(t, w, i * sizeof *t);
        memcpy(t + i, w + i + 1, (n - i - 1) * sizeof *t);
        if (try_cand(s, t, n - 1, 0))
            return;
    }
    for (int k = 0; k < ntry; k++) /* substitute, most frequent letters first */
        for (size_t i = 0; i < n; i++) {
            if (w[i] == try_cp[k])
                continue;
            memcpy(t, w, n * sizeof *t);
            t[i] = try_cp[k];
            if (try_cand(s, t, n, 0))
                return;
        }
    for (int k = 0; k < ntry; k++) /* insert */
        for (size_t i = 0; i <= n; i++) {
            memcpy(t, w, i * sizeof *t);
            t[i] = try_cp[k];
            memcpy(t + i + 1, w + i, (n - i) * sizeof *t);
            if (try_cand(s, t, n + 1, 0))
                return;
        }
    if (s->n || s->plain)
        return;
    for (size_t i = 2; i + 2 <= n; i++) /* a run-together pair, only as a last resort */
        if (try_cand(s, w, n, i))
            return;
}

static int fast_suggest(const tl_word *w, sugg *s)
{
    uint32_t cp[SUG_MAX_CP];
    size_t n = 0;
    for (size_t i = 0; i < w->keylen && n < SUG_MAX_CP;) {
        uint32_t c;
        size_t k = utf8_decode(w->key + i, w->keylen - i, &c);
        if (!k)
            return 0;
        cp[n++] = c;
        i += k;
    }
    if (n >= SUG_MAX_CP || n < 2)
        return 0;
    edit1(s, cp, n);
    return s->n;
}

int morph_suggest(tl_morph *m, tl_lang lang, tl_word *w, int max, int allow_slow, int *slow)
{
    *slow = 0;
    if (w->suggestions)
        return w->nsuggestions;
    if (!morph_ready_for(m, lang))
        return 0;
    morph_count_suggested(m);
    sugg s = {m,   lang, (w->flags & WF_CAP) && !(w->flags & WF_ALLCAPS), max > 8 ? 8 : max, 0, 0,
              {0}, {0}};
    tl_buf_init(&s.b, 0);
    fast_suggest(w, &s);
    tl_buf_release(&s.b);
    if (!s.n && allow_slow) {
        *slow = 1;
        s.n = morph_slow_suggest(m, lang, w->surface, (const char **)s.out, s.max);
    }
    const char **out = tl_arena_alloc(morph_mem(m), (size_t)(s.n ? s.n : 1) * sizeof *out);
    if (!out)
        return 0;
    for (int i = 0; i < s.n; i++)
        out[i] = s.out[i];
    w->suggestions = out;
    w->nsuggestions = (uint8_t)s.n;
    return s.n;
}

int morph_near_word(tl_morph *m, tl_lang lang, const tl_word *w)
{
    if (!morph_ready_for(m, lang))
        return 0;
    sugg s = {m, lang, (w->flags & WF_CAP) && !(w->flags & WF_ALLCAPS), 1, 0, 1, {0}, {0}};
    tl_buf_init(&s.b, 0);
    int n = fast_suggest(w, &s);
    tl_buf_release(&s.b);
    return n > 0;
}

int morph_adopt_suggestions(tl_morph *m, tl_word *w, const char *const *list, size_t n)
{
    const char **out = tl_arena_alloc(morph_mem(m), (n ? n : 1) * sizeof *out);
    if (!out)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = tl_arena_strdup(morph_mem(m), list[i])))
            return -1;
    w->suggestions = out;
    w->nsuggestions = (uint8_t)n;
    return 0;
}
