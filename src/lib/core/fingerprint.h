/*
 * fingerprint.h - a finding's fingerprint (fingerprint.c): what names it in a baseline
 * and in SARIF's partialFingerprints, by its content rather than its position.
 */
#ifndef TL_FINGERPRINT_H
#define TL_FINGERPRINT_H

#include <stddef.h>

#define FP_WORDS 3   /* words taken on each side of the span */
#define FP_REACH 256 /* bytes looked at on each side, at most */

/* The fingerprint of the finding of rule `rule_id` over text[off, off + n) of a text of
 * `len` bytes, as 16 lower-case hex digits and a NUL into out (docs/baseline.md). */
void fingerprint_of(const char *text, size_t len, size_t off, size_t n, const char *rule_id,
                    char out[17]);

#endif
