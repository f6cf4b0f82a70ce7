/* check_doccode.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_doccode_chunk(tl_doc *d) { (void)d; return 0; }
int check_doccode_finish(tl_doc *d) { (void)d; return 0; }
void check_doccode_release(tl_doc *d) { (void)d; }
