#!/usr/bin/env bash
# Regenerate all NEST reference data into a temporary directory and diff it
# against the committed conformance/reference/.  Exits non-zero on any
# difference (or if NEST fails).  Python: $PYTHON, else .venv/bin/python at
# the repository root, else python3.  Pass --deterministic-only to skip the
# stochastic statistics (about 25 s).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
if [[ -z "${PYTHON:-}" ]]; then
  if [[ -x "$ROOT/.venv/bin/python" ]]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PYTHON" "$HERE/run_nest.py" --out "$TMP/reference" >/dev/null
"$PYTHON" "$HERE/selfcheck.py" "$TMP/reference"
"$PYTHON" "$HERE/empty_selections.py" --out "$TMP/reference/empty_selections.json" >/dev/null
"$PYTHON" "$HERE/kernels.py" --out "$TMP/reference/kernels.json" >/dev/null 2>&1
"$PYTHON" "$HERE/spatial_reference.py" --out "$TMP/reference/spatial.json" >/dev/null 2>&1
"$PYTHON" "$HERE/spatial_connections.py" --out "$TMP/reference/spatial_connections.json" >/dev/null 2>&1
"$PYTHON" "$HERE/spatial_values.py" --out "$TMP/reference/spatial_values.json" >/dev/null 2>&1
"$PYTHON" "$HERE/psp_peaks.py" --out "$TMP/reference/psp_peaks.json" >/dev/null 2>&1
"$PYTHON" "$HERE/recorders.py" --out "$TMP/reference/recorders.json" >/dev/null 2>&1
"$PYTHON" "$HERE/initial_state.py" --out "$TMP/reference/initial_state.json" >/dev/null 2>&1
"$PYTHON" "$HERE/generator_recorders.py" --out "$TMP/reference/generator_recorders.json" >/dev/null 2>&1
"$PYTHON" "$HERE/protocol_sets.py" --out "$TMP/reference/protocol_sets.json" >/dev/null 2>&1
"$PYTHON" "$HERE/model_checks.py" --out "$TMP/reference/model_checks.json" >/dev/null 2>&1
"$PYTHON" "$HERE/inf_params.py" --out "$TMP/reference/inf_params.json" >/dev/null 2>&1
"$PYTHON" "$HERE/time_grid.py" --out "$TMP/reference/time_grid.json" >/dev/null 2>&1
if [[ "${1:-}" == "--deterministic-only" ]]; then
  diff -r -q -x stochastic "$HERE/reference" "$TMP/reference"
else
  "$PYTHON" "$HERE/stochastic.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_synapses.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_zoo.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_devices.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_rate.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_trains.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_generator_recorders.py" --out "$TMP/reference/stochastic" >/dev/null
  "$PYTHON" "$HERE/stochastic_noise_runs.py" --out "$TMP/reference/stochastic" >/dev/null
  diff -r -q "$HERE/reference" "$TMP/reference"
fi
echo "check_fresh: regenerated reference data is identical to conformance/reference"
