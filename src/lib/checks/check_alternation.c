/*
 * check_alternation.c - rule `term.inconsistent` without a glossary entry: one body or
 * document named with two head words that machine translation alternates for the same
 * source word, the rest of the name being the same.
 *
 *   «Центральная организационная комиссия» ... «Центрального организационного комитета»
 *    before {центральн, организационн} + head комиссия | комитет       -> one body, two names
 *   «отдела пропаганды и мобилизации масс» ... «комитета пропаганды и мобилизации масс»
 *    head отдел | комитет + after [пропаганд, мобилизаци, масс]
 *   «Резолюция 68» ... «постановления № 68-NQ/TW»: the same number   -> one document
 *
 * The head words come in sets (g->alternations, rule data: «комитет / комиссия / отдел /
 * департамент», «резолюция / постановление», «съезд / конгресс / конференция», ...). A
 * use is a word whose stem is a member of a set, with the words of its name: up to two
 * adjectives right before it, and up to four words after it, where a link («по», «и», «о»:
 * g->phrase_links) may stand between them («комиссии по пропаганде и мобилизации»); all on
 * the same line with no punctuation between, and a function word (g->function_words) ends
 * the name. A word is compared by its stem key (case, number and gender endings
 * stripped: «центральная» and «центрального» are one), a number by its digits («68», also
 * of a code «68-NQ/TW»).
 *
 * Two uses with different heads of one set name the same thing when
 *   - the first number after the head is the same in both, or
 *   - the adjectives before are the same, and, with the longest run of words after the
 *     head the two share, they have a word that says which body this is: not one of the
 *     generic qualifiers (g->generic_modifiers: «центральный», «провинциальный», «партия»,
 *     «провинция» ...), so «Центральный комитет партии» and «Центральная комиссия партии»
 *     stay two bodies while «округ Намдан» and «район Намдан» are one.
 * Where both go on after the shared words with a word that is not a verb and differs,
 * they name two things («комитет съезда», «комиссия вуза»); a verb there is the clause
 * going on, not the name («комиссия провела», «комитет выступил»). Uses that name the same thing are grouped (union-find); in a group with two
 * or more heads, the head used most dominates (ties: the one the set lists first when it
 * is `ranked`, else the first used), and each use of another head is reported on its head
 * word, with the dominant head put in its case as the suggestion.
 *
 * A head inside a glossary term is the glossary's to judge, with its variants: such a
 * word is left out here (the terms family, which runs before, marks it TF_IN_TERM).
 */
#include "doc.h"
#include "inflect.h"
#include "norm.h"
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BEFORE 2
#define MAX_AFTER 4

typedef struct {
    uint32_t set;    /* index into g->alternations */
    uint16_t member; /* index of the head word in the set's list */
    uint8_t nbefore, nafter;
    uint8_t cap;  /* the head word starts with a capital */
    uint64_t num; /* the first number after the head («68» of «№ 68-NQ/TW»), 0 none:
                          it names the thing whatever else the phrase says */
    uint64_t before[MAX_BEFORE]; /* sorted */
    uint64_t after[MAX_AFTER];   /* in order */
    size_t after_end[MAX_AFTER]; /* where word k after the head ends (byte offset) */
    uint8_t before_specific, after_specific[MAX_AFTER]; /* not a generic qualifier; a name */
    uint8_t after_verb[MAX_AFTER];                      /* looks like a verb, not a noun */
    size_t off, len;                                    /* the phrase (quoted in messages) */
    size_t hoff, hlen;                                  /* its head word (the span reported) */
    uint32_t seq;
} alt_use;

typedef struct {
    alt_use *u;
    size_t n, cap;
} alt_state;

/* Per context and language: the stems of every set's words and of the function words. */
typedef struct {
    const gloss *g;
    tl_lang lang;
    tl_map heads;   /* stem key -> (set << 16 | member) + 1 */
    tl_map stop;    /* function words (norm keys) -> 1, or 2 for the links of a name */
    tl_map generic; /* stem keys of generic qualifiers -> non-NULL */
    int built;
} alt_ctx;

