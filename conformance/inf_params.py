"""What NEST 3.10 does with each parameter it accepts as +inf.

`conformance/model_checks.py` found which parameters NEST takes as +inf (its `SetStatus`
accepts the value and 1 ms runs). This script asks what the model then computes: for
each such (model, parameter) pair it builds the model with that parameter = +inf, the
others at their defaults, drives it for 60 ms and records every recordable, then
classifies the result:

  * neurons: a DC current (`dc_generator`, 300 pA from 1 ms) and spikes from 5 ms on on
    every receptor (excitatory and inhibitory weights; ports 1 and 2 of a multisynapse
    model), every recordable sampled each 0.1 ms, spikes counted; the neuron's
    postsynaptic STDP traces (`tau_minus`, `tau_minus_triplet`) are read by an
    `stdp_triplet_synapse` from a parrot onto it, whose final weight is reported;
  * rate neurons: `mu` = 1 and a driving `lin_rate_ipn` through a delayed rate connection,
    `rate` and `noise` sampled;
  * synapses: a parrot relaying ten spikes onto an `iaf_psc_alpha` through the synapse,
    the target's V_m sampled and the synapse's final state reported.

Verdicts (the first that applies):
  * "nan": a recorded value or the synapse's final state is NaN;
  * "infinite": a recorded value (other than the one set to +inf) is infinite;
  * "frozen": the membrane potential (rate, target's V_m) never changes although driven;
  * "finite": everything finite and moving.

Writes conformance/reference/inf_params.json, read by network-spec/tests/nest_checks.rs,
which accepts +inf where NEST's verdict is "finite" and otherwise checks that the
engine refuses it with a reason.

  python conformance/inf_params.py
"""
import argparse
import json
import math
import os

os.environ.setdefault("PYNEST_QUIET", "1")
import nest

HERE = os.path.dirname(os.path.abspath(__file__))
T_END = 60.0
SPIKES = [5.0, 12.0, 19.0, 26.0, 33.0, 40.0]

# Two-port settings for the multisynapse models (their ports are lists).
PORTS = {
    "iaf_psc_alpha_multisynapse": {"tau_syn": [2.0, 5.0]},
    "iaf_psc_exp_multisynapse": {"tau_syn": [2.0, 5.0]},
    "aeif_cond_beta_multisynapse": {"E_rev": [0.0, -85.0], "tau_rise": [1.0, 1.0],
                                    "tau_decay": [5.0, 10.0]},
}


def weight(model):
    """A spike's weight: mV for delta synapses, nS for conductances, pA otherwise."""
    if model.endswith("_delta") and model != "pp_psc_delta" or model == "izhikevich":
        return 2.0
    if model == "pp_psc_delta":
        return 2.0
    if "_cond_" in model:
        return 5.0
    return 200.0


def plain(v):
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    return v


def verdict(series, param, moving):
    """The verdict over `series` ({name: [values]}) and the final synapse state."""
    values = [v for name, vs in series.items() for v in vs]
    if any(math.isnan(v) for v in values):
        return "nan"
    if any(math.isinf(v) for name, vs in series.items() if name != param for v in vs):
        return "infinite"
    if not moving:
        return "frozen"
    return "finite"


def neuron(model, param):
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": 12})
    n = nest.Create(model, params={**PORTS.get(model, {}), param: math.inf})
    recordables = list(n.get().get("recordables", []))
    mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": recordables})
    sr = nest.Create("spike_recorder")
    if recordables:
        nest.Connect(mm, n)
    nest.Connect(n, sr)
    dc = nest.Create("dc_generator", params={"amplitude": 300.0, "start": 1.0})
    if model != "parrot_neuron":
        nest.Connect(dc, n)
    w = weight(model)
    for k, sign in enumerate([1.0, -1.0]):
        sg = nest.Create("spike_generator", params={"spike_times": [t + 2 * k for t in SPIKES]})
        if model in PORTS:
            nest.Connect(sg, n, syn_spec={"weight": w, "receptor_type": k + 1})
        elif model == "parrot_neuron":
            nest.Connect(sg, n)
        else:
            nest.Connect(sg, n, syn_spec={"weight": sign * w})
    # The postsynaptic traces, read by a triplet STDP synapse from a parrot.
    pre = nest.Create("parrot_neuron")
    pre_sg = nest.Create("spike_generator", params={"spike_times": [3.0, 17.0, 31.0, 45.0]})
    nest.Connect(pre_sg, pre)
    receptor = {"receptor_type": 1} if model in PORTS else {}
    nest.Connect(pre, n, syn_spec={"synapse_model": "stdp_triplet_synapse", "weight": 1.0,
                                   **receptor})
    nest.Simulate(T_END)
    ev = mm.get("events")
    series = {r: [float(x) for x in ev[r]] for r in recordables}
    conn = nest.GetConnections(pre, n)
    state = {k: float(conn.get(k)) for k in ("weight", "Kplus", "Kplus_triplet")}
    series["stdp_weight"] = [state["weight"]]
    moving_on = "rate" if "rate" in series else "V_m"
    track = series.get(moving_on, [])
    spikes = len(sr.get("events")["times"])
    moving = model == "parrot_neuron" or spikes > 0 or len(set(track)) > 1
    return {
        "verdict": verdict(series, param, moving),
        "spikes": spikes,
        "samples": len(track),
        "last": {r: plain(vs[-1]) for r, vs in series.items() if vs},
    }


