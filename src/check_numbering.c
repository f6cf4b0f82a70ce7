/* check_numbering.c - placeholder while the rules are being written; does nothing yet. */
#include "checks.h"

int check_numbering_chunk(tl_doc *d) { (void)d; return 0; }
int check_numbering_finish(tl_doc *d) { (void)d; return 0; }
void check_numbering_release(tl_doc *d) { (void)d; }
