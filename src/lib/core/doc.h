/*
 * doc.h - the state of one document being checked, shared by the stages after
 * tokenising: tokens of the current chunk, per-word analyses, findings.
 *
 * A document is processed in chunks of about 1 MiB that end at a line break, so a
 * huge input needs memory for its text, its line index and one chunk of tokens, not
 * for all of its tokens. Checks see each chunk's tokens once (check_*_chunk) and get a
 * last call when the document ends (check_*_finish) for document-wide decisions
 * (consistency, name variants, numbering).
 */
#ifndef TL_DOC_H
#define TL_DOC_H

#include "norm.h"
#include "source.h"
#include <stdatomic.h>
#include "base.h"

struct gloss;
struct tl_match_index;
struct inflect_ctx;

/* ---- words (morph.c) ------------------------------------------------------------ */

enum { SCRIPT_NONE = 0, SCRIPT_CYRILLIC = 1, SCRIPT_LATIN = 2, SCRIPT_GREEK = 4,
       SCRIPT_OTHER = 8 };

enum {
    WF_CAP = 1 << 0,       /* first letter upper case */
    WF_ALLCAPS = 1 << 1,   /* every letter upper case (and at least two letters) */
    WF_DIGIT = 1 << 2,     /* contains a digit */
    WF_RU_LETTER = 1 << 3, /* contains ы э ъ ё (letters Ukrainian lacks) */
    WF_UK_LETTER = 1 << 4, /* contains і ї є ґ (letters Russian lacks) */
    WF_VI_LETTER = 1 << 5, /* Latin with Vietnamese diacritics (ả ơ ư đ ...) */
    WF_IN_GLOSSARY = 1 << 6, /* a word of a canonical form or variant: spelled right */
    WF_USER_WORD = 1 << 7  /* from --words */
    /* 1 << 8 and 1 << 9: how the suggestions were made (suggest.c); 1 << 10 and 1 << 11:
     * regex-term candidates (check_terms.c); 1 << 12 and 1 << 13: credit words
     * (check_langmix.c) */
};

enum { SPELL_UNKNOWN = 0, SPELL_OK, SPELL_BAD };

/* What we know of one distinct surface form in one language; cached per context. */
typedef struct tl_word {
    const char *surface;  /* the exact bytes (map key copy) */
    const char *key;      /* norm_key(): folded, NFC, ё->е for ru */
    const uint32_t *kids; /* glossary key ids the word can match (match.c) */
    uint32_t pid;         /* id of the prefix its lemmas must have, 0 none (match.c) */
    const char *const *suggestions; /* NULL until computed */
    uint32_t len, keylen;
    uint8_t nkids, kids_done, lemmas_done; /* lemmas: ids from Hunspell lemmas added */
    uint16_t flags;
    uint8_t script;       /* SCRIPT_* bits of its letters */
    uint8_t spell;        /* SPELL_* of the surface form */
    uint8_t spell_lower;  /* SPELL_* of the lower-cased form */
    uint8_t nsuggestions;
    uint8_t ncp;          /* code points, saturated at 255 */
    uint8_t other_lang;   /* SPELL_* in the other language's dictionary (lang.mixed) */
} tl_word;

/* ---- tokens (tokenize.c) -------------------------------------------------------- */

enum { TK_WORD = 1, TK_NUMBER, TK_PUNCT };

enum {
    TF_SPACE_BEFORE = 1 << 0, /* white space precedes the token */
    TF_LINE_START = 1 << 1,   /* first token of its line */
    TF_PARA_START = 1 << 2,   /* first token after a blank line (or of the text) */
    TF_SENT_START = 1 << 3,   /* first word of a sentence */
    TF_URL = 1 << 4,          /* inside a URL or e-mail address */
    TF_CAPS_LINE = 1 << 5,    /* on a line whose words are all in capitals */
    TF_NEWLINE_BEFORE = 1 << 6 /* a line break precedes the token */
};

