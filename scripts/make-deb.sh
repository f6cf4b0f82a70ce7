#!/bin/sh
# scripts/make-deb.sh OUTDIR - `make deb`: builds the Debian package (debian/) with
# dpkg-buildpackage -us -uc -b in a copy of the source tree under OUTDIR (the files git
# tracks, or the tree without its build folders when it is not a git checkout), so the
# build neither writes beside the project's folder nor cleans its build/. The .deb ends
# up in OUTDIR. Exit 2 with the packages to install when the tools are missing.
set -eu
out=${1:?usage: scripts/make-deb.sh OUTDIR}
for t in dpkg-buildpackage dh; do
    command -v "$t" >/dev/null 2>&1 || {
        echo "make deb: $t is missing: apt-get install dpkg-dev debhelper" >&2
        exit 2
    }
done
version=$(dpkg-parsechangelog -l debian/changelog -S Version)
rm -rf "$out"
src="$out/termlint-$version"
mkdir -p "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src"
else
    tar --exclude=./build --exclude=./build-san --exclude=./build-fuzz --exclude=./bench/corpus \
        -cf - . | tar -xf - -C "$src"
fi
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
    tail -n 40 "$out/build.log" >&2
    echo "make deb: dpkg-buildpackage failed (the whole log: $out/build.log)" >&2
    exit 1
}
rm -rf "$src"
ls "$out"/*.deb
