/*
 * doc.h - the document as the checks see it: the text, the tokens of the current
 * chunk, the resources of the context, and the findings collected so far (doc.c).
 *
 * A document is processed in chunks of about 1 MiB that end at a line break, so a
 * huge input needs memory for its text, its line index and one chunk of tokens, not
 * for all of its tokens. Checks see each chunk's tokens once (their family's chunk
 * hook) and get a last call when the document ends (finish) for document-wide
 * decisions (consistency, name variants, numbering). The core (check.c) fills the
 * document and drives the families; checks only read what it gives them and add
 * findings with doc_add(): they never see the context itself.
 */
#ifndef TL_DOC_H
#define TL_DOC_H

#include "gloss.h"
#include "linefp.h"
#include "registry.h"
#include "source.h"
#include "tokenize.h"

struct tl_match_index;
typedef struct tl_morph tl_morph; /* dictionaries and word caches (morph.c) */

/* ---- findings ----------------------------------------------------------------------- */

typedef struct {
    size_t off, len;
    tl_rule rule;
    tl_severity severity;
    const char *message; /* in the doc arena */
    const char **suggestions;
    size_t nsuggestions;
    tl_word *sugg_word; /* spelling: the misspelt word, whose suggestions come after
                           the check, from a budget (budget.c) */
    tl_rule *also;      /* rules folded into this finding (result.c) */
    size_t nalso;
    /* budget.c's: suggestions for sugg_word a run's thread computed ahead */
    const char *const *ahead;
    uint8_t nahead, ahead_kind;
    const gl_concept *concept; /* glossary rules: the concept concerned (doc_concern) */
    uint8_t whole;             /* about the whole text (its encoding): no excerpt */
    const gl_term *term;       /* glossary rules: the glossary form matched (doc_concern) */
} tl_ifinding;

struct term_use; /* consistency.h */

/* What a run knows of all its texts before it checks any (run.c): the lines that recur
 * in many of them. */
typedef struct {
    linefp_counts lines; /* fingerprint -> texts holding the line; only lines in at
                            least `min` texts are kept */
    uint32_t files;      /* texts in the run */
    uint32_t min;        /* texts a line must be in to be furniture */
} tl_run_lines;

/* ---- the document ------------------------------------------------------------------- */

struct tl_doc {
    /* given by the core for the whole document; the checks only read these */
    tl_source src;
    tl_lang lang;
    const char *lang_reason;
    const gloss *g;                  /* glossaries and rule data (never NULL) */
    const struct tl_match_index *mi; /* the term matcher; NULL without concepts */
    tl_morph *morph;                 /* the context's dictionaries and word cache */
    const tl_severity *severity;     /* per rule, with the context's overrides */
    const rule_opts *ropt;           /* the rules' options (registry.h) */
    int report_unused_disables;      /* suppression.unused wanted (suppress.c) */
    tl_buf *scratch;                 /* the context's scratch buffer: no call keeps it */
    int hold_uses;                   /* run-wide consistency: the terms family keeps the
                                        uses of concepts (uses) instead of judging them */
    const tl_run_lines *run_lines;   /* the run's recurring lines; NULL for a text
                                        checked alone or a run without them */
    /* the current chunk: views of `tk` that the core sets after each chunk */
    tl_token *tok;
    size_t ntok;
    size_t chunk_start, chunk_end; /* byte range of the current chunk */
    tl_tokens tk;                  /* the tokenizer's: the core's only */
    /* what the checks produce */
    tl_arena mem; /* findings, messages, per-document check state */
    tl_ifinding *f;
    size_t nf, cap_f;
    int oom;
    int gave_up;           /* a TL_RULE_LIMIT finding was added */
    int not_utf8;          /* plainly another encoding: said so, not checked (check.c) */
    struct term_use *uses; /* hold_uses: the terms family's uses of concepts, in
                              the arena, for run-wide consistency (corpus.c) */
    size_t nuses;
    void *state[FAM_COUNT]; /* each family's document state (registry.h) */
    /* a section of a longer text (core/sections.c): the markers of the whole text (what
     * their ranges silenced accumulates there, section after section), where the section
     * starts in it, and whether it is the last; sup NULL for a whole text */
    const struct sup_plan *sup;
    size_t sup_base;
    int sup_last;
};

/* Appends a finding of rule `r` over [off, off+len); the message is formatted into the
 * document arena. Severity comes from d->severity; a rule switched off adds nothing.
 * Returns the finding (to attach suggestions) or NULL. Sets d->oom on allocation
 * failure. */
tl_ifinding *doc_add(tl_doc *d, tl_rule r, size_t off, size_t len, const char *fmt, ...)
    TL_PRINTF(5, 6);
/* Adds a suggestion (copied into the arena) to `f`, unless `f` has it already. */
void doc_suggest(tl_doc *d, tl_ifinding *f, const char *s, size_t n);
/* Adds a suggestion formatted into the arena to `f` (NULL: nothing); sets d->oom when
 * out of memory. */
void doc_suggestf(tl_doc *d, tl_ifinding *f, const char *fmt, ...) TL_PRINTF(3, 4);
/* p[0, len) for quoting in a message: at most TL_QUOTE_CP code points, then "…" (a
 * 1 MB word must not make a 1 MB message), copied into the document's arena; NULL (and
 * d->oom set) when out of memory. */
#define TL_QUOTE_CP 80
const char *doc_quote(tl_doc *d, const char *p, size_t len);
/* Records that finding f (NULL: nothing) is at a match of glossary term t: it concerns
 * t's concept, and reports count the rendering by t. */
static inline void doc_concern(tl_ifinding *f, const gl_term *t)
{
    if (f) {
        f->concept = t->concept;
        f->term = t;
    }
}

/* `s` with a capital first letter (Cyrillic or Latin), in the document's arena; `s`
 * itself when it has one already or when out of memory. For a suggestion at the start of
 * a sentence, where the glossary writes most terms in lower case. */
const char *doc_capitalised(tl_doc *d, const char *s);

/* Does the word of norm key `key` (n bytes) end like an adjective of `lang` («центрального»,
 * «провінційної»)? By its ending only: for telling a qualifier before a name from a verb
 * or a noun of the clause before it. */
int doc_adjective_like(tl_lang lang, const char *key, size_t n);
/* The preferred way of writing a document number: option `format` of doc-code.format,
 * else the glossary's doc_number_format; NULL when neither says (the checks' default). */
static inline const char *doc_number_format(const tl_doc *d)
{
    if (d->ropt && d->ropt->number_format)
        return d->ropt->number_format;
    return d->g->doc_number_format;
}

/* Whether rule `r` is on for this document (cheap; checks skip work when it is off). */
int doc_rule_on(const tl_doc *d, tl_rule r);
/* The text of [off, off+len) for quoting in a message or a suggestion, flattened
 * (utf8_add_flat), in the document's arena; NULL (and d->oom set) when out of memory. */
const char *doc_flat(tl_doc *d, size_t off, size_t len);

/* The token at i as a string view. */
static inline tl_span tok_span(const tl_doc *d, size_t i)
{
    tl_span s = {d->src.text + d->tok[i].off, d->tok[i].len};
    return s;
}

/* Whether token i is the single punctuation character `c` (ASCII). */
static inline int tok_is(const tl_doc *d, size_t i, char c)
{
    return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].len == 1 &&
           d->src.text[d->tok[i].off] == c;
}

#endif
