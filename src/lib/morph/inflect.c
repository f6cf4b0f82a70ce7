/*
 * inflect.c - puts a canonical term into the case and number of a found text.
 *
 * In:  lang, pattern (the glossary form that matched, dictionary form), found (the
 *      text, same number of words), canonical (dictionary form).
 * Out: the canonical phrase inflected like `found`, or NULL.
 *
 * Method (analysis by generation, one paradigm generator for both directions):
 *
 *   pattern «Всекитайский партийный съезд»        canonical «Национальный съезд партии»
 *   found   «Всекитайскому партийному съезду»                 adj    head  rest
 *             |          |          |                             |      |     |
 *     paradigm of each pattern word: which cells          inflect: agree  head  unchanged
 *     give the found word?                                         |      |
 *        {DAT sg} ∩ {DAT sg} ∩ {DAT sg, ...} = DAT sg  -->  «Национальному съезду партии»
 *
 * 1. Phrase structure (parse_phrase), the same for pattern and canonical: leading
 *    invariable words (XIV, ЦК, Latin, numbers), then a run of adjectives agreeing in
 *    gender and number (and ordinals such as «13-й»), then the head noun; everything
 *    after the head (genitive complements «партии», «ЦК КПВ», «полномочий») is left
 *    alone. Words are classified by their ending alone (no dictionary): adjective
 *    endings -ый/-ий/-ой/-ая/-яя/-ое/-ее/-ые/-ие (uk -ий/-ій/-а/-я/-е/-є/-і) and noun
 *    declension classes (consonant, -ь, -й, -а, -я, -ия, -о, -е, -ие; plural -ы/-и).
 *    Where an ending is ambiguous (uk «Народна» adjective or noun, «-ие» adjective or
 *    noun, «-ь» masculine or feminine) agreement decides: the longest run of
 *    adjectives that agrees with a following noun wins.
 * 2. Analysis (case_mask): every pattern word from the first adjective to the head
 *    generates its whole paradigm (12 cells: 6 cases x 2 numbers, all spelling
 *    alternatives, animate and inanimate accusative); the cells whose form equals the
 *    found word form a set. The sets of all words are intersected, so the combination
 *    of endings resolves what one word cannot (feminine «комиссии» is gen/dat/loc sg
 *    or nom/acc pl, «Центральной» rules out the plural).
 * 3. What is still ambiguous is resolved by PREFER: singular before plural, then
 *    NOM, GEN, ACC, LOC, DAT, INS. So «Центральной организационной комиссии»
 *    (gen = dat = loc) is read as genitive, the commonest case of a body's name in
 *    running text («заведующий отделом ... комиссии»); for «Центральному ...
 *    комітету» uk dative/locative is settled by the noun's -у.
 * 4. Generation (gen_phrase): adjectives and ordinals take the head's gender, the
 *    head takes the case; a plural-only canonical («Національні збори») stays plural.
 *    Stem changes are rules plus small tables: fleeting vowels (уровень -> уровня,
 *    образец -> образца, кружок -> кружка, uk рівень -> рівня), uk і/о alternation
 *    (вибір -> вибору, діяльність -> діяльності), uk velar alternation (політика ->
 *    політиці), uk -у/-а genitive (institutions -у, persons -а). Capitalisation of
 *    each word is kept: only the ending is replaced, in lower case.
 *
 * The grammar lives in static tables below (endings per declension class, word lists
 * with a comment each). Cell syntax, read by form_alt() and cell_alts():
 *   "а|ою"  alternatives; the first one is generated, all are recognised
 *   "?..."  recognised, never generated (needs stress or lexical knowledge)
 *   "!у"    generated for animate nouns (uk: also the genitive of TL gen-а nouns)
 *   "@"     accusative = nominative (inanimate) or genitive (animate)
 *   "=..."  built on the dictionary-form stem, not on the oblique one
 *   "^..."  uk velar alternation of the stem: к->ц, г->з, х->с (рука -> руці)
 *   "%..."  uk doubling of a single final consonant after a vowel (тінь -> тінню)
 *   "~"     zero ending (gen pl) where a vowel may be inserted: generated only after a
 *           stem that cannot take one (палат, министерств), else refused
 *   "&"     uk -ння/-лля genitive plural (засідань)
 *
 * Limits (NULL or a wrong form rather than a guess in these places):
 *   - Stress is unknown: ru instrumental after ж ш ч щ ц (товарищем / врачом, отцом /
 *     иностранцем) and gen pl of -ц nouns are refused; stressed -ой adjectives are
 *     fine because the lemma shows the stress.
 *   - Animacy comes from a short list (секретарь, член, министр ...); other nouns are
 *     inanimate, which matters only in the accusative. uk genitive -а/-у is lexical:
 *     -у for inanimate nouns except a short -а list, -а for animate ones.
 *   - Genitive plural of feminine/neuter nouns with a consonant cluster (ставка ->
 *     ставок, группа -> групп) and of plural-only nouns outside a small table is
 *     refused; so are irregular nouns (путь, время, мать, ім'я) and personal names
 *     (two capitalised words in a row: «Нгуен Фу Чонг»).
 *   - Fleeting vowels outside the rules and tables (e.g. ru -ел: посол is listed,
 *     others are not) give a regular but wrong stem; the same goes for nouns whose
 *     gender the ending misleads (masc -а nouns agree fine; a lone uk «ніч» does not).
 *   - Only the head and its leading adjectives change: «председатель Национального
 *     собрания» keeps its complement, which is right, but a canonical whose head is
 *     preceded by a non-agreeing word (other than XIV, ЦК, numbers) is refused.
 *   - Prepositions are not part of `found`, so dative vs locative of a feminine
 *     («палате») and gen/dat/loc of «комиссии» are resolved by PREFER, not context.
 *   - uk ordinals («13-й») are kept only in the nominative; ru ordinals are inflected
 *     («13-го пленума»). uk masculine locative after к/г/х is -у (у висновку), also
 *     where -і with alternation is usual (у році); plural canonical terms are read
 *     from -ы/-и/-і/-ї only (not neuter -а/-я plurals).
 *
 * Files: the grammar tables are in inflect_tables.c, steps 1 (reading the words and
 * the phrase structure) in inflect_read.c, analysis and generation here.
 */
