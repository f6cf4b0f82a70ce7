/*
 * yaml_reader.h - YAML files read as typed values with positions and errors
 * (yaml_reader.c, the sole includer of yaml.h). A schema (the glossary's in
 * glossary.c; a configuration file's later) is a set of functions that read the values
 * of its mappings and lists with the calls below; the reader does the rest: reading
 * files and their includes, refusing anchors, aliases, deep nesting and huge files,
 * reporting unknown keys with a "did you mean", duplicate keys and wrong types, all
 * with file:line:col.
 *
 * Event discipline: a function that reads a value is called with the value's first
 * event current and returns with its last event current (the scalar itself, or the
 * matching end of a list or mapping), so yr_skip() can jump over anything a caller
 * does not want. Functions returning int give 0, or -1 when reading has stopped (a
 * fatal error: YAML syntax, anchors, nesting, out of memory), and every loop unwinds.
 * Errors in the content are reported and reading goes on.
 */
#ifndef TL_YAML_READER_H
#define TL_YAML_READER_H

#include "base.h"

#include <sys/types.h>

#define YR_MAX_INCLUDE_DEPTH 16 /* files open at once through includes */

/* A position in a file: 1-based line and column (code points); 0 when unknown. */
typedef struct {
    unsigned line, col;
} yr_pos;

typedef struct yr_file yr_file;

/* Called for a key of a mapping (its index in the key list and position), with its
 * value's first event current. */
typedef int (*yr_key_fn)(yr_file *y, int key, yr_pos at, void *ctx);
/* Called for an item of a list, with its first event current. */
typedef int (*yr_item_fn)(yr_file *y, void *ctx);

/* A kind of file: the keys of its top-level mapping and words for messages. */
typedef struct {
    const char *kind;             /* "glossary": "glossary files must be UTF-8, ..." */
    const char *root_hint;        /* "name:, concepts:, ...": the top level must be a
                                     mapping (name:, concepts:, ...) */
    const char *const *root_keys; /* NULL-terminated, at most 32 */
    yr_key_fn root;               /* reads the value of a top-level key */
    tl_status unusable;           /* what a file that cannot be parsed makes it */
} yr_schema;

/* One loading: a top file and the files it includes, read into one arena and
 * reported into one list. The fields before `chain` are read by the schema. */
typedef struct {
    const yr_schema *schema;
    void *user;     /* the schema's (yr_user) */
    tl_arena *mem;  /* strings and lists read */
    tl_map *loaded; /* dev:ino of every file read; a file met again is skipped */
    tl_diags *d;
    size_t errors; /* errors reported so far */
    bool nomem;
    tl_status top; /* TL_ERR_IO: the top file cannot be read; schema->unusable:
                      it cannot be parsed; else TL_OK */
    struct {
        dev_t dev;
        ino_t ino;
        const char *path;
    } chain[YR_MAX_INCLUDE_DEPTH]; /* files being read, top first */
    size_t nchain;
    tl_buf aux;       /* scratch for messages */
    bool no_includes; /* include: is reported, not followed (a text given in memory,
                         the fuzz target: nothing outside the bytes given is read) */
} yr_session;

/* A session for reading `schema` files into `mem`, reporting into `d` (may be NULL);
 * `loaded` (zeroed or kept from an earlier session) remembers the files read. Release
 * with yr_session_release. */
void yr_session_init(yr_session *s, const yr_schema *schema, void *user, tl_arena *mem,
                     tl_map *loaded, tl_diags *d);
void yr_session_release(yr_session *s);

/* Reads file `path` (at most 64 MiB, UTF-8 with or without a BOM), its top level by the
 * schema. -1 when out of memory (s->nomem), else 0: see s->top and s->errors. */
int yr_load(yr_session *s, const char *path);
/* Reads `len` bytes at `data` (borrowed for the call) as a file called `name`, as
 * yr_load() reads a file; set s->no_includes first unless includes may be read
 * (relative to the current folder). -1 when out of memory. */
int yr_load_mem(yr_session *s, const char *name, const char *data, size_t len);
/* From inside file `from`: reads file `rel` (relative to `from`'s folder unless
 * absolute) the same way; cycles and too deep nesting are reported at `at`. 0, or -1
 * when out of memory. */
