/*
 * yaml_reader.c - YAML files as typed values (yaml_reader.h), the sole includer of
 * yaml.h.
 *
 * In:  a path. The file is read whole (at most 64 MiB) and parsed from memory with
 *      libyaml's event API, one event at a time: no document tree is built.
 * Out: calls into the schema for every top-level key; strings copied into the
 *      session's arena; problems appended to a tl_diags with 1-based file:line:col
 *      (libyaml marks are 0-based: +1 at the boundary, pos_of()).
 *
 *   bytes --yaml_parser_parse--> events --next()--> yr_each_key / yr_str ... --> schema
 *                                          | refuses anchors and aliases at the
 *                                          | first one, nesting deeper than 64
 *   yr_include -> the same for another file, relative to the including one; cycles
 *                 found on the chain of open files (dev:ino), files seen twice read once
 *
 * Fatal errors (YAML syntax, anchors, nesting, out of memory) set y->stop: next() then
 * fails and every loop unwinds. An alias bomb therefore costs one event, not its
 * expansion.
 */
#include "yaml_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

enum { MAX_DEPTH = 64 /* YAML nesting; the glossary schema itself needs 6 */ };
#define MAX_FILE_SIZE ((size_t)64 << 20)

/* One YAML file being read. */
struct yr_file {
    yr_session *s;
    const char *path; /* arena copy, as opened */
    const char *data;
    size_t len;
    yaml_parser_t parser;
    yaml_event_t ev; /* current event when have_ev */
    bool have_ev, stop;
    unsigned depth;
};

/* ---- the session ------------------------------------------------------------------- */

void yr_session_init(yr_session *s, const yr_schema *schema, void *user, tl_arena *mem,
                     tl_map *loaded, tl_diags *d)
{
    memset(s, 0, sizeof *s);
    s->schema = schema;
    s->user = user;
    s->mem = mem;
    s->loaded = loaded;
    s->d = d;
    s->top = TL_OK;
    tl_buf_init(&s->aux, 0);
}

void yr_session_release(yr_session *s) { tl_buf_release(&s->aux); }

yr_session *yr_session_of(const yr_file *y) { return y->s; }
void *yr_user(const yr_file *y) { return y->s->user; }
const char *yr_path(const yr_file *y) { return y->path; }
bool yr_is_top(const yr_file *y) { return y->s->nchain == 1; }

int yr_kind(const yr_file *y)
{
    switch (y->ev.type) {
    case YAML_SCALAR_EVENT: return YR_SCALAR;
    case YAML_SEQUENCE_START_EVENT: return YR_SEQ;
    case YAML_MAPPING_START_EVENT: return YR_MAP;
    default: return YR_OTHER;
    }
}

/* ---- reporting ----------------------------------------------------------------------- */

void yr_error(yr_file *y, yr_pos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (diags_vadd(y->s->d, TL_SEV_ERROR, y->path, at.line, at.col, UINT64_MAX, fmt, ap))
        y->s->nomem = true;
    va_end(ap);
    y->s->errors++;
}

int yr_nomem(yr_file *y)
{
    y->s->nomem = true;
    y->stop = true;
    return -1;
}

