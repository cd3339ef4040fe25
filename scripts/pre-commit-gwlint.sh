#!/bin/sh
# pre-commit 钩子的入口（.pre-commit-hooks.yaml，language: script）：按本仓库的 Cargo.lock
# 锁定的依赖构建 gwlint（--locked；第一次较慢，之后不再重建），再用它检查传入的文件。
# pre-commit 自带的 language: rust 用 `cargo install --path .` 安装，不带 --locked，
# 依赖的新版本可能让构建失败或行为改变，所以不用它。
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
exec cargo run --locked --release --quiet --manifest-path "$here/Cargo.toml" --bin gwlint -- "$@"
