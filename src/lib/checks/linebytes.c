/*
 * linebytes.c - the byte-level tests of the furniture check: they look at a line's
 * bytes where its tokens would hide what matters (a date's separators, code syntax,
 * an extension after a dot, «(cc)»). Every test is a plain scan of one line; those
 * that search for several strings use memchr to find the candidates, so the prose
 * lines of a large text cost little.
 */
#include "linebytes.h"

#include <string.h>

static bool lb_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether [p, p+len) holds `what` (lower-case ASCII), ASCII case ignored. memchr finds
 * the candidates: lines with ':' or ';' are common in prose, code lines are not. */
bool linebytes_has(const char *p, size_t len, const char *what)
{
    size_t n = strlen(what);
    char c0 = what[0], c1 = c0 >= 'a' && c0 <= 'z' ? (char)(c0 - 32) : c0;
    for (int pass = 0; pass < (c1 != c0 ? 2 : 1); pass++)
        for (const char *q = p;
             len >= n && (q = memchr(q, pass ? c1 : c0, len - n + 1 - (size_t)(q - p))); q++) {
            size_t k = 1;
            while (k < n) {
                unsigned char c = (unsigned char)q[k];
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)what[k])
                    break;
                k++;
            }
            if (k == n)
                return true;
        }
    return false;
}

/* A `data:image` URI or an <image>/<img> tag: an image the conversion left as code. */
bool linebytes_image_code(const char *p, size_t len)
{
    if (memchr(p, '<', len) &&
        (linebytes_has(p, len, "<image") || linebytes_has(p, len, "</image>") ||
         linebytes_has(p, len, "<img ")))
        return true;
    return memchr(p, ':', len) && linebytes_has(p, len, "data:image");
}

/* Only an image extension and punctuation («.jpg)», «png»): the end of a file name
 * whose beginning the conversion cut off. */
bool linebytes_extension_only(const char *p, size_t len)
{
    static const char *const ext[] = {"jpg", "jpeg", "png", "gif",  "webp", "avif",
                                      "bmp", "svg",  "tif", "tiff", NULL};
    size_t s = 0, e = len;
    while (s < e && !((p[s] | 32) >= 'a' && (p[s] | 32) <= 'z') && (unsigned char)p[s] < 0x80)
        s++;
    while (e > s && !((p[e - 1] | 32) >= 'a' && (p[e - 1] | 32) <= 'z') &&
           (unsigned char)p[e - 1] < 0x80)
        e--;
    if (s == 0 || e - s > 4) /* a dot, a bracket or a quote before it at least */
        return false;
    for (int k = 0; ext[k]; k++)
        if (strlen(ext[k]) == e - s && linebytes_has(p + s, e - s, ext[k]))
            return p[s - 1] == '.';
    return false;
}

/* CSS or JavaScript: a sign of code no sentence of a language has («function(»,
 * «document.», «@media», ...) with a brace, a final semicolon or another sign, a CSS
 * declaration block («p { margin: 0; }»), or a function body in braces. */
bool linebytes_code(const char *p, size_t len)
{
    static const char *const signs[] = {
        "function(", "function (", "=>",     "document.",  "window.",   "console.",
        "jquery(",   "$(",         "@media", "!important", "googletag", "datalayer",
        ".push(",    "});",        "===",    "px;",        NULL};
    int n = 0;
    for (int k = 0; signs[k] && n < 2; k++)
        n += linebytes_has(p, len, signs[k]);
    const char *open = memchr(p, '{', len);
    bool brace = open || memchr(p, '}', len);
    bool semi = len && p[len - 1] == ';';
    bool decl = false; /* «{ name: value; » */
    if (open) {
        const char *colon = memchr(open, ':', len - (size_t)(open - p));
        decl = colon && memchr(colon, ';', len - (size_t)(colon - p));
    }
    /* a function's body: «function f() { return x; }» */
    bool body = brace && (linebytes_has(p, len, "function") || linebytes_has(p, len, "return "));
    return (n && (n > 1 || brace || semi)) || decl || body;
}

/* A licence or copyright mark at the start: «©», «(c)», «(cc)» (also with the Cyrillic
 * look-alike «с», as the page store wrote them). */
