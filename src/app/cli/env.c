/*
 * env.c - what the command line takes from the environment and the file system and
 * hands to the library through tl_options: the library itself reads no environment
 * variable and knows no installed path.
 *
 *   data folder    --data-dir, else $TERMLINT_DATADIR, else next to the binary
 *                  (build/termlint -> glossaries/, bin/termlint -> share/termlint/),
 *                  else the installed DATADIR
 *   "default"      --glossary default: vietnam-politics.yaml of the data folder
 *   table cache    $TERMLINT_CACHE_DIR, else $XDG_CACHE_HOME/termlint, else
 *                  $HOME/.cache/termlint (the library creates it)
 *   table switch   $TERMLINT_WORDTAB=0: Hunspell for every word
 *   dictionaries   $DICPATH, searched after --dict-dir
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef TL_DATADIR
#define TL_DATADIR "/usr/local/share/termlint"
#endif

#define DEFAULT_GLOSSARY "vietnam-politics.yaml"

/* Shared data lives relative to the binary when run from a source tree
 * (build/termlint -> glossaries/) or an installed prefix (bin/ -> share/termlint/). */
static char *beside_binary(const char *argv0)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        if (strlen(argv0) >= sizeof exe)
            return NULL;
        n = (ssize_t)strlen(argv0);
        memcpy(exe, argv0, (size_t)n);
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"/../glossaries", "/../share/termlint", NULL};
    for (int i = 0; rel[i]; i++) {
        char cand[4200], probe[4300];
        snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
        snprintf(probe, sizeof probe, "%s/rules.yaml", cand);
        if (access(probe, R_OK) == 0)
            return strdup(cand);
    }
    return NULL;
}

static char *data_dir(const char *argv0)
{
    const char *env = getenv("TERMLINT_DATADIR");
    if (env && *env)
        return strdup(env);
    char *dir = beside_binary(argv0);
    return dir ? dir : strdup(TL_DATADIR);
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", a, b);
    return s;
}

static char *cache_dir(void)
{
    const char *env = getenv("TERMLINT_CACHE_DIR");
    if (env && *env)
        return strdup(env);
    if ((env = getenv("XDG_CACHE_HOME")) && *env)
        return join(env, "/termlint");
    if ((env = getenv("HOME")) && *env)
        return join(env, "/.cache/termlint");
    return NULL;
}

int cli_env_apply(cli_opts *o, const char *argv0, cli_env *env)
{
    memset(env, 0, sizeof *env);
    if (!o->lib.data_dir) {
        if (!(env->data_dir = data_dir(argv0)))
            return -1;
        o->lib.data_dir = env->data_dir;
    }
    for (size_t i = 0; i < o->nglossaries; i++) {
        if (strcmp(o->glossaries[i], "default") != 0)
            continue;
        if (!env->default_glossary &&
            !(env->default_glossary = join(o->lib.data_dir, "/" DEFAULT_GLOSSARY)))
            return -1;
        o->glossaries[i] = env->default_glossary;
    }
    env->cache_dir = cache_dir();
    o->lib.cache_dir = env->cache_dir;
    const char *wt = getenv("TERMLINT_WORDTAB");
    o->lib.wordtab = !(wt && strcmp(wt, "0") == 0);
    o->lib.dict_path = getenv("DICPATH");
    return 0;
}

void cli_env_release(cli_env *env)
{
    free(env->data_dir);
    free(env->cache_dir);
    free(env->default_glossary);
    memset(env, 0, sizeof *env);
}
