/*
 * gloss_check.c - checks on glossary data once it is parsed, kept apart from the YAML
 * reading (glossary.c, yaml_reader.c): ICU regex validation, and the checks on each
 * concept as it is completed (its id, its terms, and its terms against every concept
 * loaded before).
 *
 * Surface forms are compared by key, never by the text as written:
 *
 *   "Центральный  Комитет" --split at white space (textclass.c)--> "Центральный" "Комитет"
 *                          --norm_key each----> "центральный" "комитет"
 *                                                (case folded, ё -> е in ru, ...)
 *                          --join with ' '----> "центральный комитет"
 *
 * so two spellings a matcher cannot tell apart count as the same form. Keys go into
 * one tl_map, prefixed so that languages and scopes never collide:
 *
 *   'r' or 'u' + key               -> first term claiming it, any concept
 *   concept pointer + 'r'/'u' + key -> first term claiming it within that concept
 *
 * A term costs one lookup, two when another concept claims its key: loading N terms is
 * O(N), whatever the glossary's size.
 */
#include "gloss.h"

#include "norm.h"
#include "textclass.h"

#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>

/* ---- terms and keys -------------------------------------------------------------- */

bool gloss_blank(const char *s) { return !s || tc_blank(s, strlen(s)); }

/* Appends the surface key of `text` (see the top of the file). 0, or -1 when out of
 * memory. An empty key means the term has no words. */
static int term_key(tl_buf *out, const char *text, tl_lang lang)
{
    size_t len = strlen(text), i = 0, start, n;
    bool first = true;
    while ((n = tc_next_word(text, len, &i, NULL, &start)) > 0) {
        if (!first && tl_buf_addc(out, ' '))
            return -1;
        first = false;
        if (norm_key(out, text + start, n, lang == TL_LANG_RU))
            return -1;
    }
    return out->oom ? -1 : 0;
}

/* ---- regexes --------------------------------------------------------------------- */

int gloss_regex_check(const char *pattern, tl_buf *why)
{
    UErrorCode e = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    UText *ut = utext_openUTF8(NULL, pattern, -1, &e);
    URegularExpression *re = uregex_openUText(ut, 0, &pe, &e);
    uregex_close(re); /* NULL is a no-op, like utext_close */
    utext_close(ut);
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return -1;
    if (U_SUCCESS(e))
        return 0;
    /* pe.offset: 1-based code point of the pattern's line pe.line where ICU noticed
     * the error (for an unclosed group, the end of the pattern) */
    if (pe.line > 1 && pe.offset > 0)
        tl_buf_printf(why, "%s at line %d, character %d of the pattern", u_errorName(e),
                      (int)pe.line, (int)pe.offset);
    else if (pe.offset > 0)
        tl_buf_printf(why, "%s at character %d of the pattern", u_errorName(e), (int)pe.offset);
    else
        tl_buf_adds(why, u_errorName(e));
    return why->oom ? -1 : 1;
}

/* ---- comparing terms ------------------------------------------------------------- */

static const char *kind_name(gl_kind k)
{
    return k == GL_CANONICAL ? "the canonical form"
           : k == GL_VARIANT ? "a variant"
                             : "a forbidden form";
}

/* Two terms of one concept with the same key. Returns 1 for an error, 0 for a warning
 * only, -1 when out of memory. */
static int same_concept(const gl_term *first, const gl_term *t, tl_diags *d)
{
    const gl_term *forb = first->kind == GL_FORBIDDEN ? first : t->kind == GL_FORBIDDEN ? t : NULL;
    const gl_term *other = forb == first ? t : first;
    int rc;
    if (forb && other->kind != GL_FORBIDDEN) {
        rc = diags_add(d, TL_SEV_ERROR, forb->loc.file, forb->loc.line, forb->loc.col, UINT64_MAX,
                       "forbidden form '%s' equals %s of concept '%s' (%s:%u:%u)", forb->text,
                       kind_name(other->kind), forb->concept->id, other->loc.file, other->loc.line,
                       other->loc.col);
        return rc ? -1 : 1;
    }
    rc = diags_add(d, TL_SEV_WARNING, t->loc.file, t->loc.line, t->loc.col, UINT64_MAX,
                   "duplicate term '%s' in concept '%s' (first at %s:%u:%u)", t->text,
                   t->concept->id, first->loc.file, first->loc.line, first->loc.col);
    return rc ? -1 : 0;
}

static int other_concept(const gl_term *first, const gl_term *t, tl_diags *d)
{
    int rc = diags_add(d, TL_SEV_WARNING, t->loc.file, t->loc.line, t->loc.col, UINT64_MAX,
                       "surface form '%s' of concept '%s' is also claimed by concept '%s' "
                       "(%s '%s' at %s:%u:%u)",
                       t->text, t->concept->id, first->concept->id, kind_name(first->kind),
                       first->text, first->loc.file, first->loc.line, first->loc.col);
    return rc ? -1 : 0;
}

/* Skips what the matcher does not see at s[*i]: white space and invisible code points
 * (textclass.c); returns whether there was white space. */
static bool skip_space(const char *s, size_t len, size_t *i)
{
    bool space = false;
    while (*i < len) {
        uint32_t cp = 0;
        size_t n = utf8_decode(s + *i, len - *i, &cp);
        if (!n || !(tc_space(cp) || tc_invisible(cp)))
            break;
        space |= tc_space(cp);
        *i += n;
    }
    return space;
}

/* Do two terms with the same key still differ for the matcher? Only when one of them
 * is case-sensitive and their letters differ (white space aside): «ЦК» and a
 * forbidden case-sensitive «цк» are two forms, not a conflict. */
