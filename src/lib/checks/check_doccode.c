/*
 * check_doccode.c - rules `doc-code.mismatch` and `doc-code.format`: party and state
 * document numbers and the document-type word before them.
 *
 * Shapes of a number, as ICU splits them into tokens (all touching, no white space):
 *
 *   party   24 - QĐ / TW                 N-CODE/ISSUER   (18-NQ/TW, 185-KL/TW)
 *   state   123 / QĐ - TTg               N/CODE-ISSUER   (45/NĐ-CP, 15/2020/NĐ-CP)
 *
 * optionally after «№» («№ 18», «№18») or Latin «No»/«No.», and optionally after a
 * document-type word with «номер» between: «Постановление № 24-QD/TW».
 * The party shape is distinctive enough to be recognised without a glossary; the
 * state shape only when its code is in the glossary's doc_codes (so «3/COVID-19» is not
 * a document). A written code is matched against the longest table code or ASCII
 * spelling that equals it or is a prefix of it up to a hyphen: «QD-UBND» is a QĐ.
 *
 *   doc-code.mismatch  (at once) the type word before the number is a type word of the
 *                      text's language for some code of the table, but not for this
 *                      number's code. Type words are compared by stem (stem_key_len),
 *                      then through Hunspell's stems («висновку» -> «висновок»). The
 *                      suggestion is the code's first type word cased like the text
 *                      and inflected like it: by swapping the ending when both lemmas
 *                      end alike («Постановлением» -> «Положением»), else through a small
 *                      table of singular case endings when the case is unambiguous
 *                      («директивы» -> «заключения»), else as the lemma; then the number
 *                      in the preferred format (option `format` of doc-code.format,
 *                      else the glossary's doc_number_format). With no code table (no
 *                      glossary) the rule does nothing.
 *   doc-code.format    (at once) a code written in ASCII where the table writes Đ
 *                      («24-QD/TW» -> «24-QĐ/TW»); (at the end) one number (figures,
 *                      code with QD = QĐ, issuer) written with and without «№», or with
 *                      and without the space after it: the minority forms are reported,
 *                      pointing at the dominant one (ties: the form of the preferred
 *                      format, else the first seen).
 *
 * Numbers are recognised within a chunk; chunks end at line breaks, and a number never
 * spans lines, so nothing is lost at chunk boundaries.
 */
#include "doc.h"
#include "morph.h"
#include "norm.h"
#include "stem.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#define DEFAULT_FORMAT "№ {n}-{code}/{issuer}"

/* How «№» is written before a number. */
enum { NS_NONE = 0, NS_SPACED, NS_TIGHT, NS_LATIN, NS_COUNT };

/* One document number as written. */
typedef struct {
    size_t off, len;  /* from «№»/«No» (if any) to the end of the number */
    const char *key;  /* identity: the body with Đ folded to D (arena) */
    const char *body; /* the number without «№», code spelled as the table does (arena) */
    uint32_t seq;
    uint8_t style; /* NS_* */
} docnum;

typedef struct {
    docnum *v;
    size_t n, cap;
} doccode_state;

/* A number parsed at a token. */
typedef struct {
    size_t first, last;    /* token indices of the figures and of the last token */
    size_t code_tok;       /* the (first) code token */
    size_t code_len;       /* bytes of the whole written code («QĐ-TTg») */
    size_t issuer_tok;     /* party shape: the issuer; else == last */
    const gl_doc_code *dc; /* table entry, or NULL */
    size_t match_len;      /* bytes of the written code that dc matched */
    int via_ascii;         /* matched dc->ascii, which differs from dc->code */
    int party;
} numparse;

static void release(void *st)
{
    doccode_state *s = st;
    tl_free(s->v);
}

/* ---- tokens ---------------------------------------------------------------------- */

static int joined(const tl_doc *d, size_t i)
{
    return i < d->ntok && !(d->tok[i].flags & (TF_SPACE_BEFORE | TF_LINE_START));
}

static int punct_is(const tl_doc *d, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].len == n &&
           memcmp(d->src.text + d->tok[i].off, s, n) == 0;
}

static int word_is(const tl_doc *d, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < d->ntok && d->tok[i].kind == TK_WORD && d->tok[i].len == n &&
           memcmp(d->src.text + d->tok[i].off, s, n) == 0;
}

