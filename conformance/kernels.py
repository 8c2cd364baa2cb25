"""NEST 3.10's spatial distributions evaluated at fixed distances, one kernel of each
kind the language has, written as the exporter writes them (network-export/src,
`kernel_expr`): constant p, p0 + slope * d, p0 * exponential(d, beta),
p0 * gaussian(d, mean, std), p0 * gamma(d, kappa, theta), and, of the per-axis distances
x = nest.spatial.distance.x and y = .y, p0 * gaussian2D(x, y, ...) and
p0 * gabor(x, y, ...). Writes reference/kernels.json:
{"nest_version", "kernels": [{"kind", "params", "distances", "values"}],
 "kernels_xy": [{"kind", "params", "points": [[x, y], ...], "values"}]}
(the per-axis kernels at target offsets (x, y) from the source, in mm).

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
    ("gamma", {"p0": 1.0, "kappa": 2.0, "theta": 0.2}),
    ("gamma", {"p0": 0.3, "kappa": 3.7, "theta": 0.15}),
    ("gamma", {"p0": 0.5, "kappa": 1.0, "theta": 0.4}),
]

POINTS = [[0.0, 0.0], [0.1, 0.0], [0.0, 0.1], [0.05, 0.05], [-0.12, 0.07], [0.2, -0.3],
          [-0.25, -0.15], [0.33, 0.41], [0.7, 0.1], [-0.05, 0.6], [1.2, -0.9]]

KERNELS_XY = [
    ("gaussian2d", {"p0": 1.0, "mean_x": 0.0, "mean_y": 0.0, "std_x": 0.2, "std_y": 0.3,
                    "rho": 0.0}),
    ("gaussian2d", {"p0": 0.7, "mean_x": 0.1, "mean_y": -0.05, "std_x": 0.25, "std_y": 0.15,
                    "rho": 0.4}),
    ("gabor", {"p0": 1.0, "theta": 0.0, "gamma": 1.0, "std": 0.3, "lam": 0.5, "psi": 0.0}),
    ("gabor", {"p0": 0.8, "theta": 30.0, "gamma": 0.7, "std": 0.25, "lam": 0.4,
               "psi": 45.0}),
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
    if kind == "gamma":
        return params["p0"] * nest.spatial_distributions.gamma(
            d, kappa=params["kappa"], theta=params["theta"])
    x, y = nest.spatial.distance.x, nest.spatial.distance.y
    rest = {k: v for k, v in params.items() if k != "p0"}
    if kind == "gaussian2d":
        return params["p0"] * nest.spatial_distributions.gaussian2D(x, y, **rest)
    if kind == "gabor":
        return params["p0"] * nest.spatial_distributions.gabor(x, y, **rest)
    raise ValueError(kind)


def evaluate(kind, params, points=None):
    """NEST's value of the kernel at each distance: one source at the origin, one
    target per distance on the x axis (or at each of `points`), connected with p = 1
    and the kernel as the weight, read back per target."""
    nest.ResetKernel()
    source = nest.Create("iaf_psc_alpha", positions=nest.spatial.free([[0.0, 0.0]], extent=[8.0, 8.0]))
    points = points if points is not None else [[d, 0.0] for d in DISTANCES]
    targets = nest.Create("iaf_psc_alpha", positions=nest.spatial.free(points, extent=[8.0, 8.0]))
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
    kernels_xy = []
    for kind, params in KERNELS_XY:
        values = evaluate(kind, params, POINTS)
        kernels_xy.append({"kind": kind, "params": params, "points": POINTS, "values": values})
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "kernels": kernels,
                   "kernels_xy": kernels_xy}, f,
                  sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
