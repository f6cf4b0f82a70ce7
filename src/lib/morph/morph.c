/*
 * morph.c - stage 3: Hunspell behind a per-word cache.
 *
 * Every distinct surface form is analysed once per context and language: its script,
 * case shape and normalised key when first seen; its spelling, lower-case spelling,
 * other-language spelling and suggestions when a check first asks. The cache maps the
 * exact bytes of the form to a tl_word, so the common case (a word seen before) is one
 * hash lookup and no Unicode work at all.
 *
 * Dictionaries are found in --dict-dir, then the folders of $DICPATH (both given by the
 * caller, morph_opts), then the Debian folders, and are loaded only when a text of
 * their language needs them: first the word-form table (wordtab.c, mapped from a cache
 * file), which answers for most words, and Hunspell itself only when a word first
 * needs it (see morph_load).
 * Hunspell_create never fails (a missing .dic only prints "Hash Manager Error"), so we
 * check that both files are readable and probe a word every dictionary has (in the
 * table when there is one, else in Hunspell).
 * Debian's Hunspell 1.7.1 races when two handles are created at once: creation is
 * serialised by one process-wide mutex, the only such state in the library.
 */
#include "morph_p.h"

#include "norm.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;

/* A loaded dictionary, shared by a context and its clones (the root morph owns it).
 * Loading uk_UA costs ~0.25 s and ~40 MB per copy, and with the word-form table most
 * words never reach Hunspell: one copy per process, with every call on the handle
 * serialised by its mutex (a handle is not thread-safe), beats one copy per thread.
 * Hunspell's slow suggestion engine keeps the handle for 60-120 ms a word, though, and
 * every other thread that needs the dictionary meanwhile waits. So when a thread finds
 * the handle held by a slow call, the dictionary gets a second handle, if making one
 * costs less than such a wait (ru_RU: ~60 ms; not uk_UA: ~250 ms), and from then on
 * every call takes whichever handle is free. A second handle made at the first slow
 * call whatever its cost (tried) lost more than it saved on the bench's articles
 * (-j 2: 1.88 s against 1.60 s without). */
typedef struct {
    Hunhandle *h;       /* valid once hstate is set (NULL: unusable) */
    _Atomic int hstate; /* Hunspell created (or found unusable): set under create_lock */
    wordtab *tab;
    pthread_mutex_t mu;
    int tried;
    _Atomic int slow_busy;   /* a slow suggestion holds mu */
    double create_s;         /* what creating h took, seconds */
    _Atomic(Hunhandle *) h2; /* the second handle: set once, under create_lock */
    pthread_mutex_t mu2;
    _Atomic int h2_tried;
    char *aff, *dic;
} shared_dict;

typedef struct {
    int ok;              /* the dictionary is usable: through its table, its handle or both */
    wordtab *tab;        /* the dictionary's compiled forms (NULL: ask Hunspell for all) */
    shared_dict *sd;     /* the root's record of the dictionary */
    int tried;           /* load attempted (success or not) */
    tl_map cache;        /* surface bytes -> tl_word */
    uint32_t try_cp[64]; /* the .aff's TRY letters (lower case), most frequent first */
    int ntry;
} lang_state;

struct tl_morph {
    tl_morph *root; /* the morph whose dictionaries this one uses: itself, or a clone's parent's */
    shared_dict dicts[3]; /* the root's: loaded dictionaries (used under create_lock) */
    const morph_opts *opt;
    const tl_map *accept[3];
    lang_state ls[3]; /* indexed by tl_lang; 0 unused */
    tl_arena mem;     /* tl_word records, keys, suggestions */
    tl_buf tmp;
    uint64_t lookups, hits;
    uint64_t suggested; /* words whose suggestions were computed here (not adopted) */
};

static const char *dict_name(tl_lang l) { return l == TL_LANG_UK ? "uk_UA" : "ru_RU"; }
static const char *probe_word(tl_lang l) { return l == TL_LANG_UK ? "місто" : "город"; }

