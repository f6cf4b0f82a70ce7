/*
 * inflect_read.c - the first half of inflection (inflect.c has the method): a phrase
 * split into words, each word's normalised core, the readings its ending allows
 * (adjective of which paradigm and row, noun of which class and gender), and the
 * phrase structure: leading invariable words, agreeing adjectives, the head noun.
 */
#include "inflect_p.h"

#include "textclass.h"

#include <string.h>
#include <unicode/uchar.h>

/* ---- code points ------------------------------------------------------------------ */

int infl_cp_in(uint32_t c, const char *set)
{
    size_t n = strlen(set);
    while (n) {
        uint32_t s;
        size_t k = utf8_decode(set, n, &s);
        if (!k)
            return 0;
        if (s == c)
            return 1;
        set += k;
        n -= k;
    }
    return 0;
}

int infl_is_vowel(uint32_t c) { return infl_cp_in(c, "аеёиоуыэюяєії"); }
static int is_velar(uint32_t c) { return infl_cp_in(c, "кгхґ"); }
static int is_sib(uint32_t c) { return infl_cp_in(c, "жшчщ"); }
static int is_cyr_letter(uint32_t c) { return c >= 0x400 && c <= 0x4FF; }
int infl_is_consonant(uint32_t c)
{
    return is_cyr_letter(c) && !infl_is_vowel(c) && !infl_cp_in(c, "ьъй");
}

size_t infl_ncp_of(const char *s) { return utf8_count(s, strlen(s)); }

int infl_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (!strcmp(*list, s))
            return 1;
    return 0;
}

const char *infl_pair_get(const pair *list, const char *s)
{
    for (; list->a; list++)
        if (!strcmp(list->a, s))
            return list->b;
    return NULL;
}

int infl_str_ends(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !memcmp(s + n - k, suf, k);
}

static int ends_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (infl_str_ends(s, *list))
            return 1;
    return 0;
}

/* ---- words -------------------------------------------------------------------------
 * A word is a white-space separated token; its core runs from the first to the last
 * letter or digit (quotes and brackets around it stay as they are). The core is
 * normalised for comparison: lower case, ё -> е (ru), apostrophes -> U+0027, soft
 * hyphen and combining acute dropped; src[] maps each normalised code point infl_back to
 * the original bytes so that a new ending can be put on the original stem. */

const char *infl_lexeme(const word *w) { return w->norm + w->nb[w->lex]; }
static size_t lex_ncp(const word *w) { return w->ncp - w->lex; }

/* k-th code point from the end of the last component (0 = last), or 0. */
uint32_t infl_back(const word *w, size_t k)
{
    if (k >= lex_ncp(w))
        return 0;
    uint32_t c = 0;
    const char *p = w->norm + w->nb[w->ncp - 1 - k];
    utf8_decode(p, strlen(p), &c);
    return c;
}

static int ends(const word *w, const char *suf) { return infl_str_ends(infl_lexeme(w), suf); }

size_t infl_syllables(const word *w)
{
    size_t n = 0;
    const char *p = infl_lexeme(w);
    size_t len = strlen(p);
    while (len) {
        uint32_t c = 0;
        size_t k = utf8_decode(p, len, &c);
        if (!k)
            break;
        n += infl_is_vowel(c) ? 1 : 0;
        p += k;
        len -= k;
    }
    return n;
}

static uint32_t norm_cp(uint32_t c, tl_lang lang)
{
    if (tc_apostrophe(c))
        return '\'';
    if (c == 0x2010 || c == 0x2011)
        return '-';
    c = (uint32_t)u_tolower((UChar32)c);
    if (lang == TL_LANG_RU && c == 0x0451) /* ё */
        return 0x0435;
    return c;
}

