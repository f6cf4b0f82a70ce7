/*
 * termreport_p.h - the private tables of the terminology report, shared by its
 * accumulator (termreport.c) and its writers (termreport_out.c).
 */
#ifndef TL_TERMREPORT_P_H
#define TL_TERMREPORT_P_H

#include "usage.h"

#include <stdint.h>

typedef struct {
    char *path, *before, *text, *after;
    unsigned line, col;
} tr_example;

/* A rendering of a concept: one glossary form, in one language */
typedef struct {
    char *concept, *canonical, *lang, *term;
    tl_term_kind kind;
    uint64_t count, files;
    tr_example ex[USAGE_EXAMPLES]; /* the first ones, in tr_cmp_example order */
    size_t nex;
} tr_rendering;

typedef struct {
    char *key;
    uint64_t n;
} tr_count;

/* A checked file. uses = counted + short forms; compliance = canon / counted */
typedef struct {
    char *path, *lang, *error;
    uint64_t words, findings, uses, counted, canon;
    tr_count *rules; /* findings per rule, most first */
    size_t nrules;
    char **concepts; /* sorted, distinct */
    size_t nconcepts;
} tr_file;

typedef struct {
    char *concept, *text;
    tl_lang lang;
    tl_term_kind kind;
} tr_gterm;

/* A term candidate's rendering: one text of one group (language and key) */
typedef struct {
    char *lang, *key, *text, *kind;
    uint64_t count, files;
    tr_example ex[USAGE_EXAMPLES];
    size_t nex;
} tr_cand;

struct termreport {
    tr_rendering *r;
    size_t nr, capr, nr_merged;
    tr_count *c; /* concept -> files */
    size_t nc, capc, nc_merged;
    tr_count *rules; /* rule id -> findings */
    size_t nrules, caprules, nrules_merged;
    tr_file *f;
    size_t nf, capf;
    tr_gterm *g; /* the glossaries' terms, in load order */
    size_t ng, capg;
    int have_glossary;
    uint64_t words;
    tr_cand *k; /* term candidates */
    size_t nk, capk, nk_merged;
    tr_count *kg; /* "lang:key" -> files */
    size_t nkg, capkg, nkg_merged;
};

/* strcmp with NULL as "" */
int tr_cmp_str(const char *a, const char *b);
int tr_cmp_example(const tr_example *a, const tr_example *b);
/* qsort order of tr_count: most first, then by key */
int tr_cmp_count_desc(const void *a, const void *b);
/* "canonical" ... "literal" -> the kind; TL_TERM_NONE for anything else */
tl_term_kind tr_kind_parse(const char *s);
/* Merges what is still pending: the tables are sorted and distinct afterwards. */
void tr_finish(termreport *t);

/* ---- views of the tables, as the writers show them (termreport_out.c) ---------------- */

/* A concept used by the corpus: its renderings (a slice of t->r, worst first) */
typedef struct {
    const char *id;
    tr_rendering *r; /* its renderings in t->r */
    size_t nr;
    uint64_t by_kind[TL_TERM_LITERAL + 1];
    uint64_t uses, files;
    const char *canon_ru, *canon_uk;
} concept_view;

/* canonical + variant + forbidden + literal uses: compliance's denominator */
uint64_t tr_counted(const concept_view *c);

typedef struct {
    uint64_t by_kind[TL_TERM_LITERAL + 1], uses, findings;
} totals;

/* What the glossaries hold that the corpus does not use. */
typedef struct {
    const tr_gterm **unused; /* canonical term (or first term) of each unused concept */
    size_t nunused, nconcepts;
    const tr_gterm **unmatched; /* terms never matched, in glossary order */
    size_t nunmatched;
    const tr_gterm **shared; /* forms of several concepts, sorted by language and form */
    size_t nshared;
} coverage;

/* A group of term candidates: renderings t->k[first, first + n) of one language and
 * key, ranked by uses, then files, then key */
typedef struct {
    tr_cand *r; /* most used first */
    size_t nr;
    uint64_t uses, files;
} cand_group;

/* The candidate groups, ranked (owned: free), with at least 2 uses; *n of them. t->k is
 * regrouped. (candidates_out.c) */
cand_group *tr_cand_groups(termreport *t, size_t *n);
/* The proposed glossary entry of group g, and of `other` (NULL, or a group of the
 * other language with the same id) as its other language, as YAML lines of a
 * `concepts:` list with `indent` before each. */
void tr_cand_yaml(FILE *o, const cand_group *g, const cand_group *other, const char *indent);
/* The group of v[0, n) in the other language whose id is that of v[i], or NULL; *later
 * says whether it comes after i (then i's entry holds both, and its own is left out). */
const cand_group *tr_cand_pair(const cand_group *v, size_t n, size_t i, int *later);

/* The views every writer needs (termreport_out.c), made by tr_views_make. */
typedef struct {
    concept_view *concepts;
    size_t nconcepts;
    tr_count *fam;
    size_t nfam;
    totals tot;
    coverage cv;
    cand_group *cands; /* term candidates, ranked */
    size_t ncands;
} views;

/* how many candidate groups the report shows: markdown, HTML; JSON and CSV */
#define CAND_SHOWN 20
#define CAND_LISTED 200

/* Sorts and merges the tables and makes the views: 0, or -1 when out of memory (release
 * them either way). */
int tr_views_make(termreport *t, views *w);
void tr_views_release(views *w);

#endif
