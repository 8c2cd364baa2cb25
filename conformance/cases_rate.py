"""Deterministic cases of NEST's rate neurons (issue 12): the four rate_neuron_ipn
models with sigma = 0, connected by rate_connection_delayed and
rate_connection_instantaneous (waveform relaxation on and off, tolerances that stop the
iteration early and late), linear_summation on and off, mult_coupling.

Run by run_nest.py (main_rate) into reference/rate/<name>.json with its own index.json;
replayed by network-core/tests/rate_conformance.rs.

Schema: {"name", "description", "resolution", "simulate": [ms, ...],
 "kernel": {NEST kernel settings: use_wfr, wfr_tol, ...},
 "populations": [{"model", "params", "n", "positions" (optional): {"grid": shape,
                  "extent", "center" (optional), "edge_wrap"}}],
 "connections": [{"source": pop, "target": pop, "rule": "all_to_all"|"one_to_one"|"pairs",
                  "pairs": [[s, t], ...], "synapse_model", "weight", "delay" (delayed only),
                  "conn_spec" (optional, spatial populations): {"rule", "p", "mask",
                  "use_on_source"}}],
 A weight or delay may be an EXPR of spatial_values.py (distance, positions, ..).
 "record": {"interval": ms, "record_from": ["rate", "noise"],
            "offset", "start", "stop": ms (optional)},   // every neuron
 "meter_sets": [{"after": run, "params": {"start"|"stop"|"origin": ms}}] (optional:
            SetStatus on the multimeter after run `run`, in order),
 "expected": {"samples": {"times", "senders" (global index), "rate", "noise"}}}
"""
import math

LIN, TANH, THR, SIG = "lin_rate_ipn", "tanh_rate_ipn", "threshold_lin_rate_ipn", "sigmoid_rate_ipn"
DELAYED, INSTANT = "rate_connection_delayed", "rate_connection_instantaneous"


def pop(model, n, **params):
    params.setdefault("sigma", 0.0)
    # `lambda` is a Python keyword: written `lambda_` here
    return {"model": model, "n": n, "params": {k.rstrip("_"): v for k, v in params.items()}}


def conn(source, target, model, weight, delay=None, rule="all_to_all", pairs=None):
    c = {"source": source, "target": target, "synapse_model": model, "weight": weight,
         "rule": rule}
    if delay is not None:
        c["delay"] = delay
    if pairs is not None:
        c["rule"] = "pairs"
        c["pairs"] = [list(p) for p in pairs]
    return c


def spatial_conn(source, target, model, weight, conn_spec, delay=None):
    """A connection between rate populations with positions, by `conn_spec` (NEST's
    spatial conn_spec), weight and delay numbers or EXPRs of distance."""
    c = conn(source, target, model, weight, delay)
    c["rule"] = conn_spec["rule"]
    c["conn_spec"] = conn_spec
    return c


def case(name, description, populations, connections, simulate=(40.0,), kernel=None,
         resolution=0.1, interval=None, sets=None, meter=None, meter_sets=None):
    c = {"name": name, "description": description, "resolution": resolution,
         "simulate": list(simulate), "kernel": dict(kernel or {}),
         "populations": populations, "connections": connections,
         "record": {"interval": interval or resolution, "record_from": ["rate", "noise"],
                    **(meter or {})}}
    if sets:
        c["sets"] = sets
    if meter_sets:
        c["meter_sets"] = meter_sets
    return c


def set_after(run, population, params, indices=None, range_=None):
    """SetStatus on a population (or the neurons `indices`, or the slice `range_` =
    (start, stop), of it) after run `run`."""
    s = {"after": run, "population": population, "params": params}
    if indices is not None:
        s["indices"] = list(indices)
    if range_ is not None:
        s["range"] = list(range_)
    return s


