/*
 * check_spell.c - rules `spelling`, `spelling.unknown-name` and
 * `spelling.ordinal-ending`.
 *
 * Only Cyrillic words are spelled. Not misspellings: numbers and words with digits,
 * ordinal endings after a number («13-м», «12-го»), Latin-only words (the
 * `untranslated` rule's), mixed-script words (`script.mixed`'s), URLs and e-mail
 * addresses, short all-capital abbreviations («ЦК», «КПВ»), abbreviations of one or two
 * letters with full stops («т.д», «т. е.», «др.»), words of the glossary and --words,
 * and hyphenated compounds that are right as a whole or in every part.
 *
 * Beyond the dictionary, from the `spelling:` rule data of the text's language
 * (spelldata.c; glossaries/rules.yaml):
 *   - listed abbreviations: «окт.», «проф.», «г-н», «г-жи», «р-н»;
 *   - clipped compounds: a listed prefix written together with a word of at least four
 *     letters that the dictionary knows («госзакупки», «кибербезопасность»), unless a
 *     dictionary word lies one edit away (then it is a typo of that word);
 *   - numeral compounds after «digits-»: the part is right when a listed numeral
 *     prefix makes it a dictionary word («70-летия»: «пятилетия»; «2-комнатная»);
 *   - compound adjectives: a first part that is the stem of an adjective the
 *     dictionary knows («российско-» of «российский», «українсько-» of «український»);
 *   - declined forms of the glossary's person and place names («Лыонгом», «Ламу»).
 *
 * Capitalised unknown words are mostly transliterated names («Тханг», «Куангнинь»): in
 * mid-sentence they are `spelling.unknown-name` (info). At the start of a sentence, or
 * on an all-capitals line, a word is spelled in lower case first (on a capitals line
 * also Capitalised: «ХАНОЙ» is «Ханой»); when that fails too, it is a name when further
 * capitalised name syllables follow it on the line («Фам Ван Хунг заявил»), else the
 * decision waits for the end of the document: the word is a name when the same form
 * also occurs capitalised mid-sentence or has the shape of a Vietnamese transcription,
 * else a misspelling.
 *
 * spelling.ordinal-ending: an ordinal written in figures with an ending the Russian
 * standard does not use («1-ый», «16-ой», «3-у»), by the `ordinal_endings` pairs of the
 * text's language; the suggestion is the figure with the standard ending («1-й»).
 */
#include "doc.h"
#include "morph.h"
#include "spelldata.h"

#include <string.h>
#include <unicode/uchar.h>

#define ABBREV_MAX_CP 6
#define CLIPPED_REST_MIN_CP 4 /* «гос» + «закупки»: the word after a clipped prefix */

typedef struct {
    size_t off, len;
    tl_word *w;
} pending_word;

typedef struct {
    tl_map names; /* keys of capitalised unknown words seen mid-sentence */
    pending_word *pend;
    size_t npend, cap;
    const spelldata *sd;
} spell_state;

typedef struct {
    tl_arena mem;
    spelldata lang[3]; /* by tl_lang */
} spell_ctx;

static void release(void *st)
{
    spell_state *s = st;
    tl_map_release(&s->names);
    tl_free(s->pend);
}

static void ctx_release(void *cst)
{
    spell_ctx *c = cst;
    for (int l = 0; l < 3; l++)
        spelldata_release(&c->lang[l]);
    tl_arena_release(&c->mem);
}

static int joined(const tl_doc *d, size_t i) /* token i touches the previous one */
{
    return i < d->ntok && !(d->tok[i].flags & TF_SPACE_BEFORE);
}

/* Word i follows a number or a Roman numeral and a hyphen: «13-м», «XIV-го», «70-летия». */
static int after_number(const tl_doc *d, size_t i)
{
    return i >= 2 && tok_is(d, i - 1, '-') && joined(d, i) && joined(d, i - 1) &&
           (d->tok[i - 2].kind == TK_NUMBER ||
            (d->tok[i - 2].w && (d->tok[i - 2].w->script & SCRIPT_LATIN)));
}

static int digits(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_NUMBER)
        return 0;
    for (size_t k = 0; k < t->len; k++)
        if (d->src.text[t->off + k] < '0' || d->src.text[t->off + k] > '9')
            return 0;
    return 1;
}

static void report_bad(tl_doc *d, size_t off, size_t len, tl_word *w)
{
    tl_ifinding *f = doc_add(d, TL_RULE_SPELLING, off, len, "unknown word '%s'",
                             doc_quote(d, d->src.text + off, len));
    if (f)
        f->sugg_word = w;
}

