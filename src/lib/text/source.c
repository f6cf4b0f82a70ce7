/*
 * source.c - stage 1: bytes in.
 *
 * Validates UTF-8 (strict: no overlongs, surrogates or code points above U+10FFFF),
 * finds NUL bytes, skips a BOM and builds the line index, all in one pass. Bad bytes
 * are recorded (with their offsets) and replaced by spaces in a private copy, so the
 * later stages see valid text with unchanged byte offsets and the rest of the file is
 * still checked. The copy is made only when there is something to replace: clean input
 * is borrowed as is.
 *
 * Lines end at LF, CR LF or a lone CR. Positions: line 1-based, column 1-based in code
 * points, offsets 0-based bytes from the start of the input (a BOM counts in offsets
 * but not in columns).
 */
#include "source.h"

#include <string.h>

#define MAX_BAD_RECORDED 100

static int push_line(tl_source *s, size_t off)
{
    if (TL_GROW(s->lines, s->nlines, s->cap_lines, 256))
        return -1;
    s->lines[s->nlines++] = off;
    return 0;
}

static int note_bad(tl_source *s, size_t off, size_t n, int nul)
{
    if (!s->copy) {
        s->copy = tl_malloc(s->len ? s->len : 1);
        if (!s->copy)
            return -1;
        memcpy(s->copy, s->text, s->len);
        s->text = s->copy;
    }
    memset(s->copy + off, ' ', n);
    s->nbad++;
    if (s->nbad_recorded < MAX_BAD_RECORDED) {
        s->bad[s->nbad_recorded].off = off;
        s->bad[s->nbad_recorded].len = n;
        s->bad[s->nbad_recorded].nul = nul;
        s->nbad_recorded++;
    }
    return 0;
}

/* Length of the invalid sequence at p: the lead byte plus the continuation bytes that
 * follow it, so one broken character is one error, not several. */
static size_t bad_len(const unsigned char *p, size_t avail)
{
    size_t n = 1;
    while (n < avail && n < 4 && (p[n] & 0xC0) == 0x80)
        n++;
    return n;
}

tl_status source_init(tl_source *s, const char *text, size_t len)
{
    return source_init_with(s, text, len, NULL, NULL);
}

tl_status source_init_with(tl_source *s, const char *text, size_t len,
                           void (*consumed)(void *arg, size_t upto), void *arg)
{
    return source_init_part(s, text, len, consumed, arg, 1);
}

tl_status source_init_part(tl_source *s, const char *text, size_t len,
                           void (*consumed)(void *arg, size_t upto), void *arg, int bom)
{
    memset(s, 0, sizeof *s);
    s->consumed = consumed;
    s->consumed_arg = arg;
    s->orig = text;
    s->text = text;
    s->len = len;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    if (bom && len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = s->start = 3;
    s->segs = tl_malloc(sizeof *s->segs);
    if (!s->segs || push_line(s, 0))
        return TL_ERR_NOMEM;
    s->segs[0].start = s->start;
    s->segs[0].limit = len;
    s->nsegs = 1;
    size_t told = 0;
    while (i < len) {
        if (i - told >= TL_PASS_BLOCK) {
            source_consumed(s, i);
            told = i;
        }
        unsigned c = u[i];
        if (c >= 0x20 && c < 0x80) { /* the common case first */
            i++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < len && u[i + 1] == '\n')
                i++;
            i++;
            if (push_line(s, i))
                return TL_ERR_NOMEM;
            continue;
        }
        if (c == 0) {
            if (note_bad(s, i, 1, 1))
                return TL_ERR_NOMEM;
            i++;
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(text + i, len - i, &cp);
        if (!n) {
            n = bad_len(u + i, len - i);
            if (note_bad(s, i, n, 0))
                return TL_ERR_NOMEM;
        }
        i += n;
    }
    source_consumed(s, len);
    return TL_OK;
}

void source_release(tl_source *s)
{
    tl_free(s->copy);
    tl_free(s->lines);
    tl_free(s->segs);
    memset(s, 0, sizeof *s);
}

size_t source_line_of(const tl_source *s, size_t off)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t source_line_end(const tl_source *s, size_t line)
{
    size_t end = line + 1 < s->nlines ? s->lines[line + 1] : s->len;
    while (end > s->lines[line] && (s->text[end - 1] == '\n' || s->text[end - 1] == '\r'))
        end--;
    return end;
}

void source_pos_init(tl_source_pos *p) { memset(p, 0, sizeof *p); }

void source_linecol(const tl_source *s, tl_source_pos *cur, size_t off, unsigned *line,
                    unsigned *col)
{
    size_t l = source_line_of(s, off);
    size_t ls = s->lines[l];
    if (l == 0 && ls < s->start)
        ls = s->start;
    if (off < ls)
        off = ls;
    /* Findings arrive in offset order: count code points from the last position on the
     * same line instead of from the line start, so a single 100 MB line stays linear. */
    if (!cur || cur->line != l || cur->off > off || cur->off < ls) {
        if (cur) {
            cur->line = l;
            cur->off = ls;
            cur->col = 0;
        }
    }
    size_t from = cur ? cur->off : ls, ncp = cur ? cur->col : 0;
    ncp += utf8_count(s->text + from, off - from);
    if (cur) {
        cur->off = off;
        cur->col = ncp;
    }
    *line = (unsigned)(l + 1);
    *col = (unsigned)(ncp + 1);
}
