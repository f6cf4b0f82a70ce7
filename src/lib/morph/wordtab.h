/* wordtab.h - every word form of a Hunspell dictionary as a table of 64-bit hashes,
 * compiled from the .aff/.dic on first use and memory-mapped from a cache file after
 * (wordtab.c). It answers "certainly right" with one probe; anything else is
 * Hunspell's to decide. */
#ifndef TL_WORDTAB_H
#define TL_WORDTAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct wordtab wordtab;

/* The table of the dictionary aff/dic: mapped from folder cache_dir (created when
 * missing) when a valid file for these exact files is there, else compiled and written
 * there atomically (or kept in memory when cache_dir is NULL or not writable). NULL
 * when the dictionary uses a feature the compiler does not handle, or on any error:
 * callers then ask Hunspell for every word.
 * `*built` (may be NULL) is set to 1 when the table was compiled by this call. */
wordtab *wordtab_open(const char *aff, const char *dic, const char *cache_dir, int *built);

void wordtab_close(wordtab *t); /* NULL is a no-op */

/* The exact bytes are a form of the dictionary. */
int wordtab_has(const wordtab *t, const char *s, size_t n);

/* 1 when Hunspell certainly accepts s: the form is in the table as written, or s is
 * Capitalised and its lower-case form is, or s is in capitals and its lower-case or
 * Capitalised form is. 0 means "ask Hunspell" (it may still accept the word). */
int wordtab_spell(const wordtab *t, const char *s, size_t n);

/* Like wordtab_spell, but also says "no" where that is certain: 1 Hunspell accepts s,
 * 0 it rejects s, -1 only Hunspell can say. "No" is certain for a plain word (Cyrillic
 * letters and apostrophes, at most one hyphen) when the table is complete (built from
 * every line of the dictionary, with no feature that rewrites such words) and no
 * hidden stem of Hunspell's could answer for the word's case. */
int wordtab_check(const wordtab *t, const char *s, size_t n);

/* The stems (dictionary words) Hunspell_stem would give for s: calls fn with each once
 * and returns their number, or -1 when the table cannot say (s not in it in any case
 * Hunspell tries, or holding a character whose handling the table does not follow):
 * then ask Hunspell. */
int wordtab_stems(const wordtab *t, const char *s, size_t n,
                  void (*fn)(void *arg, const char *stem), void *arg);

/* Forms in the table. */
size_t wordtab_count(const wordtab *t);

/* Calls fn with every form the table of aff/dic holds (duplicates included; not
 * NUL-terminated), for verification tools; fn returning non-zero stops. 0 when all
 * were given, -1 when the dictionary gets no table or on error. */
int wordtab_each_form(const char *aff, const char *dic,
                      int (*fn)(void *arg, const char *form, size_t len), void *arg);

#endif
