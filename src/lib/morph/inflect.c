/*
 * inflect.c - puts a canonical term into the case and number of a found text.
 *
 * In:  lang, pattern (the glossary form that matched, dictionary form), found (the
 *      text, same number of words), canonical (dictionary form).
 * Out: the canonical phrase inflected like `found`, or NULL.
 *
 * Method (analysis by generation, one paradigm generator for both directions):
 *
 *   pattern «Всекитайский партийный съезд»        canonical «Национальный съезд партии»
 *   found   «Всекитайскому партийному съезду»                 adj    head  rest
 *             |          |          |                             |      |     |
 *     paradigm of each pattern word: which cells          inflect: agree  head  unchanged
 *     give the found word?                                         |      |
 *        {DAT sg} ∩ {DAT sg} ∩ {DAT sg, ...} = DAT sg  -->  «Национальному съезду партии»
 *
 * 1. Phrase structure (parse_phrase), the same for pattern and canonical: leading
 *    invariable words (XIV, ЦК, Latin, numbers), then a run of adjectives agreeing in
 *    gender and number (and ordinals such as «13-й»), then the head noun; everything
 *    after the head (genitive complements «партии», «ЦК КПВ», «полномочий») is left
 *    alone. Words are classified by their ending alone (no dictionary): adjective
 *    endings -ый/-ий/-ой/-ая/-яя/-ое/-ее/-ые/-ие (uk -ий/-ій/-а/-я/-е/-є/-і) and noun
 *    declension classes (consonant, -ь, -й, -а, -я, -ия, -о, -е, -ие; plural -ы/-и).
 *    Where an ending is ambiguous (uk «Народна» adjective or noun, «-ие» adjective or
 *    noun, «-ь» masculine or feminine) agreement decides: the longest run of
 *    adjectives that agrees with a following noun wins.
 * 2. Analysis (case_mask): every pattern word from the first adjective to the head
 *    generates its whole paradigm (12 cells: 6 cases x 2 numbers, all spelling
 *    alternatives, animate and inanimate accusative); the cells whose form equals the
 *    found word form a set. The sets of all words are intersected, so the combination
 *    of endings resolves what one word cannot (feminine «комиссии» is gen/dat/loc sg
 *    or nom/acc pl, «Центральной» rules out the plural).
 * 3. What is still ambiguous is resolved by PREFER: singular before plural, then
 *    NOM, GEN, ACC, LOC, DAT, INS. So «Центральной организационной комиссии»
 *    (gen = dat = loc) is read as genitive, the commonest case of a body's name in
 *    running text («заведующий отделом ... комиссии»); for «Центральному ...
 *    комітету» uk dative/locative is settled by the noun's -у.
 * 4. Generation (gen_phrase): adjectives and ordinals take the head's gender, the
 *    head takes the case; a plural-only canonical («Національні збори») stays plural.
 *    Stem changes are rules plus small tables: fleeting vowels (уровень -> уровня,
 *    образец -> образца, кружок -> кружка, uk рівень -> рівня), uk і/о alternation
 *    (вибір -> вибору, діяльність -> діяльності), uk velar alternation (політика ->
 *    політиці), uk -у/-а genitive (institutions -у, persons -а). Capitalisation of
 *    each word is kept: only the ending is replaced, in lower case.
 *
 * The grammar lives in static tables below (endings per declension class, word lists
 * with a comment each). Cell syntax, read by form_alt() and cell_alts():
 *   "а|ою"  alternatives; the first one is generated, all are recognised
 *   "?..."  recognised, never generated (needs stress or lexical knowledge)
 *   "!у"    generated for animate nouns (uk: also the genitive of TL gen-а nouns)
 *   "@"     accusative = nominative (inanimate) or genitive (animate)
 *   "=..."  built on the dictionary-form stem, not on the oblique one
 *   "^..."  uk velar alternation of the stem: к->ц, г->з, х->с (рука -> руці)
 *   "%..."  uk doubling of a single final consonant after a vowel (тінь -> тінню)
 *   "~"     zero ending (gen pl) where a vowel may be inserted: generated only after a
 *           stem that cannot take one (палат, министерств), else refused
 *   "&"     uk -ння/-лля genitive plural (засідань)
 *
 * Limits (NULL or a wrong form rather than a guess in these places):
 *   - Stress is unknown: ru instrumental after ж ш ч щ ц (товарищем / врачом, отцом /
 *     иностранцем) and gen pl of -ц nouns are refused; stressed -ой adjectives are
 *     fine because the lemma shows the stress.
 *   - Animacy comes from a short list (секретарь, член, министр ...); other nouns are
 *     inanimate, which matters only in the accusative. uk genitive -а/-у is lexical:
 *     -у for inanimate nouns except a short -а list, -а for animate ones.
 *   - Genitive plural of feminine/neuter nouns with a consonant cluster (ставка ->
 *     ставок, группа -> групп) and of plural-only nouns outside a small table is
 *     refused; so are irregular nouns (путь, время, мать, ім'я) and personal names
 *     (two capitalised words in a row: «Нгуен Фу Чонг»).
 *   - Fleeting vowels outside the rules and tables (e.g. ru -ел: посол is listed,
 *     others are not) give a regular but wrong stem; the same goes for nouns whose
 *     gender the ending misleads (masc -а nouns agree fine; a lone uk «ніч» does not).
 *   - Only the head and its leading adjectives change: «председатель Национального
 *     собрания» keeps its complement, which is right, but a canonical whose head is
 *     preceded by a non-agreeing word (other than XIV, ЦК, numbers) is refused.
 *   - Prepositions are not part of `found`, so dative vs locative of a feminine
 *     («палате») and gen/dat/loc of «комиссии» are resolved by PREFER, not context.
 *   - uk ordinals («13-й») are kept only in the nominative; ru ordinals are inflected
 *     («13-го пленума»). uk masculine locative after к/г/х is -у (у висновку), also
 *     where -і with alternation is usual (у році); plural canonical terms are read
 *     from -ы/-и/-і/-ї only (not neuter -а/-я plurals).
 *
 * Size: about 300 of these lines are the tables; they could move to their own file
 * (inflect_tables.h) if this one grows further.
 */
#include "base.h"

#include "inflect.h"
#include "textclass.h"

#include <string.h>
#include <unicode/uchar.h>

/* ---- grammar: cases, numbers, genders --------------------------------------------- */

enum { NOM, GEN, DAT, ACC, INS, LOC, NCASE };
enum { SG, PL };
enum { MASC, FEM, NEUT, PLR }; /* adjective rows; PLR = plural of any gender */

#define BIT(num, c) (1u << ((num) * NCASE + (c)))
#define ALL_CELLS ((1u << (2 * NCASE)) - 1)

/* When the found text fits several cells: singular first, then the commonest cases
 * of a body's or title's name in running text. */
static const unsigned char PREFER[2 * NCASE][2] = {
    {SG, NOM}, {SG, GEN}, {SG, ACC}, {SG, LOC}, {SG, DAT}, {SG, INS},
    {PL, NOM}, {PL, GEN}, {PL, ACC}, {PL, LOC}, {PL, DAT}, {PL, INS},
};

/* ---- adjective paradigms: rows MASC FEM NEUT PLR, cases NOM GEN DAT ACC INS LOC ------
 * The nominative of the lemma's own row is the lemma itself (so «основной» and
 * «Всекитайский» need no table of their own). */
typedef struct {
    const char *f[4][NCASE];
} adecl;

static const adecl RU_ADJ_HARD = {{ /* партийный, основной, партийная, партийное */
    {"ый", "ого", "ому", "@", "ым", "ом"},
    {"ая", "ой", "ой", "ую", "ой|ою", "ой"},
    {"ое", "ого", "ому", "ое", "ым", "ом"},
    {"ые", "ых", "ым", "@", "ыми", "ых"}}};
static const adecl RU_ADJ_VELAR = {{ /* Всекитайский, городской; also большой, большое */
    {"ий", "ого", "ому", "@", "им", "ом"},
    {"ая", "ой", "ой", "ую", "ой|ою", "ой"},
    {"ое", "ого", "ому", "ое", "им", "ом"},
    {"ие", "их", "им", "@", "ими", "их"}}};
static const adecl RU_ADJ_SIB = { { /* общий, рабочая (unstressed after ж ш ч щ) */
    {"ий", "его", "ему", "@", "им", "ем"},
    {"ая", "ей", "ей", "ую", "ей|ею", "ей"},
    {"ее", "его", "ему", "ее", "им", "ем"},
    {"ие", "их", "им", "@", "ими", "их"}}};
static const adecl RU_ADJ_SOFT = {{ /* внутренний, последняя */
    {"ий", "его", "ему", "@", "им", "ем"},
    {"яя", "ей", "ей", "юю", "ей|ею", "ей"},
    {"ее", "его", "ему", "ее", "им", "ем"},
    {"ие", "их", "им", "@", "ими", "их"}}};
static const adecl UK_ADJ_HARD = {{ /* Центральний, Центральна, Центральне, Центральні */
    {"ий", "ого", "ому", "@", "им", "ому|ім"},
    {"а", "ої", "ій", "у", "ою", "ій"},
    {"е", "ого", "ому", "е", "им", "ому|ім"},
    {"і", "их", "им", "@", "ими", "их"}}};
static const adecl UK_ADJ_SOFT = {{ /* внутрішній, остання, останнє */
    {"ій", "ього", "ьому", "@", "ім", "ьому|ім"},
    {"я", "ьої", "ій", "ю", "ьою", "ій"},
    {"є", "ього", "ьому", "є", "ім", "ьому|ім"},
    {"і", "іх", "ім", "@", "іми", "іх"}}};

/* ---- noun paradigms: [SG|PL][case]; `end` is cut from the lemma to give the stem --- */
typedef struct {
    const char *end;
    const char *f[2][NCASE];
} ndecl;

#define NO_SG {NULL, NULL, NULL, NULL, NULL, NULL}

static const ndecl RU_M_HARD = {"", {{"=", "а", "у", "@", "ом", "е"},
                                     {"ы", "ов", "ам", "@", "ами", "ах"}}}; /* съезд */
