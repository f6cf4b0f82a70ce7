#!/bin/sh
# Installs, idempotently, the Debian packages the benchmark needs (bench/run.sh calls it):
# the reference tools (hunspell and its ru/uk dictionaries, GNU time for peak RSS),
# what builds the ICU floor program (gcc, pkg-config, libicu-dev) and what builds the
# corpus (python3; apt-get and dpkg-deb, which every Debian system has).
# The corpus sources themselves (bench/corpus-packages.txt) are not installed:
# bench/make-corpus.sh fetches them with `apt-get download` and unpacks only their
# Russian and Ukrainian files, which needs no root and pulls in no dependencies.
# Without root (and without sudo) it prints the apt-get line to run and exits 2.
set -eu
PKGS="gcc make pkg-config libicu-dev hunspell hunspell-ru hunspell-uk time python3 tar"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-bench-deps: missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "install-bench-deps: not root and no sudo; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    exit 2
fi
# Update the package lists only when they are absent or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
    $SUDO apt-get update -q || exit 2
fi
# shellcheck disable=SC2086 # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing || exit 2