static void release(void *st)
{
    alt_state *s = st;
    tl_free(s->u);
}

static void ctx_release(void *cst)
{
    alt_ctx *c = cst;
    tl_map_release(&c->heads);
    tl_map_release(&c->stop);
    tl_map_release(&c->generic);
    c->built = 0;
}

static uint64_t hash64(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a: modifiers only need to be told apart */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h ? h : 1;
}

/* The maps for the document's language, built on first use in this context. */
static int build(alt_ctx *c, const tl_doc *d)
{
    if (c->built && c->g == d->g && c->lang == d->lang)
        return 0;
    ctx_release(c);
    tl_map_init(&c->heads);
    tl_map_init(&c->stop);
    tl_map_init(&c->generic);
    c->g = d->g;
    c->lang = d->lang;
    int l = d->lang == TL_LANG_UK;
    tl_buf key;
    tl_buf_init(&key, 0);
    int bad = 0;
    for (size_t a = 0; !bad && a < d->g->nalternations; a++) {
        const gl_alternation *x = &d->g->alternations[a];
        const char *const *w = l ? x->uk : x->ru;
        size_t n = l ? x->nuk : x->nru;
        for (size_t k = 0; !bad && k < n && k < 0xFFFF; k++) {
            tl_buf_reset(&key);
            norm_key(&key, w[k], strlen(w[k]), d->lang == TL_LANG_RU);
            size_t sl = stem_key_len(d->lang, key.data, key.len);
            uintptr_t v = ((uintptr_t)a << 16 | k) + 1;
            bad = key.oom || !tl_map_put(&c->heads, key.data, sl, (void *)v);
        }
    }
    for (int links = 0; links < 2; links++) {
        const char *const *list = links ? d->g->phrase_links[l] : d->g->function_words[l];
        size_t n = links ? d->g->nphrase_links[l] : d->g->nfunction_words[l];
        for (size_t k = 0; !bad && k < n; k++) {
            tl_buf_reset(&key);
            norm_key(&key, list[k], strlen(list[k]), d->lang == TL_LANG_RU);
            bad =
                key.oom || !tl_map_put(&c->stop, key.data, key.len, (void *)(uintptr_t)(1 + links));
        }
    }
    for (size_t k = 0; !bad && k < d->g->ngeneric_modifiers[l]; k++) {
        const char *w = d->g->generic_modifiers[l][k];
        tl_buf_reset(&key);
        norm_key(&key, w, strlen(w), d->lang == TL_LANG_RU);
        size_t sl = stem_key_len(d->lang, key.data, key.len);
        bad = key.oom || !tl_map_put(&c->generic, key.data, sl, (void *)1);
    }
    tl_buf_release(&key);
    c->built = !bad;
    return bad ? -1 : 0;
}

/* ---- uses ------------------------------------------------------------------------------- */

/* Token j is a word or a number that may belong to the phrase of the head at i. */
static int phrase_word(const tl_doc *d, size_t j)
{
    const tl_token *t = &d->tok[j];
    return (t->kind == TK_WORD && t->w) || t->kind == TK_NUMBER;
}

/* The head at token i (stem key in the set map), or 0. */
static uintptr_t head_at(const alt_ctx *c, const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_WORD || !t->w || !(t->w->script & SCRIPT_CYRILLIC))
        return 0;
    tl_word *w = t->w;
    if (!w->alt_head) { /* decided once per distinct word of the context */
        size_t sl = stem_key_len(d->lang, w->key, w->keylen);
        uintptr_t v = (uintptr_t)tl_map_get(&c->heads, w->key, sl);
        w->alt_head = v ? (uint32_t)v : ALT_NONE;
    }
    return w->alt_head == ALT_NONE ? 0 : w->alt_head;
}

/* 0 for a content word, 1 for a function word, 2 for a function word that may join the
 * words of one name («по», «и»). */
static int stop_kind(const alt_ctx *c, const tl_word *w)
{
    return w ? (int)(uintptr_t)tl_map_get(&c->stop, w->key, w->keylen) : 0;
}