static int ascii_digits(const tl_doc *d, size_t i, size_t maxlen)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_NUMBER || t->len > maxlen)
        return 0;
    for (size_t k = 0; k < t->len; k++)
        if (d->src.text[t->off + k] < '0' || d->src.text[t->off + k] > '9')
            return 0;
    return 1;
}

/* A code or issuer: a short capitalised Latin word («NQ», «QĐ», «TW», «TTg»). */
static int latin_code(const tl_doc *d, size_t i)
{
    if (i >= d->ntok)
        return 0;
    const tl_token *t = &d->tok[i];
    return t->kind == TK_WORD && t->w && t->w->script == SCRIPT_LATIN && (t->w->flags & WF_CAP) &&
           t->w->ncp <= 6 && !(t->flags & TF_URL);
}

/* ---- the code table ---------------------------------------------------------------- */

/* Longest table code (or its ASCII spelling) equal to [p, p+n) or a prefix of it up to
 * a hyphen. */
static void table_match(const tl_doc *d, const char *p, size_t n, numparse *np)
{
    const gloss *g = d->g;
    np->dc = NULL;
    np->match_len = 0;
    np->via_ascii = 0;
    for (size_t k = 0; k < g->ndoc_codes; k++) {
        const gl_doc_code *dc = &g->doc_codes[k];
        const char *forms[2] = {dc->code, dc->ascii};
        for (int f = 0; f < 2; f++) {
            size_t m = forms[f] ? strlen(forms[f]) : 0;
            if (!m || m > n || memcmp(p, forms[f], m) != 0 || (m < n && p[m] != '-'))
                continue;
            if (m > np->match_len) {
                np->dc = dc;
                np->match_len = m;
                np->via_ascii = f == 1 && strcmp(dc->code, dc->ascii) != 0;
            }
        }
    }
}

/* N-CODE/ISSUER at token i. */
static int parse_party(const tl_doc *d, size_t i, numparse *np)
{
    if (!punct_is(d, i + 1, "-") || !joined(d, i + 1) || !joined(d, i + 2) ||
        !latin_code(d, i + 2) || !punct_is(d, i + 3, "/") || !joined(d, i + 3) ||
        !joined(d, i + 4) || !latin_code(d, i + 4))
        return 0;
    np->party = 1;
    np->code_tok = i + 2;
    np->code_len = d->tok[i + 2].len;
    np->issuer_tok = np->last = i + 4;
    return 1;
}

/* N/CODE-ISSUER or N/YEAR/CODE-ISSUER at token i; the code must be in the table. */
static int parse_state(const tl_doc *d, size_t i, numparse *np)
{
    size_t j = i + 1;
    if (!punct_is(d, j, "/") || !joined(d, j))
        return 0;
    j++;
    if (j + 1 < d->ntok && joined(d, j) && ascii_digits(d, j, 4) && d->tok[j].len == 4 &&
        punct_is(d, j + 1, "/") && joined(d, j + 1))
        j += 2;
    if (!joined(d, j) || !latin_code(d, j))
        return 0;
    np->party = 0;
    np->code_tok = j;
    while (punct_is(d, j + 1, "-") && joined(d, j + 1) && joined(d, j + 2) && latin_code(d, j + 2))
        j += 2;
    np->issuer_tok = np->last = j;
    np->code_len = d->tok[j].off + d->tok[j].len - d->tok[np->code_tok].off;
    table_match(d, d->src.text + d->tok[np->code_tok].off, np->code_len, np);
    return np->dc != NULL;
}

/* A document number starting with the figures at token i. */
static int parse_number(const tl_doc *d, size_t i, numparse *np)
{
    memset(np, 0, sizeof *np);
    if (!ascii_digits(d, i, 6) || (d->tok[i].flags & TF_URL))
        return 0;
    np->first = i;
    if (parse_party(d, i, np)) {
        table_match(d, d->src.text + d->tok[np->code_tok].off, np->code_len, np);
        return 1;
    }
    return parse_state(d, i, np);
}

