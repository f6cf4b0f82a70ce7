/* test_yaml_reader.c - the YAML reader with a schema of its own (as a configuration
 * file will have): typed values, unknown keys with a "did you mean", positions, the
 * top level's shape, and the refusal of anchors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "yaml_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *format;
    bool color;
    const char **disable;
    size_t ndisable, cap;
} config;

static const char *const keys[] = {"format", "color", "disable", NULL};

static int config_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    config *c = ctx;
    if (key == 0)
        return yr_str(y, "'format'", &c->format);
    if (key == 1)
        return yr_bool(y, "'color'", &c->color);
    return yr_str_or_list(y, "disable", &c->disable, &c->ndisable, &c->cap);
}

static const yr_schema schema = {"configuration", "format:, color:, ...", keys, config_key,
                                 TL_ERR_USAGE};

/* Reads `text` as a file with the schema above; returns the session's errors. */
static size_t read_config(const char *text, config *c, tl_diags *d, tl_status *top)
{
    char path[] = "/tmp/test_yaml_reader_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    tl_arena mem;
    tl_arena_init(&mem);
    tl_map loaded;
    tl_map_init(&loaded);
    memset(c, 0, sizeof *c);
    yr_session s;
    yr_session_init(&s, &schema, c, &mem, &loaded, d);
    assert_int_equal(yr_load(&s, path), 0);
    *top = s.top;
    size_t errors = s.errors;
    yr_session_release(&s);
    unlink(path);
    tl_map_release(&loaded);
    if (c->format) /* keep what the test looks at past the arena */
        c->format = strcmp(c->format, "json") == 0 ? "json" : "other";
    c->ndisable = c->disable ? c->ndisable : 0;
    tl_arena_release(&mem);
    return errors;
}

static void test_values(void **st)
{
    (void)st;
    config c;
    tl_status top;
    tl_diags *d = tl_diags_new();
    assert_int_equal(read_config("format: json\ncolor: yes\ndisable: [a, b]\n", &c, d, &top), 0);
    assert_int_equal(top, TL_OK);
    assert_string_equal(c.format, "json");
    assert_true(c.color);
    assert_int_equal(c.ndisable, 2);
    tl_diags_free(d);
}

static void test_errors(void **st)
{
    (void)st;
    config c;
    tl_status top;
    tl_diags *d = tl_diags_new();
    assert_int_equal(read_config("formt: json\ncolor: maybe\n", &c, d, &top), 2);
    assert_int_equal(top, TL_OK);
    const tl_diag *g = tl_diags_at(d, 0);
    assert_int_equal(g->line, 1);
    assert_int_equal(g->col, 1);
    assert_non_null(strstr(g->message, "did you mean 'format'"));
    g = tl_diags_at(d, 1);
    assert_int_equal(g->line, 2);
    assert_non_null(strstr(g->message, "'color' must be true or false"));
    tl_diags_clear(d);
    assert_int_equal(read_config("- a\n- b\n", &c, d, &top), 1);
    assert_non_null(strstr(tl_diags_at(d, 0)->message, "the top level must be a mapping "
                                                       "(format:, color:, ...)"));
    tl_diags_clear(d);
    read_config("format: &x json\n", &c, d, &top);
    assert_int_equal(top, TL_ERR_USAGE); /* the schema's status for a file it cannot use */
    assert_non_null(strstr(tl_diags_at(d, 0)->message, "anchors and aliases"));
    tl_diags_free(d);
    assert_string_equal(yr_suggest("colr", keys), "color");
    assert_null(yr_suggest("zzzzzz", keys));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