/* Verb endings: a word after the head that ends so is the clause going on, not a word
 * of the name («комиссия провела», «комитет выступил»). */
static int verb_like(tl_lang lang, const char *key, size_t n)
{
    static const char *const ru[] = {"ли", "ла", "ло", "ет", "ёт", "ит", "ут", "ют", "ат",
                                     "ят", "ся", "сь", "ть", "ил", "ал", "ел", NULL};
    static const char *const uk[] = {"ли", "ла", "ло", "ить", "ать", "ять", "ють", "уть",
                                     "ся", "сь", "ти", "ив",  "ав",  "ів",  NULL};
    for (const char *const *e = lang == TL_LANG_UK ? uk : ru; *e; e++) {
        size_t m = strlen(*e);
        if (m < n && !memcmp(key + n - m, *e, m))
            return 1;
    }
    return 0;
}

/* The key of token j's word or number («#68»), and whether it says which thing this is
 * (a number; a capitalised name in mid-sentence; a word not among the generic
 * qualifiers). 0 when it has none. */
static uint64_t word_key(const alt_ctx *c, const tl_doc *d, size_t j, uint8_t *specific)
{
    const tl_token *t = &d->tok[j];
    *specific = 1;
    if (t->kind == TK_NUMBER || (t->w && (t->w->flags & WF_DIGIT))) {
        const char *p = d->src.text + t->off;
        size_t n = 0;
        while (n < t->len && p[n] >= '0' && p[n] <= '9')
            n++;
        if (!n)
            return 0;
        char buf[24] = "#";
        size_t m = n < sizeof buf - 1 ? n : sizeof buf - 1;
        memcpy(buf + 1, p, m);
        return hash64(buf, m + 1);
    }
    const tl_word *w = t->w;
    size_t sl = stem_key_len(d->lang, w->key, w->keylen);
    int name = (w->flags & WF_CAP) && !(w->flags & WF_ALLCAPS) &&
               !(t->flags & (TF_SENT_START | TF_LINE_START));
    *specific = name || !tl_map_get(&c->generic, w->key, sl);
    return hash64(w->key, sl);
}

/* No punctuation and no line start between tokens a and a + 1. */
static int adjacent(const tl_doc *d, size_t a)
{
    return a + 1 < d->ntok && !(d->tok[a + 1].flags & (TF_LINE_START | TF_PARA_START)) &&
           d->tok[a + 1].kind != TK_PUNCT;
}

static int is_number_sign(const tl_doc *d, const tl_token *t)
{
    return t->kind == TK_PUNCT && t->len == 3 && !memcmp(d->src.text + t->off, "№", 3);
}

