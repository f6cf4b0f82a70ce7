/*
 * wordtab_build.c - compiles a Hunspell dictionary into a word-form table (wordtab.c
 * says what the table is and why): reads the .aff (suffix rules, their conditions and
 * the features that decide whether the table can be complete), expands every .dic line
 * with the rules of its flags, and lays the forms' hashes and stems out as the file
 * image that wordtab_file.c maps and saves.
 */
#include "wordtab_p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

typedef struct {
    uint32_t off; /* into the code point pool */
    uint16_t n;
    uint8_t kind; /* COND_ONE, COND_SET, COND_NOTSET, COND_ANY */
} cond_elem;

enum { COND_ONE, COND_SET, COND_NOTSET, COND_ANY };

typedef struct {
    char *strip, *app;
    size_t nstrip, napp;
    uint32_t elem, nelem; /* the condition: elements in the pool */
} sfx_rule;

typedef struct {
    sfx_rule *r;
    size_t n, cap;
    size_t first[257]; /* rules of flag f: [first[f], first[f + 1]) after sorting */
    uint8_t *flag;     /* per rule */
    cond_elem *el;
    size_t nel, capel;
    uint32_t *cp;
    size_t ncp, capcp;
    /* ICONV sources: Hunspell rewrites them in its input before the lookup, so a form
     * holding one can never be matched as written (uk_UA maps ʼ and ’ to ', Latin
     * letters to 0); such forms are left out. lead[] marks their first bytes. */
    char **iconv;
    size_t niconv, capiconv;
    uint8_t lead[32];
    int fullstrip; /* FULLSTRIP: a rule may strip the whole stem (else Hunspell refuses) */
    int nbreak, hyphen_break; /* BREAK patterns seen; one of them is "-" */
    int incomplete;           /* see WT_COMPLETE */
    uint32_t ignore[16];      /* IGNORE characters */
    int nignore;
    tl_arena mem;
} affixes;

static int add_cp(affixes *a, uint32_t c)
{
    if (TL_GROW(a->cp, a->ncp, a->capcp, 64))
        return -1;
    a->cp[a->ncp++] = c;
    return 0;
}

/* Parses a condition («[^аеиоу]ть», «.», «[лнртв]ый») into elements; -1 when malformed. */
static int parse_cond(affixes *a, const char *s, uint32_t *first, uint32_t *count)
{
    *first = (uint32_t)a->nel;
    *count = 0;
    if (strcmp(s, ".") == 0)
        return 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if (TL_GROW(a->el, a->nel, a->capel, 64))
            return -1;
        cond_elem *e = &a->el[a->nel];
        e->off = (uint32_t)a->ncp;
        e->n = 0;
        if (s[i] == '.') {
            e->kind = COND_ANY;
            i++;
        } else if (s[i] == '[') {
            i++;
            e->kind = COND_SET;
            if (i < n && s[i] == '^') {
                e->kind = COND_NOTSET;
                i++;
            }
            while (i < n && s[i] != ']') {
                uint32_t c;
                size_t k = utf8_decode(s + i, n - i, &c);
                if (!k || add_cp(a, c))
                    return -1;
                e->n++;
                i += k;
            }
            if (i >= n)
                return -1;
            i++;
        } else {
            uint32_t c;
            size_t k = utf8_decode(s + i, n - i, &c);
            if (!k || add_cp(a, c))
                return -1;
            e->kind = COND_ONE;
            e->n = 1;
            i += k;
        }
        a->nel++;
        if (++*count > MAX_COND)
            return -1;
    }
    return 0;
}

static int elem_ok(const affixes *a, const cond_elem *e, uint32_t c)
{
    if (e->kind == COND_ANY)
        return 1;
    int in = 0;
    for (uint16_t k = 0; k < e->n && !in; k++)
        in = a->cp[e->off + k] == c;
    return e->kind == COND_NOTSET ? !in : in;
}

/* Directives whose words we could get wrong: with any of them, no table. */
static int unsupported(const char *kw)
{
    static const char *const no[] = {"PFX",
                                     "FLAG",
                                     "AF",
                                     "AM",
                                     "COMPOUNDFLAG",
                                     "COMPOUNDBEGIN",
                                     "COMPOUNDMIDDLE",
                                     "COMPOUNDEND",
                                     "COMPOUNDRULE",
                                     "COMPOUNDPERMITFLAG",
                                     "COMPOUNDFORBIDFLAG",
                                     "ONLYINCOMPOUND",
                                     "NEEDAFFIX",
                                     "PSEUDOROOT",
                                     "FORBIDDENWORD",
                                     "KEEPCASE",
                                     "CIRCUMFIX",
                                     "FORCEUCASE",
                                     "SUBSTANDARD",
                                     "COMPLEXPREFIXES",
                                     "CHECKSHARPS",
                                     "NOSUGGEST",
                                     "WARN",
                                     "FORBIDWARN",
                                     "LANG",
                                     NULL};
    for (int i = 0; no[i]; i++)
        if (strcmp(kw, no[i]) == 0)
            return 1;
    return 0;
}

