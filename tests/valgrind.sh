#!/bin/sh
# tests/valgrind.sh ARGS... - termlint under Valgrind's memcheck, for the golden tests
# (make check VALGRIND=1 makes tests/golden/run.sh call this instead of the binary).
# Any memory error or definite leak is reported on stderr and makes the exit code 99,
# so the case fails. TERMLINT_FREE_AT_EXIT makes termlint free its dictionaries at exit
# (it leaves them to the system otherwise, which memcheck would count as lost).
TERMLINT_FREE_AT_EXIT=1 exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30 \
    "$TERMLINT_BINARY" "$@"
