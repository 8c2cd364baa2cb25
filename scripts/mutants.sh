#!/usr/bin/env bash
# Mutation testing (issue 17): cargo-mutants makes one plausible bug at a time in the
# code that decides results, runs the tests, and counts the mutants no test caught.
# Not part of per-commit CI (hours on 2 cores); run it before a release.
#
#   scripts/mutants.sh                       # every part below, every mutant
#   scripts/mutants.sh connect               # one part: units, checks, connect, spatial, time, models
#   MUTANTS_SHARD=0/5 scripts/mutants.sh connect   # a systematic sample: every 5th mutant
#   scripts/mutants.sh connect -- --list     # extra arguments go to cargo-mutants
#
# Results: mutants.out/PART/mutants.out/ (caught.txt, missed.txt, unviable.txt,
# timeout.txt). The caught fraction is (caught + timeout) / viable; unviable mutants
# do not compile. Each part is tested by the tests named beside it (the package's tests
# that exercise it: building all of a package's test targets per mutant takes hours
# more on 2 cores); docs/reliability.md records the measured fractions and commands.
# Installs cargo-mutants when missing.
set -euo pipefail
# The file globs below go to cargo-mutants as written: bash must not expand them
# (without globstar `models/**/*.rs` would match only `models/rate/mod.rs`).
set -f
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
  cargo install --locked cargo-mutants
fi

# part -> "package|file glob|cargo test target selection" (empty: all of the package's tests).
declare -A PARTS=(
  [units]="network-spec|network-spec/src/units.rs|"
  [checks]="network-syntax|network-syntax/src/check/**/*.rs|"
  [connect]="network-core|network-core/src/connect/**/*.rs|--lib --test=properties --test=uniformity --test=connect_mutants"
  [spatial]="network-core|network-core/src/spatial/**/*.rs|--lib --test=properties --test=kernels --test=spatial_values --test=space_statistics --test=spatial_mutants"
  [time]="network-spec|network-spec/src/time.rs|"
  [models]="network-core|network-core/src/models/**/*.rs|--test=conformance --test=edge_cases --test=rate_conformance"
)
ORDER=(units checks connect spatial time models)

selected=()
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --) shift; extra=("$@"); break ;;
    *) selected+=("$1"); shift ;;
  esac
done
[[ ${#selected[@]} -eq 0 ]] && selected=("${ORDER[@]}")

status=0
for part in "${selected[@]}"; do
  spec="${PARTS[$part]:?unknown part $part (one of: ${ORDER[*]})}"
  package="${spec%%|*}"
  rest="${spec#*|}"
  files=(${rest%%|*})
  tests=(${rest#*|})
  args=()
  for f in "${files[@]}"; do args+=(--file "$f"); done
  # -C reaches both the build (cargo test --no-run) and the test run, so only the
  # selected test targets are rebuilt per mutant.
  for t in "${tests[@]}"; do args+=(-C "$t"); done
  if [[ -n "${MUTANTS_SHARD:-}" ]]; then
    args+=(--shard "$MUTANTS_SHARD" --sharding round-robin)
  fi
  echo "== mutants: $part ($package: ${files[*]}; tests: ${tests[*]:-all})"
  mkdir -p "mutants.out/$part"
  # MUTANTS_IN_PLACE=1 mutates this checkout and reuses its target/ (no copy of the
  # tree; do not build here meanwhile). Otherwise the tree is copied without target/
  # and built once cold.
  where=(-j 1)
  [[ "${MUTANTS_IN_PLACE:-0}" == 1 ]] && where=(--in-place)
  # Incremental builds of a mutated network-core (opt-level 2) have failed to link
  # ("undefined hidden symbol"), which cargo-mutants counts as an unviable mutant: build
  # each mutant whole.
  # --profile mutants (Cargo.toml): opt-level 1, no debug info, for builds per mutant.
  CARGO_INCREMENTAL=0 nice -n 19 cargo mutants --no-shuffle "${where[@]}" --profile mutants --minimum-test-timeout 60 \
    --package "$package" --test-package "$package" "${args[@]}" \
    --output "mutants.out/$part" "${extra[@]}" || status=$?
  out="mutants.out/$part/mutants.out"
  [[ -f "$out/caught.txt" ]] || continue
  caught=$(wc -l < "$out/caught.txt"); missed=$(wc -l < "$out/missed.txt")
  timeout=$(wc -l < "$out/timeout.txt"); unviable=$(wc -l < "$out/unviable.txt")
  viable=$((caught + missed + timeout))
  if [[ $viable -gt 0 ]]; then
    pct=$(( 100 * (caught + timeout) / viable ))
  else
    pct=100
  fi
  echo "$part: $((caught + timeout)) of $viable viable mutants caught ($pct %; $timeout by timeout), $unviable unviable"
  [[ $missed -gt 0 ]] && { echo "missed:"; sed 's/^/  /' "$out/missed.txt"; }
done
exit "$status"
