/*
 * decode.h - texts that are not UTF-8: what they look like (decode.c; converting them
 * is public: tl_decode).
 */
#ifndef TL_DECODE_H
#define TL_DECODE_H

#include "base.h"

/* What the first bytes of a text that is not UTF-8 look like. */
typedef struct {
    const char *encoding; /* "UTF-16LE", "Windows-1251", ...; NULL: not a text we know */
    const char *icu_name; /* a legacy encoding's name (ICU's and iconv's), or NULL */
    int bom;              /* recognised by its byte order mark */
    size_t high, bad;     /* legacy: bytes above 0x7F, and those that are not UTF-8 */
} tl_sniff;

/* Looks at p[0, n) (the start of a text): 1 with *out set when the text is not UTF-8
 * (UTF-16 or UTF-32 by a byte order mark, UTF-16 by its NUL bytes, a legacy Cyrillic
 * encoding, or no text we know); 0 when it is UTF-8, even with some bad bytes. */
int decode_sniff(const char *p, size_t n, tl_sniff *out);

#endif