/* The «№» before the figures at token i: sets *style, returns the first token index. */
static size_t sign_before(const tl_doc *d, size_t i, int *style)
{
    *style = NS_NONE;
    if (i == 0 || (d->tok[i].flags & TF_LINE_START))
        return i;
    if (punct_is(d, i - 1, "№")) {
        *style = joined(d, i) ? NS_TIGHT : NS_SPACED;
        return i - 1;
    }
    if (word_is(d, i - 1, "No")) {
        *style = NS_LATIN;
        return i - 1;
    }
    if (i >= 2 && punct_is(d, i - 1, ".") && joined(d, i - 1) && word_is(d, i - 2, "No")) {
        *style = NS_LATIN;
        return i - 2;
    }
    return i;
}

/* ---- building strings -------------------------------------------------------------- */

/* The written code with the table's spelling of its matched prefix: «QD-TTg» -> «QĐ-TTg». */
static void add_code(tl_buf *b, const tl_doc *d, const numparse *np)
{
    const char *p = d->src.text + d->tok[np->code_tok].off;
    if (np->dc) {
        tl_buf_adds(b, np->dc->code);
        tl_buf_add(b, p + np->match_len, np->code_len - np->match_len);
    } else {
        tl_buf_add(b, p, np->code_len);
    }
}

/* The number without «№», with the code spelled as the table does. */
static void add_body(tl_buf *b, const tl_doc *d, const numparse *np)
{
    const char *t = d->src.text;
    size_t start = d->tok[np->first].off, code = d->tok[np->code_tok].off;
    size_t end = d->tok[np->last].off + d->tok[np->last].len;
    tl_buf_add(b, t + start, code - start);
    add_code(b, d, np);
    tl_buf_add(b, t + code + np->code_len, end - code - np->code_len);
}

/* The identity of a number: its body with Đ/đ folded to D/d. */
static void add_key(tl_buf *b, const tl_doc *d, const numparse *np)
{
    size_t from = b->len;
    add_body(b, d, np);
    tl_buf kb;
    tl_buf_init(&kb, 0);
    for (size_t k = from; k < b->len; k++) {
        if ((unsigned char)b->data[k] == 0xC4 && k + 1 < b->len &&
            ((unsigned char)b->data[k + 1] == 0x90 || (unsigned char)b->data[k + 1] == 0x91)) {
            tl_buf_addc(&kb, (unsigned char)b->data[k + 1] == 0x90 ? 'D' : 'd');
            k++;
        } else {
            tl_buf_addc(&kb, b->data[k]);
        }
    }
    b->len = from;
    tl_buf_add(b, kb.data, kb.len);
    if (kb.oom)
        b->oom = 1;
    tl_buf_release(&kb);
}

/* The number in the preferred format: party numbers fill {n}, {code}, {issuer}; state
 * numbers get the format's text before {n} (the «№ ») and their body. */
static void add_preferred(tl_buf *b, const tl_doc *d, const numparse *np)
{
    const char *fmt = doc_number_format(d);
    if (!fmt)
        fmt = DEFAULT_FORMAT;
    const char *t = d->src.text;
    const tl_token *n = &d->tok[np->first], *is = &d->tok[np->issuer_tok];
    for (const char *p = fmt; *p;) {
        if (!strncmp(p, "{n}", 3)) {
            if (np->party)
                tl_buf_add(b, t + n->off, n->len);
            else
                add_body(b, d, np);
            p += 3;
        } else if (np->party && !strncmp(p, "{code}", 6)) {
            add_code(b, d, np);
            p += 6;
        } else if (np->party && !strncmp(p, "{issuer}", 8)) {
            tl_buf_add(b, t + is->off, is->len);
            p += 8;
        } else if (!np->party && p > fmt && p[-1] == '}') {
            break; /* the state shape keeps only the prefix and its body */
        } else {
            tl_buf_addc(b, *p++);
        }
    }
}

/* Appends `lemma` (lower case) cased like a word with WF_ flags `flags`. */
static void add_cased(tl_buf *b, const char *lemma, size_t n, unsigned flags)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(lemma + i, n - i, &cp);
        if (!k) {
            k = 1;
            cp = (unsigned char)lemma[i];
        }
        if ((flags & WF_ALLCAPS) || (i == 0 && (flags & WF_CAP)))
            cp = (uint32_t)u_toupper((UChar32)cp);
        char enc[4];
        tl_buf_add(b, enc, utf8_encode(cp, enc));
        i += k;
    }
}

