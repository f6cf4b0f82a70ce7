/*
 * termlint.h - the public API of libtermlint, a terminology and translation-quality
 * checker for Russian and Ukrainian text.
 *
 * This header is the reference manual: what is not declared here is not public.
 * Ownership words used below:
 *   owned    - the caller frees it with the function named;
 *   borrowed - valid until the object named is freed;
 *   takes    - the callee frees it.
 *
 * Typical use, one text:
 *   tl_options opt;  tl_options_init(&opt);  opt.glossaries = ...;
 *   tl_ctx *ctx;     tl_ctx_new(&opt, &ctx, diags);
 *   tl_result *r;    tl_check(ctx, "a.txt", text, len, &r);
 *   for (i = 0; i < tl_result_count(r); i++) use(tl_result_at(r, i));
 *   tl_result_free(r);  tl_ctx_free(ctx);
 *
 * Many texts: a run (tl_run_new) checks them on its own threads and hands the results
 * over in input order, the same whatever the number of threads; it also owns what
 * spans texts (the suggestion budget, run-wide consistency, lines that recur in many
 * texts).
 *
 * A tl_ctx is not thread-safe: give each thread its own, made with tl_ctx_clone(),
 * which shares the read-only glossary and rule data and has its own caches; a run
 * does this itself.
 */
#ifndef TERMLINT_H
#define TERMLINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TL_VERSION_MAJOR 0
#define TL_VERSION_MINOR 4
#define TL_VERSION_PATCH 0
#define TL_VERSION_STRING "0.4.0"

/* The library's version, as TL_VERSION_STRING at build time (static string). */
const char *tl_version(void);

/* Status codes. Append only: never renumber or reuse a value. */
typedef enum {
    TL_OK = 0,
    TL_ERR_NOMEM,      /* an allocation failed */
    TL_ERR_LIMIT,      /* an input exceeded a built-in limit (tl_check: with a result
                          whose TL_RULE_LIMIT findings say where) */
    TL_ERR_IO,         /* a file could not be read */
    TL_ERR_ENCODING,   /* input is not valid UTF-8 or holds a NUL byte */
    TL_ERR_GLOSSARY,   /* a glossary or rule file is unusable */
    TL_ERR_DICTIONARY, /* a Hunspell dictionary is missing or unusable */
    TL_ERR_USAGE,      /* a bad option or argument */
    TL_ERR_CONFIG      /* a configuration file is unusable */
} tl_status;

/* A static English description of `s`. */
const char *tl_status_str(tl_status s);

/* Severities, lowest first; comparisons with < and > are meaningful. */
typedef enum {
    TL_SEV_OFF = 0, /* a rule switched off */
    TL_SEV_INFO,
    TL_SEV_WARNING,
    TL_SEV_ERROR
} tl_severity;

/* "info", "warning", "error" or "off" (static). */
const char *tl_severity_str(tl_severity s);
/* Parses a severity name; returns 0 and sets *out, or -1 for an unknown name. */
int tl_severity_parse(const char *name, tl_severity *out);

/* Rules. Every finding names one. Append only: never renumber or reuse a value, so that
 * a program, a configuration or a stored report may keep them; the string ids
 * (tl_rule_id: "term.forbidden") are the stable interface of the JSON output, --disable,
 * --severity and docs/rules.md, and are never renamed either. */
