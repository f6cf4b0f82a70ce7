/*
 * docinput.c - files read as documents: which format a file is (--input-format, else
 * its name), the text the library checks (the masked text of tl_document_text for
 * Markdown and HTML, made on the run's thread that reads the file) and the result
 * mapped back onto the file's bytes, which the reporters quote.
 */
#include "cli.h"

#include <stdlib.h>

tl_format cli_file_format(const cli_opts *o, const char *label)
{
    if (o->input_format > 0)
        return (tl_format)(o->input_format - 1);
    return tl_format_of_path(label);
}

int cli_file_view(cli_file *f, const char **text, size_t *len)
{
    *len = f->len;
    if (f->format == TL_FORMAT_TEXT) {
        *text = f->data;
        return 0;
    }
    if (!f->view && tl_document_text(f->format, f->data, f->len, &f->view) != TL_OK)
        return -1;
    *text = f->view;
    return 0;
}

void cli_file_view_drop(cli_file *f)
{
    tl_document_text_free(f->view);
    f->view = NULL;
}

int cli_file_result(const cli_file *f, tl_result *r)
{
    if (!r || !f->view || !f->data)
        return 0;
    return tl_result_document(r, f->data, f->view, f->len) == TL_OK ? 0 : -1;
}
