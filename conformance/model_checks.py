"""NEST 3.10's defaults and parameter checks for every model the engine declares.

Reads the models and their parameters from docs/models.md (generated from network-spec's
tables), then asks NEST:
  * `defaults`: `GetDefaults` of each declared parameter;
  * `probes`: for each scalar or integer parameter, whether NEST accepts it set alone to
    each of a few probe values (-1, 0, 1e6, -1e6, +inf, -inf; integers -1, 0, 2), the others at their
    defaults, and whether 1 ms of simulation then runs (in a child process: "timeout"
    after 5 s, "crashed" when GSL's error handler aborted it).
Writes conformance/reference/model_checks.json, read by network-spec/tests/nest_checks.rs,
which compares the tables' defaults and `validate` with NEST's answers.

  python conformance/model_checks.py
"""
import argparse
import json
import math
import os
import re
import signal
import time

os.environ.setdefault("PYNEST_QUIET", "1")
import nest

HERE = os.path.dirname(os.path.abspath(__file__))
SECTIONS = {"Neuron models": "neuron", "Synapse models": "synapse", "Rate models": "rate",
            "Devices": "device"}
SCALAR_PROBES = [-1.0, 0.0, 1e6, -1e6, math.inf, -math.inf]
INTEGER_PROBES = [-1, 0, 2]


def declared_models(path):
    """(kind, model, [(parameter, table kind)]) in the order of docs/models.md."""
    models, kind, current = [], None, None
    for line in open(path):
        if line.startswith("## "):
            kind = SECTIONS.get(line[3:].strip())
            current = None
        elif line.startswith("### `") and kind:
            current = (kind, line.split("`")[1], [])
            models.append(current)
        elif current and (m := re.match(r"\| `(\w+)` \|[^|]*\|[^|]*\| (\w+) \|", line)):
            current[2].append((m.group(1), m.group(2)))
    # Rate connections are synapse models but not probed as synapses onto spiking cells.
    return [m for m in models if m[1] in nest.node_models
            or (m[0] == "synapse" and m[1] in nest.synapse_models)]


def plain(v):
    """A JSON value: infinities as strings, lists and numbers as they are."""
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return v
    return None


def verdict(action):
    try:
        action()
        return "ok"
    except Exception as e:  # NEST raises its error classes; the name is the verdict
        return type(e).__name__


def probe(kind, model, param, value):
    """NEST's answers to setting `param` = `value`: (on set, on a step of simulation)."""
    nest.ResetKernel()
    if kind == "synapse":
        def set_():
            nest.CopyModel(model, "probed", {param: value})
            pre, post = nest.Create("parrot_neuron"), nest.Create("iaf_psc_alpha")
            nest.Connect(pre, post, syn_spec={"synapse_model": "probed"})
    else:
        def set_():
            nest.Create(model, params={param: value})
    on_set = verdict(set_)
    on_run = simulated(lambda: nest.Simulate(1.0)) if on_set == "ok" else "not run"
    return on_set, on_run


def simulated(action, seconds=5.0):
    """`verdict(action)` in a child process: "timeout" when it runs longer than `seconds`
    (an accepted value whose dynamics the adaptive integrator cannot follow, e.g. a
    negative leak conductance, makes the step size shrink without end)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        os.write(write, verdict(action).encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, _ = os.waitpid(child, os.WNOHANG)
        if done:
            answer = os.read(read, 200).decode()
            os.close(read)
            # Nothing written: the child died (GSL's error handler aborts the process).
            return answer or "crashed"
        time.sleep(0.002)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    os.close(read)
    return "timeout"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, "reference", "model_checks.json"))
    args = parser.parse_args()
    nest.set_verbosity("M_FATAL")
    out = {"nest": nest.__version__, "defaults": {}, "probes": []}
    for kind, model, params in declared_models(os.path.join(HERE, "..", "docs", "models.md")):
        nest.ResetKernel()
        defaults = nest.GetDefaults(model)
        out["defaults"][model] = {p: plain(defaults[p]) for p, _ in params if p in defaults}
        if kind == "device":
            continue  # defaults only: the engine checks devices as a whole
        for p, table_kind in params:
            if p not in defaults or table_kind not in ("scalar", "integer") \
                    or isinstance(defaults[p], bool):
                continue
            # NEST's type decides (its integer parameters refuse floats).
            probes = INTEGER_PROBES if isinstance(defaults[p], int) else SCALAR_PROBES
            for v in probes:
                on_set, on_run = probe(kind, model, p, v)
                out["probes"].append([kind, model, p, plain(v), on_set, on_run])
    with open(args.out, "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
