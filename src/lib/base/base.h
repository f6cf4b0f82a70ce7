/*
 * base.h - the primitives every layer of the library uses: allocation (alloc.c), the
 * array growth helper, the growable string (buf.c), the arena (arena.c), diagnostics
 * (diag.c), hashing, maps and sets (hash.c), UTF-8 (utf8.c); textclass.h is base's too.
 * Private: the application and users see only include/termlint.h.
 *
 * The layers, one folder of src/lib each; a file calls only its own layer and those
 * below it (the build compiles each folder with the include paths of those layers
 * only, Makefile), docs/architecture.md draws the data flow:
 *
 *   core    tl_run (run.c) -> check_document (check.c) -> the families' hooks;
 *           corpus.c (run-wide judgments) -> result.c (one span, one finding);
 *           budget.c (suggestions) ; ctx.c (options, glossaries, clones)
 *   checks  registry.c (rules, families) ; check_*.c -> doc.c (findings),
 *           consistency.c
 *   match   match_index.c (built from data) ; match.c, regex_terms.c -> morph (lemmas)
 *   morph   morph.c (Hunspell, word cache) -> wordtab*.c ; suggest.c ; stem.c ;
 *           inflect*.c                                  data  glossary.c, ruledata.c,
 *                                                             gloss_check.c ->
 *                                                             yaml_reader.c
 *   text    source.c ; tokenize.c (words through a lookup callback) ; norm.c ; lang.c
 *   base    this header
 */
#ifndef TL_BASE_H
#define TL_BASE_H

#include "termlint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define TL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TL_PRINTF(a, b)
#endif

/* A view into bytes owned elsewhere (usually the source text). */
typedef struct {
    const char *p;
    size_t len;
} tl_span;

/* ---- allocation (alloc.c) ------------------------------------------------------
 * One pair of allocation functions for the whole library, so a test can make the
 * Nth allocation fail (tl_alloc_fail_after). Never abort: callers get NULL. */
void *tl_malloc(size_t n);
void *tl_calloc(size_t n, size_t size);
void *tl_realloc(void *p, size_t n);
void tl_free(void *p);
char *tl_strdup(const char *s);
char *tl_strndup(const char *s, size_t n);
/* Test hook: the allocation after `n` more succeed fails (n < 0: never). */
void tl_alloc_fail_after(long n);

/* Room for element `n` of the heap array `arr` of capacity `cap` (both lvalues): 0 when
 * there is room already or the array grew (to twice its capacity, at least `min`
 * elements; `arr` and `cap` updated), -1 when out of memory (`arr` unchanged, still
 * owned by the caller). Every growable array of the library grows through this. */
#define TL_GROW(arr, n, cap, min)                                                                  \
    ((n) < (cap) ? 0 : tl_grow((void *)&(arr), &(cap), sizeof *(arr), (min)))
/* What TL_GROW calls: `pp` is the address of the array pointer. */
int tl_grow(void *pp, size_t *cap, size_t size, size_t min);

/* ---- growable string (buf.c) ---------------------------------------------------
 * Invariant: data is never NULL and always NUL-terminated (after tl_buf_init). */
typedef struct {
    char *data;
    size_t len, cap;
    size_t max; /* 0 = unlimited; growth past it fails with TL_ERR_LIMIT */
    int oom;    /* sticky: set when a growth failed, later appends are ignored */
} tl_buf;

void tl_buf_init(tl_buf *b, size_t max);
void tl_buf_release(tl_buf *b);
void tl_buf_reset(tl_buf *b);                       /* len = 0, keeps memory */
int tl_buf_add(tl_buf *b, const void *p, size_t n); /* 0 ok, -1 failed (b->oom set) */
int tl_buf_addc(tl_buf *b, char c);
/* Room for n more bytes (and the NUL) without another allocation; 0 or -1. */
int tl_buf_reserve(tl_buf *b, size_t n);
int tl_buf_adds(tl_buf *b, const char *s);
int tl_buf_printf(tl_buf *b, const char *fmt, ...) TL_PRINTF(2, 3);
int tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap);
/* Hands the bytes over (owned: tl_free) and re-initialises `b`; NULL if b->oom. */
char *tl_buf_detach(tl_buf *b, size_t *len);

/* ---- arena (arena.c) -----------------------------------------------------------
 * Bump allocator for data that dies together (one checked document, one glossary). */
