#!/usr/bin/env python3
"""NEST statistics of the stochastic neuron models of issue 12 (gif_psc_exp, gif_cond_exp,
pp_psc_delta), in the scheme of stochastic.py (fixed seeds, 1 thread).

Usage: python conformance/stochastic_zoo.py [--out DIR]
Writes DIR/zoo_<name>.json (default conformance/reference/stochastic); it does not
touch DIR/index.json (stochastic.py's).

Each case: a population of unconnected neurons under constant drive (I_e), simulated
for T ms per seed; per neuron, from its spikes in (T0, T]: the firing rate (Hz), the
coefficient of variation of its interspike intervals (neurons with >= 3 spikes), and
the Fano factor of its spike counts in consecutive windows of W ms (neurons with a
nonzero mean count). Per seed and pooled: `stats` of each (see stochastic.py).
"""
import argparse
import os
import warnings

import numpy as np
import nest

from stochastic import HERE, base, dump, reset, stats

T0, T, W = 200.0, 2200.0, 100.0


def measures(senders, times, first_id, n):
    """Per-neuron rates, ISI CVs and Fano factors from spikes in (T0, T]."""
    senders = np.asarray(senders, dtype=int) - first_id
    times = np.asarray(times, dtype=float)
    keep = times > T0
    senders, times = senders[keep], times[keep]
    rates, cvs, fanos = [], [], []
    edges = np.arange(T0, T + W / 2, W)
    for i in range(n):
        t = np.sort(times[senders == i])
        rates.append(t.size / ((T - T0) * 1e-3))
        if t.size >= 3:
            isi = np.diff(t)
            cvs.append(float(np.std(isi, ddof=1) / np.mean(isi)))
        # windows (a, b]: a spike at b belongs to the window ending at b
        counts = np.array([np.sum((t > a) & (t <= b)) for a, b in zip(edges[:-1], edges[1:])])
        if counts.mean() > 0:
            fanos.append(float(np.var(counts, ddof=1) / counts.mean()))
    return rates, cvs, fanos


def population(name, description, model, params, seeds, n=200):
    spec = {"resolution": 0.1, "neuron": {"model": model, "params": params, "n": n},
            "simulate": T, "t0": T0, "window": W,
            "measures": "per neuron, spikes in (t0, simulate]: rate (Hz); ISI CV (ddof 1) of "
                        "neurons with >= 3 spikes; Fano factor (var ddof 1 / mean) of the "
                        "counts in consecutive windows (a, a + window] of neurons with a "
                        "nonzero mean count"}
    out = base(name, description, spec, seeds)
    per_seed = []
    pooled = {"rate": [], "cv": [], "fano": []}
    for seed in seeds:
        reset(seed)
        pop = nest.Create(model, n, params=params)
        sr = nest.Create("spike_recorder")
        nest.Connect(pop, sr)
        nest.Simulate(T)
        ev = sr.get("events")
        rates, cvs, fanos = measures(ev["senders"], ev["times"], pop[0].global_id, n)
        per_seed.append({"seed": seed, "rate": stats(rates), "cv": stats(cvs),
                         "fano": stats(fanos), "total_spikes": int(len(ev["times"]))})
        pooled["rate"] += rates
        pooled["cv"] += cvs
        pooled["fano"] += fanos
    out["per_seed"] = per_seed
    out["pooled"] = {k: stats(v) for k, v in pooled.items()}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    seeds = list(range(1, 11))
    results = [
        population("zoo_gif_psc_exp_adapting",
                   "200 gif_psc_exp, I_e 150 pA, threshold adaptation tau_sfa [100] ms q_sfa "
                   "[3] mV, spike-triggered current tau_stc [50] ms q_stc [20] pA",
                   "gif_psc_exp",
                   {"I_e": 150.0, "tau_sfa": [100.0], "q_sfa": [3.0], "tau_stc": [50.0],
                    "q_stc": [20.0]}, seeds),
        population("zoo_gif_psc_exp_two_components",
                   "200 gif_psc_exp, I_e 170 pA, t_ref 1, two threshold components "
                   "(tau_sfa [10, 200], q_sfa [2, 1]), Delta_V 2",
                   "gif_psc_exp",
                   {"I_e": 170.0, "t_ref": 1.0, "Delta_V": 2.0, "tau_sfa": [10.0, 200.0],
                    "q_sfa": [2.0, 1.0]}, seeds),
        population("zoo_gif_cond_exp_adapting",
                   "200 gif_cond_exp, I_e 150 pA, threshold adaptation tau_sfa [100] ms q_sfa "
                   "[3] mV, spike-triggered current tau_stc [50] ms q_stc [20] pA, t_ref 2 ms",
                   "gif_cond_exp",
                   {"I_e": 150.0, "t_ref": 2.0, "tau_sfa": [100.0], "q_sfa": [3.0],
                    "tau_stc": [50.0], "q_stc": [20.0]}, seeds),
        population("zoo_pp_psc_delta_dead_time",
                   "200 pp_psc_delta, I_e 150 pA (V 6 mV), dead time 2 ms, c_2 10 Hz, "
                   "adaptation tau_sfa [50] q_sfa [2]",
                   "pp_psc_delta",
                   {"I_e": 150.0, "dead_time": 2.0, "c_2": 10.0, "tau_sfa": [50.0],
                    "q_sfa": [2.0]}, seeds),
        population("zoo_pp_psc_delta_poisson",
                   "200 pp_psc_delta without dead time (Poisson spike counts per step), "
                   "I_e 100 pA, c_1 2 Hz/mV, c_2 5 Hz, no adaptation",
                   "pp_psc_delta",
                   {"I_e": 100.0, "dead_time": 0.0, "c_1": 2.0, "c_2": 5.0}, seeds),
        population("zoo_pp_psc_delta_random_dead_time",
                   "200 pp_psc_delta with gamma-distributed dead times (shape 3, mean 10 ms), "
                   "I_e 200 pA, c_2 20 Hz, no reset",
                   "pp_psc_delta",
                   {"I_e": 200.0, "dead_time": 10.0, "dead_time_random": True,
                    "dead_time_shape": 3, "c_2": 20.0, "with_reset": False}, seeds),
    ]
    for r in results:
        dump(r, os.path.join(args.out, r["name"] + ".json"))
        p = r["pooled"]
        print(r["name"], f"rate {p['rate']['mean']:.2f} Hz, CV {p['cv']['mean']:.3f} "
              f"(n {p['cv']['n']}), Fano {p['fano']['mean']:.3f}", flush=True)


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
