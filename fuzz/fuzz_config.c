/*
 * fuzz_config.c - fuzz target for the configuration loader: the input is the bytes of a
 * .termlint.yaml, read from memory (tl_config_load_mem; a configuration includes
 * nothing, and paths it names are only tested for existence). Every diagnostic must
 * have a file and a message; a configuration that loads must hold what the loader
 * promises: NULL-terminated lists, rule entries whose selector selects a rule and
 * whose options are "RULE:OPTION=VALUE" of a known option, overrides with files.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`, and linked with replay.c into
 * build/fuzz-replay-config, which `make check` runs over fuzz/corpus/config.
 */
#include "termlint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* replay.c: the input has no selector byte */
const unsigned fuzz_selectors = 0;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Walks a NULL-terminated list of strings (the sanitizers catch a list or a string
 * that does not end); `must_be_full`: no empty strings (paths and globs). */
static size_t check_list(const char *const *v, int must_be_full)
{
    size_t total = 0;
    for (size_t i = 0; v && v[i]; i++) {
        size_t n = strlen(v[i]);
        if (must_be_full && !n)
            abort();
        total += n;
    }
    return total;
}

/* An option spec is RULE:OPTION=VALUE naming a known option of a known rule. */
static void check_option(const char *spec)
{
    const char *colon = strchr(spec, ':'), *eq = colon ? strchr(colon, '=') : NULL;
    if (!eq)
        abort();
    for (size_t i = 0; i < tl_rule_option_count(); i++) {
        const tl_rule_option *o = tl_rule_option_at(i);
        const char *id = tl_rule_id(o->rule);
        if (strlen(id) == (size_t)(colon - spec) && !strncmp(id, spec, strlen(id)) &&
            strlen(o->name) == (size_t)(eq - colon - 1) && !strncmp(o->name, colon + 1, strlen(o->name)))
            return;
    }
    abort();
}

static void check_rules(const tl_config_rule *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int selects = 0;
        for (size_t k = 0; k < tl_rule_count(); k++)
            selects |= tl_rule_selects(r[i].rule, (tl_rule)k);
        if (!selects || !r[i].line)
            abort();
        if (r[i].has_severity && (unsigned)r[i].severity > TL_SEV_ERROR)
            abort();
        for (const char *const *o = r[i].options; o && *o; o++)
            check_option(*o);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {"text", "json", "sarif", NULL};
    tl_diags *d = tl_diags_new();
    if (!d)
        return 0;
    tl_config *c = NULL;
    tl_status st = tl_config_load_mem("fuzz.yaml", (const char *)data, size, formats, &c, d);
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *x = tl_diags_at(d, i);
        if (!x->message || !*x->message || strcmp(x->file, "fuzz.yaml"))
            abort(); /* every problem is said, and where */
    }
    if ((st == TL_OK) != (c != NULL) || (st == TL_OK && tl_diags_errors(d)))
        abort();
    if (c) {
        check_list(c->glossaries, 1);
        check_list(c->word_lists, 1);
        check_list(c->accept, 1);
        check_list(c->reject, 1);
        check_list(c->include, 1);
        check_list(c->exclude, 1);
        check_rules(c->rules, c->nrules);
        for (size_t i = 0; i < c->noverrides; i++) {
            if (!check_list(c->overrides[i].files, 1))
                abort(); /* an override without files is refused */
            check_rules(c->overrides[i].rules, c->overrides[i].nrules);
        }
        if (c->format && strcmp(c->format, "text") && strcmp(c->format, "json") &&
            strcmp(c->format, "sarif"))
            abort();
    }
    tl_config_free(c);
    tl_diags_free(d);
    return 0;
}
