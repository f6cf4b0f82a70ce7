/*
 * config.c - tl_config_load(): the configuration file's reader (data/config_file.c)
 * given what it cannot know from below, the rules: which selectors select rules, the
 * closest one to a typo, the options a rule takes and their values (checks/registry.c).
 */
#include "config_file.h"
#include "registry.h"

#include <string.h>

static int selects(const char *sel)
{
    for (size_t r = 0; r < TL_RULE_COUNT; r++)
        if (tl_rule_selects(sel, (tl_rule)r))
            return 1;
    return 0;
}

static int options(const char *id, const char **names, size_t cap)
{
    tl_rule r;
    if (tl_rule_from_id(id, &r))
        return -1;
    rule_option_names(r, names, cap);
    return 0;
}

static const tl_rule_option *option(const char *id, const char *name)
{
    tl_rule r;
    return tl_rule_from_id(id, &r) ? NULL : rule_option_find(r, name);
}

static const char *const *values(const char *id, const char *name)
{
    const tl_rule_option *o = option(id, name);
    return o ? o->values : NULL;
}

static const char *invalid(const char *id, const char *name, const char *value)
{
    const tl_rule_option *o = option(id, name);
    return o ? rule_option_invalid(o, value) : "does not exist";
}

static tl_status load(const char *path, const char *data, size_t len, const char *const *formats,
                      tl_config **out, tl_diags *diags)
{
    config_vocab v = {selects, tl_rule_suggest, options, values, invalid, formats};
    return config_read(path, data, len, &v, out, diags);
}

tl_status tl_config_load(const char *path, const char *const *formats, tl_config **out,
                         tl_diags *diags)
{
    return load(path, NULL, 0, formats, out, diags);
}

tl_status tl_config_load_mem(const char *name, const char *data, size_t len,
                             const char *const *formats, tl_config **out, tl_diags *diags)
{
    return load(name, data ? data : "", len, formats, out, diags);
}

void tl_config_free(tl_config *c) { config_free(c); }