static yr_pos pos_of(yaml_mark_t m)
{
    yr_pos p = {(unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

yr_pos yr_here(const yr_file *y) { return pos_of(y->ev.start_mark); }

/* Line and column (code points) of byte `off`, for libyaml's reader errors, which
 * carry an offset but no mark. */
static yr_pos offset_pos(const yr_file *y, size_t off)
{
    if (off > y->len)
        off = y->len;
    size_t line = 1, bol = 0;
    for (size_t i = 0; i < off; i++) {
        char c = y->data[i];
        if (c == '\n' || (c == '\r' && (i + 1 == y->len || y->data[i + 1] != '\n'))) {
            line++;
            bol = i + 1;
        }
    }
    if (bol == 0 && off >= 3 && !memcmp(y->data, "\xEF\xBB\xBF", 3))
        bol = 3; /* libyaml skips the BOM: it has no column */
    yr_pos p = {(unsigned)line, (unsigned)utf8_count(y->data + bol, off - bol) + 1};
    return p;
}

static void syntax_error(yr_file *y)
{
    const yaml_parser_t *p = &y->parser;
    const char *problem = p->problem ? p->problem : "syntax error";
    if (p->error == YAML_MEMORY_ERROR) {
        y->s->nomem = true;
    } else if (p->error == YAML_READER_ERROR) {
        yr_pos at = offset_pos(y, p->problem_offset);
        if (p->problem_value >= 0)
            yr_error(y, at, "yaml: %s (0x%02x)", problem, (unsigned)p->problem_value);
        else
            yr_error(y, at, "yaml: %s", problem);
    } else if (p->context) {
        yr_pos c = pos_of(p->context_mark);
        yr_error(y, pos_of(p->problem_mark), "yaml: %s (%s at %u:%u)", problem, p->context, c.line,
                 c.col);
    } else {
        yr_error(y, pos_of(p->problem_mark), "yaml: %s", problem);
    }
}

/* ---- the event layer -------------------------------------------------------------------- */

static int refuse(yr_file *y, const char *what)
{
    yr_error(y, yr_here(y), "%s", what);
    y->stop = true;
    return -1;
}

/* Makes the next event current. -1 when reading this file has stopped. */
static int next(yr_file *y)
{
    if (y->have_ev) {
        yaml_event_delete(&y->ev);
        y->have_ev = false;
    }
    if (y->stop || y->s->nomem) {
        y->stop = true;
        return -1;
    }
    if (!yaml_parser_parse(&y->parser, &y->ev)) {
        syntax_error(y);
        y->stop = true;
        return -1;
    }
    y->have_ev = true;
    const yaml_char_t *anchor = NULL;
    switch (y->ev.type) {
    case YAML_ALIAS_EVENT: return refuse(y, "anchors and aliases are not supported");
    case YAML_SCALAR_EVENT: anchor = y->ev.data.scalar.anchor; break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = y->ev.data.sequence_start.anchor;
        y->depth++;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = y->ev.data.mapping_start.anchor;
        y->depth++;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: y->depth--; break;
    default: break;
    }
    if (anchor)
        return refuse(y, "anchors and aliases are not supported");
    if (y->depth > MAX_DEPTH)
        return refuse(y, "nesting deeper than 64 levels");
    return 0;
}

/* Leaves the last event of the current value current. */
int yr_skip(yr_file *y)
{
    yaml_event_type_t t = y->ev.type;
    if (t != YAML_SEQUENCE_START_EVENT && t != YAML_MAPPING_START_EVENT)
        return 0;
    unsigned target = y->depth - 1;
    while (y->depth > target)
        if (next(y))
            return -1;
    return 0;
}

static const char *type_name(const yaml_event_t *ev)
{
    if (ev->type == YAML_SEQUENCE_START_EVENT)
        return "a list";
    return ev->type == YAML_MAPPING_START_EVENT ? "a mapping" : "a string";
}

/* Reports that the current value (`what`, e.g. "'variants'") is not `want`; skips it. */
int yr_wrong_type(yr_file *y, const char *what, const char *want)
{
    yr_error(y, yr_here(y), "%s must be %s, not %s", what, want, type_name(&y->ev));
    return yr_skip(y);
}

const char *yr_scalar(const yr_file *y) { return (const char *)y->ev.data.scalar.value; }

bool yr_is_null(const yr_file *y)
{
    const char *s = yr_scalar(y);
    return y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
           (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
            !strcmp(s, "NULL"));
}

static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

static const char *join_words(yr_file *y, const char *const *words)
{
    tl_buf *b = &y->s->aux;
    tl_buf_reset(b);
    for (const char *const *w = words; *w; w++)
        tl_buf_printf(b, "%s%s", w == words ? "" : ", ", *w);
    return b->oom ? "..." : b->data;
}

/* ---- typed values ------------------------------------------------------------------------ */

/* A string into *out, copied into the arena; NULL for a YAML null, or for a value of
 * another type, which is reported. */
int yr_str(yr_file *y, const char *what, const char **out)
{
    *out = NULL;
    if (y->ev.type != YAML_SCALAR_EVENT)
        return yr_wrong_type(y, what, "a string");
    if (yr_is_null(y))
        return 0;
    *out = tl_arena_strndup(y->s->mem, yr_scalar(y), y->ev.data.scalar.length);
    return *out ? 0 : yr_nomem(y);
}

int yr_bool(yr_file *y, const char *what, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", NULL};
    static const char *const no[] = {"false", "no", "off", NULL};
    if (y->ev.type != YAML_SCALAR_EVENT)
        return yr_wrong_type(y, what, "true or false");
    for (int i = 0; yes[i]; i++) {
        if (ascii_ieq(yr_scalar(y), yes[i]) || ascii_ieq(yr_scalar(y), no[i])) {
            *out = ascii_ieq(yr_scalar(y), yes[i]);
            return 0;
        }
    }
    yr_error(y, yr_here(y), "%s must be true or false, not '%s'", what, yr_scalar(y));
    return 0;
}

/* One of NULL-terminated `names` into *out (its index); an unknown value is reported
 * with a suggestion and leaves *out alone. `what` names the setting, e.g. "category". */
int yr_enum(yr_file *y, const char *what, const char *const *names, int *out)
{
    if (y->ev.type != YAML_SCALAR_EVENT) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", what);
        return yr_wrong_type(y, quoted, "a string");
    }
    for (int i = 0; names[i]; i++) {
        if (!strcmp(yr_scalar(y), names[i])) {
            *out = i;
            return 0;
        }
    }
    const char *best = yr_suggest(yr_scalar(y), names);
    if (best)
        yr_error(y, yr_here(y), "unknown %s '%s' (did you mean '%s'?)", what, yr_scalar(y), best);
    else
        yr_error(y, yr_here(y), "unknown %s '%s' (expected one of: %s)", what, yr_scalar(y),
                 join_words(y, names));
    return 0;
}

static int unknown_key(yr_file *y, const char *const *keys)
{
    const char *best = yr_suggest(yr_scalar(y), keys);
    if (best)
        yr_error(y, yr_here(y), "unknown key '%s' (did you mean '%s'?)", yr_scalar(y), best);
    else
        yr_error(y, yr_here(y), "unknown key '%s' (expected one of: %s)", yr_scalar(y),
                 join_words(y, keys));
    return next(y) ? -1 : yr_skip(y);
}

/* With a MAPPING_START current: calls fn for each key found in NULL-terminated `keys`
 * (at most 32), with the key's index and position and its value's first event
 * current. Unknown, duplicate and non-string keys are reported and their values
 * skipped. Ends with the MAPPING_END current; -1 when reading stopped. */
int yr_each_key(yr_file *y, const char *const *keys, yr_key_fn fn, void *ctx)
{
    uint32_t seen = 0;
    yr_pos first[32];
    for (;;) {
        if (next(y))
            return -1;
        if (y->ev.type == YAML_MAPPING_END_EVENT)
            return 0;
        yr_pos at = yr_here(y);
        if (y->ev.type != YAML_SCALAR_EVENT) {
            yr_error(y, at, "mapping keys must be strings, not %s", type_name(&y->ev));
            if (yr_skip(y) || next(y) || yr_skip(y))
                return -1;
            continue;
        }
        int k = 0;
        while (keys[k] && strcmp(keys[k], yr_scalar(y)))
            k++;
        int rc;
        if (!keys[k]) {
            rc = unknown_key(y, keys);
        } else if (seen & (1u << k)) {
            yr_error(y, at, "duplicate key '%s' (first at %u:%u)", keys[k], first[k].line,
                     first[k].col);
            rc = next(y) ? -1 : yr_skip(y);
        } else {
            seen |= 1u << k;
            first[k] = at;
            rc = next(y) ? -1 : fn(y, k, at, ctx);
        }
        if (rc)
            return -1;
    }
}

int yr_mapping(yr_file *y, const char *what, const char *want, const char *const *keys,
               yr_key_fn fn, void *ctx)
{
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return yr_wrong_type(y, what, want);
    return yr_each_key(y, keys, fn, ctx) ? -1 : 1;
}

/* With the value of `what` current: requires a mapping (else reports it as not `want`
 * and skips it) and calls fn for each key, whatever its text, with the key copied into
 * the arena. Duplicate and non-string keys are reported and their values skipped. */
int yr_each_pair(yr_file *y, const char *what, const char *want, yr_pair_fn fn, void *ctx)
{
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return yr_wrong_type(y, what, want);
    tl_map seen; /* key -> its position (in the arena) */
    tl_map_init(&seen);
    int rc = 0;
    while (rc == 0) {
        if (next(y)) {
            rc = -1;
            break;
        }
        if (y->ev.type == YAML_MAPPING_END_EVENT)
            break;
        yr_pos at = yr_here(y);
        if (y->ev.type != YAML_SCALAR_EVENT) {
            yr_error(y, at, "mapping keys must be strings, not %s", type_name(&y->ev));
            rc = yr_skip(y) || next(y) || yr_skip(y) ? -1 : 0;
            continue;
        }
        const char *key = yr_scalar(y);
        size_t klen = y->ev.data.scalar.length;
        const yr_pos *first = tl_map_get(&seen, key, klen);
        if (first) {
            yr_error(y, at, "duplicate key '%s' (first at %u:%u)", key, first->line, first->col);
            rc = next(y) ? -1 : yr_skip(y);
            continue;
        }
        yr_pos *pos = tl_arena_alloc(y->s->mem, sizeof *pos);
        const char *copy = tl_arena_strndup(y->s->mem, key, klen);
        if (pos)
            *pos = at;
        if (!pos || !copy || !tl_map_put(&seen, key, klen, pos)) {
            rc = yr_nomem(y);
            break;
        }
        rc = next(y) ? -1 : fn(y, copy, at, ctx);
    }
    tl_map_release(&seen);
    return rc;
}

int yr_long(yr_file *y, const char *what, long min, long max, long *out)
{
    if (y->ev.type != YAML_SCALAR_EVENT)
        return yr_wrong_type(y, what, "a number");
    const char *s = yr_scalar(y);
    long v = 0;
    bool ok = *s != '\0';
    for (const char *p = s; ok && *p; p++) {
        ok = *p >= '0' && *p <= '9' && v <= (max - (*p - '0')) / 10;
        v = v * 10 + (*p - '0');
    }
    if (!ok || v < min)
        yr_error(y, yr_here(y), "%s must be a whole number from %ld to %ld, not '%s'", what, min,
                 max, s);
    else
        *out = v;
    return 0;
}

/* With the value of `what` current: requires a list and calls fn for each item with
 * its first event current. Ends with the SEQUENCE_END current. */
int yr_each_item(yr_file *y, const char *what, yr_item_fn fn, void *ctx)
{
    if (y->ev.type != YAML_SEQUENCE_START_EVENT)
        return yr_wrong_type(y, what, "a list");
    for (;;) {
        if (next(y))
            return -1;
        if (y->ev.type == YAML_SEQUENCE_END_EVENT)
            return 0;
        if (fn(y, ctx))
            return -1;
    }
}

/* ---- string lists ------------------------------------------------------------------------ */

typedef struct {
    const char ***items;
    size_t *n, *cap;
    const char *what; /* "'ru' items" */
} strlist;

static int strlist_item(yr_file *y, void *ctx)
{
    strlist *l = ctx;
    const char *s;
    if (yr_str(y, l->what, &s))
        return -1;
    if (!s)
        return 0;
    const char **p = tl_arena_grow(y->s->mem, *l->items, *l->n, l->cap, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[(*l->n)++] = s;
    *l->items = p;
    return 0;
}

/* Appends the strings of the current list to a NULL-terminated arena array. */
int yr_strlist(yr_file *y, const char *key, const char ***items, size_t *n, size_t *cap)
{
    char what[64], list[64];
    snprintf(what, sizeof what, "'%s' items", key);
    snprintf(list, sizeof list, "'%s'", key);
    strlist l = {items, n, cap, what};
    return yr_each_item(y, list, strlist_item, &l);
}

/* A string or a list of strings (`source: VNA` or `source: [VNA, TASS]`), appended to
 * a NULL-terminated arena array. */
int yr_str_or_list(yr_file *y, const char *key, const char ***items, size_t *n, size_t *cap)
{
    if (y->ev.type != YAML_SCALAR_EVENT)
        return yr_strlist(y, key, items, n, cap);
    char what[64];
    snprintf(what, sizeof what, "'%s'", key);
    strlist l = {items, n, cap, what};
    return strlist_item(y, &l);
}

/* The stream: one document whose root is a mapping, or nothing at all. */
static int parse_stream(yr_file *y)
{
    if (next(y) || next(y)) /* STREAM_START, then DOCUMENT_START or STREAM_END */
        return -1;
    if (y->ev.type == YAML_STREAM_END_EVENT)
        return 0;
    if (next(y))
        return -1;
    if (y->ev.type == YAML_MAPPING_START_EVENT) {
        if (yr_each_key(y, y->s->schema->root_keys, y->s->schema->root, y->s->user))
            return -1;
    } else if (y->ev.type != YAML_SCALAR_EVENT || !yr_is_null(y)) {
        yr_error(y, yr_here(y), "the top level must be a mapping (%s), not %s",
                 y->s->schema->root_hint, type_name(&y->ev));
        if (yr_skip(y))
            return -1;
    }
    if (next(y) || next(y)) /* DOCUMENT_END, then STREAM_END or DOCUMENT_START */
        return -1;
    if (y->ev.type == YAML_DOCUMENT_START_EVENT)
        yr_error(y, yr_here(y), "only one yaml document per file is supported");
    return 0;
}

/* Parses `len` bytes at `data` read from `path` (an arena string). */
static void parse_file(yr_session *s, const char *path, const char *data, size_t len)
{
    yr_file y;
    memset(&y, 0, sizeof y);
    y.s = s;
    y.path = path;
    y.data = data;
    y.len = len;
    if (!yaml_parser_initialize(&y.parser)) {
        s->nomem = true;
        return;
    }
    yaml_parser_set_input_string(&y.parser, (const unsigned char *)data, len);
    /* libyaml would decode UTF-16 too, but then its reader offsets (offset_pos) are
     * not UTF-8 bytes: keep to the documented UTF-8, with or without a BOM */
    bool utf16 = len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
                              (data[0] == '\xFE' && data[1] == '\xFF'));
    if (utf16) {
        yr_pos start = {1, 1};
        yr_error(&y, start, "%s files must be UTF-8, not UTF-16", s->schema->kind);
    }
    if ((utf16 || parse_stream(&y)) && s->nchain == 1)
        s->top = s->schema->unusable;
    if (y.have_ev)
        yaml_event_delete(&y.ev);
    yaml_parser_delete(&y.parser);
}

static void cannot(yr_session *s, yr_file *from, yr_pos at, const char *path, const char *why)
{
    if (from) {
        yr_error(from, at, "cannot read included file '%s': %s", path, why);
        return;
    }
    yr_file top;
    memset(&top, 0, sizeof top);
    top.s = s;
    top.path = path;
    yr_pos none = {0, 0};
    yr_error(&top, none, "cannot read '%s': %s", path, why);
    s->top = TL_ERR_IO;
}

/* Reads all of `fd` (size from fstat `st`) into b; 0, else errno (EFBIG: too big). */
static int read_all(int fd, const struct stat *st, tl_buf *b)
{
    if (S_ISDIR(st->st_mode))
        return EISDIR;
    if (st->st_size > (off_t)MAX_FILE_SIZE)
        return EFBIG;
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return 0;
        if (b->len + (size_t)n > MAX_FILE_SIZE)
            return EFBIG;
        if (tl_buf_add(b, chunk, (size_t)n))
            return ENOMEM;
    }
}

/* Is the file open as `st` on the chain of files being read? Reports the cycle. */
static bool in_cycle(yr_session *s, const struct stat *st, const char *path, yr_file *from,
                     yr_pos at)
{
    size_t k = 0;
    while (k < s->nchain && !(s->chain[k].dev == st->st_dev && s->chain[k].ino == st->st_ino))
        k++;
    if (k == s->nchain)
        return false;
    tl_buf chain;
    tl_buf_init(&chain, 0);
    for (size_t i = k; i < s->nchain; i++)
        tl_buf_printf(&chain, "%s -> ", s->chain[i].path);
    tl_buf_adds(&chain, path);
    if (chain.oom)
        s->nomem = true;
    else
        yr_error(from, at, "include cycle: %s", chain.data);
    tl_buf_release(&chain);
    return true;
}

/* Opens `path` for reading without waiting: a FIFO with no writer would block open()
 * for ever, and a device could give bytes for ever, so only regular files and folders
 * (refused as such by read_all) are read. The fd, or -1 with *why set. */
static int open_regular(const char *path, struct stat *st, char *why, size_t cap)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 || fstat(fd, st)) {
        strerror_r(errno, why, cap);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode)) {
        snprintf(why, cap, "not a regular file (%s)",
                 S_ISFIFO(st->st_mode)   ? "a FIFO"
                 : S_ISCHR(st->st_mode)  ? "a character device"
                 : S_ISBLK(st->st_mode)  ? "a block device"
                 : S_ISSOCK(st->st_mode) ? "a socket"
                                         : "a special file");
        close(fd);
        return -1;
    }
    return fd;
}

