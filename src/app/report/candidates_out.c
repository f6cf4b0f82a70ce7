/*
 * candidates_out.c - term candidates in the report: the groups ranked, and the glossary
 * entry proposed for each (docs/report.md, "Term candidates").
 *
 * A group is one language and key (candidates.c): the renderings that differ by case,
 * transliteration or spacing. Groups used at least twice are ranked by uses, then
 * files, then key. The proposed entry takes as the canonical form the shortest case
 * form of the most used rendering (mostly its nominative) and lists
 * the other renderings whose words are not just case forms of it (other spellings,
 * other spacing) for the terminologist to keep as variants or make forbidden. A Russian
 * and a Ukrainian group whose forms transliterate to the same id are one entry with
 * both languages (ids are unique in a glossary).
 */
#include "termreport_p.h"

#include <stdlib.h>
#include <string.h>

static uint64_t group_files(const termreport *t, const char *lang, const char *key)
{
    size_t n = strlen(lang) + strlen(key) + 2;
    char *g = malloc(n);
    if (!g)
        return 0;
    snprintf(g, n, "%s:%s", lang, key);
    size_t lo = 0, hi = t->nkg;
    uint64_t r = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->kg[mid].key, g);
        if (!c) {
            r = t->kg[mid].n;
            break;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    free(g);
    return r;
}

static int cmp_render(const void *pa, const void *pb)
{
    const tr_cand *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    int c = strcmp(a->text, b->text);
    return c ? c : strcmp(a->kind, b->kind);
}

static int cmp_group(const void *pa, const void *pb)
{
    const cand_group *a = pa, *b = pb;
    if (a->uses != b->uses)
        return a->uses > b->uses ? -1 : 1;
    if (a->files != b->files)
        return a->files > b->files ? -1 : 1;
    int c = strcmp(a->r[0].lang, b->r[0].lang);
    return c ? c : strcmp(a->r[0].key, b->r[0].key);
}

cand_group *tr_cand_groups(termreport *t, size_t *n)
{
    cand_group *v = malloc((t->nk ? t->nk : 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < t->nk;) {
        size_t j = i;
        uint64_t uses = 0;
        while (j < t->nk && !strcmp(t->k[j].lang, t->k[i].lang) &&
               !strcmp(t->k[j].key, t->k[i].key))
            uses += t->k[j++].count;
        if (uses >= 2) {
            cand_group *g = &v[(*n)++];
            g->r = &t->k[i];
            g->nr = j - i;
            g->uses = uses;
            g->files = group_files(t, t->k[i].lang, t->k[i].key);
        }
        i = j;
    }
    for (size_t i = 0; i < *n; i++)
        qsort(v[i].r, v[i].nr, sizeof *v[i].r, cmp_render);
    qsort(v, *n, sizeof *v, cmp_group);
    return v;
}

/* ---- the proposed entry ------------------------------------------------------------- */

/* Latin letters for an id (a rough transliteration: ids only need to be readable). */
static const char *latin_of(unsigned c)
{
    static const char *const ru[] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                     "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                     "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};
    if (c >= 0x430 && c <= 0x44F)
        return ru[c - 0x430];
    if (c >= 0x410 && c <= 0x42F)
        return ru[c - 0x410];
    switch (c) {
    case 0x451:
    case 0x401:
    case 0x454:
    case 0x404: return "e";
    case 0x456:
    case 0x406: return "i";
    case 0x457:
    case 0x407: return "yi";
    case 0x491:
    case 0x490: return "g";
    default: return NULL;
    }
}

static void id_of(FILE *o, const char *s)
{
    int dash = 0, any = 0;
    for (size_t i = 0, n = strlen(s); i < n;) {
        unsigned char b = (unsigned char)s[i];
        unsigned c = b;
        if (b >= 0xC0 && i + 1 < n) {
            c = (unsigned)(b & 0x1F) << 6 | ((unsigned char)s[i + 1] & 0x3F);
            i += 2;
        } else {
            i++;
        }
        const char *l = NULL;
        char one[2] = {0, 0};
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            one[0] = (char)c, l = one;
        else if (c >= 'A' && c <= 'Z')
            one[0] = (char)(c + 32), l = one;
        else
            l = latin_of(c);
        if (!l) {
            dash = any;
            continue;
        }
        if (dash && *l)
            fputc('-', o);
        dash = 0;
        fputs(l, o);
        any |= *l != 0;
    }
}

