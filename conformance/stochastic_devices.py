#!/usr/bin/env python3
"""NEST statistics of the rate generators of issue 13 (inhomogeneous_poisson_generator,
sinusoidal_poisson_generator with individual and shared trains, mip_generator): fixed
seeds, 1 thread.

Usage: python conformance/stochastic_devices.py [--out DIR]
Writes DIR/devices_<name>.json (default conformance/reference/stochastic), in the
conventions of stochastic.py (which it imports).

Each case: the generator drives n_targets parrot_neurons (weight 1, delay 1 ms); a
parrot repeats every spike it receives (with its multiplicity), so its spikes are the
generator's train to it. Per seed and target the file keeps, pooled over the seeds:
- "counts": the target's spike count in each of the case's time bins ("bins", ms, of
  the parrots' spike times): the rate law over time;
- "coincident": for targets 2k and 2k+1, the number of spike times they share (the
  shared spikes of mip_generator, or of a train shared by all targets);
- "cv": the coefficient of variation of the target's inter-spike intervals (targets
  with at least 3 spikes), and "cv_per_seed" their mean per seed.
"""
import argparse
import os
import warnings

import numpy as np
import nest

from stochastic import HERE, base, dump, reset

SEEDS = list(range(1, 11))


def run(name, description, model, params, bins, T, n_targets=100, defaults=None):
    out = base(name, description, {"model": model, "generator": params,
                                   "defaults": defaults or {}, "n_targets": n_targets,
                                   "weight": 1.0, "delay": 1.0, "simulate": T,
                                   "bins": bins, "resolution": 0.1}, SEEDS)
    counts, coincident, cvs, cv_seed = [], [], [], []
    for seed in SEEDS:
        reset(seed)
        if defaults:
            nest.SetDefaults(model, defaults)
        gen = nest.Create(model, params=dict(params))
        post = nest.Create("parrot_neuron", n_targets)
        sr = nest.Create("spike_recorder")
        nest.Connect(gen, post, syn_spec={"weight": 1.0, "delay": 1.0})
        nest.Connect(post, sr)
        nest.Simulate(T)
        ev = sr.get("events")
        first = min(post.tolist())
        senders = np.asarray(ev["senders"], dtype=int) - first
        times = np.asarray(ev["times"], dtype=float)
        trains = [np.sort(times[senders == k]) for k in range(n_targets)]
        first_cv = len(cvs)
        for k, tr in enumerate(trains):
            counts.append([int(c) for c in np.histogram(tr, bins=bins)[0]])
            if len(tr) >= 3:
                isi = np.diff(tr)
                if isi.mean() > 0:
                    cvs.append(float(isi.std(ddof=1) / isi.mean()))
        cv_seed.append(float(np.mean(cvs[first_cv:])))
        for k in range(0, n_targets - 1, 2):
            a = np.round(trains[k] * 10).astype(int)
            b = np.round(trains[k + 1] * 10).astype(int)
            coincident.append(int(len(np.intersect1d(a, b))))
    out["counts"] = counts
    out["coincident"] = coincident
    out["cv"] = cvs
    out["cv_per_seed"] = cv_seed
    return out


def cases():
    yield run("inhomogeneous", "rate_times [100, 300, 500.05 (offgrid)] ms, rate_values "
              "[40, 0, 120] Hz; bins at the changes",
              "inhomogeneous_poisson_generator",
              {"rate_times": [100.0, 300.0, 500.05], "rate_values": [40.0, 0.0, 120.0],
               "allow_offgrid_times": True},
              [0.0, 101.0, 301.0, 501.2, 1001.0], 1000.0)
    yield run("sinusoidal_individual", "rate 50 Hz, amplitude 40 Hz, 5 Hz, phase 30 deg, "
              "individual trains; bins of a quarter period",
              "sinusoidal_poisson_generator",
              {"rate": 50.0, "amplitude": 40.0, "frequency": 5.0, "phase": 30.0},
              [float(x) for x in np.arange(1.0, 1002.0, 50.0)], 1001.0)
    yield run("sinusoidal_shared", "rate 30 Hz, amplitude 30 Hz, 2 Hz, one train shared "
              "by all targets (individual_spike_trains false, set as a default)",
              "sinusoidal_poisson_generator",
              {"rate": 30.0, "amplitude": 30.0, "frequency": 2.0},
              [1.0, 251.0, 501.0, 751.0, 1001.0], 1001.0,
              defaults={"individual_spike_trains": False})
    yield run("mip", "parent 100 Hz, p_copy 0.3, window start 100 stop 900 ms",
              "mip_generator", {"rate": 100.0, "p_copy": 0.3, "start": 100.0, "stop": 900.0},
              [0.0, 101.0, 901.0, 1001.0], 1000.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    warnings.filterwarnings("ignore")
    for c in cases():
        dump(c, os.path.join(args.out, f"devices_{c['name']}.json"))
        print(c["name"], "mean counts per bin",
              np.mean(np.asarray(c["counts"]), axis=0).round(2).tolist(),
              "coincident", np.mean(c["coincident"]).round(2))


if __name__ == "__main__":
    main()