static char *field(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '\n' || *s == '\r')
        return NULL;
    char *e = s;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
        e++;
    if (*e)
        *e++ = '\0';
    *p = e;
    return s;
}

static int read_aff(const char *path, affixes *a)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char line[1024];
    int utf8 = 0, bad = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n') && !feof(f)) {
            bad = 1; /* a line longer than the buffer would be read as two: no table */
            break;
        }
        char *p = line, *kw = field(&p);
        if (!kw || kw[0] == '#')
            continue;
        if (strcmp(kw, "SET") == 0) {
            char *v = field(&p);
            utf8 = v && strcmp(v, "UTF-8") == 0;
            continue;
        }
        if (unsupported(kw)) {
            bad = 1;
            break;
        }
        if (strcmp(kw, "BREAK") == 0) {
            char *v = field(&p);
            char *more = v ? field(&p) : NULL;
            if (v && !more && strspn(v, "0123456789") != strlen(v)) { /* not the count */
                a->nbreak++;
                a->hyphen_break |= strcmp(v, "-") == 0;
                a->incomplete |= strcmp(v, "-") && strcmp(v, "^-") && strcmp(v, "-$");
            } else if (v && strcmp(v, "0") == 0) {
                a->nbreak = -1; /* «BREAK 0»: no breaking at all */
            }
            continue;
        }
        if (strcmp(kw, "IGNORE") == 0) {
            char *v = field(&p);
            for (size_t i = 0, k; v && v[i]; i += k) {
                uint32_t c;
                if (!(k = utf8_decode(v + i, strlen(v + i), &c)) || a->nignore == 16) {
                    a->incomplete = 1;
                    break;
                }
                a->ignore[a->nignore++] = c;
            }
            continue;
        }
        if (strcmp(kw, "FULLSTRIP") == 0) {
            a->fullstrip = 1;
            continue;
        }
        if (strcmp(kw, "ICONV") == 0) {
            char *from = field(&p), *to = field(&p);
            if (!from || !to)
                continue; /* the header «ICONV 64» */
            if (TL_GROW(a->iconv, a->niconv, a->capiconv, 64) ||
                !(a->iconv[a->niconv] = tl_arena_strdup(&a->mem, from))) {
                bad = 1;
                break;
            }
            a->niconv++;
            uint32_t c0;
            if (!utf8_decode(from, strlen(from), &c0) || c0 == '\'' || c0 == '-' ||
                (c0 >= 0x400 && c0 <= 0x4FF))
                a->incomplete = 1; /* it rewrites what plain() lets through */
            a->lead[(unsigned char)from[0] >> 3] |= (uint8_t)(1u << ((unsigned char)from[0] & 7));
            continue;
        }
        if (strcmp(kw, "SFX") != 0)
            continue;
        char *fl = field(&p), *strip = field(&p), *app = field(&p), *cond = field(&p);
        if (!fl || !strip || !app || strlen(fl) != 1) {
            bad = 1;
            break;
        }
        if (!cond) /* the header «SFX F Y 12» */
            continue;
        char *slash = strchr(app, '/');
        if (slash)
            *slash = '\0'; /* continuation classes: the form itself is a word */
        size_t had = a->cap;
        if (TL_GROW(a->r, a->n, a->cap, 64)) {
            bad = 1;
            break;
        }
        if (a->cap != had) { /* a->flag runs parallel to a->r */
            uint8_t *nf = tl_realloc(a->flag, a->cap);
            if (!nf) {
                bad = 1;
                break;
            }
            a->flag = nf;
        }
        sfx_rule *r = &a->r[a->n];
        r->strip = tl_arena_strdup(&a->mem, strcmp(strip, "0") ? strip : "");
        r->app = tl_arena_strdup(&a->mem, strcmp(app, "0") ? app : "");
        if (!r->strip || !r->app || parse_cond(a, cond, &r->elem, &r->nelem)) {
            bad = 1;
            break;
        }
        r->nstrip = strlen(r->strip);
        r->napp = strlen(r->app);
        a->flag[a->n++] = (uint8_t)fl[0];
    }
    fclose(f);
    return bad || !utf8 ? -1 : 0;
}

