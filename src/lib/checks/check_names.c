/*
 * check_names.c - rule `name.variant` without the glossary: one proper name spelled two
 * ways in one text («Куангчі» / «Куангті», «Куангнам» / «Куанг Нам»).
 *
 * Candidates are capitalised Cyrillic words the dictionary does not know (names, in
 * practice: glossary names are known words and belong to check_terms.c), not in
 * capitals, and at the start of a sentence only when their lower-case form is unknown
 * too. A candidate is a "unit" (one word, or words glued by hyphens: «Тхиатхьєн-Хюе»)
 * or a pair of capitalised units with only a space between («Куанг Нам»). Known words
 * count too, as "weak" forms that can only be variants of a form with an unknown word:
 * a capitalised known word in mid-sentence (the Ukrainian dictionary knows «Нгуєн», not
 * «Нгуен») and a pair of known words («Куанг» and «Нам» are Ukrainian words,
 * «Куангнам» is not). Each is recorded per chunk under its form:
 *
 *   surface   «Куанг Наму»
 *   shape     "куанг наму" -> stem "куанг нам"  (ending stripped: stem_key_len)
 *   skeleton  "куангнам"                        (the stem without spaces and hyphens)
 *
 * so declined forms of one name («Чонг», «Чонга», «Чонгом») are one form. At the end of
 * the document two forms are variants of one name when
 *   - their skeletons are equal and their shapes differ (spaces and hyphens only); or
 *   - their skeletons differ by one known transliteration confusion (table below):
 *     a consonant one (ч/т/тр, з/д/ж/гі) only between forms of at least 7 letters of
 *     which one is a single unit (place names are written as one word; person names
 *     are short syllables, and «Чан Тхань» / «Тан Тхань» are different people), a
 *     vowel one (и/і/ы, е/є/э) between forms of at least 5 letters.
 * Any other one-letter difference is a different name: «Тханг» / «Тхань», «Минь» /
 * «Линь», and even long ones: «Куангнінь» / «Куангбінь», «Кханьхоа» / «Тханьхоа»,
 * «Кьензянг» / «Тьензянг» are different provinces that lists name side by side.
 *
 * Variants are grouped (union-find); in each group the form used most often is the
 * dominant one (ties: the form with fewer words, since machine translation splits
 * Vietnamese syllables and the solid spelling is the editor's; then the first seen).
 * Every use of another form of the group is reported, pointing at the dominant form;
 * the suggestion is the dominant form's stem with the use's own ending. A span already
 * reported as name.variant from the glossary (check_terms.c) is not reported again.
 * Pairs only, not longer groups: «Хо Ши Мин» (the person) and «Хошимин» (the city)
 * are different names that a 3-word rule would join.
 */
#include "doc.h"
#include "morph.h"
#include "stem.h"

#include <string.h>

#define CONSONANT_MIN_LETTERS 7
#define VOWEL_MIN_LETTERS 5

typedef struct {
    size_t off, len;
    uint32_t form;
    uint8_t end_ncp; /* code points of the stripped ending */
    uint8_t sent;    /* at the start of a sentence */
} name_use;

typedef struct {
    const char *shape, *skel; /* stems; skel has no separators */
    size_t skel_len;
    uint32_t count, first; /* uses; index of the first use */
    uint32_t rep;          /* the use quoted for this form */
    uint32_t next_skel;    /* next form with the same skeleton (1-based; 0 = none) */
    uint32_t parent;       /* union-find */
    uint16_t letters;      /* code points of the unstripped skeleton */
    uint8_t nunits;        /* 1 or 2 */
    uint8_t weak;          /* a pair of known words («Куанг Нам»): a variant only of a
                              form with an unknown word */
    uint8_t glossary;      /* every word of it is a glossary word: a tie goes to it */
} name_form;

typedef struct {
    tl_map shapes; /* shape -> form index + 1 */
    tl_map skels;  /* skeleton -> first form index + 1 */
    name_form *f;
    size_t nf, cap_f;
    name_use *u;
    size_t nu, cap_u;
} names_state;

/* A unit: tokens [a, b) (a word, or words glued by hyphens). */
typedef struct {
    size_t a, b;
    int ok;      /* capitalised, Cyrillic, not in capitals, not a URL or number */
    int unknown; /* the dictionary does not know it */
} unit;

