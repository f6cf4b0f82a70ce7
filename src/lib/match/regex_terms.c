/*
 * regex_terms.c - the glossary's `match: regex` terms: ICU regular expressions matched
 * against the chunk's text, a match counting when it starts at a token.
 *
 * ICU regular expressions are not thread-safe, so each context compiles its own copy
 * (a match_regexes the terms family keeps in its context state). A pattern is compiled
 * when a text first has a word it can start at: compiling a case-insensitive «\p{L}*»
 * costs ICU ~5 ms (case closures), and most texts need few of the glossary's patterns
 * (none of the other language's). A pattern's literal start (literal_prefix) picks the
 * tokens it is tried at (uregex_lookingAt), so it does not scan the whole chunk; a
 * pattern without one does. Whether a word's key begins with the literal start of a
 * pattern of its language is decided once per distinct word and kept in tl_word.flags
 * (WF_RX_DONE, WF_RX_CAND), so that a chunk's pass over its tokens costs one flag test
 * a token. Patterns run over the chunk's UTF-8 text through a UText, whose native
 * indexes are byte offsets.
 *
 * A pattern can backtrack without end («а(а+)+б» on thirty letters took 38 s, 2.6x
 * more a letter): each match has ICU's time limit (REGEX_STEPS_*) and a bounded
 * backtracking stack. A pattern that runs out is given up for the rest of the
 * document (the caller's `given_up` flags) and said once, where it happened.
 */
#include "match_p.h"

#include "norm.h"

#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

/* ICU's time limit of one match, in steps of its engine (roughly 0.5 ms each here): a
 * pattern tried at a word (uregex_lookingAt) matches or fails in microseconds; one
 * without a literal start scans a whole 1 MiB chunk in one search, which the shipped
 * glossary's patterns do in 60-200 steps (measured on the bench corpus). A pattern
 * that runs out costs its limit once per text. */
#define REGEX_STEPS_AT_WORD 100
#define REGEX_STEPS_SCAN 1000
/* and its backtracking stack, in bytes (ICU's default is 8 MB) */
#define REGEX_STACK (1 << 20)

struct match_regexes {
    URegularExpression **re; /* parallel to mi->regex; NULL: not compiled, or failed */
    uint8_t *tried;          /* compilation attempted */
    uint64_t *gen;           /* the chunk the pattern last got (uregex_setUText) */
    uint64_t now;            /* the chunk being checked (counts match_regexes_run calls) */
    char **prefix;           /* the literal start of each pattern, lower case ("" none) */
    int digits;              /* some pattern starts with a digit (DIGIT_START) */
    size_t n;
    size_t *cand, ncand, capcand; /* tokens of the chunk that may start a pattern */
};

size_t match_regex_count(const tl_match_index *mi) { return mi->nregex; }

void match_regexes_free(match_regexes *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++) {
        uregex_close(rs->re[i]);
        tl_free(rs->prefix ? rs->prefix[i] : NULL);
    }
    tl_free(rs->re);
    tl_free(rs->tried);
    tl_free(rs->gen);
    tl_free(rs->prefix);
    tl_free(rs->cand);
    tl_free(rs);
}

/* Copies pattern `p` into `out`, wrapping each \p{L} and \p{N} outside a bracket
 * expression as (?-i:\p{L}): a case-insensitive property makes ICU compute the set's
 * case closure (UnicodeSet::closeOver), ~2 ms a pattern, though letters and digits are
 * already closed under case, so the wrapped pattern matches the same text. -1 when out
 * of memory. */
static int closed_properties(const char *p, tl_buf *out)
{
    int cls = 0; /* depth of [...] */
    while (*p) {
        if (*p == '\\' && p[1]) {
            if (!cls && (!strncmp(p, "\\p{L}", 5) || !strncmp(p, "\\p{N}", 5))) {
                tl_buf_adds(out, "(?-i:");
                tl_buf_add(out, p, 5);
                tl_buf_addc(out, ')');
                p += 5;
                continue;
            }
            tl_buf_add(out, p, 2);
            p += 2;
            continue;
        }
        if (*p == '[')
            cls++;
        else if (*p == ']' && cls)
            cls--;
        tl_buf_addc(out, *p++);
    }
    return out->oom ? -1 : 0;
}