/* Groups the rules by flag (stable) so a stem's flag finds its rules directly. */
static int group_rules(affixes *a)
{
    size_t cnt[257] = {0};
    for (size_t i = 0; i < a->n; i++)
        cnt[a->flag[i] + 1]++;
    for (int f = 1; f <= 256; f++)
        cnt[f] += cnt[f - 1];
    memcpy(a->first, cnt, sizeof cnt);
    sfx_rule *r = tl_malloc((a->n ? a->n : 1) * sizeof *r);
    if (!r)
        return -1;
    for (size_t i = 0; i < a->n; i++)
        r[cnt[a->flag[i]]++] = a->r[i];
    tl_free(a->r);
    a->r = r;
    a->cap = a->n;
    return 0;
}

typedef struct {
    uint64_t h;
    uint32_t stem;
} pair;

typedef struct {
    pair *h; /* (form hash, stem id) */
    size_t n, cap;
    uint32_t stem;  /* the stem being expanded */
    tl_buf pool;    /* stem texts, NUL-terminated */
    uint32_t *soff; /* stem id -> offset in pool */
    size_t nstems, capstems;
    const affixes *a;
    const uint64_t *hidden; /* sorted hashes of hidden stems' forms (see read_dic) */
    size_t nhidden;
    int incomplete;        /* a line or form had to be left out (see WT_COMPLETE) */
    int hidden_incomplete; /* the same, in the pass over hidden stems */
    int (*fn)(void *arg, const char *form, size_t len); /* instead of storing: see */
    void *arg;                                          /* wordtab_each_form */
} hashes;

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static int cmp_pair(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->stem < b->stem ? -1 : a->stem > b->stem;
}

static int has_iconv_source(const affixes *a, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(a->lead[c >> 3] & (1u << (c & 7))))
            continue;
        for (size_t k = 0; k < a->niconv; k++) {
            size_t len = strlen(a->iconv[k]);
            if (len <= n - i && memcmp(s + i, a->iconv[k], len) == 0)
                return 1;
        }
    }
    return 0;
}

static int has_ignored(const affixes *a, const char *s, size_t n)
{
    for (size_t i = 0, k; a->nignore && i < n; i += k) {
        uint32_t c;
        if (!(k = utf8_decode(s + i, n - i, &c)))
            return 1;
        for (int j = 0; j < a->nignore; j++)
            if (a->ignore[j] == c)
                return 1;
    }
    return 0;
}

static int add_form(hashes *hs, const char *s, size_t n)
{
    if (n == 0 || n > MAX_FORM || (hs->a && has_iconv_source(hs->a, s, n)))
        return 0;
    if (hs->a && has_ignored(hs->a, s, n)) { /* Hunspell drops it from the word: not us */
        hs->incomplete = 1;
        return 0;
    }
    uint64_t h = wordtab_hash(s, n);
    if (hs->nhidden && wordtab_case(s, n) == CASE_INIT &&
        bsearch(&h, hs->hidden, hs->nhidden, sizeof h, cmp_u64))
        return 0;
    if (hs->fn)
        return hs->fn(hs->arg, s, n);
    if (TL_GROW(hs->h, hs->n, hs->cap, 64))
        return -1;
    hs->h[hs->n++] = (pair){h, hs->stem};
    return 0;
}

/* Adds stem and its suffixed forms for the flags in `flags`. */
static int expand(const affixes *a, const char *stem, size_t n, const char *flags, hashes *hs)
{
    if (add_form(hs, stem, n))
        return -1;
    uint32_t cp[MAX_FORM];
    size_t ncp = 0;
    for (size_t i = 0; i < n && ncp < MAX_FORM;) {
        uint32_t c;
        size_t k = utf8_decode(stem + i, n - i, &c);
        if (!k) {
            hs->incomplete = 1;
            return 0; /* not UTF-8: Hunspell's business */
        }
        cp[ncp++] = c;
        i += k;
    }
    char form[MAX_FORM * 2 + 8];
    for (const char *f = flags; *f; f++) {
        unsigned fl = (unsigned char)*f;
        for (size_t i = a->first[fl]; i < a->first[fl + 1]; i++) {
            const sfx_rule *r = &a->r[i];
            if (r->nelem > ncp || r->nstrip > n || (r->nstrip == n && !a->fullstrip) ||
                memcmp(stem + n - r->nstrip, r->strip, r->nstrip) != 0)
                continue;
            int ok = 1;
            for (uint32_t e = 0; e < r->nelem && ok; e++)
                ok = elem_ok(a, &a->el[r->elem + e], cp[ncp - r->nelem + e]);
            size_t base = n - r->nstrip;
            if (!ok || base + r->napp > sizeof form)
                continue;
            memcpy(form, stem, base);
            memcpy(form + base, r->app, r->napp);
            if (add_form(hs, form, base + r->napp))
                return -1;
        }
    }
    return 0;
}

