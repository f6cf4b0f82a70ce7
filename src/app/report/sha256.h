/*
 * sha256.h - SHA-256 (FIPS 180-4) of a byte string, as base64: what a Content-Security-
 * Policy's 'sha256-...' source names (report_html.c allows exactly its own inline style
 * and script that way, so nothing injected into the page could run).
 */
#ifndef TL_SHA256_H
#define TL_SHA256_H

#include <stddef.h>

/* The base64 of the SHA-256 of `len` bytes at `data` into out (45 bytes: 44 characters
 * and a NUL). */
void sha256_base64(const void *data, size_t len, char out[45]);

#endif
