/*
 * doc_html.c - the HTML reader (docmask_p.h): libxml2's HTML parser, driven through
 * its SAX interface, finds the text; this file finds each piece in the original bytes
 * and copies it into the masked text. The only file of the library besides
 * data/gloss_tbx.c that includes libxml2's headers; libxml2's types stay here.
 *
 * libxml2 hands text over decoded (entities replaced), not as pointers into the input,
 * so each piece is placed by where the parser stands when it hands it over (the bytes
 * consumed so far) and then verified: the piece must equal the original bytes that end
 * there (a CR LF of the file may be the parser's LF). A piece that does not match is
 * left masked: a text the reader is unsure of is not checked, and nothing is ever
 * reported at a wrong place. An entity comes as a piece of its own ending after its
 * ';': it is written as the character it stands for (dm_put).
 *
 *   text in <script> <style> <code> <pre> <kbd> <samp> <textarea> <template> <svg>
 *   <math> <noscript>                                   masked
 *   tags, attributes, doctype, processing
 *   instructions, CDATA                                 masked
 *   an alt attribute's text (an image's description)   checked, when the file writes
 *                                                       it as the parser read it
 *   comments                                            masked, except one holding a
 *                                                       termlint- suppression marker
 *   block elements (p, li, td, h1 ... br)               end a sentence (dm_block_end)
 *
 * The parser is told to ignore a <meta charset>: the file is read as UTF-8 whatever it
 * claims (as the text reader does), so the bytes it consumes are the file's.
 */
#define _GNU_SOURCE /* memmem */
#include "docmask_p.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <string.h>

typedef struct {
    dm_buf *b;
    htmlParserCtxtPtr ctxt;
    int skip; /* depth inside elements whose text is not prose */
} html_state;

static const char *const skipped[] = {"script",   "style",    "code",     "pre",   "kbd",
                                      "samp",     "var",      "textarea", "svg",   "math",
                                      "template", "noscript", "object",   "iframe"};
static const char *const blocks[] = {
    "p",       "div",     "li",         "td",      "th",      "tr",     "h1",         "h2",
    "h3",      "h4",      "h5",         "h6",      "br",      "hr",     "title",      "caption",
    "dt",      "dd",      "blockquote", "section", "article", "header", "footer",     "nav",
    "aside",   "main",    "ul",         "ol",      "table",   "option", "figcaption", "figure",
    "address", "summary", "details",    "label",   "button",  "legend", "body",       "img"};

static int in_list(const char *const *list, size_t n, const xmlChar *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], (const char *)name))
            return 1;
    return 0;
}

#define IN(list, name) in_list(list, sizeof list / sizeof *list, name)

/* Bytes of the input the parser has consumed: where it stands. */
static size_t consumed(const html_state *h)
{
    xmlParserInputPtr in = h->ctxt->input;
    if (!in || !in->cur || !in->base || in->cur < in->base)
        return SIZE_MAX;
    return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* Where the piece c[0, n) starts when it ends at byte `e` of the input, or SIZE_MAX when
 * the bytes there are not the piece. A LF of the piece may be a CR LF or a CR of the
 * file. */
static size_t match_back(const dm_buf *b, const char *c, size_t n, size_t e)
{
    if (e > b->len)
        return SIZE_MAX;
    size_t i = e;
    while (n > 0) {
        if (!i)
            return SIZE_MAX;
        char x = c[n - 1];
        if (x == '\n' && b->in[i - 1] == '\n' && i >= 2 && b->in[i - 2] == '\r')
            i -= 2;
        else if (x == '\n' && b->in[i - 1] == '\r')
            i--;
        else if (b->in[i - 1] == x)
            i--;
        else
            return SIZE_MAX;
        n--;
    }
    return i;
}

/* Length of the UTF-8 character at byte i (1 for a bad byte, 0 at the end). */
static size_t char_len(const dm_buf *b, size_t i)
{
    if (i >= b->len)
        return 0;
    uint32_t cp;
    size_t n = utf8_decode(b->in + i, b->len - i, &cp);
    return n ? n : 1;
}

/* Where the entity reference ending at byte e starts ("&...;" or "&..." of at most 32
 * bytes), or SIZE_MAX. */
static size_t entity_back(const dm_buf *b, size_t e)
{
    if (e > b->len)
        return SIZE_MAX;
    for (size_t i = e; i > 0 && e - i < 32; i--)
        if (b->in[i - 1] == '&')
            return e - (i - 1) >= 2 ? i - 1 : SIZE_MAX;
    return SIZE_MAX;
}

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == ':';
}

