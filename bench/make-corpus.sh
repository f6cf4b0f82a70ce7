#!/usr/bin/env bash
# Builds the benchmark corpus from Russian and Ukrainian text shipped in Debian packages.
#
#   bench/make-corpus.sh [OUTDIR]        (default: bench/corpus, git-ignored)
#
# 1. fetches the packages listed in bench/corpus-packages.txt with `apt-get download`
#    into OUTDIR/.cache/debs (kept: a second run fetches only what is missing);
# 2. unpacks only their ru/uk files into OUTDIR/.cache/src/PACKAGE (nothing is installed);
# 3. bench/corpus.py keeps the paragraphs that read like prose (translated msgstr strings,
#    help pages, man pages; mostly Cyrillic, at most 5% Latin-script words, no format-string
#    junk, deduplicated) and writes ru-1mb.txt ru-10mb.txt uk-1mb.txt uk-10mb.txt
#    ru-50mb.txt (repeats text), articles/ (2,000 files of ~5 KB), MANIFEST.txt, SOURCES.txt;
# 4. bench/gen-glossary.py writes glossary-10k.yaml from words of the corpus.
# Deterministic for a given set of package versions (they are listed in MANIFEST.txt):
# sorted inputs, paragraphs ordered by a hash of their text, no randomness.
# Needs: apt-get (no root needed for `apt-get download`), dpkg-deb, tar, python3.
set -eu
set -o pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/corpus}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CACHE=$OUT/.cache
mkdir -p "$CACHE/debs" "$CACHE/src"
LOG=$CACHE/make-corpus.log
: >"$LOG"

for tool in apt-get dpkg-deb tar python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "make-corpus: $tool is missing (run bench/install-bench-deps.sh)" >&2
        exit 2
    }
done

mapfile -t PKGS < <(sed 's/#.*//' "$HERE/corpus-packages.txt" | awk 'NF { print $1 }' | LC_ALL=C sort -u)

deb_of() { # newest cached .deb of a package, or nothing
    find "$CACHE/debs" -maxdepth 1 -name "${1}_*.deb" | LC_ALL=C sort | tail -n 1
}

# --- 1. fetch -------------------------------------------------------------------------
missing=()
for p in "${PKGS[@]}"; do
    [ -n "$(deb_of "$p")" ] || missing+=("$p")
done
APT_OPTS=()
# as root, apt drops to the _apt user, which cannot write into most folders: stay root
[ "$(id -u)" = 0 ] && APT_OPTS=(-o APT::Sandbox::User=root)
if [ "${#missing[@]}" -gt 0 ] &&
    [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' 2>/dev/null | head -n 1)" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "make-corpus: no apt package lists: apt-get update"
        apt-get update -q >>"$LOG" 2>&1 || echo "make-corpus: warning: apt-get update failed" >&2
    else
        echo "make-corpus: warning: no apt package lists; run 'apt-get update' as root" >&2
    fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "make-corpus: fetching ${#missing[@]} packages with apt-get download into $CACHE/debs"
    if ! (cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" download "${missing[@]}") >>"$LOG" 2>&1; then
        # one unknown package fails the whole call: retry one by one and skip the missing
        for p in "${missing[@]}"; do
            [ -n "$(deb_of "$p")" ] && continue
            (cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" download "$p") >>"$LOG" 2>&1 ||
                echo "make-corpus: warning: cannot fetch $p (skipped; see $LOG)" >&2
        done
    fi
fi

# --- 2. unpack the ru/uk files --------------------------------------------------------
unpack() { # PACKAGE DEB: unpack once per .deb version (a stamp names the .deb)
    local deb=$2 dest=$CACHE/src/$1 stamp
    stamp=$dest/.unpacked-$(basename "$deb")
    [ -e "$stamp" ] && return 0
    rm -rf "$dest"
    mkdir -p "$dest"
    # tar exits 2 when a pattern matches nothing; dpkg-deb's own status is what counts
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dest" --no-same-owner --wildcards --no-anchored \
        '*/ru/*' '*/uk/*' '*/ru_RU/*' '*/uk_UA/*' '*/ru-RU/*' '*/uk-UA/*' 2>/dev/null ||
        [ "${PIPESTATUS[0]}" = 0 ] || {
        echo "make-corpus: warning: cannot unpack $deb" >&2
        return 0
    }
    : >"$stamp"
}
export CACHE
export -f unpack
echo "make-corpus: unpacking ru/uk files into $CACHE/src"
# shellcheck disable=SC2016 # "$1" "$2" are expanded by the inner bash
for p in "${PKGS[@]}"; do
    deb=$(deb_of "$p")
    [ -n "$deb" ] || continue
    printf '%s\0%s\0' "$p" "$deb"
done | xargs -0 -n 2 -P 2 bash -c 'unpack "$1" "$2"' _
# packages dropped from the list must not leak into the corpus
declare -A listed=()
for p in "${PKGS[@]}"; do listed[$p]=1; done
for d in "$CACHE"/src/*/; do
    [ -d "$d" ] || continue
    name=$(basename "$d")
    [ -n "${listed[$name]:-}" ] || rm -rf "$d"
done

# --- 3. paragraphs and files ----------------------------------------------------------
echo "make-corpus: extracting paragraphs"
python3 "$HERE/corpus.py" "$CACHE/src" "$OUT"
{
    echo "packages (from bench/corpus-packages.txt):"
    for p in "${PKGS[@]}"; do
        deb=$(deb_of "$p")
        if [ -n "$deb" ]; then basename "$deb" .deb; else echo "$p (missing)"; fi
    done | sed 's/^/  /'
} >>"$OUT/MANIFEST.txt"
: >"$OUT/empty.txt"

# --- 4. the 10,000-term glossary ------------------------------------------------------
python3 "$HERE/gen-glossary.py" "$OUT"

# a stamp that run.sh uses to tell a complete corpus from an interrupted build
sha256sum "$HERE/corpus.py" "$HERE/gen-glossary.py" "$HERE/corpus-packages.txt" |
    awk '{ print $1 }' >"$OUT/.complete"
echo "make-corpus: done: $OUT"
