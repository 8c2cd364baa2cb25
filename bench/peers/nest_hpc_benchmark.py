"""NEST's hpc_benchmark (pynest/examples/hpc_benchmark.py, NEST 3.10) with the command line
and JSON of examples/hpc_benchmark.rs: NE = int(9000 scale), NI = int(2250 scale)
iaf_psc_alpha neurons, fixed in-degree CE = 9000 / CI = 2250 without autapses,
stdp_pl_synapse_hom_hpc between E neurons, static_synapse_hpc otherwise, one Poisson
generator all_to_all, V_m ~ N(5.7, 7.2) mV, delay 1.5 ms.

Deviations from NEST's script: every neuron is recorded (to memory), not the first 1000 E
neurons to a file, so that rates of both populations and delivered events can be computed.

  python bench/peers/nest_hpc_benchmark.py --scale 0.5 --threads 2 --json [--rates FILE]
"""
import argparse
import math
import os
import time

os.environ.setdefault("PYNEST_QUIET", "1")
from peer_report import cpu_s, rates, report

TAU_SYN = 0.32582722403722841
MODEL = {"E_L": 0.0, "C_m": 250.0, "tau_m": 10.0, "t_ref": 0.5, "V_th": 20.0, "V_reset": 0.0,
         "tau_syn_ex": TAU_SYN, "tau_syn_in": TAU_SYN, "tau_minus": 30.0, "V_m": 5.7}
JE, G, ETA, DELAY = 0.14, -5.0, 1.685, 1.5
STDP = {"delay": DELAY, "alpha": 0.0513, "lambda": 0.1, "mu": 0.4, "tau_plus": 15.0}


def lambert_wm1(x):
    """Lower branch W_-1 for -1/e <= x < 0 (Halley's iteration)."""
    w = -1.0 - math.sqrt(2.0 * (1.0 + math.e * x)) if x < -0.3 else math.log(-x) - math.log(-math.log(-x))
    for _ in range(100):
        ew = math.exp(w)
        f = w * ew - x
        nxt = w - f / (ew * (w + 1.0) - (w + 2.0) * f / (2.0 * w + 2.0))
        if abs(nxt - w) < 1e-15 * abs(w):
            return nxt
        w = nxt
    return w


def psc_per_psp(tau_m, tau_syn, c_m):
    """NEST's convert_synapse_weight: pA per mV of PSP peak for alpha PSCs."""
    a = tau_m / tau_syn
    b = 1.0 / tau_syn - 1.0 / tau_m
    t_rise = 1.0 / b * (-lambert_wm1(-math.exp(-1.0 / a) / a) - 1.0 / a)
    v_max = (math.e / (tau_syn * c_m * b)
             * ((math.exp(-t_rise / tau_m) - math.exp(-t_rise / tau_syn)) / b - t_rise * math.exp(-t_rise / tau_syn)))
    return 1.0 / v_max


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--time", type=float, default=250.0)
    ap.add_argument("--presim", type=float, default=50.0)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rates")
    a = ap.parse_args()
    import nest
    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    t0 = time.perf_counter()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": a.seed, "local_num_threads": a.threads})
    NE, NI = int(9000 * a.scale), int(2250 * a.scale)
    CE, CI = int(1.0 * NE / a.scale), int(1.0 * NI / a.scale)
    E = nest.Create("iaf_psc_alpha", NE, params=MODEL)
    I = nest.Create("iaf_psc_alpha", NI, params=MODEL)
    v0 = nest.random.normal(5.7, 7.2)
    E.V_m = v0
    I.V_m = v0
    je = psc_per_psp(MODEL["tau_m"], TAU_SYN, MODEL["C_m"]) * JE
    nu_th = MODEL["V_th"] / (CE * MODEL["tau_m"] / MODEL["C_m"] * je * math.e * TAU_SYN)
    stim = nest.Create("poisson_generator", 1, {"rate": ETA * nu_th * CE * 1000.0})
    rec_e = nest.Create("spike_recorder", params={"record_to": "memory", "start": a.presim})
    rec_i = nest.Create("spike_recorder", params={"record_to": "memory", "start": a.presim})
    nest.SetDefaults("static_synapse_hpc", {"delay": DELAY})
    nest.CopyModel("static_synapse_hpc", "syn_ex", {"weight": je})
    nest.CopyModel("static_synapse_hpc", "syn_in", {"weight": G * je})
    nest.SetDefaults("stdp_pl_synapse_hom_hpc", dict(STDP, weight=je))
    nest.Connect(stim, E, "all_to_all", {"synapse_model": "syn_ex"})
    nest.Connect(stim, I, "all_to_all", {"synapse_model": "syn_ex"})
    spec = lambda k: {"rule": "fixed_indegree", "indegree": k, "allow_autapses": False, "allow_multapses": True}
    nest.Connect(E, E, spec(CE), {"synapse_model": "stdp_pl_synapse_hom_hpc"})
    nest.Connect(I, E, spec(CI), {"synapse_model": "syn_in"})
    nest.Connect(E, I, spec(CE), {"synapse_model": "syn_ex"})
    nest.Connect(I, I, spec(CI), {"synapse_model": "syn_in"})
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
    n = NE + NI
    out = {"model": "hpc_benchmark", "simulator": "NEST " + nest.__version__, "scale": a.scale,
           "threads": a.threads, "seed": a.seed, "presim_ms": a.presim, "simtime_ms": a.time,
           "neurons": n, "synapses": n * (CE + CI), "build_s": build_s, "presim_s": presim_s,
           "sim_s": sim_s, "sim_cpu_s": sim_cpu, "J_E_pA": je}
    report(out, pops, {"E": n * CE, "I": n * CI}, a.rates, a.json)


if __name__ == "__main__":
    main()