/* The use whose head is token i: the words of its name and its spans. */
static void use_at(const alt_ctx *c, const tl_doc *d, size_t i, uintptr_t v, alt_use *u)
{
    memset(u, 0, sizeof *u);
    u->set = (uint32_t)((v - 1) >> 16);
    u->member = (uint16_t)((v - 1) & 0xFFFF);
    u->hoff = d->tok[i].off;
    u->hlen = d->tok[i].len;
    u->cap = (d->tok[i].w->flags & WF_CAP) != 0;
    size_t first = i, last = i;
    while (u->nbefore < MAX_BEFORE && first > 0 && adjacent(d, first - 1)) {
        size_t j = first - 1;
        const tl_word *w = d->tok[j].w;
        if (d->tok[j].kind != TK_WORD || !w || stop_kind(c, w) || head_at(c, d, j) ||
            !doc_adjective_like(d->lang, w->key, w->keylen))
            break;
        uint8_t sp;
        uint64_t h = word_key(c, d, j, &sp);
        if (!h)
            break;
        u->before[u->nbefore++] = h;
        u->before_specific |= sp;
        first = j;
    }
    if (u->nbefore == 2 && u->before[0] > u->before[1]) {
        uint64_t x = u->before[0];
        u->before[0] = u->before[1];
        u->before[1] = x;
    }
    for (size_t j = i; u->nafter < MAX_AFTER && j + 1 < d->ntok;) {
        const tl_token *t = &d->tok[j + 1];
        if (t->flags & (TF_LINE_START | TF_PARA_START))
            break;
        if (is_number_sign(d, t)) {
            j++;
            continue;
        }
        if (t->kind == TK_PUNCT || !phrase_word(d, j + 1))
            break; /* (a head word after the head is a word of its name: «комитет съезда») */
        int stop = stop_kind(c, t->w);
        if (stop == 1)
            break;
        j++;
        if (stop)
            continue; /* a link: the name goes on after it */
        uint8_t sp;
        uint64_t h = word_key(c, d, j, &sp);
        if (!h)
            break;
        if (h && !u->num && (t->kind == TK_NUMBER || (t->w && (t->w->flags & WF_DIGIT))))
            u->num = h;
        u->after_specific[u->nafter] = sp;
        u->after_verb[u->nafter] = t->w && verb_like(d->lang, t->w->key, t->w->keylen);
        u->after_end[u->nafter] = t->off + t->len;
        u->after[u->nafter++] = h;
        last = j;
    }
    u->off = d->tok[first].off;
    u->len = d->tok[last].off + d->tok[last].len - u->off;
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    alt_state *s = st;
    alt_ctx *c = cst;
    if (!d->g->nalternations || (d->lang != TL_LANG_RU && d->lang != TL_LANG_UK) ||
        !doc_rule_on(d, TL_RULE_TERM_INCONSISTENT))
        return 0;
    if (build(c, d))
        return -1;
    for (size_t i = 0; i < d->ntok; i++) {
        uintptr_t v = head_at(c, d, i);
        if (!v || (d->tok[i].flags & TF_IN_TERM))
            continue; /* a glossary term's words are the glossary's to judge */
        alt_use u;
        use_at(c, d, i, v, &u);
        if (!u.nbefore && !u.nafter)
            continue;
        if (TL_GROW(s->u, s->n, s->cap, 32))
            return -1;
        u.seq = (uint32_t)s->n;
        s->u[s->n++] = u;
    }
    return 0;
}

/* ---- judging ---------------------------------------------------------------------------- */

/* How many words after the head a and b share. */
static size_t shared_after(const alt_use *a, const alt_use *b)
{
    size_t k = 0;
    while (k < a->nafter && k < b->nafter && a->after[k] == b->after[k])
        k++;
    return k;
}

