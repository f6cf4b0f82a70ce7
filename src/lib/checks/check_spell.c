/*
 * check_spell.c - rules `spelling` and `spelling.unknown-name`.
 *
 * Only Cyrillic words are spelled. Not misspellings: numbers and words with digits,
 * ordinal endings after a number («13-м», «12-го»), Latin-only words (the
 * `untranslated` rule's), mixed-script words (`script.mixed`'s), URLs and e-mail
 * addresses, short all-capital abbreviations («ЦК», «КПВ»), abbreviations of one or two
 * letters with full stops («т.д», «т. е.», «др.»), words of the glossary and
 * --words, and hyphenated compounds that are right as a whole or in every part.
 *
 * Capitalised unknown words are mostly transliterated names («Тханг», «Куангнинь»): in
 * mid-sentence they are `spelling.unknown-name` (info). At the start of a sentence, or
 * on an all-capitals line, a word is spelled in lower case first; when that fails too,
 * the decision waits for the end of the document: the word is a name when the same form
 * also occurs capitalised mid-sentence or has the shape of a Vietnamese transcription,
 * else a misspelling.
 */
#include "doc.h"
#include "morph.h"

#include <string.h>

#define ABBREV_MAX_CP 6

typedef struct {
    size_t off, len;
    tl_word *w;
} pending_word;

typedef struct {
    tl_map names; /* keys of capitalised unknown words seen mid-sentence */
    pending_word *pend;
    size_t npend, cap;
} spell_state;

static void release(void *st)
{
    spell_state *s = st;
    tl_map_release(&s->names);
    tl_free(s->pend);
}

static int joined(const tl_doc *d, size_t i) /* token i touches the previous one */
{
    return i < d->ntok && !(d->tok[i].flags & TF_SPACE_BEFORE);
}

/* An ending after a number and a hyphen: «13-м», «XIV-го» is not ours to spell. */
static int ordinal_ending(const tl_doc *d, size_t i)
{
    return i >= 2 && tok_is(d, i - 1, '-') && joined(d, i) && joined(d, i - 1) &&
           (d->tok[i - 2].kind == TK_NUMBER ||
            (d->tok[i - 2].w && (d->tok[i - 2].w->script & SCRIPT_LATIN))) &&
           d->tok[i].w->ncp <= 4;
}

static void report_bad(tl_doc *d, size_t off, size_t len, tl_word *w)
{
    tl_ifinding *f =
        doc_add(d, TL_RULE_SPELLING, off, len, "unknown word '%.*s'", (int)len, d->src.text + off);
    if (f)
        f->sugg_word = w;
}

static void report_name(tl_doc *d, size_t off, size_t len)
{
    doc_add(d, TL_RULE_SPELLING_UNKNOWN_NAME, off, len,
            "unknown capitalised word '%.*s' (a name?); add it to a glossary or --words "
            "if it is right",
            (int)len, d->src.text + off);
}

/* «т.д», «т.е», «и.о»: letters of one or two, joined by full stops (ICU keeps them one
 * word), or «т. д.», «др.»: a word of one or two letters cut by a full stop. Debian's
 * dictionaries know none of these; they were a tenth of the spelling findings on a
 * 10 MB text. */
static int abbreviation(const tl_doc *d, size_t i, const tl_word *w)
{
    if (w->ncp <= 2)
        return i + 1 < d->ntok && tok_is(d, i + 1, '.') && joined(d, i + 1);
    if (!memchr(w->surface, '.', w->len))
        return 0;
    size_t part = 0;
    for (size_t k = 0; k < w->len; k++) {
        unsigned char c = (unsigned char)w->surface[k];
        if (c == '.') {
            if (part == 0 || part > 2)
                return 0;
            part = 0;
        } else if ((c & 0xC0) != 0x80 && ++part > 2) {
            return 0;
        }
    }
    return part > 0;
}