static const ndecl RU_M_VELAR = {"", {{"=", "а", "у", "@", "ом", "е"},
                                      {"и", "ов", "ам", "@", "ами", "ах"}}}; /* срок */
static const ndecl RU_M_SIB = {"", {{"=", "а", "у", "@", "?ом|ем", "е"},
                                    {"и", "ей", "ам", "@", "ами", "ах"}}}; /* товарищ */
static const ndecl RU_M_TS = {"", {{"=", "а", "у", "@", "?ом|ем", "е"},
                                   {"ы", "?ов|ев", "ам", "@", "ами", "ах"}}}; /* образец */
static const ndecl RU_M_SOFT = {"ь", {{"=ь", "я", "ю", "@", "ем", "е"},
                                      {"и", "ей", "ям", "@", "ями", "ях"}}}; /* уровень */
static const ndecl RU_M_J = {"й", {{"=й", "я", "ю", "@", "ем", "е"},
                                    {"и", "ев", "ям", "@", "ями", "ях"}}}; /* музей, Ханой */
static const ndecl RU_M_IJ = {"ий", {{"=ий", "ия", "ию", "@", "ием", "ии"},
                                      {"ии", "иев", "иям", "@", "иями", "иях"}}}; /* критерий */
static const ndecl RU_F_A = {"а", {{"=а", "ы", "е", "у", "ой|ою", "е"},
                                    {"ы", "~", "ам", "@", "ами", "ах"}}}; /* палата */
static const ndecl RU_F_A_VELAR = {"а", {{"=а", "и", "е", "у", "ой|ою", "е"},
                                          {"и", "~", "ам", "@", "ами", "ах"}}}; /* политика */
static const ndecl RU_F_A_SIB = {"а", {{"=а", "и", "е", "у", "?ой|ей|ою|ею", "е"},
                                        {"и", "~", "ам", "@", "ами", "ах"}}}; /* задача */
static const ndecl RU_F_A_TS = {"а", {{"=а", "ы", "е", "у", "?ой|ей|ою|ею", "е"},
                                       {"ы", "~", "ам", "@", "ами", "ах"}}}; /* граница */
static const ndecl RU_F_YA = {"я", {{"=я", "и", "е", "ю", "ей|ею", "е"},
                                    {"и", "?ь|ей", "ям", "@", "ями", "ях"}}}; /* неделя */
static const ndecl RU_F_IYA = {"ия", {{"=ия", "ии", "ии", "ию", "ией|иею", "ии"},
                                       {"ии", "ий", "иям", "@", "иями", "иях"}}}; /* партия */
static const ndecl RU_F_SOFT = {"ь", {{"=ь", "и", "и", "=ь", "=ью", "и"},
                                      {"и", "ей", "ям", "@", "ями", "ях"}}}; /* область */
static const ndecl RU_F_SOFT_SIB = {"ь", {{"=ь", "и", "и", "=ь", "=ью", "и"},
                                          {"и", "ей", "ам", "@", "ами", "ах"}}}; /* помощь */
static const ndecl RU_N_O = {"о", {{"=о", "а", "у", "=о", "ом", "е"},
                                    {"а", "~", "ам", "@", "ами", "ах"}}}; /* министерство */
static const ndecl RU_N_E = {"е", {{"=е", "я", "ю", "=е", "ем", "е"},
                                    {"я", "ей", "ям", "@", "ями", "ях"}}}; /* поле */
static const ndecl RU_N_E_SIB = {"е", {{"=е", "а", "у", "=е", "ем", "е"},
                                        {"а", "~", "ам", "@", "ами", "ах"}}}; /* училище */
static const ndecl RU_N_IE = {"ие", {{"=ие", "ия", "ию", "=ие", "ием", "ии"},
                                      {"ия", "ий", "иям", "@", "иями", "иях"}}}; /* собрание */
static const ndecl RU_N_YE = {"ье", {{"=ье", "ья", "ью", "=ье", "ьем", "ье"},
                                      {"ья", "?ий|ей", "ьям", "@", "ьями", "ьях"}}};
/* plural-only lemmas (also plural canonical terms): the genitive from PL_GEN below */
static const ndecl RU_PL_Y = {"ы", {NO_SG, {"=ы", "?", "ам", "@", "ами", "ах"}}};
static const ndecl RU_PL_I_HARD = {"и", {NO_SG, {"=и", "?", "ам", "@", "ами", "ах"}}};
static const ndecl RU_PL_I_SOFT = {"и", {NO_SG, {"=и", "?", "ям", "@", "ями", "ях"}}};
static const ndecl RU_PL_II = {"ии", {NO_SG, {"=ии", "ий", "иям", "@", "иями", "иях"}}};

static const ndecl UK_M_HARD = {"", {{"=", "у|!а", "у|!ові", "@", "ом", "і|!ові"},
                                     {"и", "ів", "ам", "@", "ами", "ах"}}}; /* комітет */
static const ndecl UK_M_VELAR = {"", {{"=", "у|!а", "у|!ові", "@", "ом", "у|!ові|^і"},
                                      {"и", "ів", "ам", "@", "ами", "ах"}}}; /* висновок */
static const ndecl UK_M_SIB = {"", {{"=", "у|!а", "у|!еві", "@", "ем", "і|!еві"},
                                    {"і", "ів", "ам", "@", "ами", "ах"}}}; /* товариш */
static const ndecl UK_M_SOFT = {"ь", {{"=ь", "я|ю", "ю|!еві", "@", "ем", "і|!еві"},
                                      {"і", "ів", "ям", "@", "ями", "ях"}}}; /* рівень */
static const ndecl UK_M_R = {"", {{"=", "я", "ю|!еві", "@", "ем", "і|!еві"},
                                  {"і", "ів", "ям", "@", "ями", "ях"}}}; /* секретар */
static const ndecl UK_M_J = {"й", {{"=й", "ю|!я", "ю|!єві", "@", "єм", "ї|!єві|ю"},
                                    {"ї", "їв", "ям", "@", "ями", "ях"}}}; /* Китай */
static const ndecl UK_F_A = {"а", {{"=а", "и", "^і", "у", "ою", "^і"},
                                    {"и", "~", "ам", "@", "ами", "ах"}}}; /* рада, політика */
static const ndecl UK_F_A_SIB = {"а", {{"=а", "і", "і", "у", "ею", "і"},
                                        {"і", "~", "ам", "@", "ами", "ах"}}}; /* задача */
static const ndecl UK_F_YA = {"я", {{"=я", "і", "і", "ю", "ею", "і"},
                                    {"і", "?ь|ей", "ям", "@", "ями", "ях"}}}; /* неділя */
static const ndecl UK_F_IYA = {"ія", {{"=ія", "ії", "ії", "ію", "ією", "ії"},
                                       {"ії", "ій", "іям", "@", "іями", "іях"}}}; /* партія */
static const ndecl UK_F_VYA = {"я", {{"=я", "ї", "ї", "ю", "єю", "ї"},
                                     {"ї", "?й", "ям", "@", "ями", "ях"}}}; /* ідея */
static const ndecl UK_F_SOFT = {"ь", {{"=ь", "і", "і", "=ь", "=%ю", "і"},
                                      {"і", "ей", "ям", "@", "ями", "ях"}}}; /* область */
static const ndecl UK_N_O = {"о", {{"=о", "а", "у", "=о", "ом", "і"},
                                    {"а", "~", "ам", "@", "ами", "ах"}}}; /* міністерство */
static const ndecl UK_N_O_VELAR = {"о", {{"=о", "а", "у", "=о", "ом", "у|^і"},
                                          {"а", "~", "ам", "@", "ами", "ах"}}}; /* військо */
static const ndecl UK_N_E = {"е", {{"=е", "я", "ю", "=е", "ем", "і"},
                                    {"я", "ів|ей", "ям", "@", "ями", "ях"}}}; /* поле */
static const ndecl UK_N_E_SIB = {"е", {{"=е", "а", "у", "=е", "ем", "і"},
                                        {"а", "~", "ам", "@", "ами", "ах"}}}; /* прізвище */
static const ndecl UK_N_YA = {"я", {{"=я", "я", "ю", "=я", "ям", "і"},
                                     {"я", "&", "ям", "@", "ями", "ях"}}}; /* засідання */
static const ndecl UK_PL_Y = {"и", {NO_SG, {"=и", "?", "ам", "@", "ами", "ах"}}};
static const ndecl UK_PL_I_HARD = {"і", {NO_SG, {"=і", "?", "ам", "@", "ами", "ах"}}};
static const ndecl UK_PL_I_SOFT = {"і", {NO_SG, {"=і", "?", "ям", "@", "ями", "ях"}}};
static const ndecl UK_PL_II = {"ії", {NO_SG, {"=ії", "ій", "іям", "@", "іями", "іях"}}};
static const ndecl UK_PL_YI = {"ї", {NO_SG, {"=ї", "?", "ям", "@", "ями", "ях"}}};

/* Indeclinable (бюро, Кантхо) and nouns we refuse to inflect (время, путь). */
static const ndecl INDECL = {"", {{"=", "=", "=", "=", "=", "="},
                                  {"=", "=", "=", "=", "=", "="}}};
static const ndecl UNSAFE = {"", {NO_SG, NO_SG}};

/* ---- word lists (lower case; ru with е for ё; uk apostrophe U+0027) ------------------ */

typedef struct {
    const char *a, *b;
} pair;

/* Indeclinable loanwords; anything ending in «бюро» (Политбюро) too. */
static const char *const RU_INDECL[] = {
    "бюро", "кино", "метро", "пальто", "радио", "депо", "кафе", "шоссе", "резюме",
    "интервью", "жюри", "такси", "меню", "кофе", "досье", "ателье", "казино", "табло",
    "видео", "эссе", "купе", "турне", "портфолио", "евро", "эмбарго", "вето", "кредо",
    "сальдо", "шоу", "коммюнике", NULL};
static const char *const UK_INDECL[] = {
    "бюро", "кіно", "метро", "пальто", "радіо", "депо", "кафе", "шосе", "резюме",
    "інтерв'ю", "журі", "таксі", "меню", "досьє", "казино", "табло", "відео", "есе",
    "купе", "турне", "портфоліо", "євро", "ембарго", "вето", "кредо", "сальдо", "шоу",
    "комюніке", NULL};

