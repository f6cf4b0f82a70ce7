/*
 * docmask.c - documents in: the masked text of a Markdown or HTML file
 * (tl_document_text) and what the readers share (docmask_p.h).
 *
 * The masked text has the original's length byte for byte. It starts as all spaces
 * with the line breaks, a BOM and the bytes that are not valid UTF-8 (and NULs) kept,
 * so line numbers, the BOM rule and the encoding findings stay those of the file; the
 * reader (doc_markdown.c, doc_html.c) then copies back the prose. Three things make a
 * masked text read as the prose it stands for:
 *
 *   - a block that ends where the next one starts on the same line (table cells,
 *     HTML's <td>a</td><td>b</td>, <li>, <h1> on one line) gets a full stop in the
 *     first masked byte after its last character: the tokenizer starts a sentence at
 *     a line start or after . ! ? ... (tokenize.c), so cells and list items are never
 *     read as one sentence ("?" where a letter follows at once, since ICU joins
 *     "a.b" into one word);
 *   - an entity is written as the character it stands for at the start of its bytes
 *     and spaces after it (at the end, for an opening quote or bracket, so that
 *     «&laquo;слово&raquo;» reads «      «слово»      », not «« слово»);
 *   - spaces left where markup was (a link's "](url)", "**") are not the text's: the
 *     rules that judge spaces are kept off them when the result is mapped back
 *     (core/docresult.c, tl_result_document).
 *
 * Columns of the masked text are not the file's (a masked Cyrillic letter is two
 * spaces, an entity is one character): tl_result_document recomputes them from the
 * original bytes.
 */
#include "docmask_p.h"

#include <string.h>

