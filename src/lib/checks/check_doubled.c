/*
 * check_doubled.c - rule `phrase.doubled`: a word or phrase written twice.
 *
 * Three shapes, all found on the tokens of one chunk (white space is not a token, so
 * "adjacent in d->tok" means "only white space between"):
 *
 *   back to back        «в в», «the the»                 A A
 *   joined to itself    «отбором и отбором»             A и A   (и та і й или або)
 *                       «государственных служащих, государственных служащих»   A , A
 *   repeated sentence   a sentence, or a whole line (a caption), repeated as the next
 *                       sentence, line or paragraph
 *
 * A is 1 to 6 words (hyphenated compounds count their parts; a hyphen inside A must be
 * glued in both copies). Words compare by their key (case-insensitive, ё = е in Russian).
 * The span covers every copy; the suggestion is one copy. Longer phrases are tried
 * first, and a third copy extends the same finding.
 *
 * Not doubling (each rule below was drawn from real prose that repeats a phrase):
 *   - repetitions listed as real prose in g->reduplications («снова и снова», «всё
 *     больше и больше», «знову і знову»): an entry that covers the first copy and
 *     reaches into the second;
 *   - reduplication written with a hyphen («еле-еле»): a hyphen never separates copies;
 *   - copies made only of numbers («1, 1»); copies split by a line break (a heading
 *     that the next line starts with again); one word repeated after a comma («да,
 *     да»: emphasis; two or more words are required there);
 *   - back to back, a change of letter case in mid-sentence: a label after a word
 *     («панель меню Меню «Файл»», «ПУТЬ Путь»);
 *   - copies joined by a conjunction or comma that are told apart by a modifier: an
 *     adjective before the first («кадрового состава и состава партии»), or a word or
 *     bracket after the last that is not a preposition, conjunction, auxiliary or
 *     finite verb («курсы и курсы валют», «пространства имён и пространства имён
 *     PID»). MT doubling is followed by punctuation, a function word or the verb
 *     («служащих и служащих с...», «служащих, служащих и рабочих», «... продолжается»).
 *     A third copy is doubling whatever follows;
 *   - one word joined to itself by a conjunction when it is a comparative or an
 *     infinitive («быстрее и быстрее», «ждать и ждать»), or an adjective whose second
 *     copy goes on into a longer name («Центрального и Центрального нагорья»: "Central
 *     and Central Highlands");
 *   - copies that start with a conjunction, joined by a comma: «и такие, и такие».
 * Limits: a modifier that starts with a preposition («хранилищ и хранилищ с общим
 * доступом») cannot be told from MT doubling followed by a preposition, so such copies
 * are reported unless an adjective precedes the first.
 */
#include "doc.h"
#include "norm.h"
#include "textclass.h"

#include <string.h>

#define MAX_PHRASE_WORDS 6
#define MAX_QUOTE_BYTES 80
/* One finding covers at most this many copies; a longer run (pathological input: one
 * phrase repeated over a whole file) becomes several findings, so no span grows with
 * the input (result.c compares each finding with the long ones before it). */
#define MAX_COPIES 32

typedef struct {
    const char **keys; /* word keys of one reduplication entry */
    size_t n;
} redup;

/* The reduplications (g->reduplications) as keys of one language. */
typedef struct {
    redup *r;
    size_t n;
    int ready;
} redup_list;

/* The family's context state: the lists, built for a language when a context first
 * checks a text of it. */
typedef struct {
    tl_arena mem;
    redup_list lang[3]; /* by tl_lang */
} doubled_ctx;

static void ctx_release(void *cst)
{
    doubled_ctx *c = cst;
    tl_arena_release(&c->mem);
}

/* ---- reduplication data ---------------------------------------------------------- */

