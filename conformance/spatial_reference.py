"""Grid positions, free-layer center and extent, and mask selections of NEST 3.10, the
values network-core/src/spatial/tests.rs compares the engine with (issue 17: they were
hard-coded with no script to make them). Writes reference/spatial.json:
{"nest_version", "grids": [{"shape", "extent", "center", "positions"}],
 "free": {"positions", "center", "extent"},
 "masks": [{"layer": [shape], "mask": {NEST mask spec}, "selected": [0-based indices]}]}.
Masks are centred at the origin of grids with 0.1 mm spacing (nest.SelectNodesByMask).
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))

GRIDS = [
    {"shape": [3, 2], "extent": None, "center": None},
    {"shape": [4, 3], "extent": [2.0, 1.5], "center": [0.3, -0.7]},
    {"shape": [2, 3, 4], "extent": [1.0, 0.7, 1.3], "center": [0.1, 0.2, 0.3]},
]

FREE = [[0.1, 0.2], [1.4, -0.3], [0.5, 0.9]]

MASKS = [
    ([11, 11], {"rectangular": {"lower_left": [-0.1, -0.25], "upper_right": [0.32, 0.12],
                                "azimuth_angle": 30.0}}),
    ([11, 11], {"elliptical": {"major_axis": 0.6, "minor_axis": 0.3, "azimuth_angle": 40.0}}),
    ([11, 11], {"elliptical": {"major_axis": 0.6, "minor_axis": 0.3, "azimuth_angle": 40.0,
                               "anchor": [0.1, -0.05]}}),
    ([11, 11], {"circular": {"radius": 0.2}}),
    ([11, 11], {"doughnut": {"inner_radius": 0.1, "outer_radius": 0.25}}),
    ([7, 7, 7], {"box": {"lower_left": [-0.1, -0.2, -0.05], "upper_right": [0.3, 0.1, 0.2],
                         "azimuth_angle": 25.0, "polar_angle": 35.0}}),
    ([7, 7, 7], {"ellipsoidal": {"major_axis": 0.5, "minor_axis": 0.3, "polar_axis": 0.4,
                                 "azimuth_angle": 25.0, "polar_angle": 35.0}}),
    ([7, 7, 7], {"spherical": {"radius": 0.2}}),
]


def grid(shape, extent=None, center=None):
    kw = {}
    if extent is not None:
        kw["extent"] = extent
    if center is not None:
        kw["center"] = center
    return nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=shape, **kw))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "spatial.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    grids = []
    for g in GRIDS:
        nest.ResetKernel()
        layer = grid(g["shape"], g["extent"], g["center"])
        positions = [[float(x) for x in p] for p in nest.GetPosition(layer)]
        grids.append(dict(g, positions=positions))
    nest.ResetKernel()
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.free(FREE))
    free = {"positions": FREE,
            "center": [float(x) for x in layer.spatial["center"]],
            "extent": [float(x) for x in layer.spatial["extent"]]}
    masks = []
    for shape, spec in MASKS:
        nest.ResetKernel()
        layer = grid(shape, extent=[0.1 * s for s in shape])
        (kind, params), = spec.items()
        params = dict(params)
        anchor = params.pop("anchor", None)
        mask = nest.CreateMask(kind, params if anchor is None else dict(params, anchor=anchor))
        origin = [0.0] * len(shape)
        chosen = nest.SelectNodesByMask(layer, origin, mask)
        first = layer[0].global_id
        masks.append({"layer": shape, "mask": spec,
                      "selected": sorted(int(n) - first for n in chosen.tolist())})
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "grids": grids, "free": free,
                   "masks": masks}, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
