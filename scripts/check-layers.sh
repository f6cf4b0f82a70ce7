#!/bin/sh
# What the compiler's include paths alone do not enforce (Makefile, LIB_DIRS; the
# layers are in docs/architecture.md). Run by `make` before anything is compiled; prints
# what is wrong and exits 1.
#   - an #include with a path ("../core/ctx.h") would reach past the folders a file may
#     see: includes name a file of the file's own folder, of a folder below it or
#     include/, never a path;
#   - file names are unique across src/ and include/ (one name, one file);
#   - the library never reads the environment, prints or exits: that is the
#     application's job (src/app/).
set -u
rc=0
paths=$(grep -rn '#include "[^"]*/' src include 2>/dev/null)
if [ -n "$paths" ]; then
    echo "termlint: includes with a path (name the header only):" >&2
    echo "$paths" >&2
    rc=1
fi
dups=$(find src include -name '*.[ch]' | sed 's|.*/||' | sort | uniq -d)
if [ -n "$dups" ]; then
    echo "termlint: file names used twice under src/ and include/: $dups" >&2
    rc=1
fi
calls=$(grep -rnE '\b(getenv|secure_getenv|printf|fprintf|vfprintf|puts|fputs|putchar|exit|_exit|abort)\(' src/lib)
if [ -n "$calls" ]; then
    echo "termlint: the library reads the environment, prints or exits:" >&2
    echo "$calls" >&2
    rc=1
fi
exit $rc
