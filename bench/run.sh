#!/usr/bin/env bash
# termlint benchmark (`make bench`; bench/README.md tells how to read the results).
#
#   bench/run.sh                    full run, ~5-10 minutes on 2 cores (plus the corpus,
#                                   ~2 minutes, the first time)
#   BENCH_QUICK=1 bench/run.sh      smoke run: 1 MB files, 1 run of everything
#   BENCH_RUNS=N                    runs per measurement (default 5; hunspell -l: 3)
#   TERMLINT=path                   the binary to time (default build/termlint)
#   BENCH_CORPUS=dir                where the corpus is (default bench/corpus)
#   BENCH_NO_INSTALL=1              do not run bench/install-bench-deps.sh
#
# Installs what it needs, builds the corpus if it is missing, builds the ICU floor
# program, then times termlint, `hunspell -l` and the floor on the same files in the
# same run, and writes the Markdown tables to bench/results-latest.md (also printed).
# Raw per-run figures go to CORPUS/results/raw.tsv and CORPUS/results/meta.txt.

# `make bench` runs this file with sh: continue in bash.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -eu
set -o pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

BUILD=${BUILD:-build}
TERMLINT=${TERMLINT:-$BUILD/termlint}
CORPUS=${BENCH_CORPUS:-bench/corpus}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
    RUNS=${BENCH_RUNS:-1}
    HS_RUNS=${BENCH_RUNS:-1}
    SIZE=1mb
else
    RUNS=${BENCH_RUNS:-5}
    HS_RUNS=$((RUNS < 3 ? RUNS : 3))
    SIZE=10mb
fi
# a measurement whose runs would take longer than this (seconds) gets fewer runs
BUDGET=${BENCH_BUDGET:-150}

say() { printf 'bench: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 2
}

# load average before the bench does anything (the report warns when the machine is busy)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- prerequisites ---------------------------------------------------------------------
if [ "${BENCH_NO_INSTALL:-0}" != 1 ]; then
    sh "$HERE/install-bench-deps.sh" || die "missing packages (see above)"
fi
for tool in hunspell python3 pkg-config cc; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (bench/install-bench-deps.sh)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time, package time) is missing"

stamp=$(sha256sum "$HERE/corpus.py" "$HERE/gen-glossary.py" "$HERE/corpus-packages.txt" | awk '{ print $1 }')
if [ ! -f "$CORPUS/.complete" ] || [ "$(cat "$CORPUS/.complete")" != "$stamp" ]; then
    say "building the corpus in $CORPUS (bench/make-corpus.sh)"
    bash "$HERE/make-corpus.sh" "$CORPUS"
fi
for f in ru-1mb.txt ru-10mb.txt ru-50mb.txt uk-1mb.txt uk-10mb.txt empty.txt glossary-10k.yaml articles; do
    [ -e "$CORPUS/$f" ] || die "$CORPUS/$f is missing: run bench/make-corpus.sh"
done

FLOOR=$BUILD/bench/icu-floor
if [ ! -x "$FLOOR" ] || [ "$HERE/icu-floor.c" -nt "$FLOOR" ]; then
    mkdir -p "$BUILD/bench"
    # shellcheck disable=SC2046 # pkg-config prints several words
    cc -std=c11 -O2 -o "$FLOOR" "$HERE/icu-floor.c" $(pkg-config --cflags --libs icu-uc) ||
        die "cannot build $FLOOR"
fi

HAVE_TL=1
if [ ! -x "$TERMLINT" ]; then
    HAVE_TL=0
    say "warning: $TERMLINT not found: measuring the references only (run 'make' first)"
fi

RES=$CORPUS/results
mkdir -p "$RES"
RAW=$RES/raw.tsv
META=$RES/meta.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf 'label\trun\tseconds\tmax_rss_kb\n' >"$RAW"
: >"$META"
meta() { printf '%s=%s\n' "$1" "$2" >>"$META"; }