/* Whether r[0, n) is written as a character reference ("&name;", "&#123;", "&#x1F;", or
 * without the ';' as HTML allows some) that may stand for the piece c[0, m): when
 * dm_entity knows it, it must decode to the piece. */
static int entity_ref(const char *r, size_t n, const char *c, size_t m)
{
    if (n < 2 || r[0] != '&')
        return 0;
    size_t end = r[n - 1] == ';' ? n - 1 : n;
    for (size_t i = 1; i < end; i++)
        if (!name_char(r[i]) && r[i] != '#')
            return 0;
    char u[4];
    size_t k = dm_entity(r, n, u);
    return !k || (k == m && !memcmp(u, c, m));
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
    htmlParserCtxtPtr c = ctx;
    html_state *h = c->_private;
    size_t e = consumed(h), n = len > 0 ? (size_t)len : 0;
    if (h->skip || !n || e == SIZE_MAX || e > h->b->len)
        return; /* past the end: a file with bytes that are not UTF-8 is re-read converted */
    const char *p = (const char *)ch;
    /* the parser hands a long text over in pieces, standing on the next character
     * when the piece is full, else after it */
    size_t s = match_back(h->b, p, n, e);
    if (s == SIZE_MAX) {
        size_t k = char_len(h->b, e);
        if (k && (s = match_back(h->b, p, n, e + k)) != SIZE_MAX)
            e += k;
    }
    if (s != SIZE_MAX) {
        dm_text(h->b, s, e - s);
        return;
    }
    size_t a = entity_back(h->b, e);
    if (a != SIZE_MAX && n <= 4 && n <= e - a && entity_ref(h->b->in + a, e - a, p, n))
        dm_put(h->b, a, e - a, p, n);
}

static void cdata(void *ctx, const xmlChar *ch, int len)
{
    (void)ctx; /* script and style bodies: never prose */
    (void)ch;
    (void)len;
}

static int ascii_ieq(const char *p, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 32) != (lit[i] | 32))
            return 0;
    return 1;
}

/* The value of attribute `attr` in the start tag [s, e) of the input: sets [*vs, *ve)
 * and returns 1, or 0 when it is not there as written. */