/* Irregular or stress-dependent nouns: inflecting them by rule would be wrong. */
static const char *const RU_UNSAFE[] = {
    "путь", "мать", "дочь", "любовь", "церковь", "ложь", "рожь", "вошь", "дитя",
    "человек", "ребенок", "третий", "господин", "хозяин", "сосед", "черт", NULL};
static const char *const UK_UNSAFE[] = {
    "мати", "ім'я", "сім'я", "дитя", "ніч", "річ", "подорож", "любов", "кров", "путь",
    "людина", "третій", "суміш", "мить", "осінь", "дочка", "господар", NULL};

/* Russian feminine -ь nouns: by ending (власть, ночь, связь, площадь, сеть) ... */
static const char *const RU_FEM_SOFT_ENDS[] = {
    "сть", "чь", "шь", "жь", "щь", "знь", "снь", "вь", "бь", "пь", "мь", "ть", "дь", "зь",
    NULL};
/* ... except these masculine ones ... */
static const char *const RU_MASC_SOFT[] = {
    "гость", "тесть", "зять", "ноготь", "локоть", "деготь", "лапоть", "коготь", "ломоть",
    "медведь", "лебедь", "гвоздь", "желудь", "вождь", "дождь", "князь", "ферзь", "червь",
    "голубь", "кремль", NULL};
/* ... plus these feminine ones whose ending does not tell (most -ль, -нь, -рь, -сь
 * nouns are masculine: руководитель, уровень, секретарь). */
static const char *const RU_FEM_SOFT[] = {
    "роль", "цель", "модель", "мысль", "соль", "боль", "даль", "сталь", "мель", "дуэль",
    "артель", "панель", "спираль", "вертикаль", "горизонталь", "магистраль", "деталь",
    "печаль", "шаль", "мораль", "акварель", "ель", "метель", "постель", "тень",
    "степень", "ступень", "мишень", "лень", "сирень", "ладонь", "бронь", "голень",
    "осень", "грань", "дань", "ткань", "брань", "дверь", "ось", "смесь", "рысь", "высь",
    NULL};
static const char *const UK_FEM_SOFT_ENDS[] = {"сть", "ть", NULL};
static const char *const UK_MASC_SOFT[] = {
    "гість", "тесть", "зять", "кіготь", "лікоть", "дьоготь", NULL};
static const char *const UK_FEM_SOFT[] = {
    "сіль", "роль", "ціль", "модель", "мораль", "сталь", "даль", "тінь", "грань",
    "відповідь", "заповідь", "мідь", "молодь", "вісь", "далечінь", "глибінь", "постать",
    "сутність", "площа", NULL};
/* uk -ість nouns keep і in the oblique cases: повість -> повісті (діяльність ->
 * діяльності is the rule). */
static const char *const UK_ISTJ_KEEP[] = {"повість", "совість", "вість", "кість", NULL};
/* uk feminine nouns with a doubled consonant before -я (the rest are neuter:
 * засідання, скликання). */
static const char *const UK_FEM_DOUBLE_YA[] = {"стаття", "рілля", "суддя", "Ілля", NULL};
/* uk "mixed" -р nouns declined soft: секретар -> секретаря, секретарем. */
static const char *const UK_MIXED_R[] = {
    "секретар", "лікар", "пекар", "писар", "календар", "буквар", "вівтар", "школяр",
    "маляр", "пісняр", "кобзар", "бунтар", "воротар", "газетяр", "каменяр", "лихвар",
    "тесляр", "муляр", "слюсар", "гончар", "бондар", "кухар", NULL};
/* uk words ending like a feminine/neuter adjective that are nouns (рада, not «радий»). */
static const char *const UK_NOUN_ONLY[] = {
    "рада", "влада", "країна", "людина", "година", "сторона", "особа", "група", "палата",
    "структура", "система", "програма", "робота", "держава", "столиця", "поле", "море",
    "прізвище", "місце", "серце", "зона", "норма", "мета", "тема", NULL};
/* uk soft plural adjectives (внутрішні -> внутрішніх); other -і plurals are hard. */
static const char *const UK_SOFT_PL_ENDS[] = {
    "шні", "нні", "утні", "ідні", "редні", "адні", "рхні", "жні", "крайні", "давні",
    "літні", NULL};
/* uk soft feminine adjectives with -ння (the rest are neuter nouns). */
static const char *const UK_SOFT_ADJ_NN[] = {"остання", "рання", "осіння", NULL};

/* Animate nouns (accusative = genitive; uk genitive -а, dative -ові). */
static const char *const RU_ANIMATE[] = {
    "секретарь", "председатель", "заместитель", "руководитель", "член", "министр",
    "президент", "премьер", "депутат", "делегат", "посол", "лидер", "генсек", "товарищ",
    "представитель", "сотрудник", "работник", "чиновник", "кандидат", "генерал",
    "командир", "начальник", "комиссар", "советник", "помощник", "житель", "участник",
    "ветеран", "герой", "инспектор", "губернатор", "мэр", "ректор", "директор",
    "прокурор", "следователь", "спикер", "журналист", "корреспондент", "эксперт",
    "специалист", "дипломат", "партнер", "основатель", "автор", "лауреат", "преемник",
    "предшественник", "исполнитель", "организатор", "активист", "коммунист", "солдат",
    "офицер", "глава", "судья", "заведующий", "управляющий", "уполномоченный",
    "ответственный", "служащий", "военнослужащий", "рабочий", "ученый", NULL};
static const char *const UK_ANIMATE[] = {
    "секретар", "голова", "заступник", "керівник", "член", "міністр", "президент",
    "прем'єр", "депутат", "делегат", "посол", "лідер", "генсек", "товариш",
    "представник", "працівник", "співробітник", "службовець", "посадовець", "чиновник",
    "кандидат", "генерал", "командир", "начальник", "завідувач", "комісар", "радник",
    "помічник", "громадянин", "мешканець", "учасник", "ветеран", "герой", "інспектор",
    "губернатор", "мер", "ректор", "директор", "суддя", "прокурор", "спікер",
    "журналіст", "кореспондент", "експерт", "фахівець", "дипломат", "партнер",
    "засновник", "автор", "лауреат", "наступник", "попередник", "виконавець",
    "організатор", "активіст", "комуніст", "солдат", "офіцер", "очільник",
    "уповноважений", "відповідальний", "черговий", "слідчий", "учений", "вчений",
    "завідуючий", NULL};
/* uk inanimate masculine nouns with genitive -а (документа, Ханоя); default is -у. */
static const char *const UK_GEN_A[] = {
    "документ", "рядок", "відсоток", "додаток", "параграф", "номер", "абзац", "ханой",
    "хайфон", "дананг", "хошимін", "київ", "харків", "львів", "париж", "лондон", "пекін",
    "бангкок", "тиждень", "місяць", "день", "рівень", NULL};

/* Fleeting vowels and alternations the rules below miss: lemma -> oblique stem. */
static const pair RU_STEMS[] = {
    {"посол", "посл"}, {"угол", "угл"}, {"узел", "узл"}, {"орел", "орл"},
    {"козел", "козл"}, {"осел", "осл"}, {"котел", "котл"}, {"пепел", "пепл"},
    {"дятел", "дятл"}, {"лев", "льв"}, {"рот", "рт"}, {"лоб", "лб"}, {"сон", "сн"},
    {"день", "дн"}, {"пень", "пн"}, {"ров", "рв"}, {"лед", "льд"}, {"ветер", "ветр"},
    {"ковер", "ковр"}, {"хребет", "хребт"}, {NULL, NULL}};
static const pair UK_STEMS[] = {
    {"рік", "рок"}, {"міст", "мост"}, {"кінь", "кон"}, {"ніс", "нос"}, {"стіл", "стол"},
    {"вечір", "вечор"}, {"посол", "посл"}, {"день", "дн"}, {"сон", "сн"}, {"київ", "києв"},
    {"біль", "бол"}, {"корінь", "корен"}, {"камінь", "камен"}, {"боєць", "бійц"},
    {"вітер", "вітр"}, {"лід", "льод"}, {"потік", "поток"}, {NULL, NULL}};
/* uk і -> о in the last syllable of these endings (захід -> заходу, вибір -> вибору). */
static const pair UK_ALTERNATE_ENDS[] = {
    {"хід", "ход"}, {"бір", "бор"}, {"вір", "вор"}, {"ріг", "рог"}, {"від", "вод"},
    {NULL, NULL}};
/* -ок / -ень nouns that keep their vowel (восток -> востока, олень -> оленя). */
static const char *const RU_KEEP_VOWEL[] = {
    "восток", "поток", "приток", "отток", "исток", "проток", "водосток", "сток", "урок",
    "порок", "пророк", "игрок", "знаток", "челнок", "едок", "ездок", "стрелок", "седок",
    "ходок", "курок", "брелок", "олень", "тюлень", "ячмень", "женьшень", "бюллетень",
    "ясень", "пельмень", "мудрец", "жрец", NULL};
static const char *const UK_KEEP_VOWEL[] = {
    "урок", "пророк", "порок", "знавець", "олень", "тюлень", "бюлетень", "ясень", NULL};
/* ru masculine nouns with nominative plural in stressed -а/-я. */
static const pair RU_NOM_PL[] = {
    {"город", "а"}, {"дом", "а"}, {"директор", "а"}, {"номер", "а"}, {"округ", "а"},
    {"адрес", "а"}, {"паспорт", "а"}, {"берег", "а"}, {"лес", "а"}, {"глаз", "а"},
    {"вечер", "а"}, {"голос", "а"}, {"цвет", "а"}, {"поезд", "а"}, {"профессор", "а"},
    {"доктор", "а"}, {"учитель", "я"}, {"мастер", "а"}, {"век", "а"}, {"остров", "а"},
    {"сорт", "а"}, {"том", "а"}, {"край", "я"}, {NULL, NULL}};
