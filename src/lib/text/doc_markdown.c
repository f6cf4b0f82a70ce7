/*
 * doc_markdown.c - the Markdown reader (docmask_p.h): md4c (Debian's libmd4c) finds
 * the prose, this file copies it into the masked text.
 *
 * md4c hands every piece of text over with a pointer into the input, so a piece's byte
 * offset is exact without any bookkeeping of ours; its type says what the piece is:
 *
 *   MD_TEXT_NORMAL            prose: copied (paragraphs, headings, list items, table
 *                             cells, link texts, image alt texts, emphasis)
 *   MD_TEXT_ENTITY            decoded in place (dm_put), else left masked
 *   MD_TEXT_CODE, _LATEXMATH  code spans and blocks: masked
 *   MD_TEXT_HTML              an HTML block: read by the HTML reader (doc_html.c);
 *                             inline HTML and comments: masked, except a comment
 *                             holding a termlint- suppression marker, kept as it is so
 *                             that core/suppress.c finds it where it was
 *   MD_TEXT_BR, _SOFTBR,      not in the input (md4c's own "\n" and U+FFFD): the line
 *   _NULLCHAR                 breaks are kept in the masked text anyway
 *
 * What md4c does not see as text is never copied: list and heading markers, emphasis
 * delimiters, table pipes and delimiter rows, link destinations and titles, image
 * targets, the text of an autolink (<https://...>), whose bytes are its destination.
 * Front matter (a first line "---" or "+++" up to the same line, or "..." for YAML),
 * which CommonMark does not know (it would read it as a rule and a heading), is left
 * masked before md4c sees the rest.
 */
#define _GNU_SOURCE /* memmem */
#include "docmask_p.h"

#include <limits.h>
#include <md4c.h>
#include <string.h>

typedef struct {
    dm_buf *b;
    const char *base; /* what offsets count from: the copy md4c parses */
    /* the destination of the link being read, to leave an autolink's text masked */
    const char *href;
    size_t href_len;
    /* the HTML block being read ([html_start, html_end) of the input), which the HTML
     * reader reads once it ends; html_start SIZE_MAX outside one */
    size_t html_start, html_end;
} md_state;

static const char marker[] = "termlint-";

static int enter_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
    (void)detail;
    md_state *s = arg;
    if (type == MD_BLOCK_HTML)
        s->html_start = s->html_end = SIZE_MAX - 1; /* set by its first line */
    return 0;
}

/* An HTML block of the Markdown (<p align="center">Текст</p>, <details>...) is HTML:
 * the HTML reader finds its prose, in a view of the masked text that starts where the
 * block does (offsets of the view are offsets of the block). */
static void html_block(md_state *s)
{
    size_t a = s->html_start, e = s->html_end;
    s->html_start = SIZE_MAX;
    if (a >= e || e > s->b->len)
        return;
    dm_buf v = {s->b->in + a, s->b->out + a, e - a, 0, SIZE_MAX, 0};
    dm_html(&v);
    if (v.oom)
        s->b->oom = 1;
    dm_block_end(s->b);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *arg)
{
    (void)detail;
    md_state *s = arg;
    switch (type) {
    case MD_BLOCK_HTML: html_block(s); break;
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_LI:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    case MD_BLOCK_TR:
    case MD_BLOCK_QUOTE: dm_block_end(s->b); break;
    default: break;
    }
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *arg)
{
    md_state *s = arg;
    if (type == MD_SPAN_A) {
        const MD_SPAN_A_DETAIL *a = detail;
        s->href = a->href.text;
        s->href_len = a->href.size;
    }
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *arg)
{
    (void)detail;
    md_state *s = arg;
    if (type == MD_SPAN_A)
        s->href = NULL;
    if (type == MD_SPAN_IMG) /* an alt text is a caption of its own */
        dm_block_end(s->b);
    return 0;
}

/* Whether [p, p + n) lies inside the input. */
static int inside(const md_state *s, const char *p, size_t n)
{
    return p >= s->base && (size_t)(p - s->base) <= s->b->len &&
           n <= s->b->len - (size_t)(p - s->base);
}

