"""NEST 3.10 reference data of spike recorders on generators themselves (issue 13,
devices): `nest.Connect(generator, spike_recorder)`. Writes
`reference/generator_recorders.json`, replayed by
`network-core/tests/generator_recorders.rs`, which builds the same networks (described
case by case in the file) with the builder.

Deterministic cases only (spike_generator, pulsepacket_generator with sdev 0): the
recorded events, sorted by (time, sender). Every case creates its neurons first, then
its generators, then its recorders, so that NEST's node ids are the engine's (neurons
from 1 in creation order, generators after them in creation order); the script
asserts it. Also NEST's refusal of a current generator (dc, ac, step current, noise)
as a recorder's source, with its message. The statistics of the stochastic generators
are in `stochastic_generator_recorders.py`.

Usage: python conformance/generator_recorders.py [--out FILE]
"""

import json
import os
import sys

import nest

RESOLUTION = 0.1


def kernel():
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = 1
    nest.resolution = RESOLUTION


def events(recorder):
    ev = recorder.get("events")
    rows = sorted(zip([float(t) for t in ev["times"]], [int(s) for s in ev["senders"]]))
    return {"times": [r[0] for r in rows], "senders": [r[1] for r in rows]}


def spike_lists():
    """Two spike_generators (the second with a window) into two neurons; one recorder
    on the neurons and the first generator, one on the first generator with a window,
    one on the second generator."""
    kernel()
    first = {
        "spike_times": [1.0, 2.5, 10.0, 30.3, 42.0],
        "spike_multiplicities": [1, 3, 1, 2, 1],
        "spike_weights": [400.0, -100.0, 600.0, 1200.0, 900.0],
    }
    second = {"spike_times": [3.0, 6.0, 12.0, 24.0, 48.0], "start": 5.0, "stop": 30.0}
    neurons = nest.Create("iaf_psc_alpha", 2)
    g1 = nest.Create("spike_generator", params=first)
    g2 = nest.Create("spike_generator", params=second)
    mixed = nest.Create("spike_recorder")
    windowed = nest.Create("spike_recorder", params={"start": 2.0, "stop": 30.3})
    only = nest.Create("spike_recorder")
    assert neurons.tolist() == [1, 2] and g1.tolist() == [3] and g2.tolist() == [4]
    nest.Connect(g1, neurons, syn_spec={"weight": 1.0, "delay": 1.5})
    nest.Connect(neurons + g1, mixed)
    nest.Connect(g1, windowed)
    nest.Connect(g2, only)
    T = 60.0
    nest.Simulate(T)
    return {
        "name": "spike_lists",
        "neurons": {"model": "iaf_psc_alpha", "n": 2},
        "generators": [
            {"model": "spike_generator", "params": first, "targets": [0, 1],
             "weight": 1.0, "delay": 1.5},
            {"model": "spike_generator", "params": second, "targets": []},
        ],
        "recorders": [
            {"params": {}, "neurons": [0, 1], "generators": [0],
             "expected": events(mixed)},
            {"params": {"start": 2.0, "stop": 30.3}, "neurons": [], "generators": [0],
             "expected": events(windowed)},
            {"params": {}, "neurons": [], "generators": [1], "expected": events(only)},
        ],
        "simulate": [T],
    }


def pulse_packets():
    """pulsepacket_generator with sdev 0 (every spike at the packet's centre), its train
    shared by a parrot and a recorder; two Simulate calls."""
    kernel()
    params = {"pulse_times": [5.0, 12.35, 20.0], "activity": 3, "sdev": 0.0}
    parrot = nest.Create("parrot_neuron")
    pp = nest.Create("pulsepacket_generator", params=params)
    sr = nest.Create("spike_recorder")
    assert parrot.tolist() == [1] and pp.tolist() == [2]
    nest.Connect(pp, parrot, syn_spec={"weight": 1.0, "delay": 1.0})
    nest.Connect(parrot + pp, sr)
    nest.Simulate(10.0)
    nest.Simulate(20.0)
    return {
        "name": "pulse_packets",
        "neurons": {"model": "parrot_neuron", "n": 1},
        "generators": [
            {"model": "pulsepacket_generator", "params": params, "targets": [0],
             "weight": 1.0, "delay": 1.0},
        ],
        "recorders": [
            {"params": {}, "neurons": [0], "generators": [0], "expected": events(sr)},
        ],
        "simulate": [10.0, 20.0],
    }


def current_generators():
    """NEST's message for each current generator connected to a spike recorder."""
    out = {}
    for model in ["dc_generator", "ac_generator", "step_current_generator",
                  "noise_generator"]:
        kernel()
        g = nest.Create(model)
        sr = nest.Create("spike_recorder")
        try:
            nest.Connect(g, sr)
            out[model] = None
        except nest.NESTError as e:
            message = str(e)
            key = "does not support current input"
            assert key in message, message
            out[model] = "The target node or synapse model does not support current input."
    return out


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference",
                       "generator_recorders.json")
    if "--out" in sys.argv:
        out = sys.argv[sys.argv.index("--out") + 1]
    data = {
        "nest_version": nest.__version__,
        "resolution": RESOLUTION,
        "cases": [spike_lists(), pulse_packets()],
        "current_generators": current_generators(),
    }
    with open(out, "w") as f:
        json.dump(data, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