/* Hunspell's case shape of a stem (get_captype): 0 no capitals, 1 Capitalised,
 * 2 ALL CAPS, 3 mixed. -1 on bad UTF-8. */
static int captype(const char *s, size_t n)
{
    size_t ncp = 0, ncap = 0, nneutral = 0;
    int firstcap = 0;
    for (size_t i = 0, k; i < n; i += k, ncp++) {
        uint32_t c;
        if (!(k = utf8_decode(s + i, n - i, &c)))
            return -1;
        UChar32 lo = u_tolower((UChar32)c);
        if (lo != (UChar32)c) {
            ncap++;
            firstcap |= ncp == 0;
        }
        nneutral += u_toupper((UChar32)c) == lo;
    }
    if (!ncap)
        return 0;
    if (ncap == 1 && firstcap)
        return 1;
    return ncap == ncp || ncap + nneutral == ncp ? 2 : 3;
}

/* Reads the stems of `path`, expanding each into `hs`. With hidden != NULL, instead
 * collects the forms of Hunspell's hidden stems: for a stem in ALL CAPS with affixes
 * («ЗАЗ/1») or in mixed case, Hunspell adds «Заз/1» marked ONLYUPCASE so that «ЗАЗУ»
 * is accepted, and then rejects a Capitalised input («Зазу») that parses as such a
 * stem plus a suffix, even when another stem (a name «Заза») yields the same form: it
 * stops at the first root it finds. Those Capitalised forms are left out of the table
 * (their lower-case forms, when words, still count in wordtab_spell). */
static int read_dic(const char *path, const affixes *a, hashes *hs, int hidden)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char line[1024];
    int st = 0, first = 1;
    while (!st && fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n') && !feof(f))
            hs->incomplete = 1; /* a line longer than the buffer: read in pieces */
        if (first) {            /* the word count */
            first = 0;
            continue;
        }
        size_t n = strcspn(line, " \t\r\n");
        line[n] = '\0';
        char *slash = strchr(line, '/');
        const char *flags = "";
        if (slash) {
            if (slash > line && slash[-1] == '\\') {
                hs->incomplete = 1;
                continue; /* an escaped slash: rare, leave it to Hunspell */
            }
            *slash = '\0';
            flags = slash + 1;
        }
        size_t wl = strlen(line);
        if (!hidden) {
            if (TL_GROW(hs->soff, hs->nstems, hs->capstems, 64) || hs->pool.len > UINT32_MAX / 2) {
                st = -1;
                break;
            }
            hs->stem = (uint32_t)hs->nstems;
            hs->soff[hs->nstems++] = (uint32_t)hs->pool.len;
            tl_buf_add(&hs->pool, line, wl + 1);
            st = hs->pool.oom ? -1 : expand(a, line, wl, flags, hs);
            continue;
        }
        int ct = captype(line, wl);
        char cap[MAX_FORM * 2];
        size_t cn;
        if (ct == 3 || (ct == 2 && *flags)) {
            if (wordtab_recase(line, wl, 1, cap, sizeof cap, &cn))
                hs->incomplete = 1;
            else
                st = expand(a, cap, cn, flags, hs);
        }
    }
    fclose(f);
    return st;
}

/* Lays the pairs out as a file image (see file_size): the distinct hashes sorted, each
 * with its stem or its list of stems, then the hidden hashes and the stem texts. */