#include "inflect_p.h"

#include <string.h>
typedef struct {
    size_t keep;   /* code points of the word kept */
    char tail[24]; /* then these (normalised UTF-8) */
} stem_t;

static void stem_set(stem_t *st, size_t keep, const char *tail)
{
    st->keep = keep;
    size_t n = strlen(tail);
    if (n >= sizeof st->tail)
        n = sizeof st->tail - 1;
    memcpy(st->tail, tail, n);
    st->tail[n] = '\0';
}

/* The last code point of a stem. */
static uint32_t stem_last(const word *w, const stem_t *st, size_t k)
{
    /* k = 0: last, 1: one before */
    size_t tn = infl_ncp_of(st->tail);
    uint32_t c = 0;
    if (k < tn) {
        const char *p = st->tail;
        size_t len = strlen(p);
        for (size_t i = 0; i < tn - k; i++) {
            size_t m = utf8_decode(p, len, &c);
            if (!m)
                return 0;
            p += m;
            len -= m;
        }
        return c;
    }
    k -= tn;
    if (k >= st->keep)
        return 0;
    size_t i = st->keep - 1 - k;
    utf8_decode(w->norm + w->nb[i], w->nb[i + 1] - w->nb[i], &c);
    return c;
}

/* Replaces the last code point of the stem by `rep`. */
static void stem_replace_last(stem_t *st, const char *rep)
{
    char buf[sizeof st->tail];
    size_t tl = strlen(st->tail);
    if (tl) {
        size_t i = tl;
        while (i > 0 && ((unsigned char)st->tail[i - 1] & 0xC0) == 0x80)
            i--;
        if (i > 0)
            i--;
        memcpy(buf, st->tail, i);
        buf[i] = '\0';
    } else {
        buf[0] = '\0';
        if (st->keep)
            st->keep--;
    }
    size_t bl = strlen(buf), rl = strlen(rep);
    if (bl + rl < sizeof buf) {
        memcpy(buf + bl, rep, rl + 1);
        stem_set(st, st->keep, buf);
    }
}