/* ---- type words ------------------------------------------------------------------- */

typedef struct {
    const char *want;
    int found;
} stem_probe;

static void stem_cb(void *arg, const char *stem)
{
    stem_probe *p = arg;
    if (strcmp(stem, p->want) == 0)
        p->found = 1;
}

/* Whether word w is a form of `lemma_key` (a norm_key): equal stems, else Hunspell. */
static int word_is_lemma(tl_doc *d, const tl_word *w, const char *lemma_key)
{
    size_t ln = strlen(lemma_key);
    if (w->keylen == ln && memcmp(w->key, lemma_key, ln) == 0)
        return 1;
    size_t s1 = stem_key_len(d->lang, w->key, w->keylen);
    size_t s2 = stem_key_len(d->lang, lemma_key, ln);
    if (s1 == s2 && memcmp(w->key, lemma_key, s1) == 0)
        return 1;
    stem_probe p = {lemma_key, 0};
    morph_stems(d->morph, d->lang, w->key, stem_cb, &p);
    return p.found;
}

static const char *const *lemmas_of(const tl_doc *d, const gl_doc_code *dc)
{
    return d->lang == TL_LANG_UK ? dc->uk : dc->ru;
}

/* The lemma of code dc that word w is a form of, or NULL. `key` is scratch. */
static const char *lemma_in(tl_doc *d, const tl_word *w, const gl_doc_code *dc, tl_buf *key)
{
    for (const char *const *l = lemmas_of(d, dc); l && *l; l++) {
        tl_buf_reset(key);
        if (norm_key(key, *l, strlen(*l), d->lang == TL_LANG_RU) || key->oom)
            return NULL;
        if (word_is_lemma(d, w, key->data))
            return *l;
    }
    return NULL;
}

/* `pref` inflected like word key `wkey` is inflected from `lemma`: the ending of the
 * word after their common prefix replaces the lemma's, when `pref` ends like the lemma.
 * Appends it and returns 1, or appends nothing and returns 0. */
static int add_swapped(tl_buf *b, const char *wkey, const char *lemma, const char *pref)
{
    size_t c = 0;
    while (wkey[c] && wkey[c] == lemma[c])
        c++;
    while (c > 0 && ((unsigned char)lemma[c] & 0xC0) == 0x80)
        c--; /* back to a code point boundary */
    const char *rem = lemma + c, *tail = wkey + c;
    size_t rl = strlen(rem), pl = strlen(pref);
    if (utf8_count(lemma, c) < 3 || utf8_count(rem, rl) > 2 || utf8_count(tail, strlen(tail)) > 4 ||
        rl > pl || strcmp(pref + pl - rl, rem) != 0)
        return 0;
    tl_buf_add(b, pref, pl - rl);
    tl_buf_adds(b, tail);
    return 1;
}

/* Singular case endings (nom, gen, dat, acc, ins, prep/loc) of the declensions that
 * document-type words follow, keyed by the lemma's ending («» = a consonant stem). Used
 * when the two lemmas decline differently: «директивы» (gen) -> «заключения». */
#define NCASES 6
typedef struct {
    const char *lemma_end;
    const char *end[NCASES];
} paradigm;

static const paradigm ru_paradigms[] = {
    {"ие", {"ие", "ия", "ию", "ие", "ием", "ии"}}, /* положение */
    {"ия", {"ия", "ии", "ии", "ию", "ией", "ии"}}, /* резолюция */
    {"а", {"а", "ы", "е", "у", "ой", "е"}},        /* директива */
    {"о", {"о", "а", "у", "о", "ом", "е"}},        /* руководство */
    {"", {"", "а", "у", "", "ом", "е"}},           /* план, указ: a consonant stem */
    {NULL, {NULL}}};
static const paradigm uk_paradigms[] = {
    {"ння", {"ння", "ння", "нню", "ння", "нням", "нні"}}, /* положення */
    {"ія", {"ія", "ії", "ії", "ію", "ією", "ії"}},        /* резолюція */
    {"а", {"а", "и", "і", "у", "ою", "і"}},               /* постанова */
    {NULL, {NULL}}};