tl_morph *morph_new(const morph_opts *o, const tl_map *accept_ru, const tl_map *accept_uk,
                    tl_morph *root)
{
    tl_morph *m = tl_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->root = root ? root->root : m;
    for (int i = 0; i < 3; i++) {
        pthread_mutex_init(&m->dicts[i].mu2, NULL);
        pthread_mutex_init(&m->dicts[i].mu, NULL);
    }
    tl_arena_init(&m->mem);
    tl_buf_init(&m->tmp, 0);
    for (int i = 0; i < 3; i++)
        tl_map_init(&m->ls[i].cache);
    m->accept[TL_LANG_RU] = accept_ru;
    m->accept[TL_LANG_UK] = accept_uk;
    m->opt = o;
    return m;
}

void morph_free(tl_morph *m, int fast)
{
    if (!m)
        return;
    if (m->root != m) { /* a clone's cache statistics count in its root's (--stats) */
        pthread_mutex_lock(&create_lock);
        m->root->lookups += m->lookups;
        m->root->hits += m->hits;
        m->root->suggested += m->suggested;
        pthread_mutex_unlock(&create_lock);
    }
    for (int i = 0; i < 3; i++) {
        shared_dict *sd = &m->dicts[i]; /* loaded only in a root */
        if (sd->h && !fast)
            Hunspell_destroy(sd->h);
        if (!fast)
            wordtab_close(sd->tab);
        tl_free(sd->aff);
        tl_free(sd->dic);
        pthread_mutex_destroy(&sd->mu);
        pthread_mutex_destroy(&sd->mu2);
        Hunhandle *h2 = atomic_load(&sd->h2);
        if (h2 && !fast)
            Hunspell_destroy(h2);
        tl_map_release(&m->ls[i].cache);
    }
    tl_arena_release(&m->mem);
    tl_buf_release(&m->tmp);
    tl_free(m);
}

/* Tries folder `dir` for NAME.aff and NAME.dic; fills the two paths. */
static int try_dir(tl_buf *aff, tl_buf *dic, const char *dir, size_t dlen, const char *name)
{
    tl_buf_reset(aff);
    tl_buf_reset(dic);
    tl_buf_printf(aff, "%.*s/%s.aff", (int)dlen, dir, name);
    tl_buf_printf(dic, "%.*s/%s.dic", (int)dlen, dir, name);
    return !aff->oom && !dic->oom && access(aff->data, R_OK) == 0 && access(dic->data, R_OK) == 0;
}

static int find_dict(const tl_morph *m, const char *name, tl_buf *aff, tl_buf *dic, tl_buf *tried)
{
    static const char *const sys[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts",
                                      "/usr/share/myspell", "/usr/local/share/hunspell", NULL};
    const char *dd = m->opt->dict_dir;
    if (dd) {
        tl_buf_printf(tried, "%s", dd);
        if (try_dir(aff, dic, dd, strlen(dd), name))
            return 1;
    }
    const char *dp = m->opt->dict_path;
    while (dp && *dp) {
        const char *colon = strchr(dp, ':');
        size_t n = colon ? (size_t)(colon - dp) : strlen(dp);
        if (n) {
            tl_buf_printf(tried, "%s%.*s", tried->len ? ", " : "", (int)n, dp);
            if (try_dir(aff, dic, dp, n, name))
                return 1;
        }
        dp = colon ? colon + 1 : NULL;
    }
    for (int i = 0; sys[i]; i++) {
        tl_buf_printf(tried, "%s%s", tried->len ? ", " : "", sys[i]);
        if (try_dir(aff, dic, sys[i], strlen(sys[i]), name))
            return 1;
    }
    return 0;
}

/* The TRY line of the .aff: the letters Hunspell tries when correcting, ordered by
 * frequency; our fast suggester uses the lower-case ones in the same order. */
static void read_try(lang_state *ls, const char *aff)
{
    FILE *f = fopen(aff, "rb");
    char line[1024];
    ls->ntry = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "TRY ", 4) != 0)
            continue;
        size_t n = strcspn(line + 4, "\r\n");
        for (size_t i = 4; i < 4 + n && ls->ntry < 64;) {
            uint32_t c;
            size_t k = utf8_decode(line + i, 4 + n - i, &c);
            if (!k)
                break;
            i += k;
            if (u_islower((UChar32)c) || c == '\'' || c == '-')
                ls->try_cp[ls->ntry++] = c;
        }
        break;
    }
    if (f)
        fclose(f);
}

