#!/usr/bin/env python3
"""Assert that the reference data reproduces the values of
/work/shared/spec/nest-semantics.md section 8 and a few other spec facts.

Usage: python conformance/selfcheck.py [REFERENCE_DIR]
Needs only the standard library (no NEST).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "reference")


def load(name):
    with open(os.path.join(REF, name + ".json")) as f:
        return json.load(f)


def spikes(name, sender=0):
    e = load(name)["expected"]["spikes"]
    return [t for s, t in zip(e["senders"], e["times"]) if s == sender]


def trace(name, key="V_m", sender=0):
    s = load(name)["expected"]["samples"]
    return Trace((t, v) for snd, t, v in zip(s["senders"], s["times"], s[key]) if snd == sender)


class Trace(dict):
    """time -> value; lookups accept any float that rounds to the same tic."""

    def __init__(self, items):
        super().__init__()
        self.times = {}
        for t, v in items:
            k = round(t * 1000)
            self.times[k] = t
            dict.__setitem__(self, k, v)

    def __getitem__(self, t):
        return dict.__getitem__(self, round(t * 1000))

    def __iter__(self):
        return iter(self.times.values())


def tic(t):
    return round(t * 1000)


def first_off_rest(tr, rest=-70.0):
    """(time in tics, value) of the first sample != rest."""
    for t in sorted(tr):
        if tr[t] != rest:
            return tic(t), tr[t]
    return None


def peak(tr, sign=1):
    t = max(tr, key=lambda k: sign * tr[k])
    return t, tr[t]


checks = 0


def eq(a, b, what):
    global checks
    checks += 1
    if a != b:
        raise AssertionError(f"{what}: got {a!r}, expected {b!r}")


# ---- 8(a) --------------------------------------------------------------
s = spikes("const_current_alpha_Ie376")
eq(s[:5], [59.300000000000004, 120.60000000000001, 181.9, 243.20000000000002, 304.5], "8a I_e 376 first spikes")
eq(len(s), 16, "8a I_e 376 spike count")
eq(spikes("const_current_alpha_Ie500")[:5], [13.9, 29.8, 45.7, 61.6, 77.5], "8a I_e 500 first spikes")

# ---- 8(b) --------------------------------------------------------------
tr = trace("single_spike_alpha_exc")
table = {11.0: -70.0, 11.1: -69.99737946667402, 11.2: -69.9898938976501, 11.5: -69.9433629507742,
         12.0: -69.81075833477904, 13.0: -69.46807383938442, 15.0: -68.91795968331905,
         20.0: -68.79217130708378, 30.0: -69.49397521029111}
for t, v in table.items():
    eq(tr[t], v, f"8b alpha V_m({t})")
eq(peak(tr), (17.7, -68.6999879856118), "8b alpha peak")
eq(peak(trace("single_spike_alpha_exc", "I_syn_ex")), (13.0, 100.00000000000003), "8b I_syn_ex peak")
eq(peak(trace("single_spike_alpha_inh"), -1), (17.7, -71.3000120143882), "8b alpha w -100 trough")
tr = trace("single_spike_alpha_tau_syn_ex_10")
eq(tr[21.0], -68.0, "8b tau_syn_ex 10 V(21.0)")
eq(peak(tr), (31.0, -67.05696447062844), "8b tau_syn_ex 10 peak")
tr = trace("single_spike_exp_exc")
eq(tr[11.0], -70.0, "8b exp V(11.0)")
eq(tr[11.1], -69.96117959075154, "8b exp V(11.1)")
eq(peak(tr), (15.0, -69.46501523720097), "8b exp peak")
tr = trace("single_spike_delta_exc")
eq(tr[11.0], -69.0, "8b delta V(11.0)")
eq(tr[11.1], -69.00995016625083, "8b delta V(11.1)")

# ---- 8(c) --------------------------------------------------------------
tr = trace("dc_window_alpha")
eq(first_off_rest(tr), (tic(101.1), -69.60199334996672), "8c first sample off rest")
eq(tr[101.2], -69.20794693227022, "8c second sample")
eq(spikes("dc_window_alpha"), [105.8, 112.60000000000001, 119.4, 126.2, 133.0, 139.8, 146.6, 153.4,
                               160.20000000000002, 167.0, 173.8, 180.6, 187.4, 194.20000000000002, 201.0],
   "8c spikes")
for m in ("alpha", "exp", "delta"):
    for idx, t0 in enumerate((100.2, 101.1, 102.1)):
        eq(first_off_rest(trace(f"dc_window_delays_{m}", sender=idx))[0], tic(t0),
           f"dc window {m} delay #{idx} first V_m off rest")

# ---- other spec facts ---------------------------------------------------
# delays: delta V jumps exactly at spike time + rounded delay
for name, arrivals in (("delays_delta_a", (10.1, 11.0, 11.5)), ("delays_delta_b", (12.5, 11.0, 11.1)),
                       ("delays_delta_c", (10.3, 10.1, 13.0))):
    for idx, t0 in enumerate(arrivals):
        eq(first_off_rest(trace(name, sender=idx))[0], tic(t0), f"{name} neuron {idx} arrival")
# alpha / exp: V first moves one step after arrival
for m in ("alpha", "exp"):
    for idx, t0 in enumerate((12.6, 11.1, 11.2)):
        eq(first_off_rest(trace(f"delays_{m}_b", sender=idx))[0], tic(t0), f"delays_{m}_b neuron {idx}")
# t_ref rounding: 0 -> 0 steps, 0.05 -> 1 step, 2.04 -> 21 steps
for m in ("alpha", "exp", "delta"):
    name = f"refractory_{m}_a"
    tr0, tr1, tr2 = (trace(name, sender=i) for i in range(3))
    s0, s1, s2 = (spikes(name, i) for i in range(3))
    eq(s0[0], s1[0], f"{name} first spikes equal")
    # a neuron with t_ref 0 leaves reset in the very next step
    eq(tr0[s0[0] + 0.1] != -70.0, True, f"{name} t_ref 0 free next step")
    eq(tr1[s1[0] + 0.1], -70.0, f"{name} t_ref 0.05 clamped one step")
    eq(tr1[s1[0] + 0.2] != -70.0, True, f"{name} t_ref 0.05 free after one step")
    eq(tr2[s2[0] + 2.1], -70.0, f"{name} t_ref 2.04 clamped 21 steps")
    eq(tr2[s2[0] + 2.2] != -70.0, True, f"{name} t_ref 2.04 free after 21 steps")
# initial V_m above threshold fires at 0.1
eq(load("v_m_above_threshold")["expected"]["spikes"], {"senders": [0, 1, 2], "times": [0.1, 0.1, 0.1]},
   "V_m above threshold")
# repeated Simulate == single Simulate
ref = load("split_sim_alpha_single")["expected"]
eq(load("split_sim_alpha_30_20")["expected"], ref, "Simulate(30)+Simulate(20) == Simulate(50)")
eq(load("split_sim_alpha_at_spike")["expected"], ref, "Simulate(10)+(1)+(39) == Simulate(50)")
# recorder windows
eq(load("multimeter_window_5_8")["expected"]["samples"]["times"], [6.0, 7.0, 8.0], "multimeter window 5/8")
eq(load("multimeter_interval_2_5")["expected"]["samples"]["times"][:3], [2.5, 5.0, 7.5], "interval 2.5")
eq(load("multimeter_interval_2_5_window_5_8")["expected"]["samples"]["times"], [7.5], "interval 2.5 window 5/8")
eq(spikes("spike_recorder_window"), [29.8, 45.7], "spike_recorder window (13.9, 45.7]")
eq(spikes("spike_recorder_window_origin"), [29.8, 45.7, 61.6], "spike_recorder origin window")
# V_min clamps (alpha, delta); neuron 2 has no V_min
eq(min(trace("v_min_alpha_delta", sender=0).values()), -72.0, "alpha V_min")
eq(min(trace("v_min_alpha_delta", sender=1).values()), -72.0, "delta V_min")
eq(min(trace("v_min_alpha_delta", sender=2).values()) < -72.0, True, "alpha without V_min")
# complete traces: one sample per interval up to and including T
for name in ("single_spike_alpha_exc", "const_current_alpha_Ie376", "res_005_models", "res_02_models"):
    c = load(name)
    T = sum(c["simulate"])
    n = len(c["record"]["targets"])
    eq(len(c["expected"]["samples"]["times"]), n * round(T / c["record"]["interval"]), f"{name} sample count")
    eq(c["expected"]["samples"]["times"][-1], T, f"{name} last sample at T")

# the stochastic models' deterministic limit (cases_exact.py): in NEST's own traces no
# free step had a firing probability strictly between 1e-15 and 1
sys.path.insert(0, HERE)
import cases  # noqa: E402,F401  (cases_exact is imported through cases)
from cases_exact import ambiguous_steps  # noqa: E402
for name in ("gif_steep_dc", "gif_steep_spikes", "pp_steep_dc", "pp_steep_spikes",
             "gsl_gif_cond_exp", "population_gif_steep_1100", "population_pp_steep_1100",
             "gsl_population_gif_cond_exp_1100"):
    eq(ambiguous_steps(load(name)), [], f"{name}: every step fires with probability 0 or 1")

print(f"selfcheck OK: {checks} checks")