typedef enum {
    TL_RULE_ENCODING = 0,                  /* "encoding" */
    TL_RULE_BOILERPLATE,                   /* "boilerplate" */
    TL_RULE_TERM_FORBIDDEN,                /* "term.forbidden" */
    TL_RULE_TERM_LITERAL,                  /* "term.literal" */
    TL_RULE_TERM_INCONSISTENT,             /* "term.inconsistent" */
    TL_RULE_TERM_VARIANT,                  /* "term.variant" */
    TL_RULE_DOC_CODE_MISMATCH,             /* "doc-code.mismatch" */
    TL_RULE_DOC_CODE_FORMAT,               /* "doc-code.format" */
    TL_RULE_NAME_VARIANT,                  /* "name.variant" */
    TL_RULE_NUMBERING_MIXED,               /* "numbering.mixed" */
    TL_RULE_PHRASE_DOUBLED,                /* "phrase.doubled" */
    TL_RULE_LANG_MIXED,                    /* "lang.mixed" */
    TL_RULE_SCRIPT_MIXED,                  /* "script.mixed" */
    TL_RULE_UNTRANSLATED,                  /* "untranslated" */
    TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT, /* "typography.space-before-punct" */
    TL_RULE_TYPOGRAPHY_RANGE_DASH,         /* "typography.range-dash" */
    TL_RULE_TYPOGRAPHY_NUMBER_SIGN,        /* "typography.number-sign" */
    TL_RULE_TYPOGRAPHY_QUOTES,             /* "typography.quotes" */
    TL_RULE_SPELLING,                      /* "spelling" */
    TL_RULE_SPELLING_UNKNOWN_NAME,         /* "spelling.unknown-name" */
    TL_RULE_NAME_TRANSCRIPTION,            /* "name.transcription" */
    TL_RULE_TERM_USE,                      /* "term.use" */
    TL_RULE_PHRASE_REPEATED,               /* "phrase.repeated" */
    TL_RULE_SPELLING_ORDINAL_ENDING,       /* "spelling.ordinal-ending" */
    TL_RULE_SUPPRESSION_UNKNOWN_RULE,      /* "suppression.unknown-rule" */
    TL_RULE_SUPPRESSION_UNUSED,            /* "suppression.unused" */
    TL_RULE_VOCABULARY_REJECTED,           /* "vocabulary.rejected" */
    TL_RULE_LIMIT,                         /* "limit": a check gave up on part of the
                                              text (a glossary pattern out of time) */
    TL_RULE_COUNT /* not a rule: the number of rules of this header (tl_rule_count() is
                     the library's) */
} tl_rule;

/* Languages a text may be checked as. */
typedef enum { TL_LANG_AUTO = 0, TL_LANG_RU, TL_LANG_UK } tl_lang;

/* "ru", "uk" or "auto" (static). */
const char *tl_lang_str(tl_lang l);

/* ---- diagnostics about inputs and configuration (not findings) ---------------- */

/* A list of messages about files: encoding errors, glossary problems, missing
 * dictionaries. Each carries file:line:col (line/col 0 when unknown). */
typedef struct tl_diags tl_diags;

typedef struct {
    tl_severity severity; /* TL_SEV_ERROR for errors, TL_SEV_WARNING otherwise */
    const char *file;     /* borrowed from the list; may be "" */
    unsigned line, col;   /* 1-based; 0 when not known */
    uint64_t offset;      /* 0-based byte offset, or UINT64_MAX when not known */
    const char *message;  /* borrowed from the list */
} tl_diag;

/* A new empty list (owned: tl_diags_free), or NULL when out of memory. */
tl_diags *tl_diags_new(void);
void tl_diags_free(tl_diags *d); /* NULL is a no-op */
size_t tl_diags_count(const tl_diags *d);
const tl_diag *tl_diags_at(const tl_diags *d, size_t i); /* borrowed until free/clear */
/* Number of entries at TL_SEV_ERROR. */
size_t tl_diags_errors(const tl_diags *d);
void tl_diags_clear(tl_diags *d);

/* ---- options ----------------------------------------------------------------- */

/* Rule settings for some of a run's texts (a configuration's per-path overrides,
 * tl_run_options.profile picks them). A profile replaces, for its texts, the four
 * settings of tl_options it repeats: profile 0 is tl_options' own, profile k >= 1 is
 * tl_options.profiles[k - 1]. The lists are NULL-terminated or NULL, as in tl_options. */
typedef struct {
    int set_lang; /* 1: `lang` is the texts' language; 0: tl_options.lang */
    tl_lang lang;
    const char *lang_reason; /* with set_lang: why, for tl_result_lang_reason (NULL:
                                "given by a per-path override") */
    const char *const *disabled_rules;
    const char *const *severity_overrides;
    const char *const *rule_options;
} tl_profile;

/* Everything the library is told about its environment comes through here: it reads
 * no environment variables and knows no paths of its own. */