/* Creates the dictionary's Hunspell handle and checks it with the probe word (under
 * create_lock). */
static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void create_handle(shared_dict *sd, tl_lang lang)
{
    double t0 = now_s();
    sd->h = Hunspell_create(sd->aff, sd->dic);
    sd->create_s = now_s() - t0;
    if (sd->h && !Hunspell_spell(sd->h, probe_word(lang))) {
        Hunspell_destroy(sd->h);
        sd->h = NULL;
    }
    atomic_store_explicit(&sd->hstate, 1, memory_order_release);
}

tl_status morph_load(tl_morph *m, tl_lang lang, tl_diags *d)
{
    lang_state *ls = &m->ls[lang];
    if (ls->ok)
        return TL_OK;
    if (ls->tried && !d)
        return TL_ERR_DICTIONARY;
    ls->tried = 1;
    tl_buf aff, dic, tried;
    tl_buf_init(&aff, 0);
    tl_buf_init(&dic, 0);
    tl_buf_init(&tried, 0);
    tl_status st = TL_OK;
    const char *name = dict_name(lang);
    if (!find_dict(m, name, &aff, &dic, &tried)) {
        diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX,
                  "cannot find the Hunspell dictionary '%s' (.aff and .dic) in: %s; install "
                  "hunspell-%s or use --dict-dir",
                  name, tried.data, lang == TL_LANG_UK ? "uk" : "ru");
        st = TL_ERR_DICTIONARY;
        goto out;
    }
    /* Debian's Hunspell 1.7.1 races when two handles are created at once; the lock
     * also makes the first of a context's threads load (and compile the word-form
     * table) while the others wait and then share what it loaded.
     * With a table that knows the probe word, Hunspell itself is created only when a
     * word first needs it (a word the table does not know, a slow suggestion): its
     * ~60 ms (ru) / ~250 ms (uk) are not paid by runs that never ask, such as an
     * empty input, and with threads one checks from the table while another loads. */
    pthread_mutex_lock(&create_lock);
    shared_dict *sd = &m->root->dicts[lang];
    if (!sd->tried) {
        sd->tried = 1;
        sd->aff = tl_strdup(aff.data);
        sd->dic = tl_strdup(dic.data);
        if (sd->aff && sd->dic && m->opt->use_wordtab)
            sd->tab = wordtab_open(aff.data, dic.data, m->opt->cache_dir, NULL);
        const char *probe = probe_word(lang);
        if (!wordtab_spell(sd->tab, probe, strlen(probe))) {
            create_handle(sd, lang);
            if (!sd->h) { /* the table came from a dictionary Hunspell cannot use */
                wordtab_close(sd->tab);
                sd->tab = NULL;
            }
        }
    }
    ls->ok = sd->tab || sd->h;
    ls->tab = sd->tab;
    ls->sd = sd;
    pthread_mutex_unlock(&create_lock);
    read_try(ls, aff.data);
    if (!ls->ok) {
        diags_add(d, TL_SEV_ERROR, dic.data, 0, 0, UINT64_MAX,
                  "the Hunspell dictionary '%s' is unusable (the probe word '%s' is unknown)",
                  dic.data, probe_word(lang));
        st = TL_ERR_DICTIONARY;
    }
out:
    tl_buf_release(&aff);
    tl_buf_release(&dic);
    tl_buf_release(&tried);
    return st;
}

int morph_ready(const tl_morph *m, tl_lang lang) { return m->ls[lang].ok; }

/* Loads the dictionary on first use; 1 when it is usable. */
static int ready(tl_morph *m, tl_lang lang)
{
    lang_state *ls = &m->ls[lang];
    if (!ls->ok && !ls->tried)
        morph_load(m, lang, NULL);
    return ls->ok;
}

