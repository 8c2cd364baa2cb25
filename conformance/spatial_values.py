"""Weights and delays as expressions of distance, displacement and positions (issue 13,
Space, first bullet), computed by NEST 3.10 per connection on fixed connection sets:
pairwise_bernoulli with p = 1 (with and without a mask, use_on_source), and the degree
rules with a mask whose candidates are all taken (degree = candidates, no multapses), on
grid and free layers, periodic and not, 2D and 3D. network-core/tests/spatial_values.rs
builds the same connections on the engine and requires every weight and delay to be
NEST's, bit for bit. Writes reference/spatial_values.json:
{"nest_version", "cases": [{"name", "layer": {"grid": shape | "free": positions,
 "extent", "center", "edge_wrap"}, "conn": {rule, mask, use_on_source, degree},
 "weight": EXPR, "delay": EXPR, "connections": [[source, target, weight, delay], ...]
 sorted, 0-based]}]}.

An EXPR is a number or a list [op, args..]: ["distance"], ["dx", axis] (target - source,
the nearest image on a periodic layer), ["pos", "source"|"target", axis], ["neg", x],
["add"|"sub"|"mul"|"div", a, b], ["pow", x, n], ["exp"|"sin"|"cos", x],
["min"|"max", x, c], ["cmp", "lt"|"le"|"eq"|"ne"|"ge"|"gt", a, b],
["if", condition, a, b]. Each becomes the NEST parameter of that operation; a number on
the left of an operator is made a constant parameter (PyNEST would compute c / x as
x**-1 * c), and the periodic displacement d - L*round(d*(1/L)) is written with
conditionals (NEST's target_pos.x - source_pos.x does not wrap).
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))


def free_points(n, dims):
    """`n` points on a 0.05 mm lattice inside [-0.5, 0.5)^dims (deterministic)."""
    pts = []
    for k in range(n):
        p = [((k * 7) % 20) * 0.05 - 0.5, ((k * 13) % 20) * 0.05 - 0.5,
             ((k * 3) % 20) * 0.05 - 0.5][:dims]
        pts.append([round(x, 10) for x in p])
    return pts


GRID5 = {"grid": [5, 5], "extent": [1.0, 1.0], "edge_wrap": True}
D = ["distance"]
CASES = [
    ("grid5_wrap_circle", GRID5,
     {"rule": "pairwise_bernoulli", "mask": {"circular": {"radius": 0.45}}},
     ["add", ["mul", 2.0, ["exp", ["div", ["neg", D], 0.15000000000000002]]],
      ["mul", 0.5, ["cos", ["div", ["dx", 0], 0.2]]]],
     ["add", 0.5, ["div", D, 0.3]]),
    ("grid5_wrap_circle_on_source", GRID5,
     {"rule": "pairwise_bernoulli", "mask": {"circular": {"radius": 0.45}},
      "use_on_source": True},
     ["add", ["mul", ["dx", 1], 10.0], ["sub", ["pos", "target", 0], ["pos", "source", 1]]],
     ["add", 1.0, ["mul", 2.0, ["pow", D, 2.0]]]),
    ("grid9x11_wrap_center_rect",
     {"grid": [9, 11], "extent": [1.3, 1.3], "center": [0.2, -0.1], "edge_wrap": True},
     {"rule": "pairwise_bernoulli",
      "mask": {"rectangular": {"lower_left": [-0.3, -0.2], "upper_right": [0.2, 0.4]}}},
     ["if", ["cmp", "gt", ["dx", 0], 0.0], ["mul", ["dx", 1], 3.0],
      ["sin", ["div", D, 0.1]]],
     ["max", ["mul", D, 4.0], 0.5]),
    ("grid6x5x4_wrap_sphere",
     {"grid": [6, 5, 4], "extent": [0.6, 0.5, 0.4], "edge_wrap": True},
     {"rule": "pairwise_bernoulli", "mask": {"spherical": {"radius": 0.2}}},
     ["sub", ["mul", ["dx", 2], 7.0], ["pow", ["div", D, 0.1], 3.0]],
     ["add", 1.0, ["mul", ["dx", 2], ["dx", 2]]]),
    ("free_open_all", {"free": free_points(30, 2), "extent": [1.0, 1.0], "edge_wrap": False},
     {"rule": "pairwise_bernoulli"},
     ["add", ["sub", ["pos", "target", 0], ["pos", "source", 0]], ["min", D, 0.3]],
     ["add", 1.0, ["div", ["dx", 1], ["add", ["dx", 0], 3.0]]]),
    ("free3d_open_all", {"free": free_points(25, 3), "extent": [1.0, 1.0, 1.0],
                         "edge_wrap": False},
     {"rule": "pairwise_bernoulli"},
     ["mul", 5.0, ["exp", ["neg", ["div", ["pow", D, 2.0], 0.08]]]],
     ["add", 1.0, ["div", D, 0.7]]),
    ("free_wrap_circle", {"free": free_points(40, 2), "extent": [1.0, 1.0], "edge_wrap": True},
     {"rule": "pairwise_bernoulli", "mask": {"circular": {"radius": 0.3}}},
     ["div", 1.5, ["add", D, 0.05]],
     ["add", 1.5, ["mul", 3.0, ["dx", 0]]]),
    ("grid5_wrap_outdegree", GRID5,
     {"rule": "fixed_outdegree", "mask": {"circular": {"radius": 0.25}}, "degree": 5},
     ["add", ["mul", ["sin", ["div", ["dx", 0], 0.1]], 5.0], ["pow", D, 3.0]],
     ["add", 1.0, D]),
    ("grid5_wrap_indegree", GRID5,
     {"rule": "fixed_indegree", "mask": {"circular": {"radius": 0.25}}, "degree": 5},
     ["sub", ["dx", 1], ["mul", 2.0, ["dx", 0]]],
     ["add", 1.0, ["mul", 4.0, D]]),
]


def layer(spec):
    kw = {"edge_wrap": spec["edge_wrap"], "extent": spec["extent"]}
    if "grid" in spec:
        if "center" in spec:
            kw["center"] = spec["center"]
        return nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=spec["grid"], **kw))
    pos = nest.spatial.free(spec["free"], **kw)
    return nest.Create("iaf_psc_alpha", len(spec["free"]), positions=pos)


def constant(v):
    return nest.CreateParameter("constant", {"value": float(v)})


def parameter(e, spec):
    """EXPR as a NEST parameter (a number as a constant parameter)."""
    p = value(e, spec)
    return constant(p) if isinstance(p, float) else p


def value(e, spec):
    """EXPR as a float or a NEST parameter."""
    if isinstance(e, (int, float)):
        return float(e)
    op, args = e[0], e[1:]
    axes = "xyz"
    if op == "distance":
        return nest.spatial.distance
    if op == "pos":
        end = nest.spatial.source_pos if args[0] == "source" else nest.spatial.target_pos
        return getattr(end, axes[args[1]])
    if op == "dx":
        a = axes[args[0]]
        d = getattr(nest.spatial.target_pos, a) - getattr(nest.spatial.source_pos, a)
        if not spec["edge_wrap"]:
            return d
        ext = spec["extent"][args[0]]
        v = d * (1.0 / ext)
        # round(v) is 1 from 0.5 up and -1 from -0.5 down for |d| <= L.
        return nest.logic.conditional(v >= 0.5, d - ext, nest.logic.conditional(v <= -0.5, d + ext, d))
    if op == "neg":
        return -value(args[0], spec)
    if op in ("add", "sub", "mul", "div"):
        a, b = parameter(args[0], spec), value(args[1], spec)
        return {"add": lambda: a + b, "sub": lambda: a - b, "mul": lambda: a * b,
                "div": lambda: a / b}[op]()
    if op == "pow":
        return parameter(args[0], spec) ** float(args[1])
    if op in ("exp", "sin", "cos"):
        return getattr(nest.math, op)(parameter(args[0], spec))
    if op in ("min", "max"):
        return getattr(nest.math, op)(parameter(args[0], spec), float(args[1]))
    if op == "cmp":
        a, b = parameter(args[1], spec), value(args[2], spec)
        return {"lt": lambda: a < b, "le": lambda: a <= b, "eq": lambda: a == b,
                "ne": lambda: a != b, "ge": lambda: a >= b, "gt": lambda: a > b}[args[0]]()
    if op == "if":
        return nest.logic.conditional(*(parameter(x, spec) for x in args))
    raise ValueError(op)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "spatial_values.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    cases = []
    for name, spec, conn, weight, delay in CASES:
        nest.ResetKernel()
        pop = layer(spec)
        first = pop[0].global_id
        c = {"rule": conn["rule"]}
        if "mask" in conn:
            c["mask"] = conn["mask"]
        if conn["rule"] == "pairwise_bernoulli":
            c["p"] = 1.0
            if conn.get("use_on_source"):
                c["use_on_source"] = True
        else:
            c["indegree" if conn["rule"] == "fixed_indegree" else "outdegree"] = conn["degree"]
            c["allow_multapses"] = False
        syn = {"weight": parameter(weight, spec), "delay": parameter(delay, spec)}
        nest.Connect(pop, pop, c, syn)
        got = nest.GetConnections().get(["source", "target", "weight", "delay"])
        rows = sorted([s - first, t - first, w, d] for s, t, w, d in
                      zip(got["source"], got["target"], got["weight"], got["delay"]))
        cases.append({"name": name, "layer": spec, "conn": conn, "weight": weight,
                      "delay": delay, "connections": rows})
        print(name, len(rows))
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "cases": cases}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
