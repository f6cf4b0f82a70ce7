/*
 * check_langmix.c - rules `script.mixed`, `lang.mixed` and `untranslated`: letters,
 * words and phrases of the wrong script or language.
 *
 * script.mixed  One word that mixes Cyrillic with Latin or Greek letters («пaртия» with
 *               a Latin 'a'). Each run of letters between punctuation is judged alone:
 *               ICU keeps «Blender'а» (a Latin name with a Cyrillic ending) and
 *               «файл.kim» (a missing space) as one word. A run's base script is the one
 *               most of its letters have (on a tie, the one whose look-alikes can
 *               replace the others); the message lists each foreign letter with its code
 *               point and 1-based position, the suggestion swaps look-alikes for
 *               base-script letters (a Latin stressed vowel «ó» becomes «о» + U+0301;
 *               none when a foreign letter has no look-alike). Scripts come from ICU
 *               (uscript_getScript). Roman numerals typed with look-alikes («ХIV») are
 *               not reported. A lone Latin letter that stands for a Cyrillic one-letter
 *               word between Cyrillic words («мы a они») is reported too.
 *
 * lang.mixed    In a Ukrainian text a Russian word, in a Russian text a Ukrainian one:
 *               a word of the other language's word list (g->ru_only_words,
 *               g->uk_only_words); a word the text's dictionary rejects and the other
 *               dictionary accepts; a word with the other language's letters (ы э ъ ё /
 *               і ї є ґ). The other dictionary is asked only for words the text's own
 *               dictionary rejects, so it is loaded (lazily, by morph.c) only when a text
 *               has such a word; in a Russian text, only once the text shows Ukrainian
 *               letters or words (see check_lang). Not reported: capitalised words the
 *               dictionary does not know (names), unless they have the other language's
 *               letters and the other dictionary knows them; a short capitalised word
 *               beside a syllable of a transcribed name («Ле Минь Чи», «Бо Кео»: see
 *               name_syllable_word); words of one or two letters; abbreviations
 *               («напр.», and those of the `spelling:` data: «дол.»); ordinal endings
 *               («13-м»); and, for the dictionary test alone, a word whose stem of 4+
 *               letters the text's dictionary knows («файла» in Ukrainian: «файл» is
 *               Ukrainian, the ending is spelling's business) and an adverb or
 *               compound part whose adjective the text's dictionary knows (the
 *               adjective_links pairs: «конструктивно» of «конструктивний»). The
 *               suggestion is a letter mapping (ы->и, ъе->'є, і->и, ...) when the
 *               text's dictionary accepts the result. Limit: a loanword the text's
 *               dictionary lacks and the other has («дрон» in Russian) is reported in
 *               place of the spelling finding it would otherwise get.
 *
 * untranslated  Latin-script words in running Russian or Ukrainian text: Vietnamese
 *               left in the text («ảnh 1»), English labels (g->untranslated_labels:
 *               «Source:»), any other Latin word. Not reported: words with digits and
 *               codes glued to numbers or capitals («18-NQ/TW», «QĐ-TTg»), words of
 *               g->latin_allowed, all-capital words of up to 5 letters, Roman numerals,
 *               single letters, URLs and e-mail addresses, names in a photo or
 *               source credit («(Фото: Thong Nhat/VNA)»: from «Фото»/«Photo»/«Источник»
 *               to the end of the line or a closing bracket), the social networks of
 *               share-button rows (Zalo, Facebook, ...: the boilerplate rule's), words
 *               with '@' or '.' inside (addresses ICU keeps as one word), identifiers
 *               and brands with a capital inside («digiKam», «iPhone»), and a lone
 *               capitalised word without Vietnamese letters: a brand or organisation
 *               name («Viettel», «Samsung»), which Russian and Ukrainian news keep in
 *               Latin letters. Consecutive untranslated words are one finding. A
 *               Vietnamese group that is a place or person name of the glossary (its
 *               `vi:`, vinames.c) gets the glossary's Cyrillic form as the suggestion.
 */
#include "doc.h"
#include "morph.h"
#include "norm.h"
#include "spelldata.h"
#include "stem.h"
#include "textclass.h"
#include "vinames.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define MAX_LISTED_LETTERS 4
#define ABBREV_MAX_CP 5
#define MAX_LABEL_PARTS 8
#define NAME_SYLLABLE_MAX_CP 4

typedef struct {
    const char *part[MAX_LABEL_PARTS]; /* word keys, or punctuation as written */
    uint8_t is_word[MAX_LABEL_PARTS];
    size_t n;
    const char *text; /* the entry as written */
} label;

/* The rule data as keys of one language: built once per context and language. */
typedef struct {
    tl_map other_only; /* keys of the other language's word list */
    tl_map allowed;    /* keys of latin_allowed (and their hyphen-separated parts) */
    tl_map vi_names;   /* `vi:` of the glossary's places and persons, as written -> the
                          Cyrillic form in this language (borrowed from the gloss) */
    label *labels;
    size_t nlabels;
    int ready;
} lm_words;

/* The family's context state. */
typedef struct {
    tl_arena mem;     /* labels */
    lm_words lang[3]; /* by tl_lang */
    spelldata sd[3];  /* by tl_lang: abbreviations, name syllables */
} langmix_ctx;

/* The family's document state. */
typedef struct {
    const lm_words *w;   /* the data in the document's language */
    const spelldata *sd; /* the spelling data in the document's language */
    int credit;          /* inside a photo/source credit (untranslated) */
    int evidence;        /* the text has shown the other language (lang.mixed) */
    tl_buf pending;      /* lm_pending: words waiting for that evidence */
} langmix_state;

/* A word the text's dictionary rejects, to be tried in the other dictionary once the
 * text shows the other language at all (see check_lang). */
typedef struct {
    size_t off, len;
    tl_word *w;
} lm_pending;

