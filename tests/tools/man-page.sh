#!/bin/sh
# The man page says what the program really reads: its ENVIRONMENT section names
# exactly the variables src/app reads (getenv), its FILES section the configuration and
# ignore files, the data files, the dictionary folders of morph.c and the cache; and
# every option of `termlint check` (options.c) is described.
. tests/tools/common.sh
MAN=docs/termlint.1
section() { sed -n "/^\.SH $1/,/^\.SH /p" "$MAN"; }
read_vars=$(grep -rho 'getenv("[A-Z_]*")' src/app | sed 's/getenv("\(.*\)")/\1/' | sort -u)
man_vars=$(section ENVIRONMENT | sed -n 's/^\.B \([A-Z_]*\)$/\1/p' | sort -u)
[ "$read_vars" = "$man_vars" ] || fail "ENVIRONMENT lists: $(echo $man_vars); the program reads: $(echo $read_vars)"
files=$(section FILES)
for f in .termlint.yaml .termlintignore /usr/share/termlint/rules.yaml \
    /usr/share/termlint/vietnam-politics.yaml /usr/share/termlint/vietnam/ ru_RU.dic uk_UA.dic \
    .cache/termlint; do
    echo "$files" | grep -qF "$f" || fail "FILES does not name $f"
done
for d in $(sed -n '/static const char \*const sys\[\]/,/};/p' src/lib/morph/morph.c | grep -o '"/[^"]*"' | tr -d '"'); do
    echo "$files" | grep -qF "$d" || fail "FILES does not name the dictionary folder $d"
done
grep -q '"rules.yaml"\|/rules.yaml' src/lib/core/ctx.c || fail "rules.yaml is no longer what the library reads"
grep -q 'DEFAULT_GLOSSARY "vietnam-politics.yaml"' src/app/cli/env.c || fail "the default glossary changed"
grep -q '".termlint.yaml"' src/app/cli/settings.c && grep -q '".termlintignore"' src/app/cli/settings.c || fail "the configuration's file names changed"
opts=$(sed -n '/^static const char \*const valued\[\]/,/};/p' src/app/cli/options.c | grep -o '"[a-z-]*"' | tr -d '"')
for o in $opts no-config report-unused-disables report-fixed stats; do
    [ "$o" = colour ] && continue
    grep -qF -- "$(echo "\\-\\-$o" | sed 's/-/\\-/g; s/\\\\-/\\-/g')" "$MAN" || fail "the man page does not describe --$o"
done
echo "man page: $(echo $man_vars | wc -w) variables, the files, every option"