/* Splits entry `s` at white space and hyphens into keys of language `lang`. */
static int parse_redup(tl_arena *a, tl_buf *b, tl_lang lang, const char *s, redup *out)
{
    const char *keys[16];
    size_t n = 0, len = strlen(s), i = 0, start, k;
    while (n < 16 && (k = tc_next_word(s, len, &i, "-", &start)) > 0) {
        tl_buf_reset(b);
        if (norm_key(b, s + start, k, lang == TL_LANG_RU) || b->oom)
            return -1;
        if (!(keys[n++] = tl_arena_strndup(a, b->data, b->len)))
            return -1;
    }
    out->n = n;
    out->keys = tl_arena_alloc(a, (n ? n : 1) * sizeof *out->keys);
    if (!out->keys)
        return -1;
    memcpy(out->keys, keys, n * sizeof *keys);
    return 0;
}

/* The reduplications in the document's language, built on first use; NULL when out of
 * memory (what was built stays in the arena until the context goes). */
static const redup_list *redups(tl_doc *d, doubled_ctx *c)
{
    redup_list *s = &c->lang[d->lang];
    if (s->ready)
        return s;
    const gloss *g = d->g;
    s->n = 0;
    s->r = tl_arena_alloc(&c->mem, (g->nreduplications + 1) * sizeof *s->r);
    if (!s->r)
        return NULL;
    for (size_t i = 0; i < g->nreduplications; i++)
        if (parse_redup(&c->mem, d->scratch, d->lang, g->reduplications[i], &s->r[s->n++]))
            return NULL;
    s->ready = 1;
    return s;
}

/* ---- tokens ------------------------------------------------------------------------ */

static int is_word(const tl_doc *d, size_t i)
{
    return i < d->ntok && (d->tok[i].kind == TK_WORD || d->tok[i].kind == TK_NUMBER) &&
           !(d->tok[i].flags & TF_URL);
}

/* Token i is a hyphen glued to the tokens on both sides («социально-экономический»). */
static int glued_hyphen(const tl_doc *d, size_t i)
{
    return i + 1 < d->ntok && tok_is(d, i, '-') && !(d->tok[i].flags & TF_SPACE_BEFORE) &&
           !(d->tok[i + 1].flags & TF_SPACE_BEFORE) && is_word(d, i + 1);
}

/* Token i is a hyphen glued to the token before it. */
static int glued_left(const tl_doc *d, size_t i)
{
    return tok_is(d, i, '-') && !(d->tok[i].flags & TF_SPACE_BEFORE);
}

static int key_is(const tl_doc *d, size_t i, const char *key)
{
    return i < d->ntok && d->tok[i].kind == TK_WORD && strcmp(d->tok[i].w->key, key) == 0;
}

static int tok_eq(const tl_doc *d, size_t a, size_t b)
{
    const tl_token *x = &d->tok[a], *y = &d->tok[b];
    if (x->kind != y->kind)
        return 0;
    if (x->kind == TK_WORD) /* the lengths differ for most pairs: no strcmp then */
        return x->w == y->w ||
               (x->w->keylen == y->w->keylen && memcmp(x->w->key, y->w->key, x->w->keylen) == 0);
    return x->len == y->len && memcmp(d->src.text + x->off, d->src.text + y->off, x->len) == 0;
}

/* Copies [a, a+k) and [b, b+k) are equal token by token, with the same gluing. */
static int copies_equal(const tl_doc *d, size_t a, size_t b, size_t k)
{
    if (b + k > d->ntok)
        return 0;
    for (size_t t = 0; t < k; t++) {
        if (!tok_eq(d, a + t, b + t))
            return 0;
        if (t && ((d->tok[a + t].flags ^ d->tok[b + t].flags) & TF_SPACE_BEFORE))
            return 0;
    }
    return !glued_left(d, b + k);
}

/* ---- separators and exceptions ------------------------------------------------------ */

enum { SEP_NONE = 1, SEP_CONJ, SEP_COMMA };

static int is_conj(const tl_doc *d, size_t i)
{
    static const char *const conj[] = {"и", "та", "і", "й", "или", "або", NULL};
    for (int k = 0; conj[k]; k++)
        if (key_is(d, i, conj[k]))
            return 1;
    return 0;
}

/* The separator at token j after a copy of k tokens starting at a: its kind, and in *b
 * where the next copy starts; 0 when no copy follows. A word at j is first taken as the
 * next copy («и и»), then as a conjunction. Copies never cross a line break. */
