#!/bin/sh
# `make deb` builds an installable Debian package (debian/, dpkg-buildpackage -us -uc
# -b): the binary, the data (rules.yaml, the glossary and vietnam/*.yaml), the man page
# and the documentation, with its dependencies declared; dpkg would install it, and the
# unpacked binary finds its data and checks a text. Skipped without dpkg-dev and
# debhelper, and in the sanitizer pass (it builds the release flags itself).
. tests/tools/common.sh
[ "$BUILD" = build ] || skip "the package is built once, in the plain pass"
command -v dpkg-buildpackage >/dev/null 2>&1 && command -v dh >/dev/null 2>&1 ||
    skip "dpkg-dev and debhelper are not installed (scripts/install-deps.sh installs them)"
make --no-print-directory deb >"$T/make.log" 2>&1 || { cat "$T/make.log"; fail "make deb"; }
deb=$(ls build/deb/termlint_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb in build/deb"
dpkg-deb -c "$deb" | awk '{ print $6 }' >"$T/files"
for f in ./usr/bin/termlint ./usr/share/termlint/rules.yaml \
    ./usr/share/termlint/vietnam-politics.yaml ./usr/share/termlint/vietnam/party.yaml \
    ./usr/share/man/man1/termlint.1.gz ./usr/share/doc/termlint/rules.md \
    ./usr/share/doc/termlint/configuration.md ./usr/share/doc/termlint/copyright; do
    grep -qxF "$f" "$T/files" || fail "the package lacks $f"
done
n=$(ls glossaries/vietnam/*.yaml | wc -l)
[ "$(grep -c '^\./usr/share/termlint/vietnam/.*\.yaml$' "$T/files")" = "$n" ] || fail "not every vietnam/*.yaml"
deps=$(dpkg-deb -f "$deb" Depends)
for d in libhunspell libicu libyaml libjansson hunspell-ru hunspell-uk; do
    echo "$deps" | grep -q "$d" || fail "Depends lacks $d: $deps"
done
dpkg --dry-run -i "$deb" >"$T/dpkg.log" 2>&1 || { cat "$T/dpkg.log"; fail "dpkg would not install it"; }
# the unpacked package on its own: the binary finds its data beside it (../share/termlint)
dpkg -x "$deb" "$T/root"
printf 'Участники подвели итоги подготовки к Всекитайскому партийному съезду.\n' >"$T/a.txt"
env -u TERMLINT_DATADIR "$T/root/usr/bin/termlint" check --no-config --lang ru --glossary default \
    --format jsonl "$T/a.txt" >"$T/out.jsonl"
grep -q '"rule":"term.forbidden"' "$T/out.jsonl" || { cat "$T/out.jsonl"; fail "the packaged termlint does not find the glossary"; }
# the man page names the paths the package installs
man_datadir=$(sed -n 's/^\.I \(\/usr\/share\/termlint\)\/rules.yaml$/\1/p' docs/termlint.1)
grep -qxF ".$man_datadir/rules.yaml" "$T/files" || fail "the man page's data folder is not the package's"
echo "deb: $(basename "$deb"), $(wc -l <"$T/files") entries, installable"