/* Genitive plural of plural lemmas (the rest is refused). */
static const pair PL_GEN[] = {
    {"выборы", "выборов"}, {"переговоры", "переговоров"}, {"сутки", "суток"},
    {"деньги", "денег"}, {"финансы", "финансов"}, {"власти", "властей"},
    {"органы", "органов"}, {"силы", "сил"}, {"советы", "советов"},
    {"комитеты", "комитетов"}, {"кадры", "кадров"}, {"люди", "людей"}, {"массы", "масс"},
    {"ресурсы", "ресурсов"}, {"збори", "зборів"}, {"вибори", "виборів"},
    {"переговори", "переговорів"}, {"кошти", "коштів"}, {"гроші", "грошей"},
    {"сили", "сил"}, {"органи", "органів"}, {"ради", "рад"}, {"кадри", "кадрів"},
    {"маси", "мас"}, {"ресурси", "ресурсів"}, {"комітети", "комітетів"}, {NULL, NULL}};

/* ---- code points ------------------------------------------------------------------ */

static int cp_in(uint32_t c, const char *set)
{
    size_t n = strlen(set);
    while (n) {
        uint32_t s;
        size_t k = utf8_decode(set, n, &s);
        if (!k)
            return 0;
        if (s == c)
            return 1;
        set += k;
        n -= k;
    }
    return 0;
}

static int is_vowel(uint32_t c) { return cp_in(c, "аеёиоуыэюяєії"); }
static int is_velar(uint32_t c) { return cp_in(c, "кгхґ"); }
static int is_sib(uint32_t c) { return cp_in(c, "жшчщ"); }
static int is_cyr_letter(uint32_t c) { return c >= 0x400 && c <= 0x4FF; }
static int is_consonant(uint32_t c)
{
    return is_cyr_letter(c) && !is_vowel(c) && !cp_in(c, "ьъй");
}

static size_t ncp_of(const char *s) { return utf8_count(s, strlen(s)); }

static int in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (!strcmp(*list, s))
            return 1;
    return 0;
}

static const char *pair_get(const pair *list, const char *s)
{
    for (; list->a; list++)
        if (!strcmp(list->a, s))
            return list->b;
    return NULL;
}

static int str_ends(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !memcmp(s + n - k, suf, k);
}

static int ends_in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (str_ends(s, *list))
            return 1;
    return 0;
}

/* ---- words -------------------------------------------------------------------------
 * A word is a white-space separated token; its core runs from the first to the last
 * letter or digit (quotes and brackets around it stay as they are). The core is
 * normalised for comparison: lower case, ё -> е (ru), apostrophes -> U+0027, soft
 * hyphen and combining acute dropped; src[] maps each normalised code point back to
 * the original bytes so that a new ending can be put on the original stem. */

enum { W_CYR, W_INV, W_ORD };

typedef struct {
    const adecl *t; /* NULL: no adjective reading */
    int row;        /* MASC FEM NEUT PLR */
} adj_reading;

typedef struct {
    const ndecl *by[3]; /* table when the noun is MASC/FEM/NEUT; NULL: cannot be */
    int gender;         /* default gender */
    int plural;         /* plural lemma («збори», «выборы») */
    int any;            /* has a noun reading */
} noun_reading;

typedef struct {
    size_t off, len;           /* token, in phrase bytes */
    size_t core_off, core_end; /* core, in phrase bytes */
    size_t ncp;                /* normalised code points of the core */
    size_t *src;               /* src[i]: phrase offset of code point i; src[ncp] = core_end */
    char *norm;                /* normalised core, UTF-8 */
    size_t *nb;                /* nb[i]: offset of code point i in norm; nb[ncp] = strlen */
    size_t lex;                /* first code point of the last hyphen component */
    int kind;                  /* W_CYR, W_INV, W_ORD */
    int title;                 /* last component capitalised, rest lower case */
    int animate, gen_a;
    adj_reading adj;
    noun_reading noun;
} word;

typedef struct {
    tl_lang lang;
    tl_arena *mem; /* scratch, released by inflect_like */
    const char *text;
    word *w;
    size_t n;
} phrase_words;

static const char *lexeme(const word *w) { return w->norm + w->nb[w->lex]; }
static size_t lex_ncp(const word *w) { return w->ncp - w->lex; }

/* k-th code point from the end of the last component (0 = last), or 0. */
static uint32_t back(const word *w, size_t k)
{
    if (k >= lex_ncp(w))
        return 0;
    uint32_t c = 0;
    const char *p = w->norm + w->nb[w->ncp - 1 - k];
    utf8_decode(p, strlen(p), &c);
    return c;
}

static int ends(const word *w, const char *suf) { return str_ends(lexeme(w), suf); }

static size_t syllables(const word *w)
{
    size_t n = 0;
    const char *p = lexeme(w);
    size_t len = strlen(p);
    while (len) {
        uint32_t c = 0;
        size_t k = utf8_decode(p, len, &c);
        if (!k)
            break;
        n += is_vowel(c) ? 1 : 0;
        p += k;
        len -= k;
    }
    return n;
}

static uint32_t norm_cp(uint32_t c, tl_lang lang)
{
    if (tc_apostrophe(c))
        return '\'';
    if (c == 0x2010 || c == 0x2011)
        return '-';
    c = (uint32_t)u_tolower((UChar32)c);
    if (lang == TL_LANG_RU && c == 0x0451) /* ё */
        return 0x0435;
    return c;
}

/* Fills w's normalised core from phrase bytes [w->core_off, w->core_end). */
static int normalise(phrase_words *pw, word *w)
{
    size_t cap = w->core_end - w->core_off + 1;
    w->src = tl_arena_alloc(pw->mem, (cap + 1) * sizeof *w->src);
    w->nb = tl_arena_alloc(pw->mem, (cap + 1) * sizeof *w->nb);
    w->norm = tl_arena_alloc(pw->mem, cap * 4 + 1);
    if (!w->src || !w->nb || !w->norm)
        return -1;
    size_t i = w->core_off, n = 0, nb = 0, nupper = 0;
    int first_upper = 0, has_cyr = 0, has_digit = 0, has_latin = 0;
    w->lex = 0;
    while (i < w->core_end) {
        uint32_t c;
        size_t k = utf8_decode(pw->text + i, w->core_end - i, &c);
        if (!k)
            return -1;
        if (!tc_invisible(c)) {
            uint32_t lc = norm_cp(c, pw->lang);
            if (lc == '-') {
                w->lex = n + 1;
                nupper = 0;
                first_upper = 0;
            } else if (u_isupper((UChar32)c)) {
                first_upper = nupper == 0 && n == w->lex;
                nupper++;
            }
            has_cyr |= is_cyr_letter(lc);
            has_digit |= u_isdigit((UChar32)c) != 0;
            has_latin |= lc < 0x250 && u_isalpha((UChar32)lc);
            w->src[n] = i;
            w->nb[n] = nb;
            nb += utf8_encode(lc, w->norm + nb);
            n++;
        }
        i += k;
    }
    w->norm[nb] = '\0';
    w->src[n] = w->core_end;
    w->nb[n] = nb;
    w->ncp = n;
    if (w->lex >= n)
        w->lex = 0;
    w->title = first_upper && nupper == 1;
    if (!has_cyr || has_latin || nupper >= 2 || n == 0)
        w->kind = W_INV;
    else if (has_digit)
        w->kind = W_ORD; /* checked by is_ordinal() */
    else
        w->kind = W_CYR;
    return 0;
}

/* «13-й»: digits, a hyphen, Cyrillic letters. */
static int is_ordinal(const word *w)
{
    const char *s = w->norm;
    size_t d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (!d || s[d] != '-' || !s[d + 1])
        return 0;
    for (size_t i = w->lex; i < w->ncp; i++) {
        uint32_t c = 0;
        utf8_decode(w->norm + w->nb[i], w->nb[i + 1] - w->nb[i], &c);
        if (!is_cyr_letter(c))
            return 0;
    }
    return w->lex == d + 1;
}

/* Splits `text` into words (runs of non-space code points). */
static int split_words(phrase_words *pw, tl_lang lang, const char *text)
{
    size_t len = strlen(text), cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == ' ';
    cap += len / 2; /* other spaces; generous */
    pw->lang = lang;
    pw->text = text;
    pw->n = 0;
    pw->w = tl_arena_alloc(pw->mem, cap * sizeof *pw->w);
    if (!pw->w)
        return -1;
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        size_t k = utf8_decode(text + i, len - i, &c);
        if (!k)
            return -1;
        if (tc_space(c)) {
            i += k;
            continue;
        }
        if (pw->n == cap)
            return -1;
        word *w = &pw->w[pw->n++];
        w->off = i;
        size_t core_off = SIZE_MAX, core_end = i;
        while (i < len) {
            k = utf8_decode(text + i, len - i, &c);
            if (!k)
                return -1;
            if (tc_space(c))
                break;
            if (u_isalnum((UChar32)c)) {
                if (core_off == SIZE_MAX)
                    core_off = i;
                core_end = i + k;
            }
            i += k;
        }
        w->len = i - w->off;
        w->core_off = core_off == SIZE_MAX ? w->off : core_off;
        w->core_end = core_off == SIZE_MAX ? w->off : core_end;
        if (normalise(pw, w) < 0)
            return -1;
        if (w->kind == W_ORD && !is_ordinal(w))
            w->kind = W_INV;
    }
    return 0;
}

/* ---- readings: what a dictionary-form word can be, from its ending ------------------ */

static void set_adj(word *w, const adecl *t, int row)
{
    w->adj.t = t;
    w->adj.row = row;
}