static int next_copy(const tl_doc *d, size_t a, size_t k, size_t j, size_t *b)
{
    if (j >= d->ntok || (d->tok[j].flags & TF_NEWLINE_BEFORE))
        return 0;
    if (is_word(d, j) && (d->tok[j].flags & TF_SPACE_BEFORE) && copies_equal(d, a, j, k)) {
        *b = j;
        return SEP_NONE;
    }
    int kind = is_conj(d, j) ? SEP_CONJ : tok_is(d, j, ',') ? SEP_COMMA : 0;
    if (!kind || j + 1 >= d->ntok || (d->tok[j + 1].flags & TF_NEWLINE_BEFORE) ||
        !(d->tok[j + 1].flags & TF_SPACE_BEFORE) || !copies_equal(d, a, j + 1, k))
        return 0;
    *b = j + 1;
    return kind;
}

static int ends_with(const char *key, size_t klen, const char *suf)
{
    size_t n = strlen(suf);
    return klen > n + 2 && memcmp(key + klen - n, suf, n) == 0;
}

/* «Центрального» and the like: the ending of an adjective (ru or uk). */
static int adjectival(const tl_word *w)
{
    static const char *const endings[] = {
        "ого", "его", "ому", "ему", "ый",   "ий",   "ой",   "ая",  "яя",    "ое",   "ее", "ые",
        "ие",  "ых",  "их",  "ым",  "им",   "ыми",  "ими",  "ую",  "юю",    "ій",   "ої", "ою",
        "ім",  "іх",  "іми", "ьої", "ього", "ьому", "ском", "ном", "ськім", "ному", NULL};
    for (int k = 0; endings[k]; k++)
        if (ends_with(w->key, w->keylen, endings[k]))
            return 1;
    return 0;
}

/* A modifier right before the first copy sets it apart from the second («кадрового
 * состава и состава партии», «політичних рішень та рішень щодо», «внешних хранилищ баз
 * данных и хранилищ баз данных с общим доступом»). */
static int first_copy_modified(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    return i > 0 && d->tok[i - 1].kind == TK_WORD && (t->flags & TF_SPACE_BEFORE) &&
           !(t->flags & TF_NEWLINE_BEFORE) && adjectival(d->tok[i - 1].w);
}

/* One word joined to itself by a conjunction, i at the first copy, `after` the token
 * after the second: an adjective whose second copy goes on into a longer name
 * («Центрального и Центрального нагорья»: "Central and Central Highlands"). */
static int elliptical(const tl_doc *d, size_t i, size_t after)
{
    const tl_token *t = &d->tok[i];
    return t->kind == TK_WORD && adjectival(t->w) && after < d->ntok &&
           d->tok[after].kind == TK_WORD && !(d->tok[after].flags & TF_NEWLINE_BEFORE);
}

/* «и такие, и такие», «ни то, ни то»: copies that begin with a conjunction and are
 * joined by a comma are a correlative construction. */
static int correlative(const tl_doc *d, size_t i)
{
    static const char *const conj[] = {"и",  "і",   "й",   "та", "ни",   "ні",
                                       "то", "или", "або", "чи", "либо", NULL};
    for (int k = 0; conj[k]; k++)
        if (key_is(d, i, conj[k]))
            return 1;
    return 0;
}

/* The copies [i, end) are inside an allowed reduplication. */
static int allowed(const tl_doc *d, const redup_list *s, size_t i, size_t b)
{
    size_t from = i > 8 ? i - 8 : 0;
    for (size_t r = 0; r < s->n; r++) {
        const redup *e = &s->r[r];
        for (size_t st = from; e->n && st <= i; st++) {
            size_t t = st, k = 0;
            while (k < e->n && t < d->ntok) {
                if (tok_is(d, t, '-')) {
                    t++;
                    continue;
                }
                if (!key_is(d, t, e->keys[k]))
                    break;
                t++;
                k++;
            }
            if (k == e->n && t > b)
                return 1;
        }
    }
    return 0;
}

