/*
 * gloss.h - the glossary (termbase) and rule data as loaded from YAML (glossary.c,
 * ruledata.c, through yaml_reader.c). Read-only once loaded; shared between contexts.
 *
 * Everything a gloss owns lives in its arena and dies with gloss_free().
 * File/line/col of each item point into the YAML file it came from (1-based), so
 * `termlint glossary check` and runtime messages can name them.
 */
#ifndef TL_GLOSS_H
#define TL_GLOSS_H

#include "base.h"

typedef enum {
    GL_CAT_GENERAL = 0,
    GL_CAT_TITLE,
    GL_CAT_BODY,
    GL_CAT_DOCUMENT,
    GL_CAT_PERSON,
    GL_CAT_PLACE,
    GL_CAT_EVENT
} gl_category;

typedef enum { GL_CANONICAL = 0, GL_VARIANT, GL_FORBIDDEN } gl_kind;
typedef enum { GL_MATCH_INFLECTED = 0, GL_MATCH_EXACT, GL_MATCH_REGEX } gl_match;

/* Where an item was written. */
typedef struct {
    const char *file; /* arena copy of the path as opened */
    unsigned line, col;
} gl_loc;

struct gl_concept;

typedef struct gl_term {
    const char *text; /* UTF-8 as written (the pattern for GL_MATCH_REGEX) */
    gl_kind kind;
    gl_match match;          /* default GL_MATCH_INFLECTED */
    bool case_sensitive;     /* default false */
    bool short_form;         /* `short: true`: an abbreviation or short form that prose
                                uses after the full name; not counted for consistency */
    bool literal;            /* `literal: true` on a forbidden form: a literal MT
                                rendering, reported as term.literal */
    const char *message;     /* why it is forbidden / a note; NULL if none */
    const char *suggest;     /* forbidden only: explicit replacement; NULL = canonical */
    const char *display;     /* `display:` how a regex term is written in messages and
                                suggestions («резолюция»); NULL = its text (gl_term_shown) */
    const char *context;     /* `context:` id of a gl_context the match needs nearby
                                (the gloss's contexts); NULL = anywhere */
    const char **not_before; /* `not_before:` words that, directly after the match,
                                make it another thing («Конгресс США»); NULL-term. */
    size_t nnot_before;
    const char **not_after; /* `not_after:` words that, directly before the match, make it
                                another thing («американский Конгресс»); NULL-term. */
    size_t nnot_after;
    tl_lang lang; /* TL_LANG_RU or TL_LANG_UK */
    struct gl_concept *concept;
    gl_loc loc;
} gl_term;

/* How term t is written for a reader (messages, suggestions): its `display:`, else its
 * text, but never a regex pattern (NULL for a regex term without `display:`). */
static inline const char *gl_term_shown(const gl_term *t)
{
    return t->display ? t->display : t->match == GL_MATCH_REGEX ? NULL : t->text;
}

/* A post a person held (`posts:` of a person concept), with its dates as written
 * ("2024", "2024-08", "2024-08-03"; NULL = open). */
typedef struct {
    const char *title; /* a concept id or free text */
    const char *valid_from, *valid_to;
    gl_loc loc;
} gl_post;

/* An example sentence of a concept's use (`examples:` of a language mapping):
 * `good` ones must match the concept without a forbidden finding, `bad` ones must
 * give a forbidden one (`termlint glossary test`). */
typedef struct {
    const char *text;
    tl_lang lang;
    bool bad;
    gl_loc loc;
} gl_example;

/* A named set of words (`contexts:`): a term with `context: id` counts only when one
 * of them occurs within `window` words of it (0: in the same sentence). */
#define GL_WINDOW_DOCUMENT 0xFFFFu

typedef struct {
    const char *id;
    unsigned window;       /* GL_WINDOW_DOCUMENT: anywhere in the document */
    unsigned categories;   /* `categories:` a term of a concept of one of these
                                (bit 1 << gl_category) counts as a word of the context */
    const char **ru, **uk; /* NULL-terminated terms, matched like inflected terms */
    size_t nru, nuk;
    gl_loc loc;
} gl_context;

typedef struct gl_concept {
    const char *id;
    gl_category category;
    const char *note;    /* NULL if none */
    const char *vi, *en; /* source-language forms; NULL if none */
    gl_term *terms;      /* all languages, in file order */
    size_t nterms;
    const char **sources; /* `source:` where the renderings are attested; NULL-term. */
    size_t nsources;
    gl_post *posts; /* `posts:` (persons), in file order */
    size_t nposts;
    gl_example *examples; /* `examples:` of every language, in file order */
    size_t nexamples;
    gl_loc loc;
} gl_concept;

/* A document code such as NQ (resolution). */
typedef struct {
    const char *code;      /* as written in the glossary, e.g. "QĐ" */
    const char *ascii;     /* the ASCII spelling MT writes, e.g. "QD"; NULL if same */
    const char *vi;        /* e.g. "quy định" */
    const char *const *ru; /* NULL-terminated type words (lemmas), first preferred */
    const char *const *uk;
    gl_loc loc;
} gl_doc_code;

