/*
 * docresult.c - a result of a document's masked text (tl_document_text) mapped back
 * onto the document: tl_result_document().
 *
 * Offsets need no mapping: the masked text has the file's bytes where it has prose.
 * Columns do, since they count code points and the masked text has one space per byte
 * of markup (a masked Cyrillic letter is two) and one character per entity: line and
 * column are computed again from the file's bytes, as result.c computes them.
 *
 * The typography rules judge the spaces around punctuation, and the masked text has
 * spaces the file has not: "[ссылка](https://...)," reads "ссылка      ,", «**Важно**:»
 * reads «  Важно  :». A typography finding whose span holds such a space (a byte that
 * is a space in the masked text and markup in the file) is about the markup and is
 * dropped; one on the file's own spaces stays.
 */
#include "result.h"

#include <string.h>

static int typography(tl_rule r)
{
    return r == TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT || r == TL_RULE_TYPOGRAPHY_RANGE_DASH ||
           r == TL_RULE_TYPOGRAPHY_NUMBER_SIGN || r == TL_RULE_TYPOGRAPHY_QUOTES;
}

/* Whether [off, off + len) holds a space the masking made. */
static int made_space(const char *orig, const char *checked, size_t off, size_t len)
{
    for (size_t i = off; i < off + len; i++)
        if (checked[i] == ' ' && orig[i] != ' ' && orig[i] != '\t')
            return 1;
    return 0;
}

tl_status tl_result_document(tl_result *r, const char *orig, const char *checked, size_t len)
{
    if (!r || !orig || !checked)
        return TL_OK;
    tl_source src;
    if (source_init(&src, orig, len) != TL_OK) {
        source_release(&src);
        return TL_ERR_NOMEM;
    }
    tl_source_pos cur;
    source_pos_init(&cur);
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        tl_finding *f = &r->f[i];
        size_t off = (size_t)f->offset, n = (size_t)f->length;
        if (off > len || n > len - off)
            continue; /* not of this text: dropped rather than placed anywhere */
        if (typography(f->rule) && made_space(orig, checked, off, n))
            continue;
        source_linecol(&src, &cur, off, &f->line, &f->col);
        tl_source_pos endcur = cur;
        source_linecol(&src, &endcur, off + n, &f->end_line, &f->end_col);
        r->f[k] = *f;
        r->pend[k] = r->pend[i];
        k++;
    }
    r->n = k;
    source_release(&src);
    return TL_OK;
}
