/* textclass.h - spaces, invisible characters and apostrophes (textclass.c). */
#ifndef TL_TEXTCLASS_H
#define TL_TEXTCLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* White space between words, line breaks included (textclass.c lists them). */
bool tc_space(uint32_t c);
/* Soft hyphen and combining acute: inside a word, ignored when words are compared. */
bool tc_invisible(uint32_t c);
/* The apostrophe variants ' ’ ʼ ` ‘ ʹ, all one letter (U+0027 in matching keys). */
bool tc_apostrophe(uint32_t c);

/* Whether every code point of [p, p+len) is white space (false for invalid UTF-8). */
bool tc_all_space(const char *p, size_t len);
/* Whether [p, p+len) shows nothing: only white space and invisible code points (an
 * empty string is blank). */
bool tc_blank(const char *p, size_t len);
/* Byte length of the white space code point at p, or 0 when it is something else. */
size_t tc_space_len(const char *p, size_t len);

/* Splits s[0, len) into words: from byte *i, skips white space and the ASCII bytes of
 * `also` (NULL: none; "-" also splits at hyphens), sets *start to the next word and
 * returns its byte length, with *i just after it; 0 at the end. Invalid bytes count as
 * letters. Every caller that splits a term or a list entry into words uses this, so
 * they all agree on where words end. */
size_t tc_next_word(const char *s, size_t len, size_t *i, const char *also, size_t *start);

#endif
