#!/usr/bin/env bash
# Formats the code as `cargo fmt` does, and the rule files as well: build.rs declares them
# through include!, which rustfmt does not follow, so `cargo fmt` alone never sees them.
#
#   scripts/fmt.sh            # format
#   scripts/fmt.sh --check    # only report what is not formatted (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
check=()
if [ "${1:-}" = "--check" ]; then
    check=(--check)
fi
cargo fmt --all -- "${check[@]}"
rustfmt --edition 2021 "${check[@]}" src/checks/*/*.rs