static void stem_append(stem_t *st, const char *s)
{
    size_t tl = strlen(st->tail), n = strlen(s);
    if (tl + n < sizeof st->tail)
        memcpy(st->tail + tl, s, n + 1);
}

/* The stem that turns word w's last component into `form` (lower case): shared
 * prefix kept, the rest from `form`. */
static void stem_from_form(const word *w, const char *form, stem_t *st)
{
    const char *lx = infl_lexeme(w);
    size_t i = 0;
    while (lx[i] && lx[i] == form[i])
        i++;
    while (i > 0 && ((unsigned char)lx[i] & 0xC0) == 0x80)
        i--; /* infl_back to the start of the code point that differs */
    stem_set(st, w->lex + utf8_count(lx, i), form + i);
}

/* Sets `obl` to lemma stem `lem` changed by the fleeting-vowel and alternation rules. */
static void oblique_stem(const phrase_words *pw, const word *w, const ndecl *t, const stem_t *lem,
                         stem_t *obl)
{
    *obl = *lem;
    int ru = pw->lang == TL_LANG_RU;
    const char *lx = infl_lexeme(w);
    int masc = t == &RU_M_HARD || t == &RU_M_VELAR || t == &RU_M_SIB || t == &RU_M_TS ||
               t == &RU_M_SOFT || t == &UK_M_HARD || t == &UK_M_VELAR || t == &UK_M_SIB ||
               t == &UK_M_SOFT || t == &UK_M_R;
    if (t == &UK_F_SOFT && infl_str_ends(lx, "ість") && !infl_in_list(UK_ISTJ_KEEP, lx)) {
        stem_set(obl, lem->keep - 3, "ост"); /* діяльність -> діяльност-і */
        return;
    }
    if (!masc)
        return;
    const char *irr = infl_pair_get(ru ? RU_STEMS : UK_STEMS, lx);
    if (irr) {
        stem_from_form(w, irr, obl);
        return;
    }
    if (infl_in_list(ru ? RU_KEEP_VOWEL : UK_KEEP_VOWEL, lx) || infl_syllables(w) < 2)
        return;
    uint32_t c0 = stem_last(w, lem, 0), c1 = stem_last(w, lem, 1), c2 = stem_last(w, lem, 2);
    if (c1 == 0x0435 /* е */ && c0 == 0x0446 /* ц */) { /* образец, українець */
        stem_set(obl, lem->keep - 2, infl_is_vowel(c2) ? "йц" : c2 == 0x043B ? "ьц" : "ц");
    } else if (c1 == 0x043E /* о */ && c0 == 0x043A /* к */ && infl_is_consonant(c2)) {
        stem_set(obl, lem->keep - 2, "к"); /* кружок, висновок */
    } else if (c1 == 0x0435 && c0 == 0x043D /* н */ && (t == &RU_M_SOFT || t == &UK_M_SOFT) &&
               infl_is_consonant(c2)) {
        stem_set(obl, lem->keep - 2, "н"); /* уровень, рівень */
    } else if (!ru) {
        for (const pair *p = UK_ALTERNATE_ENDS; p->a; p++)
            if (infl_str_ends(lx, p->a)) {
                stem_set(obl, lem->keep - 3, p->b);
                return;
            }
        if (w->title && infl_str_ends(lx, "ів"))
            stem_set(obl, lem->keep - 2, "ов"); /* Харків -> Харкова */
    }
}

/* Can a zero ending go on this stem without an inserted vowel? (палат, министерств:
 * yes; ставк -> ставок, uk робот -> робіт: no) */
