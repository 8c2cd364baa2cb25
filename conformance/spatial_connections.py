"""Exact connection sets of NEST 3.10's spatial pairwise_bernoulli with p = 1 and a mask:
grid and free layers, periodic and not, masks whose edges fall on nodes (issue 13, bugs
1 and 2: a mask exactly as wide as a periodic layer; a circular mask whose radius is a
whole number of grid spacings). network-core/src/spatial/connections.rs (a test)
compares the engine with it. NEST's `grid` mask (shape and anchor in grid cells) joins
them: several shapes and anchors, periodic and not, source and target grids of different
spacings (NEST resolves the mask on the target layer, or on the source layer with
`use_on_source`), and the layers NEST refuses it on (an `error` case: free positions, a 3D
grid, a mask larger than a periodic layer). Writes reference/spatial_connections.json:
{"nest_version", "cases": [{"name", "layer": {"grid": shape | "free": positions,
 "extent", "center", "edge_wrap"}, "target_layer" (optional, else layer), "mask": {NEST
 mask spec}, "use_on_source", "pairs": [source * n_targets + target, ...] sorted, 0-based,
 repeated pairs repeated | "error": NEST's message}]}.
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))


def free_points():
    """61 points on a 0.05 mm lattice inside [-0.5, 0.5) x [-0.5, 0.5), some on the edge
    of the layer and at mask-radius distances of one another (deterministic)."""
    pts = []
    for k in range(61):
        x = ((k * 7) % 20) * 0.05 - 0.5
        y = ((k * 13) % 20) * 0.05 - 0.5
        pts.append([round(x, 10), round(y, 10)])
    return pts


CIRCLE5 = {"circular": {"radius": 0.25}}
CASES = [
    # Bug 2: radius exactly 5 spacings on a periodic 20 x 20 grid.
    ("grid20_wrap_circle5", {"grid": [20, 20], "extent": [1.0, 1.0], "edge_wrap": True},
     CIRCLE5, False),
    ("grid12_wrap_circle3_on_source", {"grid": [12, 12], "extent": [1.2, 1.2],
                                       "edge_wrap": True}, {"circular": {"radius": 0.3}}, True),
    ("grid9x11_wrap_circle", {"grid": [9, 11], "extent": [1.3, 1.3], "center": [0.2, -0.1],
                              "edge_wrap": True}, {"circular": {"radius": 0.3}}, False),
    ("grid12_open_circle3", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": False},
     {"circular": {"radius": 0.3}}, False),
    # Bug 1: rectangles exactly as wide as the periodic layer (NEST connects edge pairs
    # twice).
    ("grid10_wrap_rect_full_width", {"grid": [10, 10], "extent": [1.0, 1.0], "edge_wrap": True},
     {"rectangular": {"lower_left": [-0.5, -0.2], "upper_right": [0.5, 0.2]}}, False),
    ("grid10_wrap_rect_full", {"grid": [10, 10], "extent": [1.0, 1.0], "edge_wrap": True},
     {"rectangular": {"lower_left": [-0.5, -0.5], "upper_right": [0.5, 0.5]}}, True),
    ("grid12_wrap_rect_edges", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": True},
     {"rectangular": {"lower_left": [-0.3, -0.2], "upper_right": [0.2, 0.4]}}, False),
    ("grid12_wrap_doughnut", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": True},
     {"doughnut": {"inner_radius": 0.1, "outer_radius": 0.3}}, False),
    ("grid12_wrap_ellipse", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": True},
     {"elliptical": {"major_axis": 0.6, "minor_axis": 0.4}}, False),
    ("grid12_wrap_circle_anchor", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": True},
     {"circular": {"radius": 0.3, "anchor": [0.1, -0.2]}}, False),
    ("grid6x5x4_wrap_sphere", {"grid": [6, 5, 4], "extent": [0.6, 0.5, 0.4], "edge_wrap": True},
     {"spherical": {"radius": 0.2}}, False),
    ("grid6x5x4_wrap_box_full", {"grid": [6, 5, 4], "extent": [0.6, 0.5, 0.4],
                                 "edge_wrap": True},
     {"box": {"lower_left": [-0.3, -0.1, -0.2], "upper_right": [0.3, 0.1, 0.2]}}, False),
    ("free_wrap_circle", {"free": free_points(), "extent": [1.0, 1.0], "edge_wrap": True},
     {"circular": {"radius": 0.25}}, False),
    ("free_wrap_rect", {"free": free_points(), "extent": [1.0, 1.0], "edge_wrap": True},
     {"rectangular": {"lower_left": [-0.25, -0.1], "upper_right": [0.15, 0.3]}}, True),
    ("free_open_circle", {"free": free_points(), "extent": [1.0, 1.0], "edge_wrap": False},
     {"circular": {"radius": 0.25}}, False),
    ("free_open_rect", {"free": free_points(), "extent": [1.0, 1.0], "edge_wrap": False},
     {"rectangular": {"lower_left": [-0.25, -0.1], "upper_right": [0.15, 0.3]}}, False),
]

# NEST's grid mask: (name, layer, target layer or None, mask, use_on_source).
GRID20 = {"grid": [20, 20], "extent": [1.0, 1.0], "edge_wrap": True}
GRID_CASES = [
    ("grid20_wrap_gridmask5x3", GRID20, None, {"grid": {"shape": [5, 3]}}, False),
    ("grid20_wrap_gridmask5x3_anchor", GRID20, None,
     {"grid": {"shape": [5, 3]}, "anchor": [2, 1]}, False),
    ("grid6x5_wrap_gridmask_full", {"grid": [6, 5], "extent": [0.6, 0.5], "edge_wrap": True},
     None, {"grid": {"shape": [6, 5]}, "anchor": [3, 2]}, False),
    ("grid20_wrap_gridmask_edge_anchor", GRID20, None,
     {"grid": {"shape": [20, 1]}, "anchor": [10, 0]}, True),
    ("grid12_open_gridmask4x4_anchor", {"grid": [12, 12], "extent": [1.2, 1.2], "edge_wrap": False},
     None, {"grid": {"shape": [4, 4]}, "anchor": [2, 2]}, False),
    ("grid8x6_open_gridmask_outside_anchor",
     {"grid": [8, 6], "extent": [0.8, 0.9], "center": [0.1, 0.3], "edge_wrap": False}, None,
     {"grid": {"shape": [3, 2]}, "anchor": [-1, 3]}, False),
    ("grid9x11_wrap_gridmask_on_source",
     {"grid": [9, 11], "extent": [1.3, 1.3], "center": [0.2, -0.1], "edge_wrap": True}, None,
     {"grid": {"shape": [3, 5]}, "anchor": [1, -1]}, True),
    ("grid10_to_5_wrap_gridmask_target_layer",
     {"grid": [10, 10], "extent": [1.0, 1.0], "edge_wrap": True},
     {"grid": [5, 5], "extent": [1.0, 1.0], "edge_wrap": True},
     {"grid": {"shape": [3, 3]}, "anchor": [1, 1]}, False),
    ("grid10_to_5_wrap_gridmask_source_layer",
     {"grid": [10, 10], "extent": [1.0, 1.0], "edge_wrap": True},
     {"grid": [5, 5], "extent": [1.0, 1.0], "edge_wrap": True},
     {"grid": {"shape": [3, 3]}, "anchor": [1, 1]}, True),
    ("grid6x4_open_to_3x8_gridmask", {"grid": [6, 4], "extent": [0.6, 0.8], "edge_wrap": False},
     {"grid": [3, 8], "extent": [0.6, 0.8], "edge_wrap": False},
     {"grid": {"shape": [2, 3]}}, False),
    # NEST refuses these.
    ("free_gridmask_error", {"free": free_points(), "extent": [1.0, 1.0], "edge_wrap": True},
     None, {"grid": {"shape": [3, 3]}}, False),
    ("grid3d_gridmask_error", {"grid": [4, 3, 2], "extent": [1.0, 1.0, 1.0], "edge_wrap": False},
     None, {"grid": {"shape": [3, 3]}}, False),
    ("grid5x4_wrap_gridmask_oversized_error",
     {"grid": [5, 4], "extent": [1.0, 1.0], "edge_wrap": True}, None,
     {"grid": {"shape": [6, 3]}}, False),
]


def layer(spec):
    kw = {"edge_wrap": spec["edge_wrap"], "extent": spec["extent"]}
    if "grid" in spec:
        if "center" in spec:
            kw["center"] = spec["center"]
        return nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=spec["grid"], **kw))
    pos = nest.spatial.free(spec["free"], **kw)
    return nest.Create("iaf_psc_alpha", len(spec["free"]), positions=pos)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "spatial_connections.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    cases = []
    for name, spec, mask, on_source in CASES:
        nest.ResetKernel()
        pop = layer(spec)
        n = len(pop)
        first = pop[0].global_id
        conn = {"rule": "pairwise_bernoulli", "p": 1.0, "mask": mask,
                "use_on_source": on_source}
        nest.Connect(pop, pop, conn)
        c = nest.GetConnections()
        pairs = sorted((s - first) * n + (t - first) for s, t in zip(c.source, c.target))
        cases.append({"name": name, "layer": spec, "mask": mask, "use_on_source": on_source,
                      "pairs": pairs})
        print(name, len(pairs), len(set(pairs)))
    for name, spec, target_spec, mask, on_source in GRID_CASES:
        nest.ResetKernel()
        pop = layer(spec)
        tgt = layer(target_spec) if target_spec else pop
        first, tfirst, nt = pop[0].global_id, tgt[0].global_id, len(tgt)
        conn = {"rule": "pairwise_bernoulli", "p": 1.0, "mask": mask,
                "use_on_source": on_source}
        case = {"name": name, "layer": spec, "mask": mask, "use_on_source": on_source}
        if target_spec:
            case["target_layer"] = target_spec
        try:
            nest.Connect(pop, tgt, conn)
            c = nest.GetConnections()
            case["pairs"] = sorted((s - first) * nt + (t - tfirst)
                                   for s, t in zip(c.source, c.target))
            print(name, len(case["pairs"]), len(set(case["pairs"])))
        except nest.NESTError as e:
            case["error"] = str(e)
            print(name, "error:", e)
        cases.append(case)
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "cases": cases}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