bool linebytes_licence_mark(const char *p, size_t len)
{
    if (len >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA9)
        return true;
    if (!len || p[0] != '(')
        return false;
    size_t i = 1, letters = 0;
    while (i < len && letters < 3) {
        if (p[i] == 'c' || p[i] == 'C')
            i++;
        else if (i + 1 < len && (unsigned char)p[i] == 0xD1 && (unsigned char)p[i + 1] == 0x81)
            i += 2; /* с */
        else if (i + 1 < len && (unsigned char)p[i] == 0xD0 && (unsigned char)p[i + 1] == 0xA1)
            i += 2; /* С */
        else
            break;
        letters++;
    }
    return letters >= 1 && letters <= 2 && i < len && p[i] == ')' &&
           (i + 1 == len || p[i + 1] == ' ');
}

/* ASCII digits from p[i] on: their count, *v their value (saturated). */
size_t linebytes_digits(const char *p, size_t len, size_t i, unsigned *v)
{
    size_t n = 0;
    *v = 0;
    while (i + n < len && lb_digit(p[i + n])) {
        if (*v < 100000)
            *v = *v * 10 + (unsigned)(p[i + n] - '0');
        n++;
    }
    return n;
}

/* The time hh:mm or hh:mm:ss at p[i]: where it ends, or 0. */
static size_t time_at(const char *p, size_t len, size_t i)
{
    unsigned h, m;
    size_t n = linebytes_digits(p, len, i, &h), j = i + n;
    if (n < 1 || n > 2 || h > 23 || j >= len || p[j] != ':')
        return 0;
    for (int part = 0; part < 2; part++) {
        size_t k = j < len && p[j] == ':' ? linebytes_digits(p, len, j + 1, &m) : 0;
        if (k != 2 || m > 59)
            return part ? j : 0;
        j += 1 + k;
    }
    return j < len && (lb_digit(p[j]) || p[j] == ':') ? 0 : j;
}

/* The date at p[i] (yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, dd.mm.yyyy, dd/mm/yyyy,
 * dd-mm-yyyy, dd.mm.yy): where it ends, or 0. Not a date: a third separator and digit
 * after it (a version, a document number). */
static size_t date_at(const char *p, size_t len, size_t i)
{
    unsigned a, b, c;
    size_t na = linebytes_digits(p, len, i, &a), j = i + na;
    if (j + 1 >= len || (p[j] != '.' && p[j] != '/' && p[j] != '-'))
        return 0;
    char sep = p[j];
    size_t nb = linebytes_digits(p, len, j + 1, &b), k = j + 1 + nb;
    if (nb < 1 || nb > 2 || b < 1 || b > 12 || k + 1 >= len || p[k] != sep)
        return 0;
    size_t nc = linebytes_digits(p, len, k + 1, &c), e = k + 1 + nc;
    if (!nc ||
        (e < len && (lb_digit(p[e]) || (strchr("./-", p[e]) && e + 1 < len && lb_digit(p[e + 1])))))
        return 0;
    if (na == 4)
        return a >= 1900 && a <= 2100 && nc <= 2 && c >= 1 && c <= 31 ? e : 0;
    if (na > 2 || a < 1 || a > 31)
        return 0;
    if (nc == 4)
        return c >= 1900 && c <= 2100 ? e : 0;
    return nc == 2 && na == 2 && nb == 2 && sep != '-' ? e : 0;
}

size_t linebytes_dates(const char *p, size_t len, lb_span *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < LB_MAX_SPANS; i++) {
        if (!lb_digit(p[i]) || (i && lb_digit(p[i - 1])) ||
            (i >= 2 && strchr("./-:", p[i - 1]) && lb_digit(p[i - 2])))
            continue;
        lb_span sp = {i, 0, false, false};
        size_t e = date_at(p, len, i);
        if (e) {
            sp.date = true;
            size_t t = e + 1 < len && (p[e] == 'T' || p[e] == ' ') ? time_at(p, len, e + 1) : 0;
            if (t) {
                sp.time = true;
                e = t;
            }
        } else if ((e = time_at(p, len, i)) != 0) {
            sp.time = true;
        }
        if (!e)
            continue;
        sp.e = e;
        out[n++] = sp;
        i = e - 1;
    }
    return n;
}

/* Whether [p, p+len) holds both an ASCII letter and a digit («m3345», «z63072_bf4»:
 * ICU makes some of them number tokens). */
bool linebytes_mixed_alnum(const char *p, size_t len)
{
    bool letter = false, digit = false;
    for (size_t k = 0; k < len; k++) {
        letter |= (p[k] | 32) >= 'a' && (p[k] | 32) <= 'z';
        digit |= lb_digit(p[k]);
    }
    return letter && digit;
}