/* A YAML scalar: double-quoted when plain would be read otherwise. */
static void yaml_str(FILE *o, const char *s)
{
    if (strpbrk(s, ":#'\"{}[],&*!|>%@`\\") || *s == '-' || *s == '?' || *s == ' ') {
        fputc('"', o);
        for (; *s; s++) {
            if (*s == '"' || *s == '\\')
                fputc('\\', o);
            fputc(*s, o);
        }
        fputc('"', o);
        return;
    }
    fputs(s, o);
}

/* The words of a and b, each cut to its first 4 bytes less than its length: do they
 * agree? Then b is a case form of a, which the matcher finds by itself. */
static int case_form(const char *a, const char *b)
{
    while (*a && *b) {
        size_t la = strcspn(a, " -"), lb = strcspn(b, " -");
        size_t m = la < lb ? la : lb;
        size_t keep = m > 4 ? m - 4 : m;
        if (strncmp(a, b, keep))
            return 0;
        a += la;
        b += lb;
        if ((*a == '\0') != (*b == '\0') || (*a && *a != *b))
            return 0;
        if (*a)
            a++, b++;
    }
    return *a == *b;
}

/* Does the first word end like a nominative adjective (ru, uk)? */
static int nominative_start(const char *s)
{
    static const char *const end[] = {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "а", NULL};
    size_t n = strcspn(s, " -");
    for (size_t k = 0; end[k]; k++) {
        size_t e = strlen(end[k]);
        if (n > e && !strncmp(s + n - e, end[k], e))
            return 1;
    }
    return 0;
}

/* The rendering to propose as canonical: of the case forms of the most used one, the
 * shortest (a nominative is mostly the shortest form), one starting with a nominative
 * adjective ending first among equals. */
static const tr_cand *canonical_of(const cand_group *g)
{
    const tr_cand *best = &g->r[0];
    for (size_t i = 1; i < g->nr; i++) {
        const tr_cand *c = &g->r[i];
        if (!case_form(g->r[0].text, c->text))
            continue;
        size_t lc = strlen(c->text), lb = strlen(best->text);
        if (lc < lb || (lc == lb && nominative_start(c->text) && !nominative_start(best->text)))
            best = c;
    }
    return best;
}

/* The language mapping of group g: canonical form and other spellings. */
static void lang_yaml(FILE *o, const cand_group *g, const char *in)
{
    const tr_cand *c = canonical_of(g);
    fprintf(o, "%s  %s:\n%s    canonical: ", in, c->lang, in);
    yaml_str(o, c->text);
    fputc('\n', o);
    int head = 0;
    for (size_t i = 0; i < g->nr; i++) {
        if (&g->r[i] == c || case_form(c->text, g->r[i].text))
            continue;
        if (!head)
            fprintf(o, "%s    variants:  # other spellings seen: keep, or move to forbidden\n", in);
        head = 1;
        fprintf(o, "%s      - ", in);
        yaml_str(o, g->r[i].text);
        fputc('\n', o);
    }
}

/* The id proposed for group g (owned: free), or NULL when out of memory. */
static char *id_str(const cand_group *g)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f)
        return NULL;
    id_of(f, canonical_of(g)->text);
    if (fclose(f)) {
        free(s);
        return NULL;
    }
    return s;
}

void tr_cand_yaml(FILE *o, const cand_group *g, const cand_group *other, const char *in)
{
    const tr_cand *c = canonical_of(g);
    const char *cat = !strcmp(c->kind, "phrase") ? "body"
                      : !strcmp(c->kind, "code") ? "general"
                                                 : "person  # or place";
    char *id = id_str(g);
    fprintf(o, "%s- id: %s\n%s  category: %s\n", in, id && *id ? id : "candidate", in, cat);
    free(id);
    fprintf(o, "%s  # vi: the Vietnamese source form\n", in);
    if (c->nex) {
        /* where the rendering is attested: its first example */
        char where[1024];
        snprintf(where, sizeof where, "%s:%u", c->ex[0].path, c->ex[0].line);
        fprintf(o, "%s  source: ", in);
        yaml_str(o, where);
        fputc('\n', o);
    }
    lang_yaml(o, g, in);
    if (other)
        lang_yaml(o, other, in);
}

const cand_group *tr_cand_pair(const cand_group *v, size_t n, size_t i, int *later)
{
    char *id = id_str(&v[i]);
    const cand_group *r = NULL;
    *later = 0;
    for (size_t j = 0; id && j < n && !r; j++) {
        if (j == i || !strcmp(v[j].r[0].lang, v[i].r[0].lang))
            continue;
        char *jd = id_str(&v[j]);
        if (jd && !strcmp(id, jd)) {
            r = &v[j];
            *later = j > i;
        }
        free(jd);
    }
    free(id);
    return r;
}