static int zero_safe(const phrase_words *pw, const word *w, const stem_t *st)
{
    uint32_t c0 = stem_last(w, st, 0), c1 = stem_last(w, st, 1), c2 = stem_last(w, st, 2);
    if (c0 == 0x0432 /* в */ && c1 == 0x0442 /* т */ && infl_cp_in(c2, "сц"))
        return 1;
    if (!infl_is_consonant(c0) || !infl_is_vowel(c1))
        return 0;
    return pw->lang == TL_LANG_RU || !infl_cp_in(c1, "ое");
}

/* ---- forms ------------------------------------------------------------------------ */

/* Appends the normalised stem to b. */
static void put_stem_norm(tl_buf *b, const word *w, const stem_t *st)
{
    tl_buf_add(b, w->norm, w->nb[st->keep]);
    tl_buf_adds(b, st->tail);
}

/* Builds one alternative `alt` (length n, markers included) on the stems; generation
 * (`gen`) refuses '~' after an unsafe stem and unknown '&' forms. Writes the stem used
 * to *out_st and the bare ending to `ending` (NUL-terminated). Returns 0 or -1. */
static int form_alt(const phrase_words *pw, const word *w, const stem_t *lem, const stem_t *obl,
                    const char *alt, size_t n, int gen, stem_t *out_st, char *ending, size_t ecap)
{
    stem_t st = *obl;
    while (n && strchr("!=^%~&", *alt)) {
        char m = *alt;
        alt++;
        n--;
        if (m == '=') {
            st = *lem;
        } else if (m == '^') {
            uint32_t c = stem_last(w, &st, 0);
            if (c == 0x043A)
                stem_replace_last(&st, "ц");
            else if (c == 0x0433)
                stem_replace_last(&st, "з");
            else if (c == 0x0445)
                stem_replace_last(&st, "с");
        } else if (m == '%') {
            uint32_t c = stem_last(w, &st, 0);
            char e[5];
            if (infl_is_consonant(c) && infl_is_vowel(stem_last(w, &st, 1))) {
                e[utf8_encode(c, e)] = '\0';
                stem_append(&st, e);
            }
        } else if (m == '~') {
            if (gen && !zero_safe(pw, w, &st))
                return -1;
        } else if (m == '&') {
            uint32_t c0 = stem_last(w, &st, 0), c1 = stem_last(w, &st, 1);
            if (c0 != c1 || !infl_cp_in(c0, "нл"))
                return -1;
            stem_replace_last(&st, "ь"); /* засіданн -> засідань */
        }
    }
    if (n >= ecap)
        return -1;
    memcpy(ending, alt, n);
    ending[n] = '\0';
    *out_st = st;
    return 0;
}

/* Calls fn for every alternative of a cell string. */
typedef int (*alt_fn)(const char *alt, size_t n, void *ctx);

static int cell_alts(const char *cell, alt_fn fn, void *ctx)
{
    if (*cell == '?')
        cell++;
    for (;;) {
        const char *bar = strchr(cell, '|');
        size_t n = bar ? (size_t)(bar - cell) : strlen(cell);
        if (n && fn(cell, n, ctx))
            return 1;
        if (!bar)
            return 0;
        cell = bar + 1;
    }
}

/* ---- analysis: the cells of a paradigm that give the found word ---------------------- */

typedef struct {
    const phrase_words *pw;
    const word *w;      /* pattern word */
    const char *found;  /* normalised found word */
    stem_t lem, obl[4]; /* stems to try */
    size_t nobl;
    tl_buf *tmp;
    int oom;
    int plain_only; /* ignore '!' alternatives (uk locative -ові of inanimates) */
} match_ctx;