static void report_name(tl_doc *d, size_t off, size_t len)
{
    doc_add(d, TL_RULE_SPELLING_UNKNOWN_NAME, off, len,
            "unknown capitalised word '%s' (a name?); add it to a glossary or --words "
            "if it is right",
            doc_quote(d, d->src.text + off, len));
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

static int has_prefix(const char *key, size_t keylen, const char *p, size_t *n)
{
    *n = strlen(p);
    return *n < keylen && memcmp(key, p, *n) == 0;
}

/* A dictionary word lies one edit from `w` (a split into two words, with a space or a
 * hyphen, does not count: «авто-режим» is the compound itself):
 * then `w` is more likely a typo of it than a compound («госдарственный» of
 * «государственный» splits into «гос» + «дарственный»). */
static int near_word(tl_doc *d, const tl_word *w) { return morph_near_word(d->morph, d->lang, w); }

/* «госзакупки», «кибербезопасности»: a clipped prefix and a word the dictionary knows,
 * and no dictionary word one edit away. The answer is kept in the word's flags: unknown
 * words recur, and each try may ask Hunspell. */
static int clipped_compound(tl_doc *d, const spelldata *sd, tl_word *w)
{
    if (w->flags & WF_CLIPPED_DONE)
        return (w->flags & WF_CLIPPED) != 0;
    int yes = 0;
    size_t n;
    for (size_t k = 0; !yes && k < sd->n[GL_SP_COMPOUND_PREFIXES]; k++)
        yes = has_prefix(w->key, w->keylen, sd->list[GL_SP_COMPOUND_PREFIXES][k], &n) &&
              utf8_count(w->key + n, w->keylen - n) >= CLIPPED_REST_MIN_CP &&
              spelldata_known_join(d, "", 0, w->key + n, w->keylen - n);
    yes = yes && !near_word(d, w);
    w->flags |= WF_CLIPPED_DONE | (yes ? WF_CLIPPED : 0);
    return yes;
}

/* «70-летия»: a numeral prefix makes the part after «digits-» a dictionary word. */
static int numeral_compound(tl_doc *d, const spelldata *sd, const tl_word *w)
{
    for (size_t k = 0; k < sd->n[GL_SP_NUMERAL_PREFIXES]; k++) {
        const char *p = sd->list[GL_SP_NUMERAL_PREFIXES][k];
        if (spelldata_known_join(d, p, strlen(p), w->key, w->keylen))
            return 1;
    }
    return 0;
}

/* «ХАНОЙ»: the Capitalised form of a word on an all-capitals line. */
static int known_title_case(tl_doc *d, const tl_word *w)
{
    uint32_t c;
    size_t n = utf8_decode(w->key, w->keylen, &c);
    char up[4];
    size_t k = n ? utf8_encode((uint32_t)u_toupper((UChar32)c), up) : 0;
    return k && spelldata_known_join(d, up, k, w->key + n, w->keylen - n);
}

static int pend(spell_state *s, const tl_token *t)
{
    if (TL_GROW(s->pend, s->npend, s->cap, 64))
        return -1;
    s->pend[s->npend++] = (pending_word){t->off, t->len, t->w};
    return 0;
}

/* A capitalised word at a sentence start or on a capitals line that is no word in
 * lower case: a name when name syllables follow, else decided at the end. */
static int initial_unknown(tl_doc *d, spell_state *s, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (spelldata_in_name_run(d, i, 0)) {
        report_name(d, t->off, t->len);
        return 0;
    }
    return pend(s, t);
}

/* One word (or a part of a compound, `part`: not its last). */
static int spell_word(tl_doc *d, spell_state *s, size_t i, int part)
{
    tl_token *t = &d->tok[i];
    tl_word *w = t->w;
    tl_morph *m = d->morph;
    const spelldata *sd = s->sd;
    if (((w->flags & WF_ALLCAPS) && !(t->flags & TF_CAPS_LINE) && w->ncp <= ABBREV_MAX_CP) ||
        abbreviation(d, i, w) || spelldata_abbreviation(sd, d, i, i + 1))
        return 0;
    int caps_line = (t->flags & TF_CAPS_LINE) != 0;
    int ok = caps_line ? morph_spell_lower(m, d->lang, w) != SPELL_BAD
                       : morph_spell(m, d->lang, w) != SPELL_BAD;
    if (ok || clipped_compound(d, sd, w) ||
        (part && (spelldata_adjective_stem(sd, d, w) || spelldata_compound_first(sd, d, i))))
        return 0;
    if (!(w->flags & WF_CAP)) {
        report_bad(d, t->off, t->len, w);
        return 0;
    }
    if (spelldata_glossary_name(sd, d, w) || (caps_line && known_title_case(d, w)))
        return 0;
    if (caps_line)
        return initial_unknown(d, s, i);
    if (!(t->flags & TF_SENT_START)) {
        if (!tl_map_put(&s->names, w->key, w->keylen, w))
            return -1;
        report_name(d, t->off, t->len);
        return 0;
    }
    if (morph_spell_lower(m, d->lang, w) != SPELL_BAD)
        return 0;
    return initial_unknown(d, s, i);
}

/* A run of words joined by hyphens without spaces, tokens [i, j): right when the whole
 * is in the dictionary or a listed abbreviation, or every part is; else each wrong part
 * is reported. */
static int spell_compound(tl_doc *d, spell_state *s, size_t i, size_t j)
{
    const tl_token *a = &d->tok[i], *b = &d->tok[j - 1];
    size_t off = a->off, len = b->off + b->len - a->off;
    /* the whole goes through the word cache too: a text repeats its compounds, and
     * Hunspell takes ~10 µs over one (the table does not hold most of them) */
    tl_word *w = morph_word(d->morph, d->lang, d->src.text + off, len);
    if (!w)
        return -1;
    if (morph_spell(d->morph, d->lang, w) != SPELL_BAD || spelldata_abbreviation(s->sd, d, i, j))
        return 0;
    for (size_t k = i; k < j; k++)
        if (d->tok[k].kind == TK_WORD && spell_word(d, s, k, k + 1 < j))
            return -1;
    return 0;
}

static int spellable(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    return t->kind == TK_WORD && !(t->flags & TF_URL) && t->w->script == SCRIPT_CYRILLIC &&
           !(t->w->flags & WF_DIGIT);
}

/* «1-ый» -> «1-й»: the standard ending of the `ordinal_endings` pair, or NULL. */
static const char *standard_ending(const spelldata *sd, const tl_word *w)
{
    const char *const *l = sd->list[GL_SP_ORDINAL_ENDINGS];
    for (size_t k = 0; k + 1 < sd->n[GL_SP_ORDINAL_ENDINGS]; k += 2)
        if (strlen(l[k]) == w->keylen && memcmp(l[k], w->key, w->keylen) == 0)
            return l[k + 1];
    return NULL;
}

/* Word i after «digits-» or «XIV-»: 1 when it is settled here (an ordinal ending,
 * reported when non-standard, or a numeral compound), 0 when it is to be spelled. */
static int number_suffix(tl_doc *d, const spelldata *sd, size_t i)
{
    const tl_word *w = d->tok[i].w;
    const char *std = digits(d, i - 2) ? standard_ending(sd, w) : NULL;
    if (std) {
        const tl_token *n = &d->tok[i - 2], *e = &d->tok[i];
        size_t len = e->off + e->len - n->off;
        tl_ifinding *f =
            doc_add(d, TL_RULE_SPELLING_ORDINAL_ENDING, n->off, len,
                    "'%.*s': an ordinal in figures takes the ending «-%s» here, "
                    "not «-%.*s»",
                    (int)len, d->src.text + n->off, std, (int)e->len, d->src.text + e->off);
        doc_suggestf(d, f, "%.*s-%s", (int)n->len, d->src.text + n->off, std);
        return 1;
    }
    return w->ncp <= 4 || (digits(d, i - 2) && numeral_compound(d, sd, w));
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    if (!doc_rule_on(d, TL_RULE_SPELLING) && !doc_rule_on(d, TL_RULE_SPELLING_UNKNOWN_NAME) &&
        !doc_rule_on(d, TL_RULE_SPELLING_ORDINAL_ENDING))
        return 0;
    spell_state *s = st;
    spell_ctx *c = cst;
    if (!(s->sd = spelldata_get(&c->lang[d->lang], &c->mem, d)))
        return -1;
    for (size_t i = 0; i < d->ntok; i++) {
        if (!spellable(d, i) || (after_number(d, i) && number_suffix(d, s->sd, i)))
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
        if (spell_word(d, s, i, 0))
            return -1;
    }
    return d->oom ? -1 : 0;
}

/* Shapes of the Russian/Ukrainian practical transcription of Vietnamese syllables:
 * clusters that native words rarely have, and the final «-нь» of «Минь», «Тхань»
 * (of at most 8 letters). Not the final «-ть» of «Лить» (Lịch): names ending so are
 * rare in the genre, and every infinitive and «-ость» noun ends so, which let a typo
 * of one at the start of a sentence pass as a name. */
static int looks_vietnamese(const char *key)
{
    static const char *const marks[] = {"нг", "тх", "кх", "фы", "зя", "ньх", "ыо", "ыа", NULL};
    for (int i = 0; marks[i]; i++)
        if (strstr(key, marks[i]))
            return 1;
    size_t n = strlen(key);
    return n >= 4 && strcmp(key + n - 4, "нь") == 0 && n <= 16;
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

const tl_family family_spelling = {
    "spelling", sizeof(spell_state), sizeof(spell_ctx), NULL, chunk, finish, release, ctx_release};