static int is_function_word(const tl_word *w)
{
    static const char *const fw[] = {
        /* ru */ "и", "а",        "но",     "или",   "либо",  "да",    "в",     "во",
        "на",         "с",        "со",     "к",     "ко",    "по",    "за",    "из",
        "изо",        "от",       "до",     "для",   "о",     "об",    "обо",   "у",
        "при",        "про",      "без",    "над",   "под",   "перед", "через", "между",
        "после",      "как",      "что",    "чтобы", "не",    "ни",    "же",    "ли",
        "бы",         "это",      "был",    "была",  "были",  "было",  "будет", "будут",
        "является",   "являются",
        /* uk */ "і", "й",        "та",     "або",   "чи",    "але",   "з",     "із",
        "зі",         "від",      "під",    "між",   "після", "як",    "що",    "щоб",
        "ні",         "б",        "би",     "це",    "є",     "був",   "була",  "були",
        "було",       "буде",     "будуть", NULL};
    for (int k = 0; fw[k]; k++)
        if (strcmp(w->key, fw[k]) == 0)
            return 1;
    return 0;
}

/* The ending of a finite verb in the present tense or a reflexive one («продолжается»,
 * «обсуждают», «триває»): what follows a subject, not a modifier of it. Endings shared
 * with nouns are left out: «валют», «ракет», «правила», «канала» are genitives that
 * set a copy apart, and the past tense («выросла») ends like them. */
static int verb_like(const tl_word *w)
{
    static const char *const endings[] = {"ся",  "сь",  "ает", "яет", "еет", "ует", "ают", "яют",
                                          "еют", "уют", "ає",  "яє",  "ує",  "ють", "ить", NULL};
    for (int k = 0; endings[k]; k++)
        if (ends_with(w->key, w->keylen, endings[k]))
            return 1;
    return 0;
}

static int quantifier(const tl_word *w);

/* An infinitive («реорганизовать», «зробити»): copies of a verb are never told apart by
 * the words after them, which are its object. */
static int verb_form(tl_lang lang, const tl_word *w)
{
    /* Ukrainian infinitives end in -ти; its -ть is an imperative («клацніть або клацніть
     * правою кнопкою»: a choice, not doubling) */
    static const char *const ru[] = {"ть", "ти", "чь", "ться", "тись", NULL};
    static const char *const uk[] = {"ти", "тися", "тись", NULL};
    for (const char *const *e = lang == TL_LANG_UK ? uk : ru; *e; e++)
        if (ends_with(w->key, w->keylen, *e))
            return 1;
    return 0;
}

/* The copies joined by a conjunction or comma end before token `after`: a word there
 * (not a preposition, conjunction or auxiliary) or a bracket sets the last copy apart
 * («вміст та вміст її підтек», «курсы и курсы валют», «біля осі, біля осі (з іншого
 * боку)»). MT doubling is followed by punctuation or a function word («служащих и
 * служащих с...», «служащих, служащих и рабочих»). */
static int last_copy_modified(const tl_doc *d, size_t after)
{
    if (after >= d->ntok || (d->tok[after].flags & TF_NEWLINE_BEFORE))
        return 0;
    const tl_token *t = &d->tok[after];
    if (tok_is(d, after, '('))
        return 1;
    if (!(t->flags & TF_SPACE_BEFORE))
        return 0;
    return t->kind == TK_NUMBER ||
           (t->kind == TK_WORD && !is_function_word(t->w) && !verb_like(t->w) && !quantifier(t->w));
}

/* A word after the second copy that joins both copies rather than one of them: a
 * quantifier or determiner («кадров и кадров всех уровней», «кадрів і кадрів усіх
 * рівнів»): machine translation's "X and X of all levels". */
static int quantifier(const tl_word *w)
{
    static const char *const q[] = {
        /* ru */ "все", "всех",   "всего",     "всей",     "всем",   "всеми",
        "каждого",      "каждой", "каждых",    "любых",    "любого", "разных",
        "различных",    "других", "иных",      "этих",     "этого",  "этой",
        "таких",        "многих", "некоторых",
        /* uk */ "всі", "усі",    "всіх",      "усіх",     "всього", "усього",
        "кожного",      "кожної", "будь-яких", "різних",   "інших",  "цих",
        "цього",        "цієї",   "таких",     "багатьох", "деяких", NULL};
    for (int k = 0; q[k]; k++)
        if (strcmp(w->key, q[k]) == 0)
            return 1;
    return 0;
}