static void read_adj_ru(word *w)
{
    if (lex_ncp(w) < 4)
        return;
    uint32_t c1 = back(w, 2), c2 = back(w, 3);
    int velar = is_velar(c1), sib = is_sib(c1), cons = is_consonant(c1);
    int soft = c1 == 0x043D /* н */ && is_consonant(c2);
    if (ends(w, "ый") && cons)
        set_adj(w, &RU_ADJ_HARD, MASC);
    else if (ends(w, "ой") && cons)
        set_adj(w, velar || sib ? &RU_ADJ_VELAR : &RU_ADJ_HARD, MASC);
    else if (ends(w, "ий") && (velar || sib || soft))
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, MASC);
    else if (ends(w, "ая") && cons)
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_HARD, FEM);
    else if (ends(w, "яя") && cons)
        set_adj(w, &RU_ADJ_SOFT, FEM);
    else if (ends(w, "ое") && cons)
        set_adj(w, velar || sib ? &RU_ADJ_VELAR : &RU_ADJ_HARD, NEUT);
    else if (ends(w, "ее") && (sib || c1 == 0x043D))
        set_adj(w, sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, NEUT);
    else if (ends(w, "ые") && cons)
        set_adj(w, &RU_ADJ_HARD, PLR);
    else if (ends(w, "ие") && (velar || (sib && !ends(w, "жие")) || soft))
        set_adj(w, velar ? &RU_ADJ_VELAR : sib ? &RU_ADJ_SIB : &RU_ADJ_SOFT, PLR);
}

static void read_adj_uk(word *w)
{
    if (lex_ncp(w) < 4 || in_list(UK_NOUN_ONLY, lexeme(w)))
        return;
    uint32_t c1 = back(w, 1), c2 = back(w, 2);
    if (ends(w, "ий") && is_consonant(c2))
        set_adj(w, &UK_ADJ_HARD, MASC);
    else if (ends(w, "ій") && c2 == 0x043D)
        set_adj(w, &UK_ADJ_SOFT, MASC);
    else if (ends(w, "а") && is_consonant(c1))
        set_adj(w, &UK_ADJ_HARD, FEM);
    else if (ends(w, "я") && c1 == 0x043D && (c2 != 0x043D || in_list(UK_SOFT_ADJ_NN, lexeme(w))))
        set_adj(w, &UK_ADJ_SOFT, FEM);
    else if (ends(w, "е") && is_consonant(c1))
        set_adj(w, &UK_ADJ_HARD, NEUT);
    else if (ends(w, "є") && c1 == 0x043D)
        set_adj(w, &UK_ADJ_SOFT, NEUT);
    else if (ends(w, "і") && is_consonant(c1))
        set_adj(w, ends_in_list(UK_SOFT_PL_ENDS, lexeme(w)) ? &UK_ADJ_SOFT : &UK_ADJ_HARD,
                PLR);
}

static void set_noun(word *w, const ndecl *m, const ndecl *f, const ndecl *n, int gender)
{
    w->noun.by[MASC] = m;
    w->noun.by[FEM] = f;
    w->noun.by[NEUT] = n;
    w->noun.gender = gender;
    w->noun.any = 1;
}

static void set_all(word *w, const ndecl *t, int gender) { set_noun(w, t, t, t, gender); }
static void set_plural(word *w, const ndecl *t)
{
    set_all(w, t, MASC);
    w->noun.plural = 1;
}

/* Endings of oblique adjective forms: a word with them is not a dictionary-form noun
 * («Заведующий Организационным отделом»: the head is «Заведующий»). */
static int oblique_adj_ending(const phrase_words *pw, const word *w)
{
    static const char *const RU[] = {"ым", "ого", "его", "ому", "ему", "ых", "ыми", "ими",
                                     "ую", "юю", NULL};
    static const char *const UK[] = {"ого", "ому", "ої", "ою", "их", "ими", "ього",
                                     "ьому", "ьої", "ьою", "іми", NULL};
    if (ends_in_list(pw->lang == TL_LANG_RU ? RU : UK, lexeme(w)))
        return 1;
    uint32_t c = back(w, 2);
    return (ends(w, "им") || ends(w, "их")) && (is_velar(c) || c == 0x043D ||
                                                 cp_in(c, "шчщ"));
}

/* Capitalised words ending in a vowel that Russian does not decline: Кантхо, Хюэ. */
static int title_indecl(const word *w)
{
    if (!w->title)
        return 0;
    if (ends(w, "о"))
        return !ends(w, "ство") && !ends(w, "цтво") && !ends(w, "тво");
    if (ends(w, "е") || ends(w, "є"))
        return !ends(w, "ие") && !ends(w, "ье");
    return ends(w, "и") || ends(w, "і") || ends(w, "ї") || ends(w, "у") || ends(w, "ю") ||
           ends(w, "э");
}

static int ru_fem_soft(const word *w)
{
    const char *s = lexeme(w);
    if (in_list(RU_MASC_SOFT, s))
        return 0;
    return in_list(RU_FEM_SOFT, s) || ends_in_list(RU_FEM_SOFT_ENDS, s);
}

static int uk_fem_soft(const word *w)
{
    const char *s = lexeme(w);
    if (in_list(UK_MASC_SOFT, s))
        return 0;
    return in_list(UK_FEM_SOFT, s) || ends_in_list(UK_FEM_SOFT_ENDS, s);
}

static void read_noun_ru(const phrase_words *pw, word *w)
{
    const char *s = lexeme(w);
    uint32_t prev = back(w, 1);
    if (in_list(RU_UNSAFE, s) || ends(w, "мя"))
        set_all(w, &UNSAFE, MASC);
    else if (in_list(RU_INDECL, s) || ends(w, "бюро") || title_indecl(w))
        set_all(w, &INDECL, NEUT);
    else if (oblique_adj_ending(pw, w) || lex_ncp(w) < 2)
        return;
    else if (ends(w, "ия"))
        set_noun(w, &RU_F_IYA, &RU_F_IYA, NULL, FEM);
    else if (ends(w, "я"))
        set_noun(w, &RU_F_YA, &RU_F_YA, NULL, FEM);
    else if (ends(w, "а") && is_vowel(prev))
        set_all(w, &INDECL, FEM);
    else if (ends(w, "а")) {
        const ndecl *t = is_velar(prev) ? &RU_F_A_VELAR
                         : is_sib(prev) ? &RU_F_A_SIB
                         : prev == 0x0446 /* ц */ ? &RU_F_A_TS : &RU_F_A;
        set_noun(w, t, t, NULL, FEM); /* глава, мужчина: masculine agreement */
    } else if (ends(w, "ие"))
        set_noun(w, NULL, NULL, &RU_N_IE, NEUT);
    else if (ends(w, "ье"))
        set_noun(w, NULL, NULL, &RU_N_YE, NEUT);
    else if (ends(w, "е") && (is_sib(prev) || prev == 0x0446))
        set_noun(w, NULL, NULL, &RU_N_E_SIB, NEUT);
    else if (ends(w, "е") && cp_in(prev, "лр"))
        set_noun(w, NULL, NULL, &RU_N_E, NEUT);
    else if (ends(w, "о") && is_consonant(prev))
        set_noun(w, NULL, NULL, &RU_N_O, NEUT);
    else if (ends(w, "ы") && is_consonant(prev))
        set_plural(w, &RU_PL_Y);
    else if (ends(w, "ии"))
        set_plural(w, &RU_PL_II);
    else if (ends(w, "и") && is_consonant(prev))
        set_plural(w, is_velar(prev) || is_sib(prev) || prev == 0x0446 ? &RU_PL_I_HARD
                                                                      : &RU_PL_I_SOFT);
    else if (ends(w, "о") || ends(w, "е") || ends(w, "и") || ends(w, "у") || ends(w, "ю") ||
             ends(w, "э"))
        set_all(w, &INDECL, NEUT);
    else if (ends(w, "ь") && is_consonant(prev)) {
        const ndecl *f = is_sib(prev) ? &RU_F_SOFT_SIB : &RU_F_SOFT;
        set_noun(w, &RU_M_SOFT, f, NULL, ru_fem_soft(w) ? FEM : MASC);
    } else if (ends(w, "ий"))
        set_noun(w, &RU_M_IJ, NULL, NULL, MASC);
    else if (ends(w, "й") && is_vowel(prev))
        set_noun(w, &RU_M_J, NULL, NULL, MASC);
    else if (is_consonant(back(w, 0))) {
        uint32_t c = back(w, 0);
        const ndecl *t = is_velar(c) ? &RU_M_VELAR
                         : is_sib(c) ? &RU_M_SIB
                         : c == 0x0446 ? &RU_M_TS : &RU_M_HARD;
        set_noun(w, t, NULL, NULL, MASC);
    }
}

static void read_noun_uk(const phrase_words *pw, word *w)
{
    const char *s = lexeme(w);
    uint32_t prev = back(w, 1);
    if (in_list(UK_UNSAFE, s))
        set_all(w, &UNSAFE, MASC);
    else if (in_list(UK_INDECL, s) || ends(w, "бюро"))
        set_all(w, &INDECL, NEUT);
    else if (w->title && ends(w, "о") && !ends(w, "тво"))
        set_all(w, &UNSAFE, MASC); /* Кантхо does not decline, Петро does */
    else if (title_indecl(w))
        set_all(w, &INDECL, NEUT);
    else if (oblique_adj_ending(pw, w) || lex_ncp(w) < 2)
        return;
    else if (ends(w, "ія"))
        set_noun(w, &UK_F_IYA, &UK_F_IYA, NULL, FEM);
    else if (ends(w, "я") && is_vowel(prev))
        set_noun(w, &UK_F_VYA, &UK_F_VYA, NULL, FEM);
    else if (ends(w, "я") && (prev == '\'' || (prev == back(w, 2) &&
                                                !in_list(UK_FEM_DOUBLE_YA, s))))
        set_noun(w, NULL, NULL, &UK_N_YA, NEUT);
    else if (ends(w, "я"))
        set_noun(w, &UK_F_YA, &UK_F_YA, NULL, FEM);
    else if (ends(w, "а") && is_vowel(prev))
        set_all(w, &INDECL, FEM);
    else if (ends(w, "а")) {
        const ndecl *t = is_sib(prev) ? &UK_F_A_SIB : &UK_F_A;
        set_noun(w, t, t, NULL, FEM); /* голова: masculine agreement */
    } else if (ends(w, "о") && is_consonant(prev))
        set_noun(w, NULL, NULL, is_velar(prev) ? &UK_N_O_VELAR : &UK_N_O, NEUT);
    else if (ends(w, "е") && is_consonant(prev))
        set_noun(w, NULL, NULL, is_sib(prev) ? &UK_N_E_SIB : &UK_N_E, NEUT);
    else if (ends(w, "ії"))
        set_plural(w, &UK_PL_II);
    else if (ends(w, "и") && is_consonant(prev))
        set_plural(w, &UK_PL_Y);
    else if (ends(w, "і") && is_consonant(prev))
        set_plural(w, is_sib(prev) ? &UK_PL_I_HARD : &UK_PL_I_SOFT);
    else if (ends(w, "ї") && is_vowel(prev))
        set_plural(w, &UK_PL_YI);
    else if (ends(w, "о") || ends(w, "е") || ends(w, "є") || ends(w, "у") || ends(w, "ю"))
        set_all(w, &INDECL, NEUT);
    else if (ends(w, "ь") && is_consonant(prev))
        set_noun(w, &UK_M_SOFT, &UK_F_SOFT, NULL, uk_fem_soft(w) ? FEM : MASC);
    else if (ends(w, "й") && is_vowel(prev))
        set_noun(w, &UK_M_J, NULL, NULL, MASC);
    else if (is_consonant(back(w, 0))) {
        uint32_t c = back(w, 0);
        const ndecl *t = in_list(UK_MIXED_R, s) ? &UK_M_R
                         : is_velar(c)          ? &UK_M_VELAR
                         : is_sib(c)            ? &UK_M_SIB : &UK_M_HARD;
        set_noun(w, t, NULL, NULL, MASC);
    }
}