/* Rule data: patterns and word lists that are data, not C. */
typedef struct {
    const char *id;    /* pattern name, e.g. "comment-counter" */
    const char *regex; /* ICU regex, matched against each line */
    const char *message;
    tl_lang lang;       /* TL_LANG_AUTO = any language */
    const char **hints; /* `hints`: texts of which one must occur (ASCII case
                           ignored) for the pattern to be tried at all; NULL none */
    size_t nhints;
    gl_loc loc;
} gl_pattern;

/* A set of head words that machine translation alternates for one concept (`alternations:`):
 * «комитет / комиссия / отдел», «резолюция / постановление». */
typedef struct {
    const char *id;
    bool ranked;           /* a tie goes to the word listed first (else to the first used) */
    const char **ru, **uk; /* NULL-terminated words, dictionary forms */
    size_t nru, nuk;
    gl_loc loc;
} gl_alternation;
/* Rule data of the spelling rules in one language (`spelling:` ru / uk), each list
 * NULL-terminated (docs/glossary-format.md says what each holds). The pair lists
 * hold their pairs flattened: first, second, first, second, ... */
enum {
    GL_SP_ABBREVIATIONS = 0, /* «окт.», «г-н» */
    GL_SP_COMPOUND_PREFIXES, /* «гос», «кибер»: clipped first parts */
    GL_SP_NUMERAL_PREFIXES,  /* «пяти», «двух»: numeral first parts */
    GL_SP_ADJECTIVE_LINKS, /* pairs [о, ий]: «российско-», «российский» */
    GL_SP_ORDINAL_ENDINGS, /* pairs [ый, й]: «1-ый», «1-й» */
    GL_SP_WORDS,           /* words the dictionary lacks */
    GL_SP_HYPHEN_PREFIXES, /* «конференц», «экс»: first parts written with a hyphen */
    GL_SP_COUNT
};
typedef struct {
    const char **list[GL_SP_COUNT];
    size_t n[GL_SP_COUNT];
} gl_spelling;
/* The lexicons of the page-furniture classifier (`furniture:` of the rule data,
 * check_furniture.c): one list of words and phrases per group and language. The
 * groups say what a line made of their entries is; months and weekdays are lists in
 * calendar order, each entry its forms separated by '|' (the first is the one a
 * suggestion writes). */
enum {
    GL_FURN_SECTIONS = 0, /* site sections and rubrics: «Новости», «В мире» */
    GL_FURN_BUTTONS, /* buttons, menus, links: «Поделиться», «Читать далее» */
    GL_FURN_COUNTERS,     /* words of view and comment counters: «просмотров» */
    GL_FURN_BLOCKS,       /* headers of blocks of other articles: «Другие статьи» */
    GL_FURN_PLACEHOLDERS, /* loading and advertising placeholders: «Загрузка...» */
    GL_FURN_BYLINES,      /* words that go with a date on a byline: «обновлено» */
    GL_FURN_LICENCES,   /* licence and copyright phrases: «Все права защищены» */
    GL_FURN_SITE_WORDS, /* words of site headers in Vietnamese and English: «Báo» */
    GL_FURN_CREDITS,    /* words that open a photo or source credit: «Фото» */
    GL_FURN_MONTHS,     /* 12 entries per language, January first */
    GL_FURN_WEEKDAYS,   /* 7 entries per language, Monday first */
    GL_FURN_NGROUPS
};
enum { GL_FURN_RU = 0, GL_FURN_UK, GL_FURN_VI, GL_FURN_EN, GL_FURN_NLANGS };

/* A NULL-terminated list of strings in the gloss arena. */
typedef struct {
    const char **items;
    size_t n;
} gl_wordlist;

typedef struct gloss gloss;

