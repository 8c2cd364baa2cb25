"""Deterministic cases for the models NEST 3.10 integrates with GSL's adaptive RKF45
(iaf_cond_*, aeif_cond_*), in the schema of cases.py and replayed by the same test.

Per model: a current-driven spiking case (I_e and a dc_generator step, two Simulate
calls so the integration step carried between calls is compared too) and a spike-input
case (excitatory and inhibitory conductance weights in nS, including a burst that
drives spikes). One case holds a population of 1,100 neurons (schema field "n", see
README.md) with inputs aimed at indices 7, 8, 255, 256, 1023 and 1024, so the engine's
blocks and chunks are compared; one 44 iaf_cond_exp neurons, integrated in groups of 8
(16 where the engine is compiled with AVX-512).
"""

from cases import case, conn, dc, neuron, sg

COND_EXP, COND_ALPHA = "iaf_cond_exp", "iaf_cond_alpha"
AEIF_EXP, AEIF_ALPHA = "aeif_cond_exp", "aeif_cond_alpha"
HH_ALPHA = "hh_psc_alpha"
COND_BETA = "iaf_cond_beta"
AEIF_PSC_EXP, AEIF_PSC_ALPHA = "aeif_psc_exp", "aeif_psc_alpha"
AEIF_PSC_DELTA = "aeif_psc_delta"
HH_TRAUB = "hh_cond_exp_traub"
GIF_COND = "gif_cond_exp"
AEIF_BETA_MS = "aeif_cond_beta_multisynapse"
# The deterministic limit of the escape rule: a free neuron spikes exactly when V_m
# reaches its moving threshold (lambda_0 1e6 Hz, Delta_V 1e-5 mV).
GIF_STEEP = dict(lambda_0=1e6, Delta_V=1e-5)

RECORD = {
    COND_EXP: ["V_m", "g_ex", "g_in"],
    COND_ALPHA: ["V_m", "g_ex", "g_in"],
    AEIF_EXP: ["V_m", "g_ex", "g_in", "w"],
    AEIF_ALPHA: ["V_m", "g_ex", "g_in", "w"],
    COND_BETA: ["V_m", "g_ex", "g_in"],
    AEIF_PSC_EXP: ["V_m", "I_syn_ex", "I_syn_in", "w"],
    AEIF_PSC_ALPHA: ["V_m", "I_syn_ex", "I_syn_in", "w"],
    AEIF_PSC_DELTA: ["V_m", "w"],
    HH_TRAUB: ["V_m", "g_ex", "g_in", "Act_m", "Inact_h", "Act_n"],
    HH_ALPHA: ["V_m", "I_syn_ex", "I_syn_in", "Act_m", "Inact_h", "Act_n"],
    GIF_COND: ["V_m", "E_sfa", "I_stc", "g_ex", "g_in"],
}

SHORT = {COND_EXP: "cond_exp", COND_ALPHA: "cond_alpha",
         AEIF_EXP: "aeif_exp", AEIF_ALPHA: "aeif_alpha"}

# Train of excitatory spikes, a dense burst (several spikes of the target) and
# inhibitory spikes, in ms on the 0.1 ms grid.
EXC_TIMES = [5.0, 12.3, 20.0, 20.1, 35.7] + [round(50.0 + 0.5 * k, 1) for k in range(12)]
INH_TIMES = [8.0, 25.0, 25.1, 60.0, 61.2, 90.0]


