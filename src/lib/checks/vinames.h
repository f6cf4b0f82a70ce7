/* vinames.h - the glossary's Vietnamese names of places and persons (vinames.c). */
#ifndef TL_VINAMES_H
#define TL_VINAMES_H

#include "doc.h"

/* Adds to `m` every `vi:` of a place or person concept of `g` (as written) -> the form
 * a suggestion writes in `lang` (borrowed from `g`); a concept without one is left
 * out. 0, or -1 when out of memory. */
int vinames_build(tl_map *m, const gloss *g, tl_lang lang);

/* The longest name of `m` among the words [i, last] of the current chunk (at most 6
 * words, joined as the text joins them): its Cyrillic form, with *ns and *ne its first
 * and last token; NULL when none. Uses d->scratch. */
const char *vinames_find(const tl_map *m, tl_doc *d, size_t i, size_t last, size_t *ns, size_t *ne);

#endif
