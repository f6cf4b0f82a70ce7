/*
 * escape.c - text from inputs made safe to print on a terminal or in a CI log.
 *
 * A text, a file name or a glossary message may hold bytes a terminal obeys: ESC
 * sequences (\e[2J clears the screen, \e]0;...\a sets the window title), C1 controls
 * (U+009B is a one-byte CSI), bidirectional controls that reorder what is shown
 * (U+202E), or a newline that starts a line of its own («x<LF>fake.txt:1:1: error: ...»
 * forges a finding). Text output shows them the way less does: C0 controls and DEL in
 * caret notation (^[, ^G, ^?), C1, bidi and other invisible format controls as <U+202E>;
 * invalid UTF-8 as U+FFFD. File names are printed as they are when they hold none of
 * these, else quoted the way git quotes them ("x\nfake.txt", control characters and
 * bytes that are not UTF-8 as C escapes, \ooo), so that the name can be recovered.
 *
 * What is shown is counted in columns (esc_text's return value), so the caret line
 * under an excerpt stays aligned.
 */
#include "escape.h"

#include <string.h>

size_t esc_decode(const unsigned char *s, size_t i, size_t n, unsigned *cp)
{
    unsigned c = s[i];
    size_t len = c < 0x80                 ? 1
                 : c >= 0xC2 && c <= 0xDF ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (!len || i + len > n)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] > 0x9F) ||
        (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] > 0x8F))
        return 0;
    unsigned v = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; k++)
        v = v << 6 | (s[i + k] & 0x3F);
    *cp = v;
    return len;
}

int esc_hidden(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0x9F) ||     /* C1 controls */
           cp == 0x61C ||                    /* Arabic letter mark */
           cp == 0x200E || cp == 0x200F ||   /* left-to-right, right-to-left marks */
           (cp >= 0x202A && cp <= 0x202E) || /* embeddings and overrides */
           (cp >= 0x2066 && cp <= 0x2069) || /* isolates */
           (cp >= 0xFFF9 && cp <= 0xFFFB) || /* interlinear annotation */
           (cp >= 0xE0000 && cp <= 0xE007F); /* tags */
}

size_t esc_text(FILE *out, const char *s, size_t n, int tab_nul_space)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t width = 0;
    char hidden[16];
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = esc_decode(u, i, n, &cp);
        const char *show = s + i; /* what is printed: show[0, k) */
        size_t k = len;
        if (!len) {
            show = "\xEF\xBF\xBD"; /* U+FFFD */
            k = 3;
            len = 1;
        } else if (tab_nul_space && (cp == '\t' || cp == 0)) {
            show = " ";
        } else if (cp < 0x20 || cp == 0x7F) {
            hidden[0] = '^';
            hidden[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
            show = hidden;
            k = 2;
        } else if (esc_hidden(cp)) {
            k = (size_t)snprintf(hidden, sizeof hidden, "<U+%04X>", cp);
            show = hidden;
        }
        /* one column a code point shown; an escape is as wide as its characters */
        width += show == hidden ? k : 1;
        if (out)
            fwrite(show, 1, k, out);
        i += len;
    }
    return width;
}

void esc_str(FILE *out, const char *s) { esc_text(out, s, strlen(s), 0); }

/* Whether path p must be quoted: control characters, bytes that are not UTF-8, hidden
 * controls, or the quote and backslash quoting itself uses. */
static int needs_quotes(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = esc_decode(p, i, n, &cp);
        if (!len || cp < 0x20 || cp == 0x7F || cp == '"' || cp == '\\' || esc_hidden(cp))
            return 1;
        i += len;
    }
    return 0;
}

void esc_path(FILE *out, const char *path)
{
    const unsigned char *p = (const unsigned char *)path;
    size_t n = strlen(path);
    if (!needs_quotes(p, n)) {
        fputs(path, out);
        return;
    }
    static const char named[] = "\a\b\t\n\v\f\r", letter[] = "abtnvfr";
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = esc_decode(p, i, n, &cp);
        const char *nm = len == 1 && cp ? strchr(named, (int)cp) : NULL;
        if (nm) {
            fputc('\\', out);
            fputc(letter[nm - named], out);
        } else if (len == 1 && (cp == '"' || cp == '\\')) {
            fputc('\\', out);
            fputc((int)cp, out);
        } else if (!len || cp < 0x20 || cp == 0x7F || esc_hidden(cp)) {
            size_t k = len ? len : 1; /* each byte of it, as git does */
            for (size_t j = 0; j < k; j++)
                fprintf(out, "\\%03o", p[i + j]);
            i += k;
            continue;
        } else {
            fwrite(path + i, 1, len, out);
        }
        i += len;
    }
    fputc('"', out);
}