static bool distinct_case(const gl_term *a, const gl_term *b)
{
    if (!a->case_sensitive && !b->case_sensitive)
        return false;
    size_t na = strlen(a->text), nb = strlen(b->text), i = 0, j = 0;
    skip_space(a->text, na, &i);
    skip_space(b->text, nb, &j);
    while (i < na && j < nb) {
        bool sa = skip_space(a->text, na, &i), sb = skip_space(b->text, nb, &j);
        if (sa != sb)
            return true;
        if (sa)
            continue;
        if (a->text[i++] != b->text[j++])
            return true;
    }
    skip_space(a->text, na, &i);
    skip_space(b->text, nb, &j);
    return i < na || j < nb;
}

/* Looks the term's key up among all concepts and, when another concept (or none, for
 * a concept left out: `cross` false) holds it, within its own concept. `key` holds the
 * scope prefix (concept pointer) followed by the global key at `gpos`. The first term
 * claiming a key overall is also the first of its concept, so scoped keys are stored
 * only for keys that two concepts share: one lookup per term, as a rule. */
static int check_key(tl_map *forms, gl_term *t, const tl_buf *key, size_t gpos, bool cross,
                     tl_diags *d)
{
    const char *gkey = key->data + gpos;
    size_t glen = key->len - gpos;
    const gl_term *first = cross ? tl_map_get(forms, gkey, glen) : NULL;
    if (cross && !first)
        return tl_map_put(forms, gkey, glen, t) ? 0 : -1;
    if (first && first->concept == t->concept)
        return distinct_case(first, t) ? 0 : same_concept(first, t, d);
    const gl_term *mine = tl_map_get(forms, key->data, key->len);
    if (mine)
        return distinct_case(mine, t) ? 0 : same_concept(mine, t, d);
    if (!tl_map_put(forms, key->data, key->len, t))
        return -1;
    if (!first || distinct_case(first, t))
        return 0;
    return other_concept(first, t, d);
}

static int check_regex(gl_term *t, tl_buf *why, tl_diags *d)
{
    tl_buf_reset(why);
    int rc = gloss_regex_check(t->text, why);
    if (rc <= 0)
        return rc;
    if (diags_add(d, TL_SEV_ERROR, t->loc.file, t->loc.line, t->loc.col, UINT64_MAX,
                  "bad regex '%s': %s", t->text, why->data))
        return -1;
    return 1;
}

/* Checks the terms of `c`: see gloss_check_concept(); with `cross` false (a concept
 * left out) they are not compared with other concepts' nor recorded for them. */
static int check_terms(tl_map *forms, const gl_concept *c, bool cross, tl_diags *d)
{
    tl_buf key;
    tl_buf_init(&key, 0);
    int errors = 0;
    for (size_t i = 0; i < c->nterms && errors >= 0; i++) {
        gl_term *t = &c->terms[i];
        int rc;
        if (t->match == GL_MATCH_REGEX) {
            rc = check_regex(t, &key, d);
        } else {
            tl_buf_reset(&key);
            tl_buf_add(&key, &c, sizeof c);
            size_t gpos = key.len;
            tl_buf_addc(&key, t->lang == TL_LANG_RU ? 'r' : 'u');
            rc = term_key(&key, t->text, t->lang);
            if (rc == 0 && key.len > gpos + 1)
                rc = check_key(forms, t, &key, gpos, cross, d);
        }
        errors = rc < 0 ? -1 : errors + rc;
    }
    tl_buf_release(&key);
    return errors;
}

/* ---- concepts -------------------------------------------------------------------- */

/* A missing or taken id: returns 1 (an error), 0, or -1 when out of memory. */
static int check_id(tl_map *ids, gl_concept *c, tl_diags *d)
{
    const gl_loc *at = &c->loc;
    if (!c->id) {
        c->id = "(no id)"; /* for the messages about its terms */
        return diags_add(d, TL_SEV_ERROR, at->file, at->line, at->col, UINT64_MAX,
                         "concept has no 'id'")
                   ? -1
                   : 1;
    }
    const gl_concept *first = tl_map_get(ids, c->id, strlen(c->id));
    if (!first)
        return 0;
    return diags_add(d, TL_SEV_ERROR, at->file, at->line, at->col, UINT64_MAX,
                     "duplicate id '%s' (first defined at %s:%u:%u)", c->id, first->loc.file,
                     first->loc.line, first->loc.col)
               ? -1
               : 1;
}

int gloss_check_concept(tl_map *ids, tl_map *forms, gl_concept *c, bool has_langs, tl_diags *d,
                        bool *keep)
{
    const gl_loc *at = &c->loc;
    int errors = check_id(ids, c, d);
    if (errors < 0)
        return -1;
    *keep = errors == 0;
    if (*keep && !c->vi &&
        diags_add(d, TL_SEV_WARNING, at->file, at->line, at->col, UINT64_MAX,
                  "concept '%s' has no 'vi' (vietnamese source form)", c->id))
        return -1;
    if (*keep && !has_langs &&
        diags_add(d, TL_SEV_WARNING, at->file, at->line, at->col, UINT64_MAX,
                  "concept '%s' has no 'ru' or 'uk' terms", c->id))
        return -1;
    int rc = check_terms(forms, c, *keep, d);
    if (rc < 0 || (*keep && !tl_map_put(ids, c->id, strlen(c->id), c)))
        return -1;
    return errors + rc;
}

int gloss_check_extension(tl_map *forms, gl_concept *target, size_t first_new, tl_diags *d)
{
    /* check_terms() scopes keys by the concept's address: give it the target with only
     * the new terms in view, so they meet the target's own terms as one concept's */
    gl_term *all = target->terms;
    size_t n = target->nterms;
    target->terms = all + first_new;
    target->nterms = n - first_new;
    int rc = check_terms(forms, target, true, d);
    target->terms = all;
    target->nterms = n;
    return rc;
}
