#!/usr/bin/env python3
"""NEST statistics for stochastic features (fixed seeds, 1 thread).

Usage: python conformance/stochastic.py [--out DIR]
Writes DIR/<name>.json (default conformance/reference/stochastic) and
DIR/index.json.  Every file records the NEST version, the seeds and all
parameters, per-seed statistics and pooled statistics.

Conventions: "var" is the unbiased sample variance (ddof = 1), "std" its
square root; histograms give "edges" (len n+1) and "counts" (len n),
bins closed on the left, the last bin also closed on the right
(numpy.histogram).  Integer histograms ("hist") map value -> count.
"""
import argparse
import json
import math
import os
import warnings

import numpy as np
import nest

HERE = os.path.dirname(os.path.abspath(__file__))


def quiet():
    if hasattr(nest, "VerbosityLevel"):
        nest.verbosity = nest.VerbosityLevel.ERROR
    else:
        nest.set_verbosity("M_ERROR")


def reset(seed, resolution=0.1):
    nest.ResetKernel()
    quiet()
    nest.SetKernelStatus({"resolution": resolution, "rng_seed": seed, "local_num_threads": 1})


def stats(x):
    x = np.asarray(x, dtype=float)
    return {"n": int(x.size), "mean": float(np.mean(x)), "var": float(np.var(x, ddof=1)),
            "std": float(np.std(x, ddof=1)), "min": float(np.min(x)), "max": float(np.max(x))}


def int_hist(x):
    vals, counts = np.unique(np.asarray(x, dtype=int), return_counts=True)
    return {str(int(v)): int(c) for v, c in zip(vals, counts)}


def hist(x, lo, hi, bins):
    counts, edges = np.histogram(np.asarray(x, dtype=float), bins=bins, range=(lo, hi))
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def dump(obj, path):
    with open(path, "w") as f:
        f.write(json.dumps(obj, sort_keys=True, indent=1, allow_nan=False) + "\n")


def base(name, description, params, seeds):
    return {"name": name, "description": description, "nest_version": nest.__version__,
            "local_num_threads": 1, "params": params, "seeds": list(seeds)}


# ---------------------------------------------------------------------------
# poisson_generator -> parrot_neuron: input spike counts per target
# ---------------------------------------------------------------------------
def poisson_parrot(name, rate, start, stop, seeds, n_targets=200, delay=1.0, T=1000.0):
    params = {"resolution": 0.1, "generator": {"model": "poisson_generator", "rate": rate,
                                               "start": start, "stop": stop},
              "targets": {"model": "parrot_neuron", "n": n_targets},
              "connection": {"rule": "all_to_all", "synapse_model": "static_synapse",
                             "weight": 1.0, "delay": delay},
              "simulate": T + 2 * delay + 1.0,
              "parrot_spike_time": "generator spike time + delay (parrot re-emits in the arrival step)",
              "counted": "spikes of each parrot (= generator spikes incl. multiplicity, "
                         "shifted by the delay) over the whole run",
              "active_steps": "steps s with round(start/h) < s <= round(stop/h); spike stamps s+1, "
                              "i.e. generator spike times in (start+h, stop+h]",
              "expected_mean": rate * (stop - start) * 1e-3}
    out = base(name, f"poisson_generator rate {rate} Hz, window start {start} stop {stop}, "
                     f"into {n_targets} parrot_neurons (delay {delay}); per-target spike counts",
               params, seeds)
    per_seed, pooled, tmin, tmax = [], [], [], []
    for seed in seeds:
        reset(seed)
        pg = nest.Create("poisson_generator", params={"rate": rate, "start": start, "stop": stop})
        parrots = nest.Create("parrot_neuron", n_targets)
        sr = nest.Create("spike_recorder")
        nest.Connect(pg, parrots, syn_spec={"weight": 1.0, "delay": delay})
        nest.Connect(parrots, sr)
        nest.Simulate(params["simulate"])
        ev = sr.get("events")
        first = parrots[0].global_id
        counts = np.bincount(np.asarray(ev["senders"], dtype=int) - first, minlength=n_targets)
        times = np.asarray(ev["times"], dtype=float)
        d = stats(counts)
        d.update({"seed": seed, "total": int(counts.sum()), "counts": [int(c) for c in counts],
                  "first_parrot_spike": float(times.min()) if times.size else None,
                  "last_parrot_spike": float(times.max()) if times.size else None})
        per_seed.append(d)
        pooled.extend(counts.tolist())
        if times.size:
            tmin.append(float(times.min()))
            tmax.append(float(times.max()))
    out["per_seed"] = per_seed
    out["pooled"] = stats(pooled)
    out["pooled"]["hist"] = int_hist(pooled)
    out["pooled"]["earliest_parrot_spike"] = min(tmin)
    out["pooled"]["latest_parrot_spike"] = max(tmax)
    return out


