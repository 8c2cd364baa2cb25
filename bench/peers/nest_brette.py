"""The Brette et al. (2007) COBA (iaf_cond_exp) and CUBA (iaf_psc_exp) networks in NEST 3.10,
the networks of examples/coba.rs and cuba.rs with their command line and JSON
(parameters in brette_params.py).

  python bench/peers/nest_brette.py --model coba --threads 2 --json [--rates FILE]
"""
import argparse
import os
import time

os.environ.setdefault("PYNEST_QUIET", "1")
import brette_params as bp
from peer_report import cpu_s, rates, report


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=sorted(bp.MODELS), required=True)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--time", type=float, default=1000.0)
    ap.add_argument("--presim", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rates")
    a = ap.parse_args()
    model, p = bp.MODELS[a.model]
    import nest
    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    t0 = time.perf_counter()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": a.seed, "local_num_threads": a.threads})
    NE, NI = bp.sizes(a.scale)
    E = nest.Create(model, NE, params=p["neuron"])
    I = nest.Create(model, NI, params=p["neuron"])
    E.V_m = nest.random.uniform(*bp.V0)
    I.V_m = nest.random.uniform(*bp.V0)
    rec_e = nest.Create("spike_recorder", params={"record_to": "memory", "start": a.presim})
    rec_i = nest.Create("spike_recorder", params={"record_to": "memory", "start": a.presim})
    nest.CopyModel("static_synapse", "exc", {"weight": p["w_ex"], "delay": bp.DELAY})
    nest.CopyModel("static_synapse", "inh", {"weight": p["w_in"], "delay": bp.DELAY})
    rule = {"rule": "pairwise_bernoulli", "p": bp.P}
    nest.Connect(E, E + I, rule, "exc")
    nest.Connect(I, E + I, rule, "inh")
    nest.Connect(E, rec_e)
    nest.Connect(I, rec_i)
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    if a.presim > 0:
        nest.Simulate(a.presim)
    presim_s = time.perf_counter() - t1
    c0, t2 = cpu_s(), time.perf_counter()
    nest.Simulate(a.time)
    sim_s, sim_cpu = time.perf_counter() - t2, cpu_s() - c0
    seconds = a.time / 1000.0
    pops = {"E": rates(rec_e.events["senders"], E[0].global_id, NE, seconds),
            "I": rates(rec_i.events["senders"], I[0].global_id, NI, seconds)}
    syn = {"E": nest.GetDefaults("exc")["num_connections"], "I": nest.GetDefaults("inh")["num_connections"]}
    out = {"model": a.model, "simulator": "NEST " + nest.__version__, "scale": a.scale,
           "threads": a.threads, "seed": a.seed, "presim_ms": a.presim, "simtime_ms": a.time,
           "neurons": NE + NI, "synapses": syn["E"] + syn["I"], "build_s": build_s,
           "presim_s": presim_s, "sim_s": sim_s, "sim_cpu_s": sim_cpu}
    report(out, pops, syn, a.rates, a.json)


if __name__ == "__main__":
    main()