typedef struct {
    tl_lang lang;                          /* TL_LANG_AUTO: detect per text */
    const char *dict_dir;                  /* extra dictionary folder searched first, or NULL */
    const char *const *glossaries;         /* NULL-terminated list of glossary paths, or NULL */
    const char *const *word_lists;         /* NULL-terminated list of --words files, or NULL */
    const char *data_dir;                  /* folder of shipped data (rules.yaml), or NULL: no rule
                                              data (boilerplate, doubling and language rules then
                                              run without their word lists) */
    long suggest_limit;                    /* suggestions for the first N distinct misspelled
                                              words per run (tl_run) or, for tl_check, per context;
                                              -1 = all, 0 = none; default 100 */
    const char *const *disabled_rules;     /* NULL-terminated rule ids (or prefixes ending
                                              with '.') to switch off, or NULL */
    const char *const *severity_overrides; /* NULL-terminated "RULE=LEVEL", or NULL */
    const char *dict_path;                 /* colon-separated dictionary folders searched after
                                              dict_dir and before the system folders (what
                                              Hunspell's tools take from $DICPATH), or NULL */
    const char *cache_dir;                 /* folder for the compiled word-form tables (README, "The
                                              word-form cache"), created when missing; NULL: tables
                                              are compiled in memory at every start */
    int wordtab;                           /* 1 (default): use the word-form tables; 0: ask
                                              Hunspell for every word (results are the same) */
    const char *const *accept_words;       /* NULL-terminated words and names spelled right in
                                              both languages (a configuration's accept:), or NULL */
    const char *const *reject_words;       /* NULL-terminated words or phrases reported wherever
                                              they occur (vocabulary.rejected; reject:), or NULL */
    const char *const *rule_options;       /* NULL-terminated "RULE:OPTION=VALUE" (the options
                                              tl_rule_option_at() lists), or NULL */
    int report_unused_disables;            /* 1: a suppression marker that silenced nothing is a
                                              suppression.unused finding (default 0) */
    const tl_profile *profiles;            /* alternative rule settings (tl_profile), or NULL */
    size_t nprofiles;
    int utf8_only;           /* 1: a text is UTF-8 whatever it looks like (its bad bytes
                                are said one by one); 0 (default): a text that is plainly
                                UTF-16 or a legacy Cyrillic encoding is said so once, in
                                one encoding finding, and not checked */
    const char *lang_reason; /* why `lang`, when it is not auto, for
                                              tl_result_lang_reason (static or outliving the
                                              context); NULL: "given with --lang" */
    size_t section_bytes;    /* a text longer than this is checked in sections of about this
                             many bytes, each judged on its own for what compares one
                             place of the text with another, so that memory does not grow
                             with the text (README, "Very large texts"); 0 (default):
                             TL_SECTION_BYTES */
} tl_options;

/* The default of tl_options.section_bytes: 16 MiB, many times the longest document. */
#define TL_SECTION_BYTES ((size_t)16 << 20)

/* Sets every field to its default. */
void tl_options_init(tl_options *opt);

/* ---- encodings --------------------------------------------------------------- */

/* Whether ICU knows encoding `name` (its converter names and aliases, any case:
 * "windows-1251", "KOI8-R", "cp866", "UTF-16", ...). */
int tl_encoding_known(const char *name);
/* Converts `len` bytes of `in` from encoding `name` to UTF-8: *out (owned:
 * tl_decoded_free), *outlen bytes, not NUL-terminated; *undecodable counts the input
 * bytes that could not be decoded (each read as U+FFFD). TL_OK, TL_ERR_USAGE for an
 * unknown encoding, TL_ERR_NOMEM. */
tl_status tl_decode(const char *name, const char *in, size_t len, char **out, size_t *outlen,
                    size_t *undecodable);
void tl_decoded_free(char *text); /* NULL is a no-op */

/* ---- context ----------------------------------------------------------------- */

typedef struct tl_ctx tl_ctx;

/* Loads rule data, glossaries and word lists described by `opt` (copied: `opt` and the
 * strings it points to need not outlive the call). Dictionaries are loaded lazily, the
 * first time a text of their language is checked. On failure returns the cause, sets
 * *out to NULL and appends messages with file:line:col to `diags` (may be NULL).
 * Warnings (e.g. about a glossary) may be appended on success too. */
tl_status tl_ctx_new(const tl_options *opt, tl_ctx **out, tl_diags *diags);