/* Past this many waiting words the other dictionary is loaded anyway: the list must not
 * grow with a huge text of unknown words. */
#define MAX_PENDING 65536

static int prepare(tl_doc *d, void *st, void *cst)
{
    (void)d;
    (void)cst;
    langmix_state *s = st;
    tl_buf_init(&s->pending, 0);
    return 0;
}

static void release(void *st)
{
    langmix_state *s = st;
    tl_buf_release(&s->pending);
}

static void ctx_release(void *cst)
{
    langmix_ctx *c = cst;
    for (int l = 0; l < 3; l++) {
        tl_map_release(&c->lang[l].other_only);
        tl_map_release(&c->lang[l].allowed);
        spelldata_release(&c->sd[l]);
        tl_map_release(&c->lang[l].vi_names);
    }
    tl_arena_release(&c->mem);
}

/* ---- the rule data in the text's language ----------------------------------------- */

static int put_key(tl_buf *b, tl_lang lang, tl_map *m, const char *p, size_t n)
{
    tl_buf_reset(b);
    if (norm_key(b, p, n, lang == TL_LANG_RU) || b->oom)
        return -1;
    return b->len && !tl_map_put(m, b->data, b->len, (void *)1) ? -1 : 0;
}

/* Splits a label into word keys and punctuation characters. */
static int parse_label(tl_arena *a, tl_buf *b, tl_lang lang, const char *s, label *l)
{
    size_t len = strlen(s), i = 0;
    l->n = 0;
    l->text = s;
    while (i < len && l->n < MAX_LABEL_PARTS) {
        uint32_t c;
        size_t k = utf8_decode(s + i, len - i, &c);
        if (!k)
            return 0; /* the glossary loader validated UTF-8; be safe */
        if (tc_space(c)) {
            i += k;
            continue;
        }
        size_t j = i;
        if (u_isalnum((UChar32)c)) {
            while (j < len && (k = utf8_decode(s + j, len - j, &c)) &&
                   (u_isalnum((UChar32)c) || tc_apostrophe(c)))
                j += k;
            tl_buf_reset(b);
            if (norm_key(b, s + i, j - i, lang == TL_LANG_RU) || b->oom)
                return -1;
            l->part[l->n] = tl_arena_strndup(a, b->data, b->len);
            l->is_word[l->n] = 1;
        } else {
            j = i + k;
            l->part[l->n] = tl_arena_strndup(a, s + i, k);
            l->is_word[l->n] = 0;
        }
        if (!l->part[l->n++])
            return -1;
        i = j;
    }
    return 0;
}

static int load_allowed(tl_buf *b, tl_lang lang, lm_words *s, const gloss *g)
{
    for (size_t i = 0; i < g->nlatin_allowed; i++) {
        const char *w = g->latin_allowed[i];
        size_t len = strlen(w), at = 0, start, n;
        if (put_key(b, lang, &s->allowed, w, len))
            return -1;
        /* the parts of «COVID-19», «Copy link» */
        while ((n = tc_next_word(w, len, &at, "-/", &start)) > 0)
            if (put_key(b, lang, &s->allowed, w + start, n))
                return -1;
    }
    return 0;
}

/* The rule data in the document's language, built on first use; NULL when out of
 * memory (then built again from the start next time). */
static const lm_words *words(tl_doc *d, langmix_ctx *c)
{
    lm_words *s = &c->lang[d->lang];
    if (s->ready)
        return s;
    tl_map_release(&s->other_only);
    tl_map_release(&s->allowed);
    tl_map_release(&s->vi_names);
    s->nlabels = 0;
    const gloss *g = d->g;
    const char **other = d->lang == TL_LANG_UK ? g->ru_only_words : g->uk_only_words;
    size_t nother = d->lang == TL_LANG_UK ? g->nru_only_words : g->nuk_only_words;
    for (size_t i = 0; i < nother; i++)
        if (put_key(d->scratch, d->lang, &s->other_only, other[i], strlen(other[i])))
            return NULL;
    if (load_allowed(d->scratch, d->lang, s, g) || vinames_build(&s->vi_names, g, d->lang))
        return NULL;
    s->labels = tl_arena_alloc(&c->mem, (g->nuntranslated_labels + 1) * sizeof *s->labels);
    if (!s->labels)
        return NULL;
    for (size_t i = 0; i < g->nuntranslated_labels; i++)
        if (parse_label(&c->mem, d->scratch, d->lang, g->untranslated_labels[i],
                        &s->labels[s->nlabels++]))
            return NULL;
    s->ready = 1;
    return s;
}

static int in_map(const tl_map *m, const tl_word *w)
{
    return m->count && tl_map_get(m, w->key, w->keylen) != NULL;
}

/* ---- script.mixed --------------------------------------------------------------- */

typedef struct {
    uint32_t from, to;
} cp_pair;

/* Look-alikes: Latin and Greek letters that stand for Cyrillic ones, and back. Lower-case
 * Latin k m t h b follow their capitals (К М Т Н В), except b, which looks like ь. */
static const cp_pair to_cyrillic[] = {
    {'A', 0x410},   {'B', 0x412},   {'C', 0x421},   {'E', 0x415},   {'H', 0x41D},   {'K', 0x41A},
    {'M', 0x41C},   {'O', 0x41E},   {'P', 0x420},   {'T', 0x422},   {'X', 0x425},   {'Y', 0x423},
    {'a', 0x430},   {'c', 0x441},   {'e', 0x435},   {'o', 0x43E},   {'p', 0x440},   {'x', 0x445},
    {'y', 0x443},   {'k', 0x43A},   {'m', 0x43C},   {'t', 0x442},   {'h', 0x43D},   {'b', 0x44C},
    {0xEB, 0x451},  {0xCB, 0x401}, /* ë Ë -> ё Ё */
    {0x391, 0x410}, {0x392, 0x412}, {0x395, 0x415}, {0x397, 0x41D}, {0x39A, 0x41A}, {0x39C, 0x41C},
    {0x39F, 0x41E}, {0x3A1, 0x420}, {0x3A4, 0x422}, {0x3A7, 0x425}, {0x3A5, 0x423}, {0x3B1, 0x430},
    {0x3BF, 0x43E}, {0x3C1, 0x440}, {0x3C7, 0x445}, {0x3BA, 0x43A}, {0x3C4, 0x442}, {0x3B5, 0x435},
    {0, 0}};
