/* gloss_p.h - the glossary loader's private parts, shared by glossary.c (the schema)
 * and ruledata.c (the keys of rule data: document codes, boilerplate patterns, word
 * lists). */
#ifndef TL_GLOSS_P_H
#define TL_GLOSS_P_H

#include "gloss.h"
#include "yaml_reader.h"

/* What a gloss keeps beside its public fields while it is being loaded. */
struct gl_index {
    tl_map ids;   /* concept id -> gl_concept * */
    tl_map forms; /* surface keys -> gl_term * (see gloss_check.c) */
    tl_map files; /* dev:ino of every file loaded -> non-NULL (yaml_reader.c) */
    size_t cap_concepts, cap_doc_codes, cap_boilerplate, cap_contexts;
    size_t cap_lists[5];
    size_t cap_alternations, cap_function_words[2], cap_phrase_links[2], cap_generic_modifiers[2],
        cap_house_capitals[2];
    size_t cap_accept, cap_reject;
};

/* "ru", "uk": the values of a `lang`/`languages` key, in tl_lang order from RU. */
extern const char *const gloss_lang_names[];

/* Items of `doc_codes:` and `boilerplate:` (ctx: the gloss). */
int ruledata_doc_code(yr_file *y, void *ctx);
int ruledata_pattern(yr_file *y, void *ctx);
/* Word list i (0 reduplications, 1 ru_only_words, 2 uk_only_words, 3 latin_allowed,
 * 4 untranslated_labels), the value of top-level key `key`. */
int ruledata_word_list(yr_file *y, gloss *g, int i, const char *key);
/* Items of `alternations:` (ctx: the gloss), and the value of `function_words:` (which
 * 0), `phrase_links:` (1), `generic_modifiers:` (2) or `house_capitals:` (3): a mapping of ru and uk lists. */
int ruledata_alternation(yr_file *y, void *ctx);
int ruledata_function_words(yr_file *y, gloss *g, int which);

/* Where an item was written: the file being read and a position in it. */
static inline gl_loc loc_of(const yr_file *y, yr_pos p)
{
    gl_loc l = {yr_path(y), p.line, p.col};
    return l;
}

#endif