/* A new context for use on another thread: shares the read-only glossary and rule data
 * of `ctx` (which must outlive the clone) and its Hunspell dictionaries (loaded once,
 * each call on them serialised), and has its own caches and its own suggestion budget.
 * Not safe to call concurrently with anything else on `ctx`. */
tl_status tl_ctx_clone(const tl_ctx *ctx, tl_ctx **out);

/* Frees a context; NULL is a no-op. Free clones before the context they came from. */
void tl_ctx_free(tl_ctx *ctx);
/* The same but leaves the dictionaries to the operating system: for a process about
 * to exit, where releasing them costs 0.1-0.2 s. */
void tl_ctx_free_fast(tl_ctx *ctx);

/* Loads the dictionary of `lang` now, appending what went wrong to `diags`. Checking
 * loads dictionaries by itself; call this to name a missing one to the user (tl_check
 * returns TL_ERR_DICTIONARY without a message). TL_OK or TL_ERR_DICTIONARY. */
tl_status tl_ctx_prepare(tl_ctx *ctx, tl_lang lang, tl_diags *diags);

/* Statistics of the per-word cache of `ctx`: lookups and hits so far. */
void tl_ctx_cache_stats(const tl_ctx *ctx, uint64_t *lookups, uint64_t *hits);

/* ---- checking ---------------------------------------------------------------- */

typedef struct tl_result tl_result;

/* What kind of glossary form a term is (tl_finding.term_kind, tl_glossary_term.kind).
 * Append only. */
typedef enum {
    TL_TERM_NONE = 0,  /* not a glossary form */
    TL_TERM_CANONICAL, /* the concept's canonical term in the language */
    TL_TERM_VARIANT,   /* an accepted variant */
    TL_TERM_SHORT,     /* an accepted short form (`short: true`) */
    TL_TERM_FORBIDDEN, /* a forbidden rendering */
    TL_TERM_LITERAL    /* a forbidden rendering marked literal (a word-by-word MT) */
} tl_term_kind;

/* "canonical", "variant", "short", "forbidden", "literal" or "none" (static). */
const char *tl_term_kind_str(tl_term_kind k);

/* One finding. Positions: line and column 1-based, columns in Unicode code points,
 * end_column exclusive; offset/length in bytes from the start of the input. */
typedef struct {
    tl_rule rule; /* what was found; tl_rule_id() gives its string id */
    tl_severity severity;
    unsigned line, col, end_line, end_col;
    uint64_t offset, length;
    const char *message;            /* borrowed from the result */
    const char *const *suggestions; /* borrowed, `nsuggestions` entries */
    size_t nsuggestions;
    const tl_rule *also; /* other rules firing on this span or inside it (borrowed) */
    size_t nalso;
    const char *text; /* the source bytes of the span, NUL-terminated (borrowed) */
    /* glossary rules (term.*, name.* from the glossary): the concept concerned, by its
     * stable id and its canonical term in the text's language (borrowed; NULL for other
     * findings, and canonical NULL when the concept has none in that language) */
    const char *concept;
    const char *canonical;
    /* 16 hex digits naming the finding by its rule, its text and the words around it
     * on its line (docs/baseline.md), not by its position: edits elsewhere in the file
     * leave it unchanged. Baselines and SARIF's partialFingerprints use it (borrowed) */
    const char *fingerprint;
    int whole; /* about the whole text (its encoding), not the span at offset 0: a
                  report shows no excerpt */
    /* findings at a match of a glossary term (term.use, term.variant, term.forbidden,
     * term.literal, a glossary concept's term.inconsistent, name.variant and
     * name.transcription from the glossary): the glossary's form that matched, as the
     * glossary writes it (for a `match: regex` term its pattern), and its kind; NULL and
     * TL_TERM_NONE otherwise. Terminology reports count renderings by it (borrowed) */
    const char *term;
    tl_term_kind term_kind;
} tl_finding;

/* Checks `len` bytes of `text` (borrowed, never modified, need not be NUL-terminated);
 * `name` labels the input in diagnostics. Spelling suggestions spend the context's
 * budget (suggest_limit) in the order of the calls. Encoding problems (invalid UTF-8,
 * NUL bytes) become findings of rule TL_RULE_ENCODING at TL_SEV_ERROR and make the call
 * return TL_ERR_ENCODING, but the rest of the text is still checked and *out is set.
 * A check that gave up on part of the text (a glossary pattern that ran out of time:
 * findings of rule TL_RULE_LIMIT) makes it return TL_ERR_LIMIT, *out set, unless the
 * encoding was wrong too. Other failures return their cause with *out NULL. */