/* i I ï Ï Ι ι are Ukrainian letters: only for Ukrainian text */
static const cp_pair to_cyrillic_uk[] = {{'i', 0x456},  {'I', 0x406},   {0xEF, 0x457},
                                         {0xCF, 0x407}, {0x399, 0x406}, {0x3B9, 0x456},
                                         {0, 0}};
static const cp_pair to_latin[] = {
    {0x410, 'A'}, {0x412, 'B'}, {0x421, 'C'}, {0x415, 'E'}, {0x41D, 'H'}, {0x41A, 'K'},
    {0x41C, 'M'}, {0x41E, 'O'}, {0x420, 'P'}, {0x422, 'T'}, {0x425, 'X'}, {0x423, 'Y'},
    {0x406, 'I'}, {0x408, 'J'}, {0x405, 'S'}, {0x430, 'a'}, {0x441, 'c'}, {0x435, 'e'},
    {0x43E, 'o'}, {0x440, 'p'}, {0x445, 'x'}, {0x443, 'y'}, {0x456, 'i'}, {0x458, 'j'},
    {0x455, 's'}, {0x43A, 'k'}, {0x4BB, 'h'}, {0x501, 'd'}, {0x51B, 'q'}, {0x51D, 'w'},
    {0, 0}};

/* Latin vowels with an acute used as stress marks («бóльшая»): the Cyrillic vowel plus
 * U+0301 COMBINING ACUTE ACCENT. */
static const cp_pair stressed[] = {{0xE1, 0x430}, {0xE9, 0x435}, {0xF3, 0x43E}, {0xFA, 0x443},
                                   {0xFD, 0x443}, {0xC1, 0x410}, {0xC9, 0x415}, {0xD3, 0x41E},
                                   {0xDA, 0x423}, {0xDD, 0x423}, {0, 0}};

static uint32_t lookup(const cp_pair *t, uint32_t c)
{
    for (; t->from; t++)
        if (t->from == c)
            return t->to;
    return 0;
}

/* The base-script letter that looks like `c`, or 0. */
static uint32_t look_alike(const tl_doc *d, int base_cyr, uint32_t c)
{
    if (!base_cyr)
        return lookup(to_latin, c);
    uint32_t r = lookup(to_cyrillic, c);
    if (!r)
        r = lookup(stressed, c);
    if (!r && d->lang == TL_LANG_UK)
        r = lookup(to_cyrillic_uk, c);
    return r;
}

static int script_of(uint32_t c)
{
    if (!u_isalpha((UChar32)c))
        return SCRIPT_NONE;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)c, &e);
    if (U_FAILURE(e))
        return SCRIPT_OTHER;
    return sc == USCRIPT_CYRILLIC ? SCRIPT_CYRILLIC
           : sc == USCRIPT_LATIN  ? SCRIPT_LATIN
           : sc == USCRIPT_GREEK  ? SCRIPT_GREEK
                                  : SCRIPT_OTHER;
}

/* Letters that make up Roman numerals, in Latin or Cyrillic (І Х С М). */
static int roman_letter(uint32_t c)
{
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M' ||
           c == 0x406 || c == 0x425 || c == 0x421 || c == 0x41C;
}

typedef struct {
    size_t ncyr, nother, nroman, nletters;
    int cyr_fixable, lat_fixable; /* every foreign letter has a look-alike */
} script_count;

static void count_scripts(const tl_doc *d, const char *p, size_t len, script_count *k)
{
    memset(k, 0, sizeof *k);
    k->cyr_fixable = k->lat_fixable = 1;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t c;
        if (!(n = utf8_decode(p + i, len - i, &c))) {
            n = 1;
            continue;
        }
        int sc = script_of(c);
        if (sc == SCRIPT_NONE)
            continue;
        k->nletters++;
        k->nroman += roman_letter(c) != 0;
        if (sc == SCRIPT_CYRILLIC) {
            k->ncyr++;
            k->lat_fixable &= look_alike(d, 0, c) != 0;
        } else {
            k->nother++;
            k->cyr_fixable &= look_alike(d, 1, c) != 0;
        }
    }
}

/* Appends the foreign letters of [p, p+len) to b, and the fixed word to fix. */
static void describe_mix(const tl_doc *d, const char *p, size_t len, int base_cyr, tl_buf *b,
                         tl_buf *fix, int *fixable)
{
    static const char *const names[] = {"", "Cyrillic", "Latin", "", "Greek"};
    size_t pos = 0, listed = 0, more = 0;
    *fixable = 1;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t c;
        if (!(n = utf8_decode(p + i, len - i, &c))) {
            n = 1;
            continue;
        }
        pos++;
        int sc = script_of(c);
        int foreign =
            sc != SCRIPT_NONE && (base_cyr ? sc != SCRIPT_CYRILLIC : sc == SCRIPT_CYRILLIC);
        uint32_t r = foreign ? look_alike(d, base_cyr, c) : 0;
        if (foreign && listed < MAX_LISTED_LETTERS) {
            tl_buf_printf(b, "%s%s '%.*s' U+%04X at position %zu", listed ? ", " : "",
                          sc <= SCRIPT_GREEK ? names[sc] : "foreign", (int)n, p + i, (unsigned)c,
                          pos);
            listed++;
        } else if (foreign) {
            more++;
        }
        if (foreign && !r)
            *fixable = 0;
        char enc[4];
        if (r)
            tl_buf_add(fix, enc, utf8_encode(r, enc));
        if (r && base_cyr && lookup(stressed, c))
            tl_buf_add(fix, enc, utf8_encode(0x301, enc));
        else if (!r)
            tl_buf_add(fix, p + i, n);
    }
    if (more)
        tl_buf_printf(b, " and %zu more", more);
}

