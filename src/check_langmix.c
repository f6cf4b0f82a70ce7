/* check_langmix.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_langmix_chunk(tl_doc *d) { (void)d; return 0; }
int check_langmix_finish(tl_doc *d) { (void)d; return 0; }
void check_langmix_release(tl_doc *d) { (void)d; }