# --- timing ---------------------------------------------------------------------------
# measure LABEL RUNS OK_CODES OUT -- COMMAND...
# Runs COMMAND RUNS times (fewer if that would exceed BUDGET seconds) with stdout to OUT,
# records wall-clock seconds (bash's EPOCHREALTIME, no fork) and peak RSS (GNU time) of
# each run in RAW. OK_CODES: the exit codes that count as success, e.g. "0" or "0 1".
measure() {
    local label=$1 runs=$2 ok=$3 out=$4 i t0 t1 rc secs rss times=""
    shift 5
    for ((i = 1; i <= runs; i++)); do
        t0=$EPOCHREALTIME
        rc=0
        /usr/bin/time -f '%M' -o "$TMP/rss" "$@" >"$out" 2>"$TMP/err" || rc=$?
        t1=$EPOCHREALTIME
        case " $ok " in
        *" $rc "*) ;;
        *)
            say "error: $label: exit code $rc from: $*"
            sed 's/^/  | /' "$TMP/err" | tail -n 20 >&2
            printf '%s\n' "$label" >>"$TMP/failed"
            return 0
            ;;
        esac
        secs=$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN { printf "%.6f", b - a }')
        rss=$(tail -n 1 "$TMP/rss")
        printf '%s\t%d\t%s\t%s\n' "$label" "$i" "$secs" "$rss" >>"$RAW"
        times="$times $secs"
        if [ "$i" = 1 ] && [ "$runs" -gt 1 ]; then
            local fit
            fit=$(awk -v s="$secs" -v b="$BUDGET" -v r="$runs" 'BEGIN { n = int(b / (s > 0 ? s : 1e-9)); if (n < 1) n = 1; print (n < r ? n : r) }')
            if [ "$fit" -lt "$runs" ]; then
                say "$label: $secs s a run: $fit runs instead of $runs (BENCH_BUDGET=$BUDGET s)"
                runs=$fit
            fi
        fi
    done
    say "$(printf '%-22s' "$label")${times} s"
}

warm() { cat "$@" >/dev/null 2>&1 || true; }
tl() { "$TERMLINT" check "$@"; }
hs_dict() { case $1 in ru) echo ru_RU ;; uk) echo uk_UA ;; esac; }

# --- machine and corpus ---------------------------------------------------------------
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
meta cores "$(nproc)"
meta memory "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
meta kernel "$(uname -r)"
meta os "$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)"
meta hunspell "$(dpkg-query -W -f='${Version}' hunspell 2>/dev/null || echo '?')"
meta dict_ru "$(dpkg-query -W -f='${Version}' hunspell-ru 2>/dev/null || echo '?')"
meta dict_uk "$(dpkg-query -W -f='${Version}' hunspell-uk 2>/dev/null || echo '?')"
meta icu "$(pkg-config --modversion icu-uc)"
meta commit "$(git rev-parse --short HEAD 2>/dev/null || echo 'none')"
meta termlint "$TERMLINT"
meta have_termlint "$HAVE_TL"
meta quick "$QUICK"
meta runs "$RUNS"
meta hunspell_runs "$HS_RUNS"
meta size "$SIZE"
meta load_start "$LOAD_START"
grep '^distinct-' "$CORPUS/MANIFEST.txt" | sed 's/^distinct-\(..\): /distinct_\1=/' >>"$META" || true
for f in ru-1mb ru-10mb ru-50mb uk-1mb uk-10mb; do
    meta "bytes_$f" "$(stat -c %s "$CORPUS/$f.txt")"