tl_status tl_check(tl_ctx *ctx, const char *name, const char *text, size_t len, tl_result **out);

/* Number of findings of `r` (0 for NULL); they are sorted by position. */
size_t tl_result_count(const tl_result *r);
const tl_finding *tl_result_at(const tl_result *r, size_t i); /* borrowed until free */
/* The language the text was checked as, and why (a short English phrase, borrowed). */
tl_lang tl_result_lang(const tl_result *r);
const char *tl_result_lang_reason(const tl_result *r);
/* Number of word tokens in the text. */
uint64_t tl_result_words(const tl_result *r);
void tl_result_free(tl_result *r); /* NULL is a no-op */

/* ---- runs: many texts ------------------------------------------------------- */

typedef struct tl_run tl_run;

/* Where a run's texts come from and how it checks them. */
typedef struct {
    size_t ndocs; /* texts 0 .. ndocs-1 */
    /* Gives text i: sets *text and *len and returns 0, or returns non-zero when it
     * cannot be read (the text's status is then TL_ERR_IO). Called once per text for
     * the check, from the run's threads, for several texts at once and in no set order;
     * with `repeated_lines`, also once before, in input order from the thread of
     * tl_run_new(), and the second call must give the same bytes. The bytes are
     * borrowed: they must stay valid until `unread` is called for them or text i's
     * result has been taken with tl_run_next(), and after that as long as the
     * result's findings are used. */
    int (*read)(void *arg, size_t i, const char **text, size_t *len);
    void *read_arg;
    int jobs;            /* threads checking: 0 = one per processor (the default); 1 =
                            none, the caller's thread checks in tl_run_next() */
    int consistency_run; /* 1: term.inconsistent compares the renderings of a concept
                            across all texts of the run, as if they were one (every
                            text is then checked before the first result is given) */
    /* 1 (the default): a line that recurs in many of the run's texts (a site header, a
     * menu, a footer: at least 3 texts and 5 % of them, docs/rules.md) is reported as
     * `boilerplate`. tl_run_new() then reads every text once and counts its short lines
     * before any is checked (runs of fewer than 3 texts, or with `boilerplate` off,
     * skip this). 0: no such first pass. */
    int repeated_lines;
    /* Called, when not NULL, once the first pass (`repeated_lines`) is done with text
     * i: its bytes may be freed; read(i) is called again for the check. */
    void (*unread)(void *arg, size_t i);
    /* The rule settings of text i: a profile number, 0 .. tl_options.nprofiles (a
     * larger one counts as 0); called with read_arg, on the run's threads. NULL: 0 for
     * every text. */
    size_t (*profile)(void *arg, size_t i);
    /* Called, when not NULL, as a pass over text i (the first pass, the check, the
     * positions of its findings) moves on, on the thread making that pass: the bytes
     * before offset `upto` are not needed for now. They must stay readable
     * (a finding's judgment may read them again at the end), so a caller that mapped
     * the text from its file may drop those pages from memory (madvise MADV_DONTNEED)
     * to keep a huge text from filling it; nothing else is expected. */
    void (*consumed)(void *arg, size_t i, size_t upto);
} tl_run_options;

/* Sets every field to its default (ndocs 0, read NULL: set them; repeated_lines 1). */
void tl_run_options_init(tl_run_options *opt);

/* Starts a run of `opt->ndocs` texts checked with `ctx` (borrowed: it must outlive the
 * run, and must not be used otherwise until tl_run_free). The run's threads use clones
 * of `ctx`; spelling suggestions are given in input order from a budget of the run's
 * own (suggest_limit of the context), so the output does not depend on the number of
 * threads. TL_OK, TL_ERR_USAGE (no read function) or TL_ERR_NOMEM; *out NULL on error.
 * Threads that cannot be started leave the checking to the caller's thread. */
tl_status tl_run_new(tl_ctx *ctx, const tl_run_options *opt, tl_run **out);

