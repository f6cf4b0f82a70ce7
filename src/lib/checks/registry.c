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

#include "yaml_reader.h"

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

#define ROW(r, id, fam, sev, prec, summary, description)                                           \
    [r] = {{r, id, fam, sev, summary, 0, description}, prec}
/* a fixable rule: `termlint fix` may apply its findings that have one suggestion, which
 * replaces the span as is (docs/rules.md, "Fixable rules") */
#define FIX(r, id, fam, sev, prec, summary, description)                                           \
    [r] = {{r, id, fam, sev, summary, 1, description}, prec}

static const rule_row rule_table[] = {
    ROW(TL_RULE_ENCODING, "encoding", "input", TL_SEV_ERROR, P_ENC,
        "invalid UTF-8 or a NUL byte in the input",
        "The input is not valid UTF-8 or holds a NUL byte. The bad bytes are read as spaces "
        "and the rest of the file is still checked, but the exit code is 2. It cannot be "
        "switched off or suppressed."),
    ROW(TL_RULE_BOILERPLATE, "boilerplate", "boilerplate", TL_SEV_WARNING, P_BOILER,
        "remains of the scraped web page",
        "A line left over from the scraped page: a boilerplate pattern of the rule data "
        "(share buttons, comment counters, image placeholders), page furniture (menus, "
        "section lists, bylines, dates) or a line that recurs across many texts of a run. "
        "Add patterns under boilerplate: and words under furniture: in a glossary."),
    FIX(TL_RULE_TERM_FORBIDDEN, "term.forbidden", "terms", TL_SEV_ERROR, P_TERM,
        "a rendering the glossary forbids",
        "A rendering of a concept that the glossary forbids, in any inflection. The "
        "suggestion is the canonical term put into the case and number of the text."),
    FIX(TL_RULE_TERM_LITERAL, "term.literal", "terms", TL_SEV_ERROR, P_TERM,
        "a known literal machine-translation rendering",
        "A forbidden form marked literal: a word-by-word machine translation of a term. The "
        "suggestion is the canonical term."),
    ROW(TL_RULE_TERM_INCONSISTENT, "term.inconsistent", "terms", TL_SEV_WARNING, P_TERM,
        "one concept rendered several ways in one text",
        "One concept rendered two ways in one text (or, with consistency: run, in one "
        "run): every use of a minority rendering is reported against the dominant one."),
    ROW(TL_RULE_TERM_VARIANT, "term.variant", "terms", TL_SEV_INFO, P_TERM,
        "an accepted but non-canonical variant",
        "An accepted variant of a concept that is not its canonical term; the suggestion is "
        "the canonical term."),
    ROW(TL_RULE_DOC_CODE_MISMATCH, "doc-code.mismatch", "doc-code", TL_SEV_ERROR, P_DOC,
        "document type contradicts its number's code",
        "The document-type word before a document number belongs to another code than the "
        "number's (a resolution numbered as a decision)."),
    FIX(TL_RULE_DOC_CODE_FORMAT, "doc-code.format", "doc-code", TL_SEV_WARNING, P_DOC,
        "one document number written several ways",
        "One document number written several ways in one text, or a code written in ASCII "
        "where the code table spells it with Đ. Option format: the preferred way of "
        "writing a number."),
    ROW(TL_RULE_NAME_VARIANT, "name.variant", "names", TL_SEV_WARNING, P_NAME,
        "two spellings of one proper name",
        "One proper name written two ways in one text (a known transliteration confusion, "
        "spaces or hyphens), or a glossary's wrong form of a name the text also writes "
        "another way."),
    ROW(TL_RULE_NUMBERING_MIXED, "numbering.mixed", "numbering", TL_SEV_WARNING, P_REST,
        "Roman and Arabic ordinals for the same body",
        "Ordinals of one kind (congress, plenum, convocation) for one body written in Roman "
        "numerals in one place and in Arabic figures in another."),
    FIX(TL_RULE_PHRASE_DOUBLED, "phrase.doubled", "doubled", TL_SEV_WARNING, P_REST,
        "a word, phrase or sentence repeated",
        "A word or phrase written twice in a row or joined to itself; legitimate "
        "repetitions are listed in reduplications."),
    ROW(TL_RULE_LANG_MIXED, "lang.mixed", "langmix", TL_SEV_WARNING, P_REST,
        "a word of the other language",
        "A Russian word in a Ukrainian text or the other way round: letters, frequent "
        "words, or a word only the other language's dictionary knows."),
    FIX(TL_RULE_SCRIPT_MIXED, "script.mixed", "langmix", TL_SEV_ERROR, P_REST,
        "Latin or Greek look-alike letters in a Cyrillic word",
        "A word that mixes Cyrillic with Latin or Greek letters that look alike; the "
        "suggestion replaces the look-alikes."),
    ROW(TL_RULE_UNTRANSLATED, "untranslated", "langmix", TL_SEV_WARNING, P_REST,
        "Latin-script words left untranslated",
        "Latin-script words in running Russian or Ukrainian text: Vietnamese left over, "
        "English page labels, English phrases. Allowed words go in latin_allowed."),
    FIX(TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT, "typography.space-before-punct", "typography",
        TL_SEV_WARNING, P_REST, "a space before punctuation",
        "White space before a comma, full stop, colon, semicolon, question or exclamation "
        "mark, closing bracket or closing quote on the same line."),
    FIX(TL_RULE_TYPOGRAPHY_RANGE_DASH, "typography.range-dash", "typography", TL_SEV_INFO, P_REST,
        "a range written with a hyphen",
        "A year range written with a hyphen in a text that also writes one with an en dash."),
    FIX(TL_RULE_TYPOGRAPHY_NUMBER_SIGN, "typography.number-sign", "typography", TL_SEV_INFO, P_REST,
        "«№» written inconsistently or as «No»",
        "The number sign written with and without a space in one text (the minority is "
        "reported), or a Latin No used for it."),
    ROW(TL_RULE_TYPOGRAPHY_QUOTES, "typography.quotes", "typography", TL_SEV_INFO, P_REST,
        "mixed quotation marks",
        "Quotations opened in more than one style (guillemets, curly, straight): the "
        "minority styles are reported. Option style: one style every quotation must use."),
    ROW(TL_RULE_SPELLING, "spelling", "spelling", TL_SEV_WARNING, P_SPELL,
        "a word the dictionary does not know",
        "A Cyrillic word the Hunspell dictionary of the text's language does not know, with "
        "suggestions. Accept words with accept: or a words file."),
    ROW(TL_RULE_SPELLING_UNKNOWN_NAME, "spelling.unknown-name", "spelling", TL_SEV_INFO, P_SPELL,
        "a capitalised word the dictionary does not know",
        "A capitalised word in mid-sentence the dictionary does not know: almost always a "
        "transliterated name, listed so it can be added to a glossary."),
    ROW(TL_RULE_NAME_TRANSCRIPTION, "name.transcription", "names", TL_SEV_INFO, P_NAME,
        "a known name in a non-standard transcription, used consistently",
        "A glossary's wrong form of a person or place name that is the only form the text "
        "uses: consistent, but not the standard transcription."),
    /* off by default: for glossary tests and terminology reports, which count every use */
    ROW(TL_RULE_TERM_USE, "term.use", "terms", TL_SEV_OFF, P_TERM,
        "a use of a glossary term (canonical form, variant or short form)",
        "Every use of a glossary term, with its concept: what glossary tests and terminology "
        "reports count. Off by default; switch it on with --severity term.use=info."),
    ROW(TL_RULE_PHRASE_REPEATED, "phrase.repeated", "doubled", TL_SEV_WARNING, P_LINE,
        "a sentence or line shown twice (a caption, headline or lead)",
        "A sentence or line of some length written again further on in the same text (a "
        "photo caption, a headline or a lead scraped twice); the repeat is reported, the "
        "first showing is not."),
    ROW(TL_RULE_SPELLING_ORDINAL_ENDING, "spelling.ordinal-ending", "spelling", TL_SEV_WARNING,
        P_SPELL, "a figure with a non-standard ordinal ending («1-ый», «16-ой»)",
        "An ordinal written in figures with a two-letter ending where the norm writes one "
        "(«1-ый», «16-ой» for «1-й», «16-й»), or with an ending of the other language."),
    ROW(TL_RULE_SUPPRESSION_UNKNOWN_RULE, "suppression.unknown-rule", "suppression", TL_SEV_WARNING,
        P_REST, "a suppression marker names an unknown rule",
        "A termlint-disable marker names a rule, prefix or family that does not exist; "
        "the marker silences nothing for it. The message says the closest rule id."),
    ROW(TL_RULE_SUPPRESSION_UNUSED, "suppression.unused", "suppression", TL_SEV_WARNING, P_REST,
        "a suppression marker silenced nothing",
        "With --report-unused-disables (report_unused_disables: true): a termlint-disable "
        "marker, or one rule of it, that silenced no finding; remove it."),
    ROW(TL_RULE_VOCABULARY_REJECTED, "vocabulary.rejected", "vocabulary", TL_SEV_ERROR, P_TERM,
        "a word or phrase of a reject list",
        "A word or phrase of a reject: list of the configuration or a glossary, in any "
        "letter case (the forms listed, not their inflections)."),
    ROW(TL_RULE_LIMIT, "limit", "input", TL_SEV_ERROR, P_ENC,
        "a check gave up on part of the text (a pattern out of time)",
        "A glossary pattern (a regex term or a boilerplate pattern) ran out of its time or "
        "stack limit; it is not matched in the rest of the text, the rest is checked, and "
        "the exit code is 2."),
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

/* term.use records a use of the glossary (for glossary tests and terminology reports):
 * switched on, it must not hide what the same text reports without it («ЦК» inside a
 * term stays the finding it is). It is still folded into a term finding on its span. */
int rule_folds(tl_rule r) { return r != TL_RULE_TERM_USE; }

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

/* ---- selecting rules ------------------------------------------------------------------ */

/* Prefixes of rule ids before their dot, for "did you mean" (a prefix is not a string of
 * its own in the table). test_registry checks that every rule's prefix is here. */
static const char *const id_prefixes[] = {"term",     "doc-code",    "name",       "typography",
                                          "spelling", "suppression", "vocabulary", "phrase",
                                          "lang",     "script",      "numbering",  NULL};

int tl_rule_selects(const char *sel, tl_rule r)
{
    if ((unsigned)r >= TL_RULE_COUNT || !*sel)
        return 0;
    const tl_rule_info *info = &rule_table[r].info;
    size_t n = strlen(sel);
    if (sel[n - 1] == '.')
        return strncmp(info->id, sel, n) == 0;
    return strcmp(info->id, sel) == 0 || (strncmp(info->id, sel, n) == 0 && info->id[n] == '.') ||
           strcmp(info->family, sel) == 0;
}

const char *tl_rule_suggest(const char *word)
{
    const char *known[3 * TL_RULE_COUNT + sizeof id_prefixes / sizeof id_prefixes[0]];
    size_t n = 0;
    for (size_t i = 0; i < TL_RULE_COUNT; i++) {
        known[n++] = rule_table[i].info.id;
        known[n++] = rule_table[i].info.family;
    }
    for (size_t i = 0; id_prefixes[i]; i++)
        known[n++] = id_prefixes[i];
    known[n] = NULL;
    return yr_suggest(word, known);
}

/* ---- rule options ------------------------------------------------------------------------ */

static const char *const quote_styles[] = {"auto", "guillemets", "curly", "straight", NULL};

/* Adding an option: its row here, its field in rule_opts (registry.h) with its cases in
 * rule_opts_set() and rule_opts_get(), the check that reads it, docs/rules.md and
 * docs/configuration.md. */
static const tl_rule_option option_table[] = {
    {TL_RULE_TYPOGRAPHY_QUOTES, "style", quote_styles, "auto",
     "auto: the style a text uses most wins; else every quotation must open in this style"},
    {TL_RULE_DOC_CODE_FORMAT, "format", NULL, NULL,
     "the preferred way of writing a document number, e.g. \"№ {n}-{code}/{issuer}\" "
     "(default: the glossary's doc_number_format); typography.number-sign follows it too"},
};

#define NOPTIONS (sizeof option_table / sizeof option_table[0])

size_t tl_rule_option_count(void) { return NOPTIONS; }

const tl_rule_option *tl_rule_option_at(size_t i) { return i < NOPTIONS ? &option_table[i] : NULL; }

const tl_rule_option *rule_option_find(tl_rule r, const char *name)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (option_table[i].rule == r && strcmp(option_table[i].name, name) == 0)
            return &option_table[i];
    return NULL;
}

