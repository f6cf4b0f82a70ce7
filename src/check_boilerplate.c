/* check_boilerplate.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_boilerplate_chunk(tl_doc *d) { (void)d; return 0; }
int check_boilerplate_finish(tl_doc *d) { (void)d; return 0; }
void check_boilerplate_release(tl_doc *d) { (void)d; }
void check_boilerplate_ctx_release(tl_ctx *c) { (void)c; }