/* The result of the next text in input order, waiting for it if need be: sets *index
 * to the text's number and *out to its result (owned: tl_result_free; NULL when the
 * text could not be read or checked) and returns its status, as tl_check() would
 * (TL_ERR_ENCODING with a result; TL_ERR_IO when read() failed). After the last text,
 * returns TL_ERR_USAGE with *out NULL. */
tl_status tl_run_next(tl_run *run, size_t *index, tl_result **out);

/* Ends a run, also one not read to the end, and frees it; NULL is a no-op. A clone's
 * cache statistics count in its context's (tl_ctx_cache_stats) from here. */
void tl_run_free(tl_run *run);

/* ---- rules -------------------------------------------------------------------- */

typedef struct {
    tl_rule rule;
    const char *id;          /* e.g. "term.forbidden" */
    const char *family;      /* the check family that reports it, e.g. "terms" ("input"
                             for encoding errors) */
    tl_severity severity;    /* default */
    const char *summary;     /* one line */
    int fixable;             /* 1 when a finding's suggestion can replace its span as is */
    const char *description; /* a few sentences: what it finds and how to silence it */
} tl_rule_info;

/* Number of rules the library knows: rules are 0 .. tl_rule_count() - 1. */
size_t tl_rule_count(void);
/* The description of rule `r` (static), or NULL when `r` is not a rule. */
const tl_rule_info *tl_rule_info_get(tl_rule r);
/* The string id of rule `r` ("term.forbidden"; static), or "?" when `r` is not a rule. */
const char *tl_rule_id(tl_rule r);
/* The rule whose string id is `id`: 0 and *out set, or -1 when there is none. */
int tl_rule_from_id(const char *id, tl_rule *out);

/* Whether selector `sel` selects rule `r`: its id ("term.variant"), a prefix of ids
 * before a dot ("typography", "typography."), or the family that reports it
 * (tl_rule_info.family: "terms", "langmix"). --disable, --severity, configurations and
 * suppression markers all select rules this way. */
int tl_rule_selects(const char *sel, tl_rule r);
/* The rule id, prefix or family closest to `word` when it is close enough to be a typo
 * of one (static), else NULL: for "did you mean". */
const char *tl_rule_suggest(const char *word);

/* An option a rule takes (a configuration's `rules: {RULE: {OPTION: VALUE}}`, or
 * tl_options.rule_options "RULE:OPTION=VALUE"). */
typedef struct {
    tl_rule rule;
    const char *name;          /* "style" */
    const char *const *values; /* NULL-terminated allowed values, or NULL: any text */
    const char *default_value; /* NULL: none (the rule then follows the glossary) */
    const char *summary;       /* one line */
} tl_rule_option;

/* Number of rule options, and option i (static; NULL past the end). */
size_t tl_rule_option_count(void);
const tl_rule_option *tl_rule_option_at(size_t i);

/* The settings a context gives the texts of `profile` (0 .. tl_options.nprofiles; a
 * larger one counts as 0): a rule's severity, an option's value (borrowed from ctx; NULL
 * when it has none) and the language (TL_LANG_AUTO: detected per text). */
tl_severity tl_ctx_rule_severity(const tl_ctx *ctx, size_t profile, tl_rule r);
const char *tl_ctx_rule_option(const tl_ctx *ctx, size_t profile, const tl_rule_option *o);
tl_lang tl_ctx_lang(const tl_ctx *ctx, size_t profile);

/* ---- glossary validation ----------------------------------------------------- */

/* Validates glossary file `path` and its includes, appending every problem found to
 * `diags` (errors and warnings). Returns TL_OK when the file could be read and parsed
 * (there may still be warnings and errors in `diags`), else the cause. */
tl_status tl_glossary_validate(const char *path, const char *data_dir, tl_diags *diags);

/* Validates glossary files paths[0..n) loaded together, as a check run loads them
 * (conflicts between the files are found), and adds what only a glossary's keeper needs:
 * warnings for a concept without `source`, without terms in a language the glossary
 * declares (`languages:`), or whose canonical form cannot be inflected (its variants'
 * and forbidden forms' suggestions stay as written); errors for a variant or forbidden
 * form that is another concept's canonical form. Returns TL_OK when every file could be
 * read and parsed (problems are in `diags`), else the first cause. */