/* Script, case shape and special letters of a new word. */
static void analyse(tl_word *w, const char *p, size_t len)
{
    size_t nletters = 0, nupper = 0, ncp = 0;
    int first = 1;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (!n) {
            i++;
            continue;
        }
        i += n;
        ncp++;
        if (c >= '0' && c <= '9') {
            w->flags |= WF_DIGIT;
            continue;
        }
        int letter, upper;
        if (c < 0x80) {
            letter = (c | 32) >= 'a' && (c | 32) <= 'z';
            upper = c >= 'A' && c <= 'Z';
            if (letter)
                w->script |= SCRIPT_LATIN;
        } else if (c >= 0x400 && c <= 0x52F) {
            letter = u_isalpha((UChar32)c);
            upper = u_isupper((UChar32)c);
            w->script |= SCRIPT_CYRILLIC;
            uint32_t lc = (uint32_t)u_tolower((UChar32)c);
            if (lc == 0x44B || lc == 0x44D || lc == 0x44A || lc == 0x451)
                w->flags |= WF_RU_LETTER;
            else if (lc == 0x456 || lc == 0x457 || lc == 0x454 || lc == 0x491)
                w->flags |= WF_UK_LETTER;
        } else {
            letter = u_isalpha((UChar32)c);
            upper = u_isupper((UChar32)c);
            if (letter) {
                UErrorCode e = U_ZERO_ERROR;
                UScriptCode sc = uscript_getScript((UChar32)c, &e);
                /* the Ukrainian apostrophe ʼ (U+02BC) and other Common/Inherited
                 * letters belong to no script of their own */
                if (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
                    w->script |= sc == USCRIPT_LATIN      ? SCRIPT_LATIN
                                 : sc == USCRIPT_CYRILLIC ? SCRIPT_CYRILLIC
                                 : sc == USCRIPT_GREEK    ? SCRIPT_GREEK
                                                          : SCRIPT_OTHER;
                /* the letters with tone marks of the Latin Extended Additional block,
                 * ơ ư đ ă, and â ê ô ĩ ũ: French and Portuguese share the circumflexes,
                 * but a Latin word with one in Russian or Ukrainian news about Vietnam
                 * is Vietnamese («Tô Lâm», «Hà Tĩnh»); à á é and the like are left out,
                 * being as common in French and Spanish names */
                if ((c >= 0x1EA0 && c <= 0x1EF9) || c == 0x1A0 || c == 0x1A1 || c == 0x1AF ||
                    c == 0x1B0 || c == 0x110 || c == 0x111 || c == 0x102 || c == 0x103 ||
                    c == 0xC2 || c == 0xE2 || c == 0xCA || c == 0xEA || c == 0xD4 || c == 0xF4 ||
                    c == 0x128 || c == 0x129 || c == 0x168 || c == 0x169)
                    w->flags |= WF_VI_LETTER;
            }
        }
        if (letter) {
            nletters++;
            nupper += upper != 0;
            if (first && upper)
                w->flags |= WF_CAP;
            first = 0;
        }
    }
    if (nletters >= 2 && nupper == nletters)
        w->flags |= WF_ALLCAPS;
    w->ncp = (uint8_t)(ncp > 255 ? 255 : ncp);
}

tl_word *morph_word(tl_morph *m, tl_lang lang, const char *p, size_t len)
{
    lang_state *ls = &m->ls[lang];
    m->lookups++;
    tl_word *w = tl_map_get(&ls->cache, p, len);
    if (w) {
        m->hits++;
        return w;
    }
    w = tl_arena_alloc(&m->mem, sizeof *w);
    if (!w)
        return NULL;
    tl_buf_reset(&m->tmp);
    if (norm_key(&m->tmp, p, len, lang == TL_LANG_RU) || m->tmp.oom)
        return NULL;
    w->key = tl_arena_strndup(&m->mem, m->tmp.data, m->tmp.len);
    w->keylen = (uint32_t)m->tmp.len;
    w->len = (uint32_t)len;
    analyse(w, p, len);
    const tl_map *acc = m->accept[lang];
    if (acc && tl_map_get(acc, w->key, w->keylen))
        w->flags |= WF_IN_GLOSSARY;
    w->surface = tl_map_put(&ls->cache, p, len, w);
    if (!w->key || !w->surface)
        return NULL;
    return w;
}

/* The dictionary's Hunspell handle, created on first use and locked for the caller
 * (who unlocks *held); NULL when Hunspell cannot use the dictionary. */