static void report_mix(tl_doc *d, size_t off, size_t len, int base_cyr, const char *what)
{
    tl_buf b, fix;
    tl_buf_init(&b, 0);
    tl_buf_init(&fix, 0);
    int fixable;
    describe_mix(d, d->src.text + off, len, base_cyr, &b, &fix, &fixable);
    if (b.oom || fix.oom) {
        d->oom = 1;
    } else {
        tl_ifinding *f = doc_add(d, TL_RULE_SCRIPT_MIXED, off, len,
                                 "%s '%s' has look-alike letters of another script: %s; "
                                 "write it in %s letters",
                                 what, doc_quote(d, d->src.text + off, len), b.data,
                                 base_cyr ? "Cyrillic" : "Latin");
        if (f && fixable)
            doc_suggest(d, f, fix.data, fix.len);
    }
    tl_buf_release(&b);
    tl_buf_release(&fix);
}

/* One run of letters [off, off+len) of a word. */
static void check_script_run(tl_doc *d, size_t off, size_t len, int allcaps)
{
    script_count k;
    count_scripts(d, d->src.text + off, len, &k);
    if (!k.ncyr || !k.nother)
        return;
    if (k.nroman == k.nletters && (allcaps || k.nletters == 1))
        return; /* «ХIV», «XІ»: a Roman numeral typed with look-alikes */
    int base_cyr = k.ncyr > k.nother || (k.ncyr == k.nother && (k.cyr_fixable || !k.lat_fixable));
    report_mix(d, off, len, base_cyr, base_cyr ? "the Cyrillic word" : "the Latin word");
}

/* A word token is checked run by run: ICU keeps «Blender'а» (a Latin name with a
 * Cyrillic ending) and «файл.kim» (a missing space) as one word, but each is two. */
static void check_script(tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    const tl_word *w = t->w;
    if (!(w->script & SCRIPT_CYRILLIC) || !(w->script & (SCRIPT_LATIN | SCRIPT_GREEK)))
        return;
    const char *p = d->src.text + t->off;
    size_t run = 0, n;
    for (size_t j = 0; j <= t->len; j += n) {
        uint32_t c = 0;
        n = j < t->len ? utf8_decode(p + j, t->len - j, &c) : 1;
        if (!n)
            n = 1;
        if (j == t->len || u_ispunct((UChar32)c)) {
            if (j > run)
                check_script_run(d, t->off + run, j - run, (w->flags & WF_ALLCAPS) != 0);
            run = j + n;
        }
    }
}

static int cyrillic_word(const tl_doc *d, size_t i)
{
    return i < d->ntok && d->tok[i].kind == TK_WORD && d->tok[i].w->script == SCRIPT_CYRILLIC;
}

/* «мы a они»: a one-letter Latin word between Cyrillic words, standing for «а», «о»,
 * «с», «у», «в», «к», «і». A capital only starts a sentence («B 2024 году»); in
 * mid-sentence it is a label («план A»). Returns 1 when reported. */
static int lone_letter(tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    const tl_word *w = t->w;
    if (w->ncp != 1 || w->script != SCRIPT_LATIN || !cyrillic_word(d, i + 1) ||
        (d->tok[i + 1].flags & TF_NEWLINE_BEFORE) || !(d->tok[i + 1].flags & TF_SPACE_BEFORE))
        return 0;
    uint32_t c, r;
    if (!utf8_decode(d->src.text + t->off, t->len, &c) || !strchr("aocykiAOCYBKI", (int)c) ||
        !(r = look_alike(d, 1, c)))
        return 0;
    int upper = c < 'a';
    int before = upper ? (t->flags & TF_SENT_START) != 0
                       : i > 0 && cyrillic_word(d, i - 1) && (t->flags & TF_SPACE_BEFORE) &&
                             !(t->flags & TF_NEWLINE_BEFORE);
    if (!before)
        return 0;
    char enc[4];
    size_t n = utf8_encode(r, enc);
    tl_ifinding *f = doc_add(d, TL_RULE_SCRIPT_MIXED, t->off, t->len,
                             "'%c' is the Latin letter U+%04X standing for the Cyrillic word "
                             "«%.*s»; write it in Cyrillic",
                             (char)c, (unsigned)c, (int)n, enc);
    if (f)
        doc_suggest(d, f, enc, n);
    return 1;
}

/* ---- lang.mixed ------------------------------------------------------------------- */

/* Letter mappings from the other language, tried in turn; the first result the text's
 * dictionary accepts is the suggestion. */
typedef struct {
    uint32_t from;
    const char *to;
} letter_map;

static const letter_map ru_to_uk[] = {{0x44B, "и"},  {0x42B, "И"},  {0x44D, "е"},
                                      {0x42D, "Е"},  {0x44A, "'"},  {0x42A, "'"},
                                      {0x451, "ьо"}, {0x401, "Йо"}, {0, NULL}};
static const letter_map ru_to_uk_i[] = {{0x438, "і"}, {0x418, "І"}, {0, NULL}};
static const letter_map uk_to_ru[] = {{0x456, "и"}, {0x406, "И"},  {0x457, "и"}, {0x407, "И"},
                                      {0x454, "е"}, {0x404, "Е"},  {0x491, "г"}, {0x490, "Г"},
                                      {'\'', "ъ"},  {0x2019, "ъ"}, {0x2BC, "ъ"}, {0, NULL}};
