#!/usr/bin/env python3
"""NEST statistics of the stochastic synapse models (bernoulli_synapse,
quantal_stp_synapse): fixed seeds, 1 thread.

Usage: python conformance/stochastic_synapses.py [--out DIR]
Writes DIR/synapses_<name>.json (default conformance/reference/stochastic), in the
conventions of stochastic.py (which it imports): the NEST version, seeds, all
parameters, per-seed and pooled statistics.

Each case: a spike_generator drives one parrot_neuron (the presynaptic neuron) with a
regular train; the parrot connects to n_targets parrot_neurons through the stochastic
synapse. A target parrot repeats each event it receives, so its spike count is the
number of presynaptic spikes its synapse transmitted (for quantal_stp_synapse: the
spikes in which at least one site released).
"""
import argparse
import os
import warnings

import numpy as np
import nest

from stochastic import HERE, base, dump, int_hist, quiet, reset, stats


def transmission(name, description, syn, seeds, n_targets=100, n_spikes=200, isi=5.0):
    params = {"resolution": 0.1, "n_targets": n_targets,
              "pre_spike_times": f"{isi} * k for k in 1..{n_spikes}",
              "connection": {"rule": "all_to_all", **syn},
              "counts": "spikes of each target parrot during the simulation"}
    T = isi * (n_spikes + 2)
    params["simulate"] = T
    out = base(name, description, params, seeds)
    per_seed = []
    pooled = []
    for seed in seeds:
        reset(seed)
        sg = nest.Create("spike_generator",
                         params={"spike_times": [isi * k for k in range(1, n_spikes + 1)]})
        pre = nest.Create("parrot_neuron")
        post = nest.Create("parrot_neuron", n_targets)
        sr = nest.Create("spike_recorder")
        nest.Connect(sg, pre, syn_spec={"weight": 1.0, "delay": 1.0})
        nest.Connect(pre, post, "all_to_all", syn_spec=dict(syn))
        nest.Connect(post, sr)
        nest.Simulate(T)
        ev = sr.get("events")
        first = min(post.tolist())
        counts = np.bincount(np.asarray(ev["senders"], dtype=int) - first, minlength=n_targets)
        per_seed.append({"seed": seed, "count": stats(counts),
                         "total": int(counts.sum())})
        pooled.extend(int(c) for c in counts)
    out["per_seed"] = per_seed
    out["pooled"] = stats(pooled)
    out["pooled"]["hist"] = int_hist(pooled)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    quiet()
    seeds = list(range(1, 11))
    results = [
        transmission("synapses_bernoulli_p0.3",
                     "bernoulli_synapse p_transmit 0.3: parrot -> 100 parrots, 200 spikes "
                     "(expect mean count 60, binomial variance 42)",
                     {"synapse_model": "bernoulli_synapse", "weight": 1.0, "delay": 1.0,
                      "p_transmit": 0.3}, seeds),
        transmission("synapses_quantal_depressing",
                     "quantal_stp_synapse n 4, a 4, U 0.3, u 0.3, tau_rec 20, tau_fac 0: "
                     "spikes with at least one release",
                     {"synapse_model": "quantal_stp_synapse", "weight": 1.0, "delay": 1.0,
                      "n": 4, "a": 4, "U": 0.3, "u": 0.3, "tau_rec": 20.0, "tau_fac": 0.0},
                     seeds),
        transmission("synapses_quantal_facilitating",
                     "quantal_stp_synapse n 2, a 1, U 0.05, u 0.1, tau_rec 8, tau_fac 30: "
                     "spikes with at least one release",
                     {"synapse_model": "quantal_stp_synapse", "weight": 1.0, "delay": 1.0,
                      "n": 2, "a": 1, "U": 0.05, "u": 0.1, "tau_rec": 8.0, "tau_fac": 30.0},
                     seeds),
    ]
    for r in results:
        dump(r, os.path.join(args.out, r["name"] + ".json"))
        print(r["name"], r["pooled"]["mean"], r["pooled"]["var"], flush=True)


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