tl_status tl_glossary_check(const char *const *paths, size_t n, tl_diags *diags);

/* Counts of a glossary, per file or in all. */
typedef struct {
    const char *file;    /* the file whose concepts these are (borrowed until the call
                             returns); NULL for the total row */
    size_t concepts;     /* concepts defined there (`extends:` entries add to them) */
    size_t with_source;  /* concepts with a `source` */
    size_t examples;     /* example sentences */
    size_t posts;        /* posts of persons */
    size_t canonical[2]; /* canonical forms: [0] Russian, [1] Ukrainian */
    size_t variants[2];  /* accepted variants, short forms included */
    size_t forbidden[2]; /* forbidden forms */
} tl_glossary_stats;

/* Loads paths[0..n) together and calls `row` for each file that defines concepts, in
 * load order, then once with the totals (file NULL). `row` returns 0 to go on. Problems
 * of the files go to `diags`. TL_OK, the first load problem, or TL_ERR_NOMEM. */
tl_status tl_glossary_stats_get(const char *const *paths, size_t n,
                                int (*row)(void *arg, const tl_glossary_stats *s), void *arg,
                                tl_diags *diags);

/* One term of a glossary, as tl_glossary_terms_get lists it. */
typedef struct {
    const char *concept; /* the concept's id (borrowed until the call returns) */
    tl_lang lang;
    tl_term_kind kind;
    const char *text; /* as the glossary writes it (a `match: regex` term: its pattern) */
} tl_glossary_term;

/* Loads paths[0..n) together, as a check run does, and calls `row` for every term of
 * every concept, concepts in load order and terms in file order; `row` returns 0 to go
 * on. Terminology reports list from it the concepts and terms a corpus never used.
 * Problems of the files go to `diags`. TL_OK, the first load problem, or TL_ERR_NOMEM. */
tl_status tl_glossary_terms_get(const char *const *paths, size_t n,
                                int (*row)(void *arg, const tl_glossary_term *t), void *arg,
                                tl_diags *diags);

typedef struct {
    size_t examples; /* example sentences checked */
    size_t failed;   /* of them, those that did not behave as the glossary says */
} tl_glossary_test_result;

/* Checks every `examples:` sentence of the glossaries of `opt` (their language given by
 * where they stand) with the matcher, as a check run would: a good example must find its
 * concept (canonical form, variant or short form) and no wrong form of it, a bad one a
 * wrong form of it (term.forbidden, term.literal, name.variant or name.transcription).
 * Each failure is an error in `diags` at the example's file:line:col. TL_OK, or the cause
 * when the glossaries or dictionaries cannot be loaded. */
tl_status tl_glossary_test(const tl_options *opt, tl_glossary_test_result *out, tl_diags *diags);

typedef enum { TL_GLOSSARY_YAML = 0, TL_GLOSSARY_CSV, TL_GLOSSARY_TBX } tl_glossary_format;

/* Reads glossary `in_path` (YAML; CSV when its name ends in .csv, TBX-Basic when .tbx or
 * .xml) and writes its concepts (with their terms, examples, sources and posts, and the
 * contexts they name) in format `out` into *text (owned: tl_glossary_text_free), *len
 * bytes. docs/glossary-format.md says what each format holds; rule data stays in YAML.
 * Problems of the input go to `diags`; on anything but TL_OK *text is NULL. */
tl_status tl_glossary_convert(const char *in_path, tl_glossary_format out, char **text, size_t *len,
                              tl_diags *diags);
void tl_glossary_text_free(char *text); /* NULL is a no-op */

/* ---- configuration files (.termlint.yaml; docs/configuration.md) --------------- */

/* A `rules:` entry: a severity and/or options for the rules a selector selects. */
typedef struct {
    const char *rule; /* the selector as written (tl_rule_selects) */
    int has_severity;
    tl_severity severity;
    const char *const *options; /* NULL-terminated "RULE:OPTION=VALUE", or NULL */
    unsigned line, col;         /* where the entry is written */
} tl_config_rule;

/* An `overrides:` entry: settings for the files its globs match. */
typedef struct {
    const char *const *files; /* NULL-terminated globs, relative to the file's folder */
    int has_lang;
    tl_lang lang;
    const tl_config_rule *rules;
    size_t nrules;
    unsigned line, col;
} tl_config_override;

