#!/usr/bin/env bash
# The MPI determinism check (cargo feature `mpi`): the network of
# network-core/examples/mpi_check.rs on 1 process, on 2 processes, and on 2 processes
# with 2 threads each, merged and per-rank recorder files. Spikes, samples, weights,
# the weight recorder's events (their bits and ports), the spikes of recorders connected
# between runs to shared-train generators whose targets are all on rank 1, and the merged
# recorder files must be identical; the per-rank files
# together must hold exactly the rows of the merged file. Then the microcircuit example
# (examples/microcircuit.rs, scale 0.05, Poisson background): the same spikes on 1 and 2
# processes. Then the rate network of network-core/examples/rate_mpi_check.rs (noisy
# rate neurons, delayed and instantaneous connections, waveform relaxation) on 1, 2 and 3
# processes and 2 processes with 2 threads: the same samples (bits) and iterations, the
# same merged file, and per-rank files holding its rows. Needs OpenMPI (`mpirun`). MPI_CHECK_RELEASE=1 builds and runs the release
# profile (where it is built already) instead of the dev profile.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=(--profile dev) dir=debug
if [[ "${MPI_CHECK_RELEASE:-0}" == 1 ]]; then profile=(--release) dir=release; fi
cargo build --quiet "${profile[@]}" -p network-core --features mpi --example mpi_check
cargo build --quiet "${profile[@]}" -p network-core --features mpi --example rate_mpi_check
cargo build --quiet "${profile[@]}" -p network --features mpi --example microcircuit
bin="$PWD/target/$dir/examples/mpi_check"
rate_bin="$PWD/target/$dir/examples/rate_mpi_check"
microcircuit="$PWD/target/$dir/examples/microcircuit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Root in a container, 2 processes on a 2-core machine that others share.
mpi=(mpirun --allow-run-as-root --oversubscribe)
run() { # NAME PROCESSES THREADS LAYOUT
  mkdir -p "$work/$1/out"
  (cd "$work/$1" && "${mpi[@]}" -np "$2" "$bin" out "$3" "$4")
}
run one 1 1 merged
run two 2 1 merged
run threads 2 2 merged
run ranks 2 1 per-rank
for name in two threads; do
  cmp "$work/one/out/summary.txt" "$work/$name/out/summary.txt"
done
# Same threads, same directory name: the merged files are byte for byte the same.
for file in e_spikes.dat vm.dat learned.dat; do
  cmp "$work/one/out/$file" "$work/two/out/$file"
done
rows() { grep -hv -e '^#' -e '^sender' "$@" | sort; }
for name in e_spikes vm learned; do
  test -s "$work/ranks/out/$name-0.dat" && test -s "$work/ranks/out/$name-1.dat"
  diff <(rows "$work/one/out/$name.dat") <(rows "$work/ranks/out/$name-0.dat" "$work/ranks/out/$name-1.dat")
done
# The microcircuit (every projection fixed_total_number) on 1 and 2 processes, and 2
# processes with 2 threads each: the same spikes, in the same order.
circuit() { # NAME PROCESSES THREADS
  "${mpi[@]}" -np "$2" "$microcircuit" --scale 0.05 --presim 50 --time 250 \
    --background poisson --threads "$3" --spikes "$work/$1.spikes" >"$work/$1.log"
}
circuit circuit_one 1 1
circuit circuit_two 2 1
circuit circuit_threads 2 2
test -s "$work/circuit_one.spikes"
cmp "$work/circuit_one.spikes" "$work/circuit_two.spikes"
cmp "$work/circuit_one.spikes" "$work/circuit_threads.spikes"
# Rate neurons on 1, 2 and 3 processes and 2 processes with 2 threads: the same samples
# (their bits), iterations and merged file; per-rank files hold exactly its rows.
rate() { # NAME PROCESSES THREADS LAYOUT
  mkdir -p "$work/rate_$1/out"
  (cd "$work/rate_$1" && "${mpi[@]}" -np "$2" "$rate_bin" out "$3" "$4")
}
rate one 1 1 merged
rate two 2 1 merged
rate three 3 1 merged
rate threads 2 2 merged
rate ranks 2 1 per-rank
for name in two three threads; do
  cmp "$work/rate_one/out/summary.txt" "$work/rate_$name/out/summary.txt"
done
cmp "$work/rate_one/out/rates.dat" "$work/rate_two/out/rates.dat"
cmp "$work/rate_one/out/rates.dat" "$work/rate_three/out/rates.dat"
test -s "$work/rate_ranks/out/rates-0.dat" && test -s "$work/rate_ranks/out/rates-1.dat"
diff <(rows "$work/rate_one/out/rates.dat") <(rows "$work/rate_ranks/out/rates-0.dat" "$work/rate_ranks/out/rates-1.dat")
# A builder call that fails on rank 1 alone: both ranks stop with an error (rank 0's build
# names rank 1), none waits forever in the build's collective call.
set +e
(cd "$work" && mkdir -p fail && timeout 300 "${mpi[@]}" -np 2 "$bin" fail 1 fail-on-rank-1) >"$work/fail.log" 2>&1
status=$?
set -e
if [[ $status -eq 0 || $status -eq 124 ]] || ! grep -q "failed on rank 1" "$work/fail.log"; then
  echo "mpi check: a failure on one rank did not stop both (exit $status)"; cat "$work/fail.log"; exit 1
fi
echo "mpi check: 1 process, 2 processes, 2 threads each and per-rank files agree, a failure on one rank stops both ($(head -1 "$work/one/out/summary.txt")); the microcircuit gives the same $(wc -l <"$work/circuit_one.spikes") spikes on 1 and 2 processes; rate neurons give the same $(grep -c '^[0-9]' "$work/rate_one/out/summary.txt") samples on 1, 2 and 3 processes"
