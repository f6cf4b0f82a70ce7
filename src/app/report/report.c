/*
 * report.c - the table of output formats (report.h): one row per format.
 */
#include "report.h"

#include <string.h>

static const report_format *const formats[] = {&report_text,  &report_json,  &report_jsonl,
                                               &report_sarif, &report_junit, &report_github,
                                               &report_html};

#define NFORMATS (sizeof formats / sizeof formats[0])

size_t report_list(const char **names, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < NFORMATS && n + 1 < cap; i++)
        names[n++] = formats[i]->name;
    names[n] = NULL;
    return n;
}

const report_format *report_find(const char *name)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcmp(formats[i]->name, name) == 0)
            return formats[i];
    return NULL;
}

void report_names(char *buf, size_t cap, const char *sep, const char *last)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < NFORMATS && n < cap; i++) {
        const char *s = i == 0 ? "" : i + 1 == NFORMATS ? last : sep;
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", s, formats[i]->name);
    }
}
