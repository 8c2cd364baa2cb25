#!/usr/bin/env python3
"""NEST's noise_generator over several runs (issue 13): its modulated spread
sqrt(std^2 + y1 * std_mod^2) when the oscillator is set again at each run's start and
when `frequency`, `phase` and `dt` are set between runs. Fixed seed, 1 thread.

Usage: python conformance/stochastic_noise_runs.py [--out DIR]
Writes DIR/noise_runs.json (default conformance/reference/stochastic).

The generator (mean 0, std = std_mod = 100 pA, dt 0.1 ms, 10 Hz, phase 90 deg, active
from 50 ms) drives 4,000 iaf_psc_delta neurons that integrate without leak or threshold
(tau_m 1e6 ms, C_m 250 pF, V_th 1e12 mV); a voltmeter samples V_m every step. The
current of step k is (V[k+1] - P33 V[k]) / P30. Runs: 100 ms, 100 ms, then frequency
20 Hz, phase 0 deg and dt 0.2 ms set, 100 ms. The file keeps the mean square current
over the targets in 5 ms windows of sample times ((k+1) h in [from, from + 5)) and the
number of independent draws behind each (targets x redraws).
"""
import argparse
import math
import os

import numpy as np
import nest

from stochastic import HERE, base, dump, reset

N, C_M, TAU_M, H = 4000, 250.0, 1e6, 0.1
SEED = 5
WINDOWS = [(60.0, 95.0), (105.0, 195.0), (205.0, 295.0)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    out_dir = ap.parse_args().out
    os.makedirs(out_dir, exist_ok=True)
    generator = {"mean": 0.0, "std": 100.0, "std_mod": 100.0, "dt": 0.1,
                 "frequency": 10.0, "phase": 90.0, "start": 50.0}
    between = {"frequency": 20.0, "phase": 0.0, "dt": 0.2}
    out = base("noise_runs", __doc__.split("\n\n")[0], {
        "generator": generator, "set_between_runs": between, "n_targets": N,
        "neuron": {"model": "iaf_psc_delta", "C_m": C_M, "tau_m": TAU_M},
        "runs_ms": [100.0, 100.0, 100.0], "resolution": H}, [SEED])
    reset(SEED, H)
    cells = nest.Create("iaf_psc_delta", N, params={
        "C_m": C_M, "tau_m": TAU_M, "t_ref": 0.0, "E_L": 0.0, "V_reset": 0.0,
        "V_th": 1e12, "V_m": 0.0})
    noise = nest.Create("noise_generator", params=generator)
    vm = nest.Create("voltmeter", params={"interval": H})
    nest.Connect(noise, cells)
    nest.Connect(vm, cells)
    nest.Simulate(100.0)
    nest.Simulate(100.0)
    noise.set(between)
    nest.Simulate(100.0)
    ev = vm.get("events")
    first = min(cells.tolist())
    senders = np.asarray(ev["senders"], dtype=int) - first
    times = np.asarray(ev["times"], dtype=float)
    steps = int(round(times.max() / H))
    v = np.zeros((steps, N))
    v[np.rint(times / H).astype(int) - 1, senders] = ev["V_m"]
    p33 = math.exp(-H / TAU_M)
    p30 = 1.0 / C_M * (1.0 - p33) * TAU_M
    square = ((v[1:] - p33 * v[:-1]) / p30) ** 2
    at = (np.arange(steps - 1) + 1) * H
    windows = []
    for lo, hi in WINDOWS:
        t = lo
        while t < hi:
            rows = (at >= t - 1e-9) & (at < t + 5.0 - 1e-9)
            redraw = 2.0 if t > 200.0 else 1.0
            windows.append({"from": t, "mean_square": float(square[rows].mean()),
                            "draws": float(rows.sum() * N / redraw)})
            t += 5.0
    out["windows"] = windows
    dump(out, os.path.join(out_dir, "noise_runs.json"))


if __name__ == "__main__":
    main()
