#!/usr/bin/env python3
"""NEST statistics of the noisy rate neurons (issue 12), in the scheme of stochastic.py
(fixed seeds, 1 thread).

Usage: python conformance/stochastic_rate.py [--out DIR]
Writes DIR/rate_<name>.json (default conformance/reference/stochastic); it does not
touch DIR/index.json (stochastic.py's).

Each case: populations of rate neurons with input noise (sigma > 0), some connected,
simulated for T ms per seed; the rate of every neuron of the last population is
sampled every ms in (T0, T]. Per neuron: the time average of its rate, the variance of
its rate over time (ddof 1) and the autocorrelation of its rate at lags of 1 and 5 ms.
Pooled over neurons and seeds: `stats` of each (see stochastic.py); per seed: the
mean over neurons of each;
network-core/tests/stochastic/rate.rs compares its own with a two-sample z test.
"""
import argparse
import os
import warnings

import numpy as np
import nest

from stochastic import HERE, base, dump, reset, stats

T0, T = 100.0, 1100.0
LAGS = [1, 5]  # ms (samples are 1 ms apart)


def measures(senders, times, rates, first_id, n):
    senders = np.asarray(senders, dtype=int) - first_id
    times = np.asarray(times, dtype=float)
    rates = np.asarray(rates, dtype=float)
    keep = times > T0
    out = {"mean": [], "var": []}
    for lag in LAGS:
        out[f"acf{lag}"] = []
    for i in range(n):
        sel = keep & (senders == i)
        x = rates[sel][np.argsort(times[sel])]
        out["mean"].append(float(np.mean(x)))
        out["var"].append(float(np.var(x, ddof=1)))
        d = x - np.mean(x)
        for lag in LAGS:
            out[f"acf{lag}"].append(float(np.sum(d[:-lag] * d[lag:]) / np.sum(d * d)))
    return out


def rate_case(name, description, populations, connections, seeds, kernel=None):
    spec = {"resolution": 0.1, "populations": populations, "connections": connections,
            "kernel": dict(kernel or {}), "simulate": T, "t0": T0, "interval": 1.0,
            "lags": LAGS,
            "measures": "per neuron of the last population, rate sampled every ms in "
                        "(t0, simulate]: time average, variance (ddof 1), autocorrelation "
                        "at each lag (ms)"}
    out = base(name, description, spec, seeds)
    pooled = {}
    per_seed = {}
    for seed in seeds:
        reset(seed)
        if kernel:
            nest.SetKernelStatus(dict(kernel))
        pops = [nest.Create(p["model"], p["n"], params=p["params"]) for p in populations]
        for c in connections:
            syn = {"synapse_model": c["synapse_model"], "weight": c["weight"]}
            if "delay" in c:
                syn["delay"] = c["delay"]
            nest.Connect(pops[c["source"]], pops[c["target"]], conn_spec=c["rule"],
                         syn_spec=syn)
        mm = nest.Create("multimeter", params={"interval": 1.0, "record_from": ["rate"]})
        nest.Connect(mm, pops[-1])
        nest.Simulate(T)
        ev = mm.get("events")
        m = measures(ev["senders"], ev["times"], ev["rate"], pops[-1][0].global_id,
                     len(pops[-1]))
        for k, v in m.items():
            pooled.setdefault(k, []).extend(v)
            per_seed.setdefault(k, []).append(float(np.mean(v)))
    out["pooled"] = {k: stats(v) for k, v in pooled.items()}
    out["per_seed"] = per_seed
    return out


def pop(model, n, **params):
    return {"model": model, "n": n, "params": {k.rstrip("_"): v for k, v in params.items()}}


CASES = [
    ("rate_lin_ou",
     "200 unconnected lin_rate_ipn (tau 10, lambda 1, mu 0.3, sigma 0.5): an "
     "Ornstein-Uhlenbeck process",
     [pop("lin_rate_ipn", 200, tau=10.0, lambda_=1.0, mu=0.3, sigma=0.5)], []),
    ("rate_tanh_recurrent",
     "100 tanh_rate_ipn (g 2, mu 0.2, sigma 0.3, tau 5) with all_to_all delayed inhibition "
     "(w -0.02, d 1 ms) and linear_summation off",
     [pop("tanh_rate_ipn", 100, tau=5.0, g=2.0, mu=0.2, sigma=0.3, linear_summation=False)],
     [{"source": 0, "target": 0, "rule": "all_to_all",
       "synapse_model": "rate_connection_delayed", "weight": -0.02, "delay": 1.0}]),
    ("rate_instantaneous_chain",
     "100 noisy lin_rate_ipn (sigma 0.4) driving 100 noisy threshold_lin_rate_ipn (sigma 0.2, "
     "theta 0.1) one_to_one through rate_connection_instantaneous (w 0.8), waveform "
     "relaxation with NEST's defaults; the second population is measured",
     [pop("lin_rate_ipn", 100, tau=5.0, mu=0.5, sigma=0.4),
      pop("threshold_lin_rate_ipn", 100, tau=2.0, sigma=0.2, theta=0.1)],
     [{"source": 0, "target": 1, "rule": "one_to_one",
       "synapse_model": "rate_connection_instantaneous", "weight": 0.8}]),
    ("rate_sigmoid_chain",
     "100 noisy lin_rate_ipn (tau 5, mu 0.5, sigma 0.4) driving 100 noisy sigmoid_rate_ipn "
     "(tau 3, g 1.5, beta 3, theta 0.4, mu 0.1, sigma 0.3) one_to_one through "
     "rate_connection_delayed (w 1, d 1 ms); the second population is measured",
     [pop("lin_rate_ipn", 100, tau=5.0, mu=0.5, sigma=0.4),
      pop("sigmoid_rate_ipn", 100, tau=3.0, g=1.5, beta=3.0, theta=0.4, mu=0.1, sigma=0.3)],
     [{"source": 0, "target": 1, "rule": "one_to_one",
       "synapse_model": "rate_connection_delayed", "weight": 1.0, "delay": 1.0}]),
]
SEEDS = [11, 12, 13, 14, 15]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, description, pops, conns in CASES:
        res = rate_case(name, description, pops, conns, SEEDS)
        dump(res, os.path.join(args.out, name + ".json"))
        print(name, {k: round(v["mean"], 5) for k, v in res["pooled"].items()}, flush=True)


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