static void release(void *st)
{
    names_state *s = st;
    tl_map_release(&s->shapes);
    tl_map_release(&s->skels);
    tl_free(s->f);
    tl_free(s->u);
}

/* ---- units ------------------------------------------------------------------------ */

static int glued_hyphen(const tl_doc *d, size_t i)
{
    return i + 1 < d->ntok && tok_is(d, i, '-') && !(d->tok[i].flags & TF_SPACE_BEFORE) &&
           !(d->tok[i + 1].flags & TF_SPACE_BEFORE) && d->tok[i + 1].kind == TK_WORD;
}

static int name_part(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    return t->kind == TK_WORD && !(t->flags & (TF_URL | TF_CAPS_LINE)) &&
           t->w->script == SCRIPT_CYRILLIC && !(t->w->flags & (WF_DIGIT | WF_ALLCAPS));
}

/* The unit starting at word token i. */
static unit unit_at(tl_doc *d, size_t i)
{
    unit u = {i, i + 1, 1, 0};
    while (glued_hyphen(d, u.b))
        u.b += 2;
    tl_morph *m = d->morph;
    u.ok = (d->tok[i].w->flags & WF_CAP) && !(i > 0 && glued_hyphen(d, i - 1));
    for (size_t k = u.a; k < u.b && u.ok; k += 2) {
        if (!name_part(d, k)) {
            u.ok = 0;
            break;
        }
        if (morph_spell(m, d->lang, d->tok[k].w) != SPELL_BAD)
            continue;
        if (k == u.a && (d->tok[k].flags & TF_SENT_START) &&
            morph_spell_lower(m, d->lang, d->tok[k].w) != SPELL_BAD)
            continue; /* a common word capitalised by the sentence start */
        u.unknown = 1;
    }
    return u;
}

/* ---- forms ------------------------------------------------------------------------ */

/* Builds the shape of tokens [a, b) (separators ' ' and '-') into `shape`. */
static int build_shape(const tl_doc *d, size_t a, size_t b, tl_buf *shape, size_t *last_part)
{
    for (size_t k = a; k < b; k++) {
        const tl_token *t = &d->tok[k];
        if (t->kind == TK_PUNCT) {
            tl_buf_addc(shape, '-');
            continue;
        }
        if (k > a && d->tok[k - 1].kind == TK_WORD)
            tl_buf_addc(shape, ' ');
        *last_part = t->w->keylen;
        tl_buf_add(shape, t->w->key, t->w->keylen);
    }
    return shape->oom ? -1 : 0;
}

static uint32_t new_form(tl_doc *d, names_state *s, const char *shape, size_t shape_len,
                         const char *skel, size_t skel_len, size_t letters, int nunits, int weak)
{
    if (TL_GROW(s->f, s->nf, s->cap_f, 64))
        return UINT32_MAX;
    name_form *f = &s->f[s->nf];
    memset(f, 0, sizeof *f);
    f->shape = tl_arena_strndup(&d->mem, shape, shape_len);
    f->skel = tl_arena_strndup(&d->mem, skel, skel_len);
    if (!f->shape || !f->skel)
        return UINT32_MAX;
    f->skel_len = skel_len;
    f->letters = (uint16_t)(letters > 65535 ? 65535 : letters);
    f->nunits = (uint8_t)nunits;
    f->weak = (uint8_t)weak;
    f->parent = (uint32_t)s->nf;
    f->first = (uint32_t)s->nu;
    f->rep = (uint32_t)s->nu;
    uint32_t idx = (uint32_t)s->nf;
    uintptr_t head = (uintptr_t)tl_map_get(&s->skels, skel, skel_len);
    f->next_skel = (uint32_t)head;
    if (!tl_map_put(&s->shapes, shape, shape_len, (void *)(uintptr_t)(idx + 1)) ||
        !tl_map_put(&s->skels, skel, skel_len, (void *)(uintptr_t)(idx + 1)))
        return UINT32_MAX;
    s->nf++;
    return idx;
}

/* Records one use of the name written by tokens [a, b) (nunits 1 or 2; weak: no word
 * of it is unknown). */