static Hunhandle *hun_take(tl_morph *m, tl_lang lang, pthread_mutex_t **held)
{
    shared_dict *sd = m->ls[lang].sd;
    if (!atomic_load_explicit(&sd->hstate, memory_order_acquire)) {
        pthread_mutex_lock(&create_lock);
        if (!atomic_load_explicit(&sd->hstate, memory_order_relaxed))
            create_handle(sd, lang);
        pthread_mutex_unlock(&create_lock);
    }
    if (!sd->h)
        return NULL;
    Hunhandle *h2 = atomic_load_explicit(&sd->h2, memory_order_acquire);
    if (!h2 && !sd->h2_tried && sd->create_s < 0.1 &&
        atomic_load_explicit(&sd->slow_busy, memory_order_relaxed)) {
        pthread_mutex_lock(&create_lock); /* another thread's slow call holds the handle */
        if (!sd->h2_tried) {
            sd->h2_tried = 1;
            atomic_store_explicit(&sd->h2, Hunspell_create(sd->aff, sd->dic), memory_order_release);
        }
        pthread_mutex_unlock(&create_lock);
        h2 = atomic_load_explicit(&sd->h2, memory_order_acquire);
    }
    if (h2) {
        if (!pthread_mutex_trylock(&sd->mu)) {
            *held = &sd->mu;
            return sd->h;
        }
        if (!pthread_mutex_trylock(&sd->mu2)) {
            *held = &sd->mu2;
            return h2;
        }
    }
    pthread_mutex_lock(&sd->mu);
    *held = &sd->mu;
    return sd->h;
}

/* 1 or 0; -1 when Hunspell cannot be created */
static int hun_spell(tl_morph *m, tl_lang lang, const char *s)
{
    pthread_mutex_t *held;
    Hunhandle *h = hun_take(m, lang, &held);
    if (!h)
        return -1;
    int ok = Hunspell_spell(h, s);
    pthread_mutex_unlock(held);
    return ok;
}

/* Spells s; for Russian a form with ё the dictionary lacks is retried with е. */
static int spell_raw(tl_morph *m, tl_lang lang, const char *s)
{
    /* the table's "yes" is certain and ~10-25x cheaper than Hunspell; so is its "no"
     * for plain words (wordtab_check), and the rest is Hunspell's to say */
    int r = wordtab_check(m->ls[lang].tab, s, strlen(s));
    if (r < 0)
        r = hun_spell(m, lang, s);
    if (r)
        return r > 0 ? SPELL_OK : SPELL_UNKNOWN;
    if (lang == TL_LANG_RU && (strstr(s, "ё") || strstr(s, "Ё"))) {
        tl_buf_reset(&m->tmp);
        for (const char *q = s; *q;) {
            if (strncmp(q, "ё", 2) == 0 || strncmp(q, "Ё", 2) == 0) {
                tl_buf_adds(&m->tmp, q[1] == '\x91' ? "е" : "Е");
                q += 2;
            } else {
                tl_buf_addc(&m->tmp, *q++);
            }
        }
        if (!m->tmp.oom) {
            r = wordtab_check(m->ls[lang].tab, m->tmp.data, m->tmp.len);
            if (r > 0 || (r < 0 && hun_spell(m, lang, m->tmp.data) > 0))
                return SPELL_OK;
        }
    }
    return SPELL_BAD;
}

int morph_spell(tl_morph *m, tl_lang lang, tl_word *w)
{
    if (w->spell)
        return w->spell;
    if (w->flags & (WF_IN_GLOSSARY | WF_USER_WORD))
        return w->spell = SPELL_OK;
    if (!ready(m, lang))
        return SPELL_UNKNOWN;
    w->spell = (uint8_t)spell_raw(m, lang, w->surface);
    return w->spell;
}

int morph_spell_lower(tl_morph *m, tl_lang lang, tl_word *w)
{
    if (w->spell_lower)
        return w->spell_lower;
    if (w->flags & (WF_IN_GLOSSARY | WF_USER_WORD))
        return w->spell_lower = SPELL_OK;
    if (!ready(m, lang))
        return SPELL_UNKNOWN;
    /* the key is the lower-cased form (ё kept apart for uk; ru keys map ё to е, which
     * the dictionary spells anyway) */
    w->spell_lower = (uint8_t)spell_raw(m, lang, w->key);
    return w->spell_lower;
}

