"""The Brette et al. (2007) COBA and CUBA networks in Brian2 (cpp_standalone by default), the
networks of examples/coba.rs and cuba.rs (parameters in brette_params.py) with their JSON.

The equations are NEST's models written out: COBA is iaf_cond_exp (conductances in nS,
exponential-Euler integration where NEST uses RKF45), CUBA is iaf_psc_exp (currents in pA,
exact integration; the currents decay during the refractory period as in NEST, not held
as in Brian2's own CUBA example). Synaptic effects land in the step of the spike (Brian2's
natural form, no delay); NEST and the project deliver after one 0.1 ms step. Connections
are Brian2's own `connect(p=0.02)`. build_s is the Python network construction plus the
binary's setup (its run time minus the main loop); sim_s is the main loop.

  python bench/peers/brian2_brette.py --model cuba --threads 2 --json [--rates FILE]
"""
import argparse
import os
import tempfile
import time

import brette_params as bp
from peer_report import rates, report


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=sorted(bp.MODELS), required=True)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--time", type=float, default=1000.0)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--rates")
    ap.add_argument("--outdir")
    a = ap.parse_args()
    import brian2 as b2
    from brian2 import ms, mV, pA, pF, nS
    b2.BrianLogger.log_level_error()
    outdir = a.outdir or os.path.join(tempfile.gettempdir(), "b2_standalone", f"{a.model}_t{a.threads}")
    os.makedirs(outdir, exist_ok=True)
    b2.set_device("cpp_standalone", directory=outdir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = a.threads if a.threads > 1 else 0
    rusage = os.path.abspath(os.path.join(outdir, "binary_rusage.txt"))
    b2.prefs.devices.cpp_standalone.run_cmd_unix = ["/usr/bin/time", "-f", "%M %e %U %S", "-o", rusage, "./main"]

    t0 = time.perf_counter()
    b2.defaultclock.dt = 0.1 * ms
    b2.seed(a.seed)
    _, p = bp.MODELS[a.model]
    q = p["neuron"]
    NE, NI = bp.sizes(a.scale)
    ns = {"E_L": q["E_L"] * mV, "V_th": q["V_th"] * mV, "V_reset": q["V_reset"] * mV,
          "C_m": q["C_m"] * pF, "tau_e": q["tau_syn_ex"] * ms, "tau_i": q["tau_syn_in"] * ms}
    if a.model == "coba":
        ns.update(g_L=q["g_L"] * nS, E_ex=q["E_ex"] * mV, E_in=q["E_in"] * mV, I_e=q["I_e"] * pA,
                  w_ex=p["w_ex"] * nS, w_in=-p["w_in"] * nS)
        eqs = """
        dv/dt = (g_L*(E_L - v) + ge*(E_ex - v) + gi*(E_in - v) + I_e)/C_m : volt (unless refractory)
        dge/dt = -ge/tau_e : siemens
        dgi/dt = -gi/tau_i : siemens
        """
        method = "exponential_euler"
    else:
        ns.update(tau_m=q["tau_m"] * ms, w_ex=p["w_ex"] * pA, w_in=p["w_in"] * pA)
        eqs = """
        dv/dt = (E_L - v)/tau_m + (ge + gi)/C_m : volt (unless refractory)
        dge/dt = -ge/tau_e : amp
        dgi/dt = -gi/tau_i : amp
        """
        method = "exact"
    G = b2.NeuronGroup(NE + NI, eqs, threshold="v >= V_th", reset="v = V_reset",
                       refractory=bp.T_REF * ms, method=method, namespace=ns, name="neurons")
    G.v = f"{bp.V0[0]}*mV + rand() * {bp.V0[1] - bp.V0[0]}*mV"
    Se = b2.Synapses(G[:NE], G, on_pre="ge_post += w_ex", namespace=ns, name="syn_e")
    Se.connect(p=bp.P)
    Si = b2.Synapses(G[NE:], G, on_pre="gi_post += w_in", namespace=ns, name="syn_i")
    Si.connect(p=bp.P)
    mon = b2.SpikeMonitor(G, name="spikes")
    net = b2.Network(G, Se, Si, mon)
    py_build_s = time.perf_counter() - t0
    net.run(a.time * ms)
    b2.device.build(directory=outdir, compile=True, run=True, with_output=False)
    loop_s = float(b2.device._last_run_time)
    bin_s = float(b2.device.timers["run_binary"])
    with open(rusage) as f:
        rss_kb, _wall, user, system = f.read().split()[-4:]
    import numpy as np
    i = np.asarray(mon.i)
    seconds = a.time / 1000.0
    pops = {"E": rates(i[i < NE], 0, NE, seconds), "I": rates(i[i >= NE], NE, NI, seconds)}
    syn = {"E": len(Se), "I": len(Si)}
    out = {"model": a.model, "simulator": "Brian2 " + b2.__version__, "target": "cpp_standalone",
           "scale": a.scale, "threads": a.threads, "seed": a.seed, "presim_ms": 0.0,
           "simtime_ms": a.time, "neurons": NE + NI, "synapses": syn["E"] + syn["I"],
           "build_s": py_build_s + bin_s - loop_s, "sim_s": loop_s,
           "binary_cpu_s": float(user) + float(system),
           "vmrss_mb": {"peak_binary": int(rss_kb) / 1024.0}}
    report(out, pops, syn, a.rates, a.json)


if __name__ == "__main__":
    main()
