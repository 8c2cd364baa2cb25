"""NEST 3.10 reference data of the recorders (issue 13, devices): `weight_recorder` on
static, STDP and Tsodyks synapses (its `senders`/`targets` filters and window), and
`time_in_steps` on spike recorders, multimeters and weight recorders, in memory and in
NEST's ASCII files. Writes `reference/recorders.json`; replayed by
`network-core/tests/recorders.rs`, which builds the same networks (described below,
case by case) with the builder.

Node ids are written as neuron indices: the index of the neuron among all neurons in
creation order (devices take node ids in NEST, not in the engine). Weight-recorder
events are written sorted by (time, sender, target, receptor, port) and spike and
sample events by (time, sender).

Usage: python conformance/recorders.py [--out FILE]
"""

import json
import os
import sys
import tempfile

import nest

RESOLUTION = 0.1


def kernel():
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = 1
    nest.resolution = RESOLUTION


class Neurons:
    """Maps NEST node ids of neurons to their index among neurons."""

    def __init__(self):
        self.index = {}

    def create(self, model, n, params=None):
        nodes = nest.Create(model, n, params=params or {})
        for node in nodes.tolist():
            self.index[node] = len(self.index)
        return nodes

    def of(self, ids):
        return [self.index[int(i)] for i in ids]


def drive(neurons, times):
    """One spike_generator per list of `times` into one parrot each (weight 1, delay 1 ms)."""
    parrots = neurons.create("parrot_neuron", len(times))
    for k, t in enumerate(times):
        sg = nest.Create("spike_generator", params={"spike_times": t})
        nest.Connect(sg, parrots[k], syn_spec={"weight": 1.0, "delay": 1.0})
    return parrots


def weight_events(neurons, recorder):
    ev = recorder.get("events")
    rows = sorted(
        zip(
            [float(t) for t in ev["times"]],
            neurons.of(ev["senders"]),
            neurons.of(ev["targets"]),
            [int(r) for r in ev["receptors"]],
            [int(p) for p in ev["ports"]],
            [float(w) for w in ev["weights"]],
        )
    )
    keys = ["times", "senders", "targets", "receptors", "ports", "weights"]
    out = {k: [r[i] for r in rows] for i, k in enumerate(keys)}
    if "offsets" in ev:
        out["offsets"] = sorted(float(o) for o in ev["offsets"])
    return out


PRE_TIMES = [[10.0, 30.0, 50.0, 70.0, 90.0, 110.0], [15.0, 33.0, 61.0, 84.0, 101.0]]


def stdp_all_to_all():
    """Two parrots (spike times PRE_TIMES, through spike generators) -> three
    iaf_psc_alpha (I_e 376 pA) all_to_all through stdp_synapse (weight 50 pA, delay
    1.5 ms, Wmax 100, lambda 0.05); one weight_recorder on the synapse model copy.
    Simulate 60 + 60 ms."""
    kernel()
    neurons = Neurons()
    pre = drive(neurons, PRE_TIMES)
    post = neurons.create("iaf_psc_alpha", 3, {"I_e": 376.0})
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_synapse", "stdp_wr", {"weight_recorder": wr})
    nest.Connect(pre, post, "all_to_all",
                 {"synapse_model": "stdp_wr", "weight": 50.0, "delay": 1.5,
                  "Wmax": 100.0, "lambda": 0.05})
    for t in [60.0, 60.0]:
        nest.Simulate(t)
    return {"simulate": [60.0, 60.0], "weight_recorder": weight_events(neurons, wr)}


def tsodyks_filtered():
    """Two parrots (PRE_TIMES) -> two iaf_psc_exp (I_e 0) all_to_all through
    tsodyks_synapse (weight 80 pA, delay 1.0 ms, U 0.4, tau_rec 100, tau_fac 50,
    tau_psc 2 (the target's tau_syn_ex)); the weight_recorder keeps senders [parrot 0],
    targets [second iaf_psc_exp], start 20 ms, stop 100 ms, time_in_steps.
    Simulate 120 ms."""
    kernel()
    neurons = Neurons()
    pre = drive(neurons, PRE_TIMES)
    post = neurons.create("iaf_psc_exp", 2, {"tau_syn_ex": 2.0})
    wr = nest.Create("weight_recorder",
                     params={"senders": pre[0:1], "targets": post[1:2], "start": 20.0,
                             "stop": 100.0, "time_in_steps": True})
    nest.CopyModel("tsodyks_synapse", "tsodyks_wr", {"weight_recorder": wr})
    nest.Connect(pre, post, "all_to_all",
                 {"synapse_model": "tsodyks_wr", "weight": 80.0, "delay": 1.0, "U": 0.4,
                  "tau_rec": 100.0, "tau_fac": 50.0, "tau_psc": 2.0})
    nest.Simulate(120.0)
    return {"simulate": [120.0], "weight_recorder": weight_events(neurons, wr)}


