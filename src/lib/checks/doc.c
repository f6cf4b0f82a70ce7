/*
 * doc.c - how checks report: findings collected during a check, in the document's
 * arena. They are resolved (sorted, one per span) and turned into the public result
 * by result.c once every family has run.
 */
#include "doc.h"

#include <string.h>

/* A message longer than this (a glossary's own message can be any length) is cut: the
 * quotes of the text are cut sooner (doc_quote). */
#define MAX_MESSAGE 2048

/* Bytes of the first `ncp` code points of p[0, len) (all when there are fewer). */
static size_t cut_cp(const char *p, size_t len, size_t ncp)
{
    size_t i = 0;
    for (size_t k = 0; i < len && k < ncp; k++) {
        i++;
        while (i < len && ((unsigned char)p[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* fmt formatted into the document's arena, at most MAX_MESSAGE bytes and "…"; NULL (and
 * d->oom set) when out of memory. */
static char *vformat(tl_doc *d, const char *fmt, va_list ap)
{
    tl_buf *b = d->scratch;
    tl_buf_reset(b);
    tl_buf_vprintf(b, fmt, ap);
    if (!b->oom && b->len > MAX_MESSAGE) {
        b->len = cut_cp(b->data, MAX_MESSAGE, SIZE_MAX);
        while (b->len && ((unsigned char)b->data[b->len] & 0xC0) == 0x80)
            b->len--;
        tl_buf_adds(b, "…");
    }
    char *s = b->oom ? NULL : tl_arena_strndup(&d->mem, b->data, b->len);
    if (!s)
        d->oom = 1;
    return s;
}

tl_ifinding *doc_add(tl_doc *d, tl_rule r, size_t off, size_t len, const char *fmt, ...)
{
    if (r == TL_RULE_LIMIT)
        d->gave_up = 1; /* not checked whole: tl_check says so, whatever the severity */
    if ((unsigned)r >= TL_RULE_COUNT || d->severity[r] == TL_SEV_OFF)
        return NULL;
    if (TL_GROW(d->f, d->nf, d->cap_f, 64)) {
        d->oom = 1;
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(d, fmt, ap);
    va_end(ap);
    if (!msg)
        return NULL;
    tl_ifinding *f = &d->f[d->nf++];
    memset(f, 0, sizeof *f);
    f->off = off;
    f->len = len;
    f->rule = r;
    f->severity = d->severity[r];
    f->message = msg;
    return f;
}

void doc_suggest(tl_doc *d, tl_ifinding *f, const char *s, size_t n)
{
    for (size_t i = 0; i < f->nsuggestions; i++)
        if (strlen(f->suggestions[i]) == n && memcmp(f->suggestions[i], s, n) == 0)
            return;
    const char **p = tl_arena_push(&d->mem, f->suggestions, f->nsuggestions, sizeof *p);
    char *c = tl_arena_strndup(&d->mem, s, n);
    if (!p || !c) {
        d->oom = 1;
        return;
    }
    p[f->nsuggestions++] = c;
    f->suggestions = p;
}

void doc_suggestf(tl_doc *d, tl_ifinding *f, const char *fmt, ...)
{
    if (!f)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(d, fmt, ap);
    va_end(ap);
    if (s)
        doc_suggest(d, f, s, strlen(s));
}

int doc_rule_on(const tl_doc *d, tl_rule r)
{
    return (unsigned)r < TL_RULE_COUNT && d->severity[r] != TL_SEV_OFF;
}

const char *doc_flat(tl_doc *d, size_t off, size_t len)
{
    tl_buf *b = d->scratch;
    tl_buf_reset(b);
    utf8_add_flat(b, d->src.text + off, len);
    const char *s = b->oom ? NULL : tl_arena_strndup(&d->mem, b->data, b->len);
    if (!s)
        d->oom = 1;
    return s;
}

const char *doc_quote(tl_doc *d, const char *p, size_t len)
{
    size_t n = cut_cp(p, len, TL_QUOTE_CP);
    char *s =
        n == len ? tl_arena_strndup(&d->mem, p, n) : tl_arena_printf(&d->mem, "%.*s…", (int)n, p);
    if (!s)
        d->oom = 1;
    return s ? s : "";
}

const char *doc_capitalised(tl_doc *d, const char *s)
{
    uint32_t c;
    size_t n = s[0] ? utf8_decode(s, strlen(s), &c) : 0;
    if (!n)
        return s;
    uint32_t up = c >= 0x430 && c <= 0x44F   ? c - 0x20
                  : c >= 0x450 && c <= 0x45F ? c - 0x50
                  : c >= 'a' && c <= 'z'     ? c - 0x20
                  : c == 0x491               ? 0x490 /* ґ */
                                             : c;
    if (up == c)
        return s;
    char enc[4];
    size_t k = utf8_encode(up, enc);
    size_t rest = strlen(s + n);
    char *out = tl_arena_alloc(&d->mem, k + rest + 1);
    if (!out)
        return s;
    memcpy(out, enc, k);
    memcpy(out + k, s + n, rest + 1);
    return out;
}

/* Adjective endings per language (see doc.h). */
int doc_adjective_like(tl_lang lang, const char *key, size_t n)
{
    static const char *const ru[] = {"ыми", "ими", "ого", "его", "ому", "ему", "ый", "ий", "ой",
                                     "ая",  "яя",  "ое",  "ее",  "ые",  "ие",  "ым", "им", "ом",
                                     "ем",  "ую",  "юю",  "ых",  "их",  "ей",  NULL};
    static const char *const uk[] = {"ими", "іми", "ого", "ому", "ього", "ьому", "ий",  "ій", "им",
                                     "ім",  "ої",  "ою",  "их",  "іх",   "на",   "не",  "ну", "ні",
                                     "ля",  "ле",  "ка",  "ке",  "ку",   "ова",  "ове", NULL};
    for (const char *const *e = lang == TL_LANG_UK ? uk : ru; *e; e++) {
        size_t m = strlen(*e);
        if (m < n && !memcmp(key + n - m, *e, m))
            return 1;
    }
    return 0;
}