typedef struct {
    size_t off;
    uint32_t len;
    uint8_t kind;
    uint8_t pad;
    uint16_t flags;
    tl_word *w; /* TK_WORD only */
} tl_token;

/* ---- findings (result.c) -------------------------------------------------------- */

typedef struct {
    size_t off, len;
    tl_rule rule;
    tl_severity severity;
    const char *message;  /* in the doc arena */
    const char **suggestions;
    size_t nsuggestions;
    tl_word *sugg_word;   /* spelling: suggestions are filled later from this word */
    tl_rule *also;        /* rules folded into this finding (result.c) */
    size_t nalso;
} tl_ifinding;

/* ---- uses of glossary concepts (check_terms.c) ----------------------------------- */

struct tl_mterm;

/* One use of a concept for consistency: the term matched, the capitalisation of its
 * words (bit k: word k starts with a capital), the order of occurrence. */
typedef struct {
    const struct tl_mterm *mt;
    uint64_t seq;
    uint32_t capsig;
    uint8_t sent; /* starts a sentence: its first word's case is not comparable */
} cons_use;

/* A use kept in the result for --consistency=run. */
typedef struct {
    cons_use c; /* first */
    size_t off, len;
    const char *text; /* flattened surface text (arena) */
    const char *raw;  /* the source bytes of the span (arena) */
    unsigned line, col, end_line, end_col;
} tl_term_use;

/* ---- the context (ctx.c) -------------------------------------------------------- */

typedef struct tl_shared tl_shared; /* read-only data shared by clones (ctx.c) */
typedef struct tl_morph tl_morph;   /* dictionaries and word caches (morph.c) */

struct tl_ctx {
    tl_shared *sh;
    tl_morph *morph;
    void *brk;             /* UBreakIterator*, owned by tokenize.c */
    const struct tl_ctx *parent; /* the context this one was cloned from, or NULL */
    /* Budgets (suggest.c): written only by the context's own thread, read by its
     * clones to skip work the budget no longer allows. */
    _Atomic long suggest_left; /* words that may still get suggestions; -1 unlimited */
    _Atomic long slow_left;    /* of those, calls to Hunspell's full engine; -1 unlimited */
    int defer_suggestions; /* the CLI fills suggestions in file order (determinism) */
    int owns_shared;       /* 0 for clones */
    void *fam[16];         /* per-context data of check families (checks.h) */
    tl_buf scratch;
};

/* ---- the document ---------------------------------------------------------------- */

typedef struct tl_doc {
    tl_ctx *ctx;
    const char *name;
    tl_source src;
    tl_lang lang;
    const char *lang_reason;
    tl_arena mem;          /* findings, messages, per-document check state */
    tl_token *tok;         /* tokens of the current chunk */
    size_t ntok, cap_tok;
    size_t chunk_start, chunk_end; /* byte range of the current chunk */
    uint64_t nwords;
    tl_ifinding *f;
    size_t nf, cap_f;
    int oom;
    tl_term_use *uses;     /* --consistency=run: exported by check_terms_finish */
    size_t nuses;
    void *state[16];       /* per-check document state, indexed by check family */
} tl_doc;

/* Appends a finding of rule `r` over [off, off+len); the message is formatted into the
 * document arena. Severity comes from the rule table and the context's overrides; a
 * rule switched off adds nothing. Returns the finding (to attach suggestions) or NULL.
 * Sets d->oom on allocation failure. */
tl_ifinding *doc_add(tl_doc *d, tl_rule r, size_t off, size_t len, const char *fmt, ...)
    TL_PRINTF(5, 6);
/* Adds a suggestion (copied into the arena) to `f`. */
void doc_suggest(tl_doc *d, tl_ifinding *f, const char *s, size_t n);
/* Whether rule `r` is on in this context (cheap; checks skip work when off). */
int doc_rule_on(const tl_doc *d, tl_rule r);

#endif
