/*
 * rules.c - the rule table: ids, default severities, precedence and summaries.
 *
 * Rule ids are part of the interface (JSON, SARIF, --disable, config): never rename one.
 * Adding a rule takes four things:
 *   1. a row here (keep families together; `prec` decides which of several findings on
 *      one span is shown: lower wins, then the earlier row, see resolve() in result.c);
 *   2. the code that calls doc_add() with its id, in the check_*.c file of its family;
 *   3. golden tests in tests/golden/ (a case it must report and a near miss);
 *   4. an entry in docs/rules.md (and the man page's list).
 */
#include "rules.h"

#include <string.h>

/* precedence classes: boilerplate > term > doc-code > name > the rest > spelling */
enum { P_ENC = 0, P_BOILER = 1, P_TERM = 2, P_DOC = 3, P_NAME = 4, P_REST = 5, P_SPELL = 6 };

static const tl_rule_info rule_table[] = {
    {"encoding", TL_SEV_ERROR, "invalid UTF-8 or a NUL byte in the input"},
    {"boilerplate", TL_SEV_WARNING, "remains of the scraped web page"},
    {"term.forbidden", TL_SEV_ERROR, "a rendering the glossary forbids"},
    {"term.literal", TL_SEV_ERROR, "a known literal machine-translation rendering"},
    {"term.inconsistent", TL_SEV_WARNING, "one concept rendered several ways in one text"},
    {"term.variant", TL_SEV_INFO, "an accepted but non-canonical variant"},
    {"doc-code.mismatch", TL_SEV_ERROR, "document type contradicts its number's code"},
    {"doc-code.format", TL_SEV_WARNING, "one document number written several ways"},
    {"name.variant", TL_SEV_WARNING, "two spellings of one proper name"},
    {"numbering.mixed", TL_SEV_WARNING, "Roman and Arabic ordinals for the same body"},
    {"phrase.doubled", TL_SEV_WARNING, "a word, phrase or sentence repeated"},
    {"lang.mixed", TL_SEV_WARNING, "a word of the other language"},
    {"script.mixed", TL_SEV_ERROR, "Latin or Greek look-alike letters in a Cyrillic word"},
    {"untranslated", TL_SEV_WARNING, "Latin-script words left untranslated"},
    {"typography.space-before-punct", TL_SEV_WARNING, "a space before punctuation"},
    {"typography.range-dash", TL_SEV_INFO, "a range written with a hyphen"},
    {"typography.number-sign", TL_SEV_INFO, "«№» written inconsistently or as «No»"},
    {"typography.quotes", TL_SEV_INFO, "mixed quotation marks"},
    {"spelling", TL_SEV_WARNING, "a word the dictionary does not know"},
    {"spelling.unknown-name", TL_SEV_INFO, "a capitalised word the dictionary does not know"},
};

/* precedence of each row of rule_table, same order */
static const unsigned char rule_prec[] = {
    P_ENC, /* encoding */
    P_BOILER, /* boilerplate */
    P_TERM, /* term.forbidden */
    P_TERM, /* term.literal */
    P_TERM, /* term.inconsistent */
    P_TERM, /* term.variant */
    P_DOC, /* doc-code.mismatch */
    P_DOC, /* doc-code.format */
    P_NAME, /* name.variant */
    P_REST, /* numbering.mixed */
    P_REST, /* phrase.doubled */
    P_REST, /* lang.mixed */
    P_REST, /* script.mixed */
    P_REST, /* untranslated */
    P_REST, /* typography.space-before-punct */
    P_REST, /* typography.range-dash */
    P_REST, /* typography.number-sign */
    P_REST, /* typography.quotes */
    P_SPELL, /* spelling */
    P_SPELL, /* spelling.unknown-name */
};

#define NRULES (sizeof rule_table / sizeof rule_table[0])
_Static_assert(sizeof rule_prec == NRULES, "one precedence per rule");

size_t rules_count(void) { return NRULES; }

const tl_rule_info *rules_at(size_t i) { return i < NRULES ? &rule_table[i] : NULL; }

int rules_find(const char *id)
{
    for (size_t i = 0; i < NRULES; i++)
        if (strcmp(rule_table[i].id, id) == 0)
            return (int)i;
    return -1;
}

const tl_rule_info *tl_rules(size_t *n)
{
    *n = NRULES;
    return rule_table;
}

int rules_prec(size_t i) { return i < NRULES ? rule_prec[i] : 99; }
