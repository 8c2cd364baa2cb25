#!/usr/bin/env bash
# A short libFuzzer run of each target (default 20 s each): installs cargo-fuzz (about
# 75 s of compiling) if it is missing, then builds the targets in release mode (a few
# minutes on 2 cores). Exits non-zero on any crash. CI runs it for 10 s per target; the
# committed corpus is also replayed by tests/fuzz_corpus.rs inside `cargo test`.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
for target in parse_description build_network; do
  work="$(mktemp -d)"
  cp -r "corpus/$target/." "$work/"
  cargo fuzz run -O -a --sanitizer none "$target" "$work" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=3072
  rm -rf "$work"
done
