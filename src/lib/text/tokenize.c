/*
 * tokenize.c - stage 2: ICU word breaks over the UTF-8 text -> tokens.
 *
 * We iterate a UTF-8 UText so break positions are byte offsets into the source and
 * tokens stay views into it (no UTF-16 copy, no offset mapping). ICU's rule status
 * says whether a segment is a word (letters), a number or neither; neither is white
 * space (folded into the next token's flags) or punctuation (one token per segment).
 *
 * Token flags carry what checks need about the surroundings: a line or paragraph
 * starts here, a sentence starts here (first word of the text, of a line, or after
 * . ! ? …), the token is part of a URL or e-mail address, its line is all capitals.
 */
#include "tokenize.h"

#include "morph.h"
#include "textclass.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

void *tokenize_brk_new(void)
{
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *b = ubrk_open(UBRK_WORD, "ru", NULL, 0, &e);
    if (U_FAILURE(e)) {
        ubrk_close(b);
        return NULL;
    }
    return b;
}

void tokenize_brk_free(void *brk) { ubrk_close(brk); }

size_t tokenize_chunk_end(const tl_source *s, size_t start)
{
    if (s->len - start <= TL_CHUNK_BYTES)
        return s->len;
    size_t target = start + TL_CHUNK_BYTES;
    size_t l = source_line_of(s, target) + 1;
    for (size_t k = l; k < s->nlines && k < l + 200; k++) /* prefer a paragraph break */
        if (source_line_end(s, k) == s->lines[k])
            return s->lines[k];
    if (l < s->nlines)
        return s->lines[l];
    /* one huge line: cut at white space, else at a code point boundary */
    for (size_t i = target; i < s->len && i < target + 65536; i++)
        if (s->text[i] == ' ' || s->text[i] == '\t')
            return i + 1;
    while (target < s->len && ((unsigned char)s->text[target] & 0xC0) == 0x80)
        target++;
    return target;
}

/* Classifies a NONE segment: counts line breaks when it is all white space. */
static int whitespace(const char *p, size_t len, int *nl)
{
    *nl = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (!n)
            return 0;
        if (c == '\n')
            (*nl)++;
        else if (c == '\r') {
            if (!(i + 1 < len && p[i + 1] == '\n'))
                (*nl)++;
        } else if (!tc_space(c))
            return 0;
        i += n;
    }
    return 1;
}

static int push(tl_doc *d, size_t off, size_t len, int kind, unsigned flags)
{
    if (d->ntok == d->cap_tok) {
        size_t cap = d->cap_tok ? d->cap_tok * 2 : 4096;
        tl_token *t = tl_realloc(d->tok, cap * sizeof *t);
        if (!t)
            return -1;
        d->tok = t;
        d->cap_tok = cap;
    }
    tl_token *t = &d->tok[d->ntok++];
    t->off = off;
    t->len = (uint32_t)len;
    t->kind = (uint8_t)kind;
    t->pad = 0;
    t->flags = (uint16_t)flags;
    t->w = NULL;
    return 0;
}

static int ascii_ieq(const char *p, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 32) != lit[i])
            return 0;
    return 1;
}

/* Marks tokens from index `from` whose start lies before byte `end` as URL. */
static void mark_url(tl_doc *d, size_t from, size_t end)
{
    for (size_t i = from; i < d->ntok && d->tok[i].off < end; i++)
        d->tok[i].flags |= TF_URL;
}

static size_t span_end(const tl_doc *d, size_t off, size_t limit)
{
    const char *t = d->src.text;
    while (off < limit && t[off] != ' ' && t[off] != '\n' && t[off] != '\r' && t[off] != '\t')
        off++;
    /* trailing sentence punctuation is not part of the address */
    while (off > 0 && strchr(".,;:!?)»\"'", t[off - 1]))
        off--;
    return off;
}

/* URLs (http://, https://, ftp://, www.) and e-mail addresses: their tokens get
 * TF_URL so that no check reads them as words. */
static void find_urls(tl_doc *d, size_t first, size_t limit)
{
    const char *t = d->src.text;
    size_t url_end = 0;
    for (size_t i = first; i < d->ntok; i++) {
        tl_token *k = &d->tok[i];
        if (k->off < url_end) {
            k->flags |= TF_URL;
            continue;
        }
        if (k->kind == TK_WORD && (ascii_ieq(t + k->off, k->len, "http") ||
                                   ascii_ieq(t + k->off, k->len, "https") ||
                                   ascii_ieq(t + k->off, k->len, "ftp") ||
                                   ascii_ieq(t + k->off, k->len, "www"))) {
            size_t after = k->off + k->len;
            if (after + 1 < limit && (t[after] == ':' || t[after] == '.')) {
                url_end = span_end(d, k->off, limit);
                k->flags |= TF_URL;
            }
        } else if (k->kind == TK_WORD && memchr(t + k->off, '@', k->len)) {
            /* ICU keeps «name@example.org» as one word */
            size_t j = i;
            while (j > first && !(d->tok[j].flags & TF_SPACE_BEFORE))
                j--;
            url_end = span_end(d, k->off, limit);
            mark_url(d, j, url_end);
        } else if (k->kind == TK_PUNCT && k->len == 1 && t[k->off] == '@' &&
                   !(k->flags & TF_SPACE_BEFORE) && i + 1 < d->ntok &&
                   !(d->tok[i + 1].flags & TF_SPACE_BEFORE) && i > first) {
            size_t j = i;
            while (j > first && !(d->tok[j].flags & TF_SPACE_BEFORE))
                j--;
            url_end = span_end(d, k->off, limit);
            mark_url(d, j, url_end);
        }
    }
}

