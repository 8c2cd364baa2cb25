"""Deterministic cases of the models NEST integrates exactly or explicitly (issue 12):
izhikevich, iaf_psc_exp_htum, mat2_psc_exp, amat2_psc_exp, in the schema of cases.py
and replayed by the same test. Per model a case driven by currents (I_e, dc_generator)
and one driven by spikes, with every recordable sampled; and populations of 1,100 neurons
whose inputs aim at indices 7, 8, 255, 256, 1023 and 1024, so that the engine's groups of
8, chunks of 256 and blocks of 1024 neurons are compared with NEST.
"""

from cases import ALPHA, DELTA, EXP, RECORDABLES, case, conn, dc, neuron, sg

IZH, HTUM = "izhikevich", "iaf_psc_exp_htum"
MAT2, AMAT2 = "mat2_psc_exp", "amat2_psc_exp"
GIF, PP = "gif_psc_exp", "pp_psc_delta"

RECORDABLES.update({
    IZH: ["V_m", "U_m"],
    HTUM: ["V_m", "I_syn_ex", "I_syn_in"],
    MAT2: ["V_m", "V_th"],
    AMAT2: ["V_m", "V_th", "V_th_v", "I_syn_ex", "I_syn_in"],
    GIF: ["V_m", "E_sfa", "I_stc", "I_syn_ex", "I_syn_in"],
    PP: ["V_m", "E_sfa"],
})


def population(model, n, **params):
    """A population of n neurons created at once (schema: a neuron entry with "n")."""
    entry = neuron(model, **params)
    entry["n"] = n
    return entry


# The indices on both sides of the engine's boundaries: groups of 8 spike flags, chunks
# of 256 neurons, blocks of 1024 neurons.
EDGES = [7, 8, 255, 256, 1023, 1024]
POP = 1100


# The few neurons recorded in the smaller population cases: the edges, the ends and one
# undriven neighbour past each boundary (the others repeat neuron 0's trajectory).
FEW = sorted({0, 9, 257, 1025, POP - 1, *EDGES})


def population_case(name, description, model, record_from, weight, dc_amplitude=None,
                    interval=None, targets=None, **params):
    """POP neurons of `model`; each edge index gets its own input (a spike train with
    its own timing, a dc step of `dc_amplitude` (default 3 |weight|) on two of them),
    1023 -> 1024 and 7 -> 1099 are connected, and `targets` (default the edges, their
    neighbours and the ends) are recorded every `interval` ms (default every step)."""
    if dc_amplitude is None:
        dc_amplitude = 3.0 * abs(weight)
    gens = []
    for k, i in enumerate(EDGES):
        times = [2.0 + 3.0 * k + 5.0 * j for j in range(6 + k)]
        gens.append(sg([i], [round(t, 1) for t in times], weight=weight * (1.0 + 0.1 * k),
                       delay=1.0 + 0.1 * k))
    gens.append(sg([8, 256, 1024], [20.0, 20.1], weight=-weight, delay=1.5))
    gens.append(dc([255, 1023], dc_amplitude, delay=1.0, start=30.0, stop=60.0))
    if targets is None:
        targets = sorted({0, 1, 6, 9, 254, 257, 1022, 1025, POP - 1, *EDGES})
    return case(name, description, [population(model, POP, **params)], [100.0], gens,
                connections=[conn(1023, 1024, 2.0 * weight, 1.0), conn(7, POP - 1, 2.0 * weight, 2.0)],
                interval=interval, record_from=record_from, rec_targets=targets)


