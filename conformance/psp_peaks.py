"""Peak PSP per unit weight measured in NEST 3.10: one spike of weight w (1 pA, -1 pA, or
1 mV onto iaf_psc_delta) onto a neuron at rest (E_L = V_m = 0 mV, threshold out of
reach), V_m sampled every step at a 0.001 ms resolution; the largest |V_m| / |w|.
Writes conformance/reference/psp_peaks.json, read by network-spec/tests/psp_nest.rs,
which compares it with the closed forms of network_spec::psp.

  python conformance/psp_peaks.py
"""
import argparse
import json
import os

os.environ.setdefault("PYNEST_QUIET", "1")
import nest

H = 0.001
REST = {"E_L": 0.0, "V_m": 0.0, "V_reset": 0.0, "V_th": 1e6}
CASES = [
    # name, model, parameters, weight, receptor (0: the sign picks the input)
    ("exp_microcircuit", "iaf_psc_exp", {"C_m": 250.0, "tau_m": 10.0, "tau_syn_ex": 0.5}, 1.0, 0),
    ("exp_inhibitory", "iaf_psc_exp", {"C_m": 200.0, "tau_m": 15.0, "tau_syn_in": 2.0}, -1.0, 0),
    ("alpha_brunel", "iaf_psc_alpha", {"C_m": 250.0, "tau_m": 20.0, "tau_syn_ex": 0.5}, 1.0, 0),
    ("alpha_slow_synapse", "iaf_psc_alpha", {"C_m": 100.0, "tau_m": 2.0, "tau_syn_ex": 8.0}, 1.0, 0),
    ("delta", "iaf_psc_delta", {"C_m": 250.0, "tau_m": 10.0}, 1.0, 0),
    ("exp_multisynapse_port2", "iaf_psc_exp_multisynapse", {"tau_syn": [0.5, 5.0]}, 1.0, 2),
    ("alpha_multisynapse_port1", "iaf_psc_alpha_multisynapse", {"tau_syn": [1.0, 3.0]}, 1.0, 1),
]


def peak(model, params, weight, receptor):
    nest.ResetKernel()
    nest.resolution = H
    n = nest.Create(model, params=dict(REST, **params))
    sg = nest.Create("spike_generator", params={"spike_times": [1.0]})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": H})
    spec = {"weight": weight, "delay": H}
    if receptor:
        spec["receptor_type"] = receptor
    nest.Connect(sg, n, syn_spec=spec)
    nest.Connect(mm, n)
    nest.Simulate(60.0)
    v = mm.events["V_m"]
    return max(abs(x) for x in v) / abs(weight)


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "psp_peaks.json")
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=default)
    path = ap.parse_args().out
    nest.verbosity = nest.VerbosityLevel.ERROR
    out = {"nest": nest.__version__, "resolution_ms": H, "rest": REST, "cases": []}
    for name, model, params, weight, receptor in CASES:
        out["cases"].append({"name": name, "model": model, "params": params, "weight": weight,
                             "receptor": receptor, "peak_per_unit_weight": peak(model, params, weight, receptor)})
    with open(path, "w") as f:
        json.dump(out, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