/* Fills w's normalised core from phrase bytes [w->core_off, w->core_end). */
static int normalise(phrase_words *pw, word *w)
{
    size_t cap = w->core_end - w->core_off + 1;
    w->src = tl_arena_alloc(pw->mem, (cap + 1) * sizeof *w->src);
    w->nb = tl_arena_alloc(pw->mem, (cap + 1) * sizeof *w->nb);
    w->norm = tl_arena_alloc(pw->mem, cap * 4 + 1);
    if (!w->src || !w->nb || !w->norm)
        return -1;
    size_t i = w->core_off, n = 0, nb = 0, nupper = 0;
    int first_upper = 0, has_cyr = 0, has_digit = 0, has_latin = 0;
    w->lex = 0;
    while (i < w->core_end) {
        uint32_t c;
        size_t k = utf8_decode(pw->text + i, w->core_end - i, &c);
        if (!k)
            return -1;
        if (!tc_invisible(c)) {
            uint32_t lc = norm_cp(c, pw->lang);
            if (lc == '-') {
                w->lex = n + 1;
                nupper = 0;
                first_upper = 0;
            } else if (u_isupper((UChar32)c)) {
                first_upper = nupper == 0 && n == w->lex;
                nupper++;
            }
            has_cyr |= is_cyr_letter(lc);
            has_digit |= u_isdigit((UChar32)c) != 0;
            has_latin |= lc < 0x250 && u_isalpha((UChar32)lc);
            w->src[n] = i;
            w->nb[n] = nb;
            nb += utf8_encode(lc, w->norm + nb);
            n++;
        }
        i += k;
    }
    w->norm[nb] = '\0';
    w->src[n] = w->core_end;
    w->nb[n] = nb;
    w->ncp = n;
    if (w->lex >= n)
        w->lex = 0;
    w->title = first_upper && nupper == 1;
    if (!has_cyr || has_latin || nupper >= 2 || n == 0)
        w->kind = W_INV;
    else if (has_digit)
        w->kind = W_ORD; /* checked by is_ordinal() */
    else
        w->kind = W_CYR;
    return 0;
}

/* «13-й»: digits, a hyphen, Cyrillic letters. */
static int is_ordinal(const word *w)
{
    const char *s = w->norm;
    size_t d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (!d || s[d] != '-' || !s[d + 1])
        return 0;
    for (size_t i = w->lex; i < w->ncp; i++) {
        uint32_t c = 0;
        utf8_decode(w->norm + w->nb[i], w->nb[i + 1] - w->nb[i], &c);
        if (!is_cyr_letter(c))
            return 0;
    }
    return w->lex == d + 1;
}

/* Splits `text` into words (runs of non-space code points). */
int infl_split_words(phrase_words *pw, tl_lang lang, const char *text)
{
    size_t len = strlen(text), cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == ' ';
    cap += len / 2; /* other spaces; generous */
    pw->lang = lang;
    pw->text = text;
    pw->n = 0;
    pw->w = tl_arena_alloc(pw->mem, cap * sizeof *pw->w);
    if (!pw->w)
        return -1;
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        size_t k = utf8_decode(text + i, len - i, &c);
        if (!k)
            return -1;
        if (tc_space(c)) {
            i += k;
            continue;
        }
        if (pw->n == cap)
            return -1;
        word *w = &pw->w[pw->n++];
        w->off = i;
        size_t core_off = SIZE_MAX, core_end = i;
        while (i < len) {
            k = utf8_decode(text + i, len - i, &c);
            if (!k)
                return -1;
            if (tc_space(c))
                break;
            if (u_isalnum((UChar32)c)) {
                if (core_off == SIZE_MAX)
                    core_off = i;
                core_end = i + k;
            }
            i += k;
        }
        w->len = i - w->off;
        w->core_off = core_off == SIZE_MAX ? w->off : core_off;
        w->core_end = core_off == SIZE_MAX ? w->off : core_end;
        if (normalise(pw, w) < 0)
            return -1;
        if (w->kind == W_ORD && !is_ordinal(w))
            w->kind = W_INV;
    }
    return 0;
}

/* ---- readings: what a dictionary-form word can be, from its ending ------------------ */

static void set_adj(word *w, const adecl *t, int row)
{
    w->adj.t = t;
    w->adj.row = row;
}