/* Do uses a and b (of one set) name the same thing? See the top of the file. */
static int same_thing(const alt_use *a, const alt_use *b)
{
    if (a->set != b->set || a->member == b->member)
        return 0;
    if (a->num || b->num)
        return a->num == b->num;
    if (a->nbefore != b->nbefore || memcmp(a->before, b->before, a->nbefore * sizeof *a->before))
        return 0;
    int specific = a->before_specific;
    size_t n = shared_after(a, b);
    for (size_t k = 0; k < n; k++)
        specific |= a->after_specific[k];
    /* where both go on with a noun that differs, they name two things («комитет съезда»,
     * «комиссия вуза»); a verb there is the clause, not the name */
    if (n < a->nafter && n < b->nafter && !a->after_verb[n] && !b->after_verb[n])
        return 0;
    return specific;
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/* The name of use u as far as it agrees with use v, for quoting: its adjectives, its
 * head and the words after it that v shares (not the verb that follows one of them). */
static const char *quote(tl_doc *d, const alt_use *u, const alt_use *v)
{
    size_t k = u->num ? u->nafter : shared_after(u, v);
    size_t end = k ? u->after_end[k - 1] : u->hoff + u->hlen;
    return doc_flat(d, u->off, end - u->off);
}

/* The head word of set `set` at index m, as the rule data writes it. */
static const char *member_text(const tl_doc *d, uint32_t set, uint16_t m)
{
    const gl_alternation *a = &d->g->alternations[set];
    return d->lang == TL_LANG_UK ? a->uk[m] : a->ru[m];
}

/* Reports the uses of other heads than the dominant one in group u[0..n). */
static void judge_group(tl_doc *d, const alt_use *u, size_t n)
{
    uint32_t count[64] = {0};
    size_t first[64];
    for (size_t i = 0; i < n; i++)
        if (u[i].member < 64 && !count[u[i].member]++)
            first[u[i].member] = i;
    int heads = 0, dom = -1;
    const gl_alternation *a = &d->g->alternations[u[0].set];
    for (int m = 0; m < 64; m++) {
        if (!count[m])
            continue;
        heads++;
        if (dom < 0 || count[m] > count[dom] ||
            (count[m] == count[dom] && !a->ranked && first[m] < first[dom]))
            dom = m; /* ranked: the lower index wins a tie, as the loop goes up */
    }
    if (heads < 2)
        return;
    const alt_use *du = &u[first[dom]];
    const char *dword = member_text(d, u[0].set, (uint16_t)dom);
    for (size_t i = 0; i < n; i++) {
        if (u[i].member == dom)
            continue;
        const char *found = quote(d, &u[i], du), *dtext = quote(d, du, &u[i]);
        const char *head = doc_flat(d, u[i].hoff, u[i].hlen);
        if (!found || !head || !dtext)
            return;
        tl_ifinding *f = doc_add(d, TL_RULE_TERM_INCONSISTENT, u[i].hoff, u[i].hlen,
                                 "«%s» here, «%s» elsewhere in this text (%u× against %u×): "
                                 "one name with two head words («%s» / «%s»); use one",
                                 found, dtext, count[u[i].member], count[dom],
                                 member_text(d, u[i].set, u[i].member), dword);
        if (!f)
            continue;
        /* the dominant head in the found head's case, in place of the found head */
        const char *w =
            inflect_like(&d->mem, d->lang, member_text(d, u[i].set, u[i].member), head, dword);
        if (!w)
            continue;
        if (u[i].cap)
            w = doc_capitalised(d, w);
        doc_suggest(d, f, w, strlen(w));
    }
}

/* Sorts the uses of a group (parent[] equal) together, in order of occurrence. */
typedef struct {
    size_t root, i;
} member_ref;

static int cmp_ref(const void *x, const void *y)
{
    const member_ref *a = x, *b = y;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* Key bytes for the maps of connect(): `sig` 1 for a use's whole signature (what
 * same_thing() reads), 0 for its bucket (the uses it may name the same thing as). */
static size_t use_key(const alt_use *u, int sig, unsigned char *k)
{
    size_t n = 0;
#define PUT(x) (memcpy(k + n, &(x), sizeof(x)), n += sizeof(x))
    PUT(u->set);
    PUT(u->num);
    if (u->num && !sig)
        return n; /* a number names the thing whatever the rest says */
    PUT(u->nbefore);
    for (size_t i = 0; i < u->nbefore; i++)
        PUT(u->before[i]);
    if (!sig)
        return n;
    PUT(u->member);
    PUT(u->before_specific);
    PUT(u->nafter);
    for (size_t i = 0; i < u->nafter; i++) {
        PUT(u->after[i]);
        PUT(u->after_specific[i]);
        PUT(u->after_verb[i]);
    }
#undef PUT
    return n;
}

#define KEY_MAX 128
#define MAX_PEERS 256 /* earlier distinct uses of its bucket a use is compared with */

typedef struct {
    size_t first, other; /* a number's bucket: its first use, the first of another head */
    size_t *ring;        /* without a number: the latest distinct uses (up to MAX_PEERS) */
    size_t nring, cap;
    int has_other;
} alt_bucket;

/* Groups the uses that name the same thing (union-find in parent[]) without comparing
 * every pair, which is quadratic and takes minutes on a text of 200,000 uses: uses of
 * one signature (set, head, words around: everything same_thing() reads) are one; two
 * uses can name the same thing only within a bucket -- the same number, else the same
 * adjectives before; a number's bucket is one thing when it has two heads; without a
 * number a new signature is compared with the latest MAX_PEERS of its bucket (a
 * document names few bodies, so in practice with all). -1 when out of memory. */
static int connect(const alt_state *s, size_t *parent)
{
    tl_map sig, bucket;
    tl_map_init(&sig);
    tl_map_init(&bucket);
    alt_bucket *b = NULL;
    size_t nb = 0, cap = 0, *bof = tl_malloc(s->n * sizeof *bof);
    int rc = bof ? 0 : -1;
    unsigned char k[KEY_MAX];
    for (size_t i = 0; !rc && i < s->n; i++) {
        const alt_use *u = &s->u[i];
        size_t kn = use_key(u, 1, k);
        uintptr_t v = (uintptr_t)tl_map_get(&sig, (const char *)k, kn);
        if (v) { /* seen: as that use, whatever it turns out to be */
            parent[find(parent, i)] = find(parent, v - 1);
            bof[i] = SIZE_MAX;
            continue;
        }
        if (!tl_map_put(&sig, (const char *)k, kn, (void *)(uintptr_t)(i + 1))) {
            rc = -1;
            break;
        }
        kn = use_key(u, 0, k);
        size_t bi = (uintptr_t)tl_map_get(&bucket, (const char *)k, kn);
        if (!bi) {
            if (TL_GROW(b, nb, cap, 16) ||
                !tl_map_put(&bucket, (const char *)k, kn, (void *)(uintptr_t)(nb + 1))) {
                rc = -1;
                break;
            }
            memset(&b[nb], 0, sizeof b[nb]);
            b[nb].first = i;
            bi = ++nb;
        }
        alt_bucket *x = &b[bi - 1];
        bof[i] = bi - 1;
        if (u->num) {
            if (!x->has_other && u->member != s->u[x->first].member) {
                x->other = i;
                x->has_other = 1;
            }
            continue;
        }
        size_t m = x->nring < MAX_PEERS ? x->nring : MAX_PEERS;
        for (size_t r = 0; r < m; r++)
            if (same_thing(&s->u[x->ring[r]], u))
                parent[find(parent, i)] = find(parent, x->ring[r]);
        if (x->nring < MAX_PEERS && TL_GROW(x->ring, x->nring, x->cap, 4)) {
            rc = -1;
            break;
        }
        x->ring[x->nring < MAX_PEERS ? x->nring : x->nring % MAX_PEERS] = i;
        x->nring++;
    }
    for (size_t i = 0; !rc && i < s->n; i++)
        if (bof[i] != SIZE_MAX && s->u[i].num && b[bof[i]].has_other)
            parent[find(parent, i)] = find(parent, b[bof[i]].first);
    tl_map_release(&sig);
    tl_map_release(&bucket);
    for (size_t i = 0; i < nb; i++)
        tl_free(b[i].ring);
    tl_free(b);
    tl_free(bof);
    return rc;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    alt_state *s = st;
    if (s->n < 2)
        return 0;
    size_t *parent = tl_malloc(s->n * sizeof *parent);
    member_ref *ref = tl_malloc(s->n * sizeof *ref);
    alt_use *grp = tl_malloc(s->n * sizeof *grp);
    int rc = parent && ref && grp ? 0 : -1;
    for (size_t i = 0; !rc && i < s->n; i++)
        parent[i] = i;
    if (!rc)
        rc = connect(s, parent);
    for (size_t i = 0; !rc && i < s->n; i++) {
        ref[i].root = find(parent, i);
        ref[i].i = i;
    }
    if (!rc)
        qsort(ref, s->n, sizeof *ref, cmp_ref);
    for (size_t i = 0; !rc && i < s->n;) {
        size_t j = i;
        while (j < s->n && ref[j].root == ref[i].root) {
            grp[j - i] = s->u[ref[j].i];
            j++;
        }
        if (j - i >= 2)
            judge_group(d, grp, j - i);
        i = j;
    }
    tl_free(parent);
    tl_free(ref);
    tl_free(grp);
    return rc || d->oom ? -1 : 0;
}

const tl_family family_alternation = {
    "alternation", sizeof(alt_state), sizeof(alt_ctx), NULL, chunk, finish, release, ctx_release};
