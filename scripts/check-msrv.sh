#!/usr/bin/env bash
# The declared MSRV (`rust-version` in Cargo.toml) is checked two ways without installing an
# old toolchain (this machine has one and cannot fetch another):
# 1. every locked dependency declares a rust-version no newer than ours (cargo metadata);
# 2. clippy's `incompatible_msrv` lint (on in .ci/run, -D warnings) rejects std APIs
#    stabilised after it.
# The toolchain CI builds with is pinned in rust-toolchain.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo metadata --format-version 1 --locked | python3 -c '
import json, sys
meta = json.load(sys.stdin)
version = lambda v: tuple(int(x) for x in (v.split(".") + ["0", "0"])[:3])
ours = next(p for p in meta["packages"] if p["name"] == "gwlint")["rust_version"]
newer = sorted(
    (p["name"], p["version"], p["rust_version"])
    for p in meta["packages"]
    if p.get("rust_version") and version(p["rust_version"]) > version(ours)
)
for name, v, rv in newer:
    print(f"MSRV {ours}: dependency {name} {v} needs Rust {rv}", file=sys.stderr)
if newer:
    sys.exit(1)
print(f"MSRV {ours}: every locked dependency builds with it")
'