# ---------------------------------------------------------------------------
# iaf_psc_alpha population driven by poisson_generator: firing rates
# ---------------------------------------------------------------------------
def alpha_population(seeds):
    n, rate, w, delay, T = 200, 8000.0, 20.0, 1.5, 1000.0
    params = {"resolution": 0.1, "neuron": {"model": "iaf_psc_alpha", "params": {}, "n": n},
              "generator": {"model": "poisson_generator", "rate": rate},
              "connection": {"rule": "all_to_all", "synapse_model": "static_synapse",
                             "weight": w, "delay": delay},
              "simulate": T,
              "rate_definition": "spikes recorded by a spike_recorder during Simulate(T) "
                                 "(times in (0, T]) divided by T/1000 s"}
    out = base("alpha_population_poisson_rates",
               f"{n} iaf_psc_alpha (defaults) each receiving an independent Poisson train "
               f"({rate} Hz, weight {w} pA, delay {delay} ms) for {T} ms; per-neuron firing rates",
               params, seeds)
    per_seed, pooled_rates = [], []
    for seed in seeds:
        reset(seed)
        pop = nest.Create("iaf_psc_alpha", n)
        pg = nest.Create("poisson_generator", params={"rate": rate})
        sr = nest.Create("spike_recorder")
        nest.Connect(pg, pop, syn_spec={"weight": w, "delay": delay})
        nest.Connect(pop, sr)
        nest.Simulate(T)
        ev = sr.get("events")
        counts = np.bincount(np.asarray(ev["senders"], dtype=int) - pop[0].global_id, minlength=n)
        rates = counts / (T * 1e-3)
        times = np.asarray(ev["times"], dtype=float)
        d = {"seed": seed, "rate": stats(rates), "total_spikes": int(counts.sum()),
             "first_spike": float(times.min()) if times.size else None}
        per_seed.append(d)
        pooled_rates.extend(rates.tolist())
    out["per_seed"] = per_seed
    means = [d["rate"]["mean"] for d in per_seed]
    out["pooled"] = {"rate": stats(pooled_rates), "rate_hist": int_hist(pooled_rates),
                     "mean_rate_across_seeds": stats(means)}
    return out