static int text(MD_TEXTTYPE type, const MD_CHAR *p, MD_SIZE size, void *arg)
{
    md_state *s = arg;
    if (!inside(s, p, size))
        return 0; /* md4c's own strings: "\n" of a break, U+FFFD for a NUL */
    size_t off = (size_t)(p - s->base), n = size;
    switch (type) {
    case MD_TEXT_NORMAL:
        /* an autolink's text is its destination's bytes */
        if (s->href && inside(s, s->href, s->href_len) && s->href < p + n &&
            p < s->href + s->href_len)
            return 0;
        dm_text(s->b, off, n);
        break;
    case MD_TEXT_ENTITY: {
        char u[4];
        size_t m = dm_entity(p, n, u);
        if (m)
            dm_put(s->b, off, n, u, m);
        break;
    }
    case MD_TEXT_HTML:
        if (s->html_start != SIZE_MAX) { /* a line of an HTML block */
            if (s->html_start == SIZE_MAX - 1)
                s->html_start = off;
            s->html_end = off + n;
            break;
        }
        if (n >= sizeof marker && n <= 4096 && memmem(p, n, marker, sizeof marker - 1))
            memcpy(s->b->out + off, s->b->in + off, n);
        break;
    default: break;
    }
    return 0;
}

/* End of the line at `i` (after its line break), or len. */
static size_t next_line(const char *t, size_t len, size_t i)
{
    while (i < len && t[i] != '\n' && t[i] != '\r')
        i++;
    if (i < len && t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
        return i + 2;
    return i < len ? i + 1 : len;
}

/* Whether the line at [i, e) is `fence` followed only by blanks and its line break. */
static int fence_line(const char *t, size_t i, size_t e, const char *fence)
{
    size_t n = strlen(fence);
    if (e - i < n || memcmp(t + i, fence, n))
        return 0;
    for (i += n; i < e; i++)
        if (t[i] != ' ' && t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
            return 0;
    return 1;
}

/* Where the front matter at `start` ends (after its closing line), or `start` when the
 * text does not open with one. */
static size_t front_matter(const char *t, size_t len, size_t start)
{
    size_t e = next_line(t, len, start);
    const char *fence = fence_line(t, start, e, "---")   ? "---"
                        : fence_line(t, start, e, "+++") ? "+++"
                                                         : NULL;
    if (!fence || e == len)
        return start;
    for (size_t i = e; i < len;) {
        size_t le = next_line(t, len, i);
        if (fence_line(t, i, le, fence) || (fence[0] == '-' && fence_line(t, i, le, "...")))
            return le;
        i = le;
    }
    return start; /* never closed: a rule, as CommonMark reads it */
}

void dm_markdown(dm_buf *b)
{
    size_t start = b->len >= 3 && !memcmp(b->in, "\xEF\xBB\xBF", 3) ? 3 : 0;
    start = front_matter(b->in, b->len, start);
    if (b->len - start > UINT_MAX)
        return; /* md4c counts in unsigned: such a file stays masked */
    /* md4c 0.4.8 reads one byte past the end of its input (fuzz/corpus/markdown/
     * crash-md4c-reads-past-end.md, found by fuzz_markdown): it parses a copy that
     * ends in a NUL byte, whose offsets are those of the input */
    char *copy = tl_malloc(b->len + 1);
    if (!copy) {
        b->oom = 1;
        return;
    }
    memcpy(copy, b->in, b->len);
    copy[b->len] = '\0';
    md_state s = {b, copy, NULL, 0, SIZE_MAX, SIZE_MAX};
    MD_PARSER p;
    memset(&p, 0, sizeof p);
    p.abi_version = 0;
    p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    p.enter_block = enter_block;
    p.leave_block = leave_block;
    p.enter_span = enter_span;
    p.leave_span = leave_span;
    p.text = text;
    if (md_parse(copy + start, (MD_SIZE)(b->len - start), &p, &s) != 0)
        b->oom = 1; /* md4c fails only when out of memory */
    tl_free(copy);
}
