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
 * . ! ? … but not after the full stop of an initial), the token is part of a URL or e-mail address, its line is all capitals.
 */
#include "tokenize.h"

#include "textclass.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct tl_tokenizer {
    UBreakIterator *bi;
};

tl_tokenizer *tokenize_new(void)
{
    tl_tokenizer *tz = tl_calloc(1, sizeof *tz);
    if (!tz)
        return NULL;
    UErrorCode e = U_ZERO_ERROR;
    tz->bi = ubrk_open(UBRK_WORD, "ru", NULL, 0, &e);
    if (U_FAILURE(e)) {
        tokenize_free(tz);
        return NULL;
    }
    return tz;
}

void tokenize_free(tl_tokenizer *tz)
{
    if (!tz)
        return;
    ubrk_close(tz->bi);
    tl_free(tz);
}

static size_t chunk_end(const tl_source *s, size_t start, size_t limit)
{
    if (limit - start <= TL_CHUNK_BYTES)
        return limit;
    size_t target = start + TL_CHUNK_BYTES;
    size_t l = source_line_of(s, target) + 1;
    for (size_t k = l; k < s->nlines && k < l + 200; k++) /* prefer a paragraph break */
        if (source_line_end(s, k) == s->lines[k])
            return s->lines[k];
    if (l < s->nlines)
        return s->lines[l];
    /* one huge line: cut at white space, else at a code point boundary */
    for (size_t i = target; i < limit && i < target + 65536; i++)
        if (s->text[i] == ' ' || s->text[i] == '\t')
            return i + 1;
    while (target < limit && ((unsigned char)s->text[target] & 0xC0) == 0x80)
        target++;
    return target;
}

