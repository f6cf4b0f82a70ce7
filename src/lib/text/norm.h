/*
 * norm.h - the matching key of a word (norm.c): NFC, case folded, ё -> е (Russian
 * only, see the flag), apostrophe variants -> ', soft hyphen and combining acute
 * dropped (textclass.c says which code points those are).
 */
#ifndef TL_NORM_H
#define TL_NORM_H

#include "base.h"

/* Appends the key of [p, p+len) to `out`; returns 0, or -1 when out of memory. */
int norm_key(tl_buf *out, const char *p, size_t len, int yo_to_e);

#endif
