/*
 * registry.h - the rule table and the check families (registry.c).
 *
 * A check family is one check_*.c file: the rules it reports and the hooks the core
 * calls for each document. Like curl's TLS backends (a struct of function pointers and
 * the size of the backend's state, which the core allocates), a family declares the
 * bytes of state it needs per document and per context and never allocates them
 * itself:
 *
 *   context made   ctx state zeroed (ctx_state_size)
 *   per document   doc state zeroed in the document's arena (state_size)
 *                  prepare  once, before the first chunk (the language is known)
 *                  chunk    for every chunk of tokens, in order
 *                  finish   once, after the last chunk: document-wide decisions
 *                  release  once, also after an error: what the state owns on the heap
 *   context freed  ctx_release, then the ctx state is freed
 *
 * Per-context state is for data built once and used for every document the context
 * checks (compiled regexes, word maps of the rule data): a context is used by one
 * thread at a time, so it needs no lock. Checks talk to each other only through data:
 * the findings they add.
 *
 * Adding a family: its check_*.c file defining a `const tl_family family_x`, its
 * FAM_ value and its row in families[] (registry.c), and its rules in the rule table.
 */
#ifndef TL_REGISTRY_H
#define TL_REGISTRY_H

#include "base.h"

/* ---- rules -------------------------------------------------------------------------- */

/* One rule: its public description and what only the library needs. */
typedef struct {
    tl_rule_info info;
    unsigned char prec; /* precedence class: lower is more specific and wins on a shared
                           span (result.c) */
} rule_row;

/* The row of rule `r` (static), or NULL when `r` is not a rule. */
const rule_row *rule_row_of(tl_rule r);
/* Precedence class of `r` (99 when `r` is not a rule). */
int rule_prec(tl_rule r);
/* Whether a finding of `r` folds the less specific findings on or inside its span into
 * its `also` (result.c): every rule but term.use, which only observes. */
int rule_folds(tl_rule r);

/* ---- rule options (tl_rule_option_at lists them) -------------------------------------- */

/* The options' values for one profile (ctx.c), as the checks read them. */
typedef struct {
    int quotes_style;          /* typography.quotes style: -1 auto, else the style's index
                                  (0 guillemets, 1 curly, 2 straight: check_typography's Q_) */
    const char *number_format; /* doc-code.format format; NULL: the glossary's */
} rule_opts;

/* Option `name` of rule `r`, or NULL. */
const tl_rule_option *rule_option_find(tl_rule r, const char *name);
/* The names of r's options into names[] (NULL-terminated, at most cap - 1); their number. */
size_t rule_option_names(tl_rule r, const char **names, size_t cap);
/* Why `value` is not a value of `o` (static), or NULL when it is one. */
const char *rule_option_invalid(const tl_rule_option *o, const char *value);
/* Every option at its default. */
void rule_opts_init(rule_opts *ro);
/* Sets option `o` to `value` (valid: rule_option_invalid; borrowed, must outlive ro). */
void rule_opts_set(rule_opts *ro, const tl_rule_option *o, const char *value);
/* The value of option `o` in `ro` (borrowed), or NULL when it has none. */
const char *rule_opts_get(const rule_opts *ro, const tl_rule_option *o);

/* ---- families ----------------------------------------------------------------------- */

typedef struct tl_doc tl_doc;

/* The hooks return 0, or -1 when out of memory. `st` is the family's document state,
 * `cst` its context state (NULL when the size is 0). */
typedef struct {
    const char *name;
    size_t state_size;     /* per document, zeroed, in the document's arena */
    size_t ctx_state_size; /* per context, zeroed */
    int (*prepare)(tl_doc *d, void *st, void *cst); /* may be NULL */
    int (*chunk)(tl_doc *d, void *st, void *cst);
    int (*finish)(tl_doc *d, void *st, void *cst); /* may be NULL */
    void (*release)(void *st);                     /* may be NULL */
    void (*ctx_release)(void *cst);                /* may be NULL */
} tl_family;

/* The families, in the order they run (which is the order findings are produced in; it
 * does not decide precedence). */
enum {
    FAM_SPELLING = 0,
    FAM_TERMS,
    FAM_DOCCODE,
    FAM_NUMBERING,
    FAM_TYPOGRAPHY,
    FAM_NAMES,
    FAM_DOUBLED,
    FAM_LANGMIX,
    FAM_BOILERPLATE,
    FAM_ALTERNATION, /* after FAM_TERMS: it reads the tokens the terms family marked */
    FAM_FURNITURE,   /* after boilerplate: it skips the lines the patterns reported */
    FAM_VOCAB,
    FAM_COUNT
};

/* Family i (0 <= i < FAM_COUNT), static. */
const tl_family *family_at(size_t i);

extern const tl_family family_spelling, family_terms, family_doccode, family_numbering,
    family_typography, family_names, family_doubled, family_langmix, family_boilerplate,
    family_alternation, family_furniture, family_vocab;

#endif