def izhikevich_cases():
    C = []
    C.append(case(
        "izhikevich_dc",
        "izhikevich regular spiking (defaults, I_e 10), chattering (c -50, d 2), fast "
        "spiking (a 0.1, d 2) and a V_min-bounded neuron (V_min -66, I_e -5), dc 5 pA "
        "onto the first two from 100 to 200 ms and -3 pA onto the third",
        [neuron(IZH, I_e=10.0), neuron(IZH, c=-50.0, d=2.0, I_e=10.0),
         neuron(IZH, a=0.1, d=2.0, I_e=10.0), neuron(IZH, V_min=-66.0, I_e=-5.0)],
        [300.0],
        [dc([0, 1], 5.0, start=100.0, stop=200.0), dc([2], -3.0, start=150.0)],
        interval=0.2, record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_spikes",
        "izhikevich driven by spikes (mV jumps): excitatory 12 mV trains with a duplicate "
        "and a multiplicity, inhibitory -8 mV; V_m and U_m initial values; V_th 25; "
        "0 -> 1 at 20 mV, delay 1.5",
        [neuron(IZH), neuron(IZH, V_m=-70.0, U_m=-14.0, V_th=25.0),
         neuron(IZH, b=0.25, d=0.05, V_min=-75.0)],
        [200.0],
        [sg([0, 1, 2], [5.0, 5.0, 10.0, 12.0, 12.1, 12.2, 40.0, 41.0, 42.0, 43.0, 44.0],
            weight=12.0, delay=1.0),
         sg([0, 2], [60.0, 80.0, 80.5], spike_multiplicities=[3, 2, 1], weight=9.0, delay=2.0),
         sg([1, 2], [30.0, 30.1, 100.0, 150.0], weight=-8.0, delay=1.0)],
        connections=[conn(0, 1, 20.0, 1.5)],
        record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_published_res1",
        "resolution 1 ms: Izhikevich's published scheme (consistent_integration False) "
        "beside forward Euler, I_e 10 and 4, spikes of 6 mV",
        [neuron(IZH, consistent_integration=False, I_e=10.0),
         neuron(IZH, consistent_integration=True, I_e=10.0),
         neuron(IZH, consistent_integration=False, I_e=4.0)],
        [400.0],
        [sg([0, 1, 2], [50.0, 51.0, 52.0, 200.0], weight=6.0, delay=1.0)],
        resolution=1.0, record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_published_res01",
        "resolution 0.1 ms: the published scheme (consistent_integration False), I_e 5, "
        "spikes of 15 mV and -5 mV, dc 3 pA from 50 ms",
        [neuron(IZH, consistent_integration=False, I_e=5.0),
         neuron(IZH, consistent_integration=False, a=0.1, d=2.0)],
        [150.0],
        [sg([0, 1], [10.0, 20.0, 20.1, 90.0], weight=15.0, delay=1.0),
         sg([1], [95.0], weight=-5.0, delay=1.0),
         dc([0, 1], 3.0, start=50.0)],
        record_from=["V_m", "U_m"]))
    C.append(population_case(
        "population_izhikevich_1100",
        f"{POP} izhikevich neurons (I_e 3): spike trains of 25+ mV aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        IZH, ["V_m", "U_m"], 25.0, I_e=3.0))
    return C


def iaf_cases():
    C = []
    C.append(population_case(
        "population_iaf_psc_exp_1100",
        f"{POP} iaf_psc_exp neurons (I_e 300): spike trains of 900+ pA aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        EXP, ["V_m", "I_syn_ex", "I_syn_in"], 900.0, I_e=300.0))
    C.append(population_case(
        "population_iaf_psc_alpha_1100",
        f"{POP} iaf_psc_alpha neurons (I_e 300): spike trains of 900+ pA aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        ALPHA, ["V_m", "I_syn_ex", "I_syn_in"], 900.0, I_e=300.0))
    C.append(population_case(
        "population_iaf_psc_delta_1100",
        f"{POP} iaf_psc_delta neurons (I_e 300): voltage jumps of 8+ mV aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        DELTA, ["V_m"], 8.0, I_e=300.0))
    return C


def htum_cases():
    C = []
    C.append(case(
        "htum_dc",
        "iaf_psc_exp_htum under I_e: absolute 2 / total 5 ms (I_e 400), both 0.1 ms "
        "(I_e 500), absolute 0.5 / total 3.05 ms with shifted voltages (I_e 300, E_L -65, "
        "V_th -50, V_reset -60, V_m -62); dc 100 pA onto the first from 50 to 120 ms",
        [neuron(HTUM, I_e=400.0, t_ref_abs=2.0, t_ref_tot=5.0),
         neuron(HTUM, I_e=500.0, t_ref_abs=0.1, t_ref_tot=0.1),
         neuron(HTUM, I_e=300.0, t_ref_abs=0.5, t_ref_tot=3.05, E_L=-65.0, V_th=-50.0,
                V_reset=-60.0, V_m=-62.0)],
        [200.0],
        [dc([0], 100.0, start=50.0, stop=120.0)]))
    C.append(case(
        "htum_spikes",
        "iaf_psc_exp_htum driven by spikes (tau_syn_ex 1.5, tau_syn_in 4, I_e 200): "
        "excitatory 700 pA trains, some inside the refractory periods (absolute 1, total "
        "4 ms), inhibitory -500 pA; 0 -> 1 at 900 pA",
        [neuron(HTUM, tau_syn_ex=1.5, tau_syn_in=4.0, I_e=200.0, t_ref_abs=1.0, t_ref_tot=4.0),
         neuron(HTUM, t_ref_abs=2.0, t_ref_tot=2.0)],
        [150.0],
        [sg([0, 1], [5.0, 5.0, 6.0, 7.0, 8.0, 9.5, 10.0, 11.0, 40.0, 41.0], weight=700.0),
         sg([0, 1], [20.0, 20.5, 60.0], weight=-500.0, delay=1.5)],
        connections=[conn(0, 1, 900.0, 1.0)]))
    return C


def mat2_cases():
    C = []
    C.append(case(
        "mat2_dc",
        "mat2_psc_exp under I_e 200 (silent), 500, 800 (alpha_2 5, tau_2 50, t_ref 3) and "
        "with E_L -65, omega -50, initial V_th_alpha_1 5 (I_e 450); dc 150 pA onto the "
        "first from 30 to 120 ms",
        [neuron(MAT2, I_e=200.0), neuron(MAT2, I_e=500.0),
         neuron(MAT2, I_e=800.0, alpha_2=5.0, tau_2=50.0, t_ref=3.0),
         neuron(MAT2, E_L=-65.0, omega=-50.0, V_th_alpha_1=5.0, I_e=450.0)],
        [300.0],
        [dc([0], 150.0, start=30.0, stop=120.0)],
        interval=0.2))
    C.append(case(
        "mat2_spikes",
        "mat2_psc_exp driven by excitatory 900 pA trains and inhibitory -200 pA spikes, "
        "tau_syn_ex 2, I_e 400; 0 -> 1 at 1500 pA",
        [neuron(MAT2, tau_syn_ex=2.0, I_e=400.0), neuron(MAT2, V_m=-60.0)],
        [150.0],
        [sg([0, 1], [5.0, 5.1, 5.2, 5.3, 5.4, 20.0, 20.0, 21.0, 22.0, 80.0], weight=900.0),
         sg([0, 1], [50.0, 50.5, 51.0], weight=-200.0, delay=2.0)],
        connections=[conn(0, 1, 1500.0, 1.0)]))
    C.append(case(
        "amat2_dc",
        "amat2_psc_exp under I_e 300 with beta 0 (a mat2), beta 0.5, beta 1 (tau_v 8, "
        "alpha_2 1, I_e 400) and with E_L -65, omega -58, beta 0.3 (I_e 200); dc 100 pA "
        "onto the second from 40 to 140 ms",
        [neuron(AMAT2, I_e=300.0), neuron(AMAT2, beta=0.5, I_e=300.0),
         neuron(AMAT2, beta=1.0, tau_v=8.0, alpha_2=1.0, I_e=400.0),
         neuron(AMAT2, E_L=-65.0, omega=-58.0, beta=0.3, I_e=200.0)],
        [300.0],
        [dc([1], 100.0, start=40.0, stop=140.0)],
        interval=0.2))
    C.append(case(
        "amat2_spikes",
        "amat2_psc_exp (beta 0.5, tau_syn_in 2) driven by excitatory 400 pA trains and "
        "inhibitory -300 pA spikes; 0 -> 1 at 600 pA; initial V_th_v 2 on the second",
        [neuron(AMAT2, beta=0.5, tau_syn_in=2.0, I_e=150.0),
         neuron(AMAT2, beta=0.2, V_th_v=2.0, V_th_alpha_2=1.0)],
        [150.0],
        [sg([0, 1], [5.0, 5.2, 5.4, 5.6, 30.0, 30.0, 31.0, 70.0, 70.1], weight=400.0),
         sg([0, 1], [40.0, 40.5, 90.0], weight=-300.0, delay=1.5)],
        connections=[conn(0, 1, 600.0, 1.0)]))
    return C


# The stochastic models in their deterministic limit: an escape rate so steep that every
# free step has firing probability exactly 0 (no draw: the rate underflows to 0) or
# exactly 1 (1 - exp(-rate h) rounds to 1), so the spike train does not depend on the
# random numbers and traces and spikes are compared bit for bit. check_deterministic()
# verifies on NEST's output that no step fell between the two.
GIF_STEEP = dict(lambda_0=1e6, Delta_V=1e-5)
PP_STEEP = dict(c_1=0.0, c_2=1e-300, c_3=1e6)


def stochastic_limit_cases():
    C = []
    C.append(case(
        "gif_steep_dc",
        "gif_psc_exp in the deterministic limit (lambda_0 1e6 Hz, Delta_V 1e-5 mV), "
        "V_T_star -50: I_e 200 with two threshold components (tau_sfa [10, 100], q_sfa "
        "[5, 2]) and two spike-triggered currents (tau_stc [5, 50], q_stc [20, 5]); the "
        "same with t_ref 0 (V_m never reset); g_L 8, C_m 100, I_e 300, one of each; dc "
        "100 pA onto the first from 100 to 150 ms",
        [neuron(GIF, V_T_star=-50.0, I_e=200.0, tau_sfa=[10.0, 100.0], q_sfa=[5.0, 2.0],
                tau_stc=[5.0, 50.0], q_stc=[20.0, 5.0], **GIF_STEEP),
         neuron(GIF, V_T_star=-50.0, I_e=200.0, t_ref=0.0, tau_sfa=[10.0, 100.0],
                q_sfa=[5.0, 2.0], tau_stc=[5.0, 50.0], q_stc=[20.0, 5.0], **GIF_STEEP),
         neuron(GIF, V_T_star=-45.0, g_L=8.0, C_m=100.0, I_e=300.0, tau_sfa=[30.0],
                q_sfa=[3.0], tau_stc=[10.0], q_stc=[40.0], V_reset=-60.0, t_ref=2.0,
                **GIF_STEEP)],
        [200.0],
        [dc([0], 100.0, start=100.0, stop=150.0)]))
    C.append(case(
        "gif_steep_spikes",
        "gif_psc_exp driven by spikes: excitatory 400 pA trains, inhibitory -300 pA "
        "(tau_syn_ex 3, tau_syn_in 6), deterministic limit with adaptation, and a silent "
        "neuron (lambda_0 0: no escape at all) with the same input; 0 -> 1 at 800 pA",
        [neuron(GIF, V_T_star=-55.0, I_e=50.0, tau_syn_ex=3.0, tau_syn_in=6.0,
                tau_sfa=[20.0], q_sfa=[4.0], tau_stc=[15.0], q_stc=[10.0], **GIF_STEEP),
         neuron(GIF, lambda_0=0.0, tau_syn_ex=3.0, tau_syn_in=6.0)],
        [150.0],
        [sg([0, 1], [5.0, 5.5, 6.0, 6.5, 7.0, 30.0, 30.0, 31.0, 32.0, 33.0, 34.0, 80.0],
            weight=400.0),
         sg([0, 1], [50.0, 51.0, 100.0], weight=-300.0, delay=1.5)],
        connections=[conn(0, 1, 800.0, 1.0)]))
    C.append(case(
        "pp_steep_dc",
        "pp_psc_delta in the deterministic limit (c_1 0, c_2 1e-300 Hz, c_3 1e6 /mV): I_e 100 "
        "with dead time 2 and tau_sfa [20, 100], q_sfa [3, 1]; without reset (I_e 50, dead "
        "time 1, one component); dead time 0.05 (lengthened to one step) with "
        "t_ref_remaining 5 (I_e 80); dc 30 pA onto the first from 60 to 120 ms",
        [neuron(PP, I_e=100.0, dead_time=2.0, tau_sfa=[20.0, 100.0], q_sfa=[3.0, 1.0],
                **PP_STEEP),
         neuron(PP, I_e=50.0, dead_time=1.0, with_reset=False, tau_sfa=[30.0],
                q_sfa=[2.0], **PP_STEEP),
         neuron(PP, I_e=80.0, dead_time=0.05, t_ref_remaining=5.0, tau_sfa=[10.0],
                q_sfa=[1.5], **PP_STEEP)],
        [200.0],
        [dc([0], 30.0, start=60.0, stop=120.0)]))
    C.append(case(
        "pp_steep_spikes",
        "pp_psc_delta driven by spikes (mV jumps): excitatory 1.5 mV trains with a "
        "multiplicity, inhibitory -2 mV; deterministic limit, tau_m 20, C_m 100, dead time "
        "3; 0 -> 1 at 2 mV",
        [neuron(PP, tau_m=20.0, C_m=100.0, dead_time=3.0, tau_sfa=[10.0, 50.0],
                q_sfa=[1.0, 1.0], **PP_STEEP),
         neuron(PP, dead_time=1.0, tau_sfa=[10.0], q_sfa=[0.5], **PP_STEEP)],
        [150.0],
        [sg([0, 1], [5.0, 5.1, 5.2, 20.0, 20.0, 40.0, 41.0, 42.0, 90.0],
            spike_multiplicities=[1, 1, 1, 1, 1, 2, 1, 1, 1], weight=1.5),
         sg([0, 1], [60.0, 61.0], weight=-2.0, delay=2.0)],
        connections=[conn(0, 1, 2.0, 1.0)]))
    return C


def ambiguous_steps(result):
    """The recorded steps of a steep case whose firing probability lies strictly between
    1e-15 and 1 (NEST's formulas applied to its own trace), outside spike steps."""
    import math
    h = result["resolution"]
    spikes = {(s, round(t / h)) for s, t in zip(result["expected"]["spikes"]["senders"],
                                                 result["expected"]["spikes"]["times"])}
    smp = result["expected"]["samples"]
    # one entry per neuron index: a population entry ("n") stands for n neurons
    entries = [e for e in result["neurons"] for _ in range(e.get("n", 1))]
    bad = []
    for k, (s, t) in enumerate(zip(smp["senders"], smp["times"])):
        p = entries[s]["params"]
        if (s, round(t / h)) in spikes:
            continue
        x = smp["V_m"][k] - smp["E_sfa"][k]
        if entries[s]["model"] in (GIF, "gif_cond_exp"):
            if p.get("lambda_0", 1.0) == 0.0:
                continue
            arg = x / p["Delta_V"]
            lam = 0.0 if arg < -745 else (math.inf if arg > 709 else
                                         p["lambda_0"] / 1000.0 * math.exp(arg))
            prob = 1.0 if lam == math.inf else -math.expm1(-lam * h)
        else:
            arg = p["c_3"] * x
            rate = 0.0 if arg < -745 else (math.inf if arg > 709 else
                                          p["c_2"] * math.exp(arg))
            prob = 1.0 if rate == math.inf else -math.expm1(-rate * h * 1e-3)
        if 1e-15 < prob < 1.0:
            bad.append((s, t, x, prob))
    return bad


def population_cases():
    """Populations of POP neurons of the other exactly integrated models (issue 12), in
    the schema of population_case: the edges, the ends and one undriven neighbour past
    each boundary recorded (FEW), every 0.5 ms, or every step for the steep escape
    models so that selfcheck.py sees every step of every driven neuron."""
    C = []
    tail = (f"aimed at {EDGES}, inhibition of 8, 256, 1024, dc onto 255 and 1023 from 30 "
            f"to 60 ms, connections 1023 -> 1024 and 7 -> 1099; {FEW} recorded")
    C.append(population_case(
        "population_iaf_psc_exp_htum_1100",
        f"{POP} iaf_psc_exp_htum (tau_syn_ex 1.5, t_ref_abs 1, t_ref_tot 4, I_e 200): "
        f"spike trains of 700+ pA {tail} (dc 300 pA)",
        HTUM, RECORDABLES[HTUM], 700.0, dc_amplitude=300.0, interval=0.5, targets=FEW,
        tau_syn_ex=1.5, t_ref_abs=1.0, t_ref_tot=4.0, I_e=200.0))
    C.append(population_case(
        "population_mat2_psc_exp_1100",
        f"{POP} mat2_psc_exp (tau_syn_ex 2, I_e 400): spike trains of 900+ pA {tail} "
        f"(dc 300 pA)",
        MAT2, RECORDABLES[MAT2], 900.0, dc_amplitude=300.0, interval=0.5, targets=FEW,
        tau_syn_ex=2.0, I_e=400.0))
    C.append(population_case(
        "population_amat2_psc_exp_1100",
        f"{POP} amat2_psc_exp (beta 0.5, tau_syn_in 2, I_e 150): spike trains of 400+ pA "
        f"{tail} (dc 300 pA)",
        AMAT2, RECORDABLES[AMAT2], 400.0, dc_amplitude=300.0, interval=0.5, targets=FEW,
        beta=0.5, tau_syn_in=2.0, I_e=150.0))
    C.append(population_case(
        "population_gif_steep_1100",
        f"{POP} gif_psc_exp in the deterministic limit (lambda_0 1e6 Hz, Delta_V 1e-5 mV; "
        f"V_T_star -55, I_e 50, tau_syn_ex 3, tau_syn_in 6, tau_sfa [20], q_sfa [4], "
        f"tau_stc [15], q_stc [10]): spike trains of 400+ pA {tail} (dc 200 pA); V_m, "
        f"E_sfa, I_stc recorded",
        GIF, ["V_m", "E_sfa", "I_stc"], 400.0, dc_amplitude=200.0, targets=FEW,
        V_T_star=-55.0, I_e=50.0, tau_syn_ex=3.0, tau_syn_in=6.0, tau_sfa=[20.0],
        q_sfa=[4.0], tau_stc=[15.0], q_stc=[10.0], **GIF_STEEP))
    C.append(population_case(
        "population_pp_steep_1100",
        f"{POP} pp_psc_delta in the deterministic limit (c_1 0, c_2 1e-300 Hz, c_3 1e6 /mV; "
        f"I_e 50, dead time 2, tau_sfa [20, 100], q_sfa [3, 1]): voltage jumps of 6+ mV "
        f"{tail} (dc 30 pA)",
        PP, RECORDABLES[PP], 6.0, dc_amplitude=30.0, targets=FEW,
        I_e=50.0, dead_time=2.0, tau_sfa=[20.0, 100.0], q_sfa=[3.0, 1.0], **PP_STEEP))
    return C


EXACT_CASES = (izhikevich_cases() + iaf_cases() + htum_cases() + mat2_cases()
               + stochastic_limit_cases() + population_cases())
