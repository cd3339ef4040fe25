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
source "$root/scripts/pypi-package.sh"
data=pycorrector/data/sighan2015_test.tsv
tsv="$(pypi_package pycorrector "$version" "$data")/$data"
cd "$root"
cargo run --release --quiet -p gwlint-tools --bin sighan -- "$tsv" "$@"
