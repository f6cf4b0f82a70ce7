/* lang.h - language detection (lang.c). */
#ifndef TL_LANG_H
#define TL_LANG_H

#include "base.h"

/* Detects Russian or Ukrainian from the first 256 KiB of `text`. Always returns
 * TL_LANG_RU or TL_LANG_UK; *reason (allocated in `a`, may be NULL on OOM) explains. */
tl_lang lang_detect(const char *text, size_t len, tl_arena *a, const char **reason);

#endif