static void *layout(hashes *hs, const uint64_t *hidden, size_t nhidden, uint64_t sig, size_t *len)
{
    qsort(hs->h, hs->n, sizeof *hs->h, cmp_pair);
    size_t np = 0, w = 0, nlists = 0;
    for (size_t i = 0; i < hs->n; i++)
        if (!np || hs->h[i].h != hs->h[np - 1].h || hs->h[i].stem != hs->h[np - 1].stem)
            hs->h[np++] = hs->h[i];
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i + 1; j < np && hs->h[j].h == hs->h[i].h; j++)
            ;
        w++;
        if (j - i > 1)
            nlists += 1 + (j - i);
    }
    uint32_t bits = 1;
    while (bits < 28 && ((size_t)1 << bits) < w / 4)
        bits++;
    const affixes *a = hs->a;
    uint32_t flags = a->nbreak == 0 || (a->nbreak > 0 && a->hyphen_break) ? WT_HYPHEN_BREAK : 0;
    if (!a->incomplete && !hs->incomplete && !hs->hidden_incomplete)
        flags |= WT_COMPLETE;
    wt_header head = {WT_MAGIC, WT_VERSION, sig,    w,          bits,
                      flags,    nhidden,    nlists, hs->nstems, hs->pool.len};
    if (!(*len = wordtab_file_size(&head)) || nlists >= STEM_LIST)
        return NULL;
    char *mem = tl_calloc(1, *len);
    if (!mem)
        return NULL;
    memcpy(mem, &head, sizeof head);
    wordtab t;
    wordtab_attach_layout(&t, mem);
    uint32_t *idx = (uint32_t *)t.idx, *ref = (uint32_t *)t.ref, *lists = (uint32_t *)t.lists;
    uint64_t *h = (uint64_t *)t.h;
    size_t k = 0, l = 0;
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i + 1; j < np && hs->h[j].h == hs->h[i].h; j++)
            ;
        h[k] = hs->h[i].h;
        if (j - i == 1) {
            ref[k] = hs->h[i].stem;
        } else {
            ref[k] = STEM_LIST | (uint32_t)l;
            lists[l++] = (uint32_t)(j - i);
            for (size_t m = i; m < j; m++)
                lists[l++] = hs->h[m].stem;
        }
        k++;
    }
    size_t nidx = ((size_t)1 << bits) + 1, i = 0;
    for (size_t b = 0; b < nidx - 1; b++) {
        idx[b] = (uint32_t)i;
        while (i < w && (size_t)(h[i] >> (64 - bits)) == b)
            i++;
    }
    idx[nidx - 1] = (uint32_t)w;
    memcpy((uint64_t *)t.hidden, hidden, nhidden * sizeof *hidden);
    memcpy((uint32_t *)t.soff, hs->soff, hs->nstems * sizeof *hs->soff);
    ((uint32_t *)t.soff)[hs->nstems] = (uint32_t)hs->pool.len;
    memcpy((char *)t.pool, hs->pool.data, hs->pool.len);
    return mem;
}

void *wordtab_compile(const char *aff, const char *dic, uint64_t sig, size_t *len,
                      int (*fn)(void *, const char *, size_t), void *arg, int *rc)
{
    affixes a;
    memset(&a, 0, sizeof a);
    tl_arena_init(&a.mem);
    hashes hs, hid;
    memset(&hs, 0, sizeof hs);
    memset(&hid, 0, sizeof hid);
    tl_buf_init(&hs.pool, 0);
    tl_buf_init(&hid.pool, 0);
    uint64_t *hidden = NULL;
    size_t nhidden = 0;
    void *mem = NULL;
    *rc = -1;
    if (!read_aff(aff, &a) && !group_rules(&a) && !read_dic(dic, &a, &hid, 1) &&
        (hidden = tl_malloc((hid.n ? hid.n : 1) * sizeof *hidden))) {
        for (size_t i = 0; i < hid.n; i++)
            hidden[i] = hid.h[i].h;
        qsort(hidden, hid.n, sizeof *hidden, cmp_u64);
        for (size_t i = 0; i < hid.n; i++)
            if (!nhidden || hidden[i] != hidden[nhidden - 1])
                hidden[nhidden++] = hidden[i];
        hs.a = &a;
        hs.hidden = hidden;
        hs.hidden_incomplete = hid.incomplete;
        hs.nhidden = nhidden;
        hs.fn = fn;
        hs.arg = arg;
        *rc = read_dic(dic, &a, &hs, 0);
        if (!*rc && !fn)
            mem = layout(&hs, hidden, nhidden, sig, len);
    }
    tl_free(hidden);
    tl_free(hid.h);
    tl_free(hs.soff);
    tl_buf_release(&hs.pool);
    tl_buf_release(&hid.pool);
    tl_free(a.iconv);
    tl_free(a.r);
    tl_free(a.flag);
    tl_free(a.el);
    tl_free(a.cp);
    tl_arena_release(&a.mem);
    tl_free(hs.h);
    return mem;
}

int wordtab_each_form(const char *aff, const char *dic,
                      int (*fn)(void *arg, const char *form, size_t len), void *arg)
{
    size_t len;
    int rc;
    wordtab_compile(aff, dic, 0, &len, fn, arg, &rc);
    return rc;
}