# ---------------------------------------------------------------------------
# stdp_synapse under Poisson input: final weights
# ---------------------------------------------------------------------------
def stdp_poisson(seeds):
    n_pre, n_post, rate, T = 100, 10, 10.0, 2000.0
    syn = {"synapse_model": "stdp_synapse", "weight": 20.0, "delay": 1.5, "tau_plus": 20.0,
           "lambda": 0.01, "alpha": 1.0, "mu_plus": 1.0, "mu_minus": 1.0, "Wmax": 100.0}
    post = {"I_e": 300.0, "tau_minus": 20.0}
    params = {"resolution": 0.1, "generator": {"model": "poisson_generator", "rate": rate},
              "pre": {"model": "parrot_neuron", "n": n_pre,
                      "input": "poisson_generator -> each parrot, static_synapse weight 1 delay 1"},
              "post": {"model": "iaf_psc_alpha", "params": post, "n": n_post},
              "connection": {"rule": "all_to_all", **syn},
              "simulate": T,
              "weights": "GetConnections(pre, post).weight after Simulate(T)"}
    out = base("stdp_poisson_weights",
               f"{n_pre} parrots repeating independent {rate} Hz Poisson trains -> all_to_all "
               f"stdp_synapse -> {n_post} iaf_psc_alpha (I_e 300); final weights and post rates",
               params, seeds)
    per_seed = []
    for seed in seeds:
        reset(seed)
        pg = nest.Create("poisson_generator", params={"rate": rate})
        pre = nest.Create("parrot_neuron", n_pre)
        cells = nest.Create("iaf_psc_alpha", n_post, params=post)
        sr = nest.Create("spike_recorder")
        nest.Connect(pg, pre, syn_spec={"weight": 1.0, "delay": 1.0})
        nest.Connect(pre, cells, "all_to_all", syn_spec=dict(syn))
        nest.Connect(cells, sr)
        nest.Simulate(T)
        w = np.asarray(nest.GetConnections(pre, cells).get("weight"), dtype=float)
        n_spikes = len(sr.get("events")["times"])
        d = {"seed": seed, "weight": stats(w), "post_rate": n_spikes / n_post / (T * 1e-3)}
        per_seed.append(d)
    out["per_seed"] = per_seed
    out["pooled"] = {"mean_weight_across_seeds": stats([d["weight"]["mean"] for d in per_seed]),
                     "post_rate_across_seeds": stats([d["post_rate"] for d in per_seed])}
    return out


# ---------------------------------------------------------------------------
# non-spatial connection rules
# ---------------------------------------------------------------------------
def connectivity(name, description, conn_spec, seeds, n_src=100, n_tgt=100, same_population=False):
    params = {"conn_spec": conn_spec, "n_src": n_src, "n_tgt": n_tgt,
              "same_population": same_population, "neuron_model": "iaf_psc_alpha",
              "synapse": {"synapse_model": "static_synapse"}}
    out = base(name, description, params, seeds)
    per_seed = []
    pool_in, pool_out, totals = [], [], []
    for seed in seeds:
        reset(seed)
        src = nest.Create("iaf_psc_alpha", n_src)
        tgt = src if same_population else nest.Create("iaf_psc_alpha", n_tgt)
        nest.Connect(src, tgt, conn_spec=dict(conn_spec))
        c = nest.GetConnections(source=src, target=tgt).get(["source", "target"])
        s = np.asarray(c["source"], dtype=int) - src[0].global_id
        t = np.asarray(c["target"], dtype=int) - tgt[0].global_id
        outdeg = np.bincount(s, minlength=n_src)
        indeg = np.bincount(t, minlength=n_tgt)
        pairs = s * n_tgt + t
        n_distinct = int(np.unique(pairs).size)
        autapses = int(np.sum(s == t)) if same_population else 0
        per_seed.append({"seed": seed, "total": int(s.size), "outdegree": stats(outdeg),
                         "indegree": stats(indeg), "distinct_pairs": n_distinct,
                         "multapse_extra": int(s.size) - n_distinct, "autapses": autapses})
        pool_in.extend(indeg.tolist())
        pool_out.extend(outdeg.tolist())
        totals.append(int(s.size))
    out["per_seed"] = per_seed
    out["pooled"] = {"outdegree": stats(pool_out), "outdegree_hist": int_hist(pool_out),
                     "indegree": stats(pool_in), "indegree_hist": int_hist(pool_in),
                     "total": stats(totals) if len(totals) > 1 else None}
    return out