/* Loads file `path`, included from `from` at `at` (NULL for the top file). */
static int load_file(yr_session *s, const char *path, yr_file *from, yr_pos at)
{
    char errbuf[128];
    struct stat st;
    int fd = open_regular(path, &st, errbuf, sizeof errbuf);
    if (fd < 0) {
        cannot(s, from, at, path, errbuf);
        return 0;
    }
    char key[2 * sizeof(dev_t) + 2 * sizeof(ino_t)];
    memcpy(key, &st.st_dev, sizeof st.st_dev);
    memcpy(key + sizeof st.st_dev, &st.st_ino, sizeof st.st_ino);
    size_t klen = sizeof st.st_dev + sizeof st.st_ino;
    int e = 0;
    tl_buf data;
    tl_buf_init(&data, 0);
    if (from && in_cycle(s, &st, path, from, at)) {
        e = -1;
    } else if (s->nchain == YR_MAX_INCLUDE_DEPTH) {
        yr_error(from, at, "includes nested deeper than %d files", YR_MAX_INCLUDE_DEPTH);
        e = -1;
    } else if (tl_map_get(s->loaded, key, klen)) {
        e = -1; /* loaded already, through another path: once is enough */
    } else {
        e = read_all(fd, &st, &data);
    }
    close(fd);
    if (e == ENOMEM || (e == 0 && !tl_map_put(s->loaded, key, klen, (void *)1))) {
        s->nomem = true;
    } else if (e == EFBIG) {
        cannot(s, from, at, path, "file is larger than 64 MiB");
        s->top = from ? s->top : s->schema->unusable;
    } else if (e > 0) {
        strerror_r(e, errbuf, sizeof errbuf);
        cannot(s, from, at, path, errbuf);
    } else if (e == 0) {
        const char *p = tl_arena_strdup(s->mem, path);
        if (!p) {
            s->nomem = true;
        } else {
            s->chain[s->nchain].dev = st.st_dev;
            s->chain[s->nchain].ino = st.st_ino;
            s->chain[s->nchain++].path = p;
            parse_file(s, p, data.data, data.len);
            s->nchain--;
        }
    }
    tl_buf_release(&data);
    return s->nomem ? -1 : 0;
}

