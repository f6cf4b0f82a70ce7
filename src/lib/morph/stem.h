/* stem.h - a matching key without its inflectional ending (stem.c). */
#ifndef TL_STEM_H
#define TL_STEM_H

#include "base.h"

/* Byte length of `key` (a norm_key of `len` bytes, in `lang`) without its
 * inflectional ending: the whole key when it has none or is 3 letters or shorter. */
size_t stem_key_len(tl_lang lang, const char *key, size_t len);

#endif
