/*
 * spelldata.h - what the spelling and language rules know about words beyond the
 * dictionary (spelldata.c): the `spelling:` rule data of one language as matching keys
 * (abbreviations, compound prefixes, numeral prefixes, adjective links, ordinal
 * endings), the stems of the glossary's person and place names, and the tests built on
 * them that both families ask (is this token a listed abbreviation, is this word part
 * of a run of name syllables).
 */
#ifndef TL_SPELLDATA_H
#define TL_SPELLDATA_H

#include "doc.h"

typedef struct {
    tl_map abbrev_dot; /* keys of abbreviations written with a full stop, without it */
    tl_map abbrev;     /* keys of abbreviations written without one («г-н», «р-н») */
    tl_map names;      /* stems (stem_key_len) of the words of person and place terms */
    /* keys of the lists of gl_spelling (pairs flattened), in the arena */
    const char **list[GL_SP_COUNT];
    size_t n[GL_SP_COUNT];
    int ready;
} spelldata;

/* The data of the document's language in `s` (one per language, kept in a family's
 * context state), built from d->g on first use into `mem`. NULL when out of memory
 * (then built again from the start next time). */
const spelldata *spelldata_get(spelldata *s, tl_arena *mem, tl_doc *d);
/* Frees what `s` holds outside the arena. */
void spelldata_release(spelldata *s);

/* Token i (a word) is a listed abbreviation: written with its full stop (the next
 * token, glued to it) or, for a hyphenated one, the word [i, j) as a whole. */
int spelldata_abbreviation(const spelldata *s, const tl_doc *d, size_t i, size_t j);

/* The key of word `w` less an inflectional ending is the stem of a person's or a
 * place's name of the glossary («Лыонгом», «Ламу»). */
int spelldata_glossary_name(const spelldata *s, const tl_doc *d, const tl_word *w);

/* Token i is a capitalised Cyrillic word that the dictionary itself rejects in the
 * case it is written (glossary words are asked of the dictionary too): a syllable of
 * a transcribed name («Хунг», «Нгуен»), not a word that is a name as well («Ханоя»). */
int spelldata_name_syllable(tl_doc *d, size_t i);

/* Token i is a capitalised word inside a run of name syllables: a name syllable
 * follows it (within three capitalised words on the same line, separated by spaces
 * only), or, when `before` is set, directly precedes it. */
int spelldata_in_name_run(tl_doc *d, size_t i, int before);

/* The text's dictionary knows the string `a` followed by `b` (keys; either may be
 * empty). Uses d->scratch. */
int spelldata_known_join(tl_doc *d, const char *a, size_t na, const char *b, size_t nb);

/* The key of `w` ends like the first item of an adjective_links pair and, with that
 * ending replaced by the second, is a word the text's dictionary knows: «российско»
 * (of «российский») as the first part of a compound, «конструктивно» (of
 * «конструктивный») as an adverb. */
int spelldata_adjective_stem(const spelldata *s, tl_doc *d, const tl_word *w);

/* Token i is the first part of a hyphenated compound (a word, a hyphen and a word with
 * no space between: «конференц-зал», «медиа-центр») and its key is in the rule data's
 * hyphen_prefixes: a first part the dictionary need not know alone. */
int spelldata_compound_first(const spelldata *s, const tl_doc *d, size_t i);

#endif
