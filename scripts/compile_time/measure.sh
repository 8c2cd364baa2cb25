#!/bin/bash
# Compile time of a user's crate: a fresh crate in $OUT (default /tmp/compile_time) with a
# path dependency on this repository (no target-cpu), the README's seed network as
# main.rs, `cargo build --release --timings` from cold with a fresh CARGO_TARGET_DIR,
# then 3 edits of the description, each rebuilt. Prints wall and CPU (user + sys) of the
# cold build, rustc CPU per crate (cpuwrap.sh as RUSTC_WRAPPER), the load average while
# it ran, and the rebuilds' wall times.
# usage: scripts/compile_time/measure.sh LABEL [REPO]
set -u
here=$(cd "$(dirname "$0")" && pwd)
L=$1; SRC=${2:-$(cd "$here/../.." && pwd)}; OUTD=${OUT:-/tmp/compile_time}
D=$OUTD/fresh-$L
mkdir -p "$OUTD"; rm -rf "$D"; mkdir -p "$D/src"
printf '[package]\nname = "fresh"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nnetwork = { path = "%s" }\n' "$SRC" > "$D/Cargo.toml"
awk '/^```rust$/{n++; if(n==1){f=1; next}} f&&/^```$/{exit} f' "$SRC/README.md" > "$D/src/main.rs"
cp "$SRC/Cargo.lock" "$D/Cargo.lock"
export CARGO_TARGET_DIR=$OUTD/target-$L
rm -rf "$CARGO_TARGET_DIR"
cd "$D"
export RUSTC_WRAPPER=$here/cpuwrap.sh RUSTC_CPU_LOG=$OUTD/$L.cpu; rm -f "$RUSTC_CPU_LOG"
( while true; do cat /proc/loadavg; sleep 5; done ) > "$OUTD/$L.load" & LP=$!
/usr/bin/time -f "cold: %e s wall, %U s user, %S s sys" -o "$OUTD/$L.time" cargo build --release --offline --timings > "$OUTD/$L.log" 2>&1
kill $LP
cp "$CARGO_TARGET_DIR"/cargo-timings/cargo-timing.html "$OUTD/$L.html" 2>/dev/null
export RUSTC_CPU_LOG=$OUTD/$L.cpu-rebuild
for i in 1 2 3; do
  if grep -q "weight: 4 pA" src/main.rs; then sed -i 's/weight: 4 pA/weight: 5 pA/' src/main.rs; else sed -i 's/weight: 5 pA/weight: 4 pA/' src/main.rs; fi
  s=$(date +%s.%N); cargo build --release --offline >> "$OUTD/$L.log" 2>&1; e=$(date +%s.%N)
  echo "rebuild $i: $(echo "$e - $s" | bc) s wall, load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUTD/$L.time"
done
cat "$OUTD/$L.time"
awk '{s+=$1; n++} END {printf "load average while building: mean %.2f over %d samples\n", s/n, n}' "$OUTD/$L.load"
python3 "$here/units.py" "$OUTD/$L.html" 15
python3 "$here/cpu.py" "$OUTD/$L.cpu"
echo "rebuilds (rustc CPU of the user's crate):"; cat "$OUTD/$L.cpu-rebuild"