/* One word joined to itself that is prose, not doubling: a comparative («быстрее и
 * быстрее», «більше і більше») or an infinitive («ждать и ждать») that ends its clause.
 * An infinitive that goes on with an object is MT doubling («реорганизовать и
 * реорганизовать административные единицы»): emphasis does not take one. */
static int emphatic(const tl_doc *d, const tl_word *w, size_t after)
{
    int ends_clause = !(after < d->ntok && d->tok[after].kind == TK_WORD &&
                        !(d->tok[after].flags & TF_NEWLINE_BEFORE));
    if (verb_form(d->lang, w))
        return ends_clause || (w->flags & WF_CAP); /* capitalised: labels («Сохранить») */
    /* a finite verb joined to itself at the end of a clause is emphasis too («ждали и
     * ждали, пока...», «говорят и говорят») */
    static const char *const finite[] = {"ли", "ла", "ло", "лся", "лась", "лись", "ют",
                                         "ут", "ят", "ат", "ет",  "ит",   NULL};
    for (int k = 0; ends_clause && finite[k]; k++)
        if (ends_with(w->key, w->keylen, finite[k]))
            return 1;
    static const char *const endings[] = {"ее", "ей", "ше",   "ще",   "же", "ть",
                                          "ти", "чь", "ться", "тися", NULL};
    for (int k = 0; endings[k]; k++)
        if (ends_with(w->key, w->keylen, endings[k]))
            return 1;
    return 0;
}

/* Back-to-back copies whose letter case differs mid-sentence are a label or heading
 * after a word («панель меню Меню «Файл»», «ПУТЬ Путь»), not a doubled word. */
static int case_differs(const tl_doc *d, size_t a, size_t b)
{
    const tl_word *x = d->tok[a].w, *y = d->tok[b].w;
    if (d->tok[a].kind != TK_WORD || (d->tok[a].flags & TF_SENT_START))
        return 0;
    return ((x->flags ^ y->flags) & (WF_CAP | WF_ALLCAPS)) != 0;
}

/* ---- reporting ----------------------------------------------------------------------- */

