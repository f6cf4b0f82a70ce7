/*
 * inflect.h - puts a glossary's canonical term into the grammatical case and number
 * of a forbidden term found in the text (inflect.c), so that `term.forbidden` can
 * suggest «Национальному съезду партии» for «Всекитайскому партийному съезду».
 *
 * Project code, not Hunspell: Hunspell_generate() returns nothing with Debian's ru/uk
 * dictionaries (they carry no morphological fields). Pure function of its arguments;
 * no state, no dictionary, safe to call from any thread.
 */
#ifndef TL_INFLECT_H
#define TL_INFLECT_H

#include "base.h"

/* Inflects `canonical` (a glossary term in dictionary form, words separated by single
 * spaces) into the grammatical case and number that `found` (the text matched) has
 * relative to `pattern` (the glossary form that matched it, in dictionary form, same
 * number of words as found). Returns the inflected phrase allocated in `a`, or NULL
 * when the case cannot be determined or the canonical term cannot be inflected
 * safely (the caller then suggests `canonical` as is).
 *
 * `lang` is TL_LANG_RU or TL_LANG_UK (anything else: NULL). All three strings are
 * borrowed, UTF-8, NUL-terminated; NULL pointers give NULL. Words of `found` may be
 * separated by any run of white space (also U+00A0); soft hyphens and combining
 * acute accents are ignored, letter case does not matter and apostrophe variants
 * (’ ʼ `) count as U+0027. The result keeps each canonical word's capitalisation and
 * the spaces between its words; it is `canonical` unchanged when the found text is in
 * the dictionary form (or the words are indeclinable: «ЦК КПВ»). Returns NULL too
 * when `a` runs out of memory. Method and limits: the comment atop inflect.c. */
const char *inflect_like(tl_arena *a, tl_lang lang, const char *pattern, const char *found,
                         const char *canonical);

#endif /* TL_INFLECT_H */
