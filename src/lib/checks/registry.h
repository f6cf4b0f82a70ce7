/* registry.h - the rule table (registry.c). */
#ifndef TL_REGISTRY_H
#define TL_REGISTRY_H

#include "base.h"

/* One rule: its public description and what only the library needs. */
typedef struct {
    tl_rule_info info;
    unsigned char prec; /* precedence class: lower is more specific and wins on a shared
                           span (result.c) */
} rule_row;

/* The row of rule `r` (static), or NULL when `r` is not a rule. */
const rule_row *rule_row_of(tl_rule r);
/* Precedence class of `r` (99 when `r` is not a rule). */
int rule_prec(tl_rule r);

#endif