static const letter_map uk_to_ru_e[] = {{0x454, "э"}, {0x404, "Э"}, {0, NULL}};

/* Maps [p, p+len) letter by letter (m2 before m1) into b. After a separating sign
 * (ъ or an apostrophe) е becomes є: «объект» -> «об'єкт». */
static void map_letters(tl_buf *b, const char *p, size_t len, const letter_map *m1,
                        const letter_map *m2)
{
    int after_sign = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t c;
        if (!(n = utf8_decode(p + i, len - i, &c))) {
            n = 1;
            tl_buf_add(b, p + i, 1);
            continue;
        }
        int sign = c == 0x44A || c == 0x42A;
        if (after_sign && m1 == ru_to_uk && (c == 0x435 || c == 0x415)) {
            tl_buf_adds(b, c == 0x435 ? "є" : "Є");
            after_sign = 0;
            continue;
        }
        after_sign = sign;
        const char *to = NULL;
        for (const letter_map *m = m2; m && m->from && !to; m++)
            if (m->from == c)
                to = m->to;
        for (const letter_map *m = m1; m->from && !to; m++)
            if (m->from == c)
                to = m->to;
        if (to)
            tl_buf_adds(b, to);
        else
            tl_buf_add(b, p + i, n);
    }
}

/* A spelling of word [p, p+len) in the text's language by letter mapping, or NULL. */
static const char *lang_suggestion(tl_doc *d, const char *p, size_t len)
{
    const letter_map *base = d->lang == TL_LANG_UK ? ru_to_uk : uk_to_ru;
    const letter_map *alt = d->lang == TL_LANG_UK ? ru_to_uk_i : uk_to_ru_e;
    tl_buf b;
    tl_buf_init(&b, 0);
    const char *res = NULL;
    for (int k = 0; k < 2 && !res; k++) {
        tl_buf_reset(&b);
        map_letters(&b, p, len, base, k ? alt : NULL);
        if (b.oom) {
            d->oom = 1;
            break;
        }
        if ((b.len != len || memcmp(b.data, p, len) != 0) &&
            morph_spell_str(d->morph, d->lang, b.data) == SPELL_OK)
            res = tl_arena_strndup(&d->mem, b.data, b.len);
    }
    tl_buf_release(&b);
    return res;
}

/* The first letter of w that belongs only to the other language, as UTF-8 in out. */
static void other_letter(const tl_doc *d, const tl_word *w, char out[8])
{
    static const uint32_t ru[] = {0x44B, 0x44D, 0x44A, 0x451, 0};
    static const uint32_t uk[] = {0x456, 0x457, 0x454, 0x491, 0};
    const uint32_t *set = d->lang == TL_LANG_UK ? ru : uk;
    out[0] = '\0';
    for (size_t i = 0, n; i < w->keylen; i += n) {
        uint32_t c;
        if (!(n = utf8_decode(w->key + i, w->keylen - i, &c))) {
            n = 1;
            continue;
        }
        for (int k = 0; set[k]; k++)
            if (c == set[k]) {
                out[utf8_encode(c, out)] = '\0';
                return;
            }
    }
}

enum { LM_LIST = 1, LM_LETTER, LM_DICT };

/* Reports word t, found by the other language's word list (LM_LIST), by its letters
 * alone (LM_LETTER) or because the other dictionary knows it (LM_DICT). Function words
 * of the list have no letter-for-letter equivalent, so they get no suggestion. */
static void report_lang(tl_doc *d, const tl_token *t, int how)
{
    const char *other = d->lang == TL_LANG_UK ? "Russian" : "Ukrainian";
    const char *own = d->lang == TL_LANG_UK ? "Ukrainian" : "Russian";
    const char *p = d->src.text + t->off;
    int n = (int)t->len;
    char letter[8];
    other_letter(d, t->w, letter);
    tl_ifinding *f;
    if (how == LM_LIST)
        f = doc_add(d, TL_RULE_LANG_MIXED, t->off, t->len, "'%s' is a %s word, not %s",
                    doc_quote(d, p, (size_t)n), other, own);
    else if (how == LM_LETTER)
        f = doc_add(d, TL_RULE_LANG_MIXED, t->off, t->len,
                    "'%s' has the letter '%s', which %s does not use: a %s word in a %s text?",
                    doc_quote(d, p, (size_t)n), letter, own, other, own);
    else if (letter[0])
        f = doc_add(d, TL_RULE_LANG_MIXED, t->off, t->len,
                    "'%s' is a %s word, not %s (the letter '%s')", doc_quote(d, p, (size_t)n),
                    other, own, letter);
    else
        f = doc_add(d, TL_RULE_LANG_MIXED, t->off, t->len,
                    "'%s' is not in the %s dictionary but is in the %s one: a %s word in a %s "
                    "text?",
                    doc_quote(d, p, (size_t)n), own, other, other, own);
    const char *sug = f && how != LM_LIST && t->w->ncp > 3 ? lang_suggestion(d, p, t->len) : NULL;
    if (sug)
        doc_suggest(d, f, sug, strlen(sug));
}

/* «13-м», «17-му», «XIV-го»: an ending glued to a number, not a word of its own. */
static int ordinal_ending(const tl_doc *d, size_t i)
{
    return i >= 2 && tok_is(d, i - 1, '-') && !(d->tok[i].flags & TF_SPACE_BEFORE) &&
           !(d->tok[i - 1].flags & TF_SPACE_BEFORE) &&
           (d->tok[i - 2].kind == TK_NUMBER ||
            (d->tok[i - 2].kind == TK_WORD && d->tok[i - 2].w->script == SCRIPT_LATIN));
}