/* A line whose words are all in capitals (a headline): its words are spelled in
 * lower case and not taken for names or abbreviations. */
static void mark_caps_lines(tl_doc *d, size_t first)
{
    size_t i = first;
    while (i < d->ntok) {
        size_t j = i + 1;
        while (j < d->ntok && !(d->tok[j].flags & TF_LINE_START))
            j++;
        size_t words = 0, caps = 0;
        for (size_t k = i; k < j; k++) {
            const tl_word *w = d->tok[k].w;
            if (d->tok[k].kind != TK_WORD || !w || (w->flags & WF_DIGIT))
                continue;
            words++;
            caps += (w->flags & WF_ALLCAPS) || (w->ncp == 1 && (w->flags & WF_CAP));
        }
        if (words >= 3 && caps == words)
            for (size_t k = i; k < j; k++)
                d->tok[k].flags |= TF_CAPS_LINE;
        i = j;
    }
}

static int is_terminal(const char *p, size_t len)
{
    return (len == 1 && (*p == '.' || *p == '!' || *p == '?')) ||
           (len == 3 && memcmp(p, "…", 3) == 0);
}

tl_status tokenize_chunk(tl_doc *d, tl_tok_state *st, size_t start, size_t end)
{
    UErrorCode e = U_ZERO_ERROR;
    const char *text = d->src.text;
    d->ntok = 0;
    d->chunk_start = start;
    d->chunk_end = end;
    UText *ut = utext_openUTF8(NULL, text + start, (int64_t)(end - start), &e);
    ubrk_setUText(d->ctx->brk, ut, &e);
    if (U_FAILURE(e)) {
        utext_close(ut);
        return TL_ERR_NOMEM;
    }
    UBreakIterator *bi = d->ctx->brk;
    unsigned pending = st->started ? 0 : TF_LINE_START | TF_PARA_START | TF_NEWLINE_BEFORE;
    if (!st->started)
        st->sent_pending = 1;
    st->started = 1;
    /* a chunk begins at a line start (except inside one huge line) */
    if (start > 0 && (text[start - 1] == '\n' || text[start - 1] == '\r'))
        pending |= TF_LINE_START | TF_NEWLINE_BEFORE;
    int32_t prev = ubrk_first(bi);
    for (int32_t next = ubrk_next(bi); next != UBRK_DONE; prev = next, next = ubrk_next(bi)) {
        size_t off = start + (size_t)prev, len = (size_t)(next - prev);
        int32_t status = ubrk_getRuleStatus(bi);
        int kind;
        if (status >= UBRK_WORD_LETTER)
            kind = TK_WORD;
        else if (status >= UBRK_WORD_NUMBER)
            kind = TK_NUMBER;
        else {
            int nl;
            if (whitespace(text + off, len, &nl)) {
                pending |= TF_SPACE_BEFORE;
                if (nl)
                    pending |= TF_LINE_START | TF_NEWLINE_BEFORE;
                if (nl >= 2)
                    pending |= TF_PARA_START;
                continue;
            }
            kind = TK_PUNCT;
        }
        if (pending & TF_LINE_START)
            st->sent_pending = 1;
        unsigned flags = pending;
        pending = 0;
        if (kind == TK_WORD && st->sent_pending) {
            flags |= TF_SENT_START;
            st->sent_pending = 0;
        } else if (kind == TK_NUMBER) {
            st->sent_pending = 0;
        } else if (kind == TK_PUNCT && is_terminal(text + off, len)) {
            st->sent_pending = 1;
        }
        if (push(d, off, len, kind, flags))
            goto nomem;
        if (kind == TK_WORD) {
            tl_token *t = &d->tok[d->ntok - 1];
            t->w = morph_word(d->ctx->morph, d->lang, text + off, len);
            if (!t->w)
                goto nomem;
            d->nwords++;
        }
    }
    utext_close(ut);
    find_urls(d, 0, end);
    mark_caps_lines(d, 0);
    return TL_OK;
nomem:
    utext_close(ut);
    return TL_ERR_NOMEM;
}