static int record(tl_doc *d, names_state *s, size_t a, size_t b, int nunits, int weak)
{
    tl_buf shape, skel;
    tl_buf_init(&shape, 0);
    tl_buf_init(&skel, 0);
    size_t last_part = 0;
    int rc = -1;
    if (build_shape(d, a, b, &shape, &last_part))
        goto out;
    for (size_t i = 0; i < shape.len; i++)
        if (shape.data[i] != ' ' && shape.data[i] != '-')
            tl_buf_addc(&skel, shape.data[i]);
    if (skel.oom)
        goto out;
    size_t letters = utf8_count(skel.data, skel.len);
    size_t stem = stem_key_len(d->lang, skel.data, skel.len), ending = skel.len - stem;
    if (ending >= last_part) /* the ending must lie inside the last word */
        ending = 0;
    const char *shape_end = shape.data + shape.len - ending;
    uintptr_t fi = (uintptr_t)tl_map_get(&s->shapes, shape.data, shape.len - ending);
    uint32_t form = fi ? (uint32_t)(fi - 1)
                       : new_form(d, s, shape.data, shape.len - ending, skel.data,
                                  skel.len - ending, letters, nunits, weak);
    if (form == UINT32_MAX || TL_GROW(s->u, s->nu, s->cap_u, 64))
        goto out;
    const tl_token *ta = &d->tok[a], *tb = &d->tok[b - 1];
    name_use *u = &s->u[s->nu];
    u->off = ta->off;
    u->len = tb->off + tb->len - ta->off;
    u->form = form;
    u->end_ncp = (uint8_t)utf8_count(shape_end, ending);
    u->sent = (ta->flags & TF_SENT_START) != 0;
    name_form *f = &s->f[form];
    if (!f->count) {
        f->glossary = 1;
        for (size_t k = a; k < b; k++)
            if (d->tok[k].kind == TK_WORD && !(d->tok[k].w->flags & WF_IN_GLOSSARY))
                f->glossary = 0;
    }
    if (f->count && s->u[f->rep].sent && !u->sent)
        f->rep = (uint32_t)s->nu;
    f->count++;
    s->nu++;
    rc = 0;
out:
    tl_buf_release(&shape);
    tl_buf_release(&skel);
    return rc;
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    if (!doc_rule_on(d, TL_RULE_NAME_VARIANT))
        return 0;
    names_state *s = st;
    unit prev = {0, 0, 0, 0};
    for (size_t i = 0; i < d->ntok;) {
        if (d->tok[i].kind != TK_WORD) {
            prev.ok = 0;
            i++;
            continue;
        }
        unit u = unit_at(d, i);
        int mid = !(d->tok[u.a].flags & TF_SENT_START);
        if (u.ok && (u.unknown || mid) && record(d, s, u.a, u.b, 1, !u.unknown))
            return -1;
        const tl_token *t = &d->tok[u.a];
        if (u.ok && prev.ok && prev.b == u.a && (t->flags & TF_SPACE_BEFORE) &&
            !(t->flags & TF_NEWLINE_BEFORE) &&
            record(d, s, prev.a, u.b, 2, !prev.unknown && !u.unknown))
            return -1;
        prev = u;
        i = u.b;
    }
    return 0;
}

/* ---- variants --------------------------------------------------------------------- */

typedef struct {
    const char *x, *y;
    int vowel;
    int literal; /* one side is a letter-by-letter reading of the Latin spelling that the
                    standard transcription never writes («тр» for tr): it joins person
                    names of several syllables too («Тран Ван» / «Чан Ван») */
    int pairs; /* only between names of two syllables (persons: «Лыонг Куонг» / «Лыонг
                    Кыонг»); single words differing so are often two names («Грудаш» /
                    «Грыдаш» in a list of characters) */
} confusion;

/* Transliteration confusions of Vietnamese names: tr -> ч (MT also writes т or тр),
 * gi/d -> з (also д, ж, гі), final nh -> нь (MT drops the soft sign: «Анзянг» /
 * «Аньзянг»), ư -> ы (uk и; MT reads it as у: «Куонг» / «Кыонг»), uê -> юэ (MT drops the
 * э: «Хю» / «Хюэ»), and the vowels of the two orthographies. */