# ---------------------------------------------------------------------------
# spatial
# ---------------------------------------------------------------------------
def spatial_case(name, description, n, dims, edge_wrap, conn_spec_fn, conn_desc, seeds,
                 hist_range, bins, extent=None):
    params = {"neuron_model": "iaf_psc_alpha", "n": n, "num_dimensions": dims,
              "positions": "nest.random.uniform(min=0.0, max=1.0) per coordinate: "
                           + ("nest.spatial.free(p, num_dimensions=%d)" % dims if extent is None
                              else "nest.spatial.free([p]*%d, extent=...) (one Parameter per axis)" % dims),
              "extent": extent, "edge_wrap": edge_wrap, "conn_spec": conn_desc,
              "source_and_target": "the same layer",
              "distance": "Euclidean norm of target - source position"
                          + (" with periodic wrap d - L*round(d/L)" if edge_wrap else ""),
              "histogram": {"range": list(hist_range), "bins": bins}}
    out = base(name, description, params, seeds)
    per_seed, pooled_d, totals = [], [], []
    for seed in seeds:
        reset(seed)
        if extent is None:
            pos = nest.spatial.free(nest.random.uniform(min=0.0, max=1.0), num_dimensions=dims,
                                    edge_wrap=edge_wrap)
        else:  # NEST refuses num_dimensions together with extent: one Parameter per axis
            pos = nest.spatial.free([nest.random.uniform(min=0.0, max=1.0) for _ in range(dims)],
                                    extent=extent, edge_wrap=edge_wrap)
        layer = nest.Create("iaf_psc_alpha", n, positions=pos)
        P = np.asarray(nest.GetPosition(layer), dtype=float)
        ext = np.asarray(layer.spatial["extent"], dtype=float)
        nest.Connect(layer, layer, conn_spec=conn_spec_fn())
        c = nest.GetConnections(source=layer, target=layer).get(["source", "target"])
        s = np.asarray(c["source"], dtype=int) - layer[0].global_id
        t = np.asarray(c["target"], dtype=int) - layer[0].global_id
        disp = P[t] - P[s]
        if edge_wrap:
            disp = disp - ext * np.round(disp / ext)
        dist = np.sqrt(np.sum(disp * disp, axis=1))
        indeg = np.bincount(t, minlength=n)
        pairs = s * n + t
        per_seed.append({"seed": seed, "total": int(s.size),
                         "distance_mean": float(np.mean(dist)) if dist.size else None,
                         "distance_max": float(np.max(dist)) if dist.size else None,
                         "autapses": int(np.sum(s == t)),
                         "multapse_extra": int(s.size) - int(np.unique(pairs).size),
                         "indegree": stats(indeg),
                         "layer_center": [float(x) for x in layer.spatial["center"]],
                         "layer_extent": [float(x) for x in ext],
                         "distance_hist": hist(dist, hist_range[0], hist_range[1], bins)})
        pooled_d.extend(dist.tolist())
        totals.append(int(s.size))
    out["per_seed"] = per_seed
    out["pooled"] = {"total": stats(totals), "distance": stats(pooled_d),
                     "distance_hist": hist(pooled_d, hist_range[0], hist_range[1], bins),
                     "autapses": sum(d["autapses"] for d in per_seed),
                     "multapse_extra": sum(d["multapse_extra"] for d in per_seed)}
    return out