struct gloss {
    tl_arena mem;
    unsigned languages;         /* `languages:` of the files, bit (1 << tl_lang) each */
    const char *name, *version; /* of the first (top) file; NULL if none */
    gl_concept **concepts;      /* in load order (includes first-come) */
    size_t nconcepts;
    gl_doc_code *doc_codes;
    size_t ndoc_codes;
    const char *doc_number_format; /* preferred format, e.g. "№ {n}-{code}/{issuer}";
                                      NULL = that default */
    gl_pattern *boilerplate;       /* boilerplate line patterns */
    size_t nboilerplate;
    const char **reduplications; /* allowed repetitions ("снова и снова"), NULL-term. */
    size_t nreduplications;
    const char **ru_only_words; /* frequent Russian words that are not Ukrainian */
    size_t nru_only_words;
    const char **uk_only_words; /* frequent Ukrainian words that are not Russian */
    size_t nuk_only_words;
    const char **latin_allowed; /* Latin words/abbreviations allowed in Cyrillic text */
    size_t nlatin_allowed;
    const char **untranslated_labels; /* English labels such as "Source:" */
    size_t nuntranslated_labels;
    gl_wordlist furniture[GL_FURN_NGROUPS][GL_FURN_NLANGS]; /* `furniture:` lexicons */
    gl_context *contexts; /* `contexts:` word sets terms may require nearby */
    size_t ncontexts;
    gl_alternation *alternations; /* `alternations:` head words MT uses for one concept */
    size_t nalternations;
    const char **function_words[2]; /* `function_words:` ru / uk prepositions, conjunctions
                                       and particles: never a word of a name */
    size_t nfunction_words[2];
    const char **phrase_links[2]; /* `phrase_links:` ru / uk function words that may join
                                     the words of one name («комиссия по пропаганде и ...») */
    size_t nphrase_links[2];
    const char **generic_modifiers[2]; /* `generic_modifiers:` ru / uk words that qualify
                                          many names («центральный», «провинция»): alone
                                          they do not tell one body from another */
    size_t ngeneric_modifiers[2];
    const char **house_capitals[2]; /* `house_capitals:` ru / uk words that house style
                                       capitalises at will («Партия», «Государство»): their
                                       first letter is no inconsistency */
    size_t nhouse_capitals[2];
    gl_spelling spelling[3]; /* `spelling:` rule data, by tl_lang (0 unused) */
    const char **accept;     /* `accept:` words and names spelled right in both languages (a
                            vocabulary's allow list), NULL-terminated */
    size_t naccept;
    const char **reject; /* `reject:` words and phrases reported wherever they occur
                            (vocabulary.rejected), NULL-terminated */
    size_t nreject;
    struct gl_index *index; /* the loader's (gloss_p.h): id and surface-form maps,
                                files already loaded, array capacities */
};

/* A new empty glossary (owned: gloss_free), or NULL when out of memory. */
gloss *gloss_new(void);
void gloss_free(gloss *g); /* NULL is a no-op */

/* Loads YAML file `path` (and, recursively, its `include:` files, relative to the
 * including file; cycles are reported) into `g`, appending to what is already there.
 * Every problem goes to `d` with file:line:col: errors (unknown keys with a "did you
 * mean", wrong types, duplicate ids, empty terms, bad regexes, include cycles, YAML
 * syntax errors with libyaml's mark, alias bombs, a forbidden form equal to its
 * concept's canonical one) and warnings (the same surface form claimed by two
 * concepts, a concept without `vi`, ...); docs/glossary-format.md lists them all.
 * A concept whose id is missing or already taken is reported and left out.
 * Returns TL_OK when the file was usable (warnings possible), TL_ERR_IO when it cannot
 * be read, TL_ERR_GLOSSARY when it has errors (what could be loaded stays in `g`),
 * TL_ERR_NOMEM. */
tl_status gloss_load(gloss *g, const char *path, tl_diags *d);

/* The same for `len` bytes at `data` (borrowed for the call) named `name` in messages;
 * `include:` is reported, not followed. For glossaries that come from memory (the fuzz
 * target). */
tl_status gloss_load_mem(gloss *g, const char *name, const char *data, size_t len, tl_diags *d);

/* Appends NULL-terminated `words` (copied into g's arena) to g's accept list (`reject`
 * false) or reject list: what a configuration's accept: and reject: add to the
 * glossaries'. 0, or -1 when out of memory. */
int gloss_add_words(gloss *g, const char *const *words, bool reject);

/* The context named `id` (borrowed from g), or NULL when none is loaded. */
const gl_context *gloss_context(const gloss *g, const char *id);

/* ---- internal to the glossary loader (glossary.c, ruledata.c, gloss_check.c) ------ */

/* Compiles ICU regex `pattern` (UTF-8, NUL-terminated) to see whether it is valid.
 * Returns 0 when valid; 1 when not, with the reason appended to `why` (ICU's error
 * name and where in the pattern, as a 1-based code point); -1 when out of memory. */
int gloss_regex_check(const char *pattern, tl_buf *why);

/* True when `s` (may be NULL) shows nothing: only white space and invisible code
 * points (tc_blank). */
bool gloss_blank(const char *s);

/* Checks concept `c`, just read with its terms (`has_langs`: it had a `ru` or `uk`
 * key), against everything checked before:
 *   errors   - no id, an id already in `ids` (then *keep is false: leave `c` out;
 *              a missing id becomes "(no id)"), bad regexes, a forbidden form equal
 *              to a canonical form or a variant of `c`;
 *   warnings - no `vi`, no terms, a term twice in `c`, a surface form already
 *              claimed by another concept.
 * When *keep, records c in `ids` (id -> gl_concept *) and its terms' surface keys in
 * `forms` (see gloss_check.c; values are gl_term *, which must outlive the maps).
 * Returns the number of errors appended to `d` (may be NULL), -1 when out of memory. */
int gloss_check_concept(tl_map *ids, tl_map *forms, gl_concept *c, bool has_langs, tl_diags *d,
                        bool *keep);

/* Checks the terms target->terms[first_new..] that an `extends:` concept added to
 * `target` against all loaded forms (its own terms included), as gloss_check_concept()
 * checks a concept's. Returns the number of errors appended to `d`, -1 when out of
 * memory. */
int gloss_check_extension(tl_map *forms, gl_concept *target, size_t first_new, tl_diags *d);

#endif /* TL_GLOSS_H */