/* «напр. файл», «т. е.»: a word cut short by a full stop, an abbreviation. */
static int abbreviation(const tl_doc *d, size_t i)
{
    return i + 2 < d->ntok && tok_is(d, i + 1, '.') && !(d->tok[i + 1].flags & TF_SPACE_BEFORE) &&
           d->tok[i + 2].kind == TK_WORD && !(d->tok[i + 2].w->flags & WF_CAP);
}

/* The text's dictionary knows the stem of w («файла»: «файл»): a form of one of its own
 * words with an ending the dictionary lacks, which is spelling's business. */
static int own_stem_known(tl_doc *d, const tl_word *w)
{
    size_t n = stem_key_len(d->lang, w->key, w->keylen);
    if (n == w->keylen || utf8_count(w->key, n) < 4)
        return 0; /* short stems are words of their own: «нову» -> «нов» */
    tl_buf b;
    tl_buf_init(&b, 0);
    tl_buf_add(&b, w->key, n);
    int ok = !b.oom && morph_spell_str(d->morph, d->lang, b.data) == SPELL_OK;
    tl_buf_release(&b);
    return ok;
}

/* The dictionary test of a lowercase (or sentence-initial) word the text's dictionary
 * rejects: the other dictionary knows it and the text's does not know its stem. */
static void other_dict_test(tl_doc *d, const spelldata *sd, const tl_token *t)
{
    if (morph_spell_other(d->morph, d->lang, t->w) == SPELL_OK && !own_stem_known(d, t->w) &&
        !spelldata_adjective_stem(sd, d, t->w))
        report_lang(d, t, LM_DICT);
}

/* «Ле Минь Чи», «Бо Кео»: a short capitalised word beside a syllable of a transcribed
 * name is a syllable of that name, though alone it would be a word of the other
 * language. Collisions are short words (particles, pronouns, conjunctions), and
 * a longer word of the other language next to a name is still reported. */
static int name_syllable_word(tl_doc *d, size_t i)
{
    const tl_word *w = d->tok[i].w;
    return (w->flags & WF_CAP) && !(w->flags & WF_ALLCAPS) && w->ncp <= NAME_SYLLABLE_MAX_CP &&
           spelldata_in_name_run(d, i, 1);
}

/* The text has shown the other language: the words that waited get their test now. */
static void set_evidence(tl_doc *d, langmix_state *s)
{
    if (s->evidence)
        return;
    s->evidence = 1;
    for (size_t r = 0; r + sizeof(lm_pending) <= s->pending.len && !d->oom;
         r += sizeof(lm_pending)) {
        lm_pending p;
        memcpy(&p, s->pending.data + r, sizeof p);
        tl_token t = {.off = p.off, .len = p.len, .w = p.w};
        other_dict_test(d, s->sd, &t);
    }
    tl_buf_release(&s->pending);
}

/* In a Russian text the dictionary test waits for evidence of Ukrainian in the text (a
 * lowercase word of 3+ letters of its list, or a word with its letters); a text without any is not tested at
 * all. Without evidence the Ukrainian dictionary (0.35 s to load, against 0.08 s for
 * ru_RU) mostly turned loanwords Debian's ru_RU lacks and uk_UA has («дрон», «сокет»,
 * «подкаст») into «Ukrainian word» false alarms. A Ukrainian text is always tested:
 * Russian words without Russian letters («Просмотров») are a common MT leftover there. */
static void check_lang(tl_doc *d, langmix_state *s, size_t i)
{
    const tl_token *t = &d->tok[i];
    tl_word *w = t->w;
    tl_morph *m = d->morph;
    if (w->script != SCRIPT_CYRILLIC || (w->flags & WF_DIGIT) || ordinal_ending(d, i) ||
        ((w->flags & WF_ALLCAPS) && !(t->flags & TF_CAPS_LINE) && w->ncp <= 6) ||
        spelldata_abbreviation(s->sd, d, i, i + 1) || name_syllable_word(d, i) ||
        spelldata_compound_first(s->sd, d, i))
        return;
    if (in_map(&s->w->other_only, w)) {
        report_lang(d, t, LM_LIST);
        if (!(w->flags & WF_CAP) && w->ncp >= 3)
            set_evidence(d, s); /* not a name («Тим») or a letter («З:12») */
        return;
    }
    int letters = (w->flags & (d->lang == TL_LANG_UK ? WF_RU_LETTER : WF_UK_LETTER)) != 0;
    if ((!letters && w->spell == SPELL_OK) || w->ncp <= 2 || abbreviation(d, i))
        return; /* the common case, a known word of the text's language, returns here */
    int start = (t->flags & (TF_SENT_START | TF_CAPS_LINE)) != 0;
    int own = start ? morph_spell_lower(m, d->lang, w) : morph_spell(m, d->lang, w);
    if (own != SPELL_BAD)
        return;
    int cap = (w->flags & WF_CAP) != 0;
    if (cap && !start && !letters)
        return; /* a name: no need to load the other dictionary */
    if (!letters) {
        if (s->evidence || d->lang != TL_LANG_RU ||
            s->pending.len >= MAX_PENDING * sizeof(lm_pending)) {
            other_dict_test(d, s->sd, t);
        } else {
            lm_pending p = {t->off, t->len, w};
            if (tl_buf_add(&s->pending, &p, sizeof p))
                d->oom = 1;
        }
        return;
    }
    int other = morph_spell_other(m, d->lang, w);
    if (other == SPELL_OK)
        report_lang(d, t, LM_DICT);
    else if (!cap) /* a capitalised unknown word is a name */
        report_lang(d, t, LM_LETTER);
    if (other == SPELL_OK || !cap)
        set_evidence(d, s);
}

/* Words still waiting for evidence at the end of the text are not reported. */

/* ---- untranslated ------------------------------------------------------------------ */

static int key_in(const tl_word *w, const char *const *list)
{
    for (int k = 0; list[k]; k++)
        if (strcmp(w->key, list[k]) == 0)
            return 1;
    return 0;
}

