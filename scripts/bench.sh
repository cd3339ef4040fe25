#!/usr/bin/env bash
# End-to-end benchmark of `gwlint check`, beside the floor of one pass over the same
# text: `rg -c -F -f patterns` with as many fixed patterns as gwlint's knowledge
# automaton. Builds a release binary and a corpus in a temporary folder
# (scripts/make-corpus.sh: 1,000 reports from ../shared/corpus, or from the seed and
# examples/ in a clean clone; one 20 MB file; a one-line file) and prints MB/s,
# files/s, peak memory (also for 10,000 reports against 1,000) and start-up time.
#
#   scripts/bench.sh            # needs hyperfine and rg (ripgrep); GNU time for memory
#   RUNS=20 scripts/bench.sh    # more runs per measurement (default 10)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-10}"

missing=()
for tool in hyperfine rg; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench.sh: missing ${missing[*]}." >&2
    echo "  Debian/Ubuntu: sudo apt-get install hyperfine ripgrep" >&2
    echo "  or:            cargo install hyperfine ripgrep" >&2
    exit 2
fi
gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    gnu_time=/usr/bin/time
else
    echo "bench.sh: GNU time (/usr/bin/time) not found: peak memory not measured" >&2
fi

echo "== building (cargo build --release)" >&2
(cd "$root" && cargo build --release --quiet --bin gwlint && cargo build --release --quiet -p gwlint-tools --bin patterns)
bin="$root/target/release/gwlint"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "== corpus in $tmp" >&2
"$root/scripts/make-corpus.sh" "$tmp"
"$root/target/release/patterns" >"$tmp/patterns.txt"
npat=$(wc -l <"$tmp/patterns.txt")
reports_bytes=$(cat "$tmp"/reports/*.txt | wc -c)
nfiles=$(find "$tmp/reports" -name '*.txt' | wc -l)
big_bytes=$(wc -c <"$tmp/big.txt")
seed_bytes=$(wc -c <"$tmp/seed.txt")

# hyperfine's JSON: mean wall time, user and system seconds.
measure() { # name command...
    local name="$1"
    shift
    hyperfine --style none --warmup 1 --runs "$runs" -N -i \
        --export-json "$tmp/$name.json" "$*" >/dev/null 2>&1
    sed -n 's/.*"\(mean\|user\|system\)": \([0-9.e-]*\).*/\1 \2/p' "$tmp/$name.json" |
        head -3 | tr '\n' ' '
}
field() { # "mean x user y system z" key
    echo "$1" | tr ' ' '\n' | sed -n "/^$2\$/{n;p;}"
}
peak() { # command... -> peak RSS in MB
    if [ -n "$gnu_time" ]; then
        { "$gnu_time" -f %M "$@" 2>&1 >/dev/null || true; } | tail -1 |
            awk '{printf "%.1f", $1 / 1024}'
    else
        echo "?"
    fi
}

echo "== measuring ($runs runs each; $(nproc) cores)" >&2
dir_rg=$(measure rg_dir rg -c -F -f "$tmp/patterns.txt" "$tmp/reports")
dir_gw=$(measure gw_dir "$bin" check --format short "$tmp/reports")
big_rg=$(measure rg_big rg -c -F -f "$tmp/patterns.txt" "$tmp/big.txt")
big_gw=$(measure gw_big "$bin" check --format short "$tmp/big.txt")
one_gw=$(measure gw_one "$bin" check --format short "$tmp/one.txt")
seed_gw=$(measure gw_seed "$bin" check --format short "$tmp/seed.txt")
dir_mem=$(peak "$bin" check --format short "$tmp/reports")
big_mem=$(peak "$bin" check --format short "$tmp/big.txt")

# Peak memory must not grow with the number of files (output is streamed): the same
# reports, 10,000 of them, in JSON (the format that used to keep the most).
"$root/scripts/make-corpus.sh" "$tmp/many" 10000 0 2>/dev/null
json_mem_1k=$(peak "$bin" check --format json "$tmp/reports")
json_mem_10k=$(peak "$bin" check --format json "$tmp/many/reports")

# The 20 MB file halved, for linearity.
head -c $((big_bytes / 2)) "$tmp/big.txt" | { iconv -c -f UTF-8 -t UTF-8 2>/dev/null || true; } >"$tmp/half.txt"
half_gw=$(measure gw_half "$bin" check --format short "$tmp/half.txt")

awk -v npat="$npat" -v nfiles="$nfiles" -v rb="$reports_bytes" -v bb="$big_bytes" \
    -v sb="$seed_bytes" \
    -v drg="$(field "$dir_rg" mean)" -v dgw="$(field "$dir_gw" mean)" \
    -v dgu="$(field "$dir_gw" user)" -v dgs="$(field "$dir_gw" system)" \
    -v brg="$(field "$big_rg" mean)" -v bgw="$(field "$big_gw" mean)" \
    -v hgw="$(field "$half_gw" mean)" \
    -v one="$(field "$one_gw" mean)" -v seed="$(field "$seed_gw" mean)" \
    -v dmem="$dir_mem" -v bmem="$big_mem" -v jm1="$json_mem_1k" -v jm10="$json_mem_10k" 'BEGIN {
    printf "gwlint check, %d knowledge patterns (rg -F gets the same number)\n\n", npat
    printf "%-34s %10s %10s %10s\n", "", "gwlint", "rg floor", "ratio"
    printf "%-34s %8.0f ms %8.0f ms %9.1fx\n", sprintf("%d reports, %.1f MB", nfiles, rb / 1e6), dgw * 1000, drg * 1000, dgw / drg
    printf "%-34s %8.0f ms %8.0f ms %9.1fx\n", sprintf("one file, %.1f MB", bb / 1e6), bgw * 1000, brg * 1000, bgw / brg
    printf "\n"
    printf "reports: %.0f MB/s, %.0f files/s, CPU %.2f cores (user+sys / wall), peak %s MB\n", rb / 1e6 / dgw, nfiles / dgw, (dgu + dgs) / dgw, dmem
    printf "20 MB file: %.0f MB/s, peak %s MB (%.1fx the file); half the file: %.0f ms (full / half = %.2f)\n", bb / 1e6 / bgw, bmem, bmem * 1048576 / bb, hgw * 1000, bgw / hgw
    printf "start-up (one-line file): %.1f ms; start-up + seed report (%.0f KB): %.1f ms\n", one * 1000, sb / 1000, seed * 1000
    printf "peak memory, --format json: 1,000 reports %s MB, 10,000 reports %s MB\n", jm1, jm10
}'
