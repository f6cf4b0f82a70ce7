/* check_names.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_names_chunk(tl_doc *d) { (void)d; return 0; }
int check_names_finish(tl_doc *d) { (void)d; return 0; }
void check_names_release(tl_doc *d) { (void)d; }