def spatial_fixed_indegree_error(seed):
    """The brief's literal configuration (no wrap, multapses off) fails in NEST:
    targets near the cube's corners have fewer than 20 candidates."""
    reset(seed)
    pos = nest.spatial.free(nest.random.uniform(min=0.0, max=1.0), num_dimensions=3)
    layer = nest.Create("iaf_psc_alpha", 1000, positions=pos)
    try:
        nest.Connect(layer, layer, conn_spec={"rule": "fixed_indegree", "indegree": 20,
                                              "mask": {"spherical": {"radius": 0.2}},
                                              "allow_multapses": False})
    except Exception as e:  # noqa: BLE001
        msg = str(e)
        return {"seed": seed, "error_type": type(e).__name__,
                "message_contains_not_enough_sources": "Not enough sources found inside mask" in msg,
                "connections_made_before_error": len(nest.GetConnections())}
    return {"seed": seed, "error_type": None, "connections": len(nest.GetConnections())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    quiet()
    results = []

    seeds5 = [1, 2, 3, 4, 5]
    seeds10 = list(range(1, 11))
    seeds20 = list(range(1, 21))

    results.append(poisson_parrot("poisson_parrot_50Hz", 50.0, 0.0, 1000.0, seeds5))
    results.append(poisson_parrot("poisson_parrot_1000Hz", 1000.0, 0.0, 1000.0, seeds5))
    results.append(poisson_parrot("poisson_parrot_1000Hz_window_100_900", 1000.0, 100.0, 900.0, seeds5))
    results.append(alpha_population(seeds10))
    results.append(stdp_poisson(seeds10))

    for label, same, autapses, multapses in (("separate_multapses", False, True, True),
                                             ("separate_no_multapses", False, True, False),
                                             ("recurrent_autapses_multapses", True, True, True),
                                             ("recurrent_no_autapses_no_multapses", True, False, False)):
        where = ("one population of 100 onto itself" if same else "100 sources onto 100 other targets")
        for rule, key in (("fixed_indegree", "indegree"), ("fixed_outdegree", "outdegree")):
            cs = {"rule": rule, key: 10, "allow_autapses": autapses, "allow_multapses": multapses}
            results.append(connectivity(
                f"{rule}_{label}", f"{rule} {key} 10, {where}, allow_autapses {autapses}, "
                                   f"allow_multapses {multapses}; degree histograms", cs, seeds10,
                same_population=same))
    results.append(connectivity("pairwise_bernoulli_p0.1", "pairwise_bernoulli p 0.1, 100 -> 100 other "
                                "neurons; total count over seeds (expect mean 1000, var 900)",
                                {"rule": "pairwise_bernoulli", "p": 0.1}, seeds20))
    results.append(connectivity("pairwise_bernoulli_p0.1_recurrent_no_autapses",
                                "pairwise_bernoulli p 0.1, one population of 100 onto itself, "
                                "allow_autapses False (expect mean 990)",
                                {"rule": "pairwise_bernoulli", "p": 0.1, "allow_autapses": False},
                                seeds20, same_population=True))
    results.append(connectivity("fixed_total_number_1000", "fixed_total_number N 1000, 100 -> 100 other "
                                "neurons (multapses allowed); in/outdegree histograms",
                                {"rule": "fixed_total_number", "N": 1000}, seeds10))

    # spatial
    results.append(spatial_case(
        "spatial_fixed_indegree_sphere_r0.2",
        "3D free layer of 1000 nodes uniform in the unit cube (no wrap), fixed_indegree 20 within a "
        "spherical mask of radius 0.2, allow_multapses True (NEST default; corner targets with fewer "
        "than 20 candidates get repeated sources). allow_multapses False fails in NEST for this "
        "layout, see spatial_fixed_indegree_nomultapses_error",
        1000, 3, False,
        lambda: {"rule": "fixed_indegree", "indegree": 20, "mask": {"spherical": {"radius": 0.2}}},
        {"rule": "fixed_indegree", "indegree": 20, "mask": {"spherical": {"radius": 0.2}},
         "allow_multapses": True},
        seeds10, (0.0, 0.2), 20))
    results.append(spatial_case(
        "spatial_fixed_indegree_sphere_r0.2_wrap_nomultapses",
        "3D free layer of 2000 nodes uniform in the unit cube with edge_wrap (extent [1,1,1]), "
        "fixed_indegree 20 within a spherical mask of radius 0.2, allow_multapses False "
        "(~67 candidates per target, so no target runs short)",
        2000, 3, True,
        lambda: {"rule": "fixed_indegree", "indegree": 20, "mask": {"spherical": {"radius": 0.2}},
                 "allow_multapses": False},
        {"rule": "fixed_indegree", "indegree": 20, "mask": {"spherical": {"radius": 0.2}},
         "allow_multapses": False},
        seeds10, (0.0, 0.2), 20, extent=[1.0, 1.0, 1.0]))
    results.append(spatial_case(
        "spatial_pairwise_bernoulli_gaussian_sphere",
        "3D free layer of 1000 nodes uniform in the unit cube (no wrap), pairwise_bernoulli with "
        "p = gaussian(distance, std=0.1) (peak 1) inside a spherical mask of radius 0.3, "
        "allow_autapses False",
        1000, 3, False,
        lambda: {"rule": "pairwise_bernoulli",
                 "p": nest.spatial_distributions.gaussian(nest.spatial.distance, std=0.1),
                 "mask": {"spherical": {"radius": 0.3}}, "allow_autapses": False},
        {"rule": "pairwise_bernoulli", "p": "gaussian(distance, mean=0, std=0.1)",
         "mask": {"spherical": {"radius": 0.3}}, "allow_autapses": False},
        seeds10, (0.0, 0.3), 30))
    results.append(spatial_case(
        "spatial_pairwise_bernoulli_gaussian_circle",
        "2D free layer of 1000 nodes uniform in the unit square (no wrap), pairwise_bernoulli with "
        "p = gaussian(distance, std=0.1) (peak 1) inside a circular mask of radius 0.3, "
        "allow_autapses False",
        1000, 2, False,
        lambda: {"rule": "pairwise_bernoulli",
                 "p": nest.spatial_distributions.gaussian(nest.spatial.distance, std=0.1),
                 "mask": {"circular": {"radius": 0.3}}, "allow_autapses": False},
        {"rule": "pairwise_bernoulli", "p": "gaussian(distance, mean=0, std=0.1)",
         "mask": {"circular": {"radius": 0.3}}, "allow_autapses": False},
        seeds10, (0.0, 0.3), 30))
    # One case per remaining kernel kind (issue 17), as the exporter writes each.
    circle = {"circular": {"radius": 0.3}}
    for kind, kernel, p_fn, p_desc in [
        ("exponential", {"kind": "exponential", "p0": 0.8, "beta": 0.15},
         lambda: 0.8 * nest.spatial_distributions.exponential(nest.spatial.distance, beta=0.15),
         "0.8 * exponential(distance, beta=0.15)"),
        ("linear", {"kind": "linear", "p0": 0.9, "slope": -2.5},
         lambda: 0.9 + -2.5 * nest.spatial.distance, "0.9 + -2.5 * distance"),
        ("constant", {"kind": "constant", "p": 0.3}, lambda: 0.3, "0.3"),
    ]:
        results.append(spatial_case(
            "spatial_pairwise_bernoulli_%s_circle" % kind,
            "2D free layer of 1000 nodes uniform in the unit square (no wrap), pairwise_bernoulli "
            "with p = %s inside a circular mask of radius 0.3, allow_autapses False" % p_desc,
            1000, 2, False,
            lambda p_fn=p_fn: {"rule": "pairwise_bernoulli", "p": p_fn(), "mask": circle,
                               "allow_autapses": False},
            {"rule": "pairwise_bernoulli", "p": p_desc, "kernel": kernel, "mask": circle,
             "allow_autapses": False},
            seeds10, (0.0, 0.3), 30))
    err = base("spatial_fixed_indegree_nomultapses_error",
               "The literal configuration (1000 nodes uniform in the unit cube, no wrap, fixed_indegree "
               "20, spherical mask radius 0.2, allow_multapses False) raises 'Not enough sources found "
               "inside mask' in NEST 3.10 because corner targets have < 20 candidates",
               {"n": 1000, "num_dimensions": 3, "edge_wrap": False,
                "conn_spec": {"rule": "fixed_indegree", "indegree": 20,
                              "mask": {"spherical": {"radius": 0.2}}, "allow_multapses": False}},
               seeds5)
    err["per_seed"] = [spatial_fixed_indegree_error(s) for s in seeds5]
    results.append(err)

    names = []
    for r in results:
        dump(r, os.path.join(args.out, r["name"] + ".json"))
        names.append(r["name"])
        print(r["name"], flush=True)
    dump({"nest_version": nest.__version__, "cases": names}, os.path.join(args.out, "index.json"))


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