static void read_word(const phrase_words *pw, word *w)
{
    memset(&w->adj, 0, sizeof w->adj);
    memset(&w->noun, 0, sizeof w->noun);
    w->animate = w->gen_a = 0;
    if (w->kind != W_CYR)
        return;
    int ru = pw->lang == TL_LANG_RU;
    if (ru)
        read_adj_ru(w);
    else
        read_adj_uk(w);
    /* A clear adjective ending is not a noun (no «заведующия»); -ой may be one
     * (Ханой, герой), and so may uk -а/-е/-і (рада, поле, гроші). */
    int adj_only = w->adj.t && (ru ? !ends(w, "ой") : ends(w, "ий") || ends(w, "ій"));
    if (!adj_only && ru)
        read_noun_ru(pw, w);
    else if (!adj_only)
        read_noun_uk(pw, w);
    w->animate = in_list(ru ? RU_ANIMATE : UK_ANIMATE, lexeme(w));
    w->gen_a = !ru && in_list(UK_GEN_A, lexeme(w));
    if (!w->animate && adj_only && w->adj.row == MASC && (ends(w, "щий") || ends(w, "чий")))
        w->animate = 1; /* заведующий, слідчий: participles used as nouns */
}

/* ---- phrase structure ---------------------------------------------------------------- */

typedef struct {
    size_t s, h;      /* first declinable word; head */
    int none;         /* nothing declinable: all words kept */
    int head_adj;     /* head is an adjective used as a noun (заведующий) */
    int row;          /* MASC FEM NEUT or PLR: the phrase's agreement */
    const ndecl *nt;  /* head table (noun head) */
    int name;         /* head followed by a capitalised word: a personal name */
} phrase;

static int noun_agrees(const noun_reading *nr, int row)
{
    if (row < 0)
        return 1;
    if (row == PLR)
        return nr->plural;
    return !nr->plural && nr->by[row] != NULL;
}

/* Finds the head: the longest run of agreeing adjectives (and ordinals) followed by
 * a noun that agrees with them; failing that, the last adjective is the head
 * («Заведующий Организационным отделом»). Returns 0, or -1 when there is no head. */
static int parse_phrase(const phrase_words *pw, phrase *ph)
{
    memset(ph, 0, sizeof *ph);
    size_t n = pw->n, s = 0;
    while (s < n && pw->w[s].kind == W_INV)
        s++;
    ph->s = s;
    if (s == n) {
        ph->none = 1;
        return 0;
    }
    size_t r = s;     /* run s..r-1 */
    size_t nadj = 0;  /* adjectives (not ordinals) in the run */
    int row = -1;
    for (; r < n; r++) {
        const word *w = &pw->w[r];
        if (w->kind == W_ORD)
            continue;
        if (w->kind != W_CYR || !w->adj.t || (row >= 0 && w->adj.row != row))
            break;
        row = w->adj.row;
        nadj++;
    }
    /* h from r down to s: the words before h are all in the run; `before` counts the
     * adjectives among them (ordinals do not fix the gender) */
    size_t before = nadj;
    for (size_t h = r + 1; h-- > s;) {
        if (h < r && pw->w[h].kind == W_CYR)
            before--;
        if (h >= n)
            continue;
        const word *w = &pw->w[h];
        int hrow = before ? row : -1;
        if (w->kind != W_CYR || !w->noun.any || !noun_agrees(&w->noun, hrow))
            continue;
        ph->h = h;
        if (w->noun.plural)
            ph->row = PLR;
        else
            ph->row = hrow >= 0 ? hrow : w->noun.gender;
        ph->nt = w->noun.plural ? w->noun.by[MASC] : w->noun.by[ph->row];
        if (!ph->nt)
            return -1;
        ph->name = h == s && w->title && h + 1 < n && pw->w[h + 1].kind == W_CYR &&
                   pw->w[h + 1].title && !oblique_adj_ending(pw, &pw->w[h + 1]);
        return 0;
    }
    if (nadj && pw->w[r - 1].kind == W_CYR) {
        ph->h = r - 1;
        ph->head_adj = 1;
        ph->row = pw->w[r - 1].adj.row;
        return 0;
    }
    return -1;
}

/* ---- stems ------------------------------------------------------------------------- */

typedef struct {
    size_t keep;   /* code points of the word kept */
    char tail[24]; /* then these (normalised UTF-8) */
} stem_t;

static void stem_set(stem_t *st, size_t keep, const char *tail)
{
    st->keep = keep;
    size_t n = strlen(tail);
    if (n >= sizeof st->tail)
        n = sizeof st->tail - 1;
    memcpy(st->tail, tail, n);
    st->tail[n] = '\0';
}

/* The last code point of a stem. */
static uint32_t stem_last(const word *w, const stem_t *st, size_t k)
{
    /* k = 0: last, 1: one before */
    size_t tn = ncp_of(st->tail);
    uint32_t c = 0;
    if (k < tn) {
        const char *p = st->tail;
        size_t len = strlen(p);
        for (size_t i = 0; i < tn - k; i++) {
            size_t m = utf8_decode(p, len, &c);
            if (!m)
                return 0;
            p += m;
            len -= m;
        }
        return c;
    }
    k -= tn;
    if (k >= st->keep)
        return 0;
    size_t i = st->keep - 1 - k;
    utf8_decode(w->norm + w->nb[i], w->nb[i + 1] - w->nb[i], &c);
    return c;
}

/* Replaces the last code point of the stem by `rep`. */
static void stem_replace_last(stem_t *st, const char *rep)
{
    char buf[sizeof st->tail];
    size_t tl = strlen(st->tail);
    if (tl) {
        size_t i = tl;
        while (i > 0 && ((unsigned char)st->tail[i - 1] & 0xC0) == 0x80)
            i--;
        if (i > 0)
            i--;
        memcpy(buf, st->tail, i);
        buf[i] = '\0';
    } else {
        buf[0] = '\0';
        if (st->keep)
            st->keep--;
    }
    size_t bl = strlen(buf), rl = strlen(rep);
    if (bl + rl < sizeof buf) {
        memcpy(buf + bl, rep, rl + 1);
        stem_set(st, st->keep, buf);
    }
}

static void stem_append(stem_t *st, const char *s)
{
    size_t tl = strlen(st->tail), n = strlen(s);
    if (tl + n < sizeof st->tail)
        memcpy(st->tail + tl, s, n + 1);
}

/* The stem that turns word w's last component into `form` (lower case): shared
 * prefix kept, the rest from `form`. */
static void stem_from_form(const word *w, const char *form, stem_t *st)
{
    const char *lx = lexeme(w);
    size_t i = 0;
    while (lx[i] && lx[i] == form[i])
        i++;
    while (i > 0 && ((unsigned char)lx[i] & 0xC0) == 0x80)
        i--; /* back to the start of the code point that differs */
    stem_set(st, w->lex + utf8_count(lx, i), form + i);
}

/* Sets `obl` to lemma stem `lem` changed by the fleeting-vowel and alternation rules. */
static void oblique_stem(const phrase_words *pw, const word *w, const ndecl *t,
                         const stem_t *lem, stem_t *obl)
{
    *obl = *lem;
    int ru = pw->lang == TL_LANG_RU;
    const char *lx = lexeme(w);
    int masc = t == &RU_M_HARD || t == &RU_M_VELAR || t == &RU_M_SIB || t == &RU_M_TS ||
               t == &RU_M_SOFT || t == &UK_M_HARD || t == &UK_M_VELAR ||
               t == &UK_M_SIB || t == &UK_M_SOFT || t == &UK_M_R;
    if (t == &UK_F_SOFT && str_ends(lx, "ість") && !in_list(UK_ISTJ_KEEP, lx)) {
        stem_set(obl, lem->keep - 3, "ост"); /* діяльність -> діяльност-і */
        return;
    }
    if (!masc)
        return;
    const char *irr = pair_get(ru ? RU_STEMS : UK_STEMS, lx);
    if (irr) {
        stem_from_form(w, irr, obl);
        return;
    }
    if (in_list(ru ? RU_KEEP_VOWEL : UK_KEEP_VOWEL, lx) || syllables(w) < 2)
        return;
    uint32_t c0 = stem_last(w, lem, 0), c1 = stem_last(w, lem, 1), c2 = stem_last(w, lem, 2);
    if (c1 == 0x0435 /* е */ && c0 == 0x0446 /* ц */) { /* образец, українець */
        stem_set(obl, lem->keep - 2, is_vowel(c2) ? "йц" : c2 == 0x043B ? "ьц" : "ц");
    } else if (c1 == 0x043E /* о */ && c0 == 0x043A /* к */ && is_consonant(c2)) {
        stem_set(obl, lem->keep - 2, "к"); /* кружок, висновок */
    } else if (c1 == 0x0435 && c0 == 0x043D /* н */ && (t == &RU_M_SOFT || t == &UK_M_SOFT) &&
               is_consonant(c2)) {
        stem_set(obl, lem->keep - 2, "н"); /* уровень, рівень */
    } else if (!ru) {
        for (const pair *p = UK_ALTERNATE_ENDS; p->a; p++)
            if (str_ends(lx, p->a)) {
                stem_set(obl, lem->keep - 3, p->b);
                return;
            }
        if (w->title && str_ends(lx, "ів"))
            stem_set(obl, lem->keep - 2, "ов"); /* Харків -> Харкова */
    }
}

