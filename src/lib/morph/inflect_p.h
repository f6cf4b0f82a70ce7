/*
 * inflect_p.h - the insides of inflection, shared by its three files: the grammar
 * tables (inflect_tables.c), reading a phrase into words and their possible readings
 * (inflect_read.c), and analysing and generating forms (inflect.c, with the method in
 * its top comment). Private to them.
 */
#ifndef TL_INFLECT_P_H
#define TL_INFLECT_P_H

#include "inflect.h"

/* ---- grammar: cases, numbers, genders --------------------------------------------- */

enum { NOM, GEN, DAT, ACC, INS, LOC, NCASE };
enum { SG, PL };
enum { MASC, FEM, NEUT, PLR }; /* adjective rows; PLR = plural of any gender */

/* kept on one line each: */
/* clang-format off */
#define BIT(num, c) (1u << ((num) * NCASE + (c)))
#define ALL_CELLS ((1u << (2 * NCASE)) - 1)
#define NO_SG {NULL, NULL, NULL, NULL, NULL, NULL}
/* clang-format on */

/* An adjective paradigm: rows MASC FEM NEUT PLR, cases NOM GEN DAT ACC INS LOC; cells
 * in the syntax of inflect.c's top comment. */
typedef struct {
    const char *f[4][NCASE];
} adecl;

/* A noun paradigm: [SG|PL][case]; `end` is cut from the lemma to give the stem. */
typedef struct {
    const char *end;
    const char *f[2][NCASE];
} ndecl;

typedef struct {
    const char *a, *b;
} pair;

/* ---- the tables (inflect_tables.c, where each is explained) ----------------------- */

extern const unsigned char PREFER[2 * NCASE][2];
extern const adecl RU_ADJ_HARD;
extern const adecl RU_ADJ_VELAR;
extern const adecl RU_ADJ_SIB;
extern const adecl RU_ADJ_SOFT;
extern const adecl UK_ADJ_HARD;
extern const adecl UK_ADJ_SOFT;
extern const ndecl RU_M_HARD;
extern const ndecl RU_M_VELAR;
extern const ndecl RU_M_SIB;
extern const ndecl RU_M_TS;
extern const ndecl RU_M_SOFT;
extern const ndecl RU_M_J;
extern const ndecl RU_M_IJ;
extern const ndecl RU_F_A;
extern const ndecl RU_F_A_VELAR;
extern const ndecl RU_F_A_SIB;
extern const ndecl RU_F_A_TS;
extern const ndecl RU_F_YA;
extern const ndecl RU_F_IYA;
extern const ndecl RU_F_SOFT;
extern const ndecl RU_F_SOFT_SIB;
extern const ndecl RU_N_O;
extern const ndecl RU_N_E;
extern const ndecl RU_N_E_SIB;
extern const ndecl RU_N_IE;
extern const ndecl RU_N_YE;
extern const ndecl RU_PL_Y;
extern const ndecl RU_PL_I_HARD;
extern const ndecl RU_PL_I_SOFT;
extern const ndecl RU_PL_II;
extern const ndecl UK_M_HARD;
extern const ndecl UK_M_VELAR;
extern const ndecl UK_M_SIB;
extern const ndecl UK_M_SOFT;
extern const ndecl UK_M_R;
extern const ndecl UK_M_J;
extern const ndecl UK_F_A;
extern const ndecl UK_F_A_SIB;
extern const ndecl UK_F_YA;
extern const ndecl UK_F_IYA;
extern const ndecl UK_F_VYA;
extern const ndecl UK_F_SOFT;
extern const ndecl UK_N_O;
extern const ndecl UK_N_O_VELAR;
extern const ndecl UK_N_E;
extern const ndecl UK_N_E_SIB;
extern const ndecl UK_N_YA;
extern const ndecl UK_PL_Y;
extern const ndecl UK_PL_I_HARD;
extern const ndecl UK_PL_I_SOFT;
extern const ndecl UK_PL_II;
extern const ndecl UK_PL_YI;
extern const ndecl INDECL;
extern const ndecl UNSAFE;
extern const char *const RU_INDECL[];
extern const char *const UK_INDECL[];
extern const char *const RU_UNSAFE[];
extern const char *const UK_UNSAFE[];
extern const char *const RU_FEM_SOFT_ENDS[];
extern const char *const RU_MASC_SOFT[];
extern const char *const RU_FEM_SOFT[];
extern const char *const UK_FEM_SOFT_ENDS[];
extern const char *const UK_MASC_SOFT[];
extern const char *const UK_FEM_SOFT[];
extern const char *const UK_ISTJ_KEEP[];
extern const char *const UK_FEM_DOUBLE_YA[];
extern const char *const UK_MIXED_R[];
extern const char *const UK_NOUN_ONLY[];
extern const char *const UK_SOFT_PL_ENDS[];
extern const char *const UK_SOFT_ADJ_NN[];
extern const char *const RU_ANIMATE[];
extern const char *const UK_ANIMATE[];
extern const char *const UK_GEN_A[];
extern const pair RU_STEMS[];
extern const pair UK_STEMS[];
extern const pair UK_ALTERNATE_ENDS[];
extern const char *const RU_KEEP_VOWEL[];
extern const char *const UK_KEEP_VOWEL[];
extern const pair RU_NOM_PL[];
extern const pair PL_GEN[];

