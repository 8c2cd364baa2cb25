"""The Potjans-Diesmann (2014) cortical microcircuit in NEST 3.10, written from the facts
of its reference implementation (microcircuit-PD14-model, PyNEST): the same network as
examples/microcircuit.rs, with the same command line and JSON.

  python bench/peers/nest_microcircuit.py --scale 0.1 --threads 2 --json [--rates FILE]

Rates are measured over --time ms after --presim ms (spikes recorded from presim on).
At full scale NEST needs more than 10 GB of memory.
"""
import argparse
import json
import math
import os
import resource
import sys
import time

os.environ.setdefault("PYNEST_QUIET", "1")

NAMES = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"]
N_FULL = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948]
CONN_PROBS = [  # [target][source]
    [0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0],
    [0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0],
    [0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0],
    [0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0],
    [0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0],
    [0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0],
    [0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252],
    [0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443],
]
K_EXT = [1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100]
FULL_MEAN_RATES = [0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829]
V0_MEAN = [-68.28, -63.16, -63.33, -63.45, -63.11, -61.66, -66.72, -61.43]
V0_STD = [5.36, 4.57, 4.74, 4.94, 4.94, 4.55, 5.46, 4.48]
CONN_PROBS_TH = [0.0, 0.0, 0.0983, 0.0619, 0.0, 0.0, 0.0512, 0.0196]
N_THALAMIC = 902
C_M, TAU_M, TAU_SYN = 250.0, 10.0, 0.5
PSP_EXC, G, WEIGHT_REL_STD = 0.15, -4.0, 0.1
DELAY_EXC, DELAY_INH, DELAY_REL_STD = 1.5, 0.75, 0.5
BG_RATE, RESOLUTION = 8.0, 0.1


def psc_per_psp_exp(c_m, tau_m, tau_s):
    """pA per mV of peak PSP for an exponential PSC (the closed form of network_spec::psp)."""
    r = tau_s / tau_m
    rho = tau_m * tau_s / (tau_m - tau_s)
    return 1.0 / (rho / c_m * (r ** (tau_s / (tau_m - tau_s)) - r ** (tau_m / (tau_m - tau_s))))


def synapse_count(p, a, b):
    prod = float(a) * float(b)
    return math.log(1.0 - p) / math.log((prod - 1.0) / prod)


def derive(a):
    k = a.scale
    f = psc_per_psp_exp(C_M, TAU_M, TAU_SYN)
    full_syn = [[synapse_count(CONN_PROBS[i][j], N_FULL[i], N_FULL[j]) for j in range(8)] for i in range(8)]
    w = [[(PSP_EXC if j % 2 == 0 else PSP_EXC * G) * f for j in range(8)] for i in range(8)]
    w[0][2] *= 2.0
    w_ext_full = PSP_EXC * f
    dc = [BG_RATE * K_EXT[i] * w_ext_full * TAU_SYN * 0.001 if a.background == "dc" else 0.0 for i in range(8)]
    w_full = [row[:] for row in w]
    w_ext = w_ext_full
    if k != 1.0:
        root = math.sqrt(k)
        w = [[x / root for x in row] for row in w]
        w_ext /= root
        for i in range(8):
            rec = sum(w_full[i][j] * full_syn[i][j] / N_FULL[i] * FULL_MEAN_RATES[j] for j in range(8))
            dc[i] += 0.001 * TAU_SYN * (1.0 - root) * rec
            if a.background == "poisson":
                dc[i] += 0.001 * TAU_SYN * (1.0 - root) * w_ext_full * K_EXT[i] * BG_RATE
    th_syn = [round(synapse_count(CONN_PROBS_TH[i], N_THALAMIC, N_FULL[i]) * k) for i in range(8)]
    w_th = PSP_EXC * f / (math.sqrt(k) if k != 1.0 else 1.0)
    return {
        "neurons": [int(round(n * k)) for n in N_FULL],
        "synapses": [[int(round(x * k * k)) for x in row] for row in full_syn],
        "k_ext": [int(round(x * k)) for x in K_EXT],
        "weights": w, "weight_ext": w_ext, "dc": dc, "th_synapses": th_syn, "weight_th": w_th,
    }