static int social(const tl_word *w)
{
    static const char *const names[] = {"zalo",     "facebook",  "twitter",   "telegram",
                                        "youtube",  "tiktok",    "instagram", "viber",
                                        "linkedin", "messenger", NULL};
    return key_in(w, names);
}

/* credit_word() is asked for every token: its answer is kept in tl_word.flags
 * (WF_CREDIT_DONE, WF_CREDIT). */

/* Words after which Latin names are a credit, not untranslated text. */
static int credit_word(tl_word *w)
{
    static const char *const names[] = {
        "фото",    "фотография", "фотографія", "фотографии", "photo",  "photos", "ảnh", "источник",
        "джерело", "source",     "nguồn",      "автор",      "author", "credit", NULL};
    if (!(w->flags & WF_CREDIT_DONE))
        w->flags |= WF_CREDIT_DONE | (key_in(w, names) ? WF_CREDIT : 0);
    return (w->flags & WF_CREDIT) != 0;
}

static int latin_word(const tl_doc *d, size_t i)
{
    return i < d->ntok && d->tok[i].kind == TK_WORD && !(d->tok[i].flags & TF_URL) &&
           d->tok[i].w->script == SCRIPT_LATIN;
}

/* «digiKam», «iPhone», «TTg»: a capital after the first letter marks an identifier or a
 * brand, not a word of English or Vietnamese. */
static int inner_capital(const tl_word *w)
{
    for (const char *p = w->surface + 1; p < w->surface + w->len; p++)
        if (*p >= 'A' && *p <= 'Z')
            return 1;
    return 0;
}

static int roman(const tl_word *w)
{
    for (const char *p = w->surface; p < w->surface + w->len; p++)
        if (!strchr("IVXLCDM", *p))
            return 0;
    return 1;
}

/* Token i is glued (no space) to a neighbour that makes it a code: a number, or an
 * all-capital word, joined by - / . («18-NQ/TW», «QĐ-TTg», «KH/TU»). */
static int in_code(const tl_doc *d, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && !(d->tok[a].flags & TF_SPACE_BEFORE))
        a--;
    while (b + 1 < d->ntok && !(d->tok[b + 1].flags & TF_SPACE_BEFORE))
        b++;
    if (a == b)
        return 0;
    for (size_t k = a; k <= b; k++) {
        const tl_token *t = &d->tok[k];
        if (t->kind == TK_NUMBER ||
            (k != i && t->kind == TK_WORD && (t->w->flags & (WF_ALLCAPS | WF_DIGIT))))
            return 1;
    }
    return 0;
}

/* Token i is part of an address: glued to a URL token, or to a word with '@' or '.'
 * inside («press-office@example.org»: ICU keeps «office@example.org» one word, so the
 * tokenizer's e-mail detection, which looks for an '@' token, misses it). */
static int in_address(const tl_doc *d, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && !(d->tok[a].flags & TF_SPACE_BEFORE))
        a--;
    while (b + 1 < d->ntok && !(d->tok[b + 1].flags & TF_SPACE_BEFORE))
        b++;
    for (size_t k = a; k <= b; k++) {
        const tl_token *t = &d->tok[k];
        if ((t->flags & TF_URL) || tok_is(d, k, '@') ||
            (t->kind == TK_WORD && (memchr(d->src.text + t->off, '@', t->len) ||
                                    memchr(d->src.text + t->off, '.', t->len))))
            return 1;
    }
    return 0;
}

enum { LAT_REPORT = 1, LAT_EXEMPT, LAT_STOP };

/* How a Latin word i counts: to report, allowed (may sit inside a group), or a stop. */
static int latin_class(const tl_doc *d, const langmix_state *s, size_t i)
{
    const tl_word *w = d->tok[i].w;
    if (social(w) || s->credit || in_address(d, i))
        return LAT_STOP;
    if ((w->flags & WF_DIGIT) || in_map(&s->w->allowed, w) ||
        ((w->flags & WF_ALLCAPS) && w->ncp <= ABBREV_MAX_CP) || roman(w) || w->ncp == 1 ||
        (!(w->flags & WF_ALLCAPS) && inner_capital(w)) || in_code(d, i))
        return LAT_EXEMPT;
    return LAT_REPORT;
}

/* Length in tokens of label l at token i, or 0. */
static size_t label_at(const tl_doc *d, const label *l, size_t i)
{
    for (size_t k = 0; k < l->n; k++) {
        size_t j = i + k;
        if (j >= d->ntok || (k && (d->tok[j].flags & TF_NEWLINE_BEFORE)))
            return 0;
        const tl_token *t = &d->tok[j];
        if (l->is_word[k] ? !(t->kind == TK_WORD && strcmp(t->w->key, l->part[k]) == 0)
                          : !(t->kind == TK_PUNCT && t->len == strlen(l->part[k]) &&
                              memcmp(d->src.text + t->off, l->part[k], t->len) == 0))
            return 0;
    }
    return l->n;
}

/* The longest label at token i: its length in tokens (0 none) and entry. */
static size_t best_label(const tl_doc *d, const langmix_state *s, size_t i, const label **out)
{
    size_t best = 0;
    for (size_t k = 0; k < s->w->nlabels; k++) {
        size_t n = s->w->labels[k].n ? label_at(d, &s->w->labels[k], i) : 0;
        if (n > best) {
            best = n;
            *out = &s->w->labels[k];
        }
    }
    return best;
}

static void report_label(tl_doc *d, size_t i, size_t n)
{
    int vi = 0;
    for (size_t k = i; k < i + n; k++)
        vi |= d->tok[k].kind == TK_WORD && (d->tok[k].w->flags & WF_VI_LETTER);
    const tl_token *a = &d->tok[i], *b = &d->tok[i + n - 1];
    size_t len = b->off + b->len - a->off;
    doc_add(d, TL_RULE_UNTRANSLATED, a->off, len, "%s page label «%s» left untranslated",
            vi ? "Vietnamese" : "English", doc_quote(d, d->src.text + a->off, len));
}