static const confusion confusions[] = {
    {"ч", "т", 0, 0, 0},  {"ч", "тр", 0, 1, 0}, {"т", "тр", 0, 0, 0}, {"з", "д", 0, 0, 0},
    {"з", "ж", 0, 0, 0},  {"з", "гі", 0, 0, 0}, {"з", "ги", 0, 0, 0}, {"нь", "н", 0, 0, 0},
    {"и", "і", 1, 0, 0},  {"и", "ы", 1, 0, 0},  {"е", "є", 1, 0, 0},  {"е", "э", 1, 0, 0},
    {"є", "э", 1, 0, 0},  {"у", "ы", 1, 0, 1},  {"у", "и", 1, 0, 1},  {"юэ", "ю", 1, 0, 1},
    {NULL, NULL, 0, 0, 0}};

static uint32_t find(names_state *s, uint32_t i)
{
    while (s->f[i].parent != i) {
        s->f[i].parent = s->f[s->f[i].parent].parent;
        i = s->f[i].parent;
    }
    return i;
}

static void join(names_state *s, uint32_t a, uint32_t b)
{
    a = find(s, a);
    b = find(s, b);
    if (a != b)
        s->f[b].parent = a;
}

/* Joins form fi with every form whose skeleton is `skel` (len n), under confusion c
 * (NULL: a spacing variant). */
static void join_skel(names_state *s, uint32_t fi, const char *skel, size_t n, const confusion *c)
{
    uintptr_t g = (uintptr_t)tl_map_get(&s->skels, skel, n);
    for (; g; g = s->f[g - 1].next_skel) {
        uint32_t gi = (uint32_t)(g - 1);
        const name_form *a = &s->f[fi], *b = &s->f[gi];
        if (gi == fi || (a->weak && b->weak))
            continue;
        if (c) {
            int pair = a->nunits > 1 && b->nunits > 1;
            unsigned min =
                c->vowel || (c->literal && pair) ? VOWEL_MIN_LETTERS : CONSONANT_MIN_LETTERS;
            if (a->letters < min || b->letters < min ||
                (!c->vowel && !c->literal && a->nunits > 1 && b->nunits > 1) ||
                (c->pairs && (a->nunits < 2 || b->nunits < 2)))
                continue;
        } else if (strcmp(a->shape, b->shape) == 0) {
            continue;
        }
        join(s, fi, gi);
    }
}

/* Joins form fi with the forms one confusion x -> y away. */
static int join_confused(names_state *s, uint32_t fi, const confusion *c, const char *x,
                         const char *y, tl_buf *tmp)
{
    const char *skel = s->f[fi].skel;
    size_t n = s->f[fi].skel_len, xl = strlen(x);
    for (const char *p = strstr(skel, x); p; p = strstr(p + 1, x)) {
        tl_buf_reset(tmp);
        tl_buf_add(tmp, skel, (size_t)(p - skel));
        tl_buf_adds(tmp, y);
        tl_buf_add(tmp, p + xl, n - (size_t)(p - skel) - xl);
        if (tmp->oom)
            return -1;
        join_skel(s, fi, tmp->data, tmp->len, c);
    }
    return 0;
}

static int group_forms(names_state *s)
{
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    int rc = 0;
    for (uint32_t fi = 0; fi < s->nf && !rc; fi++) {
        join_skel(s, fi, s->f[fi].skel, s->f[fi].skel_len, NULL);
        for (const confusion *c = confusions; c->x && !rc; c++)
            rc = join_confused(s, fi, c, c->x, c->y, &tmp) ||
                 join_confused(s, fi, c, c->y, c->x, &tmp);
    }
    tl_buf_release(&tmp);
    return rc;
}

static int dominates(const name_form *a, const name_form *b)
{
    if (a->count != b->count)
        return a->count > b->count;
    if (a->glossary != b->glossary)
        return a->glossary; /* the glossary's transcription is the agencies' */
    int at = strstr(a->skel, "тр") != NULL, bt = strstr(b->skel, "тр") != NULL;
    if (at != bt)
        return bt; /* «тр» is a letter-by-letter reading; the standard writes «ч» */
    if (a->nunits != b->nunits)
        return a->nunits < b->nunits;
    return a->first < b->first;
}

/* ---- reporting -------------------------------------------------------------------- */

