"""NEST 3.10's time grid at resolution 0.1 ms, at the edges network-spec/src/time.rs must
reproduce (issue 17: the mutation run over time.rs left survivors there). Writes
reference/time_grid.json:
{"nest_version", "resolution",
 "device_start": [{"ms", "nest_ms"}],           a dc_generator's start as NEST stores it
                                                (null: refused)
 "delays": [{"min", "max", "nest_min", "nest_max"}],   the kernel's min/max_delay as set
 "offgrid_spikes": {"ms": [...], "nest_ms": [...]}}     spike_generator times with
                                                allow_offgrid_times, as NEST stores them
network-spec/tests/time_grid.rs compares Resolution's conversions with these.
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))
RESOLUTION = 0.1

# Times on the grid, 1e-9 ms from it (the engine's on-grid tolerance, exactly: 0 - 1e-9
# is -1e-9 in floating point), and negative or off-grid times NEST refuses.
STARTS = [0.0, 1e-9, -1e-9, 0.3, 0.30000000000000004, 100.0, 100.05, -0.1, -5.0]
# min_delay on the grid, and between grid points (NEST rounds min down, max up).
DELAYS = [(0.1, 2.0), (0.2, 0.5), (0.15, 2.0), (0.1, 2.05), (1.0, 1.0), (0.3, 7.01)]
# Off-grid spike times: a few tics past a grid point, just before the next, on the grid.
SPIKES = [0.04, 0.5, 2.0, 2.91, 2.92, 2.95, 3.0001, 7.01, 7.05, 7.09]


def start(ms):
    nest.ResetKernel()
    nest.resolution = RESOLUTION
    try:
        g = nest.Create("dc_generator", params={"start": ms})
    except nest.NESTError:
        return None
    return g.get("start")


def delays(lo, hi):
    nest.ResetKernel()
    nest.resolution = RESOLUTION
    nest.set(min_delay=lo, max_delay=hi)
    return nest.GetKernelStatus("min_delay"), nest.GetKernelStatus("max_delay")


def offgrid(times):
    nest.ResetKernel()
    nest.resolution = RESOLUTION
    g = nest.Create("spike_generator",
                    params={"spike_times": times, "allow_offgrid_times": True})
    return [float(t) for t in g.get("spike_times")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "time_grid.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    out = {
        "nest_version": nest.__version__,
        "resolution": RESOLUTION,
        "device_start": [{"ms": t, "nest_ms": start(t)} for t in STARTS],
        "delays": [dict(zip(["min", "max", "nest_min", "nest_max"], (lo, hi) + delays(lo, hi)))
                   for lo, hi in DELAYS],
        "offgrid_spikes": {"ms": SPIKES, "nest_ms": offgrid(SPIKES)},
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
