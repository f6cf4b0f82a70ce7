/*
 * token.h - words and tokens, the data every stage after the tokenizer reads.
 *
 * A token is a view into the source text (offset and length) with its kind and flags
 * about its surroundings. A word token points at a tl_word: the record of one distinct
 * surface form in one language, cached for the whole context (morph.c), so a word that
 * recurs is analysed once. The record's fields belong to the stages named beside them;
 * a stage writes only its own fields.
 */
#ifndef TL_TOKEN_H
#define TL_TOKEN_H

#include "base.h"

/* ---- words -------------------------------------------------------------------------- */

enum { SCRIPT_NONE = 0, SCRIPT_CYRILLIC = 1, SCRIPT_LATIN = 2, SCRIPT_GREEK = 4, SCRIPT_OTHER = 8 };

/* tl_word.flags: every bit is handed out here, with the file that sets it. */
enum {
    /* morph.c, when the word is first seen */
    WF_CAP = 1 << 0,         /* first letter upper case */
    WF_ALLCAPS = 1 << 1,     /* every letter upper case (and at least two letters) */
    WF_DIGIT = 1 << 2,       /* contains a digit */
    WF_RU_LETTER = 1 << 3,   /* contains ы э ъ ё (letters Ukrainian lacks) */
    WF_UK_LETTER = 1 << 4,   /* contains і ї є ґ (letters Russian lacks) */
    WF_VI_LETTER = 1 << 5,   /* Latin with Vietnamese diacritics (ả ơ ư đ ...) */
    WF_IN_GLOSSARY = 1 << 6, /* a word of a canonical form or variant, or of --words:
                                spelled right */
    WF_USER_WORD = 1 << 7,   /* reserved for --words (they set WF_IN_GLOSSARY today) */
    /* budget.c: how the word's cached suggestions were made */
    WF_SUGG_SLOW = 1 << 8,   /* by Hunspell's slow engine */
    WF_SUGG_NOSLOW = 1 << 9, /* none found, and the slow engine was not allowed */
    /* regex_terms.c: whether the word can start a regex term of its language */
    WF_RX_DONE = 1 << 10, /* decided */
    WF_RX_CAND = 1 << 11, /* it can */
    /* check_langmix.c: whether the word opens a photo or source credit */
    WF_CREDIT_DONE = 1 << 12, /* decided */
    WF_CREDIT = 1 << 13       /* it does («Фото», «Source») */
};

enum { SPELL_UNKNOWN = 0, SPELL_OK, SPELL_BAD };

/* What we know of one distinct surface form in one language; cached per context. */
typedef struct tl_word {
    const char *surface;            /* the exact bytes (map key copy) */
    const char *key;                /* norm_key(): folded, NFC, ё->е for ru */
    const uint32_t *kids;           /* glossary key ids the word can match (match.c) */
    uint32_t pid;                   /* id of the prefix its lemmas must have, 0 none (match.c) */
    const char *const *suggestions; /* NULL until computed (morph.c, budget.c) */
    uint32_t len, keylen;
    uint8_t nkids, kids_done, lemmas_done; /* lemmas: ids from Hunspell lemmas added */
    uint16_t flags;                        /* WF_* */
    uint8_t script;                        /* SCRIPT_* bits of its letters */
    uint8_t spell;                         /* SPELL_* of the surface form */
    uint8_t spell_lower;                   /* SPELL_* of the lower-cased form */
    uint8_t nsuggestions;
    uint8_t ncp;        /* code points, saturated at 255 */
    uint8_t other_lang; /* SPELL_* in the other language's dictionary (lang.mixed) */
    uint8_t ctx_done;   /* ctx_first decided (match.c) */
    uint32_t ctx_first; /* document-wide contexts with an entry whose first word this word
                           matches, one bit each (match.c, match_doc_contexts) */
} tl_word;

/* ---- tokens ------------------------------------------------------------------------- */

enum { TK_WORD = 1, TK_NUMBER, TK_PUNCT };

enum {
    TF_SPACE_BEFORE = 1 << 0,   /* white space precedes the token */
    TF_LINE_START = 1 << 1,     /* first token of its line */
    TF_PARA_START = 1 << 2,     /* first token after a blank line (or of the text) */
    TF_SENT_START = 1 << 3,     /* first word of a sentence */
    TF_URL = 1 << 4,            /* inside a URL or e-mail address */
    TF_CAPS_LINE = 1 << 5,      /* on a line whose words are all in capitals */
    TF_NEWLINE_BEFORE = 1 << 6, /* a line break precedes the token */
    /* check_terms.c, on the tokens of the chunk it has matched: inside a glossary term
     * (families that come after it leave such words to the glossary) */
    TF_IN_TERM = 1 << 7
};

typedef struct {
    size_t off;
    uint32_t len;
    uint8_t kind;
    uint8_t pad;
    uint16_t flags;
    tl_word *w; /* TK_WORD only */
} tl_token;

#endif
