/*
 * sections.c - check_result(): a text into a built result, a very long one in sections
 * so that memory does not grow with the text.
 *
 * What a document holds while it is checked grows with the text: its line index, the
 * furniture rule's line records, the uses of terms and names kept for the judgments
 * made at the end (consistency, name variants, alternating head words, numbering). For
 * a news text that is nothing; for a 1 GB dump it is hundreds of megabytes. So a text
 * longer than section_bytes (tl_options, 16 MiB by default: hundreds of times the
 * longest article) is checked as consecutive sections, each a document of its own:
 *
 *   ends of the sections (a line break after section_bytes, a paragraph break if one
 *   is near; never inside a suppression marker, which an HTML comment may spread over
 *   lines) -> their suppression markers, read once (suppress_plan_*) -> for each
 *   section: check_document -> budget_ahead -> result_build -> joined to the result
 *   (offsets, lines and the first line's columns moved by where the section starts)
 *   -> the section's document freed
 *
 * so memory holds one section's document plus the findings so far. Each section is
 * judged on its own for what compares one place of the text with another: a term
 * rendered two ways in two sections is not an inconsistency; everything else finds what
 * it finds in the whole text. The first section decides the language and the encoding
 * (a text that is plainly not UTF-8 is said so once and not checked further); the
 * invalid sequences listed number a hundred in the whole text; a suppression marker's
 * range runs on across sections, and a marker is reported unused only when its ranges
 * end within its own section (what they silence later is not known then).
 */
#define _GNU_SOURCE /* memmem */
#include "budget.h"
#include "check.h"
#include "result.h"
#include "suppress.h"

#include <string.h>

#define PARA_REACH ((size_t)256 << 10)  /* how far past the target a paragraph break may be */
#define LINE_REACH ((size_t)1 << 20)    /* ... a line break */
#define BLANK_REACH ((size_t)64 << 10)  /* ... a blank, in one huge line */
#define MARKER_REACH ((size_t)64 << 10) /* read past a section to finish its markers */

/* Where the section that starts at `start` ends, for a target length `want`: after a
 * paragraph break near the target, else after the first line break, else after a blank,
 * else at a code point boundary; `len` when the rest is short. */