/* At most MAX_QUOTE_BYTES of [off, off+len), cut at a code point boundary. */
static int quote_len(const tl_doc *d, size_t off, size_t len)
{
    if (len <= MAX_QUOTE_BYTES)
        return (int)len;
    size_t n = MAX_QUOTE_BYTES;
    while (n > 0 && ((unsigned char)d->src.text[off + n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

static void report(tl_doc *d, size_t a, size_t k, size_t last_end, const char *what)
{
    const tl_token *first = &d->tok[a], *lastc = &d->tok[a + k - 1], *end = &d->tok[last_end - 1];
    size_t off = first->off, clen = lastc->off + lastc->len - off;
    int q = quote_len(d, off, clen);
    tl_ifinding *f = doc_add(d, TL_RULE_PHRASE_DOUBLED, off, end->off + end->len - off,
                             "%s «%.*s%s» is repeated; keep one copy, or write what the "
                             "second one was meant to say",
                             what, q, d->src.text + off, (size_t)q < clen ? "…" : "");
    if (f)
        doc_suggest(d, f, d->src.text + off, clen);
}

/* Doubled phrase starting at word token i: returns the token index after the finding,
 * or i when there is none. */
static size_t phrase_at(tl_doc *d, const redup_list *s, size_t i)
{
    if (i > 0 && glued_hyphen(d, i - 1))
        return i;                      /* inside a hyphenated word */
    size_t ends[MAX_PHRASE_WORDS + 1]; /* ends[n]: the end (token index) of the
                                        * phrase of n words from i, 0 when there are
                                        * not n words on the line */
    ends[0] = i;
    for (int n = 1; n <= MAX_PHRASE_WORDS; n++) {
        size_t j = ends[n - 1];
        if ((n > 1 && !j) || !is_word(d, j) || (n > 1 && (d->tok[j].flags & TF_NEWLINE_BEFORE))) {
            ends[n] = 0;
            continue;
        }
        j++;
        while (glued_hyphen(d, j)) /* the rest of a hyphenated word */
            j += 2;
        ends[n] = j;
    }
    for (int n = MAX_PHRASE_WORDS; n >= 1; n--) {
        size_t j = ends[n], b;
        if (!j || glued_left(d, j))
            continue;
        /* every copy begins with the first word again, at j or after a separator at j:
         * this cheap test turns away nearly every word of the text */
        if (j >= d->ntok || (!tok_eq(d, i, j) && !(j + 1 < d->ntok && tok_eq(d, i, j + 1))))
            continue;
        size_t k = j - i;
        int sep = next_copy(d, i, k, j, &b);
        if (!sep)
            continue;
        int words = 0;
        for (size_t t = i; t < j; t++)
            words += d->tok[t].kind == TK_WORD;
        if (!words || (sep == SEP_COMMA && n < 2))
            continue;
        if (sep == SEP_NONE
                ? case_differs(d, i, b)
                : first_copy_modified(d, i) || (sep == SEP_COMMA && correlative(d, i)) ||
                      (sep == SEP_CONJ && n == 1 &&
                       (elliptical(d, i, b + k) || emphatic(d, d->tok[i].w, b + k))))
            continue;
        size_t last = b + k, nb;
        for (int copies = 2; copies < MAX_COPIES && next_copy(d, i, k, last, &nb); copies++)
            last = nb + k;
        int three = last > b + k; /* a third copy is never prose */
        /* (a capitalised verb in mid-sentence is a label: «Сохранить и Сохранить как») */
        int verb = n == 1 && d->tok[i].kind == TK_WORD && verb_form(d->lang, d->tok[i].w) &&
                   (!(d->tok[i].w->flags & WF_CAP) || (d->tok[i].flags & TF_SENT_START));
        if ((sep != SEP_NONE && !three && !verb && last_copy_modified(d, last)) ||
            allowed(d, s, i, b))
            continue;
        report(d, i, k, last, n == 1 ? "the word" : "the phrase");
        return last;
    }
    return i;
}

/* ---- repeated sentences and lines ------------------------------------------------- */

static int segment_start(const tl_doc *d, size_t i)
{
    return d->tok[i].flags & (TF_LINE_START | TF_SENT_START);
}

static size_t segment_end(const tl_doc *d, size_t i)
{
    size_t j = i + 1;
    while (j < d->ntok && !segment_start(d, j))
        j++;
    return j;
}

/* ---- sentences repeated further on ---------------------------------------------------
 * A scraped page repeats its headline as an image caption, a caption under a second
 * picture, or the lead paragraph after the pictures: a sentence of at least
 * REPEAT_MIN_WORDS words that the text has had before, within REPEAT_MAX_LINES lines, is
 * reported on the repeat. The comparison is of the words' keys, so case and spacing do
 * not matter; a trailing credit or label is not part of the sentence («(Фото: ВИА)»,
 * «Фото: ...», «- ảnh 1»), so a caption with a credit still repeats the headline. */

#define REPEAT_MIN_WORDS 4
#define REPEAT_MAX_LINES 100

#define REPEAT_MAX_LINE_WORDS 30

typedef struct {
    tl_map seen;  /* sentence hash -> line of its first occurrence (+1) */
    tl_map lines; /* hash of the words of a whole line (4 to 30 words) -> its line (+1) */
} doubled_state;

static void release(void *st)
{
    doubled_state *s = st;
    tl_map_release(&s->seen);
    tl_map_release(&s->lines);
}

static uint64_t hash_step(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return (h ^ 0x1f) * 1099511628211ull;
}

/* A line that begins with the whole of an earlier line, glued to a label or to the next
 * paragraph by the scrape («<headline> ảnh 1Член Политбюро...»): the earlier line's words
 * are reported on this one. The repeat must end where the earlier line ended: what
 * follows is not a lower-case word going on with the sentence. Returns 1 when reported. */
static int line_prefix(tl_doc *d, doubled_state *s, size_t a, size_t line)
{
    uint64_t h = 1469598103934665603ull;
    size_t words = 0;
    for (size_t t = a; t < d->ntok && words < REPEAT_MAX_LINE_WORDS; t++) {
        const tl_token *x = &d->tok[t];
        if (t > a && (x->flags & (TF_LINE_START | TF_PARA_START)))
            break;
        if (x->kind != TK_WORD)
            continue;
        h = hash_step(h, x->w->key, x->w->keylen);
        if (++words < REPEAT_MIN_WORDS)
            continue;
        uintptr_t first = (uintptr_t)tl_map_get(&s->lines, (const char *)&h, sizeof h);
        if (!first || first - 1 >= line || line - (first - 1) > REPEAT_MAX_LINES)
            continue;
        const tl_token *n = t + 1 < d->ntok ? &d->tok[t + 1] : NULL;
        if (n && !(n->flags & (TF_LINE_START | TF_PARA_START)) && n->kind == TK_WORD &&
            (n->w->script & SCRIPT_CYRILLIC) && !(n->w->flags & WF_CAP))
            continue;
        size_t off = d->tok[a].off, len = x->off + x->len - off;
        int q = quote_len(d, off, len);
        doc_add(d, TL_RULE_PHRASE_DOUBLED, off, len,
                "«%.*s%s» repeats line %zu (a caption, headline or lead the page shows twice); "
                "delete the repeat",
                q, d->src.text + off, (size_t)q < len ? "…" : "", (size_t)(first - 1));
        return 1;
    }
    return 0;
}

/* Records the words of the whole line starting at token a (4 to 30 words). 0, or -1 when
 * out of memory. */
static int note_line(const tl_doc *d, doubled_state *s, size_t a, size_t line)
{
    uint64_t h = 1469598103934665603ull;
    size_t words = 0;
    for (size_t t = a; t < d->ntok; t++) {
        const tl_token *x = &d->tok[t];
        if (t > a && (x->flags & (TF_LINE_START | TF_PARA_START)))
            break;
        if (x->kind != TK_WORD)
            continue;
        if (++words > REPEAT_MAX_LINE_WORDS)
            return 0;
        h = hash_step(h, x->w->key, x->w->keylen);
    }
    if (words < REPEAT_MIN_WORDS || tl_map_get(&s->lines, (const char *)&h, sizeof h))
        return 0;
    return tl_map_put(&s->lines, (const char *)&h, sizeof h, (void *)(uintptr_t)(line + 1)) ? 0
                                                                                            : -1;
}

/* Where the sentence [a, b) ends once a trailing credit or label is cut off: a
 * parenthesised group at its end, «Фото: ...» / «Фото ...», or a dash followed by at most
 * three tokens. */
static size_t without_credit(const tl_doc *d, size_t a, size_t b)
{
    size_t e = b;
    while (e > a && d->tok[e - 1].kind == TK_PUNCT && !tok_is(d, e - 1, ')'))
        e--; /* final punctuation */
    if (e > a && tok_is(d, e - 1, ')')) {
        size_t o = e - 1;
        while (o > a && !tok_is(d, o, '('))
            o--;
        if (o > a)
            e = o;
    }
    for (size_t t = e; t-- > a && e - t <= 4;) {
        if (d->tok[t].kind == TK_PUNCT && t > a &&
            (tok_is(d, t, '-') ||
             (d->tok[t].len == 3 && (!memcmp(d->src.text + d->tok[t].off, "–", 3) ||
                                     !memcmp(d->src.text + d->tok[t].off, "—", 3))))) {
            e = t;
            break;
        }
        const tl_word *w = d->tok[t].w;
        if (d->tok[t].kind == TK_WORD && w &&
            (!strcmp(w->key, "фото") || !strcmp(w->key, "photo"))) {
            e = t;
            break;
        }
    }
    while (e > a && d->tok[e - 1].kind == TK_PUNCT)
        e--;
    return e;
}

/* The hash of the words of [a, b) and their number. */
static uint64_t sentence_hash(const tl_doc *d, size_t a, size_t b, size_t *words)
{
    uint64_t h = 1469598103934665603ull;
    *words = 0;
    for (size_t t = a; t < b; t++) {
        const tl_token *x = &d->tok[t];
        const char *p = x->kind == TK_WORD ? x->w->key : d->src.text + x->off;
        size_t n = x->kind == TK_WORD ? x->w->keylen : x->len;
        for (size_t i = 0; i < n; i++)
            h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
        h = (h ^ 0x1f) * 1099511628211ull;
        *words += x->kind == TK_WORD;
    }
    return h;
}

static void repeats(tl_doc *d, doubled_state *s)
{
    for (size_t a = 0; a < d->ntok;) {
        if (!segment_start(d, a)) {
            a++;
            continue;
        }
        size_t b = segment_end(d, a);
        if (d->tok[a].flags & TF_LINE_START) {
            size_t line = source_line_of(&d->src, d->tok[a].off) + 1; /* 1-based, as reported */
            if (line_prefix(d, s, a, line)) {
                a = b;
                continue;
            }
            if (note_line(d, s, a, line)) {
                d->oom = 1;
                return;
            }
        }
        size_t e = without_credit(d, a, b), words;
        uint64_t h = sentence_hash(d, a, e, &words);
        if (words >= REPEAT_MIN_WORDS && !(d->tok[a].flags & TF_URL)) {
            size_t line = source_line_of(&d->src, d->tok[a].off) + 1; /* 1-based, as reported */
            uintptr_t first = (uintptr_t)tl_map_get(&s->seen, (const char *)&h, sizeof h);
            if (first && line > first - 1 && line - (first - 1) <= REPEAT_MAX_LINES &&
                line != first - 1) {
                const tl_token *x = &d->tok[a], *y = &d->tok[e - 1];
                int q = quote_len(d, x->off, y->off + y->len - x->off);
                doc_add(d, TL_RULE_PHRASE_DOUBLED, x->off, y->off + y->len - x->off,
                        "«%.*s%s» repeats line %zu (a caption, headline or lead the page shows "
                        "twice); delete the repeat",
                        q, d->src.text + x->off, (size_t)q < y->off + y->len - x->off ? "…" : "",
                        (size_t)(first - 1));
            } else if (!first && !tl_map_put(&s->seen, (const char *)&h, sizeof h,
                                             (void *)(uintptr_t)(line + 1))) {
                d->oom = 1;
                return;
            }
        }
        a = b;
    }
}

/* A segment [a, b) repeated as the next one(s): one finding over every copy. */
static void segments(tl_doc *d)
{
    size_t a = 0;
    while (a < d->ntok && !segment_start(d, a))
        a++;
    while (a < d->ntok) {
        size_t b = segment_end(d, a), k = b - a, last = b;
        int words = 0;
        for (size_t t = a; t < b; t++)
            words += d->tok[t].kind == TK_WORD;
        for (int copies = 1; copies < MAX_COPIES && words >= 2 && last < d->ntok &&
                             segment_end(d, last) - last == k && copies_equal(d, a, last, k) &&
                             !(d->tok[a].flags & TF_URL);
             copies++)
            last += k;
        if (last > b) {
            int line = (d->tok[b].flags & TF_LINE_START) != 0;
            report(d, a, k, last, line ? "the line" : "the sentence");
        }
        a = last;
    }
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    doubled_state *ds = st;
    if (!doc_rule_on(d, TL_RULE_PHRASE_DOUBLED))
        return 0;
    const redup_list *s = redups(d, cst);
    if (!s)
        return -1;
    for (size_t i = 0; i < d->ntok; i++) {
        if (!is_word(d, i))
            continue;
        size_t next = phrase_at(d, s, i);
        if (next > i)
            i = next - 1;
    }
    segments(d);
    repeats(d, ds);
    return d->oom ? -1 : 0;
}

const tl_family family_doubled = {
    "doubled", sizeof(doubled_state), sizeof(doubled_ctx), NULL, chunk, NULL, release, ctx_release};
