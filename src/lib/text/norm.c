/*
 * norm.c - the matching key of a word.
 *
 * Two spellings that a reader takes for the same word get the same key:
 *   NFC, case folding, ё -> е (Russian only), the apostrophe variants -> ', the
 *   invisible code points (soft hyphen, combining acute) dropped: textclass.c.
 * The fast path handles ASCII and the Cyrillic block directly, which is nearly every
 * word of a Russian or Ukrainian text; anything else (other scripts, combining marks
 * that NFC could compose) goes through ICU. Both paths give identical results on the
 * fast path's domain, which tests/unit/test_norm.c checks code point by code point.
 */
#include "norm.h"

#include "textclass.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Lower-cases ASCII and Cyrillic; returns 0 when `c` needs ICU. */
static uint32_t fast_fold(uint32_t c, int yo_to_e)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    else if (c == 0x490)
        c = 0x491; /* Ґ */
    else if (!(c >= 0x430 && c <= 0x45F) && c != 0x491)
        return 0; /* the rest of Cyrillic pairs irregularly: leave it to ICU */
    if (yo_to_e && c == 0x451)
        c = 0x435;
    return c;
}

static int slow_key(tl_buf *out, const char *p, size_t len, int yo_to_e)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, p, (int32_t)len, &e);
    if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
        return -1;
    e = U_ZERO_ERROR;
    size_t cap = (size_t)n16 * 3 + 8;
    UChar *a = tl_malloc(cap * sizeof(UChar)), *b = tl_malloc(cap * sizeof(UChar));
    int rc = -1;
    if (!a || !b)
        goto done;
    u_strFromUTF8(a, (int32_t)cap, &n16, p, (int32_t)len, &e);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    int32_t nb = unorm2_normalize(nfc, a, n16, b, (int32_t)cap, &e);
    int32_t na = u_strFoldCase(a, (int32_t)cap, b, nb, U_FOLD_CASE_DEFAULT, &e);
    if (U_FAILURE(e))
        goto done;
    rc = 0;
    for (int32_t i = 0; i < na;) {
        UChar32 c;
        U16_NEXT(a, i, na, c);
        if (tc_invisible((uint32_t)c))
            continue;
        if (tc_apostrophe((uint32_t)c))
            c = '\'';
        if (yo_to_e && c == 0x451)
            c = 0x435;
        char enc[4];
        if (tl_buf_add(out, enc, utf8_encode((uint32_t)c, enc)))
            rc = -1;
    }
done:
    tl_free(a);
    tl_free(b);
    return rc;
}

int norm_key(tl_buf *out, const char *p, size_t len, int yo_to_e)
{
    /* the fast path never lengthens a code point (ASCII stays 1 byte, Cyrillic 2, the
     * apostrophes shrink to 1), so room for `len` bytes lets it write in place; the
     * extra 4 are for utf8_encode's worst case */
    size_t start = out->len;
    if (tl_buf_reserve(out, len + 4))
        return -1;
    char *o = out->data + start;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (!n) { /* invalid byte: keep it so distinct garbage stays distinct */
            *o++ = p[i++];
            continue;
        }
        i += n;
        if (tc_invisible(c))
            continue;
        if (tc_apostrophe(c)) {
            *o++ = '\'';
            continue;
        }
        uint32_t f = fast_fold(c, yo_to_e);
        if (!f) {
            out->len = start;
            out->data[start] = '\0';
            return slow_key(out, p, len, yo_to_e);
        }
        o += utf8_encode(f, o);
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    return 0;
}