def gsl_cases():
    C = []
    for m in (COND_EXP, COND_ALPHA):
        s = SHORT[m]
        C.append(case(
            f"gsl_{s}_dc",
            f"{m}: I_e 300 pA (rheobase 250 pA), a neuron with t_ref 0.5 and V_m -60; "
            f"dc 150 pA onto both from 40 to 120 ms; Simulate 100 + 100 ms",
            [neuron(m, I_e=300.0), neuron(m, I_e=300.0, t_ref=0.5, V_m=-60.0)],
            [100.0, 100.0],
            [dc([0, 1], 150.0, start=40.0, stop=120.0)],
            record_from=RECORD[m]))
        C.append(case(
            f"gsl_{s}_spikes",
            f"{m}: I_e 200 pA; excitatory spikes 25 nS (a burst every 0.5 ms from 50 ms) "
            f"and inhibitory spikes -40 nS; a twin with tau_syn_ex 1.5 and multiplicities",
            [neuron(m, I_e=200.0), neuron(m, I_e=200.0, tau_syn_ex=1.5, E_in=-75.0)],
            [120.0],
            [sg([0, 1], EXC_TIMES, weight=25.0, delay=1.0),
             sg([0, 1], INH_TIMES, weight=-40.0, delay=0.5),
             sg([1], [30.0, 31.0], weight=10.0, delay=2.0, spike_multiplicities=[3, 2])],
            record_from=RECORD[m]))
    for m in (AEIF_EXP, AEIF_ALPHA):
        s = SHORT[m]
        C.append(case(
            f"gsl_{s}_dc",
            f"{m}: I_e 700 pA (defaults: t_ref 0, spikes checked inside the step), a "
            f"neuron with t_ref 2 (V clamped), a neuron with Delta_T 0 (threshold V_th), "
            f"and one with a 10, b 40, gsl_error_tol 1e-4; dc 300 pA from 40 to 120 ms; "
            f"Simulate 100 + 100 ms",
            [neuron(m, I_e=700.0), neuron(m, I_e=700.0, t_ref=2.0),
             neuron(m, I_e=700.0, Delta_T=0.0),
             neuron(m, I_e=700.0, a=10.0, b=40.0, gsl_error_tol=1e-4)],
            [100.0, 100.0],
            [dc([0, 1, 2, 3], 300.0, start=40.0, stop=120.0)],
            record_from=RECORD[m]))
        C.append(case(
            f"gsl_{s}_spikes",
            f"{m}: I_e 500 pA; excitatory spikes 25 nS (a burst every 0.5 ms from 50 ms) "
            f"and inhibitory spikes -40 nS; a twin with t_ref 1, tau_syn_ex 1.5 and "
            f"multiplicities",
            [neuron(m, I_e=500.0), neuron(m, I_e=500.0, t_ref=1.0, tau_syn_ex=1.5)],
            [120.0],
            [sg([0, 1], EXC_TIMES, weight=25.0, delay=1.0),
             sg([0, 1], INH_TIMES, weight=-40.0, delay=0.5),
             sg([1], [30.0, 31.0], weight=10.0, delay=2.0, spike_multiplicities=[3, 2])],
            record_from=RECORD[m]))
    C.append(case(
        "gsl_hh_alpha_dc",
        "hh_psc_alpha: I_e 700 pA, a neuron with t_ref 5 and V_m -60, and one at rest "
        "until a dc step of 1200 pA from 40 to 120 ms; Simulate 100 + 100 ms",
        [neuron(HH_ALPHA, I_e=700.0), neuron(HH_ALPHA, I_e=700.0, t_ref=5.0, V_m=-60.0),
         neuron(HH_ALPHA)],
        [100.0, 100.0],
        [dc([2], 1200.0, start=40.0, stop=120.0)],
        record_from=RECORD[HH_ALPHA]))
    C.append(case(
        "gsl_hh_alpha_spikes",
        "hh_psc_alpha: I_e 200 pA; excitatory spikes 800 pA (a burst every 0.5 ms from "
        "50 ms) and inhibitory spikes -600 pA; a twin with tau_syn_ex 1 and multiplicities",
        [neuron(HH_ALPHA, I_e=200.0), neuron(HH_ALPHA, I_e=200.0, tau_syn_ex=1.0)],
        [120.0],
        [sg([0, 1], EXC_TIMES, weight=800.0, delay=1.0),
         sg([0, 1], INH_TIMES, weight=-600.0, delay=0.5),
         sg([1], [30.0, 31.0], weight=400.0, delay=2.0, spike_multiplicities=[3, 2])],
        record_from=RECORD[HH_ALPHA]))
    beta = dict(tau_rise_ex=0.5, tau_decay_ex=3.0, tau_rise_in=1.0, tau_decay_in=6.0)
    C.append(case(
        "gsl_cond_beta_dc",
        "iaf_cond_beta: I_e 300 pA with rise/decay 0.5/3 (ex) and 1/6 ms (in), a neuron "
        "with defaults (equal times: alpha), t_ref 0.5 and V_m -60; dc 150 pA onto both "
        "from 40 to 120 ms; Simulate 100 + 100 ms",
        [neuron(COND_BETA, I_e=300.0, **beta),
         neuron(COND_BETA, I_e=300.0, t_ref=0.5, V_m=-60.0)],
        [100.0, 100.0],
        [dc([0, 1], 150.0, start=40.0, stop=120.0)],
        record_from=RECORD[COND_BETA]))
    C.append(case(
        "gsl_cond_beta_spikes",
        "iaf_cond_beta: I_e 200 pA; excitatory spikes 25 nS (a burst every 0.5 ms from "
        "50 ms) and inhibitory spikes -40 nS; one with rise/decay 0.5/3 and 1/6 ms and "
        "multiplicities, one with defaults",
        [neuron(COND_BETA, I_e=200.0, **beta), neuron(COND_BETA, I_e=200.0)],
        [120.0],
        [sg([0, 1], EXC_TIMES, weight=25.0, delay=1.0),
         sg([0, 1], INH_TIMES, weight=-40.0, delay=0.5),
         sg([0], [30.0, 31.0], weight=10.0, delay=2.0, spike_multiplicities=[3, 2])],
        record_from=RECORD[COND_BETA]))
    for m, s in ((AEIF_PSC_EXP, "aeif_psc_exp"), (AEIF_PSC_ALPHA, "aeif_psc_alpha")):
        C.append(case(
            f"gsl_{s}_dc",
            f"{m}: I_e 700 pA (t_ref 0), a neuron with t_ref 2, one with Delta_T 0, one "
            f"with a 10, b 40, gsl_error_tol 1e-4; dc 300 pA from 40 to 120 ms; "
            f"Simulate 100 + 100 ms",
            [neuron(m, I_e=700.0), neuron(m, I_e=700.0, t_ref=2.0),
             neuron(m, I_e=700.0, Delta_T=0.0),
             neuron(m, I_e=700.0, a=10.0, b=40.0, gsl_error_tol=1e-4)],
            [100.0, 100.0],
            [dc([0, 1, 2, 3], 300.0, start=40.0, stop=120.0)],
            record_from=RECORD[m]))
        C.append(case(
            f"gsl_{s}_spikes",
            f"{m}: I_e 500 pA; excitatory spikes 2500 pA (a burst every 0.5 ms from 50 ms) "
            f"and inhibitory spikes -1500 pA; a twin with t_ref 1, tau_syn_ex 1.5 and "
            f"multiplicities",
            [neuron(m, I_e=500.0), neuron(m, I_e=500.0, t_ref=1.0, tau_syn_ex=1.5)],
            [120.0],
            [sg([0, 1], EXC_TIMES, weight=2500.0, delay=1.0),
             sg([0, 1], INH_TIMES, weight=-1500.0, delay=0.5),
             sg([1], [30.0, 31.0], weight=1000.0, delay=2.0, spike_multiplicities=[3, 2])],
            record_from=RECORD[m]))
    C.append(case(
        "gsl_aeif_psc_delta_dc",
        "aeif_psc_delta: I_e 700 pA (t_ref 0), a neuron with t_ref 2, one with Delta_T 0, "
        "one with a 10, b 40, gsl_error_tol 1e-4; dc 300 pA from 40 to 120 ms; "
        "Simulate 100 + 100 ms",
        [neuron(AEIF_PSC_DELTA, I_e=700.0), neuron(AEIF_PSC_DELTA, I_e=700.0, t_ref=2.0),
         neuron(AEIF_PSC_DELTA, I_e=700.0, Delta_T=0.0),
         neuron(AEIF_PSC_DELTA, I_e=700.0, a=10.0, b=40.0, gsl_error_tol=1e-4)],
        [100.0, 100.0],
        [dc([0, 1, 2, 3], 300.0, start=40.0, stop=120.0)],
        record_from=RECORD[AEIF_PSC_DELTA]))
    C.append(case(
        "gsl_aeif_psc_delta_spikes",
        "aeif_psc_delta: I_e 500 pA; excitatory jumps 4 mV (a burst every 0.5 ms from "
        "50 ms, some during refractoriness) and inhibitory jumps -3 mV; a twin with t_ref 1 "
        "and multiplicities",
        [neuron(AEIF_PSC_DELTA, I_e=500.0), neuron(AEIF_PSC_DELTA, I_e=500.0, t_ref=1.0)],
        [120.0],
        [sg([0, 1], EXC_TIMES, weight=4.0, delay=1.0),
         sg([0, 1], INH_TIMES, weight=-3.0, delay=0.5),
         sg([1], [30.0, 31.0], weight=2.0, delay=2.0, spike_multiplicities=[3, 2])],
        record_from=RECORD[AEIF_PSC_DELTA]))
    C.append(case(
        "gsl_hh_traub_dc",
        "hh_cond_exp_traub: I_e 500 pA, a neuron with t_ref 4 and V_m -65, and one at rest "
        "until a dc step of 1000 pA from 40 to 120 ms; Simulate 100 + 100 ms",
        [neuron(HH_TRAUB, I_e=500.0), neuron(HH_TRAUB, I_e=500.0, t_ref=4.0, V_m=-65.0),
         neuron(HH_TRAUB)],
        [100.0, 100.0],
        [dc([2], 1000.0, start=40.0, stop=120.0)],
        record_from=RECORD[HH_TRAUB]))
    C.append(case(
        "gsl_hh_traub_spikes",
        "hh_cond_exp_traub: I_e 100 pA; excitatory spikes 25 nS (a burst every 0.5 ms "
        "from 50 ms) and inhibitory spikes -40 nS; a twin with tau_syn_ex 1.5 and "
        "multiplicities",
        [neuron(HH_TRAUB, I_e=100.0), neuron(HH_TRAUB, I_e=100.0, tau_syn_ex=1.5)],
        [120.0],
        [sg([0, 1], EXC_TIMES, weight=25.0, delay=1.0),
         sg([0, 1], INH_TIMES, weight=-40.0, delay=0.5),
         sg([1], [30.0, 31.0], weight=10.0, delay=2.0, spike_multiplicities=[3, 2])],
        record_from=RECORD[HH_TRAUB]))
    C.append(case(
        "gsl_gif_cond_exp",
        "gif_cond_exp in the deterministic limit (lambda_0 1e6 Hz, Delta_V 1e-5 mV), "
        "V_T_star -50: I_e 200 pA with two threshold components (tau_sfa [10, 100], q_sfa "
        "[5, 2]) and two spike-triggered currents (tau_stc [5, 50], q_stc [20, 5]); a twin "
        "with t_ref 0 and gsl_error_tol 1e-6; a silent neuron (lambda_0 0) with the same "
        "input; excitatory spikes 25 nS (a burst every 0.5 ms from 50 ms), inhibitory "
        "-40 nS; dc 100 pA onto the first from 100 to 150 ms; Simulate 100 + 100 ms",
        [neuron(GIF_COND, V_T_star=-50.0, I_e=200.0, tau_sfa=[10.0, 100.0],
                q_sfa=[5.0, 2.0], tau_stc=[5.0, 50.0], q_stc=[20.0, 5.0], **GIF_STEEP),
         neuron(GIF_COND, V_T_star=-50.0, I_e=200.0, t_ref=0.0, gsl_error_tol=1e-6,
                tau_sfa=[10.0, 100.0], q_sfa=[5.0, 2.0], tau_stc=[5.0, 50.0],
                q_stc=[20.0, 5.0], **GIF_STEEP),
         neuron(GIF_COND, lambda_0=0.0, I_e=100.0, tau_syn_ex=3.0, tau_syn_in=6.0)],
        [100.0, 100.0],
        [sg([0, 1, 2], EXC_TIMES, weight=25.0, delay=1.0),
         sg([0, 1, 2], INH_TIMES, weight=-40.0, delay=0.5),
         dc([0], 100.0, start=100.0, stop=150.0)],
        record_from=RECORD[GIF_COND]))
    # Three ports (AMPA-, NMDA- and GABA_A-like: reversal potential, rise and decay
    # times); the state vector of 8 entries is padded to the engine's size for 4 ports.
    three = dict(E_rev=[0.0, 0.0, -80.0], tau_rise=[0.2, 2.0, 0.5],
                 tau_decay=[2.0, 100.0, 8.0])
    C.append(case(
        "gsl_aeif_beta_multisynapse",
        "aeif_cond_beta_multisynapse with three ports (E_rev [0, 0, -80], tau_rise "
        "[0.2, 2, 0.5], tau_decay [2, 100, 8]): I_e 500 pA; spikes onto each port (a burst "
        "onto port 1 from 50 ms), nS weights; a twin with t_ref 2, a = 0, tau_rise = "
        "tau_decay on port 2 (the alpha normalisation); neuron 0 drives neuron 1 on port 2; "
        "dc 200 pA onto the first from 100 to 150 ms; Simulate 100 + 100 ms",
        [neuron(AEIF_BETA_MS, I_e=500.0, **three),
         neuron(AEIF_BETA_MS, I_e=500.0, t_ref=2.0, a=0.0, E_rev=[0.0, 0.0, -80.0],
                tau_rise=[0.2, 5.0, 0.5], tau_decay=[2.0, 5.0, 8.0])],
        [100.0, 100.0],
        [sg([0, 1], EXC_TIMES, weight=8.0, receptor_type=1),
         sg([0, 1], [15.0, 40.0, 40.0, 120.0], weight=2.0, delay=2.0, receptor_type=2),
         sg([0, 1], INH_TIMES, weight=12.0, delay=0.5, receptor_type=3),
         dc([0], 200.0, start=100.0, stop=150.0)],
        connections=[conn(0, 1, 5.0, 1.5, receptor_type=2)],
        record_from=["V_m", "w", "g_1", "g_2", "g_3"]))
    five = dict(E_rev=[0.0, -70.0, 0.0, -90.0, 10.0], tau_rise=[0.3, 1.0, 3.0, 20.0, 0.1],
                tau_decay=[3.0, 6.0, 60.0, 150.0, 0.1])
    C.append(case(
        "gsl_aeif_beta_multisynapse_five_ports",
        "aeif_cond_beta_multisynapse with five ports (padded to the size for 8), "
        "Delta_T 0 (threshold V_th), t_ref 1; spikes onto ports 1, 3, 4, 5 (tau_rise = "
        "tau_decay = 0.1 on port 5); I_e 300 pA",
        [neuron(AEIF_BETA_MS, I_e=300.0, Delta_T=0.0, t_ref=1.0, **five)],
        [150.0],
        [sg([0], EXC_TIMES, weight=10.0, receptor_type=1),
         sg([0], [10.0, 30.0, 30.0, 70.0], weight=3.0, receptor_type=3),
         sg([0], [20.0, 90.0], weight=4.0, delay=3.0, receptor_type=4),
         sg([0], [5.0, 55.0, 56.0], weight=20.0, receptor_type=5)],
        record_from=["V_m", "w"] + [f"g_{k}" for k in range(1, 6)]))
    # A population of 1,100 aeif_cond_alpha neurons (one NEST Create, one engine
    # population spanning two blocks); inputs aimed at the block and chunk edges.
    edges = [7, 8, 255, 256, 1023, 1024]
    pop = neuron(AEIF_ALPHA, I_e=550.0)
    pop["n"] = 1100
    C.append(case(
        "gsl_population_1100",
        "1100 aeif_cond_alpha (I_e 550 pA, below rheobase) in one population; excitatory "
        "bursts onto indices 7, 255, 1023 (they fire), inhibitory spikes onto 8, 256, 1024, "
        "dc 400 pA onto 1099; multimeter on the edges and 0, 1099",
        [pop], [60.0],
        [sg([7, 255, 1023], [round(10.0 + 0.3 * k, 1) for k in range(10)], weight=30.0),
         sg([8, 256, 1024], [12.0, 20.0, 20.1], weight=-50.0),
         dc([1099], 400.0, start=5.0)],
        record_from=RECORD[AEIF_ALPHA], rec_targets=[0] + edges + [1099]))
    # 44 iaf_cond_exp neurons in one population: the engine integrates them 8 (with
    # AVX-512 16) at a time (one by one where GSL's control rejects a step, and the
    # rest); inputs on
    # several lanes of several groups, a 3000 nS pulse whose steps are rejected.
    pop = neuron(COND_EXP, I_e=200.0)
    pop["n"] = 44
    C.append(case(
        "gsl_cond_exp_population_44",
        "44 iaf_cond_exp (I_e 200 pA, below rheobase) in one population; excitatory "
        "bursts 25 nS onto 3 and 17 (they fire), 3000 nS pulses onto 9, inhibitory "
        "spikes onto 20 and 21, dc 150 pA onto 40-43 from 5 ms",
        [pop], [30.0, 30.0],
        [sg([3, 17], [round(10.0 + 0.5 * k, 1) for k in range(12)], weight=25.0),
         sg([9], [15.0, 40.0], weight=3000.0),
         sg([20, 21], [12.0, 20.0, 20.1], weight=-40.0),
         dc([40, 41, 42, 43], 150.0, start=5.0)],
        record_from=RECORD[COND_EXP], rec_targets=[0, 3, 9, 17, 20, 40, 43]))
    return C


