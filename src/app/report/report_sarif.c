/*
 * report_sarif.c - `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it
 * (docs/ci.md shows the upload; tests/sarif/ validates the output against the OASIS
 * schema). One run:
 *
 *   tool.driver     name, version, every rule: id, short and full description, default
 *                   level, help text and a help URI into docs/rules.md (TL_DOCS_URL)
 *   columnKind      unicodeCodePoints: termlint's columns count code points
 *   results         per finding: ruleId/ruleIndex, level (info -> note), message, one
 *                   physical location (1-based lines and columns, endColumn exclusive,
 *                   byteOffset/byteLength, the text as snippet), partialFingerprints
 *                   (the baseline fingerprint), fixes (the first suggestion replacing
 *                   the span) and properties (concept, also, suggestions); with a
 *                   baseline, baselineState "new"
 *   invocations     executionSuccessful, files that could not be read or checked
 *                   (toolExecutionNotifications) and setup warnings such as glossaries
 *                   claiming one form (toolConfigurationNotifications)
 *
 * Results are written one at a time like the JSON format's findings; nothing depends
 * on time or threads, so the bytes are the same for the same inputs.
 */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#ifndef TL_DOCS_URL
#define TL_DOCS_URL "file:///usr/local/share/doc/termlint/rules.md"
#endif

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

typedef struct {
    size_t results; /* written so far: a comma before every one but the first */
    json_t *failed; /* toolExecutionNotifications: files not read or checked */
} sarif_state;

/* Writes `v` compact and drops it; `fallback` when it cannot be written. */
static void put(FILE *out, json_t *v, const char *fallback)
{
    char *s = v ? json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) : NULL;
    fputs(s ? s : fallback, out);
    free(s);
    json_decref(v);
}

/* `path` as a URI reference: relative paths without "./", absolute ones as file://,
 * every byte outside RFC 3986's unreserved set and '/' percent-encoded (so names in
 * Cyrillic letters travel as their UTF-8 bytes). */
static json_t *uri_of(const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t n = strlen(path);
    char *u = malloc(3 * n + 8);
    if (!u)
        return NULL;
    size_t k = 0;
    if (path[0] == '/') {
        memcpy(u, "file://", 7);
        k = 7;
    }
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~/", *p);
        if (plain)
            u[k++] = (char)*p;
        else
            k += (size_t)snprintf(u + k, 4, "%%%02X", *p);
    }
    u[k] = '\0';
    json_t *s = json_string(u);
    free(u);
    return s;
}

static json_t *artifact(const char *path)
{
    json_t *a = json_pack("{s:o}", "uri", uri_of(path));
    if (path[0] != '/')
        json_object_set_new(a, "uriBaseId", json_string("%SRCROOT%"));
    return a;
}

static const char *level_of(tl_severity s)
{
    return s == TL_SEV_ERROR ? "error" : s == TL_SEV_WARNING ? "warning" : "note";
}

static json_t *text(const char *s) { return json_pack("{s:s}", "text", s ? s : ""); }

static json_t *rule_json(const tl_rule_info *r)
{
    char uri[512], help[1024];
    snprintf(uri, sizeof uri, "%s#%s", TL_DOCS_URL, r->id);
    snprintf(help, sizeof help, "%s Rule %s (default %s) is documented in docs/rules.md.",
             r->description, r->id, tl_severity_str(r->severity));
    return json_pack("{s:s,s:o,s:o,s:{s:s},s:o,s:s,s:{s:[s],s:s}}", "id", r->id, "shortDescription",
                     text(r->summary), "fullDescription", text(r->description),
                     "defaultConfiguration", "level", level_of(r->severity), "help", text(help),
                     "helpUri", uri, "properties", "tags", r->family, "family", r->family);
}

static void begin(reporter *rp)
{
    sarif_state *st = rp->state;
    st->failed = json_array();
    json_t *rules = json_array();
    for (size_t i = 0; i < tl_rule_count(); i++)
        json_array_append_new(rules, rule_json(tl_rule_info_get((tl_rule)i)));
    json_t *driver =
        json_pack("{s:s,s:s,s:s,s:s,s:o}", "name", "termlint", "version", tl_version(),
                  "semanticVersion", tl_version(), "informationUri", TL_DOCS_URL, "rules", rules);
    fprintf(rp->out, "{\"$schema\":\"%s\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":",
            SARIF_SCHEMA);
    put(rp->out, driver, "{}");
    fputs("},\"columnKind\":\"unicodeCodePoints\",\"results\":[", rp->out);
}