static void read_adj_ru(word *w)
{
    if (lex_ncp(w) < 4)
        return;
    uint32_t c1 = infl_back(w, 2), c2 = infl_back(w, 3);
    int velar = is_velar(c1), sib = is_sib(c1), cons = infl_is_consonant(c1);
    int soft = c1 == 0x043D /* н */ && infl_is_consonant(c2);
    if (ends(w, "ый") && cons)
        set_adj(w, &RU_ADJ_HARD, MASC);
    else if (ends(w, "ой") && cons)
        set_adj(w, velar || sib ? &RU_ADJ_VELAR : &RU_ADJ_HARD, MASC);
    else if (ends(w, "ий") && (velar || sib || soft))
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, MASC);
    else if (ends(w, "ая") && cons)
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_HARD, FEM);
    else if (ends(w, "яя") && cons)
        set_adj(w, &RU_ADJ_SOFT, FEM);
    else if (ends(w, "ое") && cons)
        set_adj(w, velar || sib ? &RU_ADJ_VELAR : &RU_ADJ_HARD, NEUT);
    else if (ends(w, "ее") && (sib || c1 == 0x043D))
        set_adj(w, sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, NEUT);
    else if (ends(w, "ые") && cons)
        set_adj(w, &RU_ADJ_HARD, PLR);
    else if (ends(w, "ие") && (velar || (sib && !ends(w, "жие")) || soft))
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, PLR);
}

static void read_adj_uk(word *w)
{
    if (lex_ncp(w) < 4 || infl_in_list(UK_NOUN_ONLY, infl_lexeme(w)))
        return;
    uint32_t c1 = infl_back(w, 1), c2 = infl_back(w, 2);
    if (ends(w, "ий") && infl_is_consonant(c2))
        set_adj(w, &UK_ADJ_HARD, MASC);
    else if (ends(w, "ій") && c2 == 0x043D)
        set_adj(w, &UK_ADJ_SOFT, MASC);
    else if (ends(w, "а") && infl_is_consonant(c1))
        set_adj(w, &UK_ADJ_HARD, FEM);
    else if (ends(w, "я") && c1 == 0x043D &&
             (c2 != 0x043D || infl_in_list(UK_SOFT_ADJ_NN, infl_lexeme(w))))
        set_adj(w, &UK_ADJ_SOFT, FEM);
    else if (ends(w, "е") && infl_is_consonant(c1))
        set_adj(w, &UK_ADJ_HARD, NEUT);
    else if (ends(w, "є") && c1 == 0x043D)
        set_adj(w, &UK_ADJ_SOFT, NEUT);
    else if (ends(w, "і") && infl_is_consonant(c1))
        set_adj(w, ends_in_list(UK_SOFT_PL_ENDS, infl_lexeme(w)) ? &UK_ADJ_SOFT : &UK_ADJ_HARD,
                PLR);
}

static void set_noun(word *w, const ndecl *m, const ndecl *f, const ndecl *n, int gender)
{
    w->noun.by[MASC] = m;
    w->noun.by[FEM] = f;
    w->noun.by[NEUT] = n;
    w->noun.gender = gender;
    w->noun.any = 1;
}

static void set_all(word *w, const ndecl *t, int gender) { set_noun(w, t, t, t, gender); }
static void set_plural(word *w, const ndecl *t)
{
    set_all(w, t, MASC);
    w->noun.plural = 1;
}

/* Endings of oblique adjective forms: a word with them is not a dictionary-form noun
 * («Заведующий Организационным отделом»: the head is «Заведующий»). */
static int oblique_adj_ending(const phrase_words *pw, const word *w)
{
    static const char *const RU[] = {"ым",  "ого", "его", "ому", "ему", "ых",
                                     "ыми", "ими", "ую",  "юю",  NULL};
    static const char *const UK[] = {"ого",  "ому",  "ої",  "ою",  "их",  "ими",
                                     "ього", "ьому", "ьої", "ьою", "іми", NULL};
    if (ends_in_list(pw->lang == TL_LANG_RU ? RU : UK, infl_lexeme(w)))
        return 1;
    uint32_t c = infl_back(w, 2);
    return (ends(w, "им") || ends(w, "их")) && (is_velar(c) || c == 0x043D || infl_cp_in(c, "шчщ"));
}

