/* morph_p.h - what the suggestion engine (suggest.c) uses of morph.c's insides; private
 * to the two. */
#ifndef TL_MORPH_P_H
#define TL_MORPH_P_H

#include "morph.h"
#include "wordtab.h"

/* Whether the dictionary of `lang` is usable, loading it on first use. */
int morph_ready_for(tl_morph *m, tl_lang lang);
/* SPELL_OK / SPELL_BAD / SPELL_UNKNOWN of NUL-terminated s, not cached. */
int morph_spell_raw(tl_morph *m, tl_lang lang, const char *s);
/* The dictionary's word-form table, or NULL (Hunspell decides every word). */
const wordtab *morph_table(const tl_morph *m, tl_lang lang);
/* The .aff's TRY letters in lower case, most frequent first; *n of them. */
const uint32_t *morph_try_letters(const tl_morph *m, tl_lang lang, int *n);
/* The arena of the word cache: what lives as long as its words. */
tl_arena *morph_mem(tl_morph *m);
/* Hunspell's own suggestions for `word` (60-120 ms): at most `max` written to out[],
 * copied into morph_mem; returns their number (0 when Hunspell cannot be used). */
int morph_slow_suggest(tl_morph *m, tl_lang lang, const char *word, const char **out, int max);
/* Counts one word whose suggestions were computed (morph_suggested). */
void morph_count_suggested(tl_morph *m);

#endif