typedef struct tl_arena_block tl_arena_block;
typedef struct {
    tl_arena_block *head;
    size_t used_total;
} tl_arena;

void tl_arena_init(tl_arena *a);
void tl_arena_release(tl_arena *a);
/* 16-byte aligned, zeroed; NULL when out of memory. */
void *tl_arena_alloc(tl_arena *a, size_t n);
char *tl_arena_strndup(tl_arena *a, const char *s, size_t n);
char *tl_arena_strdup(tl_arena *a, const char *s);
char *tl_arena_printf(tl_arena *a, const char *fmt, ...) TL_PRINTF(2, 3);
/* A copy of the arena array `arr` of n `size`-byte items with room for one more at the
 * end (the caller sets it), in `a`; NULL when out of memory. For short lists that grow
 * by one now and then (a finding's suggestions). */
void *tl_arena_push(tl_arena *a, const void *arr, size_t n, size_t size);
/* Room for item n and a NULL after it in the arena array `arr` of `size`-byte items and
 * capacity *cap (0 for a new array): returns the array, moved (copied, the old copy
 * left in the arena) when it grew, or NULL when out of memory. For arrays that live as
 * long as the arena, such as a glossary's lists. */
void *tl_arena_grow(tl_arena *a, void *arr, size_t n, size_t *cap, size_t size);
/* Moves every block of `src` into `dst` (nothing is copied; what was allocated in `src`
 * now lives as long as `dst`) and leaves `src` empty. */
void tl_arena_absorb(tl_arena *dst, tl_arena *src);

/* ---- diagnostics about inputs (diag.c) ----------------------------------------- */
/* Appends a message; file may be NULL. Returns -1 when out of memory. */
int diags_add(tl_diags *d, tl_severity sev, const char *file, unsigned line, unsigned col,
              uint64_t offset, const char *fmt, ...) TL_PRINTF(7, 8);
/* The same with a va_list. */
int diags_vadd(tl_diags *d, tl_severity sev, const char *file, unsigned line, unsigned col,
               uint64_t offset, const char *fmt, va_list ap);

/* ---- hashing (hash.c) ----------------------------------------------------------- */
uint64_t tl_hash(const void *p, size_t n);

/* A string -> pointer hash map with keys copied into the map's own arena.
 * Open addressing, power-of-two capacity; used for the word cache and glossary keys. */
typedef struct {
    const char **keys;
    size_t *klens;
    uint64_t *hashes;
    void **vals;
    size_t cap, count;
    tl_arena keymem;
} tl_map;

void tl_map_init(tl_map *m);
void tl_map_release(tl_map *m);
/* The value for key, or NULL. */
void *tl_map_get(const tl_map *m, const char *key, size_t klen);
/* Inserts or replaces; returns the stored key copy (borrowed until release), or NULL
 * when out of memory. */
const char *tl_map_put(tl_map *m, const char *key, size_t klen, void *val);

/* A set of non-zero 64-bit integers (0 marks an empty slot): the matcher's filters,
 * where a lookup must cost a multiply, not a string hash. Open addressing. */
typedef struct {
    uint64_t *slots;
    size_t cap, count;
} tl_set64;

void tl_set64_init(tl_set64 *s);
void tl_set64_release(tl_set64 *s);
/* Adds v (non-zero); 0, or -1 when out of memory. */
int tl_set64_add(tl_set64 *s, uint64_t v);
bool tl_set64_has(const tl_set64 *s, uint64_t v);

/* ---- UTF-8 helpers (utf8.c) ------------------------------------------------------ */
/* Decodes one code point at p (len bytes available); returns its byte length (>= 1)
 * and sets *cp; for an invalid sequence returns 0. */
size_t utf8_decode(const char *p, size_t len, uint32_t *cp);
size_t utf8_encode(uint32_t cp, char out[4]);
/* Code points in [p, p+len) (invalid bytes count one each). */
size_t utf8_count(const char *p, size_t len);
/* Appends [p, p+len) to `b` as one line of words: each run of white space (tc_space:
 * tabs, line breaks, no-break spaces ...) becomes one space, soft hyphens are dropped.
 * For quoting a matched span in a message or suggestion. Returns -1 when `b` ran out of
 * memory. */
int utf8_add_flat(tl_buf *b, const char *p, size_t len);

#endif /* TL_BASE_H */
