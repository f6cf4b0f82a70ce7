/*
 * registry.c - the rule table: one row per rule, indexed by its tl_rule value.
 *
 * A row says everything the rest of the library needs to know about a rule: its
 * string id, the family that reports it, its default severity, its precedence on a
 * shared span and a one-line summary. Nothing else keeps a list of rules: options,
 * reporters and docs read this table (tl_rule_info_get), so a rule is added here once.
 *
 * Rule ids are part of the interface (JSON, SARIF, --disable, config): never rename one.
 * Adding a rule takes five things:
 *   1. a TL_RULE_ value at the end of the enum in include/termlint.h;
 *   2. its row here (`prec` decides which of several findings on one span is shown:
 *      lower wins, then the lower tl_rule value, see resolve() in result.c);
 *   3. the code that calls doc_add() with it, in the check_*.c file of its family;
 *   4. golden tests in tests/golden/ (a case it must report and a near miss);
 *   5. an entry in docs/rules.md (and the man page's list).
 */
#include "registry.h"

#include <string.h>

/* precedence classes: boilerplate > term > doc-code > name > the rest > spelling */
enum {
    P_ENC = 0,
    P_BOILER = 1,
    P_TERM = 2,
    P_DOC = 3,
    P_NAME = 4,
    P_REST = 5,
    P_SPELL = 6,
    /* a finding over a whole line or sentence never folds the findings inside it */
    P_LINE = 7
};

#define ROW(r, id, fam, sev, prec, summary) [r] = {{r, id, fam, sev, summary, 0}, prec}

static const rule_row rule_table[] = {
    ROW(TL_RULE_ENCODING, "encoding", "input", TL_SEV_ERROR, P_ENC,
        "invalid UTF-8 or a NUL byte in the input"),
    ROW(TL_RULE_BOILERPLATE, "boilerplate", "boilerplate", TL_SEV_WARNING, P_BOILER,
        "remains of the scraped web page"),
    ROW(TL_RULE_TERM_FORBIDDEN, "term.forbidden", "terms", TL_SEV_ERROR, P_TERM,
        "a rendering the glossary forbids"),
    ROW(TL_RULE_TERM_LITERAL, "term.literal", "terms", TL_SEV_ERROR, P_TERM,
        "a known literal machine-translation rendering"),
    ROW(TL_RULE_TERM_INCONSISTENT, "term.inconsistent", "terms", TL_SEV_WARNING, P_TERM,
        "one concept rendered several ways in one text"),
    ROW(TL_RULE_TERM_VARIANT, "term.variant", "terms", TL_SEV_INFO, P_TERM,
        "an accepted but non-canonical variant"),
    ROW(TL_RULE_DOC_CODE_MISMATCH, "doc-code.mismatch", "doc-code", TL_SEV_ERROR, P_DOC,
        "document type contradicts its number's code"),
    ROW(TL_RULE_DOC_CODE_FORMAT, "doc-code.format", "doc-code", TL_SEV_WARNING, P_DOC,
        "one document number written several ways"),
    ROW(TL_RULE_NAME_VARIANT, "name.variant", "names", TL_SEV_WARNING, P_NAME,
        "two spellings of one proper name"),
    ROW(TL_RULE_NUMBERING_MIXED, "numbering.mixed", "numbering", TL_SEV_WARNING, P_REST,
        "Roman and Arabic ordinals for the same body"),
    ROW(TL_RULE_PHRASE_DOUBLED, "phrase.doubled", "doubled", TL_SEV_WARNING, P_REST,
        "a word, phrase or sentence repeated"),
    ROW(TL_RULE_LANG_MIXED, "lang.mixed", "langmix", TL_SEV_WARNING, P_REST,
        "a word of the other language"),
    ROW(TL_RULE_SCRIPT_MIXED, "script.mixed", "langmix", TL_SEV_ERROR, P_REST,
        "Latin or Greek look-alike letters in a Cyrillic word"),
    ROW(TL_RULE_UNTRANSLATED, "untranslated", "langmix", TL_SEV_WARNING, P_REST,
        "Latin-script words left untranslated"),
    ROW(TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT, "typography.space-before-punct", "typography",
        TL_SEV_WARNING, P_REST, "a space before punctuation"),
    ROW(TL_RULE_TYPOGRAPHY_RANGE_DASH, "typography.range-dash", "typography", TL_SEV_INFO, P_REST,
        "a range written with a hyphen"),
    ROW(TL_RULE_TYPOGRAPHY_NUMBER_SIGN, "typography.number-sign", "typography", TL_SEV_INFO, P_REST,
        "«№» written inconsistently or as «No»"),
    ROW(TL_RULE_TYPOGRAPHY_QUOTES, "typography.quotes", "typography", TL_SEV_INFO, P_REST,
        "mixed quotation marks"),
    ROW(TL_RULE_SPELLING, "spelling", "spelling", TL_SEV_WARNING, P_SPELL,
        "a word the dictionary does not know"),
    ROW(TL_RULE_SPELLING_UNKNOWN_NAME, "spelling.unknown-name", "spelling", TL_SEV_INFO, P_SPELL,
        "a capitalised word the dictionary does not know"),
    ROW(TL_RULE_NAME_TRANSCRIPTION, "name.transcription", "names", TL_SEV_INFO, P_NAME,
        "a known name in a non-standard transcription, used consistently"),
    /* off by default: for glossary tests and terminology reports, which count every use */
    ROW(TL_RULE_TERM_USE, "term.use", "terms", TL_SEV_OFF, P_TERM,
        "a use of a glossary term (canonical form, variant or short form)"),
    ROW(TL_RULE_PHRASE_REPEATED, "phrase.repeated", "doubled", TL_SEV_WARNING, P_LINE,
        "a sentence or line shown twice (a caption, headline or lead)"),
    ROW(TL_RULE_SPELLING_ORDINAL_ENDING, "spelling.ordinal-ending", "spelling", TL_SEV_WARNING,
        P_SPELL, "a figure with a non-standard ordinal ending («1-ый», «16-ой»)"),
};