/* Does stem + ending, or (for '~') stem with a vowel inserted, give the found word? */
static int try_stem(match_ctx *mc, const stem_t *st, const char *ending, int zero)
{
    tl_buf_reset(mc->tmp);
    put_stem_norm(mc->tmp, mc->w, st);
    tl_buf_adds(mc->tmp, ending);
    mc->oom |= mc->tmp->oom;
    if (!mc->tmp->oom && !strcmp(mc->tmp->data, mc->found))
        return 1;
    if (!zero)
        return 0;
    static const char *const INSERT[] = {"о", "е", NULL};
    for (const char *const *v = INSERT; *v; v++) { /* ставк -> ставок, окн -> окон */
        stem_t s2 = *st;
        uint32_t c = stem_last(mc->w, &s2, 0);
        char last[5];
        last[utf8_encode(c, last)] = '\0';
        stem_replace_last(&s2, *v);
        stem_append(&s2, last);
        tl_buf_reset(mc->tmp);
        put_stem_norm(mc->tmp, mc->w, &s2);
        mc->oom |= mc->tmp->oom;
        if (!mc->tmp->oom && !strcmp(mc->tmp->data, mc->found))
            return 1;
    }
    return 0;
}

static int match_alt(const char *alt, size_t n, void *ctx)
{
    match_ctx *mc = ctx;
    if (mc->plain_only && *alt == '!')
        return 0;
    char ending[32];
    stem_t st;
    int zero = memchr(alt, '~', n) != NULL;
    for (size_t i = 0; i < mc->nobl; i++) {
        if (form_alt(mc->pw, mc->w, &mc->lem, &mc->obl[i], alt, n, 0, &st, ending, sizeof ending) <
            0)
            continue;
        if (try_stem(mc, &st, ending, zero))
            return 1;
    }
    return 0;
}

static int match_cell(match_ctx *mc, const char *cell)
{
    return cell && cell_alts(cell, match_alt, mc);
}

/* Stems to try for a pattern word: the rule's oblique stem, the lemma stem, and for
 * a stem ending consonant-vowel-consonant a guessed fleeting vowel and a guessed uk
 * і/о alternation (the pattern may be a word our rules and tables do not know). */
static void analysis_stems(match_ctx *mc, const ndecl *t)
{
    const word *w = mc->w;
    oblique_stem(mc->pw, w, t, &mc->lem, &mc->obl[0]);
    mc->obl[1] = mc->lem;
    mc->nobl = 2;
    uint32_t c0 = stem_last(w, &mc->lem, 0), c1 = stem_last(w, &mc->lem, 1);
    if (!infl_is_consonant(c0) || !infl_cp_in(c1, "оеі") ||
        !infl_is_consonant(stem_last(w, &mc->lem, 2)))
        return;
    char last[5];
    last[utf8_encode(c0, last)] = '\0';
    stem_t s = mc->lem; /* уровен -> уровн */
    stem_replace_last(&s, "");
    stem_replace_last(&s, last);
    mc->obl[mc->nobl++] = s;
    if (mc->pw->lang != TL_LANG_UK)
        return;
    s = mc->lem; /* рік -> рок, робот -> робіт */
    stem_replace_last(&s, "");
    stem_replace_last(&s, c1 == 0x0456 ? "о" : "і");
    stem_append(&s, last);
    mc->obl[mc->nobl++] = s;
}

static unsigned noun_mask(match_ctx *mc, const ndecl *t)
{
    mc->lem.keep = mc->w->ncp - infl_ncp_of(t->end);
    mc->lem.tail[0] = '\0';
    analysis_stems(mc, t);
    const char *lx = infl_lexeme(mc->w);
    const char *nom_pl = mc->pw->lang == TL_LANG_RU ? infl_pair_get(RU_NOM_PL, lx) : NULL;
    const char *pl_gen = infl_pair_get(PL_GEN, lx);
    unsigned m = 0;
    for (int num = SG; num <= PL; num++)
        for (int c = NOM; c < NCASE; c++) {
            const char *cell = t->f[num][c];
            if (!cell)
                continue;
            int hit;
            /* uk locative -ові/-еві is for persons: «комітетові» is dative */
            mc->plain_only = c == LOC && !mc->w->animate;
            if (!strcmp(cell, "@"))
                hit = match_cell(mc, t->f[num][NOM]) || match_cell(mc, t->f[num][GEN]) ||
                      (num == PL && nom_pl && match_cell(mc, nom_pl)) ||
                      (num == PL && pl_gen && !strcmp(pl_gen, mc->found));
            else
                hit = match_cell(mc, cell);
            if (num == PL && c == NOM && nom_pl)
                hit |= match_cell(mc, nom_pl);
            if (num == PL && c == GEN && pl_gen)
                hit |= !strcmp(pl_gen, mc->found);
            if (hit)
                m |= BIT(num, c);
        }
    return m;
}

