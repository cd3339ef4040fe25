#!/usr/bin/env bash
# Builds the benchmark corpus in DIR:
#   DIR/reports/  1,000 reports (r0000.txt …), cycling through ../shared/corpus/*/*.txt
#                 (or, in a clean clone without ../shared, the seed and examples/);
#   DIR/big.txt   one file of about 20 MB (the reports concatenated);
#   DIR/one.txt   a one-line file (start-up);
#   DIR/seed.txt  the 20 KB seed report.
# Usage: scripts/make-corpus.sh DIR [COUNT] [BIG_MB]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: make-corpus.sh DIR [COUNT] [BIG_MB]}"
count="${2:-1000}"
big_mb="${3:-20}"
mkdir -p "$dir/reports"
shopt -s nullglob
sources=("$root"/../shared/corpus/*/*.txt)
if [ ${#sources[@]} -eq 0 ]; then
    echo "make-corpus: ../shared/corpus absent; using the seed and examples/" >&2
    sources=("$root"/tests/fixtures/documents/*.txt "$root"/examples/*.txt)
fi
n=${#sources[@]}
for ((i = 0; i < count; i++)); do
    cp "${sources[i % n]}" "$(printf '%s/reports/r%04d.txt' "$dir" "$i")"
done
: >"$dir/big.txt"
limit=$((big_mb * 1000 * 1000))
i=0
while [ "$(stat -c %s "$dir/big.txt")" -lt "$limit" ]; do
    cat "${sources[i % n]}" >>"$dir/big.txt"
    printf '\n' >>"$dir/big.txt"
    i=$((i + 1))
done
printf '关于开展主题教育的通知\n' >"$dir/one.txt"
cp "$root/tests/fixtures/documents/self-inspection-report.txt" "$dir/seed.txt"