int yr_include(yr_file *from, const char *rel, yr_pos at);

/* The session `y` is read in, and its user data (the schema's). */
yr_session *yr_session_of(const yr_file *y);
void *yr_user(const yr_file *y);
/* The file's path as opened (in the session's arena). */
const char *yr_path(const yr_file *y);
/* Whether `y` is the top file, not an included one. */
bool yr_is_top(const yr_file *y);

/* ---- the current value ------------------------------------------------------------ */

enum { YR_SCALAR = 1, YR_SEQ, YR_MAP, YR_OTHER };

/* The kind of the current value, its position, and for a scalar its text. */
int yr_kind(const yr_file *y);
yr_pos yr_here(const yr_file *y);
const char *yr_scalar(const yr_file *y);
/* A plain scalar that is YAML's null (empty, ~, null). */
bool yr_is_null(const yr_file *y);

/* Reports an error at `at` of the file being read. */
void yr_error(yr_file *y, yr_pos at, const char *fmt, ...) TL_PRINTF(3, 4);
/* Stops reading, out of memory; returns -1. */
int yr_nomem(yr_file *y);
/* Leaves the last event of the current value current. */
int yr_skip(yr_file *y);
/* Reports that the current value (`what`, e.g. "'variants'") is not `want`; skips it. */
int yr_wrong_type(yr_file *y, const char *what, const char *want);

/* ---- typed values ------------------------------------------------------------------
 * `what` names the value in messages ("'term'"). A value of the wrong type is reported
 * and skipped, its output left alone. */

/* A string, copied into the arena; NULL for a YAML null. */
int yr_str(yr_file *y, const char *what, const char **out);
/* true/false, yes/no, on/off in any case. */
int yr_bool(yr_file *y, const char *what, bool *out);
/* One of NULL-terminated `names` into *out (its index); an unknown value is reported
 * with a "did you mean" and leaves *out alone. */
int yr_enum(yr_file *y, const char *what, const char *const *names, int *out);
/* With a mapping current: calls fn for each key found in NULL-terminated `keys` (at
 * most 32). Unknown, duplicate and non-string keys are reported and their values
 * skipped. Ends with the mapping's end current. */
int yr_each_key(yr_file *y, const char *const *keys, yr_key_fn fn, void *ctx);
/* With the value of `what` current: requires a mapping described as `want` (else
 * reports and skips it, and returns 0) and reads it as yr_each_key does. 1 when a
 * mapping was read, 0 when the value was something else, -1 when reading stopped. */
int yr_mapping(yr_file *y, const char *what, const char *want, const char *const *keys,
               yr_key_fn fn, void *ctx);
/* Called for a key of a mapping whose keys are not fixed (yr_each_pair): the key's
 * text (in the arena) and position, with its value's first event current. */
typedef int (*yr_pair_fn)(yr_file *y, const char *key, yr_pos at, void *ctx);
/* With the value of `what` current: requires a mapping described as `want` (else
 * reports and skips it) and calls fn for each of its keys, whatever their text;
 * duplicate and non-string keys are reported and their values skipped. */
int yr_each_pair(yr_file *y, const char *what, const char *want, yr_pair_fn fn, void *ctx);
/* A whole decimal number from `min` to `max` into *out; anything else is reported and
 * leaves *out alone. */
int yr_long(yr_file *y, const char *what, long min, long max, long *out);
/* With the value of `what` current: requires a list and calls fn for each item. */
int yr_each_item(yr_file *y, const char *what, yr_item_fn fn, void *ctx);
/* Appends the strings of the current list (`key` names it) to the NULL-terminated
 * arena array *items of *n items and capacity *cap. */
int yr_strlist(yr_file *y, const char *key, const char ***items, size_t *n, size_t *cap);
/* The same for a string or a list of strings (`source: VNA`, `source: [VNA, TASS]`). */
int yr_str_or_list(yr_file *y, const char *key, const char ***items, size_t *n, size_t *cap);

/* The word of NULL-terminated `known` closest to `word` (edit distance with
 * transpositions) when close enough to be a typo of it, else NULL (borrowed). */
const char *yr_suggest(const char *word, const char *const *known);

#endif