static unsigned adj_mask(match_ctx *mc, const adj_reading *ar)
{
    size_t endlen = ar->row == MASC || mc->pw->lang == TL_LANG_RU ? 2 : 1;
    stem_set(&mc->lem, mc->w->ncp - endlen, "");
    mc->obl[0] = mc->lem;
    mc->nobl = 1;
    unsigned m = 0;
    for (int num = SG; num <= PL; num++) {
        int row = num == PL ? PLR : ar->row;
        if (num == SG && ar->row == PLR)
            continue;
        for (int c = NOM; c < NCASE; c++) {
            const char *cell = ar->t->f[row][c];
            int is_lemma = row == ar->row && !strcmp(mc->w->norm, mc->found);
            int hit;
            if (c == NOM && row == ar->row)
                hit = is_lemma;
            else if (!strcmp(cell, "@"))
                hit = (row == ar->row ? is_lemma : match_cell(mc, ar->t->f[row][NOM])) ||
                      match_cell(mc, ar->t->f[row][GEN]);
            else
                hit = match_cell(mc, cell);
            if (hit)
                m |= BIT(num, c);
        }
    }
    return m;
}

/* The cells the found phrase can be in, judged by the pattern's words from the first
 * adjective to the head; 0 when undeterminable or contradictory. */
static unsigned case_mask(const phrase_words *pat, const phrase *ph, const phrase_words *fnd,
                          tl_buf *tmp)
{
    unsigned mask = ALL_CELLS;
    int informative = 0;
    size_t first = ph->name ? pat->n - 1 : ph->s, last = ph->name ? pat->n - 1 : ph->h;
    for (size_t i = first; i <= last; i++) {
        const word *w = &pat->w[i];
        match_ctx mc = {pat, w, fnd->w[i].norm, {0, ""}, {{0, ""}}, 0, tmp, 0, 0};
        unsigned m;
        if (w->kind != W_CYR) /* the found word may be in capitals: its norm is fine */
            continue;
        if (ph->name) {
            const ndecl *t = w->noun.any ? w->noun.by[w->noun.gender] : NULL;
            if (!t || t == &INDECL || t == &UNSAFE)
                continue;
            m = noun_mask(&mc, t);
        } else if (i < ph->h || ph->head_adj) {
            m = adj_mask(&mc, &w->adj);
        } else {
            if (ph->nt == &INDECL || ph->nt == &UNSAFE)
                continue;
            m = noun_mask(&mc, ph->nt);
        }
        if (mc.oom)
            return 0;
        informative = 1;
        mask &= m;
    }
    return informative ? mask : 0;
}

/* ---- generation ----------------------------------------------------------------------- */

/* The first alternative of `cell` that is marked '!' (marked = 1) or not (0). */
static int first_alt(const char *cell, int marked, const char **alt, size_t *n)
{
    for (;;) {
        const char *bar = strchr(cell, '|');
        size_t len = bar ? (size_t)(bar - cell) : strlen(cell);
        if (len && (*cell == '!') == (marked != 0)) {
            *alt = cell;
            *n = len;
            return 1;
        }
        if (!bar)
            return 0;
        cell = bar + 1;
    }
}

/* Appends word w's core with its stem `st` and `ending` to out. */
static void put_word(tl_buf *out, const phrase_words *pw, const word *w, const stem_t *st,
                     const char *ending)
{
    tl_buf_add(out, pw->text + w->off, w->core_off - w->off);
    tl_buf_add(out, pw->text + w->core_off, w->src[st->keep] - w->core_off);
    tl_buf_adds(out, st->tail);
    tl_buf_adds(out, ending);
    tl_buf_add(out, pw->text + w->core_end, w->off + w->len - w->core_end);
}

