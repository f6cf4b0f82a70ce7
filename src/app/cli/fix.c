/*
 * fix.c - termlint fix (placeholder).
 */
#include "cli.h"

int cli_fix(int argc, char **argv, const char *argv0)
{
    (void)argc;
    (void)argv;
    (void)argv0;
    return 2;
}