static int attr_value(const dm_buf *b, size_t s, size_t e, const char *attr, size_t *vs, size_t *ve)
{
    const char *t = b->in;
    size_t n = strlen(attr);
    for (size_t i = s + 1; i + n < e; i++) {
        if (!ascii_ieq(t + i, attr, n) || name_char(t[i - 1]) || name_char(t[i + n]))
            continue;
        size_t j = i + n;
        while (j < e && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r'))
            j++;
        if (j >= e || t[j] != '=')
            continue;
        for (j++; j < e && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r');)
            j++;
        if (j >= e)
            return 0;
        char q = t[j] == '"' || t[j] == '\'' ? t[j] : 0;
        size_t k = q ? j + 1 : j;
        while (k < e && (q ? t[k] != q : t[k] != ' ' && t[k] != '>' && t[k] != '\t'))
            k++;
        *vs = q ? j + 1 : j;
        *ve = k;
        return k <= e;
    }
    return 0;
}

/* An element's alt text (an image's description) is prose: copied when the file
 * writes it as the parser read it (with an entity in it, it stays masked). */
static void alt_text(html_state *h, const xmlChar *name, const xmlChar **atts)
{
    const char *val = NULL;
    for (size_t k = 0; atts && atts[k]; k += 2)
        if (!strcmp((const char *)atts[k], "alt"))
            val = (const char *)atts[k + 1];
    size_t e = consumed(h), n = val ? strlen(val) : 0, nl = strlen((const char *)name);
    if (!n || e == SIZE_MAX || e > h->b->len)
        return;
    e = e + 2 < h->b->len ? e + 2 : h->b->len; /* the parser stands on its '>' or "/>" */
    size_t s = SIZE_MAX;
    for (size_t i = e; i > 0 && e - i < 65536; i--)
        if (h->b->in[i - 1] == '<' && i + nl <= e &&
            ascii_ieq(h->b->in + i, (const char *)name, nl)) {
            s = i - 1;
            break;
        }
    size_t vs, ve;
    if (s == SIZE_MAX || !attr_value(h->b, s, e, "alt", &vs, &ve) || ve - vs != n ||
        memcmp(h->b->in + vs, val, n))
        return;
    dm_block_end(h->b);
    dm_text(h->b, vs, n);
    dm_block_end(h->b);
}

static void start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr c = ctx;
    html_state *h = c->_private;
    if (IN(skipped, name))
        h->skip++;
    if (IN(blocks, name))
        dm_block_end(h->b);
    if (!h->skip && atts)
        alt_text(h, name, atts);
}

static void end_element(void *ctx, const xmlChar *name)
{
    htmlParserCtxtPtr c = ctx;
    html_state *h = c->_private;
    if (IN(skipped, name) && h->skip > 0)
        h->skip--;
    if (IN(blocks, name))
        dm_block_end(h->b);
}

static void comment(void *ctx, const xmlChar *value)
{
    htmlParserCtxtPtr c = ctx;
    html_state *h = c->_private;
    size_t e = consumed(h), n = strlen((const char *)value);
    if (e == SIZE_MAX || e > h->b->len || n > 4096 || !memmem(value, n, "termlint-", 9))
        return;
    /* a suppression marker: kept as written, "<!--" to "-->", for core/suppress.c */
    for (size_t i = e; i > 0 && e - i < n + 16; i--)
        if (i - 1 + 4 <= e && !memcmp(h->b->in + i - 1, "<!--", 4)) {
            if (e - (i - 1) >= 7 && !memcmp(h->b->in + e - 3, "-->", 3))
                memcpy(h->b->out + i - 1, h->b->in + i - 1, e - (i - 1));
            return;
        }
}

static void quiet(void *ctx, const xmlError *err)
{
    (void)ctx; /* the library never prints: markup errors are not the text's defects */
    (void)err;
}

/* libxml2's encoding layer reports through the thread's generic handler, which prints
 * to stderr ("encoding error : input conversion failed"): silenced for the parse. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void dm_html(dm_buf *b)
{
    if (b->len > INT_MAX || !b->len)
        return; /* libxml2 counts in int: such a file stays masked */
    xmlInitParser();
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(b->in, (int)b->len);
    if (!c) {
        b->oom = 1;
        return;
    }
    html_state h = {b, c, 0};
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC; /* so that serror, not stderr, gets the errors */
    sax.serror = (xmlStructuredErrorFunc)quiet;
    sax.startElement = start_element;
    sax.endElement = end_element;
    sax.characters = characters;
    sax.ignorableWhitespace = characters;
    sax.cdataBlock = cdata;
    sax.comment = comment;
    memcpy(c->sax, &sax, sizeof sax);
    c->_private = &h;
    c->userData = c;
    htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
                              HTML_PARSE_NOIMPLIED);
    xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
    /* the thread's handlers (libxml2 keeps them per thread), restored after the parse */
    xmlGenericErrorFunc old = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet_generic);
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)quiet);
    htmlParseDocument(c);
    xmlSetGenericErrorFunc(old_ctx, old);
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    if (c->myDoc)
        xmlFreeDoc(c->myDoc);
    htmlFreeParserCtxt(c);
}
