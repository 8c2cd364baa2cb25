"""What NEST 3.10 does with selections that hold no neuron (issue 6, zero-size
selections): a mask that selects nobody, given to a recorder, a generator and to each
spatial connection rule. Writes reference/empty_selections.json: per case either
{"error": <NEST exception class>} or {"connections": <count>}.

network-core/tests/edge_cases.rs requires the engine to give the same outcome: an error
where NEST raises one, the same number of connections where it does not.
"""

import argparse
import json
import os
import warnings

import nest

HERE = os.path.dirname(os.path.abspath(__file__))


def outcome(f):
    try:
        before = nest.num_connections
        f()
        return {"connections": nest.num_connections - before}
    except Exception as e:  # NEST's errors are exceptions named after their kind
        return {"error": type(e).__name__}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "empty_selections.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    nest.ResetKernel()
    nest.SetKernelStatus({"local_num_threads": 1, "rng_seed": 12345})
    # Ten neurons on a line from (0, 0) to (0.9, 0) in a 4 x 4 mm layer; the masks
    # below sit at (1.5, 1.5), where there is none.
    pos = nest.spatial.free([[0.1 * i, 0.0] for i in range(10)], extent=[4.0, 4.0])
    a = nest.Create("iaf_psc_alpha", positions=pos)
    b = nest.Create("iaf_psc_alpha", positions=pos)
    empty = nest.SelectNodesByMask(a, [1.5, 1.5], nest.CreateMask("circular", {"radius": 0.2}))
    assert len(empty) == 0
    far = {"circular": {"radius": 0.05}, "anchor": [1.5, 1.5]}
    cases = {
        "selection_size": {"neurons": len(empty)},
        "spike_recorder_from_empty": outcome(
            lambda: nest.Connect(empty, nest.Create("spike_recorder"))),
        "poisson_generator_to_empty": outcome(
            lambda: nest.Connect(nest.Create("poisson_generator"), empty)),
        "dc_generator_to_empty": outcome(
            lambda: nest.Connect(nest.Create("dc_generator"), empty)),
        "pairwise_bernoulli_empty_mask": outcome(
            lambda: nest.Connect(a, b, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": far})),
        "fixed_indegree_empty_mask": outcome(
            lambda: nest.Connect(a, b, {"rule": "fixed_indegree", "indegree": 1, "mask": far})),
        "fixed_outdegree_empty_mask": outcome(
            lambda: nest.Connect(a, b, {"rule": "fixed_outdegree", "outdegree": 1, "mask": far})),
    }
    with open(args.out, "w") as f:
        json.dump({"nest_version": nest.__version__, "cases": cases}, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main()