/* Bytes of [p, p+len) without its last `ncp` code points. */
static size_t cut_ncp(const char *p, size_t len, size_t ncp)
{
    while (ncp && len) {
        len--;
        while (len && ((unsigned char)p[len] & 0xC0) == 0x80)
            len--;
        ncp--;
    }
    return len;
}

/* Spans of the name.variant findings already made (from the glossary): key = the
 * bytes of {off, len}. */
static int seen_spans(const tl_doc *d, tl_rule rule, tl_map *seen)
{
    for (size_t i = 0; i < d->nf; i++) {
        size_t k[2] = {d->f[i].off, d->f[i].len};
        if (d->f[i].rule == rule && !tl_map_put(seen, (const char *)k, sizeof k, (void *)1))
            return -1;
    }
    return 0;
}

static int already_reported(const tl_map *seen, size_t off, size_t len)
{
    size_t k[2] = {off, len};
    return seen->count && tl_map_get(seen, (const char *)k, sizeof k) != NULL;
}

static void report(tl_doc *d, const names_state *s, const name_use *u, const name_form *dom,
                   const name_form *mine, const tl_map *seen)
{
    const name_use *r = &s->u[dom->rep];
    /* already reported by the glossary, or the "dominant" spelling is itself a form the
     * glossary calls wrong: the glossary knows better than a majority */
    if (already_reported(seen, u->off, u->len) || already_reported(seen, r->off, r->len))
        return;
    const char *text = d->src.text;
    tl_buf b;
    tl_buf_init(&b, 0);
    utf8_add_flat(&b, text + r->off, cut_ncp(text + r->off, r->len, r->end_ncp));
    size_t own = cut_ncp(text + u->off, u->len, u->end_ncp);
    tl_buf_add(&b, text + u->off + own, u->len - own);
    if (b.oom) {
        d->oom = 1;
    } else {
        tl_ifinding *f;
        if (dom->count > mine->count)
            f = doc_add(d, TL_RULE_NAME_VARIANT, u->off, u->len,
                        "«%s» looks like another spelling of the name «%s», which this "
                        "text uses more often (%u× against %u×); write the name one way",
                        doc_quote(d, text + u->off, u->len), doc_quote(d, text + r->off, r->len),
                        (unsigned)dom->count, (unsigned)mine->count);
        else
            f = doc_add(d, TL_RULE_NAME_VARIANT, u->off, u->len,
                        "«%s» looks like another spelling of the name «%s» (%u× each); "
                        "write the name one way, %s",
                        doc_quote(d, text + u->off, u->len), doc_quote(d, text + r->off, r->len),
                        (unsigned)dom->count,
                        dom->glossary && !mine->glossary ? "as the glossary writes it"
                        : strstr(mine->skel, "тр") && !strstr(dom->skel, "тр")
                            ? "with «ч» for tr, as the standard transcription does"
                        : dom->nunits < mine->nunits ? "as one word like a place name"
                                                     : "as it is first written");
        if (f)
            doc_suggest(d, f, b.data, b.len);
    }
    tl_buf_release(&b);
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    names_state *s = st;
    if (s->nf < 2)
        return 0;
    if (group_forms(s))
        return -1;
    uint32_t *dom = tl_malloc(s->nf * sizeof *dom);
    if (!dom)
        return -1;
    for (uint32_t i = 0; i < s->nf; i++)
        dom[i] = UINT32_MAX;
    for (uint32_t i = 0; i < s->nf; i++) {
        uint32_t r = find(s, i);
        if (dom[r] == UINT32_MAX || dominates(&s->f[i], &s->f[dom[r]]))
            dom[r] = i;
    }
    tl_map seen;
    tl_map_init(&seen);
    int rc = seen_spans(d, TL_RULE_NAME_VARIANT, &seen);
    for (size_t i = 0; i < s->nu && !rc; i++) {
        const name_use *u = &s->u[i];
        uint32_t best = dom[find(s, u->form)];
        if (best != u->form)
            report(d, s, u, &s->f[best], &s->f[u->form], &seen);
    }
    tl_map_release(&seen);
    tl_free(dom);
    return rc || d->oom ? -1 : 0;
}

const tl_family family_names = {"names", sizeof(names_state), 0, NULL, chunk, finish, release,
                                NULL};
