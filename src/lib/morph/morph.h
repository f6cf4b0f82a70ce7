/*
 * morph.h - stage 3: Hunspell spelling, stemming and suggestions behind a per-word
 * cache (morph.c, the sole includer of hunspell.h).
 */
#ifndef TL_MORPH_H
#define TL_MORPH_H

#include "token.h"

typedef struct tl_morph tl_morph; /* dictionaries and word caches (morph.c) */

/* Where the dictionaries are and how to use them (tl_options says the same). */
typedef struct {
    const char *dict_dir;  /* searched first; NULL: none */
    const char *dict_path; /* colon-separated folders searched next; NULL: none */
    const char *cache_dir; /* word-form tables' folder; NULL: compiled in memory */
    int use_wordtab;       /* 0: Hunspell for every word */
} morph_opts;

/* A new morphology (owned: morph_free). `o` and its strings are borrowed and must
 * outlive the morph; the system folders are searched after its folders. `accept[lang]`
 * (may be NULL) are maps whose keys are norm_key()s of words accepted as correct
 * (glossary, --words): borrowed, must outlive the morph. `root` (NULL for a context's
 * own) is the morph whose dictionaries this one shares, on another thread: it must
 * outlive this one. No dictionary is loaded yet. NULL when out of memory. */
tl_morph *morph_new(const morph_opts *o, const tl_map *accept_ru, const tl_map *accept_uk,
                    tl_morph *root);
/* Frees; with `fast` the Hunspell handles are left for the OS to reclaim at exit. */
void morph_free(tl_morph *m, int fast);

/* Loads the dictionary of `lang` now (it is otherwise loaded on first use). TL_OK, or
 * TL_ERR_DICTIONARY with a message in `d` naming the files looked for. */
tl_status morph_load(tl_morph *m, tl_lang lang, tl_diags *d);
/* Whether the dictionary of `lang` is loaded and usable. */
int morph_ready(const tl_morph *m, tl_lang lang);

/* The cache entry of surface form [p, p+len) in `lang` (created and analysed on first
 * sight: script, case, key). NULL when out of memory. */
tl_word *morph_word(tl_morph *m, tl_lang lang, const char *p, size_t len);

/* SPELL_OK / SPELL_BAD for w (cached in w->spell); SPELL_UNKNOWN when the dictionary
 * cannot be loaded. Words accepted by the glossary or word list are SPELL_OK. */
int morph_spell(tl_morph *m, tl_lang lang, tl_word *w);
/* The same for the word in lower case (w->spell_lower). */
int morph_spell_lower(tl_morph *m, tl_lang lang, tl_word *w);
/* Spelling of the lower-cased word in the *other* language's dictionary, loaded lazily
 * on the first call (lang.mixed asks only for words its own dictionary rejects). */
int morph_spell_other(tl_morph *m, tl_lang lang, tl_word *w);
/* Spelling of an arbitrary string (hyphenated parts, compounds); not cached. */
int morph_spell_str(tl_morph *m, tl_lang lang, const char *s);

/* Fills w->suggestions (once per word) with up to `max` (<= 8) corrections: first the
 * words at edit distance 1 the dictionary accepts; when there are none and `allow_slow`,
 * Hunspell's full engine (*slow set to 1: the caller budgets those calls). Returns the
 * number of suggestions. */
int morph_suggest(tl_morph *m, tl_lang lang, tl_word *w, int max, int allow_slow, int *slow);
/* Is a dictionary word one edit (swap, deletion, substitution, insertion) from `w`,
 * without a space or a hyphen in it? Stops at the first; w's suggestions are left
 * alone. 0 when not, or the dictionary is missing. */
int morph_near_word(tl_morph *m, tl_lang lang, const tl_word *w);

/* Hunspell stems of NUL-terminated `s`: calls `fn` for each; returns their number,
 * 0 when none or the dictionary is missing. */
int morph_stems(tl_morph *m, tl_lang lang, const char *s, void (*fn)(void *arg, const char *stem),
                void *arg);

/* Sets w's suggestions (when not yet computed) to a copy of the `n` strings of `list`,
 * computed by another context for the same word and language (suggest.c). 0, or -1
 * when out of memory. */
int morph_adopt_suggestions(tl_morph *m, tl_word *w, const char *const *list, size_t n);

/* Memory that lives as long as the cache (for data attached to tl_words); NULL on OOM. */
void *morph_alloc(tl_morph *m, size_t n);

/* Words whose suggestions `m` computed (not adopted from another context), with those
 * of its clones already freed: what a run's speculation costs (test_run.c). */
uint64_t morph_suggested(const tl_morph *m);

/* Word cache lookups and hits of `m`, with those of its clones already freed. */
void morph_stats(const tl_morph *m, uint64_t *lookups, uint64_t *hits);

#endif
