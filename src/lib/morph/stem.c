/*
 * stem.c - the stem of a matching key: the key (norm_key) without its inflectional
 * ending, by a fixed list of Russian and Ukrainian endings. «Всекитайскому» and
 * «Всекитайский» share the stem «всекитайск», so the glossary matcher, the document
 * type words of doc-code, name variants and lang.mixed's own-stem test compare words
 * whatever their case and number.
 *
 * Limits: a stem of at least 3 letters is kept, and a key of 3 letters or fewer is its
 * own stem; two different words that share a stem after stripping look the same. Stem
 * changes (fleeting vowels: «уровень» / «уровня») are the matcher's lemma keys'
 * business (match.c).
 */
#include "stem.h"

#include <string.h>

/* Endings, longest first within each length class as the list is tried in order. All
 * are Cyrillic, 2 bytes a letter; the length is kept to spare a strlen per try. */
typedef struct {
    const char *s;
    size_t len;
} ending;
/* one line: */
/* clang-format off */
#define E(x) {x, sizeof x - 1}
/* clang-format on */
static const ending ru_endings[] = {
    E("иями"), E("ыми"), E("ими"), E("ами"), E("ями"), E("ого"), E("его"), E("ому"), E("ему"),
    E("ией"),  E("ием"), E("иям"), E("иях"), E("ая"),  E("яя"),  E("ое"),  E("ее"),  E("ые"),
    E("ие"),   E("ый"),  E("ий"),  E("ой"),  E("ей"),  E("ую"),  E("юю"),  E("ым"),  E("им"),
    E("ом"),   E("ем"),  E("ых"),  E("их"),  E("ия"),  E("ии"),  E("ию"),  E("ах"),  E("ях"),
    E("ам"),   E("ям"),  E("ов"),  E("ев"),  E("ью"),  E("а"),   E("я"),   E("о"),   E("е"),
    E("ы"),    E("и"),   E("у"),   E("ю"),   E("ь"),   E("й"),   {NULL, 0}};
static const ending uk_endings[] = {
    E("ього"), E("ьому"), E("ями"), E("ами"), E("ими"), E("іми"), E("ого"), E("ому"), E("ової"),
    E("ові"),  E("еві"),  E("єві"), E("ією"), E("іям"), E("іях"), E("ої"),  E("ою"),  E("ею"),
    E("єю"),   E("ий"),   E("ій"),  E("ам"),  E("ям"),  E("ах"),  E("ях"),  E("ів"),  E("їв"),
    E("им"),   E("ім"),   E("их"),  E("іх"),  E("ом"),  E("ем"),  E("єм"),  E("ія"),  E("ії"),
    E("ію"),   E("ей"),   E("а"),   E("я"),   E("е"),   E("є"),   E("і"),   E("ї"),   E("у"),
    E("ю"),    E("о"),    E("и"),   E("ь"),   E("й"),   {NULL, 0}};
#undef E

size_t stem_key_len(tl_lang lang, const char *key, size_t len)
{
    size_t ncp = utf8_count(key, len);
    if (ncp <= 3)
        return len;
    for (const ending *e = lang == TL_LANG_UK ? uk_endings : ru_endings; e->s; e++)
        if (e->len < len && key[len - 1] == e->s[e->len - 1] && ncp - e->len / 2 >= 3 &&
            memcmp(key + len - e->len, e->s, e->len) == 0)
            return len - e->len;
    return len;
}
