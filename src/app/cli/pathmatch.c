/*
 * pathmatch.c - which files a glob or a .gitignore-style rule list matches: exclude:,
 * .termlintignore, the folders skipped by default, include: and --include, and the
 * files: of a configuration's overrides.
 *
 * Paths are relative to the folder the patterns belong to (the configuration's or the
 * ignore file's), '/'-separated, without "./". A pattern follows .gitignore
 * (docs/configuration.md has examples; they hold slash-star, which a C comment cannot):
 *
 *   - without a '/' (a trailing one aside), it matches a name at any depth: notes-*.md;
 *   - with a '/' at its start or inside, it matches from the folder: /build, docs/a.md;
 *   - '*' and '?' never cross a '/'; a component "**" stands for any number of folders;
 *   - a trailing '/' matches folders only (and so everything under them): node_modules/;
 *   - a leading '!' re-includes what an earlier rule excluded; "\#" and "\!" start a
 *     pattern with '#' or '!'; a line starting with '#' is a comment.
 *
 * The last rule that matches a path decides, and a path under an excluded folder is
 * excluded (as git does: a file cannot be re-included from an excluded folder).
 */
#define _DEFAULT_SOURCE
#include "cli.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* Whether the components of `pat` [p, pe) match those of `path` [s, se), "**" standing
 * for any number of components. */
static int match_parts(const char *p, const char *pe, const char *s, const char *se)
{
    if (p == pe)
        return s == se;
    const char *pslash = memchr(p, '/', (size_t)(pe - p));
    const char *pend = pslash ? pslash : pe;
    char comp[512];
    size_t plen = (size_t)(pend - p);
    if (plen == 2 && p[0] == '*' && p[1] == '*') {
        const char *rest = pslash ? pslash + 1 : pe;
        for (const char *q = s;; q++) { /* ** eats 0, 1, 2 ... components */
            if (match_parts(rest, pe, q, se))
                return 1;
            q = memchr(q, '/', (size_t)(se - q));
            if (!q)
                return rest == pe; /* a trailing ** matches everything below */
        }
    }
    if (s == se || plen >= sizeof comp)
        return 0;
    const char *sslash = memchr(s, '/', (size_t)(se - s));
    const char *send = sslash ? sslash : se;
    char name[512];
    size_t slen = (size_t)(send - s);
    if (slen >= sizeof name)
        return 0;
    memcpy(comp, p, plen);
    comp[plen] = '\0';
    memcpy(name, s, slen);
    name[slen] = '\0';
    if (fnmatch(comp, name, 0) != 0)
        return 0;
    if (!pslash)
        return !sslash;
    return sslash && match_parts(pslash + 1, pe, sslash + 1, se);
}

int pm_glob(const char *pat, const char *path)
{
    size_t n = strlen(pat);
    while (n && pat[n - 1] == '/')
        n--;
    const char *slash = memchr(pat, '/', n);
    if (!slash) { /* a name: the last component, at any depth */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        char comp[512];
        if (n >= sizeof comp)
            return 0;
        memcpy(comp, pat, n);
        comp[n] = '\0';
        return fnmatch(comp, base, 0) == 0;
    }
    const char *p = pat[0] == '/' ? pat + 1 : pat;
    return match_parts(p, pat + n, path, path + strlen(path));
}

/* ---- rule lists -------------------------------------------------------------------- */

int pm_add(pm_set *s, const char *line, const char *origin)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
        n--;
    if (!n || line[0] == '#')
        return 0;
    pm_rule r = {NULL, 0, 0, origin};
    const char *p = line;
    if (*p == '!') {
        r.negate = 1;
        p++;
        n--;
    } else if (*p == '\\' && (p[1] == '#' || p[1] == '!')) {
        p++;
        n--;
    }
    r.dir_only = n > 0 && p[n - 1] == '/';
    if (!n || !(r.pattern = strndup(p, n)))
        return n ? -1 : 0;
    pm_rule *v = realloc(s->v, (s->n + 1) * sizeof *v);
    if (!v) {
        free(r.pattern);
        return -1;
    }
    s->v = v;
    s->v[s->n++] = r;
    return 0;
}

int pm_add_file(pm_set *s, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0; /* no ignore file: nothing to add */
    char line[4096];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        rc = pm_add(s, line, path);
    }
    fclose(f);
    return rc;
}

void pm_free(pm_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].pattern);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* The last rule deciding on `path` itself: 1 excluded, 0 included, -1 no rule. */
static int decide(const pm_set *s, const char *path, int is_dir, const pm_rule **why)
{
    int verdict = -1;
    for (size_t i = 0; i < s->n; i++) {
        const pm_rule *r = &s->v[i];
        if ((r->dir_only && !is_dir) || !pm_glob(r->pattern, path))
            continue;
        verdict = !r->negate;
        if (why)
            *why = r;
    }
    return verdict;
}

int pm_excluded(const pm_set *s, const char *path, int is_dir, const pm_rule **why)
{
    /* an excluded folder excludes what it holds: check each folder on the way */
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf)
        return decide(s, path, is_dir, why) == 1;
    memcpy(buf, path, n + 1);
    for (char *slash = strchr(buf, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int v = decide(s, buf, 1, why);
        *slash = '/';
        if (v == 1)
            return 1;
    }
    return decide(s, path, is_dir, why) == 1;
}