/* Token j is a hyphen or apostrophe glued between two Latin words («e-mail»). */
static int glued_word_part(const tl_doc *d, size_t j)
{
    return (tok_is(d, j, '-') || tok_is(d, j, '\'')) && !(d->tok[j].flags & TF_SPACE_BEFORE) &&
           latin_word(d, j + 1) && !(d->tok[j + 1].flags & TF_SPACE_BEFORE);
}

/* A Vietnamese group [i, last]: reported with the glossary's Cyrillic form of a name it
 * is (as the suggestion) or holds (in the message). */
static void report_vi(tl_doc *d, const langmix_state *s, size_t i, size_t last)
{
    const tl_token *a = &d->tok[i], *b = &d->tok[last];
    size_t len = b->off + b->len - a->off, ns, ne;
    const char *form = vinames_find(&s->w->vi_names, d, i, last, &ns, &ne);
    if (!form) {
        doc_add(d, TL_RULE_UNTRANSLATED, a->off, len, "Vietnamese text «%s» left untranslated",
                doc_quote(d, d->src.text + a->off, len));
        return;
    }
    if (ns == i && ne == last) {
        tl_ifinding *f = doc_add(d, TL_RULE_UNTRANSLATED, a->off, len,
                                 "Vietnamese name «%s» left untranslated; the glossary writes «%s»",
                                 doc_quote(d, d->src.text + a->off, len), form);
        if (f)
            doc_suggest(d, f, form, strlen(form));
        return;
    }
    const tl_token *x = &d->tok[ns], *y = &d->tok[ne];
    doc_add(d, TL_RULE_UNTRANSLATED, a->off, len,
            "Vietnamese text «%s» left untranslated (the glossary writes «%s» as «%s»)",
            doc_quote(d, d->src.text + a->off, len),
            doc_quote(d, d->src.text + x->off, y->off + y->len - x->off), form);
}

/* A group of untranslated words from token i (LAT_REPORT); returns the index after it. */
static size_t report_group(tl_doc *d, const langmix_state *s, size_t i)
{
    size_t last = i, j = i + 1;
    int vi = (d->tok[i].w->flags & WF_VI_LETTER) != 0;
    while (j < d->ntok && !(d->tok[j].flags & TF_NEWLINE_BEFORE)) {
        if (glued_word_part(d, j)) {
            j += 2;
            last = j - 1;
            continue;
        }
        if (!(d->tok[j].flags & TF_SPACE_BEFORE))
            break;
        if (d->tok[j].kind == TK_NUMBER && vi) { /* «ảnh 1» */
            last = j++;
            continue;
        }
        if (!latin_word(d, j))
            break;
        int c = latin_class(d, s, j);
        if (c == LAT_STOP)
            break;
        if (c == LAT_REPORT)
            last = j;
        vi |= (d->tok[j].w->flags & WF_VI_LETTER) != 0;
        j++;
    }
    const tl_token *a = &d->tok[i], *b = &d->tok[last];
    size_t len = b->off + b->len - a->off;
    if (last == i && !vi && (a->w->flags & WF_CAP))
        return last + 1; /* a lone capitalised word: a brand or organisation name */
    if (vi)
        report_vi(d, s, i, last);
    else
        doc_add(d, TL_RULE_UNTRANSLATED, a->off, len,
                "Latin-script text «%s» left untranslated; translate it, or add it to "
                "latin_allowed if it is a name or code",
                doc_quote(d, d->src.text + a->off, len));
    return last + 1;
}

static int closing_bracket(const tl_doc *d, size_t i)
{
    return tok_is(d, i, ')') || tok_is(d, i, ']');
}

static void untranslated(tl_doc *d, langmix_state *s)
{
    size_t i = 0;
    while (i < d->ntok) {
        const tl_token *t = &d->tok[i];
        if ((t->flags & TF_LINE_START) || closing_bracket(d, i))
            s->credit = 0;
        if (t->kind != TK_WORD || (t->flags & TF_URL)) {
            i++;
            continue;
        }
        const label *l = NULL;
        size_t n = t->w->script == SCRIPT_LATIN ? best_label(d, s, i, &l) : 0;
        if (n) {
            report_label(d, i, n);
            s->credit |= credit_word(t->w);
            i += n;
        } else if (credit_word(t->w)) {
            s->credit = 1;
            i++;
        } else if (latin_word(d, i) && latin_class(d, s, i) == LAT_REPORT) {
            i = report_group(d, s, i);
        } else {
            i++;
        }
    }
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    int script = doc_rule_on(d, TL_RULE_SCRIPT_MIXED), lang = doc_rule_on(d, TL_RULE_LANG_MIXED);
    int untr = doc_rule_on(d, TL_RULE_UNTRANSLATED);
    if (!script && !lang && !untr)
        return 0;
    langmix_state *s = st;
    langmix_ctx *c = cst;
    if (!(s->w = words(d, cst)) || !(s->sd = spelldata_get(&c->sd[d->lang], &c->mem, d)))
        return -1;
    for (size_t i = 0; i < d->ntok; i++) {
        const tl_token *t = &d->tok[i];
        if (t->kind != TK_WORD || (t->flags & TF_URL))
            continue;
        if (script) {
            check_script(d, i);
            lone_letter(d, i);
        }
        if (lang)
            check_lang(d, s, i);
    }
    if (untr)
        untranslated(d, s);
    return d->oom ? -1 : 0;
}

const tl_family family_langmix = {
    "langmix",  sizeof(langmix_state), sizeof(langmix_ctx), prepare, chunk, NULL, release,
    ctx_release};