size_t rule_option_names(tl_rule r, const char **names, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < NOPTIONS && n + 1 < cap; i++)
        if (option_table[i].rule == r)
            names[n++] = option_table[i].name;
    names[n] = NULL;
    return n;
}

const char *rule_option_invalid(const tl_rule_option *o, const char *value)
{
    if (o->values) {
        for (size_t i = 0; o->values[i]; i++)
            if (strcmp(o->values[i], value) == 0)
                return NULL;
        return "is not one of the allowed values";
    }
    if (o->rule == TL_RULE_DOC_CODE_FORMAT && !strstr(value, "{n}"))
        return "must contain {n}, where the number goes";
    return NULL;
}

void rule_opts_init(rule_opts *ro)
{
    ro->quotes_style = -1;
    ro->number_format = NULL;
}

void rule_opts_set(rule_opts *ro, const tl_rule_option *o, const char *value)
{
    if (o->rule == TL_RULE_TYPOGRAPHY_QUOTES) {
        ro->quotes_style = -1;
        for (int i = 1; quote_styles[i]; i++)
            if (strcmp(quote_styles[i], value) == 0)
                ro->quotes_style = i - 1;
    } else if (o->rule == TL_RULE_DOC_CODE_FORMAT) {
        ro->number_format = value;
    }
}

const char *rule_opts_get(const rule_opts *ro, const tl_rule_option *o)
{
    if (o->rule == TL_RULE_TYPOGRAPHY_QUOTES)
        return quote_styles[ro->quotes_style + 1];
    if (o->rule == TL_RULE_DOC_CODE_FORMAT)
        return ro->number_format;
    return NULL;
}

/* ---- families --------------------------------------------------------------------- */

static const tl_family *const families[FAM_COUNT] = {
    [FAM_SPELLING] = &family_spelling,       [FAM_TERMS] = &family_terms,
    [FAM_DOCCODE] = &family_doccode,         [FAM_NUMBERING] = &family_numbering,
    [FAM_TYPOGRAPHY] = &family_typography,   [FAM_NAMES] = &family_names,
    [FAM_DOUBLED] = &family_doubled,         [FAM_LANGMIX] = &family_langmix,
    [FAM_BOILERPLATE] = &family_boilerplate, [FAM_ALTERNATION] = &family_alternation,
    [FAM_FURNITURE] = &family_furniture,     [FAM_VOCAB] = &family_vocab,
};

const tl_family *family_at(size_t i) { return i < FAM_COUNT ? families[i] : NULL; }
