#!/bin/sh
# Installs, idempotently, every Debian package termlint needs to build, test and demo.
# Without root (and without sudo) it prints the apt-get line to run and exits 2.
set -u
PKGS="gcc make pkg-config libhunspell-dev libicu-dev libyaml-dev libjansson-dev libxml2-dev libmd4c-dev hunspell-ru hunspell-uk libcmocka-dev python3"
# for the tests of the CI formats and hooks (tests/tools/): the SARIF schema validator,
# xmllint for JUnit, pre-commit (with git) for the hook; `make deb` needs dpkg-dev and
# debhelper, which its test skips without
PKGS="$PKGS python3-jsonschema libxml2-utils pre-commit git"
# optional, for tests that skip without them: GNU parallel runs docs/scale.md's recipe
# (tests/tools/parallel-recipe.sh); chromium opens the HTML review page headless
OPTIONAL="parallel chromium"
missing=""
for p in $PKGS $OPTIONAL; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
required=""
optional=""
for p in $missing; do
    case " $OPTIONAL " in
    *" $p "*) optional="$optional $p" ;;
    *) required="$required $p" ;;
    esac
done
echo "install-deps: missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "install-deps: not root and no sudo; run as root:" >&2
    echo "  apt-get update && apt-get install -y$missing" >&2
    [ -z "$required" ] && exit 0 # only optional ones: their tests skip
    exit 2
fi
# Update the package lists only when they are absent or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
    $SUDO apt-get update -q || exit 2
fi
if [ -n "$required" ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $required || exit 2
fi
if [ -n "$optional" ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $optional ||
        echo "install-deps: optional packages not installed:$optional (their tests skip)" >&2
fi