static const struct {
    const char *name;
    uint32_t cp;
} named[] = {{"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
             {"apos", '\''},     {"nbsp", 0xA0},     {"shy", 0xAD},      {"ndash", 0x2013},
             {"mdash", 0x2014},  {"laquo", 0xAB},    {"raquo", 0xBB},    {"bdquo", 0x201E},
             {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
             {"hellip", 0x2026}, {"minus", 0x2212},  {"times", 0xD7},    {"copy", 0xA9},
             {"reg", 0xAE},      {"deg", 0xB0},      {"middot", 0xB7},   {"bull", 0x2022},
             {"euro", 0x20AC},   {"numero", 0x2116}, {"thinsp", 0x2009}, {"ensp", 0x2002},
             {"emsp", 0x2003},   {"sect", 0xA7},     {"para", 0xB6},     {"prime", 0x2032},
             {"Prime", 0x2033},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"sbquo", 0x201A},
             {"trade", 0x2122},  {"plusmn", 0xB1},   {"frac12", 0xBD},   {"iexcl", 0xA1}};

size_t dm_entity(const char *p, size_t n, char out[4])
{
    if (n < 3 || p[0] != '&' || p[n - 1] != ';')
        return 0;
    uint32_t cp = 0;
    if (p[1] == '#') {
        int hex = n > 3 && (p[2] == 'x' || p[2] == 'X');
        size_t i = hex ? 3 : 2;
        if (i >= n - 1 || n - 1 - i > 7)
            return 0;
        for (; i < n - 1; i++) {
            char c = p[i];
            unsigned d;
            if (c >= '0' && c <= '9')
                d = (unsigned)(c - '0');
            else if (hex && ((c | 32) >= 'a' && (c | 32) <= 'f'))
                d = (unsigned)((c | 32) - 'a' + 10);
            else
                return 0;
            cp = cp * (hex ? 16u : 10u) + d;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
    } else {
        for (size_t k = 0; k < sizeof named / sizeof *named && !cp; k++)
            if (strlen(named[k].name) == n - 2 && !memcmp(named[k].name, p + 1, n - 2))
                cp = named[k].cp;
        if (!cp)
            return 0;
    }
    return utf8_encode(cp, out);
}

static int line_break(char c) { return c == '\n' || c == '\r'; }

void dm_text(dm_buf *b, size_t off, size_t n)
{
    if (off >= b->len || n > b->len - off || !n)
        return;
    size_t k = 0;
    while (k < n && (b->in[off + k] == ' ' || b->in[off + k] == '\t' || line_break(b->in[off + k])))
        k++;
    if (k == n)
        return; /* white space between blocks: it is white space already, and ends nothing */
    if (b->mark != SIZE_MAX) {
        size_t m = b->mark;
        b->mark = SIZE_MAX;
        int same_line = m < off;
        for (size_t i = m; same_line && i < off; i++)
            same_line = !line_break(b->in[i]);
        if (same_line && b->out[m] == ' ')
            b->out[m] = m + 1 < off ? '.' : '?';
    }
    memcpy(b->out + off, b->in + off, n);
    for (size_t i = off + n; i > off; i--)
        if (b->in[i - 1] != ' ' && b->in[i - 1] != '\t' && !line_break(b->in[i - 1])) {
            b->prose_end = i;
            break;
        }
}

static int opening(const char *s, size_t m)
{
    static const char *const open[] = {"«", "„", "“", "‘", "‹", "(", "["};
    for (size_t k = 0; k < sizeof open / sizeof *open; k++)
        if (strlen(open[k]) == m && !memcmp(open[k], s, m))
            return 1;
    return 0;
}

void dm_put(dm_buf *b, size_t off, size_t n, const char *s, size_t m)
{
    if (off >= b->len || n > b->len - off || m > n || !m)
        return;
    for (size_t i = 0; i < m; i++)
        if ((unsigned char)s[i] < 0x20 && s[i] != '\t')
            return; /* "&#10;" would add a line, "&#1;" a control: left masked */
    for (size_t i = off; i < off + n; i++)
        if (line_break(b->in[i]))
            return; /* no reference spans lines: the reader misplaced it */
    /* the mark logic and prose_end as for copied text, then the decoded bytes */
    size_t at = opening(s, m) ? off + n - m : off;
    dm_text(b, at, m);
    memcpy(b->out + at, s, m);
    b->prose_end = at + m;
}

void dm_block_end(dm_buf *b)
{
    size_t e = b->prose_end;
    if (!e || e >= b->len || b->out[e] != ' ' || line_break(b->in[e]))
        return;
    char c = b->out[e - 1];
    if (c == '.' || c == '!' || c == '?')
        return;
    if (e >= 3 && !memcmp(b->out + e - 3, "…", 3))
        return;
    b->mark = e;
}

/* ---- the public functions -------------------------------------------------------- */

const char *tl_format_str(tl_format f)
{
    switch (f) {
    case TL_FORMAT_MARKDOWN: return "markdown";
    case TL_FORMAT_HTML: return "html";
    default: return "text";
    }
}

int tl_format_parse(const char *name, tl_format *out)
{
    if (!strcmp(name, "text") || !strcmp(name, "txt"))
        *out = TL_FORMAT_TEXT;
    else if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        *out = TL_FORMAT_MARKDOWN;
    else if (!strcmp(name, "html") || !strcmp(name, "htm"))
        *out = TL_FORMAT_HTML;
    else
        return -1;
    return 0;
}

/* Whether `path` ends with `.ext`, ignoring ASCII case. */
static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    if (n < e + 1 || path[n - e - 1] != '.')
        return 0;
    for (size_t i = 0; i < e; i++)
        if ((path[n - e + i] | 32) != ext[i])
            return 0;
    return 1;
}

tl_format tl_format_of_path(const char *path)
{
    if (!path)
        return TL_FORMAT_TEXT;
    if (has_ext(path, "md") || has_ext(path, "markdown") || has_ext(path, "mdown") ||
        has_ext(path, "mkd"))
        return TL_FORMAT_MARKDOWN;
    if (has_ext(path, "html") || has_ext(path, "htm") || has_ext(path, "xhtml"))
        return TL_FORMAT_HTML;
    return TL_FORMAT_TEXT;
}

/* All spaces but line breaks, a BOM and the bytes that are not valid UTF-8. */
static void blank(dm_buf *b)
{
    const char *in = b->in;
    size_t i = 0;
    if (b->len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
        memcpy(b->out, in, 3);
        i = 3;
    }
    while (i < b->len) {
        unsigned char c = (unsigned char)in[i];
        if (c == '\n' || c == '\r' || c == 0) {
            b->out[i++] = (char)c;
            continue;
        }
        if (c < 0x80) {
            b->out[i++] = ' ';
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(in + i, b->len - i, &cp);
        if (!n) { /* kept: source_init reports it where it is */
            b->out[i] = in[i];
            i++;
            continue;
        }
        memset(b->out + i, ' ', n);
        i += n;
    }
}

tl_status tl_document_text(tl_format f, const char *text, size_t len, char **out)
{
    *out = NULL;
    dm_buf b = {text, tl_malloc(len ? len : 1), len, 0, SIZE_MAX, 0};
    if (!b.out)
        return TL_ERR_NOMEM;
    if (f == TL_FORMAT_TEXT) {
        memcpy(b.out, text, len);
        *out = b.out;
        return TL_OK;
    }
    blank(&b);
    if (f == TL_FORMAT_HTML)
        dm_html(&b);
    else
        dm_markdown(&b);
    if (b.oom) {
        tl_free(b.out);
        return TL_ERR_NOMEM;
    }
    *out = b.out;
    return TL_OK;
}

void tl_document_text_free(char *t) { tl_free(t); }