def quantile(v, q):
    if not v:
        return float("nan")
    pos = q * (len(v) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--time", type=float, default=1000.0)
    ap.add_argument("--presim", type=float, default=500.0)
    ap.add_argument("--background", choices=["dc", "poisson"], default="dc")
    ap.add_argument("--v0", choices=["optimized", "original"], default="optimized")
    ap.add_argument("--thalamic", action="store_true")
    ap.add_argument("--seed", type=int, default=55)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rates")
    a = ap.parse_args()
    d = derive(a)

    import nest
    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    t0 = time.perf_counter()
    nest.SetKernelStatus({"resolution": RESOLUTION, "rng_seed": a.seed, "local_num_threads": a.threads})
    pops = []
    for i in range(8):
        pop = nest.Create("iaf_psc_exp", d["neurons"][i], params={
            "C_m": C_M, "tau_m": TAU_M, "tau_syn_ex": TAU_SYN, "tau_syn_in": TAU_SYN, "t_ref": 2.0,
            "E_L": -65.0, "V_th": -50.0, "V_reset": -65.0, "I_e": d["dc"][i]})
        mean, std = (V0_MEAN[i], V0_STD[i]) if a.v0 == "optimized" else (-58.0, 10.0)
        pop.V_m = nest.random.normal(mean, std)
        pops.append(pop)
    recorders = nest.Create("spike_recorder", 8, params={"record_to": "memory", "start": a.presim})
    if a.background == "poisson":
        gens = nest.Create("poisson_generator", 8)
        gens.rate = [BG_RATE * k for k in d["k_ext"]]
    if a.thalamic:
        th = nest.Create("parrot_neuron", N_THALAMIC)
        th_drive = nest.Create("poisson_generator", params={"rate": 120.0, "start": 700.0, "stop": 710.0})
    for i, target in enumerate(pops):
        for j, source in enumerate(pops):
            if d["synapses"][i][j] == 0:
                continue
            w = d["weights"][i][j]
            mean_delay = DELAY_EXC if j % 2 == 0 else DELAY_INH
            nest.Connect(source, target, {"rule": "fixed_total_number", "N": d["synapses"][i][j]}, {
                "synapse_model": "static_synapse",
                "weight": nest.math.redraw(nest.random.normal(mean=w, std=abs(w * WEIGHT_REL_STD)),
                                           min=-math.inf if w < 0 else 0.0, max=0.0 if w < 0 else math.inf),
                "delay": nest.math.redraw(nest.random.normal(mean=mean_delay, std=mean_delay * DELAY_REL_STD),
                                          min=0.5 * RESOLUTION, max=math.inf)})
    for i, pop in enumerate(pops):
        nest.Connect(pop, recorders[i])
        if a.background == "poisson":
            nest.Connect(gens[i], pop, "all_to_all", {"weight": d["weight_ext"], "delay": DELAY_EXC})
    if a.thalamic:
        nest.Connect(th_drive, th)
        for i, pop in enumerate(pops):
            if d["th_synapses"][i] == 0:
                continue
            wt = d["weight_th"]
            nest.Connect(th, pop, {"rule": "fixed_total_number", "N": d["th_synapses"][i]}, {
                "weight": nest.math.redraw(nest.random.normal(mean=wt, std=wt * WEIGHT_REL_STD), min=0.0, max=math.inf),
                "delay": nest.math.redraw(nest.random.normal(mean=DELAY_EXC, std=DELAY_EXC * DELAY_REL_STD),
                                          min=0.5 * RESOLUTION, max=math.inf)})
    nest.Prepare()
    nest.Cleanup()
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    nest.Simulate(a.presim)
    presim_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    nest.Simulate(a.time)
    sim_s = time.perf_counter() - t2

    seconds = a.time / 1000.0
    per_pop, all_rates, spikes, events = {}, {}, 0, 0.0
    for i, pop in enumerate(pops):
        senders = recorders[i].events["senders"]
        spikes += len(senders)
        # Each spike reaches the source population's synapses over its neurons, on average.
        events += len(senders) * sum(d["synapses"][t][i] for t in range(8)) / d["neurons"][i]
        first = pop[0].global_id
        counts = [0] * d["neurons"][i]
        for s in senders:
            counts[int(s) - first] += 1
        rates = [c / seconds for c in counts]
        n = max(len(rates), 1)
        mean = sum(rates) / n
        std = math.sqrt(sum((x - mean) ** 2 for x in rates) / n)
        all_rates[NAMES[i]] = rates
        srt = sorted(rates)
        per_pop[NAMES[i]] = {"n": d["neurons"][i], "mean": mean, "std": std, "q25": quantile(srt, 0.25),
                             "median": quantile(srt, 0.5), "q75": quantile(srt, 0.75)}
    if a.rates:
        with open(a.rates, "w") as f:
            json.dump(all_rates, f)
    # Recorders, the background generators and the thalamic drive connect one node each.
    devices = sum(d["neurons"]) * (2 if a.background == "poisson" else 1) + (N_THALAMIC if a.thalamic else 0)
    synapses = nest.GetKernelStatus("num_connections") - devices
    out = {
        "model": "microcircuit", "simulator": "NEST " + nest.__version__, "scale": a.scale,
        "threads": a.threads, "seed": a.seed, "background": a.background, "thalamic": a.thalamic,
        "presim_ms": a.presim, "simtime_ms": a.time, "neurons": sum(d["neurons"]),
        "synapses": synapses, "spikes": spikes, "rates_hz": per_pop, "build_s": build_s,
        "events_delivered": round(events), "ns_per_event_sim": sim_s / events * 1e9 if events else None,
        "presim_s": presim_s, "sim_s": sim_s, "realtime_factor": sim_s / seconds,
        "vmrss_mb": {"peak": peak_rss_mb()},
    }
    if a.json:
        print(json.dumps(out))
    else:
        print(f"NEST microcircuit, scale {a.scale}: {out['neurons']} neurons, {synapses} connections")
        for name in NAMES:
            p = per_pop[name]
            print(f"  {name:5} {p['mean']:8.3f} Hz mean, quartiles {p['q25']:.2f} / {p['median']:.2f} / {p['q75']:.2f} Hz")
        print(f"build {build_s:.2f} s, presimulation {presim_s:.2f} s, simulation {sim_s:.2f} s, peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
