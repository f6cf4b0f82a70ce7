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
    size_t cap_spelling[3][GL_SP_COUNT];
    size_t cap_furniture[GL_FURN_NGROUPS][GL_FURN_NLANGS];
    size_t cap_accept, cap_reject;
};

/* "ru", "uk": the values of a `lang`/`languages` key, in tl_lang order from RU. */
extern const char *const gloss_lang_names[];

/* Items of `doc_codes:` and `boilerplate:` (ctx: the gloss). */
int ruledata_doc_code(yr_file *y, void *ctx);
int ruledata_pattern(yr_file *y, void *ctx);
/* The value of `furniture:` (the lexicons of the furniture classifier). */
int ruledata_furniture(yr_file *y, gloss *g);
/* Group names of `furniture:`, in GL_FURN_ order, NULL-terminated. */
extern const char *const gloss_furniture_groups[];
/* Word list i (0 reduplications, 1 ru_only_words, 2 uk_only_words, 3 latin_allowed,
 * 4 untranslated_labels), the value of top-level key `key`. */
int ruledata_word_list(yr_file *y, gloss *g, int i, const char *key);
/* Items of `alternations:` (ctx: the gloss), and the value of `function_words:` (which
 * 0), `phrase_links:` (1), `generic_modifiers:` (2) or `house_capitals:` (3): a mapping of ru and uk lists. */
int ruledata_alternation(yr_file *y, void *ctx);
int ruledata_function_words(yr_file *y, gloss *g, int which);

/* Adds concept c (copied into g's arena, its terms too: they may be scratch) as the YAML
 * loader adds one: checked against what g holds, left out when its id is missing or
 * taken (reported). *errors grows by the errors reported. 0, or -1 out of memory.
 * For importers of other formats (gloss_csv.c, gloss_tbx.c). */
int gloss_add_concept(gloss *g, const gl_concept *c, tl_diags *d, size_t *errors);

/* Writers of gloss_export.c and gloss_tbx.c: g appended to b (b->oom says whether whole). */
void gloss_write_yaml(const gloss *g, tl_buf *b);
void gloss_write_csv(const gloss *g, tl_buf *b);
int gloss_write_tbx(const gloss *g, tl_buf *b);
/* Readers: the file's concepts added to g (problems in d with file:line:col). TL_OK,
 * TL_ERR_IO (unreadable), TL_ERR_GLOSSARY (errors), TL_ERR_NOMEM. */
tl_status gloss_read_csv(gloss *g, const char *path, tl_diags *d);
tl_status gloss_read_tbx(gloss *g, const char *path, tl_diags *d);
extern const char CSV_HEADER[];
/* The value of top-level key `spelling:` (a mapping of languages to the lists of
 * gl_spelling). */
int ruledata_spelling(yr_file *y, gloss *g);

/* Where an item was written: the file being read and a position in it. */
static inline gl_loc loc_of(const yr_file *y, yr_pos p)
{
    gl_loc l = {yr_path(y), p.line, p.col};
    return l;
}

#endif
