"""NEST 3.10's spatial distributions evaluated at fixed distances, one kernel of each
kind the language has, written as the exporter writes them (network-load/src/export,
`kernel_expr`): constant p, p0 + slope * d, p0 * exponential(d, beta),
p0 * gaussian(d, mean, std). Writes reference/kernels.json:
{"nest_version", "kernels": [{"kind", "params", "distances", "values"}]}.

network-core/tests/kernels.rs requires Kernel::value to give these values (issue 17: a
kernel reading its scale as a rate passed every test, whose oracle was Kernel::value).
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))

DISTANCES = [0.0, 0.05, 0.1, 0.123, 0.25, 0.3, 0.5, 0.75, 1.0, 1.7, 2.5]

KERNELS = [
    ("constant", {"p": 0.35}),
    ("linear", {"p0": 0.9, "slope": -0.6}),
    ("exponential", {"p0": 0.8, "beta": 0.3}),
    ("exponential", {"p0": 1.0, "beta": 1.7}),
    ("gaussian", {"p0": 1.0, "mean": 0.0, "std": 0.1}),
    ("gaussian", {"p0": 0.6, "mean": 0.2, "std": 0.35}),
]


def parameter(kind, params):
    """The kernel as a NEST parameter of the distance, as the exporter writes it."""
    d = nest.spatial.distance
    if kind == "constant":
        return nest.CreateParameter("constant", {"value": params["p"]})
    if kind == "linear":
        return params["p0"] + params["slope"] * d
    if kind == "exponential":
        return params["p0"] * nest.spatial_distributions.exponential(d, beta=params["beta"])
    if kind == "gaussian":
        return params["p0"] * nest.spatial_distributions.gaussian(
            d, mean=params["mean"], std=params["std"])
    raise ValueError(kind)


def evaluate(kind, params):
    """NEST's value of the kernel at each distance: one source at the origin, one
    target per distance on the x axis, connected with p = 1 and the kernel as the
    weight, read back per target."""
    nest.ResetKernel()
    source = nest.Create("iaf_psc_alpha", positions=nest.spatial.free([[0.0, 0.0]], extent=[8.0, 8.0]))
    targets = nest.Create("iaf_psc_alpha", positions=nest.spatial.free(
        [[d, 0.0] for d in DISTANCES], extent=[8.0, 8.0]))
    nest.Connect(source, targets, {"rule": "pairwise_bernoulli", "p": 1.0},
                 {"synapse_model": "static_synapse", "weight": parameter(kind, params)})
    conns = nest.GetConnections(source, targets)
    by_target = dict(zip(conns.get("target"), conns.get("weight")))
    return [float(by_target[t]) for t in targets.tolist()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "kernels.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    kernels = []
    for kind, params in KERNELS:
        values = evaluate(kind, params)
        kernels.append({"kind": kind, "params": params, "distances": DISTANCES,
                        "values": values})
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "kernels": kernels}, f,
                  sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