/* Whether `key` ends in a Russian consonant letter (not a vowel, «ь», «й» or «ъ»). */
static int ends_in_consonant(const char *key, size_t n)
{
    if (n == 0)
        return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)key[i] & 0xC0) == 0x80)
        i--;
    uint32_t cp;
    if (utf8_decode(key + i, n - i, &cp) != n - i || cp < 0x430 || cp > 0x44F)
        return 0;
    static const char not_consonant[] = "аеиоуыэюяьйъ";
    return strstr(not_consonant, key + i) == NULL;
}

static const paradigm *paradigm_of(tl_lang lang, const char *lemma)
{
    size_t n = strlen(lemma);
    for (const paradigm *p = lang == TL_LANG_UK ? uk_paradigms : ru_paradigms; p->lemma_end; p++) {
        size_t m = strlen(p->lemma_end);
        if (m == 0 ? ends_in_consonant(lemma, n) : m < n && !strcmp(lemma + n - m, p->lemma_end))
            return p;
    }
    return NULL;
}

/* `pref` in the case that word key `wkey` has as a form of `lemma`, when the word's
 * ending names one case (or several that `pref` writes alike). Appends it and returns
 * 1, or appends nothing and returns 0. */
static int add_declined(tl_buf *b, tl_lang lang, const char *wkey, const char *lemma,
                        const char *pref)
{
    const paradigm *p1 = paradigm_of(lang, lemma), *p2 = paradigm_of(lang, pref);
    if (!p1 || !p2)
        return 0;
    size_t stem = strlen(lemma) - strlen(p1->lemma_end);
    if (strncmp(wkey, lemma, stem) != 0)
        return 0;
    const char *tail = wkey + stem, *target = NULL;
    for (int c = 0; c < NCASES; c++) {
        if (strcmp(tail, p1->end[c]) != 0)
            continue;
        if (target && strcmp(target, p2->end[c]) != 0)
            return 0; /* «директиве»: dative or prepositional */
        target = p2->end[c];
    }
    if (!target)
        return 0;
    tl_buf_add(b, pref, strlen(pref) - strlen(p2->lemma_end));
    tl_buf_adds(b, target);
    return 1;
}

/* ---- doc-code.mismatch ---------------------------------------------------------------- */

/* Joins the type words of dc as «a» or «b». */
static void add_lemma_list(tl_buf *b, const tl_doc *d, const gl_doc_code *dc)
{
    const char *const *l = lemmas_of(d, dc);
    for (size_t k = 0; l && l[k]; k++)
        tl_buf_printf(b, "%s«%s»", k == 0 ? "" : l[k + 1] ? ", " : " or ", l[k]);
}

/* Suggestion: the code's first type word inflected like the text (or as the lemma),
 * then the number in the preferred format. */
static char *mismatch_suggestion(tl_doc *d, const tl_word *w, const char *found_lemma,
                                 const numparse *np)
{
    const char *pref = lemmas_of(d, np->dc)[0];
    tl_buf inf, out;
    tl_buf_init(&inf, 0);
    tl_buf_init(&out, 0);
    tl_buf lemma_key;
    tl_buf_init(&lemma_key, 0);
    norm_key(&lemma_key, found_lemma, strlen(found_lemma), d->lang == TL_LANG_RU);
    if (!add_swapped(&inf, w->key, lemma_key.data, pref) &&
        !add_declined(&inf, d->lang, w->key, lemma_key.data, pref)) {
        tl_buf_reset(&inf);
        tl_buf_adds(&inf, pref);
    }
    add_cased(&out, inf.data, inf.len, w->flags);
    tl_buf_addc(&out, ' ');
    add_preferred(&out, d, np);
    int oom = inf.oom || out.oom || lemma_key.oom;
    tl_buf_release(&inf);
    tl_buf_release(&lemma_key);
    char *s = oom ? NULL : tl_arena_strndup(&d->mem, out.data, out.len);
    tl_buf_release(&out);
    return s;
}

