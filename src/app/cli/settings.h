/*
 * settings.h - the configuration file merged with the command line (settings.c), and
 * the settings shown by --print-config (printconfig.c).
 */
#ifndef TL_SETTINGS_H
#define TL_SETTINGS_H

#include "cli.h"

#include <stdint.h>

typedef struct {
    tl_config *cfg; /* the configuration, or NULL */
    char *base;     /* absolute folder that paths are matched against */
    char *ignore_path;
    pm_set exclude;  /* node_modules/ .git/, exclude:, .termlintignore, --exclude */
    uint64_t *masks; /* profile k >= 1 applies the overrides of masks[k - 1] */
    size_t nmasks;
    tl_profile *profiles; /* 1 + nmasks: the base settings, then one per mask */
    const char ***lists;  /* the lists the profiles point to (freed on release) */
    const char **pool;    /* strings made for them */
    size_t npool;
} cli_settings;

/* Finds and reads the configuration (unless --no-config), merges it into `o` and makes
 * the exclude rules. 0, or 2 with the reason printed (a configuration error). */
int cli_settings_load(cli_opts *o, cli_settings *s);
/* The overrides (bits, in file order) whose files: match the file called `label`. */
uint64_t cli_settings_overrides(const cli_settings *s, const char *label);
/* The profile of the file called `label`: 0 when no override matches it. */
size_t cli_settings_profile(cli_settings *s, const char *label);
/* The profiles' rule lists, into o->lib with the other lists; call once every file has
 * its profile. 0, or -1 when out of memory. */
int cli_settings_finish(cli_settings *s, cli_opts *o);
void cli_settings_release(cli_settings *s);

/* --print-config: the settings the file called `label` would be checked with, as YAML
 * on stdout (printconfig.c). `ctx` was made from o->lib; `profile` is the file's;
 * `default_glossary` is the path --glossary default stands for (printed as default). */
void cli_print_config(const cli_opts *o, const cli_settings *s, const tl_ctx *ctx,
                      const char *label, size_t profile, const char *default_glossary);

#endif