int morph_spell_other(tl_morph *m, tl_lang lang, tl_word *w)
{
    if (w->other_lang)
        return w->other_lang;
    tl_lang other = lang == TL_LANG_RU ? TL_LANG_UK : TL_LANG_RU;
    if (!ready(m, other))
        return SPELL_UNKNOWN;
    w->other_lang = (uint8_t)spell_raw(m, other, w->key);
    return w->other_lang;
}

int morph_spell_str(tl_morph *m, tl_lang lang, const char *s)
{
    return ready(m, lang) ? spell_raw(m, lang, s) : SPELL_UNKNOWN;
}

int morph_stems(tl_morph *m, tl_lang lang, const char *s, void (*fn)(void *arg, const char *stem),
                void *arg)
{
    if (!ready(m, lang))
        return 0;
    /* the table's stems are Hunspell_stem's where it answers (make wordtab-check), at
     * ~1 µs instead of 8-15 */
    int n = wordtab_stems(m->ls[lang].tab, s, strlen(s), fn, arg);
    if (n >= 0)
        return n;
    /* the stems are copied out so that `fn` runs without the dictionary's lock */
    char **list = NULL;
    tl_buf b;
    tl_buf_init(&b, 0);
    pthread_mutex_t *held;
    Hunhandle *h = hun_take(m, lang, &held);
    if (!h) {
        tl_buf_release(&b);
        return 0;
    }
    n = Hunspell_stem(h, &list, s);
    for (int i = 0; i < n; i++)
        tl_buf_add(&b, list[i], strlen(list[i]) + 1);
    if (n > 0)
        Hunspell_free_list(h, &list, n);
    pthread_mutex_unlock(held);
    for (size_t off = 0; !b.oom && off < b.len; off += strlen(b.data + off) + 1)
        fn(arg, b.data + off);
    tl_buf_release(&b);
    return b.oom ? 0 : n;
}

void morph_count_suggested(tl_morph *m) { m->suggested++; }

uint64_t morph_suggested(const tl_morph *m) { return m->suggested; }

void morph_stats(const tl_morph *m, uint64_t *lookups, uint64_t *hits)
{
    *lookups = m->lookups;
    *hits = m->hits;
}

void *morph_alloc(tl_morph *m, size_t n) { return tl_arena_alloc(&m->mem, n); }

/* ---- for the suggestion engine (suggest.c, morph_p.h) --------------------------- */

int morph_ready_for(tl_morph *m, tl_lang lang) { return ready(m, lang); }

int morph_spell_raw(tl_morph *m, tl_lang lang, const char *s) { return spell_raw(m, lang, s); }

const wordtab *morph_table(const tl_morph *m, tl_lang lang) { return m->ls[lang].tab; }

const uint32_t *morph_try_letters(const tl_morph *m, tl_lang lang, int *n)
{
    *n = m->ls[lang].ntry;
    return m->ls[lang].try_cp;
}

tl_arena *morph_mem(tl_morph *m) { return &m->mem; }

int morph_slow_suggest(tl_morph *m, tl_lang lang, const char *word, const char **out, int max)
{
    pthread_mutex_t *mu;
    Hunhandle *h = hun_take(m, lang, &mu);
    if (!h)
        return 0;
    shared_dict *sd = m->ls[lang].sd;
    /* a slow call holds the handle for 60-120 ms: say so, so that another thread that
     * needs the dictionary meanwhile may make the second handle (hun_take) */
    int main_handle = mu == &sd->mu;
    if (main_handle)
        atomic_store_explicit(&sd->slow_busy, 1, memory_order_relaxed);
    char **list = NULL;
    int total = Hunspell_suggest(h, &list, word), n = 0;
    if (main_handle)
        atomic_store_explicit(&sd->slow_busy, 0, memory_order_relaxed);
    for (int i = 0; i < total && n < max; i++) {
        char *c = tl_arena_strdup(&m->mem, list[i]);
        if (c)
            out[n++] = c;
    }
    if (total > 0)
        Hunspell_free_list(h, &list, total);
    pthread_mutex_unlock(mu);
    return n;
}
