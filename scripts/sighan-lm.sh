#!/usr/bin/env bash
# How far a word-trigram language model takes list-free spelling detection on SIGHAN-2015,
# alone and together with gwlint's L101, L104 and L106; and how often it fires on clean
# official text. A measurement for issue 10, not part of gwlint: see scripts/sighan-lm.py.
#
# Needs libime's language model (Debian: apt-get install libime-data-language-model) and
# python3-venv; puts a virtual environment with kenlm 0.3.0 (PyPI) and pycorrector's data
# in the cache folder, outside the repository.
#
#   scripts/sighan-lm.sh [--thresholds "3,99 5,99"] [--corpus ../shared/corpus/national]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lm="$(dpkg -L libime-data-language-model 2>/dev/null | grep '/zh_CN\.lm$' || true)"
if [ -z "$lm" ]; then
    echo "needs libime's zh_CN.lm: apt-get install libime-data-language-model" >&2
    exit 2
fi
source "$root/scripts/pypi-package.sh"
data=pycorrector/data/sighan2015_test.tsv
pycorrector="$(pypi_package pycorrector 1.1.4 "$data")/pycorrector/data"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint/kenlm-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import kenlm' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet kenlm==0.3.0
fi
cd "$root"
cargo build --release --quiet --bin gwlint
"$venv/bin/python" scripts/sighan-lm.py --lm "$lm" --pycorrector-data "$pycorrector" \
    --gwlint target/release/gwlint "$@"