static size_t section_end(const char *t, size_t len, size_t start, size_t want)
{
    if (len - start <= want + want / 4)
        return len; /* no short last section */
    size_t target = start + want;
    /* how far past the target each kind of break is looked for: at most a section */
    size_t para = want / 4 < PARA_REACH ? want / 4 : PARA_REACH;
    size_t line = want < LINE_REACH ? want : LINE_REACH;
    size_t reach = len - target < para ? len - target : para;
    for (const char *p = t + target; (p = memchr(p, '\n', (size_t)(t + target + reach - p)));) {
        size_t i = (size_t)(p - t) + 1;
        if (i < len && (t[i] == '\n' || (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')))
            return i;
        p = t + i;
        if (i >= target + reach)
            break;
    }
    reach = len - target < line ? len - target : line;
    const char *nl = memchr(t + target, '\n', reach);
    const char *cr = memchr(t + target, '\r', reach);
    if (cr && (!nl || cr < nl) && (size_t)(cr - t) + 1 < len && cr[1] != '\n')
        return (size_t)(cr - t) + 1; /* a lone CR ends lines */
    if (nl)
        return (size_t)(nl - t) + 1;
    for (size_t i = target; i < len && i < target + BLANK_REACH; i++)
        if (t[i] == ' ' || t[i] == '\t')
            return i + 1;
    while (target < len && ((unsigned char)t[target] & 0xC0) == 0x80)
        target++;
    return target;
}

/* The caller's consumed hook (check_hooks), told in the whole text's offsets. */
typedef struct {
    const check_hooks *outer;
    size_t base;
} shifted_hooks;

static void consumed_shifted(void *arg, size_t upto)
{
    const shifted_hooks *h = arg;
    h->outer->consumed(h->outer->arg, h->base + upto);
}

/* What the next section needs to know of the one just checked. */
typedef struct {
    size_t nlines;   /* lines the section starts (its source's line count) */
    size_t tail_cp;  /* code points of its last line when the section ends inside it */
    size_t recorded; /* invalid sequences it recorded */
    int not_utf8;
} section_info;

/* One document into a built result: check, suggestions ahead, build. */
static tl_status one(tl_ctx *ctx, size_t profile, const char *text, size_t len,
                     const tl_run_lines *rl, const check_hooks *hooks, const check_part *part,
                     tl_morph *ahead, const tl_budget *budget, tl_result **out, section_info *info)
{
    *out = NULL;
    tl_doc *d;
    tl_status st = check_document(ctx, profile, text, len, 0, rl, hooks, part, &d);
    if (!d)
        return st;
    if (info) {
        const tl_source *s = &d->src;
        size_t last = s->lines[s->nlines - 1];
        info->nlines = s->nlines;
        info->tail_cp = last < s->len ? utf8_count(s->text + last, s->len - last) : 0;
        info->recorded = s->nbad_recorded;
        info->not_utf8 = d->not_utf8;
    }
    tl_status b = doc_build(d, ahead, budget, out);
    return b != TL_OK ? b : st;
}

/* Appends the findings of section result r (which starts at byte `base`, line
 * `line_base` + 1 and, on that line, after `col_base` code points) to acc, and frees r. */
static tl_status join(tl_result *acc, tl_result *r, size_t base, size_t line_base, size_t col_base)
{
    size_t n = acc->n + r->n;
    tl_finding *f = tl_realloc(acc->f, (n ? n : 1) * sizeof *f);
    if (f)
        acc->f = f;
    tl_pending *p = f ? tl_realloc(acc->pend, (n ? n : 1) * sizeof *p) : NULL;
    if (p)
        acc->pend = p;
    if (!f || !p) {
        tl_result_free(r);
        return TL_ERR_NOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        tl_finding x = r->f[i];
        x.offset += base;
        if (x.line == 1)
            x.col += (unsigned)col_base;
        if (x.end_line == 1)
            x.end_col += (unsigned)col_base;
        x.line += (unsigned)line_base;
        x.end_line += (unsigned)line_base;
        acc->f[acc->n + i] = x;
        acc->pend[acc->n + i] = r->pend[i];
    }
    acc->n = n;
    acc->words += r->words;
    tl_arena_absorb(&acc->mem, &r->mem); /* messages, texts, suggestions */
    tl_result_free(r);
    return TL_OK;
}

/* Where the section [start, end) ends once its suppression markers are read into
 * `plan`: later when one of them runs past `end` (a comment over several lines), to the
 * line break after it, so that no marker is cut. SIZE_MAX when out of memory. */
static size_t plan_section(sup_plan *plan, const char *text, size_t len, size_t start, size_t end)
{
    static const char prefix[] = "termlint-";
    size_t look = end - start + sizeof prefix - 2 < len - start ? end - start + sizeof prefix - 2
                                                                : len - start;
    if (!memmem(text + start, look, prefix, sizeof prefix - 1))
        return end;
    for (;;) {
        size_t own = end - start;
        size_t n = len - end < MARKER_REACH ? len - start : own + MARKER_REACH;
        size_t reach = suppress_markers_end(text + start, n, own);
        if (reach == SIZE_MAX)
            return SIZE_MAX;
        if (reach <= own) {
            if (suppress_plan_add(plan, text + start, n, own, start))
                return SIZE_MAX;
            return end;
        }
        const char *nl = memchr(text + start + reach, '\n', len - start - reach);
        end = nl ? (size_t)(nl - text) + 1 : len;
    }
}

static tl_status sections(tl_ctx *ctx, size_t profile, const char *text, size_t len,
                          const tl_run_lines *rl, const check_hooks *hooks, tl_morph *ahead,
                          const tl_budget *budget, tl_result **out)
{
    size_t want = ctx->sh->section_bytes, nsec = 0, cap = 0, *ends = NULL;
    sup_plan plan;
    memset(&plan, 0, sizeof plan);
    tl_status st = TL_OK;
    /* the sections' ends and, read once before the first is checked, their suppression
     * markers: a range may run from one section into the next */
    for (size_t start = 0; st == TL_OK && start < len;) {
        size_t end = plan_section(&plan, text, len, start, section_end(text, len, start, want));
        if (end == SIZE_MAX || TL_GROW(ends, nsec, cap, 16)) {
            st = TL_ERR_NOMEM;
            break;
        }
        start = ends[nsec++] = end;
        if (hooks)
            hooks->consumed(hooks->arg, end);
    }
    if (st == TL_OK && suppress_plan_ranges(&plan))
        st = TL_ERR_NOMEM;
    tl_result *acc = NULL;
    check_part part = {0, 1, 0, TL_LANG_AUTO, NULL, 0, &plan};
    size_t line_base = 0, col_base = 0;
    int encoding = 0, limit = 0;
    for (size_t k = 0, start = 0; st == TL_OK && k < nsec; start = ends[k++]) {
        part.base = start;
        part.last = k + 1 == nsec;
        shifted_hooks sh = {hooks, start};
        check_hooks inner = {consumed_shifted, &sh};
        section_info info;
        tl_result *r;
        tl_status s = one(ctx, profile, text + start, ends[k] - start, rl, hooks ? &inner : NULL,
                          &part, ahead, budget, &r, &info);
        if (!r) {
            st = s;
            break;
        }
        encoding |= s == TL_ERR_ENCODING;
        limit |= s == TL_ERR_LIMIT;
        if (!acc) {
            acc = r;
            part.lang = r->lang;
            part.lang_reason = r->lang_reason; /* in r's arena, which acc now is */
        } else if ((st = join(acc, r, start, line_base, col_base)) != TL_OK) {
            break;
        }
        if (info.not_utf8)
            break; /* said once for the whole text, which is not checked */
        part.first = 0;
        part.bad_listed += info.recorded;
        col_base = info.tail_cp + (info.nlines == 1 ? col_base : 0);
        line_base += info.nlines - 1;
    }
    suppress_plan_free(&plan);
    tl_free(ends);
    if (st != TL_OK) {
        tl_result_free(acc);
        return st;
    }
    *out = acc;
    return encoding ? TL_ERR_ENCODING : limit ? TL_ERR_LIMIT : TL_OK;
}

tl_status check_result(tl_ctx *ctx, size_t profile, const char *text, size_t len,
                       const tl_run_lines *rl, const check_hooks *hooks, tl_morph *ahead,
                       const tl_budget *budget, tl_result **out)
{
    *out = NULL;
    if (len > ctx->sh->section_bytes)
        return sections(ctx, profile, text, len, rl, hooks, ahead, budget, out);
    return one(ctx, profile, text, len, rl, hooks, NULL, ahead, budget, out, NULL);
}