static URegularExpression *compile(const gl_term *t)
{
    tl_buf pat;
    tl_buf_init(&pat, 0);
    if (t->case_sensitive ? tl_buf_adds(&pat, t->text) : closed_properties(t->text, &pat)) {
        tl_buf_release(&pat);
        return NULL;
    }
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, pat.data, (int32_t)pat.len, &e);
    e = U_ZERO_ERROR;
    UChar *p = tl_malloc(((size_t)n16 + 1) * sizeof *p);
    if (!p) {
        tl_buf_release(&pat);
        return NULL;
    }
    u_strFromUTF8(p, n16 + 1, NULL, pat.data, (int32_t)pat.len, &e);
    tl_buf_release(&pat);
    URegularExpression *re =
        uregex_open(p, n16, t->case_sensitive ? 0 : UREGEX_CASE_INSENSITIVE, NULL, &e);
    tl_free(p);
    uregex_setStackLimit(re, REGEX_STACK, &e);
    if (U_FAILURE(e)) { /* `glossary check` reports bad patterns; here they are skipped */
        uregex_close(re);
        return NULL;
    }
    return re;
}

/* The end of the parenthesised group that starts at p ('('), or NULL. */
static const char *group_end(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p + 1;
    }
    return NULL;
}

/* p past the zero-width assertions a pattern may start with: \b, ^ and lookarounds
 * («(?<![Зз]аместител\p{L}{0,3}\s)\b[Зз]аведующ...» starts, for matching, at «заведующ»). */
static const char *skip_assertions(const char *p)
{
    for (;;) {
        if (p[0] == '\\' && p[1] == 'b')
            p += 2;
        else if (p[0] == '^')
            p++;
        else if (!strncmp(p, "(?<!", 4) || !strncmp(p, "(?<=", 4) || !strncmp(p, "(?=", 3) ||
                 !strncmp(p, "(?!", 3)) {
            const char *e = group_end(p);
            if (!e)
                return p;
            p = e;
        } else
            return p;
    }
}

/* Does the pattern at p start with a digit in every alternative: a digit, \d, or a group
 * «(?:...)» whose every top-level alternative does? */
static int digit_start(const char *p)
{
    if ((*p >= '0' && *p <= '9') || (p[0] == '\\' && p[1] == 'd'))
        return 1;
    if (strncmp(p, "(?:", 3))
        return 0;
    const char *e = group_end(p);
    if (!e || !digit_start(p + 3))
        return 0;
    int depth = 0;
    for (const char *q = p + 3; q < e - 1; q++) {
        if (*q == '\\' && q[1]) {
            q++;
            continue;
        }
        depth += *q == '(';
        depth -= *q == ')';
        if (*q == '|' && depth == 0 && !digit_start(q + 1))
            return 0;
    }
    return 1;
}

/* The literal text a pattern must start with, lower-cased: letters up to the first
 * metacharacter, where a leading class of one letter in two cases ("[Нн]") counts as
 * that letter, after any zero-width assertion. Matches can only start at words whose
 * key begins with it, so the pattern runs at those words (uregex_lookingAt) instead of
 * at every position. DIGIT_START for a pattern that starts with a digit (a year, a
 * document number): it runs at number tokens. "" when neither: it scans the chunk. */
#define DIGIT_START "\x01"

