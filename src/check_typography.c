/* check_typography.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_typography_chunk(tl_doc *d) { (void)d; return 0; }
int check_typography_finish(tl_doc *d) { (void)d; return 0; }
void check_typography_release(tl_doc *d) { (void)d; }