static json_t *region(const tl_finding *x)
{
    json_t *r = json_pack("{s:i,s:i,s:i,s:i,s:I,s:I}", "startLine", (json_int_t)x->line,
                          "startColumn", (json_int_t)x->col, "endLine", (json_int_t)x->end_line,
                          "endColumn", (json_int_t)x->end_col, "byteOffset", (json_int_t)x->offset,
                          "byteLength", (json_int_t)x->length);
    json_t *t = json_stringn(x->text, (size_t)x->length); /* NULL: not UTF-8 */
    if (t)
        json_object_set_new(r, "snippet", json_pack("{s:o}", "text", t));
    return r;
}

static json_t *fix(const report_file *f, const tl_finding *x)
{
    const char *desc = "Replace the span with termlint's suggestion";
    json_t *deleted = json_pack("{s:i,s:i,s:i,s:i}", "startLine", (json_int_t)x->line,
                                "startColumn", (json_int_t)x->col, "endLine",
                                (json_int_t)x->end_line, "endColumn", (json_int_t)x->end_col);
    return json_pack("[{s:o,s:[{s:o,s:[{s:o,s:o}]}]}]", "description", text(desc),
                     "artifactChanges", "artifactLocation", artifact(f->path), "replacements",
                     "deletedRegion", deleted, "insertedContent", text(x->suggestions[0]));
}

static json_t *properties(const tl_finding *x)
{
    json_t *p = json_object();
    json_t *sugg = json_array(), *also = json_array();
    for (size_t i = 0; i < x->nsuggestions; i++)
        json_array_append_new(sugg, json_string(x->suggestions[i]));
    for (size_t i = 0; i < x->nalso; i++)
        json_array_append_new(also, json_string(tl_rule_id(x->also[i])));
    json_object_set_new(p, "suggestions", sugg);
    json_object_set_new(p, "also", also);
    if (x->concept)
        json_object_set_new(p, "concept",
                            json_pack("{s:s,s:o}", "id", x->concept, "canonical",
                                      x->canonical ? json_string(x->canonical) : json_null()));
    return p;
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)i;
    sarif_state *st = rp->state;
    json_t *r = json_pack("{s:s,s:i,s:s,s:o,s:[{s:{s:o,s:o}}],s:{s:s}}", "ruleId",
                          tl_rule_id(x->rule), "ruleIndex", (json_int_t)x->rule, "level",
                          level_of(x->severity), "message", text(x->message), "locations",
                          "physicalLocation", "artifactLocation", artifact(f->path), "region",
                          region(x), "partialFingerprints", "termlint/v1", x->fingerprint);
    if (x->nsuggestions)
        json_object_set_new(r, "fixes", fix(f, x));
    if (rp->baseline)
        json_object_set_new(r, "baselineState", json_string("new"));
    json_object_set_new(r, "properties", properties(x));
    if (st->results++)
        fputc(',', rp->out);
    put(rp->out, r, "{}");
}

static void file(reporter *rp, const report_file *f)
{
    sarif_state *st = rp->state;
    if (!f->error)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s: %s", f->path, f->error);
    json_array_append_new(st->failed,
                          json_pack("{s:s,s:o,s:[{s:{s:o}}]}", "level", "error", "message",
                                    text(msg), "locations", "physicalLocation", "artifactLocation",
                                    artifact(f->path)));
}

/* Setup warnings as SARIF notifications. */
static json_t *notifications(const tl_diags *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *x = tl_diags_at(d, i);
        json_t *n =
            json_pack("{s:s,s:o}", "level", level_of(x->severity), "message", text(x->message));
        if (*x->file) {
            json_t *loc = json_pack("{s:o}", "artifactLocation", artifact(x->file));
            if (x->line)
                json_object_set_new(loc, "region",
                                    json_pack("{s:i,s:i}", "startLine", (json_int_t)x->line,
                                              "startColumn", (json_int_t)(x->col ? x->col : 1)));
            json_object_set_new(n, "locations", json_pack("[{s:o}]", "physicalLocation", loc));
        }
        json_array_append_new(a, n);
    }
    return a;
}

static void end(reporter *rp, const report_summary *s)
{
    sarif_state *st = rp->state;
    json_t *inv = json_pack("{s:b}", "executionSuccessful", s->input_errors == 0);
    if (json_array_size(st->failed))
        json_object_set(inv, "toolExecutionNotifications", st->failed);
    if (tl_diags_count(rp->notes))
        json_object_set_new(inv, "toolConfigurationNotifications", notifications(rp->notes));
    fputs("],\"invocations\":[", rp->out);
    put(rp->out, inv, "{\"executionSuccessful\":false}");
    fputs("]}]}\n", rp->out);
    json_decref(st->failed);
    st->failed = NULL;
}

const report_format report_sarif = {"sarif", sizeof(sarif_state), begin, file, finding, NULL, end};