def gsl_population_cases():
    """Populations of 1,100 neurons of the other GSL-integrated models (issue 12), in the
    schema of cases_exact.population_case: inputs aimed at the group, chunk and block
    edges, the edges, the ends and one undriven neighbour past each boundary recorded
    (FEW), every 0.5 ms, or every step for gif_cond_exp's steep escape rule so that
    selfcheck.py sees every step of every driven neuron."""
    from cases_exact import EDGES, FEW, POP, population_case
    C = []
    tail = (f"aimed at {EDGES}, inhibition of 8, 256, 1024, dc onto 255 and 1023 from 30 "
            f"to 60 ms, connections 1023 -> 1024 and 7 -> 1099; {FEW} recorded")
    C.append(population_case(
        "gsl_population_cond_exp_1100",
        f"{POP} iaf_cond_exp (I_e 200 pA, below rheobase): spike trains of 80+ nS {tail} "
        f"(dc 150 pA)",
        COND_EXP, RECORD[COND_EXP], 80.0, dc_amplitude=150.0, interval=0.5, targets=FEW,
        I_e=200.0))
    C.append(population_case(
        "gsl_population_hh_alpha_1100",
        f"{POP} hh_psc_alpha (I_e 200 pA): spike trains of 800+ pA {tail} (dc 600 pA)",
        HH_ALPHA, RECORD[HH_ALPHA], 800.0, dc_amplitude=600.0, interval=0.5, targets=FEW,
        I_e=200.0))
    C.append(population_case(
        "gsl_population_aeif_psc_exp_1100",
        f"{POP} aeif_psc_exp (I_e 500 pA, t_ref 1): spike trains of 6000+ pA {tail} "
        f"(dc 400 pA)",
        AEIF_PSC_EXP, RECORD[AEIF_PSC_EXP], 6000.0, dc_amplitude=400.0, interval=0.5,
        targets=FEW, I_e=500.0, t_ref=1.0))
    C.append(population_case(
        "gsl_population_gif_cond_exp_1100",
        f"{POP} gif_cond_exp in the deterministic limit (lambda_0 1e6 Hz, Delta_V 1e-5 "
        f"mV; V_T_star -50, I_e 50, tau_sfa [10, 100], q_sfa [5, 2], tau_stc [5, 50], "
        f"q_stc [20, 5]): spike trains of 60+ nS {tail} (dc 100 pA); V_m, E_sfa, I_stc, "
        f"g_ex recorded",
        GIF_COND, ["V_m", "E_sfa", "I_stc", "g_ex"], 60.0, dc_amplitude=100.0, targets=FEW,
        V_T_star=-50.0, I_e=50.0, tau_sfa=[10.0, 100.0], q_sfa=[5.0, 2.0],
        tau_stc=[5.0, 50.0], q_stc=[20.0, 5.0], **GIF_STEEP))
    return C


GSL_CASES = gsl_cases() + gsl_population_cases()
