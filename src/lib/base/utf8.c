/*
 * utf8.c - strict UTF-8 decoding (no overlongs, no surrogates, nothing above U+10FFFF),
 * used by source.c to validate input before ICU sees it and by everything that walks
 * code points.
 */
#include "base.h"

#include "textclass.h"

size_t utf8_decode(const char *p, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)p;
    if (!len)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_count(const char *p, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)p[i] & 0xC0) != 0x80;
    return n;
}

int utf8_add_flat(tl_buf *b, const char *p, size_t len)
{
    int space = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (n && (tc_space(c) || c == 0xAD)) {
            space |= c != 0xAD;
            i += n;
            continue;
        }
        if (space)
            tl_buf_addc(b, ' ');
        space = 0;
        n = n ? n : 1;
        tl_buf_add(b, p + i, n);
        i += n;
    }
    return b->oom ? -1 : 0;
}
