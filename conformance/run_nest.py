#!/usr/bin/env python3
"""Run every deterministic case of cases.py in NEST and write reference JSON.

Usage: python conformance/run_nest.py [--out DIR] [--only NAME ...]

Writes DIR/<name>.json (case inputs + "expected") and DIR/index.json.
DIR defaults to conformance/reference next to this script.
"""
import argparse
import json
import math
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from cases import CASES  # noqa: E402
from cases_protocols import main_protocols  # noqa: E402
from cases_rate import main_rate  # noqa: E402  (rate neurons: reference/rate/)

import nest  # noqa: E402


def quiet():
    if hasattr(nest, "VerbosityLevel"):
        nest.verbosity = nest.VerbosityLevel.ERROR
    else:  # older NEST
        nest.set_verbosity("M_ERROR")


def ms_to_tics(t):
    # NEST: (long)(t * tics_per_ms + 0.5), tics_per_ms = 1000
    return int(math.floor(t * 1000.0 + 0.5))


def dump(obj, path):
    text = json.dumps(obj, sort_keys=True, indent=1, allow_nan=False)
    with open(path, "w") as f:
        f.write(text + "\n")


def run_case(c):
    nest.ResetKernel()
    quiet()
    h = c["resolution"]
    nest.SetKernelStatus({"resolution": h, "rng_seed": c["rng_seed"], "local_num_threads": 1})
    if "kernel" in c:  # further kernel settings (min_delay, max_delay)
        nest.SetKernelStatus(dict(c["kernel"]))

    # one entry per neuron (global index in creation order); an entry with "n" is a
    # population of n neurons created at once
    nodes = []
    for n in c["neurons"]:
        # "n": a population created at once; its neurons take consecutive indices
        # JSON has no infinity: a parameter written null is +inf (V_th = inf)
        params = {k: (math.inf if v is None else v) for k, v in n["params"].items()}
        pop = nest.Create(n["model"], n.get("n", 1), params=params)
        if "initial_V_m" in n:  # one V_m per neuron, set before the first Simulate
            pop.set(V_m=list(n["initial_V_m"]))
        nodes.extend(pop[k] for k in range(len(pop)))
    gid_to_idx = {nc.global_id: i for i, nc in enumerate(nodes)}

    def syn_spec(entry):
        spec = {"synapse_model": entry.get("synapse_model", "static_synapse"),
                "weight": entry["weight"], "delay": entry["delay"]}
        spec.update(entry.get("syn_params", {}))
        if "receptor_type" in entry:
            spec["receptor_type"] = entry["receptor_type"]
        return spec

    for g in c["generators"]:
        gen = nest.Create(g["model"], params=dict(g["params"]))
        for t in g["targets"]:
            nest.Connect(gen, nodes[t], syn_spec=syn_spec(g))

    plastic = any("synapse_model" in cn for cn in c["connections"])
    models = []  # the synapse model each connection was made with
    for k, cn in enumerate(c["connections"]):
        spec = syn_spec(cn)
        if "common_params" in cn:
            # a "_hom" model: common properties on a copy of the model, not per connection
            copy = f"{spec['synapse_model']}_c{k}"
            nest.CopyModel(spec["synapse_model"], copy, cn["common_params"])
            spec["synapse_model"] = copy
            for name in cn["common_params"]:
                spec.pop(name, None)
        models.append(spec["synapse_model"])
        nest.Connect(nodes[cn["source"]], nodes[cn["target"]], syn_spec=spec)

    rec = c["record"]
    mm = None
    if rec is not None and rec["targets"]:
        mp = {"interval": rec["interval"], "record_from": list(rec["record_from"]),
              "start": rec["start"]}
        if rec["stop"] is not None:
            mp["stop"] = rec["stop"]
        mm = nest.Create("multimeter", params=mp)
        for t in rec["targets"]:
            nest.Connect(mm, nodes[t])

    srp = c["spike_recorder"]
    sp = {"start": srp["start"], "origin": srp["origin"]}
    if srp["stop"] is not None:
        sp["stop"] = srp["stop"]
    sr = nest.Create("spike_recorder", params=sp)
    for nd in nodes:
        nest.Connect(nd, sr)

    T_tics = 0
    for t in c["simulate"]:
        nest.Simulate(t)
        T_tics += ms_to_tics(t)

    # final weights of every connection, in the order of c["connections"], read before
    # the flush below (which would let plastic synapses learn on)
    weights = None
    if plastic:
        seen = {}
        weights = []
        for cn, model in zip(c["connections"], models):
            key = (cn["source"], cn["target"], model)
            conns = nest.GetConnections(source=nodes[key[0]], target=nodes[key[1]],
                                        synapse_model=key[2])
            if "weight" in cn.get("common_params", {}):
                # static_synapse_hom_w: the weight is the model's, not the connection's
                w = nest.GetDefaults(model, "weight")
            else:
                w = conns.get("weight")
            w = list(w) if isinstance(w, (list, tuple)) else [w]
            weights.append(float(w[seen.get(key, 0)]))
            seen[key] = seen.get(key, 0) + 1

    # flush multimeter samples withheld from the last min_delay slice
    step_tics = ms_to_tics(h)
    max_delay_steps = ms_to_tics(nest.GetKernelStatus("max_delay")) // step_tics
    extra_steps = max(ms_to_tics(2.0) // step_tics, 2 * max_delay_steps)
    nest.Simulate(extra_steps * step_tics / 1000.0)

    ev = sr.get("events")
    spikes = [(float(t), gid_to_idx[int(s)]) for s, t in zip(ev["senders"], ev["times"])
              if ms_to_tics(float(t)) <= T_tics]
    spikes.sort()
    expected = {"spikes": {"senders": [s for _, s in spikes], "times": [t for t, _ in spikes]}}
    if weights is not None:
        expected["weights"] = weights

    if mm is not None:
        ev = mm.get("events")
        keys = list(rec["record_from"])
        rows = []
        for i in range(len(ev["times"])):
            t = float(ev["times"][i])
            if ms_to_tics(t) > T_tics:
                continue
            rows.append((t, gid_to_idx[int(ev["senders"][i])],
                         [float(ev[k][i]) for k in keys]))
        rows.sort(key=lambda r: (r[0], r[1]))
        samples = {"times": [r[0] for r in rows], "senders": [r[1] for r in rows]}
        for j, k in enumerate(keys):
            samples[k] = [r[2][j] for r in rows]
        expected["samples"] = samples

    out = dict(c)
    out["expected"] = expected
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference"))
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    quiet()
    names = []
    for c in CASES:
        if args.only and c["name"] not in args.only:
            continue
        res = run_case(c)
        dump(res, os.path.join(args.out, c["name"] + ".json"))
        names.append(c["name"])
        print(f"{c['name']}: {len(res['expected']['spikes']['times'])} spikes, "
              f"{len(res['expected'].get('samples', {}).get('times', []))} samples", flush=True)
    if not args.only:
        dump({"nest_version": nest.__version__, "cases": names},
             os.path.join(args.out, "index.json"))
    # protocols (SetStatus between Simulate calls): reference/protocols/, cases_protocols.py
    main_protocols(nest, dump, args.out, args.only)
    main_rate(nest, dump, args.out, args.only)


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
