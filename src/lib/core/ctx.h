/* ctx.h - the context's shared, read-only part (ctx.c). */
#ifndef TL_CTX_H
#define TL_CTX_H

#include "checks.h"
#include "gloss.h"

struct tl_match_index;

struct tl_shared {
    tl_lang lang;
    long suggest_limit;
    int consistency_run;
    int defer_suggestions;
    char *dict_dir;
    char *data_dir;
    gloss *g;                   /* glossaries and rule data, merged */
    tl_map accept[3];           /* per tl_lang: norm keys of words spelled right */
    tl_severity severity[TL_RULE_COUNT];
    struct tl_match_index *mi;  /* term matcher (match.c); NULL without glossary */
    void *family[CK_COUNT];     /* read-only data a check family prepared */
};

#endif