/* ---- words and phrases (inflect_read.c) -------------------------------------------- */

enum { W_CYR, W_INV, W_ORD };

typedef struct {
    const adecl *t; /* NULL: no adjective reading */
    int row;        /* MASC FEM NEUT PLR */
} adj_reading;

typedef struct {
    const ndecl *by[3]; /* table when the noun is MASC/FEM/NEUT; NULL: cannot be */
    int gender;         /* default gender */
    int plural;         /* plural lemma («збори», «выборы») */
    int any;            /* has a noun reading */
} noun_reading;

typedef struct {
    size_t off, len;           /* token, in phrase bytes */
    size_t core_off, core_end; /* core, in phrase bytes */
    size_t ncp;                /* normalised code points of the core */
    size_t *src;               /* src[i]: phrase offset of code point i; src[ncp] = core_end */
    char *norm;                /* normalised core, UTF-8 */
    size_t *nb;                /* nb[i]: offset of code point i in norm; nb[ncp] = strlen */
    size_t lex;                /* first code point of the last hyphen component */
    int kind;                  /* W_CYR, W_INV, W_ORD */
    int title;                 /* last component capitalised, rest lower case */
    int animate, gen_a;
    adj_reading adj;
    noun_reading noun;
} word;

typedef struct {
    tl_lang lang;
    tl_arena *mem; /* scratch, released by inflect_like */
    const char *text;
    word *w;
    size_t n;
} phrase_words;

typedef struct {
    size_t s, h;     /* first declinable word; head */
    int none;        /* nothing declinable: all words kept */
    int head_adj;    /* head is an adjective used as a noun (заведующий) */
    int row;         /* MASC FEM NEUT or PLR: the phrase's agreement */
    const ndecl *nt; /* head table (noun head) */
    int name;        /* head followed by a capitalised word: a personal name */
} phrase;

/* Whether code point c is one of the UTF-8 string `set`'s. */
int infl_cp_in(uint32_t c, const char *set);
/* Cyrillic vowels; consonants (not ь ъ й). */
int infl_is_vowel(uint32_t c);
int infl_is_consonant(uint32_t c);
/* Code points of NUL-terminated s. */
size_t infl_ncp_of(const char *s);
/* Whether s is an entry of NULL-terminated `list`. */
int infl_in_list(const char *const *list, const char *s);
/* The b of the entry whose a is s, or NULL. */
const char *infl_pair_get(const pair *list, const char *s);
/* Whether s ends with suf. */
int infl_str_ends(const char *s, const char *suf);
/* The last hyphen component of w's normalised core (borrowed from w). */
const char *infl_lexeme(const word *w);
/* k-th code point from the end of the last component (0 = last), or 0. */
uint32_t infl_back(const word *w, size_t k);
/* Vowels of the last component. */
size_t infl_syllables(const word *w);
/* Splits `text` into pw's words (runs of non-space code points), each normalised; in
 * pw->mem. 0, or -1 when out of memory or on bad UTF-8. */
int infl_split_words(phrase_words *pw, tl_lang lang, const char *text);
/* Sets w's adjective and noun readings from its ending and the word lists. */
void infl_read_word(const phrase_words *pw, word *w);
/* The phrase structure of pw (the head and its agreeing adjectives, as inflect_read.c
 * explains there): 0, or -1 when it has no head. */
int infl_parse_phrase(const phrase_words *pw, phrase *ph);

#endif