/* Capitalised words ending in a vowel that Russian does not decline: Кантхо, Хюэ. */
static int title_indecl(const word *w)
{
    if (!w->title)
        return 0;
    if (ends(w, "о"))
        return !ends(w, "ство") && !ends(w, "цтво") && !ends(w, "тво");
    if (ends(w, "е") || ends(w, "є"))
        return !ends(w, "ие") && !ends(w, "ье");
    return ends(w, "и") || ends(w, "і") || ends(w, "ї") || ends(w, "у") || ends(w, "ю") ||
           ends(w, "э");
}

static int ru_fem_soft(const word *w)
{
    const char *s = infl_lexeme(w);
    if (infl_in_list(RU_MASC_SOFT, s))
        return 0;
    return infl_in_list(RU_FEM_SOFT, s) || ends_in_list(RU_FEM_SOFT_ENDS, s);
}

static int uk_fem_soft(const word *w)
{
    const char *s = infl_lexeme(w);
    if (infl_in_list(UK_MASC_SOFT, s))
        return 0;
    return infl_in_list(UK_FEM_SOFT, s) || ends_in_list(UK_FEM_SOFT_ENDS, s);
}

static void read_noun_ru(const phrase_words *pw, word *w)
{
    const char *s = infl_lexeme(w);
    uint32_t prev = infl_back(w, 1);
    if (infl_in_list(RU_UNSAFE, s) || ends(w, "мя"))
        set_all(w, &UNSAFE, MASC);
    else if (infl_in_list(RU_INDECL, s) || ends(w, "бюро") || title_indecl(w))
        set_all(w, &INDECL, NEUT);
    else if (oblique_adj_ending(pw, w) || lex_ncp(w) < 2)
        return;
    else if (ends(w, "ия"))
        set_noun(w, &RU_F_IYA, &RU_F_IYA, NULL, FEM);
    else if (ends(w, "я"))
        set_noun(w, &RU_F_YA, &RU_F_YA, NULL, FEM);
    else if (ends(w, "а") && infl_is_vowel(prev))
        set_all(w, &INDECL, FEM);
    else if (ends(w, "а")) {
        const ndecl *t = is_velar(prev)           ? &RU_F_A_VELAR
                         : is_sib(prev)           ? &RU_F_A_SIB
                         : prev == 0x0446 /* ц */ ? &RU_F_A_TS
                                                  : &RU_F_A;
        set_noun(w, t, t, NULL, FEM); /* глава, мужчина: masculine agreement */
    } else if (ends(w, "ие"))
        set_noun(w, NULL, NULL, &RU_N_IE, NEUT);
    else if (ends(w, "ье"))
        set_noun(w, NULL, NULL, &RU_N_YE, NEUT);
    else if (ends(w, "е") && (is_sib(prev) || prev == 0x0446))
        set_noun(w, NULL, NULL, &RU_N_E_SIB, NEUT);
    else if (ends(w, "е") && infl_cp_in(prev, "лр"))
        set_noun(w, NULL, NULL, &RU_N_E, NEUT);
    else if (ends(w, "о") && infl_is_consonant(prev))
        set_noun(w, NULL, NULL, &RU_N_O, NEUT);
    else if (ends(w, "ы") && infl_is_consonant(prev))
        set_plural(w, &RU_PL_Y);
    else if (ends(w, "ии"))
        set_plural(w, &RU_PL_II);
    else if (ends(w, "и") && infl_is_consonant(prev))
        set_plural(w, is_velar(prev) || is_sib(prev) || prev == 0x0446 ? &RU_PL_I_HARD
                                                                       : &RU_PL_I_SOFT);
    else if (ends(w, "о") || ends(w, "е") || ends(w, "и") || ends(w, "у") || ends(w, "ю") ||
             ends(w, "э"))
        set_all(w, &INDECL, NEUT);
    else if (ends(w, "ь") && infl_is_consonant(prev)) {
        const ndecl *f = is_sib(prev) ? &RU_F_SOFT_SIB : &RU_F_SOFT;
        set_noun(w, &RU_M_SOFT, f, NULL, ru_fem_soft(w) ? FEM : MASC);
    } else if (ends(w, "ий"))
        set_noun(w, &RU_M_IJ, NULL, NULL, MASC);
    else if (ends(w, "й") && infl_is_vowel(prev))
        set_noun(w, &RU_M_J, NULL, NULL, MASC);
    else if (infl_is_consonant(infl_back(w, 0))) {
        uint32_t c = infl_back(w, 0);
        const ndecl *t = is_velar(c)   ? &RU_M_VELAR
                         : is_sib(c)   ? &RU_M_SIB
                         : c == 0x0446 ? &RU_M_TS
                                       : &RU_M_HARD;
        set_noun(w, t, NULL, NULL, MASC);
    }
}

