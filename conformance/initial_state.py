"""Initial state and parameters per neuron at creation (issue 13, Space: "initial state
as expressions of distance"), computed by NEST 3.10: `nest.Create(model, positions=..,
params={..})` with values that are expressions of the neuron's position
(`nest.spatial.pos.x`, NEST's math and logic functions) and random terms
(`nest.random.*`). network-load/tests/initial_state.rs builds the same populations from
network-load/tests/data/initial_state.net and requires

- "positional": every neuron's V_m, V_th, I_e, tau_m and V_reset to be NEST's bit for
  bit, then the spikes of a 200 ms run and the V_m traces of the recorded neurons;
- "random": the distribution of each parameter over 2,000 neurons to be NEST's
  (two-sample Kolmogorov-Smirnov against NEST's values; the draws themselves differ).

Writes reference/initial_state.json: {"nest_version", "positional": {"values": {NAME:
[per neuron]}, "spikes": [[neuron (0-based), time ms], ..] sorted, "traces": {neuron:
[V_m every 0.1 ms from 0.1 ms]}}, "random": {"values": {NAME: [per neuron]}}}.
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["V_m", "V_th", "I_e", "tau_m", "V_reset"]
TRACED = [0, 7, 33, 79]


def positional():
    nest.ResetKernel()
    nest.set(resolution=0.1, rng_seed=12345)
    pos = nest.spatial.pos
    grid = nest.spatial.grid(shape=[10, 8], extent=[1.0, 0.8], center=[0.1, -0.05])
    params = {
        # -70 mV + 5 mV * x / 1 mm
        "V_m": -70.0 + 5.0 * pos.x / 1.0,
        # -55 mV + 3 mV * cos(y / 0.1 mm)
        "V_th": -55.0 + 3.0 * nest.math.cos(pos.y / 0.1),
        # if(x > 0.1 mm, 380 pA + 100 pA * x / 1 mm, 360 pA)
        "I_e": nest.logic.conditional(pos.x > 0.1, 380.0 + 100.0 * pos.x / 1.0, 360.0),
        # 10 ms + 5 ms * pow(y / 1 mm, 2)
        "tau_m": 10.0 + 5.0 * (pos.y / 1.0) ** 2.0,
        # clip(-75 mV + 20 mV * x / 1 mm, -80 mV, -66 mV)
        "V_reset": nest.math.max(nest.math.min(-75.0 + 20.0 * pos.x / 1.0, -66.0), -80.0),
    }
    pop = nest.Create("iaf_psc_alpha", positions=grid, params=params)
    values = {n: [float(v) for v in pop.get(n)] for n in NAMES}
    sr = nest.Create("spike_recorder")
    nest.Connect(pop, sr)
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    first = pop[0].global_id
    nest.Connect(mm, pop[TRACED])
    nest.Simulate(200.0)
    ev = sr.get("events")
    spikes = sorted([int(s) - first, float(t)] for s, t in zip(ev["senders"], ev["times"]))
    mev = mm.get("events")
    traces = {str(k): [] for k in TRACED}
    for s, t, v in sorted(zip(mev["senders"], mev["times"], mev["V_m"])):
        traces[str(int(s) - first)].append(float(v))
    return {"values": values, "spikes": spikes, "traces": traces}


def random():
    nest.ResetKernel()
    nest.set(resolution=0.1, rng_seed=12345)
    params = {
        "V_m": nest.random.uniform(min=-70.0, max=-55.0),
        "I_e": nest.random.normal(mean=100.0, std=20.0),
        "tau_m": nest.random.lognormal(mean=2.3, std=0.1),
        "C_m": 200.0 + nest.random.exponential(beta=50.0),
        "V_th": nest.math.redraw(nest.random.normal(mean=-50.0, std=2.0), min=-52.0, max=-47.0),
    }
    pop = nest.Create("iaf_psc_alpha", 2000, params=params)
    return {"values": {n: [float(v) for v in pop.get(n)] for n in params}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "initial_state.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    out = {"nest_version": nest.__version__, "positional": positional(), "random": random()}
    with open(args.out, "w") as f:
        json.dump(out, f, sort_keys=True)


if __name__ == "__main__":
    main()