static void put_token(tl_buf *out, const phrase_words *pw, const word *w)
{
    tl_buf_add(out, pw->text + w->off, w->len);
}

/* Generates `cell` of table t for noun w; -1 when refused. */
static int gen_noun(tl_buf *out, const phrase_words *pw, const word *w, const ndecl *t, int num,
                    int c, int animate)
{
    if (t == &INDECL) {
        put_token(out, pw, w);
        return 0;
    }
    const char *cell = t->f[num][c];
    if (cell && !strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = t->f[num][c];
    }
    const char *lx = infl_lexeme(w);
    const char *nom_pl = pw->lang == TL_LANG_RU ? infl_pair_get(RU_NOM_PL, lx) : NULL;
    const char *pl_gen = infl_pair_get(PL_GEN, lx);
    if (num == PL && c == NOM && nom_pl)
        cell = nom_pl;
    if (num == PL && c == GEN && pl_gen && w->noun.plural) {
        stem_t st;
        stem_from_form(w, pl_gen, &st);
        put_word(out, pw, w, &st, "");
        return 0;
    }
    if (!cell || *cell == '?')
        return -1;
    stem_t lem, obl, st;
    stem_set(&lem, w->ncp - infl_ncp_of(t->end), "");
    oblique_stem(pw, w, t, &lem, &obl);
    const char *alt = NULL;
    size_t an = 0;
    int marked = animate || (c == GEN && w->gen_a);
    if (!(marked && first_alt(cell, 1, &alt, &an)) && !first_alt(cell, 0, &alt, &an))
        return -1;
    char ending[32];
    if (form_alt(pw, w, &lem, &obl, alt, an, 1, &st, ending, sizeof ending) < 0)
        return -1;
    put_word(out, pw, w, &st, ending);
    return 0;
}

/* ru «13-й» -> «13-го»: the hard adjective ending, shortened as the ru norm does. */
static int gen_ordinal(tl_buf *out, const phrase_words *pw, const word *w, int row, int num, int c,
                       int animate, int same_number)
{
    int r = num == PL ? PLR : row;
    const char *cell = RU_ADJ_HARD.f[r][c];
    if (!strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = RU_ADJ_HARD.f[r][c];
    }
    if (c == NOM && same_number) {
        put_token(out, pw, w);
        return 0;
    }
    if (pw->lang != TL_LANG_RU)
        return -1;
    size_t n = strcspn(cell, "|"), k;
    char full[16];
    if (n >= sizeof full)
        return -1;
    memcpy(full, cell, n);
    full[n] = '\0';
    k = infl_str_ends(full, "го") || infl_str_ends(full, "му") || infl_str_ends(full, "ми") ? 2 : 1;
    size_t cut = n;
    for (size_t i = 0; i < k; i++) {
        do
            cut--;
        while (cut > 0 && ((unsigned char)full[cut] & 0xC0) == 0x80);
    }
    stem_t st;
    stem_set(&st, w->lex, "");
    put_word(out, pw, w, &st, full + cut);
    return 0;
}

static int gen_adj(tl_buf *out, const phrase_words *pw, const word *w, int num, int c, int animate)
{
    const adj_reading *ar = &w->adj;
    int row = num == PL ? PLR : ar->row;
    const char *cell = ar->t->f[row][c];
    if (!strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = ar->t->f[row][c];
    }
    if (c == NOM && row == ar->row) {
        put_token(out, pw, w);
        return 0;
    }
    size_t endlen = ar->row == MASC || pw->lang == TL_LANG_RU ? 2 : 1;
    stem_t st;
    stem_set(&st, w->ncp - endlen, "");
    char ending[32];
    size_t n = strcspn(cell, "|");
    if (n >= sizeof ending)
        return -1;
    memcpy(ending, cell, n);
    ending[n] = '\0';
    put_word(out, pw, w, &st, ending);
    return 0;
}

