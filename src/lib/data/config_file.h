/*
 * config_file.h - the configuration file's schema (config_file.c): .termlint.yaml ->
 * tl_config, read with the YAML reader, every key checked with file:line:col.
 *
 * What a rule is lives a layer up (checks/registry.c), so the core hands the reader its
 * vocabulary as callbacks (core/config.c), as the tokenizer gets its word lookup: the
 * data layer never calls upwards.
 */
#ifndef TL_CONFIG_FILE_H
#define TL_CONFIG_FILE_H

#include "base.h"

/* What the reader asks about rules and output formats. */
typedef struct {
    /* Whether selector `sel` (a rule id, prefix or family) selects any rule. */
    int (*selects)(const char *sel);
    /* The closest selector to `word`, for "did you mean", or NULL (static). */
    const char *(*suggest)(const char *word);
    /* When `id` is a rule id exactly: the names of its options into names[] (NULL-
     * terminated, at most cap - 1) and 0; else -1. */
    int (*options)(const char *id, const char **names, size_t cap);
    /* The values option `name` of rule `id` takes (NULL-terminated, static), or NULL
     * when it takes any text. */
    const char *const *(*values)(const char *id, const char *name);
    /* Why `value` is not a value of option `name` of rule `id`, or NULL (static). */
    const char *(*invalid)(const char *id, const char *name, const char *value);
    const char *const *formats; /* output formats (NULL-terminated), or NULL: any */
} config_vocab;

/* Reads the configuration at `path` (or, when `data` is not NULL, the `len` bytes at
 * `data` named `path`) into *out (owned: config_free). Returns TL_OK, TL_ERR_IO (cannot
 * be read), TL_ERR_CONFIG (errors reported to `d`) or TL_ERR_NOMEM; *out NULL on error. */
tl_status config_read(const char *path, const char *data, size_t len, const config_vocab *v,
                      tl_config **out, tl_diags *d);
void config_free(tl_config *c); /* NULL is a no-op */

#endif