/* The type word before the number (or its «№»/«номер») at token p, or SIZE_MAX. */
static size_t type_word_before(const tl_doc *d, size_t p)
{
    if (p == 0 || (d->tok[p].flags & TF_LINE_START))
        return SIZE_MAX;
    size_t t = p - 1;
    const tl_word *w = d->tok[t].kind == TK_WORD ? d->tok[t].w : NULL;
    if (w && strncmp(w->key, "номер", strlen("номер")) == 0) {
        if (t == 0 || (d->tok[t].flags & TF_LINE_START))
            return SIZE_MAX;
        t--;
        w = d->tok[t].kind == TK_WORD ? d->tok[t].w : NULL;
    }
    if (!w || !(w->script & SCRIPT_CYRILLIC) || (w->script & (SCRIPT_LATIN | SCRIPT_GREEK)))
        return SIZE_MAX;
    return t;
}

static int mismatch(tl_doc *d, const numparse *np, size_t p)
{
    size_t t = type_word_before(d, p);
    if (t == SIZE_MAX || !np->dc || !lemmas_of(d, np->dc))
        return 0;
    const tl_word *w = d->tok[t].w;
    const gloss *g = d->g;
    tl_buf key, msg;
    tl_buf_init(&key, 0);
    tl_buf_init(&msg, 0);
    const char *other = NULL;
    int own = lemma_in(d, w, np->dc, &key) != NULL;
    for (size_t k = 0; !own && !other && k < g->ndoc_codes; k++)
        if (&g->doc_codes[k] != np->dc)
            other = lemma_in(d, w, &g->doc_codes[k], &key);
    int rc = key.oom ? -1 : 0;
    if (!own && other && !rc) {
        size_t end = d->tok[np->last].off + d->tok[np->last].len;
        char *sug = mismatch_suggestion(d, w, other, np);
        tl_buf_printf(&msg, "code %s%s%s%s means ", np->dc->code, np->dc->vi ? " (" : "",
                      np->dc->vi ? np->dc->vi : "", np->dc->vi ? ")" : "");
        add_lemma_list(&msg, d, np->dc);
        tl_buf_printf(&msg, ", not «%s»", other);
        if (sug)
            tl_buf_printf(&msg, "; write «%s»", sug);
        rc = (msg.oom || !sug) ? -1 : 0;
        tl_ifinding *f = rc ? NULL
                            : doc_add(d, TL_RULE_DOC_CODE_MISMATCH, d->tok[t].off,
                                      end - d->tok[t].off, "%s", msg.data);
        if (f)
            doc_suggest(d, f, sug, strlen(sug));
    }
    tl_buf_release(&key);
    tl_buf_release(&msg);
    return rc;
}

/* ---- doc-code.format ------------------------------------------------------------------- */

static void ascii_code(tl_doc *d, const numparse *np)
{
    if (!np->via_ascii)
        return;
    size_t off = d->tok[np->code_tok].off;
    tl_ifinding *f = doc_add(d, TL_RULE_DOC_CODE_FORMAT, off, np->match_len,
                             "«%.*s» stands for the code «%s» (%s): write it with Đ as the "
                             "original does",
                             (int)np->match_len, d->src.text + off, np->dc->code,
                             np->dc->vi ? np->dc->vi : "a document code");
    if (f)
        doc_suggest(d, f, np->dc->code, strlen(np->dc->code));
}

/* The number at p (its sign, or its first token) follows a word in Latin script on its
 * line, with no sign of its own: «Nghị quyết số 66-NQ/TW», «Resolution 66-NQ/TW» — a
 * sentence left in Vietnamese or English, where the Russian or Ukrainian «№» is not the
 * form to ask for (the untranslated rule reports the sentence itself). */
static int latin_context(const tl_doc *d, size_t p, int style)
{
    if (style != NS_NONE || p == 0 || (d->tok[p].flags & TF_LINE_START))
        return 0;
    const tl_token *w = &d->tok[p - 1];
    return w->kind == TK_WORD && w->w && w->w->script == SCRIPT_LATIN;
}

static int remember(tl_doc *d, doccode_state *s, const numparse *np, size_t p, int style)
{
    if (TL_GROW(s->v, s->n, s->cap, 16))
        return -1;
    tl_buf b;
    tl_buf_init(&b, 0);
    add_key(&b, d, np);
    const char *key = b.oom ? NULL : tl_arena_strndup(&d->mem, b.data, b.len);
    tl_buf_reset(&b);
    add_body(&b, d, np);
    const char *body = b.oom ? NULL : tl_arena_strndup(&d->mem, b.data, b.len);
    tl_buf_release(&b);
    if (!key || !body)
        return -1;
    docnum *n = &s->v[s->n];
    n->off = d->tok[p].off;
    n->len = d->tok[np->last].off + d->tok[np->last].len - n->off;
    n->key = key;
    n->body = body;
    n->seq = (uint32_t)s->n;
    n->style = (uint8_t)style;
    s->n++;
    return 0;
}

