/* rules.h - the rule table (rules.c). */
#ifndef TL_RULES_H
#define TL_RULES_H

#include "base.h"

size_t rules_count(void);
/* Row i (static), or NULL past the end. */
const tl_rule_info *rules_at(size_t i);
/* Index of rule `id`, or -1. */
int rules_find(const char *id);
/* Precedence class of row i: lower is more specific and wins on a shared span. */
int rules_prec(size_t i);

#endif