def build():
    cases = []
    add = cases.append
    # a driven ring of three populations with delays of several lengths, both signs
    for model, extra in [(LIN, {"g": 1.5}), (TANH, {"g": 2.0, "theta": 0.2}),
                         (THR, {"g": 1.2, "theta": 0.1, "alpha": 0.8}),
                         (SIG, {"g": 1.3, "beta": 3.0, "theta": 0.4})]:
        short = model.split("_rate")[0]
        for lin in (True, False):
            tag = "" if lin else "_nonlinear"
            add(case(f"rate_{short}_delayed{tag}",
                     f"{model} (linear_summation {lin}): a driven population (mu 1, rate 0.5) "
                     "-> a second (all_to_all, w 0.3, d 1.5 ms), back with w -0.4, d 2 ms, "
                     "and self pairs with d 0.1 and 0.7 ms",
                     [pop(model, 3, mu=1.0, tau=5.0, rate=0.5, linear_summation=lin, **extra),
                      pop(model, 2, tau=8.0, lambda_=0.5, linear_summation=lin, **extra)],
                     [conn(0, 1, DELAYED, 0.3, 1.5),
                      conn(1, 0, DELAYED, -0.4, 2.0),
                      conn(0, 0, DELAYED, 0.2, 0.1, pairs=[(0, 1), (1, 2), (2, 0)]),
                      conn(1, 1, DELAYED, -0.1, 0.7, pairs=[(0, 1), (0, 1), (1, 0)])]))
    add(case("rate_lin_mult_coupling",
             "lin_rate_ipn with mult_coupling (g_ex 0.8, theta_ex 2, g_in 1.2, theta_in 0.5), "
             "linear_summation on in one population and off in the other, delayed both ways",
             [pop(LIN, 2, mu=1.0, rate=0.3, mult_coupling=True, g_ex=0.8, theta_ex=2.0,
                  g_in=1.2, theta_in=0.5),
              pop(LIN, 2, mu=0.5, rate=0.1, mult_coupling=True, linear_summation=False,
                  g=0.7, g_ex=0.9, theta_ex=1.5)],
             [conn(0, 1, DELAYED, 0.6, 1.0), conn(1, 0, DELAYED, -0.5, 1.2),
              conn(0, 0, DELAYED, 0.4, 0.3, rule="one_to_one")]))
    add(case("rate_mult_coupling_nonlinear_inhibition",
             "lin_rate_ipn with mult_coupling on and linear_summation off receiving delayed "
             "inhibitory (-0.7 from a lin_rate_ipn, -0.2 from itself) and excitatory (0.5) "
             "input (g_in 1.3, theta_in 0.2: the inhibitory coupling factor differs from 1), "
             "to and from a tanh_rate_ipn with the same flags (its coupling factors are 1)",
             [pop(LIN, 2, mu=1.0, rate=0.4, tau=6.0),
              pop(LIN, 2, mu=0.6, rate=0.3, mult_coupling=True, linear_summation=False,
                  g_ex=0.9, theta_ex=1.5, g_in=1.3, theta_in=0.2),
              pop(TANH, 2, mu=0.2, rate=0.5, g=1.2, mult_coupling=True,
                  linear_summation=False)],
             [conn(0, 1, DELAYED, -0.7, 1.0), conn(0, 2, DELAYED, -0.3, 0.5),
              conn(2, 1, DELAYED, 0.5, 1.5), conn(1, 2, DELAYED, 0.4, 0.8),
              conn(1, 1, DELAYED, -0.2, 0.6, rule="one_to_one")]))
    add(case("rate_lambda0_rectify",
             "lambda 0 (Euler-Maruyama propagators), rectify_output at 0.2, "
             "inhibitory delayed input pushing the rate below it",
             [pop(LIN, 2, mu=0.5, lambda_=0.0, tau=20.0, rate=1.0),
              pop(THR, 2, mu=0.1, lambda_=0.0, rectify_output=True, rectify_rate=0.2,
                  theta=0.05)],
             [conn(0, 1, DELAYED, -0.8, 0.5), conn(1, 0, DELAYED, 0.3, 3.0)]))
    # instantaneous connections: waveform relaxation with NEST's defaults
    inst_pops = [pop(LIN, 3, mu=1.0, tau=4.0, rate=0.2),
                 pop(TANH, 2, mu=0.3, tau=6.0, g=1.5),
                 pop(SIG, 2, tau=3.0, beta=2.0, linear_summation=False)]
    inst_conns = [conn(0, 1, INSTANT, 0.7), conn(1, 2, INSTANT, -0.9),
                  conn(2, 0, INSTANT, 0.4, pairs=[(0, 0), (1, 2)]),
                  conn(0, 0, INSTANT, -0.3, pairs=[(0, 1), (2, 1)]),
                  conn(1, 0, DELAYED, 0.5, 2.0)]
    add(case("rate_instantaneous_wfr",
             "instantaneous connections among three populations (a loop), one delayed "
             "connection (2 ms); waveform relaxation with NEST's defaults (interval 1 ms, "
             "tol 1e-4, 15 iterations)", inst_pops, inst_conns))
    add(case("rate_instantaneous_tight",
             "the same with wfr_tol 1e-15 and 30 iterations (the exact fixed point)",
             inst_pops, inst_conns, kernel={"wfr_tol": 1e-15, "wfr_max_iterations": 30}))
    add(case("rate_instantaneous_loose",
             "the same with wfr_tol 0.05 and 3 iterations (stops early), interval 0.5 ms",
             inst_pops, inst_conns,
             kernel={"wfr_tol": 0.05, "wfr_max_iterations": 3, "wfr_comm_interval": 0.5}))
    add(case("rate_instantaneous_nowfr",
             "the same without waveform relaxation (use_wfr false: one-step interval)",
             inst_pops, inst_conns, kernel={"use_wfr": False}))
    add(case("rate_large_one_to_one",
             "1,100 lin_rate_ipn neurons (more than one block) driven one_to_one by 1,100 "
             "with mu 1 (delay 1 ms), and all_to_all onto 2 tanh neurons (w 0.001)",
             [pop(LIN, 1100, mu=1.0, tau=5.0), pop(LIN, 1100, tau=2.0, g=0.5),
              pop(TANH, 2, tau=3.0)],
             [conn(0, 1, DELAYED, 0.8, 1.0, rule="one_to_one"),
              conn(1, 2, DELAYED, 0.001, 0.4)],
             simulate=(10.0,), interval=2.0))
    # runs ending inside a communication interval (NEST continues the interval in the
    # next run; only the last part's events are sent at its end)
    add(case("rate_split_wfr",
             "rate_instantaneous_wfr run as Simulate(10.3); Simulate(0.4); Simulate(29.3): "
             "the first two end inside a 1 ms waveform-relaxation interval",
             inst_pops, inst_conns, simulate=(10.3, 0.4, 29.3)))
    add(case("rate_split_loose",
             "rate_instantaneous_loose (interval 0.5 ms, tol 0.05, 3 iterations) run as "
             "Simulate(10.3); Simulate(29.7)",
             inst_pops, inst_conns, simulate=(10.3, 29.7),
             kernel={"wfr_tol": 0.05, "wfr_max_iterations": 3, "wfr_comm_interval": 0.5}))
    add(case("rate_split_delayed_nonlinear",
             "sigmoid_rate_ipn (linear_summation false) with delayed connections only "
             "(min_delay 1 ms) run as Simulate(5.3); Simulate(14.7); Simulate(20)",
             [pop(SIG, 3, mu=1.0, tau=5.0, rate=0.5, linear_summation=False, g=1.3,
                  beta=3.0, theta=0.4),
              pop(SIG, 2, tau=8.0, linear_summation=False, g=1.1, beta=2.0)],
             [conn(0, 1, DELAYED, 0.3, 1.5), conn(1, 0, DELAYED, -0.4, 2.0),
              conn(0, 0, DELAYED, 0.2, 1.0, pairs=[(0, 1), (1, 2), (2, 0)])],
             simulate=(5.3, 14.7, 20.0)))
    # parameters and state set between runs (NEST's SetStatus)
    add(case("rate_set_between_runs",
             "rate_instantaneous_wfr run as Simulate(10); Simulate(10.3); Simulate(19.7) "
             "with mu, g (lin), theta, tau (tanh) set after the first, the rate of one "
             "sigmoid neuron, lambda and linear_summation after the second (inside an "
             "interval)",
             inst_pops, inst_conns, simulate=(10.0, 10.3, 19.7),
             sets=[set_after(0, 0, {"mu": 0.5, "g": 1.2}),
                   set_after(0, 1, {"theta": 0.3, "tau": 4.0}),
                   set_after(1, 2, {"rate": 0.9}, indices=[1]),
                   set_after(1, 0, {"lambda": 0.8}),
                   set_after(1, 2, {"linear_summation": True})]))
    add(case("rate_set_delayed",
             "sigmoid_rate_ipn with delayed connections only (1.5 and 2 ms: the "
             "multimeter's 1 ms makes the interval): mu, beta and the rate of the first "
             "population set after Simulate(10.5), inside an interval",
             [pop(SIG, 3, mu=1.0, tau=5.0, rate=0.5, g=1.3, beta=3.0, theta=0.4),
              pop(SIG, 2, tau=8.0, g=1.1, beta=2.0)],
             [conn(0, 1, DELAYED, 0.3, 1.5), conn(1, 0, DELAYED, -0.4, 2.0)],
             simulate=(10.5, 29.5),
             sets=[set_after(0, 0, {"mu": 0.2, "beta": 1.5, "rate": 1.1})]))
    add(case("rate_set_ranges_flags",
             "lin_rate_ipn -> threshold_lin_rate_ipn and back, delayed (1, 1.5, 1.2 ms), run "
             "as Simulate(8); Simulate(7.5); Simulate(14.5): after the first, the rate of "
             "neurons 0..2 of the first population (a slice), rectify_output, rectify_rate "
             "and alpha of the second; after the second (inside an interval), mult_coupling "
             "with g_ex and theta_ex of the first and the rate of its neurons [1, 3]",
             [pop(LIN, 4, mu=0.8, tau=5.0, rate=0.1),
              pop(THR, 3, tau=4.0, g=1.5, theta=0.1)],
             [conn(0, 1, DELAYED, 0.6, 1.0), conn(1, 0, DELAYED, -0.7, 1.5),
              conn(0, 0, DELAYED, 0.2, 1.2, rule="one_to_one")],
             simulate=(8.0, 7.5, 14.5),
             sets=[set_after(0, 0, {"rate": 1.4}, range_=(0, 2)),
                   set_after(0, 1, {"rectify_output": True, "rectify_rate": 0.3,
                                    "alpha": 0.9}),
                   set_after(1, 0, {"mult_coupling": True, "g_ex": 0.5, "theta_ex": 1.5}),
                   set_after(1, 0, {"rate": -0.2}, indices=[1, 3])]))
    add(case("rate_multimeter_window",
             "rate_lin_delayed's network sampled every 0.5 ms from offset 0.3 ms within "
             "(5, 12] ms; after Simulate(15) the window becomes (25, 35] ms (stop set "
             "first, then start: SetStatus on the multimeter), then Simulate(25). The "
             "last interval of the first run (NEST hands its samples to the multimeter "
             "in the next run) lies outside both windows",
             [pop(LIN, 3, mu=1.0, tau=5.0, rate=0.5, g=1.5),
              pop(LIN, 2, tau=8.0, lambda_=0.5, g=1.5)],
             [conn(0, 1, DELAYED, 0.3, 1.5), conn(1, 0, DELAYED, -0.4, 2.0)],
             simulate=(15.0, 25.0), interval=0.5,
             meter={"offset": 0.3, "start": 5.0, "stop": 12.0},
             meter_sets=[{"after": 0, "params": {"stop": 35.0}},
                         {"after": 0, "params": {"start": 25.0}}]))
    # rate populations in space (issue 12): grid layers, a circular mask with p = 1 and a
    # rectangular one centred on the target, weights and delays of distance, delayed
    # and instantaneous connections, a periodic layer connected to itself
    grid4 = {"grid": [4, 4], "extent": [1.0, 1.0], "edge_wrap": False}
    grid3 = {"grid": [3, 3], "extent": [1.2, 1.2], "center": [0.1, 0.0], "edge_wrap": False}
    torus = {"grid": [3, 3], "extent": [1.2, 1.2], "edge_wrap": True}
    dist = ["distance"]
    a = pop(TANH, 16, g=2.0, theta=0.1, mu=1.0, rate=0.5)
    a["positions"] = grid4
    b = pop(LIN, 9, g=1.5, mu=0.2)
    b["positions"] = grid3
    c = pop(SIG, 9, g=1.3, beta=3.0, theta=0.4, mu=0.3)
    c["positions"] = torus
    add(case("rate_spatial_grid",
             "tanh_rate_ipn on a 4x4 grid -> lin_rate_ipn on a 3x3 grid (pairwise_bernoulli "
             "p 1, circular mask r 0.45, weight 0.8 - distance, delay 0.5 + 2 distance ms), "
             "back instantaneous (rectangular mask, use_on_source, weight -0.3 distance); "
             "sigmoid_rate_ipn on a periodic 3x3 grid to itself (circular mask r 0.5, "
             "weight 0.2 + distance, delay 1 ms)",
             [a, b, c],
             [spatial_conn(0, 1, DELAYED, ["sub", 0.8, dist],
                           {"rule": "pairwise_bernoulli", "p": 1.0,
                            "mask": {"circular": {"radius": 0.45}}},
                           delay=["add", 0.5, ["mul", dist, 2.0]]),
              spatial_conn(1, 0, INSTANT, ["mul", dist, -0.3],
                           {"rule": "pairwise_bernoulli", "p": 1.0, "use_on_source": True,
                            "mask": {"rectangular": {"lower_left": [-0.3, -0.3],
                                                     "upper_right": [0.35, 0.3]}}}),
              spatial_conn(2, 2, DELAYED, ["add", 0.2, dist],
                           {"rule": "pairwise_bernoulli", "p": 1.0,
                            "mask": {"circular": {"radius": 0.5}}},
                           delay=1.0)],
             simulate=(20.0,), interval=0.5))
    return cases


