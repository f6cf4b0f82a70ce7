/*
 * init.c - `termlint init [FILE]`: writes a commented starter configuration
 * (.termlint.yaml by default) that loads as it is and shows every key, most of them
 * commented out with their default. It never overwrites a file: the file is created
 * with O_EXCL, so an existing one (or one created meanwhile) is left alone.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static const char starter_head[] =
    "# termlint's settings for this project: docs/configuration.md describes every key.\n"
    "# termlint check finds this file in the current folder or the nearest parent (up to\n"
    "# the repository's root). Paths and globs are relative to this file's folder; what\n"
    "# the command line sets overrides what is set here.\n"
    "\n"
    "# Glossaries (docs/glossary-format.md); \"default\" is the shipped glossary of\n"
    "# Vietnamese party and state terminology.\n"
    "glossaries:\n"
    "  - default\n"
    "\n"
    "# Files of words accepted as correct, one per line.\n"
    "# words: [words.txt]\n"
    "\n"
    "# Words and names spelled right in both languages, and words that are always wrong.\n"
    "# accept: [Нгуен, Тхань]\n"
    "# reject: [исполком]\n"
    "\n"
    "# The texts' language: ru, uk, or auto (decided for each file).\n"
    "language: auto\n"
    "\n"
    "# Which files of a folder are checked, and which are left out (.gitignore syntax;\n"
    "# node_modules/, .git/ and what .termlintignore lists are always left out).\n"
    "include: [\"*.txt\", \"*.md\", \"*.markdown\", \"*.html\", \"*.htm\"]\n"
    "# exclude: [\"drafts/**\"]\n"
    "\n"
    "# Rules: off, info, warning or error, by rule id or family (termlint rules lists\n"
    "# them); a mapping gives options too.\n"
    "rules:\n"
    "  # spelling.unknown-name: off\n"
    "  # typography: info\n"
    "  # typography.quotes: {severity: info, style: guillemets}\n"
    "\n"
    "# What makes the exit code 1, and how many warnings may pass.\n"
    "fail_on: warning\n"
    "# max_warnings: 0\n"
    "\n"
    "# consistency: document          # run: compare renderings across all files\n"
    "# suggest: 100                   # spelling suggestions: a number, all, none\n";

static const char starter_tail[] =
    "# report_unused_disables: false  # markers that silence nothing become findings\n"
    "# baseline: .termlint-baseline.json\n"
    "\n"
    "# Settings for some files only; a later override wins over an earlier one.\n"
    "# overrides:\n"
    "#   - files: [\"news/uk/**\"]\n"
    "#     language: uk\n"
    "#     rules: {lang.mixed: error}\n";

int cli_init(int argc, char **argv)
{
    if (argc > 2) {
        fprintf(stderr, "usage: termlint init [FILE]\n");
        return 2;
    }
    const char *path = argc == 2 ? argv[1] : ".termlint.yaml";
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0) {
        if (errno == EEXIST)
            fprintf(stderr, "termlint: '%s' exists already: not overwritten\n", path);
        else
            fprintf(stderr, "termlint: cannot create '%s': %s\n", path, strerror(errno));
        return 2;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(path);
        fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(errno));
        return 2;
    }
    char names[256];
    report_names(names, sizeof names, ", ", ", ");
    fputs(starter_head, f);
    fprintf(f, "# format: text                   # %s\n", names);
    fputs(starter_tail, f);
    if (fclose(f)) {
        fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(errno));
        unlink(path);
        return 2;
    }
    fprintf(stderr, "termlint: wrote '%s'\n", path);
    return 0;
}
