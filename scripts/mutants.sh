#!/usr/bin/env bash
# Mutation testing (issue 17): cargo-mutants makes one plausible bug at a time in the
# code that decides results, runs the tests, and counts the mutants no test caught.
# Not part of per-commit CI (hours on 2 cores); run it before a release.
#
#   scripts/mutants.sh                 # everything listed below
#   scripts/mutants.sh units           # one part: units, checks, connect, spatial, time, models
#   scripts/mutants.sh -- --list       # extra arguments go to cargo-mutants
#
# Results: mutants.out/ (caught.txt, missed.txt, unviable.txt, timeout.txt). The caught
# fraction is caught / (caught + missed); unviable mutants do not compile and timeouts
# count as caught. Installs cargo-mutants when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
  cargo install --locked cargo-mutants
fi

# part -> "package|file glob ..."; the tests of the package (and of the workspace for
# the vocabulary) are what must catch each mutant.
declare -A PARTS=(
  [units]="network-spec|network-spec/src/units.rs"
  [checks]="network-syntax|network-syntax/src/check/**/*.rs"
  [connect]="network-core|network-core/src/connect/**/*.rs"
  [spatial]="network-core|network-core/src/spatial/**/*.rs"
  [time]="network-spec|network-spec/src/time.rs"
  [models]="network-core|network-core/src/models/**/*.rs"
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
  files=(${spec#*|})
  args=()
  for f in "${files[@]}"; do args+=(--file "$f"); done
  echo "== mutants: $part ($package: ${files[*]})"
  mkdir -p "mutants.out/$part"
  # Each part is tested by its own package's tests (the whole workspace per mutant
  # would take days on 2 cores). MUTANTS_IN_PLACE=1 mutates this checkout and reuses
  # its target/ (no copy of the tree; do not build here meanwhile).
  in_place=()
  [[ "${MUTANTS_IN_PLACE:-0}" == 1 ]] && in_place=(--in-place)
  nice cargo mutants --no-shuffle -j 1 --package "$package" --test-package "$package" "${in_place[@]}" "${args[@]}" \
    --output "mutants.out/$part" "${extra[@]}" || status=$?
  out="mutants.out/$part/mutants.out"
  caught=$(wc -l < "$out/caught.txt"); missed=$(wc -l < "$out/missed.txt")
  timeout=$(wc -l < "$out/timeout.txt"); unviable=$(wc -l < "$out/unviable.txt")
  viable=$((caught + missed + timeout))
  if [[ $viable -gt 0 ]]; then
    pct=$(( 100 * (caught + timeout) / viable ))
  else
    pct=100
  fi
  echo "$part: $((caught + timeout)) of $viable viable mutants caught ($pct %), $unviable unviable"
  [[ $missed -gt 0 ]] && { echo "missed:"; sed 's/^/  /' "$out/missed.txt"; }
done
exit "$status"