RATE_CASES = build()


def expr(e, layer):
    """A weight or delay: a number, or an EXPR of spatial_values.py as NEST's parameter."""
    if isinstance(e, (int, float)):
        return e
    from spatial_values import value
    return value(e, layer)


def run_rate_case(nest, c):
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": c["resolution"], "local_num_threads": 1,
                          "rng_seed": 12345})
    if c["kernel"]:
        k = dict(c["kernel"])
        if "use_wfr" in k:  # must come first: it resets wfr_comm_interval
            nest.SetKernelStatus({"use_wfr": k.pop("use_wfr")})
        nest.SetKernelStatus(k)
    pops = []
    offsets = []
    total = 0
    for p in c["populations"]:
        params = {k: (math.inf if v is None else v) for k, v in p["params"].items()}
        if "positions" in p:
            lay = p["positions"]
            kw = {"extent": lay["extent"], "edge_wrap": lay["edge_wrap"]}
            if "center" in lay:
                kw["center"] = lay["center"]
            grid = nest.spatial.grid(shape=lay["grid"], **kw)
            pops.append(nest.Create(p["model"], positions=grid, params=params))
        else:
            pops.append(nest.Create(p["model"], p["n"], params=params))
        offsets.append(total)
        total += p["n"]
    for cn in c["connections"]:
        layer = c["populations"][cn["source"]].get("positions")
        spec = {"synapse_model": cn["synapse_model"], "weight": expr(cn["weight"], layer)}
        if "delay" in cn:
            spec["delay"] = expr(cn["delay"], layer)
        src, tgt = pops[cn["source"]], pops[cn["target"]]
        if "conn_spec" in cn:
            nest.Connect(src, tgt, conn_spec=dict(cn["conn_spec"]), syn_spec=spec)
        elif cn["rule"] == "pairs":
            for s, t in cn["pairs"]:
                nest.Connect(src[s], tgt[t], syn_spec=spec)
        else:
            nest.Connect(src, tgt, conn_spec=cn["rule"], syn_spec=spec)
    rec = c["record"]
    mm = nest.Create("multimeter", params={k: (list(v) if k == "record_from" else v)
                                           for k, v in rec.items()})
    for p in pops:
        nest.Connect(mm, p)
    gid_to_idx = {}
    for p, off in zip(pops, offsets):
        for k in range(len(p)):
            gid_to_idx[p[k].global_id] = off + k
    T = 0
    for run, t in enumerate(c["simulate"]):
        nest.Simulate(t)
        T += round(t * 1000)
        for s in c.get("sets", []):
            if s["after"] == run:
                target = pops[s["population"]]
                if "indices" in s:
                    target = target[s["indices"]]
                if "range" in s:
                    target = target[s["range"][0]:s["range"][1]]
                target.set(s["params"])
        for s in c.get("meter_sets", []):
            if s["after"] == run:
                mm.set(s["params"])
    nest.Simulate(2.0)
    ev = mm.get("events")
    rows = []
    for i in range(len(ev["times"])):
        t = float(ev["times"][i])
        if round(t * 1000) > T:
            continue
        rows.append((t, gid_to_idx[int(ev["senders"][i])],
                     [float(ev[k][i]) for k in rec["record_from"]]))
    rows.sort(key=lambda r: (r[0], r[1]))
    samples = {"times": [r[0] for r in rows], "senders": [r[1] for r in rows]}
    for j, k in enumerate(rec["record_from"]):
        samples[k] = [r[2][j] for r in rows]
    out = dict(c)
    out["expected"] = {"samples": samples}
    return out


def main_rate(nest, dump, out, only):
    import os
    d = os.path.join(out, "rate")
    os.makedirs(d, exist_ok=True)
    names = []
    for c in RATE_CASES:
        names.append(c["name"])
        if only and c["name"] not in only:
            continue
        res = run_rate_case(nest, c)
        dump(res, os.path.join(d, c["name"] + ".json"))
        print(f"{c['name']}: {len(res['expected']['samples']['times'])} samples", flush=True)
    dump({"nest_version": nest.__version__, "cases": names}, os.path.join(d, "index.json"))
