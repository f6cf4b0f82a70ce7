/*
 * report_github.c - `--format github`: GitHub Actions workflow commands, which the
 * runner turns into annotations on the pull request's files (docs/ci.md):
 *
 *   ::error file=PATH,line=L,col=C,endLine=L,endColumn=E,title=RULE::MESSAGE
 *
 * error and warning keep their names, info is ::notice. col and endColumn are given
 * only when the span is on one line (GitHub refuses columns across lines); endColumn is
 * exclusive, as in SARIF. Escaping is GitHub's (its toolkit's escapeData and
 * escapeProperty): in the message % CR LF become %25 %0D %0A; in properties also : and
 * , become %3A and %2C. The summary line is plain text, which the log shows as is.
 */
#include "report.h"

#include <string.h>

/* Writes `s` escaped as workflow-command data or, with `property`, a property. */
static void put_escaped(FILE *out, const char *s, int property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':':
            if (property) {
                fputs("%3A", out);
                break;
            }
            fputc(*s, out);
            break;
        case ',':
            if (property) {
                fputs("%2C", out);
                break;
            }
            fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)i;
    FILE *out = rp->out;
    const char *cmd = x->severity == TL_SEV_ERROR     ? "error"
                      : x->severity == TL_SEV_WARNING ? "warning"
                                                      : "notice";
    const char *path = f->path;
    while (path[0] == '.' && path[1] == '/')
        path += 2; /* GitHub matches paths relative to the repository */
    fprintf(out, "::%s file=", cmd);
    put_escaped(out, path, 1);
    fprintf(out, ",line=%u", x->line);
    if (x->end_line == x->line)
        fprintf(out, ",col=%u,endColumn=%u", x->col, x->end_col);
    fprintf(out, ",endLine=%u,title=", x->end_line);
    put_escaped(out, tl_rule_id(x->rule), 1);
    fputs("::", out);
    put_escaped(out, x->message, 0);
    for (size_t k = 0; k < x->nsuggestions; k++) {
        put_escaped(out, k ? ", «" : "\nsuggestion: «", 0);
        put_escaped(out, x->suggestions[k], 0);
        fputs("»", out);
    }
    fputc('\n', out);
}

static void end(reporter *rp, const report_summary *s)
{
    fprintf(rp->out, "termlint: %zu file%s checked: %zu error%s, %zu warning%s, %zu info%s\n",
            s->files, s->files == 1 ? "" : "s", s->errors, s->errors == 1 ? "" : "s", s->warnings,
            s->warnings == 1 ? "" : "s", s->infos, s->infos == 1 ? "" : "s");
}

const report_format report_github = {"github", 0, NULL, NULL, finding, NULL, end};