def rate(model, param):
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": 12})
    params = {"mu": 1.0, "sigma": 0.0}
    params[param] = math.inf
    n = nest.Create(model, params=params)
    drive = nest.Create("lin_rate_ipn", params={"mu": 2.0, "sigma": 0.0})
    nest.Connect(drive, n, syn_spec={"synapse_model": "rate_connection_delayed",
                                     "weight": 0.5, "delay": 1.0})
    mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["rate", "noise"]})
    nest.Connect(mm, n)
    nest.Simulate(T_END)
    ev = mm.get("events")
    series = {r: [float(x) for x in ev[r]] for r in ("rate", "noise")}
    return {
        "verdict": verdict(series, param, len(set(series["rate"])) > 1),
        "spikes": 0,
        "samples": len(series["rate"]),
        "last": {r: plain(vs[-1]) for r, vs in series.items()},
    }


def synapse(model, param):
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": 12})
    nest.CopyModel(model, "probed", {param: math.inf})
    sg = nest.Create("spike_generator", params={"spike_times": [2.0 + 4.0 * k for k in range(10)]})
    pre, post = nest.Create("parrot_neuron"), nest.Create("iaf_psc_alpha")
    post_sg = nest.Create("spike_generator", params={"spike_times": [4.0, 20.0, 36.0]})
    nest.Connect(sg, pre)
    nest.Connect(pre, post, syn_spec={"synapse_model": "probed", "weight": 50.0})
    # Postsynaptic spikes for the plastic synapses: a strong input that makes post fire.
    nest.Connect(post_sg, post, syn_spec={"weight": 2000.0})
    mm = nest.Create("multimeter", params={"interval": 0.1, "record_from": ["V_m"]})
    nest.Connect(mm, post)
    nest.Simulate(T_END)
    vm = [float(x) for x in mm.get("events")["V_m"]]
    status = nest.GetConnections(pre, post).get()
    state = {k: float(v) for k, v in sorted(status.items())
             if isinstance(v, (int, float)) and not isinstance(v, bool)
             and k not in ("source", "target", "port", "rport", "receptor", "target_thread",
                           "sizeof", "synapse_id", "delay") and k != param}
    series = {"V_m": vm, **{k: [v] for k, v in state.items()}}
    return {
        "verdict": verdict(series, param, len(set(vm)) > 1),
        "spikes": 0,
        "samples": len(vm),
        "last": {"V_m": plain(vm[-1]), **{k: plain(v) for k, v in state.items()}},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, "reference", "inf_params.json"))
    args = parser.parse_args()
    nest.set_verbosity("M_FATAL")
    checks = json.load(open(os.path.join(HERE, "reference", "model_checks.json")))
    out = {"nest": nest.__version__, "pairs": []}
    for kind, model, param, value, on_set, on_run in checks["probes"]:
        if value != "inf" or on_set != "ok" or on_run not in ("ok", "NumericalInstability"):
            continue
        run = {"neuron": neuron, "rate": rate, "synapse": synapse}[kind]
        try:
            result = run(model, param)
        except Exception as e:  # NEST stops the run on a check of its own
            result = {"verdict": "error: " + type(e).__name__, "spikes": 0, "samples": 0,
                      "last": {}}
        out["pairs"].append({"kind": kind, "model": model, "param": param, **result})
    with open(args.out, "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