/* One word (not part of a compound). */
static int spell_word(tl_doc *d, spell_state *s, size_t i)
{
    tl_token *t = &d->tok[i];
    tl_word *w = t->w;
    tl_morph *m = d->morph;
    if (((w->flags & WF_ALLCAPS) && !(t->flags & TF_CAPS_LINE) && w->ncp <= ABBREV_MAX_CP) ||
        abbreviation(d, i, w))
        return 0;
    if (t->flags & TF_CAPS_LINE) {
        if (morph_spell_lower(m, d->lang, w) == SPELL_BAD)
            report_bad(d, t->off, t->len, w);
        return 0;
    }
    if (morph_spell(m, d->lang, w) != SPELL_BAD)
        return 0;
    if (!(w->flags & WF_CAP)) {
        report_bad(d, t->off, t->len, w);
        return 0;
    }
    if (!(t->flags & TF_SENT_START)) {
        if (!tl_map_put(&s->names, w->key, w->keylen, w))
            return -1;
        report_name(d, t->off, t->len);
        return 0;
    }
    if (morph_spell_lower(m, d->lang, w) != SPELL_BAD)
        return 0;
    if (TL_GROW(s->pend, s->npend, s->cap, 64))
        return -1;
    s->pend[s->npend++] = (pending_word){t->off, t->len, w};
    return 0;
}

/* A run of words joined by hyphens without spaces, tokens [i, j): right when the whole
 * is in the dictionary or every part is; else each wrong part is reported. */
static int spell_compound(tl_doc *d, spell_state *s, size_t i, size_t j)
{
    const tl_token *a = &d->tok[i], *b = &d->tok[j - 1];
    size_t off = a->off, len = b->off + b->len - a->off;
    /* the whole goes through the word cache too: a text repeats its compounds, and
     * Hunspell takes ~10 µs over one (the table does not hold most of them) */
    tl_word *w = morph_word(d->morph, d->lang, d->src.text + off, len);
    if (!w)
        return -1;
    if (morph_spell(d->morph, d->lang, w) != SPELL_BAD)
        return 0;
    for (size_t k = i; k < j; k++)
        if (d->tok[k].kind == TK_WORD && spell_word(d, s, k))
            return -1;
    return 0;
}

static int spellable(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    return t->kind == TK_WORD && !(t->flags & TF_URL) && t->w->script == SCRIPT_CYRILLIC &&
           !(t->w->flags & WF_DIGIT);
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    if (!doc_rule_on(d, TL_RULE_SPELLING) && !doc_rule_on(d, TL_RULE_SPELLING_UNKNOWN_NAME))
        return 0;
    spell_state *s = st;
    for (size_t i = 0; i < d->ntok; i++) {
        if (!spellable(d, i) || ordinal_ending(d, i))
            continue;
        /* hyphenated compound: word(-word)+ with no spaces around the hyphens */
        size_t j = i + 1;
        while (j + 1 < d->ntok && tok_is(d, j, '-') && joined(d, j) && joined(d, j + 1) &&
               d->tok[j + 1].kind == TK_WORD)
            j += 2;
        if (j > i + 1) {
            int skip = 0;
            for (size_t k = i; k < j; k += 2)
                skip |= !spellable(d, k);
            if (!skip && spell_compound(d, s, i, j))
                return -1;
            i = j - 1;
            continue;
        }
        if (spell_word(d, s, i))
            return -1;
    }
    return 0;
}

/* Shapes of the Russian/Ukrainian practical transcription of Vietnamese syllables:
 * clusters that native words rarely have. */
static int looks_vietnamese(const char *key)
{
    static const char *const marks[] = {"нг", "тх", "кх", "фы", "зя", "ньх", "ыо", "ыа", NULL};
    for (int i = 0; marks[i]; i++)
        if (strstr(key, marks[i]))
            return 1;
    size_t n = strlen(key);
    return n >= 4 && (strcmp(key + n - 4, "нь") == 0 || strcmp(key + n - 4, "ть") == 0) && n <= 16;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    spell_state *s = st;
    for (size_t i = 0; i < s->npend; i++) {
        pending_word *p = &s->pend[i];
        if (tl_map_get(&s->names, p->w->key, p->w->keylen) || looks_vietnamese(p->w->key))
            report_name(d, p->off, p->len);
        else
            report_bad(d, p->off, p->len, p->w);
    }
    return 0;
}

const tl_family family_spelling = {"spelling", sizeof(spell_state), 0, NULL, chunk, finish, release,
                                   NULL};
