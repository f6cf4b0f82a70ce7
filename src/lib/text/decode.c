/*
 * decode.c - texts that are not UTF-8: recognising them, and converting them anyway
 * (ICU converters; the sole includer of ucnv.h).
 *
 * Recognising (decode_sniff, on a text's first 64 KiB): a UTF-16 or UTF-32 byte order
 * mark; UTF-16 without one, by its NUL bytes at every other position; a legacy
 * single-byte encoding, when most bytes above 0x7F are not part of UTF-8 characters,
 * by decoding them as Windows-1251, KOI8-R and CP866 in turn and keeping the one that
 * gives the most of the frequent lower-case Cyrillic letters (о е а и н т с р в л к м
 * і): prose is mostly lower case, and the three put lower and upper case in different
 * places. The checks say it once per file instead of an error per byte.
 *
 * Converting (tl_decode, --encoding NAME): the whole text to UTF-8 (ucnv_convertEx
 * through a UTF-16 pivot), so the checks, the positions and the excerpts all see the
 * decoded text. Bytes the converter cannot decode become U+FFFD and are counted.
 */
#include "decode.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

/* ---- recognising ------------------------------------------------------------------- */

/* names iconv and ICU both know */
static const char *const legacy[] = {"Windows-1251", "KOI8-R", "CP866"};

/* How many of the code points of p[0, n) decoded as `name` are frequent lower-case
 * Cyrillic letters; *decoded gets the number of code points. */
static size_t letters_as(const char *name, const char *p, size_t n, size_t *decoded)
{
    static const UChar frequent[] = {0x43E, 0x435, 0x430, 0x438, 0x43D, 0x442, 0x441,
                                     0x440, 0x432, 0x43B, 0x43A, 0x43C, 0x456, 0};
    UErrorCode e = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &e);
    UChar buf[4096];
    size_t hits = 0;
    *decoded = 0;
    const char *s = p, *end = p + n;
    while (U_SUCCESS(e) && s < end) {
        UChar *t = buf;
        ucnv_toUnicode(c, &t, buf + 4096, &s, end, NULL, 1, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR)
            e = U_ZERO_ERROR;
        for (UChar *q = buf; q < t; q++) {
            (*decoded)++;
            hits += u_strchr(frequent, *q) != NULL && *q;
        }
    }
    ucnv_close(c);
    return hits;
}

/* Bytes above 0x7F in p[0, n), and those of them that are not in valid UTF-8
 * characters. */
static void high_bytes(const char *p, size_t n, size_t *high, size_t *bad)
{
    *high = *bad = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = (unsigned char)p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (k) {
            *high += k;
        } else if (n - i >= 4) { /* a character cut by the end of the window is not bad */
            (*high)++;
            (*bad)++;
            k = 1;
        } else {
            break;
        }
        i += k;
    }
}

int decode_sniff(const char *p, size_t n, tl_sniff *out)
{
    const unsigned char *u = (const unsigned char *)p;
    memset(out, 0, sizeof *out);
    if (n >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
                   (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF))) {
        out->encoding = u[0] ? "UTF-32LE" : "UTF-32BE";
        out->bom = 1;
        return 1;
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        out->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        out->bom = 1;
        return 1;
    }
    /* UTF-16 of Cyrillic or Latin text: the high byte of each pair is 0x04 (Cyrillic)
     * or NUL (Latin: spaces, figures, punctuation); at least a few are NUL, and the low
     * bytes are seldom NUL */
    size_t m = n < 4096 ? n : 4096, half = m / 2, high16[2] = {0, 0}, nul[2] = {0, 0};
    for (size_t i = 0; i < m; i++) {
        nul[i & 1] += !u[i];
        high16[i & 1] += !u[i] || u[i] == 0x04;
    }
    for (int k = 0; k < 2 && m >= 16; k++)
        if (high16[k] * 10 >= half * 9 && nul[k] * 20 >= half && nul[!k] * 20 <= half) {
            out->encoding = k ? "UTF-16LE" : "UTF-16BE";
            return 1;
        }
    size_t high, bad;
    high_bytes(p, n, &high, &bad);
    if (high < 8 || bad * 2 < high)
        return 0; /* UTF-8, maybe with a few bad bytes: said byte by byte */
    out->high = high;
    out->bad = bad;
    size_t best = 0;
    for (int k = 0; k < 3; k++) {
        size_t decoded, hits = letters_as(legacy[k], p, n, &decoded);
        if (hits > best) {
            best = hits;
            out->encoding = legacy[k];
            out->icu_name = legacy[k];
        }
    }
    /* prose: at least a third of the letters frequent ones; else not a text we know */
    if (best * 3 < high) {
        out->encoding = NULL;
        out->icu_name = NULL;
    }
    return 1;
}

/* ---- converting --------------------------------------------------------------------- */

/* Counts the bytes ICU cannot decode, then substitutes U+FFFD as ICU does. */
static void count_and_substitute(const void *ctx, UConverterToUnicodeArgs *args, const char *units,
                                 int32_t len, UConverterCallbackReason why, UErrorCode *e)
{
    size_t *undecodable = (size_t *)ctx;
    if (why <= UCNV_IRREGULAR)
        *undecodable += (size_t)len;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, len, why, e);
}

int tl_encoding_known(const char *name)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &e);
    ucnv_close(c);
    return name && U_SUCCESS(e);
}

tl_status tl_decode(const char *name, const char *in, size_t len, char **out, size_t *outlen,
                    size_t *undecodable)
{
    *out = NULL;
    *outlen = 0;
    *undecodable = 0;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *src = ucnv_open(name, &e), *utf8 = ucnv_open("UTF-8", &e);
    if (U_SUCCESS(e))
        ucnv_setToUCallBack(src, count_and_substitute, undecodable, NULL, NULL, &e);
    if (U_FAILURE(e)) {
        ucnv_close(src);
        ucnv_close(utf8);
        return e == U_MEMORY_ALLOCATION_ERROR ? TL_ERR_NOMEM : TL_ERR_USAGE;
    }
    /* a byte gives at most 3 bytes of UTF-8 (a BMP character; a 4-byte one takes at
     * least 2 bytes of input): grown when a converter proves that wrong */
    size_t cap = len < ((size_t)-1 - 16) / 3 ? len * 3 + 16 : (size_t)-1;
    char *buf = tl_malloc(cap);
    UChar pivot[4096], *psrc = pivot, *ptgt = pivot;
    const char *s = in;
    size_t used = 0;
    tl_status st = buf ? TL_OK : TL_ERR_NOMEM;
    while (st == TL_OK) {
        char *t = buf + used;
        e = U_ZERO_ERROR;
        ucnv_convertEx(utf8, src, &t, buf + cap, &s, in + len, pivot, &psrc, &ptgt,
                       pivot + sizeof pivot / sizeof *pivot, 0, 1, &e);
        used = (size_t)(t - buf);
        if (e != U_BUFFER_OVERFLOW_ERROR) {
            st = U_SUCCESS(e) ? TL_OK : TL_ERR_NOMEM;
            break;
        }
        char *nb = cap < (size_t)-1 / 2 ? tl_realloc(buf, cap * 2) : NULL;
        if (!nb)
            st = TL_ERR_NOMEM;
        else
            buf = nb, cap *= 2;
    }
    ucnv_close(src);
    ucnv_close(utf8);
    if (st != TL_OK) {
        tl_free(buf);
        return st;
    }
    *out = buf;
    *outlen = used;
    return TL_OK;
}

void tl_decoded_free(char *text) { tl_free(text); }