/* Can a zero ending go on this stem without an inserted vowel? (палат, министерств:
 * yes; ставк -> ставок, uk робот -> робіт: no) */
static int zero_safe(const phrase_words *pw, const word *w, const stem_t *st)
{
    uint32_t c0 = stem_last(w, st, 0), c1 = stem_last(w, st, 1), c2 = stem_last(w, st, 2);
    if (c0 == 0x0432 /* в */ && c1 == 0x0442 /* т */ && cp_in(c2, "сц"))
        return 1;
    if (!is_consonant(c0) || !is_vowel(c1))
        return 0;
    return pw->lang == TL_LANG_RU || !cp_in(c1, "ое");
}

/* ---- forms ------------------------------------------------------------------------ */

/* Appends the normalised stem to b. */
static void put_stem_norm(tl_buf *b, const word *w, const stem_t *st)
{
    tl_buf_add(b, w->norm, w->nb[st->keep]);
    tl_buf_adds(b, st->tail);
}

/* Builds one alternative `alt` (length n, markers included) on the stems; generation
 * (`gen`) refuses '~' after an unsafe stem and unknown '&' forms. Writes the stem used
 * to *out_st and the bare ending to `ending` (NUL-terminated). Returns 0 or -1. */
static int form_alt(const phrase_words *pw, const word *w, const stem_t *lem,
                    const stem_t *obl, const char *alt, size_t n, int gen, stem_t *out_st,
                    char *ending, size_t ecap)
{
    stem_t st = *obl;
    while (n && strchr("!=^%~&", *alt)) {
        char m = *alt;
        alt++;
        n--;
        if (m == '=') {
            st = *lem;
        } else if (m == '^') {
            uint32_t c = stem_last(w, &st, 0);
            if (c == 0x043A)
                stem_replace_last(&st, "ц");
            else if (c == 0x0433)
                stem_replace_last(&st, "з");
            else if (c == 0x0445)
                stem_replace_last(&st, "с");
        } else if (m == '%') {
            uint32_t c = stem_last(w, &st, 0);
            char e[5];
            if (is_consonant(c) && is_vowel(stem_last(w, &st, 1))) {
                e[utf8_encode(c, e)] = '\0';
                stem_append(&st, e);
            }
        } else if (m == '~') {
            if (gen && !zero_safe(pw, w, &st))
                return -1;
        } else if (m == '&') {
            uint32_t c0 = stem_last(w, &st, 0), c1 = stem_last(w, &st, 1);
            if (c0 != c1 || !cp_in(c0, "нл"))
                return -1;
            stem_replace_last(&st, "ь"); /* засіданн -> засідань */
        }
    }
    if (n >= ecap)
        return -1;
    memcpy(ending, alt, n);
    ending[n] = '\0';
    *out_st = st;
    return 0;
}

/* Calls fn for every alternative of a cell string. */
typedef int (*alt_fn)(const char *alt, size_t n, void *ctx);

static int cell_alts(const char *cell, alt_fn fn, void *ctx)
{
    if (*cell == '?')
        cell++;
    for (;;) {
        const char *bar = strchr(cell, '|');
        size_t n = bar ? (size_t)(bar - cell) : strlen(cell);
        if (n && fn(cell, n, ctx))
            return 1;
        if (!bar)
            return 0;
        cell = bar + 1;
    }
}

/* ---- analysis: the cells of a paradigm that give the found word ---------------------- */

typedef struct {
    const phrase_words *pw;
    const word *w;      /* pattern word */
    const char *found;  /* normalised found word */
    stem_t lem, obl[4]; /* stems to try */
    size_t nobl;
    tl_buf *tmp;
    int oom;
    int plain_only; /* ignore '!' alternatives (uk locative -ові of inanimates) */
} match_ctx;

/* Does stem + ending, or (for '~') stem with a vowel inserted, give the found word? */
static int try_stem(match_ctx *mc, const stem_t *st, const char *ending, int zero)
{
    tl_buf_reset(mc->tmp);
    put_stem_norm(mc->tmp, mc->w, st);
    tl_buf_adds(mc->tmp, ending);
    mc->oom |= mc->tmp->oom;
    if (!mc->tmp->oom && !strcmp(mc->tmp->data, mc->found))
        return 1;
    if (!zero)
        return 0;
    static const char *const INSERT[] = {"о", "е", NULL};
    for (const char *const *v = INSERT; *v; v++) { /* ставк -> ставок, окн -> окон */
        stem_t s2 = *st;
        uint32_t c = stem_last(mc->w, &s2, 0);
        char last[5];
        last[utf8_encode(c, last)] = '\0';
        stem_replace_last(&s2, *v);
        stem_append(&s2, last);
        tl_buf_reset(mc->tmp);
        put_stem_norm(mc->tmp, mc->w, &s2);
        mc->oom |= mc->tmp->oom;
        if (!mc->tmp->oom && !strcmp(mc->tmp->data, mc->found))
            return 1;
    }
    return 0;
}

static int match_alt(const char *alt, size_t n, void *ctx)
{
    match_ctx *mc = ctx;
    if (mc->plain_only && *alt == '!')
        return 0;
    char ending[32];
    stem_t st;
    int zero = memchr(alt, '~', n) != NULL;
    for (size_t i = 0; i < mc->nobl; i++) {
        if (form_alt(mc->pw, mc->w, &mc->lem, &mc->obl[i], alt, n, 0, &st, ending,
                     sizeof ending) < 0)
            continue;
        if (try_stem(mc, &st, ending, zero))
            return 1;
    }
    return 0;
}

static int match_cell(match_ctx *mc, const char *cell)
{
    return cell && cell_alts(cell, match_alt, mc);
}

/* Stems to try for a pattern word: the rule's oblique stem, the lemma stem, and for
 * a stem ending consonant-vowel-consonant a guessed fleeting vowel and a guessed uk
 * і/о alternation (the pattern may be a word our rules and tables do not know). */
static void analysis_stems(match_ctx *mc, const ndecl *t)
{
    const word *w = mc->w;
    oblique_stem(mc->pw, w, t, &mc->lem, &mc->obl[0]);
    mc->obl[1] = mc->lem;
    mc->nobl = 2;
    uint32_t c0 = stem_last(w, &mc->lem, 0), c1 = stem_last(w, &mc->lem, 1);
    if (!is_consonant(c0) || !cp_in(c1, "оеі") || !is_consonant(stem_last(w, &mc->lem, 2)))
        return;
    char last[5];
    last[utf8_encode(c0, last)] = '\0';
    stem_t s = mc->lem; /* уровен -> уровн */
    stem_replace_last(&s, "");
    stem_replace_last(&s, last);
    mc->obl[mc->nobl++] = s;
    if (mc->pw->lang != TL_LANG_UK)
        return;
    s = mc->lem; /* рік -> рок, робот -> робіт */
    stem_replace_last(&s, "");
    stem_replace_last(&s, c1 == 0x0456 ? "о" : "і");
    stem_append(&s, last);
    mc->obl[mc->nobl++] = s;
}

static unsigned noun_mask(match_ctx *mc, const ndecl *t)
{
    mc->lem.keep = mc->w->ncp - ncp_of(t->end);
    mc->lem.tail[0] = '\0';
    analysis_stems(mc, t);
    const char *lx = lexeme(mc->w);
    const char *nom_pl = mc->pw->lang == TL_LANG_RU ? pair_get(RU_NOM_PL, lx) : NULL;
    const char *pl_gen = pair_get(PL_GEN, lx);
    unsigned m = 0;
    for (int num = SG; num <= PL; num++)
        for (int c = NOM; c < NCASE; c++) {
            const char *cell = t->f[num][c];
            if (!cell)
                continue;
            int hit;
            /* uk locative -ові/-еві is for persons: «комітетові» is dative */
            mc->plain_only = c == LOC && !mc->w->animate;
            if (!strcmp(cell, "@"))
                hit = match_cell(mc, t->f[num][NOM]) || match_cell(mc, t->f[num][GEN]) ||
                      (num == PL && nom_pl && match_cell(mc, nom_pl)) ||
                      (num == PL && pl_gen && !strcmp(pl_gen, mc->found));
            else
                hit = match_cell(mc, cell);
            if (num == PL && c == NOM && nom_pl)
                hit |= match_cell(mc, nom_pl);
            if (num == PL && c == GEN && pl_gen)
                hit |= !strcmp(pl_gen, mc->found);
            if (hit)
                m |= BIT(num, c);
        }
    return m;
}

static unsigned adj_mask(match_ctx *mc, const adj_reading *ar)
{
    size_t endlen = ar->row == MASC || mc->pw->lang == TL_LANG_RU ? 2 : 1;
    stem_set(&mc->lem, mc->w->ncp - endlen, "");
    mc->obl[0] = mc->lem;
    mc->nobl = 1;
    unsigned m = 0;
    for (int num = SG; num <= PL; num++) {
        int row = num == PL ? PLR : ar->row;
        if (num == SG && ar->row == PLR)
            continue;
        for (int c = NOM; c < NCASE; c++) {
            const char *cell = ar->t->f[row][c];
            int is_lemma = row == ar->row && !strcmp(mc->w->norm, mc->found);
            int hit;
            if (c == NOM && row == ar->row)
                hit = is_lemma;
            else if (!strcmp(cell, "@"))
                hit = (row == ar->row ? is_lemma : match_cell(mc, ar->t->f[row][NOM])) ||
                      match_cell(mc, ar->t->f[row][GEN]);
            else
                hit = match_cell(mc, cell);
            if (hit)
                m |= BIT(num, c);
        }
    }
    return m;
}

