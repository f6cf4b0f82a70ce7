/*
 * escape.h - printing text from inputs safely (escape.c): what a terminal would obey
 * is shown, not obeyed.
 */
#ifndef TL_ESCAPE_H
#define TL_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Length of the valid UTF-8 sequence at s[i] (s has n bytes) with its code point in
 * *cp, or 0 when the bytes there are not valid UTF-8 (strict: no overlongs, surrogates
 * or code points above U+10FFFF). */
size_t esc_decode(const unsigned char *s, size_t i, size_t n, unsigned *cp);

/* Whether code point cp is one that is shown as <U+XXXX>: C1 controls, bidirectional
 * and other invisible format controls. */
int esc_hidden(unsigned cp);

/* Prints s[0, n): C0 controls and DEL in caret notation (^[, ^?), esc_hidden code
 * points as <U+XXXX>, invalid UTF-8 as U+FFFD, the rest as it is; with `tab_nul_space`
 * a tab or NUL as one space. Returns the columns printed (one per code point shown);
 * with `out` NULL prints nothing and only counts them. */
size_t esc_text(FILE *out, const char *s, size_t n, int tab_nul_space);

/* esc_text() of NUL-terminated s (a message, a suggestion). */
void esc_str(FILE *out, const char *s);

/* Prints a file name: as it is, or, when it holds a control character, a byte that is
 * not UTF-8, a hidden code point, '"' or '\', in double quotes with C escapes
 * (\n, \t, \\, \", \ooo for each byte of the rest), as git quotes names. */
void esc_path(FILE *out, const char *path);

#endif