static char *literal_prefix(const char *pat)
{
    tl_buf raw, key;
    tl_buf_init(&raw, 0);
    tl_buf_init(&key, 0);
    const char *p = skip_assertions(pat);
    if (digit_start(p))
        return tl_strndup(DIGIT_START, 1);
    while (*p) {
        uint32_t a, b;
        size_t n1, n2;
        if (*p == '[' && (n1 = utf8_decode(p + 1, strlen(p + 1), &a)) &&
            (n2 = utf8_decode(p + 1 + n1, strlen(p + 1 + n1), &b)) && p[1 + n1 + n2] == ']' &&
            a != b && (a == b + 0x20 || b == a + 0x20 || a == b + 0x50 || b == a + 0x50)) {
            tl_buf_add(&raw, p + 1, n1);
            p += 3 + n1 + n2 - 1;
            continue;
        }
        if (strchr("\\[](){}.*+?|^$", *p))
            break;
        tl_buf_addc(&raw, *p++);
    }
    /* a quantifier after the last literal makes it optional: drop that letter */
    if (*p && strchr("*?{", *p) && raw.len) {
        do
            raw.len--;
        while (raw.len && ((unsigned char)raw.data[raw.len] & 0xC0) == 0x80);
    }
    norm_key(&key, raw.data, raw.len, 0);
    char *out = key.oom ? NULL : tl_strndup(key.data, key.len);
    tl_buf_release(&raw);
    tl_buf_release(&key);
    return out;
}

/* The context's set, made on first use with every pattern's literal start; NULL when
 * out of memory. */
static match_regexes *regexes(match_regexes **rxp, const tl_match_index *mi)
{
    if (*rxp)
        return *rxp;
    size_t n = mi->nregex ? mi->nregex : 1;
    match_regexes *rs = tl_calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    *rxp = rs; /* freed by the holder, also when half made */
    if (!(rs->re = tl_calloc(n, sizeof *rs->re)) ||
        !(rs->prefix = tl_calloc(n, sizeof *rs->prefix)) || !(rs->tried = tl_calloc(n, 1)) ||
        !(rs->gen = tl_calloc(n, sizeof *rs->gen)))
        return NULL;
    rs->n = mi->nregex;
    for (size_t i = 0; i < mi->nregex; i++) {
        if (!(rs->prefix[i] = literal_prefix(mi->terms[mi->regex[i]].term->text)))
            return NULL;
        rs->digits |= !strcmp(rs->prefix[i], DIGIT_START);
    }
    return rs;
}