/* Writes the canonical phrase in cell (num, c) to out; -1 when refused. */
static int gen_phrase(tl_buf *out, const phrase_words *pw, const phrase *ph, int num, int c)
{
    if (ph->name)
        return -1;
    const word *head = &pw->w[ph->h];
    int animate = head->animate;
    int row = ph->row;
    int same_number = (num == PL) == (row == PLR);
    if (row == PLR)
        num = PL;
    if (!ph->head_adj && ph->nt == &UNSAFE)
        return -1;
    size_t prev_end = 0;
    for (size_t i = 0; i < pw->n; i++) {
        const word *w = &pw->w[i];
        tl_buf_add(out, pw->text + prev_end, w->off - prev_end);
        prev_end = w->off + w->len;
        int rc = 0;
        if (ph->none || i < ph->s || i > ph->h)
            put_token(out, pw, w);
        else if (w->kind == W_ORD)
            rc = gen_ordinal(out, pw, w, row == PLR ? MASC : row, num, c, animate, same_number);
        else if (i < ph->h || ph->head_adj)
            rc = gen_adj(out, pw, w, num, c, animate);
        else
            rc = gen_noun(out, pw, w, ph->nt, num, c, animate);
        if (rc < 0)
            return -1;
    }
    tl_buf_adds(out, pw->text + prev_end);
    return 0;
}

/* ---- entry point -------------------------------------------------------------------- */

static int load_phrase(phrase_words *pw, tl_arena *mem, tl_lang lang, const char *text)
{
    pw->mem = mem;
    if (infl_split_words(pw, lang, text) < 0)
        return -1;
    for (size_t i = 0; i < pw->n; i++)
        infl_read_word(pw, &pw->w[i]);
    return 0;
}

static const char *inflect_run(tl_arena *a, tl_arena *mem, tl_buf *tmp, tl_buf *out, tl_lang lang,
                               const char *pattern, const char *found, const char *canonical)
{
    phrase_words pat, fnd, can;
    phrase pph, cph;
    if (load_phrase(&pat, mem, lang, pattern) < 0 || load_phrase(&fnd, mem, lang, found) < 0 ||
        load_phrase(&can, mem, lang, canonical) < 0)
        return NULL;
    if (pat.n == 0 || pat.n != fnd.n || can.n == 0)
        return NULL;
    if (infl_parse_phrase(&pat, &pph) < 0 || pph.none)
        return NULL;
    unsigned mask = case_mask(&pat, &pph, &fnd, tmp);
    if (!mask)
        return NULL;
    int num = -1, c = -1;
    for (size_t i = 0; i < 2 * NCASE; i++)
        if (mask & BIT(PREFER[i][0], PREFER[i][1])) {
            num = PREFER[i][0];
            c = PREFER[i][1];
            break;
        }
    int can_ok = infl_parse_phrase(&can, &cph) == 0;
    int can_pl = can_ok && !cph.none && cph.row == PLR;
    if (c == NOM && (num == PL) == can_pl)
        return tl_arena_strdup(a, canonical); /* already in the found form */
    if (!can_ok || gen_phrase(out, &can, &cph, num, c) < 0 || out->oom)
        return NULL;
    return tl_arena_strndup(a, out->data, out->len);
}

const char *inflect_like(tl_arena *a, tl_lang lang, const char *pattern, const char *found,
                         const char *canonical)
{
    if (!a || !pattern || !found || !canonical || (lang != TL_LANG_RU && lang != TL_LANG_UK))
        return NULL;
    tl_arena mem;
    tl_buf tmp, out;
    tl_arena_init(&mem);
    tl_buf_init(&tmp, 0);
    tl_buf_init(&out, 0);
    const char *r = inflect_run(a, &mem, &tmp, &out, lang, pattern, found, canonical);
    tl_buf_release(&out);
    tl_buf_release(&tmp);
    tl_arena_release(&mem);
    return r;
}