/* A configuration as read. Paths in it (glossaries, words, baseline) are resolved
 * against its folder; globs stay as written and are relative to it. A list or string
 * the file does not set is NULL; has_X says whether X is set. */
typedef struct {
    const char *path;              /* as opened */
    const char *dir;               /* its folder ("." for a file of the current folder) */
    const char *const *glossaries; /* "default" is kept as is */
    const char *const *word_lists;
    const char *const *accept;
    const char *const *reject;
    const char *const *include;
    const char *const *exclude;
    int has_lang;
    tl_lang lang;
    int has_fail_on;
    tl_severity fail_on; /* TL_SEV_OFF: never */
    int has_max_warnings;
    long max_warnings;
    int has_consistency;
    int consistency_run;
    int has_suggest;
    long suggest; /* -1 all, 0 none */
    const char *format;
    int has_report_unused_disables;
    int report_unused_disables;
    const char *baseline;
    const tl_config_rule *rules;
    size_t nrules;
    const tl_config_override *overrides;
    size_t noverrides;
} tl_config;

/* Reads configuration file `path`. Every key is checked: unknown keys (with a "did you
 * mean"), wrong types, unknown rules and options, values out of range, and `format:`
 * against NULL-terminated `formats` (the caller's output formats; NULL: any), each
 * reported to `diags` with file:line:col. Returns TL_OK with *out set (owned:
 * tl_config_free), TL_ERR_IO when it cannot be read, TL_ERR_CONFIG when it has errors,
 * TL_ERR_NOMEM; *out is NULL on error. */
tl_status tl_config_load(const char *path, const char *const *formats, tl_config **out,
                         tl_diags *diags);
/* The same for `len` bytes at `data` (borrowed for the call), named `name`, whose
 * folder is the current one. */
tl_status tl_config_load_mem(const char *name, const char *data, size_t len,
                             const char *const *formats, tl_config **out, tl_diags *diags);
void tl_config_free(tl_config *c); /* NULL is a no-op */

/* ---- documents: Markdown and HTML input (docs/documents.md) -------------------- */

/* What a file is read as. Append only. */
typedef enum {
    TL_FORMAT_TEXT = 0, /* plain text: every byte is checked */
    TL_FORMAT_MARKDOWN, /* CommonMark with tables (md4c), front matter */
    TL_FORMAT_HTML      /* HTML (libxml2's HTML parser) */
} tl_format;

/* "text", "markdown" or "html" (static). */
const char *tl_format_str(tl_format f);
/* Parses "text", "markdown" ("md") or "html" ("htm"): 0 and *out set, or -1. */
int tl_format_parse(const char *name, tl_format *out);
/* The format a file's name says: *.md, *.markdown (and .mdown, .mkd) Markdown; *.html,
 * *.htm, *.xhtml HTML (ASCII case ignored); anything else, and NULL, text. */
tl_format tl_format_of_path(const char *path);

/* The text to check of document `text` (`len` bytes, borrowed for the call) read as
 * format `f`: `len` bytes too (*out, owned: tl_document_text_free), equal to the input
 * where it is prose and spaces elsewhere (markup, code, front matter, URLs); line
 * breaks, a BOM and bytes that are not UTF-8 stay where they are, entities are decoded
 * in place, and a block that ends where the next begins on the same line ends with a
 * full stop. Check it with tl_check or a run, then map the result back with
 * tl_result_document(). For TL_FORMAT_TEXT a copy. TL_OK or TL_ERR_NOMEM (*out NULL). */
tl_status tl_document_text(tl_format f, const char *text, size_t len, char **out);
void tl_document_text_free(char *t); /* NULL is a no-op */

/* Makes result `r` of the text tl_document_text() gave (`checked`) one of the document
 * (`orig`), both `len` bytes: lines and columns are computed from `orig`, and the
 * typography findings that only the masked markup's spaces made are dropped. Findings
 * keep their offsets and texts. NULL `r` is a no-op. TL_OK or TL_ERR_NOMEM. */
tl_status tl_result_document(tl_result *r, const char *orig, const char *checked, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* TERMLINT_H */