static void read_noun_uk(const phrase_words *pw, word *w)
{
    const char *s = infl_lexeme(w);
    uint32_t prev = infl_back(w, 1);
    if (infl_in_list(UK_UNSAFE, s))
        set_all(w, &UNSAFE, MASC);
    else if (infl_in_list(UK_INDECL, s) || ends(w, "бюро"))
        set_all(w, &INDECL, NEUT);
    else if (w->title && ends(w, "о") && !ends(w, "тво"))
        set_all(w, &UNSAFE, MASC); /* Кантхо does not decline, Петро does */
    else if (title_indecl(w))
        set_all(w, &INDECL, NEUT);
    else if (oblique_adj_ending(pw, w) || lex_ncp(w) < 2)
        return;
    else if (ends(w, "ія"))
        set_noun(w, &UK_F_IYA, &UK_F_IYA, NULL, FEM);
    else if (ends(w, "я") && infl_is_vowel(prev))
        set_noun(w, &UK_F_VYA, &UK_F_VYA, NULL, FEM);
    else if (ends(w, "я") &&
             (prev == '\'' || (prev == infl_back(w, 2) && !infl_in_list(UK_FEM_DOUBLE_YA, s))))
        set_noun(w, NULL, NULL, &UK_N_YA, NEUT);
    else if (ends(w, "я"))
        set_noun(w, &UK_F_YA, &UK_F_YA, NULL, FEM);
    else if (ends(w, "а") && infl_is_vowel(prev))
        set_all(w, &INDECL, FEM);
    else if (ends(w, "а")) {
        const ndecl *t = is_sib(prev) ? &UK_F_A_SIB : &UK_F_A;
        set_noun(w, t, t, NULL, FEM); /* голова: masculine agreement */
    } else if (ends(w, "о") && infl_is_consonant(prev))
        set_noun(w, NULL, NULL, is_velar(prev) ? &UK_N_O_VELAR : &UK_N_O, NEUT);
    else if (ends(w, "е") && infl_is_consonant(prev))
        set_noun(w, NULL, NULL, is_sib(prev) ? &UK_N_E_SIB : &UK_N_E, NEUT);
    else if (ends(w, "ії"))
        set_plural(w, &UK_PL_II);
    else if (ends(w, "и") && infl_is_consonant(prev))
        set_plural(w, &UK_PL_Y);
    else if (ends(w, "і") && infl_is_consonant(prev))
        set_plural(w, is_sib(prev) ? &UK_PL_I_HARD : &UK_PL_I_SOFT);
    else if (ends(w, "ї") && infl_is_vowel(prev))
        set_plural(w, &UK_PL_YI);
    else if (ends(w, "о") || ends(w, "е") || ends(w, "є") || ends(w, "у") || ends(w, "ю"))
        set_all(w, &INDECL, NEUT);
    else if (ends(w, "ь") && infl_is_consonant(prev))
        set_noun(w, &UK_M_SOFT, &UK_F_SOFT, NULL, uk_fem_soft(w) ? FEM : MASC);
    else if (ends(w, "й") && infl_is_vowel(prev))
        set_noun(w, &UK_M_J, NULL, NULL, MASC);
    else if (infl_is_consonant(infl_back(w, 0))) {
        uint32_t c = infl_back(w, 0);
        const ndecl *t = infl_in_list(UK_MIXED_R, s) ? &UK_M_R
                         : is_velar(c)               ? &UK_M_VELAR
                         : is_sib(c)                 ? &UK_M_SIB
                                                     : &UK_M_HARD;
        set_noun(w, t, NULL, NULL, MASC);
    }
}