/* ---- did you mean ---------------------------------------------------------------- */

enum { SUGGEST_MAX = 64 };

/* Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t rows[3][SUGGEST_MAX + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

const char *yr_suggest(const char *word, const char *const *known)
{
    size_t n = strlen(word);
    if (n == 0 || n > SUGGEST_MAX)
        return NULL;
    /* a typo is at most 2 edits, and fewer than a third of a short word */
    size_t limit = n / 3 < 1 ? 1 : n / 3 > 2 ? 2 : n / 3;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (const char *const *k = known; *k; k++) {
        size_t kn = strlen(*k);
        if (kn > SUGGEST_MAX)
            continue;
        size_t dist = edit_distance(word, n, *k, kn);
        if (dist < best_d) {
            best_d = dist;
            best = *k;
        }
    }
    return best;
}

/* ---- entry points -------------------------------------------------------------------- */

int yr_load(yr_session *s, const char *path)
{
    yr_pos none = {0, 0};
    return load_file(s, path, NULL, none);
}

int yr_load_mem(yr_session *s, const char *name, const char *data, size_t len)
{
    const char *p = tl_arena_strdup(s->mem, name);
    if (!p) {
        s->nomem = true;
        return -1;
    }
    if (len > MAX_FILE_SIZE) {
        yr_pos none = {0, 0};
        cannot(s, NULL, none, p, "file is larger than 64 MiB");
        s->top = s->schema->unusable;
        return 0;
    }
    s->chain[s->nchain].dev = 0;
    s->chain[s->nchain].ino = 0;
    s->chain[s->nchain++].path = p;
    parse_file(s, p, data, len);
    s->nchain--;
    return s->nomem ? -1 : 0;
}

int yr_include(yr_file *from, const char *rel, yr_pos at)
{
    if (from->s->no_includes) {
        yr_error(from, at, "include '%s' not read: includes are off here", rel);
        return from->s->nomem ? yr_nomem(from) : 0;
    }
    /* relative to the including file's folder */
    const char *slash = rel[0] == '/' ? NULL : strrchr(from->path, '/');
    int dirlen = slash ? (int)(slash - from->path + 1) : 0;
    const char *path = tl_arena_printf(from->s->mem, "%.*s%s", dirlen, from->path, rel);
    if (!path)
        return yr_nomem(from);
    load_file(from->s, path, from, at);
    return from->s->nomem ? yr_nomem(from) : 0;
}