size_t tokenize_chunk_end(const tl_source *s, size_t start, size_t limit)
{
    size_t end = chunk_end(s, start, limit);
    return end < limit ? end : limit;
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

static int push(tl_tokens *tk, size_t off, size_t len, int kind, unsigned flags)
{
    if (TL_GROW(tk->tok, tk->ntok, tk->cap, 4096))
        return -1;
    tl_token *t = &tk->tok[tk->ntok++];
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
static void mark_url(tl_tokens *tk, size_t from, size_t end)
{
    for (size_t i = from; i < tk->ntok && tk->tok[i].off < end; i++)
        tk->tok[i].flags |= TF_URL;
}

static size_t span_end(const char *t, size_t off, size_t limit)
{
    while (off < limit && t[off] != ' ' && t[off] != '\n' && t[off] != '\r' && t[off] != '\t')
        off++;
    /* trailing sentence punctuation is not part of the address */
    while (off > 0 && strchr(".,;:!?)»\"'", t[off - 1]))
        off--;
    return off;
}

/* URLs (http://, https://, ftp://, www.) and e-mail addresses: their tokens get
 * TF_URL so that no check reads them as words. */
static void find_urls(tl_tokens *tk, const char *t, size_t first, size_t limit)
{
    size_t url_end = 0;
    for (size_t i = first; i < tk->ntok; i++) {
        tl_token *k = &tk->tok[i];
        if (k->off < url_end) {
            k->flags |= TF_URL;
            continue;
        }
        if (k->kind == TK_WORD &&
            (ascii_ieq(t + k->off, k->len, "http") || ascii_ieq(t + k->off, k->len, "https") ||
             ascii_ieq(t + k->off, k->len, "ftp") || ascii_ieq(t + k->off, k->len, "www"))) {
            size_t after = k->off + k->len;
            if (after + 1 < limit && (t[after] == ':' || t[after] == '.')) {
                url_end = span_end(t, k->off, limit);
                k->flags |= TF_URL;
            }
        } else if (k->kind == TK_WORD && memchr(t + k->off, '@', k->len)) {
            /* ICU keeps «name@example.org» as one word */
            size_t j = i;
            while (j > first && !(tk->tok[j].flags & TF_SPACE_BEFORE))
                j--;
            url_end = span_end(t, k->off, limit);
            mark_url(tk, j, url_end);
        } else if (k->kind == TK_PUNCT && k->len == 1 && t[k->off] == '@' &&
                   !(k->flags & TF_SPACE_BEFORE) && i + 1 < tk->ntok &&
                   !(tk->tok[i + 1].flags & TF_SPACE_BEFORE) && i > first) {
            size_t j = i;
            while (j > first && !(tk->tok[j].flags & TF_SPACE_BEFORE))
                j--;
            url_end = span_end(t, k->off, limit);
            mark_url(tk, j, url_end);
        }
    }
}

/* A line whose words are all in capitals (a headline): its words are spelled in
 * lower case and not taken for names or abbreviations. */
static void mark_caps_lines(tl_tokens *tk, size_t first)
{
    size_t i = first;
    while (i < tk->ntok) {
        size_t j = i + 1;
        while (j < tk->ntok && !(tk->tok[j].flags & TF_LINE_START))
            j++;
        size_t words = 0, caps = 0;
        for (size_t k = i; k < j; k++) {
            const tl_word *w = tk->tok[k].w;
            if (tk->tok[k].kind != TK_WORD || !w || (w->flags & WF_DIGIT))
                continue;
            words++;
            caps += (w->flags & WF_ALLCAPS) || (w->ncp == 1 && (w->flags & WF_CAP));
        }
        if (words >= 3 && caps == words)
            for (size_t k = i; k < j; k++)
                tk->tok[k].flags |= TF_CAPS_LINE;
        i = j;
    }
}

static int is_terminal(const char *p, size_t len)
{
    return (len == 1 && (*p == '.' || *p == '!' || *p == '?')) ||
           (len == 3 && memcmp(p, "…", 3) == 0);
}

/* The full stop at `off` closes an initial: one capital letter standing alone before it
 * inside a line («Джона Ф. Кеннеди», «писатель А. С. Пушкин»). No sentence ends there:
 * a sentence that ends on a lone capital letter is rare, and the name after an initial
 * is common. At a line start it is more often a list label («А. Общие положения»). */
static int after_initial(const tl_tokens *tk, const char *text, size_t off, size_t len)
{
    if (len != 1 || text[off] != '.' || !tk->ntok)
        return 0;
    const tl_token *p = &tk->tok[tk->ntok - 1];
    return p->kind == TK_WORD && p->w && p->w->ncp == 1 && (p->w->flags & WF_CAP) &&
           p->off + p->len == off && (p->flags & TF_SPACE_BEFORE) && !(p->flags & TF_LINE_START);
}

/* Appends the token at [off, off+len) of kind `kind` whose segment status ICU gave, and
 * carries the sentence state; for a word, looks its record up. */
static int add_token(tl_tokens *tk, const char *text, size_t off, size_t len, int kind,
                     unsigned flags, const tl_word_lookup *lookup)
{
    if (kind == TK_WORD && tk->sent_pending) {
        flags |= TF_SENT_START;
        tk->sent_pending = 0;
    } else if (kind == TK_NUMBER) {
        tk->sent_pending = 0;
    } else if (kind == TK_PUNCT && is_terminal(text + off, len) &&
               !after_initial(tk, text, off, len)) {
        tk->sent_pending = 1;
    }
    if (push(tk, off, len, kind, flags))
        return -1;
    if (kind != TK_WORD)
        return 0;
    tl_token *t = &tk->tok[tk->ntok - 1];
    t->w = lookup->fn(lookup->arg, text + off, len);
    tk->nwords++;
    return t->w ? 0 : -1;
}

tl_status tokenize_chunk(tl_tokenizer *tz, const tl_source *s, size_t start, size_t end,
                         const tl_word_lookup *lookup, tl_tokens *tk)
{
    UErrorCode e = U_ZERO_ERROR;
    const char *text = s->text;
    tk->ntok = 0;
    UText *ut = utext_openUTF8(NULL, text + start, (int64_t)(end - start), &e);
    UBreakIterator *bi = tz->bi;
    ubrk_setUText(bi, ut, &e);
    if (U_FAILURE(e)) {
        utext_close(ut);
        return TL_ERR_NOMEM;
    }
    unsigned pending = tk->started ? 0 : TF_LINE_START | TF_PARA_START | TF_NEWLINE_BEFORE;
    if (!tk->started)
        tk->sent_pending = 1;
    tk->started = 1;
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
            tk->sent_pending = 1;
        unsigned flags = pending;
        pending = 0;
        if (add_token(tk, text, off, len, kind, flags, lookup)) {
            utext_close(ut);
            return TL_ERR_NOMEM;
        }
    }
    utext_close(ut);
    find_urls(tk, text, 0, end);
    mark_caps_lines(tk, 0);
    return TL_OK;
}