static int cmp_docnum(const void *a, const void *b)
{
    const docnum *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* The style of the preferred format: «№ {n}» spaced, «№{n}» tight, «{n}» none. */
static int preferred_style(const tl_doc *d)
{
    const char *fmt = doc_number_format(d);
    if (!fmt)
        fmt = DEFAULT_FORMAT;
    const char *n = strstr(fmt, "{n}"), *sign = strstr(fmt, "№");
    if (!n || !sign || sign > n)
        return NS_NONE;
    return sign + strlen("№") == n ? NS_TIGHT : NS_SPACED;
}

static const char *style_prefix(int style)
{
    return style == NS_SPACED ? "№ " : style == NS_TIGHT ? "№" : style == NS_LATIN ? "No " : "";
}

/* Reports the minority forms of the group v[0..n) (one number, sorted by seq). */
static void format_group(tl_doc *d, const docnum *v, size_t n, int pref)
{
    size_t count[NS_COUNT] = {0};
    size_t first[NS_COUNT] = {0};
    int styles = 0;
    for (size_t k = n; k-- > 0;) {
        styles += count[v[k].style]++ == 0;
        first[v[k].style] = k;
    }
    if (styles < 2)
        return;
    int dom = -1;
    for (int s = 0; s < NS_LATIN; s++) {
        if (!count[s])
            continue;
        if (dom < 0 || count[s] > count[dom] ||
            (count[s] == count[dom] && (s == pref || (dom != pref && first[s] < first[dom]))))
            dom = s;
    }
    if (dom < 0)
        return; /* only Latin «No»: typography.number-sign's */
    const docnum *eg = &v[first[dom]];
    const char *t = d->src.text;
    for (size_t k = 0; k < n; k++) {
        if (v[k].style == dom)
            continue;
        tl_ifinding *f = doc_add(d, TL_RULE_DOC_CODE_FORMAT, v[k].off, v[k].len,
                                 "document number «%.*s» is written «%.*s» elsewhere in the "
                                 "text (%zu time%s); write it one way",
                                 (int)v[k].len, t + v[k].off, (int)eg->len, t + eg->off, count[dom],
                                 count[dom] == 1 ? "" : "s");
        doc_suggestf(d, f, "%s%s", style_prefix(dom), v[k].body);
    }
}

/* ---- the family --------------------------------------------------------------------- */

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    int mis_on = doc_rule_on(d, TL_RULE_DOC_CODE_MISMATCH);
    int fmt_on = doc_rule_on(d, TL_RULE_DOC_CODE_FORMAT);
    if (!mis_on && !fmt_on)
        return 0;
    doccode_state *s = st;
    for (size_t i = 0; i < d->ntok; i++) {
        numparse np;
        if (d->tok[i].kind != TK_NUMBER || !parse_number(d, i, &np))
            continue;
        int style;
        size_t p = sign_before(d, i, &style);
        if (mis_on && mismatch(d, &np, p))
            return -1;
        if (fmt_on) {
            ascii_code(d, &np);
            if (!latin_context(d, p, style) && remember(d, s, &np, p, style))
                return -1;
        }
        i = np.last;
    }
    return d->oom ? -1 : 0;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    doccode_state *s = st;
    if (!s->n)
        return 0;
    qsort(s->v, s->n, sizeof *s->v, cmp_docnum);
    int pref = preferred_style(d);
    for (size_t i = 0; i < s->n;) {
        size_t j = i + 1;
        while (j < s->n && strcmp(s->v[j].key, s->v[i].key) == 0)
            j++;
        format_group(d, s->v + i, j - i, pref);
        i = j;
    }
    return d->oom ? -1 : 0;
}

const tl_family family_doccode = {
    "doc-code", sizeof(doccode_state), 0, NULL, chunk, finish, release, NULL};