/* First token at or after byte `off` (tokens are sorted by offset). */
static size_t tok_at(const tl_matcher *m, size_t off)
{
    size_t lo = 0, hi = m->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->tok[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A regex matched: if it starts at a token, the tokens it covers are a use of its term.
 * 0, or what `hit` returned. */
static int regex_hit(const tl_matcher *m, const mterm *mt, URegularExpression *re, UErrorCode *e,
                     match_hit_fn hit, void *arg)
{
    size_t a = m->chunk_start + (size_t)uregex_start64(re, 0, e);
    size_t b = m->chunk_start + (size_t)uregex_end64(re, 0, e);
    size_t i = tok_at(m, a), j = tok_at(m, b);
    if (U_FAILURE(*e) || i >= j || m->tok[i].off != a)
        return 0; /* a match must start at a token */
    return hit(arg, mt, i, j - i);
}

/* Pattern r compiled (on first use) and reading the current chunk; NULL when the
 * pattern does not compile. */
static URegularExpression *regex_ready(match_regexes *rs, const tl_match_index *mi, size_t r,
                                       UText *ut, UErrorCode *e)
{
    if (!rs->tried[r]) {
        rs->tried[r] = 1;
        rs->re[r] = compile(mi->terms[mi->regex[r]].term);
    }
    if (rs->re[r] && rs->gen[r] != rs->now) {
        rs->gen[r] = rs->now;
        uregex_setUText(rs->re[r], ut, e);
    }
    return rs->re[r];
}

/* Collects in rs->cand the tokens whose word begins with the literal start of a pattern
 * of the text's language. -1 when out of memory. */
static int candidates(match_regexes *rs, const tl_matcher *m)
{
    const tl_match_index *mi = m->mi;
    rs->ncand = 0;
    for (size_t i = 0; i < m->ntok; i++) {
        tl_word *w = m->tok[i].w;
        if (m->tok[i].kind == TK_NUMBER && rs->digits) {
            if (TL_GROW(rs->cand, rs->ncand, rs->capcand, 256))
                return -1;
            rs->cand[rs->ncand++] = i;
            continue;
        }
        if (!w)
            continue;
        if (!(w->flags & WF_RX_DONE)) {
            w->flags |= WF_RX_DONE;
            for (size_t r = 0; r < rs->n; r++) {
                size_t plen = strlen(rs->prefix[r]);
                if (plen && mi->terms[mi->regex[r]].term->lang == m->lang && w->keylen >= plen &&
                    memcmp(w->key, rs->prefix[r], plen) == 0) {
                    w->flags |= WF_RX_CAND;
                    break;
                }
            }
        }
        if (!(w->flags & WF_RX_CAND))
            continue;
        if (TL_GROW(rs->cand, rs->ncand, rs->capcand, 256))
            return -1;
        rs->cand[rs->ncand++] = i;
    }
    return 0;
}

/* Whether ICU gave up on a match (time or stack limit): then pattern r is given up for
 * the document, said at byte `off`, and *e cleared for the other patterns. */
static int ran_out(UErrorCode *e, const match_calls *c, const mterm *mt, size_t r, size_t off)
{
    if (*e != U_REGEX_TIME_OUT && *e != U_REGEX_STACK_OVERFLOW)
        return 0;
    *e = U_ZERO_ERROR;
    c->given_up[r] = 1;
    c->limit(c->arg, mt, off);
    return 1;
}

/* Runs pattern r: at the candidate tokens when it has a literal start, else over the
 * whole chunk. 0, or -1 when `hit` failed. */
static int run_one(match_regexes *rs, const tl_matcher *m, size_t r, UText *ut, UErrorCode *e,
                   const match_calls *c)
{
    const tl_match_index *mi = m->mi;
    const mterm *mt = &mi->terms[mi->regex[r]];
    const char *pre = rs->prefix[r];
    size_t plen = strlen(pre);
    URegularExpression *re;
    if (!plen) { /* no literal start: scan the chunk */
        if (!(re = regex_ready(rs, mi, r, ut, e)))
            return 0;
        uregex_setTimeLimit(re, REGEX_STEPS_SCAN, e);
        size_t at = m->chunk_start;
        while (U_SUCCESS(*e) && uregex_findNext(re, e)) {
            at = m->chunk_start + (size_t)uregex_end64(re, 0, e);
            if (regex_hit(m, mt, re, e, c->hit, c->arg))
                return -1;
        }
        ran_out(e, c, mt, r, at);
        return 0;
    }
    int digits = !strcmp(pre, DIGIT_START);
    for (size_t k = 0; k < rs->ncand && U_SUCCESS(*e); k++) {
        size_t i = rs->cand[k];
        const tl_word *w = m->tok[i].w;
        if (digits ? m->tok[i].kind != TK_NUMBER
                   : !w || w->keylen < plen || w->key[0] != pre[0] || memcmp(w->key, pre, plen))
            continue;
        if (!(re = regex_ready(rs, mi, r, ut, e)))
            return 0;
        uregex_setTimeLimit(re, REGEX_STEPS_AT_WORD, e);
        int found = uregex_lookingAt64(re, (int64_t)(m->tok[i].off - m->chunk_start), e);
        if (ran_out(e, c, mt, r, m->tok[i].off))
            return 0;
        if (found && regex_hit(m, mt, re, e, c->hit, c->arg))
            return -1;
    }
    return 0;
}

int match_regexes_run(match_regexes **rxp, const tl_matcher *m, const match_calls *c)
{
    const tl_match_index *mi = m->mi;
    if (!mi->nregex || !m->ntok)
        return 0;
    match_regexes *rs = regexes(rxp, mi);
    if (!rs || candidates(rs, m))
        return -1;
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, m->text + m->chunk_start,
                               (int64_t)(m->chunk_end - m->chunk_start), &e);
    rs->now++;
    int rc = 0;
    for (size_t r = 0; r < rs->n && U_SUCCESS(e) && !rc; r++) {
        const mterm *mt = &mi->terms[mi->regex[r]];
        if ((rs->tried[r] && !rs->re[r]) || mt->term->lang != m->lang || c->given_up[r])
            continue;
        rc = run_one(rs, m, r, ut, &e, c);
    }
    /* each regex keeps its own shallow clone of `ut`, pointing at this chunk's bytes; it
     * is not read again before the next uregex_setUText() */
    utext_close(ut);
    return U_FAILURE(e) || rc ? -1 : 0;
}