#undef ROW

/* A rule appended to the enum needs its row (and a row needs its enum value). */
_Static_assert(sizeof rule_table / sizeof rule_table[0] == TL_RULE_COUNT,
               "one row of rule_table per tl_rule");

const rule_row *rule_row_of(tl_rule r)
{
    return (unsigned)r < TL_RULE_COUNT ? &rule_table[r] : NULL;
}

int rule_prec(tl_rule r) { return (unsigned)r < TL_RULE_COUNT ? rule_table[r].prec : 99; }

size_t tl_rule_count(void) { return TL_RULE_COUNT; }

const tl_rule_info *tl_rule_info_get(tl_rule r)
{
    return (unsigned)r < TL_RULE_COUNT ? &rule_table[r].info : NULL;
}

const char *tl_rule_id(tl_rule r)
{
    return (unsigned)r < TL_RULE_COUNT ? rule_table[r].info.id : "?";
}

int tl_rule_from_id(const char *id, tl_rule *out)
{
    for (size_t i = 0; i < TL_RULE_COUNT; i++)
        if (strcmp(rule_table[i].info.id, id) == 0) {
            *out = (tl_rule)i;
            return 0;
        }
    return -1;
}

/* ---- families --------------------------------------------------------------------- */

static const tl_family *const families[FAM_COUNT] = {
    [FAM_SPELLING] = &family_spelling,       [FAM_TERMS] = &family_terms,
    [FAM_DOCCODE] = &family_doccode,         [FAM_NUMBERING] = &family_numbering,
    [FAM_TYPOGRAPHY] = &family_typography,   [FAM_NAMES] = &family_names,
    [FAM_DOUBLED] = &family_doubled,         [FAM_LANGMIX] = &family_langmix,
    [FAM_BOILERPLATE] = &family_boilerplate, [FAM_ALTERNATION] = &family_alternation,
    [FAM_FURNITURE] = &family_furniture,
};

const tl_family *family_at(size_t i) { return i < FAM_COUNT ? families[i] : NULL; }