done
nart=$(find "$CORPUS/articles" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
meta articles_files "$nart"
meta articles_bytes "$(find "$CORPUS/articles" -type f \( -name '*.txt' -o -name '*.md' \) -exec cat {} + | wc -c)"

TL_OK="0 1"
EMPTY=$CORPUS/empty.txt
G10K=$CORPUS/glossary-10k.yaml

# --- 0. the word-form tables (src/lib/morph/wordtab*.c) -------------------------------
# termlint compiles each dictionary into a table of its word forms on first use and maps
# it afterwards. The bench keeps them in a folder of its own: the first runs below
# compile them (timed as "first run"), every later run maps them, as on a user's machine
# after the first run.
export TERMLINT_CACHE_DIR=$TMP/tables
if [ "$HAVE_TL" = 1 ]; then
    for lang in ru uk; do
        measure "tables-compile-$lang" 1 "$TL_OK" /dev/null -- \
            "$TERMLINT" check --lang "$lang" -j 1 --glossary default --format json "$EMPTY"
    done
    for t in "$TMP"/tables/*.tab; do
        [ -f "$t" ] && meta "table_bytes_$(basename "$t" | cut -c1-5)" "$(stat -c %s "$t")"
    done
fi

# --- 1. throughput on the main files, per language -------------------------------------
for lang in ru uk; do
    f=$CORPUS/$lang-$SIZE.txt
    dict=$(hs_dict "$lang")
    warm "$f"
    meta "words_$lang-$SIZE" "$("$FLOOR" "$f")"
    measure "floor-$lang-$SIZE" "$RUNS" 0 /dev/null -- "$FLOOR" "$f"
    if [ "$HAVE_TL" = 1 ]; then
        measure "termlint-$lang-$SIZE" "$RUNS" "$TL_OK" /dev/null -- \
            "$TERMLINT" check -j 1 --glossary default --format json "$f"
        # one more run, untimed, for the cache statistics and the size of the findings
        rc=0
        tl -j 1 --glossary default --format json --stats "$f" >"$TMP/out.json" 2>"$TMP/stats" || rc=$?
        if [ "$rc" -le 1 ]; then
            meta "stats_$lang-$SIZE" "$(grep '^stats:' "$TMP/stats" | tail -n 1)"
            meta "output_bytes_$lang-$SIZE" "$(wc -c <"$TMP/out.json")"
        else
            say "warning: termlint --stats exited $rc"
        fi
    fi
    if [ "$HAVE_TL" = 1 ]; then # research: the same without the word-form table
        measure "termlint-notab-$lang-$SIZE" "$HS_RUNS" "$TL_OK" /dev/null -- \
            env TERMLINT_WORDTAB=0 "$TERMLINT" check -j 1 --glossary default --format json "$f"
    fi
    measure "hunspell-$lang-$SIZE" "$HS_RUNS" 0 /dev/null -- hunspell -d "$dict" -l -i utf-8 "$f"
done

# --- 2. start-up: empty input ----------------------------------------------------------
for lang in ru uk; do
    dict=$(hs_dict "$lang")
    if [ "$HAVE_TL" = 1 ]; then
        measure "startup-termlint-$lang" "$RUNS" "$TL_OK" /dev/null -- \
            "$TERMLINT" check --lang "$lang" -j 1 --glossary default --format json "$EMPTY"
    fi
    measure "startup-hunspell-$lang" "$RUNS" 0 /dev/null -- hunspell -d "$dict" -l -i utf-8 "$EMPTY"
done

# --- 3. scaling with size (ru) ---------------------------------------------------------
if [ "$QUICK" = 1 ]; then SIZES="1mb"; else SIZES="1mb 50mb"; fi
for s in $SIZES; do
    [ "$s" = "$SIZE" ] && continue
    f=$CORPUS/ru-$s.txt
    warm "$f"
    meta "words_ru-$s" "$("$FLOOR" "$f")"
    r=$RUNS
    [ "$s" = 50mb ] && r=$((RUNS < 3 ? RUNS : 3))
    measure "floor-ru-$s" "$r" 0 /dev/null -- "$FLOOR" "$f"
    if [ "$HAVE_TL" = 1 ]; then
        measure "termlint-ru-$s" "$r" "$TL_OK" /dev/null -- \
            "$TERMLINT" check -j 1 --glossary default --format json "$f"
        if [ "$s" = 50mb ]; then
            rc=0
            tl -j 1 --glossary default --format json --stats "$f" >"$TMP/out.json" 2>"$TMP/stats" || rc=$?
            [ "$rc" -le 1 ] && meta "output_bytes_ru-$s" "$(wc -c <"$TMP/out.json")"
            [ "$rc" -le 1 ] && meta "stats_ru-$s" "$(grep '^stats:' "$TMP/stats" | tail -n 1)"
        fi
    fi
done

# --- 4. threads: many small files ------------------------------------------------------
if [ "$HAVE_TL" = 1 ]; then
    warm "$CORPUS"/articles/*
    for j in 1 2; do
        measure "articles-j$j" "$RUNS" "$TL_OK" "$RES/articles-j$j.json" -- \
            "$TERMLINT" check -j "$j" --glossary default --format json "$CORPUS/articles"
    done
    if [ -s "$RES/articles-j1.json" ] && cmp -s "$RES/articles-j1.json" "$RES/articles-j2.json"; then
        meta articles_identical yes
    else
        meta articles_identical no
        say "warning: -j 1 and -j 2 outputs differ: diff $RES/articles-j1.json $RES/articles-j2.json"
    fi
    meta articles_output_bytes "$(wc -c <"$RES/articles-j1.json")"
fi

# --- 5. the 10,000-term glossary -------------------------------------------------------
if [ "$HAVE_TL" = 1 ]; then
    f=$CORPUS/ru-$SIZE.txt
    warm "$f" "$G10K"
    measure "glossary10k-ru-$SIZE" "$RUNS" "$TL_OK" /dev/null -- \
        "$TERMLINT" check -j 1 --glossary default --glossary "$G10K" --format json "$f"
    measure "startup-glossary10k-ru" "$RUNS" "$TL_OK" /dev/null -- \
        "$TERMLINT" check --lang ru -j 1 --glossary default --glossary "$G10K" --format json "$EMPTY"
fi

meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -s "$TMP/failed" ]; then
    meta failed "$(sort -u "$TMP/failed" | tr '\n' ' ')"
fi

# --- report ----------------------------------------------------------------------------
python3 "$HERE/report.py" "$RAW" "$META" >"$TMP/results.md"
cp "$TMP/results.md" "$HERE/results-latest.md"
cat "$TMP/results.md"
say "written to bench/results-latest.md (raw figures: $RAW)"
if [ -s "$TMP/failed" ]; then
    say "some measurements failed: $(sort -u "$TMP/failed" | tr '\n' ' ')"
    exit 1
fi
