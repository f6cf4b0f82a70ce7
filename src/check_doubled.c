/* check_doubled.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_doubled_chunk(tl_doc *d) { (void)d; return 0; }
int check_doubled_finish(tl_doc *d) { (void)d; return 0; }
void check_doubled_release(tl_doc *d) { (void)d; }
