/*
 * textclass.c - what the code points between and inside words are, defined once for
 * the tokenizer, the normaliser, the matcher, the glossary checker and every check
 * that splits a list entry into words.
 *
 *   space      separates words: Unicode White_Space (tab, LF, VT, FF, CR, space, NEL,
 *              no-break space, ogham space, en quad .. hair space, line and paragraph
 *              separators, narrow no-break, medium mathematical and ideographic
 *              spaces) and U+FEFF, a byte order mark inside a text. Line breaks are
 *              spaces too; where lines end is source.c's business (LF, CR LF, CR).
 *   invisible  inside a word and ignored there: soft hyphen U+00AD (a hint where to
 *              break) and combining acute U+0301 (a stress mark). Neither separates
 *              words: «Центр\u00ADальный» is one word, as ICU's word breaks say.
 *   apostrophe ' ’ ʼ ` ‘ ʹ: one letter of a word («з'їзд», «зʼїзд»), written U+0027 in
 *              matching keys.
 *
 * Not a space: U+200B ZERO WIDTH SPACE, which is not White_Space and which ICU's word
 * breaks treat as a character of its own; a term across it («Центральный\u200Bкомитет»
 * reads as one glued word) does not match.
 */
#include "textclass.h"

#include "base.h"

#include <string.h>

bool tc_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    switch (c) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF: return true;
    default: return c >= 0x2000 && c <= 0x200A;
    }
}

bool tc_invisible(uint32_t c) { return c == 0xAD || c == 0x301; }

bool tc_apostrophe(uint32_t c)
{
    return c == 0x27 || c == 0x2019 || c == 0x2BC || c == 0x60 || c == 0x2018 || c == 0x2B9;
}

bool tc_all_space(const char *p, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (!n || !tc_space(c))
            return false;
        i += n;
    }
    return true;
}

bool tc_blank(const char *p, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (!n || !(tc_space(c) || tc_invisible(c)))
            return false;
        i += n;
    }
    return true;
}

size_t tc_space_len(const char *p, size_t len)
{
    uint32_t c;
    size_t n = utf8_decode(p, len, &c);
    return n && tc_space(c) ? n : 0;
}

/* Whether the code point at s[i] (n bytes) ends a word: white space, or one of the
 * ASCII bytes of `also`. */
static bool word_end(const char *s, size_t len, size_t i, const char *also, size_t *n)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *n = 1;
        return tc_space(b) || (also && b && strchr(also, b));
    }
    uint32_t c;
    *n = utf8_decode(s + i, len - i, &c);
    if (!*n) {
        *n = 1; /* an invalid byte is part of a word */
        return false;
    }
    return tc_space(c);
}

size_t tc_next_word(const char *s, size_t len, size_t *i, const char *also, size_t *start)
{
    size_t n;
    while (*i < len && word_end(s, len, *i, also, &n))
        *i += n;
    *start = *i;
    while (*i < len && !word_end(s, len, *i, also, &n))
        *i += n;
    return *i - *start;
}
