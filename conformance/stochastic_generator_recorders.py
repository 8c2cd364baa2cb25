#!/usr/bin/env python3
"""NEST statistics of the trains spike recorders receive from generators themselves
(issue 13: `nest.Connect(generator, spike_recorder)`): fixed seeds, 1 thread.

Usage: python conformance/stochastic_generator_recorders.py [--out DIR]
Writes DIR/recorded_<name>.json (default conformance/reference/stochastic), with the
statistics and conventions of stochastic_devices.py, but each "target" is a
spike_recorder connected to the generator (n_targets of them, each its own connection)
instead of a parrot neuron: per recorder the counts in the case's bins (of the
recorded times, the stamps the generator sent), the spikes recorders 2k and 2k + 1
share (independent draws share none but chance coincidences; a mip_generator's copies
of one parent train, a shared train all) and the ISI coefficient of variation.
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
                                   "simulate": T, "bins": bins, "resolution": 0.1},
               SEEDS)
    counts, coincident, cvs, cv_seed = [], [], [], []
    for seed in SEEDS:
        reset(seed)
        if defaults:
            nest.SetDefaults(model, defaults)
        gen = nest.Create(model, params=dict(params))
        recorders = [nest.Create("spike_recorder") for _ in range(n_targets)]
        for sr in recorders:
            nest.Connect(gen, sr)
        nest.Simulate(T)
        trains = []
        for sr in recorders:
            ev = sr.get("events")
            assert set(int(s) for s in ev["senders"]) <= set(gen.tolist())
            trains.append(np.sort(np.asarray(ev["times"], dtype=float)))
        first_cv = len(cvs)
        for tr in trains:
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
    yield run("poisson", "poisson_generator 80 Hz, window start 100 stop 800 ms",
              "poisson_generator", {"rate": 80.0, "start": 100.0, "stop": 800.0},
              [0.0, 100.05, 450.05, 800.05, 1000.0], 1000.0)
    yield run("mip", "mip_generator parent 100 Hz, p_copy 0.3: recorders share copies "
              "of one parent train", "mip_generator", {"rate": 100.0, "p_copy": 0.3},
              [0.0, 500.05, 1000.0], 1000.0)
    yield run("gamma_sup", "gamma_sup_generator 40 Hz, gamma_shape 4, n_proc 1: ISI CV "
              "0.5", "gamma_sup_generator", {"rate": 40.0, "gamma_shape": 4, "n_proc": 1},
              [0.0, 500.05, 1000.0], 1000.0)
    yield run("ppd_sup", "ppd_sup_generator 60 Hz, dead_time 5 ms, n_proc 1: ISI CV 0.7",
              "ppd_sup_generator", {"rate": 60.0, "dead_time": 5.0, "n_proc": 1},
              [0.0, 500.05, 1000.0], 1000.0)
    yield run("inhomogeneous", "inhomogeneous_poisson_generator rate_times [200, 600] ms, "
              "rate_values [30, 120] Hz", "inhomogeneous_poisson_generator",
              {"rate_times": [200.0, 600.0], "rate_values": [30.0, 120.0]},
              [0.0, 200.05, 600.05, 1000.0], 1000.0)
    yield run("sinusoidal_shared", "sinusoidal_poisson_generator 30 Hz, amplitude 30 Hz, "
              "2 Hz, one train for all (individual_spike_trains false, as a default)",
              "sinusoidal_poisson_generator",
              {"rate": 30.0, "amplitude": 30.0, "frequency": 2.0},
              [0.0, 250.05, 500.05, 750.05, 1000.0], 1000.0,
              defaults={"individual_spike_trains": False})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    warnings.filterwarnings("ignore")
    for c in cases():
        dump(c, os.path.join(args.out, f"recorded_{c['name']}.json"))
        print(c["name"], "mean counts per bin",
              np.mean(np.asarray(c["counts"]), axis=0).round(2).tolist(),
              "coincident", np.mean(c["coincident"]).round(2),
              "cv", np.mean(c["cv"]).round(3))


if __name__ == "__main__":
    main()
