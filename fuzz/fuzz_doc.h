/*
 * fuzz_doc.h - what fuzz_markdown.c and fuzz_html.c check of a masked text
 * (tl_document_text): header-only, since each target is one file with replay.c.
 */
#ifndef TL_FUZZ_DOC_H
#define TL_FUZZ_DOC_H

#include "base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int fuzz_valid_utf8(const char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

/* Whether an entity reference ("&" within 32 bytes before) may have written byte i. */
static int entity_near(const char *in, size_t i)
{
    for (size_t k = 0; k <= i && k < 32; k++)
        if (in[i - k] == '&')
            return 1;
    return 0;
}

static void fuzz_document(tl_format f, const char *in, size_t n)
{
    char *out = NULL;
    if (tl_document_text(f, in, n, &out) != TL_OK)
        return; /* out of memory only */
    for (size_t i = 0; i < n; i++) {
        int brk_in = in[i] == '\n' || in[i] == '\r', brk_out = out[i] == '\n' || out[i] == '\r';
        if (brk_in != brk_out || (brk_in && in[i] != out[i]))
            abort(); /* line breaks stay, and no others appear */
        if (out[i] != in[i] && out[i] != ' ' && out[i] != '.' && out[i] != '?' &&
            !entity_near(in, i))
            abort(); /* neither the input, nor padding, a mark or a decoded entity */
    }
    if (fuzz_valid_utf8(in, n) && !fuzz_valid_utf8(out, n))
        abort();
    tl_document_text_free(out);
}

#endif