void infl_read_word(const phrase_words *pw, word *w)
{
    memset(&w->adj, 0, sizeof w->adj);
    memset(&w->noun, 0, sizeof w->noun);
    w->animate = w->gen_a = 0;
    if (w->kind != W_CYR)
        return;
    int ru = pw->lang == TL_LANG_RU;
    if (ru)
        read_adj_ru(w);
    else
        read_adj_uk(w);
    /* A clear adjective ending is not a noun (no «заведующия»); -ой may be one
     * (Ханой, герой), and so may uk -а/-е/-і (рада, поле, гроші). */
    int adj_only = w->adj.t && (ru ? !ends(w, "ой") : ends(w, "ий") || ends(w, "ій"));
    if (!adj_only && ru)
        read_noun_ru(pw, w);
    else if (!adj_only)
        read_noun_uk(pw, w);
    w->animate = infl_in_list(ru ? RU_ANIMATE : UK_ANIMATE, infl_lexeme(w));
    w->gen_a = !ru && infl_in_list(UK_GEN_A, infl_lexeme(w));
    if (!w->animate && adj_only && w->adj.row == MASC && (ends(w, "щий") || ends(w, "чий")))
        w->animate = 1; /* заведующий, слідчий: participles used as nouns */
}

/* ---- phrase structure ---------------------------------------------------------------- */

static int noun_agrees(const noun_reading *nr, int row)
{
    if (row < 0)
        return 1;
    if (row == PLR)
        return nr->plural;
    return !nr->plural && nr->by[row] != NULL;
}

/* Finds the head: the longest run of agreeing adjectives (and ordinals) followed by
 * a noun that agrees with them; failing that, the last adjective is the head
 * («Заведующий Организационным отделом»). Returns 0, or -1 when there is no head. */
int infl_parse_phrase(const phrase_words *pw, phrase *ph)
{
    memset(ph, 0, sizeof *ph);
    size_t n = pw->n, s = 0;
    while (s < n && pw->w[s].kind == W_INV)
        s++;
    ph->s = s;
    if (s == n) {
        ph->none = 1;
        return 0;
    }
    size_t r = s;    /* run s..r-1 */
    size_t nadj = 0; /* adjectives (not ordinals) in the run */
    int row = -1;
    for (; r < n; r++) {
        const word *w = &pw->w[r];
        if (w->kind == W_ORD)
            continue;
        if (w->kind != W_CYR || !w->adj.t || (row >= 0 && w->adj.row != row))
            break;
        row = w->adj.row;
        nadj++;
    }
    /* h from r down to s: the words before h are all in the run; `before` counts the
     * adjectives among them (ordinals do not fix the gender) */
    size_t before = nadj;
    for (size_t h = r + 1; h-- > s;) {
        if (h < r && pw->w[h].kind == W_CYR)
            before--;
        if (h >= n)
            continue;
        const word *w = &pw->w[h];
        int hrow = before ? row : -1;
        if (w->kind != W_CYR || !w->noun.any || !noun_agrees(&w->noun, hrow))
            continue;
        ph->h = h;
        if (w->noun.plural)
            ph->row = PLR;
        else
            ph->row = hrow >= 0 ? hrow : w->noun.gender;
        ph->nt = w->noun.plural ? w->noun.by[MASC] : w->noun.by[ph->row];
        if (!ph->nt)
            return -1;
        ph->name = h == s && w->title && h + 1 < n && pw->w[h + 1].kind == W_CYR &&
                   pw->w[h + 1].title && !oblique_adj_ending(pw, &pw->w[h + 1]);
        return 0;
    }
    if (nadj && pw->w[r - 1].kind == W_CYR) {
        ph->h = r - 1;
        ph->head_adj = 1;
        ph->row = pw->w[r - 1].adj.row;
        return 0;
    }
    return -1;
}

/* ---- stems ------------------------------------------------------------------------- */