def static_two_projections(data_path=None):
    """Two parrots (PRE_TIMES) -> two iaf_psc_exp_multisynapse (tau_syn [2, 5])
    one_to_one through static_synapse (weight 30 pA, delay 1.0 ms, receptor_type 2),
    and -> one iaf_psc_alpha all_to_all through static_synapse (weight -20 pA, delay
    2.0 ms); one weight_recorder on both synapse model copies, in memory, or with
    `data_path` only to an ASCII file (its rows then are the case's data). Simulate
    120 ms."""
    kernel()
    if data_path:
        nest.data_path = data_path
        nest.overwrite_files = True
    neurons = Neurons()
    pre = drive(neurons, PRE_TIMES)
    multi = neurons.create("iaf_psc_exp_multisynapse", 2, {"tau_syn": [2.0, 5.0]})
    alpha = neurons.create("iaf_psc_alpha", 1)
    to = {"record_to": "ascii", "label": "wr"} if data_path else {}
    wr = nest.Create("weight_recorder", params=to)
    nest.CopyModel("static_synapse", "static_wr_0", {"weight_recorder": wr})
    nest.CopyModel("static_synapse", "static_wr_1", {"weight_recorder": wr})
    nest.Connect(pre, multi, "one_to_one",
                 {"synapse_model": "static_wr_0", "weight": 30.0, "delay": 1.0,
                  "receptor_type": 2})
    nest.Connect(pre, alpha, "all_to_all",
                 {"synapse_model": "static_wr_1", "weight": -20.0, "delay": 2.0})
    nest.Simulate(120.0)
    if not data_path:
        return {"simulate": [120.0], "weight_recorder": weight_events(neurons, wr)}
    # The file's sender and target columns are NEST node ids; write neuron indices.
    rows = []
    for line in ascii_rows(data_path, "wr"):
        cells = line.split("\t")
        cells[0] = str(neurons.index[int(cells[0])])
        cells[3] = str(neurons.index[int(cells[3])])
        rows.append("\t".join(cells))
    return {"simulate": [120.0], "file": {"header": ascii_header(data_path, "wr"),
                                          "rows": sorted(rows)}}


def ascii_header(data_path, label):
    """The column names of the one file NEST wrote for `label`."""
    [name] = [f for f in os.listdir(data_path) if f.startswith(label + "-")]
    with open(os.path.join(data_path, name)) as f:
        lines = f.read().splitlines()
    return lines[2]


def ascii_rows(data_path, label):
    [name] = [f for f in os.listdir(data_path) if f.startswith(label + "-")]
    with open(os.path.join(data_path, name)) as f:
        return f.read().splitlines()[3:]


def time_in_steps(data_path=None):
    """Three iaf_psc_alpha (I_e 376, 400, 420 pA: three populations of one) with a
    spike_recorder and a multimeter (V_m every 5 ms, offset 0), both time_in_steps, in
    memory, or with `data_path` only to ASCII files (their rows then are the case's
    data). Simulate 50 + 50 ms.

    NEST hands recorders a slice's events at the start of the next one, so the last
    min_delay slice's events arrive only in a later `Simulate`: in memory, a further
    2 ms are simulated and events after 100 ms dropped (as run_nest.py does). NEST
    rewrites an ASCII file at the start of every `Simulate` call (its backend reopens
    it), so with files the case simulates 100 ms once with both recorders stopping at
    99 ms, before the last slice."""
    kernel()
    to = {}
    if data_path:
        nest.data_path = data_path
        to = {"record_to": "ascii"}
    neurons = Neurons()
    cells = [neurons.create("iaf_psc_alpha", 1, {"I_e": i_e}) for i_e in (376.0, 400.0, 420.0)]
    sr = nest.Create("spike_recorder", params={"time_in_steps": True, "label": "sr", **to})
    mm = nest.Create("multimeter",
                     params={"time_in_steps": True, "label": "mm", "record_from": ["V_m"],
                             "interval": 5.0, **to})
    for c in cells:
        nest.Connect(c, sr)
        nest.Connect(mm, c)
    runs = [100.0] if data_path else [50.0, 50.0]
    for t in runs:
        nest.Simulate(t)
    if data_path:
        files = {}
        for label in ("sr", "mm"):
            rows = []
            for line in ascii_rows(data_path, label):
                cells_ = line.split("\t")
                cells_[0] = str(neurons.index[int(cells_[0])])
                rows.append("\t".join(cells_))
            files[label] = {"header": ascii_header(data_path, label), "rows": rows}
        return {"simulate": runs, "files": files}
    nest.Simulate(2.0)
    last = round(sum(runs) / RESOLUTION)
    spikes = sr.get("events")
    samples = mm.get("events")
    spike_rows = sorted(r for r in zip([int(t) for t in spikes["times"]],
                                       neurons.of(spikes["senders"]),
                                       [float(o) for o in spikes["offsets"]])
                        if r[0] <= last)
    sample_rows = sorted(r for r in zip([int(t) for t in samples["times"]],
                                        neurons.of(samples["senders"]),
                                        [float(o) for o in samples["offsets"]],
                                        [float(v) for v in samples["V_m"]])
                         if r[0] <= last)
    return {
        "simulate": runs,
        "spikes": {"steps": [r[0] for r in spike_rows], "senders": [r[1] for r in spike_rows],
                   "offsets": [r[2] for r in spike_rows]},
        "samples": {"steps": [r[0] for r in sample_rows], "senders": [r[1] for r in sample_rows],
                    "offsets": [r[2] for r in sample_rows], "V_m": [r[3] for r in sample_rows]},
    }


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "recorders.json")
    if "--out" in sys.argv:
        out = sys.argv[sys.argv.index("--out") + 1]
    cases = {
        "stdp_all_to_all": stdp_all_to_all(),
        "tsodyks_filtered": tsodyks_filtered(),
    }
    cases["static_two_projections"] = static_two_projections()
    with tempfile.TemporaryDirectory() as d:
        cases["static_to_file"] = static_two_projections(d)
    cases["time_in_steps"] = time_in_steps()
    with tempfile.TemporaryDirectory() as d:
        cases["time_in_steps_files"] = time_in_steps(d)
    for name, case in cases.items():
        case["name"] = name
    with open(out, "w") as f:
        json.dump(cases, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