/* The cells the found phrase can be in, judged by the pattern's words from the first
 * adjective to the head; 0 when undeterminable or contradictory. */
static unsigned case_mask(const phrase_words *pat, const phrase *ph,
                          const phrase_words *fnd, tl_buf *tmp)
{
    unsigned mask = ALL_CELLS;
    int informative = 0;
    size_t first = ph->name ? pat->n - 1 : ph->s, last = ph->name ? pat->n - 1 : ph->h;
    for (size_t i = first; i <= last; i++) {
        const word *w = &pat->w[i];
        match_ctx mc = {pat, w, fnd->w[i].norm, {0, ""}, {{0, ""}}, 0, tmp, 0, 0};
        unsigned m;
        if (w->kind != W_CYR) /* the found word may be in capitals: its norm is fine */
            continue;
        if (ph->name) {
            const ndecl *t = w->noun.any ? w->noun.by[w->noun.gender] : NULL;
            if (!t || t == &INDECL || t == &UNSAFE)
                continue;
            m = noun_mask(&mc, t);
        } else if (i < ph->h || ph->head_adj) {
            m = adj_mask(&mc, &w->adj);
        } else {
            if (ph->nt == &INDECL || ph->nt == &UNSAFE)
                continue;
            m = noun_mask(&mc, ph->nt);
        }
        if (mc.oom)
            return 0;
        informative = 1;
        mask &= m;
    }
    return informative ? mask : 0;
}

/* ---- generation ----------------------------------------------------------------------- */

/* The first alternative of `cell` that is marked '!' (marked = 1) or not (0). */
static int first_alt(const char *cell, int marked, const char **alt, size_t *n)
{
    for (;;) {
        const char *bar = strchr(cell, '|');
        size_t len = bar ? (size_t)(bar - cell) : strlen(cell);
        if (len && (*cell == '!') == (marked != 0)) {
            *alt = cell;
            *n = len;
            return 1;
        }
        if (!bar)
            return 0;
        cell = bar + 1;
    }
}

/* Appends word w's core with its stem `st` and `ending` to out. */
static void put_word(tl_buf *out, const phrase_words *pw, const word *w, const stem_t *st,
                     const char *ending)
{
    tl_buf_add(out, pw->text + w->off, w->core_off - w->off);
    tl_buf_add(out, pw->text + w->core_off, w->src[st->keep] - w->core_off);
    tl_buf_adds(out, st->tail);
    tl_buf_adds(out, ending);
    tl_buf_add(out, pw->text + w->core_end, w->off + w->len - w->core_end);
}

static void put_token(tl_buf *out, const phrase_words *pw, const word *w)
{
    tl_buf_add(out, pw->text + w->off, w->len);
}

/* Generates `cell` of table t for noun w; -1 when refused. */
static int gen_noun(tl_buf *out, const phrase_words *pw, const word *w, const ndecl *t,
                    int num, int c, int animate)
{
    if (t == &INDECL) {
        put_token(out, pw, w);
        return 0;
    }
    const char *cell = t->f[num][c];
    if (cell && !strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = t->f[num][c];
    }
    const char *lx = lexeme(w);
    const char *nom_pl = pw->lang == TL_LANG_RU ? pair_get(RU_NOM_PL, lx) : NULL;
    const char *pl_gen = pair_get(PL_GEN, lx);
    if (num == PL && c == NOM && nom_pl)
        cell = nom_pl;
    if (num == PL && c == GEN && pl_gen && w->noun.plural) {
        stem_t st;
        stem_from_form(w, pl_gen, &st);
        put_word(out, pw, w, &st, "");
        return 0;
    }
    if (!cell || *cell == '?')
        return -1;
    stem_t lem, obl, st;
    stem_set(&lem, w->ncp - ncp_of(t->end), "");
    oblique_stem(pw, w, t, &lem, &obl);
    const char *alt = NULL;
    size_t an = 0;
    int marked = animate || (c == GEN && w->gen_a);
    if (!(marked && first_alt(cell, 1, &alt, &an)) && !first_alt(cell, 0, &alt, &an))
        return -1;
    char ending[32];
    if (form_alt(pw, w, &lem, &obl, alt, an, 1, &st, ending, sizeof ending) < 0)
        return -1;
    put_word(out, pw, w, &st, ending);
    return 0;
}

/* ru «13-й» -> «13-го»: the hard adjective ending, shortened as the ru norm does. */
static int gen_ordinal(tl_buf *out, const phrase_words *pw, const word *w, int row, int num,
                       int c, int animate, int same_number)
{
    int r = num == PL ? PLR : row;
    const char *cell = RU_ADJ_HARD.f[r][c];
    if (!strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = RU_ADJ_HARD.f[r][c];
    }
    if (c == NOM && same_number) {
        put_token(out, pw, w);
        return 0;
    }
    if (pw->lang != TL_LANG_RU)
        return -1;
    size_t n = strcspn(cell, "|"), k;
    char full[16];
    if (n >= sizeof full)
        return -1;
    memcpy(full, cell, n);
    full[n] = '\0';
    k = str_ends(full, "го") || str_ends(full, "му") || str_ends(full, "ми") ? 2 : 1;
    size_t cut = n;
    for (size_t i = 0; i < k; i++) {
        do
            cut--;
        while (cut > 0 && ((unsigned char)full[cut] & 0xC0) == 0x80);
    }
    stem_t st;
    stem_set(&st, w->lex, "");
    put_word(out, pw, w, &st, full + cut);
    return 0;
}

static int gen_adj(tl_buf *out, const phrase_words *pw, const word *w, int num, int c,
                   int animate)
{
    const adj_reading *ar = &w->adj;
    int row = num == PL ? PLR : ar->row;
    const char *cell = ar->t->f[row][c];
    if (!strcmp(cell, "@")) {
        c = animate ? GEN : NOM;
        cell = ar->t->f[row][c];
    }
    if (c == NOM && row == ar->row) {
        put_token(out, pw, w);
        return 0;
    }
    size_t endlen = ar->row == MASC || pw->lang == TL_LANG_RU ? 2 : 1;
    stem_t st;
    stem_set(&st, w->ncp - endlen, "");
    char ending[32];
    size_t n = strcspn(cell, "|");
    if (n >= sizeof ending)
        return -1;
    memcpy(ending, cell, n);
    ending[n] = '\0';
    put_word(out, pw, w, &st, ending);
    return 0;
}

/* Writes the canonical phrase in cell (num, c) to out; -1 when refused. */
static int gen_phrase(tl_buf *out, const phrase_words *pw, const phrase *ph, int num, int c)
{
    if (ph->name)
        return -1;
    const word *head = &pw->w[ph->h];
    int animate = head->animate;
    int row = ph->row;
    int same_number = (num == PL) == (row == PLR);
    if (row == PLR)
        num = PL;
    if (!ph->head_adj && ph->nt == &UNSAFE)
        return -1;
    size_t prev_end = 0;
    for (size_t i = 0; i < pw->n; i++) {
        const word *w = &pw->w[i];
        tl_buf_add(out, pw->text + prev_end, w->off - prev_end);
        prev_end = w->off + w->len;
        int rc = 0;
        if (ph->none || i < ph->s || i > ph->h)
            put_token(out, pw, w);
        else if (w->kind == W_ORD)
            rc = gen_ordinal(out, pw, w, row == PLR ? MASC : row, num, c, animate,
                             same_number);
        else if (i < ph->h || ph->head_adj)
            rc = gen_adj(out, pw, w, num, c, animate);
        else
            rc = gen_noun(out, pw, w, ph->nt, num, c, animate);
        if (rc < 0)
            return -1;
    }
    tl_buf_adds(out, pw->text + prev_end);
    return 0;
}

/* ---- entry point -------------------------------------------------------------------- */

static int load_phrase(phrase_words *pw, tl_arena *mem, tl_lang lang, const char *text)
{
    pw->mem = mem;
    if (split_words(pw, lang, text) < 0)
        return -1;
    for (size_t i = 0; i < pw->n; i++)
        read_word(pw, &pw->w[i]);
    return 0;
}

static const char *inflect_run(tl_arena *a, tl_arena *mem, tl_buf *tmp, tl_buf *out,
                               tl_lang lang, const char *pattern, const char *found,
                               const char *canonical)
{
    phrase_words pat, fnd, can;
    phrase pph, cph;
    if (load_phrase(&pat, mem, lang, pattern) < 0 || load_phrase(&fnd, mem, lang, found) < 0 ||
        load_phrase(&can, mem, lang, canonical) < 0)
        return NULL;
    if (pat.n == 0 || pat.n != fnd.n || can.n == 0)
        return NULL;
    if (parse_phrase(&pat, &pph) < 0 || pph.none)
        return NULL;
    unsigned mask = case_mask(&pat, &pph, &fnd, tmp);
    if (!mask)
        return NULL;
    int num = -1, c = -1;
    for (size_t i = 0; i < 2 * NCASE; i++)
        if (mask & BIT(PREFER[i][0], PREFER[i][1])) {
            num = PREFER[i][0];
            c = PREFER[i][1];
            break;
        }
    int can_ok = parse_phrase(&can, &cph) == 0;
    int can_pl = can_ok && !cph.none && cph.row == PLR;
    if (c == NOM && (num == PL) == can_pl)
        return tl_arena_strdup(a, canonical); /* already in the found form */
    if (!can_ok || gen_phrase(out, &can, &cph, num, c) < 0 || out->oom)
        return NULL;
    return tl_arena_strndup(a, out->data, out->len);
}

const char *inflect_like(tl_arena *a, tl_lang lang, const char *pattern, const char *found,
                         const char *canonical)
{
    if (!a || !pattern || !found || !canonical ||
        (lang != TL_LANG_RU && lang != TL_LANG_UK))
        return NULL;
    tl_arena mem;
    tl_buf tmp, out;
    tl_arena_init(&mem);
    tl_buf_init(&tmp, 0);
    tl_buf_init(&out, 0);
    const char *r = inflect_run(a, &mem, &tmp, &out, lang, pattern, found, canonical);
    tl_buf_release(&out);
    tl_buf_release(&tmp);
    tl_arena_release(&mem);
    return r;
}
