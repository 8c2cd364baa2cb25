"""Deterministic NEST conformance cases (inputs only).

Each case is a plain dict following the schema in README.md.  `run_nest.py`
builds every case in a fresh NEST kernel and writes
`reference/<name>.json` = case + {"expected": ...}.

Neurons, generators and connections refer to neurons by 0-based index in
creation order (never NEST node ids).
"""

RNG_SEED = 12345

RECORDABLES = {
    "iaf_psc_alpha": ["V_m", "I_syn_ex", "I_syn_in"],
    "iaf_psc_exp": ["V_m", "I_syn_ex", "I_syn_in"],
    "iaf_psc_delta": ["V_m"],
    "parrot_neuron": [],
}

ALPHA, EXP, DELTA = "iaf_psc_alpha", "iaf_psc_exp", "iaf_psc_delta"
ALPHA_MS, EXP_MS = "iaf_psc_alpha_multisynapse", "iaf_psc_exp_multisynapse"
PARROT = "parrot_neuron"
MODELS = [ALPHA, EXP, DELTA]
SHORT = {ALPHA: "alpha", EXP: "exp", DELTA: "delta"}


def neuron(model, **params):
    return {"model": model, "params": dict(params)}


def with_receptor(entry, receptor_type):
    """Adds NEST's syn_spec receptor_type (only when given, so that older cases keep
    their exact reference files)."""
    if receptor_type is not None:
        entry["receptor_type"] = receptor_type
    return entry


def sg(targets, spike_times, weight=1.0, delay=1.0, receptor_type=None, **extra):
    """spike_generator entry."""
    params = {"spike_times": list(spike_times)}
    params.update(extra)
    return with_receptor({"model": "spike_generator", "params": params,
                          "targets": list(targets), "weight": weight, "delay": delay},
                         receptor_type)


def dc(targets, amplitude, weight=1.0, delay=1.0, **extra):
    params = {"amplitude": amplitude}
    params.update(extra)
    return {"model": "dc_generator", "params": params, "targets": list(targets),
            "weight": weight, "delay": delay}


def conn(source, target, weight, delay, receptor_type=None):
    return with_receptor({"source": source, "target": target, "weight": weight,
                          "delay": delay}, receptor_type)


def multisynapse_recordables(n_ports):
    """V_m, the total I_syn and one I_syn_k per receptor port."""
    return ["V_m", "I_syn"] + [f"I_syn_{k}" for k in range(1, n_ports + 1)]


def plastic(source, target, model, weight, delay, **params):
    """A connection through a plastic synapse model with these parameters (NEST names);
    the case's expected output then also holds every connection's final weight."""
    c = conn(source, target, weight, delay)
    c["synapse_model"] = model
    # `lambda` is a Python keyword: written `lambda_` here
    c["syn_params"] = {k.rstrip("_"): v for k, v in params.items()}
    return c


def case(name, description, neurons, simulate, generators=(), connections=(),
         resolution=0.1, interval=None, record_from=None, rec_start=0.0, rec_stop=None,
         rec_targets=None, sr_start=0.0, sr_stop=None, sr_origin=0.0):
    if interval is None:
        interval = resolution
    if rec_targets is None and any(n["model"] == PARROT for n in neurons):
        # parrots have nothing to record
        rec_targets = [i for i, n in enumerate(neurons) if n["model"] != PARROT]
    if record_from is None:
        # all recordables shared by every recorded neuron, in a fixed order
        targets = range(len(neurons)) if rec_targets is None else rec_targets
        common = None
        for i in targets:
            r = RECORDABLES[neurons[i]["model"]]
            common = list(r) if common is None else [x for x in common if x in r]
        record_from = common
    return {
        "name": name,
        "description": description,
        "resolution": resolution,
        "rng_seed": RNG_SEED,
        "simulate": list(simulate),
        "neurons": list(neurons),
        "generators": list(generators),
        "connections": list(connections),
        "record": {
            "interval": interval,
            "record_from": list(record_from),
            "start": rec_start,
            "stop": rec_stop,
            "targets": list(range(len(neurons))) if rec_targets is None else list(rec_targets),
        },
        "spike_recorder": {"start": sr_start, "stop": sr_stop, "origin": sr_origin},
    }


def build_cases():
    C = []
    add = C.append

    # ---- constant current, repetitive firing (spec 8a) -------------------
    for m in MODELS:
        s = SHORT[m]
        add(case(f"const_current_{s}_Ie376",
                 f"{m} with I_e 376 pA for 1000 ms (repetitive firing; spec 8a for alpha)",
                 [neuron(m, I_e=376.0)], [1000.0], record_from=["V_m"],
                 interval=0.1 if m == ALPHA else 1.0))
        add(case(f"const_current_{s}_Ie500",
                 f"{m} with I_e 500 pA for 200 ms (spec 8a second part for alpha)",
                 [neuron(m, I_e=500.0)], [200.0], record_from=["V_m"]))

    # ---- single input spike (spec 8b) ------------------------------------
    for m in MODELS:
        s = SHORT[m]
        w = 1.0 if m == DELTA else 100.0
        add(case(f"single_spike_{s}_exc",
                 f"{m}: one spike at 10.0 through spike_generator, weight {w}, delay 1.0",
                 [neuron(m)], [50.0], [sg([0], [10.0], weight=w, delay=1.0)]))
        add(case(f"single_spike_{s}_inh",
                 f"{m}: one spike at 10.0 through spike_generator, weight {-w}, delay 1.0",
                 [neuron(m)], [50.0], [sg([0], [10.0], weight=-w, delay=1.0)]))
    add(case("single_spike_alpha_tau_syn_ex_10",
             "iaf_psc_alpha tau_syn_ex 10: spike 10.0, w 100, d 1.0 (V(21.0) = -68.0, spec 8b)",
             [neuron(ALPHA, tau_syn_ex=10.0)], [50.0], [sg([0], [10.0], weight=100.0, delay=1.0)]))

    # ---- spike trains with duplicates, spike_weights, multiplicities -----
    times = [2.0, 5.0, 5.0, 7.3, 7.4, 12.0, 12.0, 12.0, 20.0, 33.3]
    sw = [1.0, 0.5, 2.0, -1.0, 1.5, 1.0, 1.0, -0.5, 3.0, 1.0]
    for m in MODELS:
        s = SHORT[m]
        w = 4.0 if m == DELTA else 300.0
        add(case(f"spike_train_{s}_duplicates",
                 f"{m}: spike train with duplicate times, weight {w}, delay 1.0, I_e 300",
                 [neuron(m, I_e=300.0)], [60.0], [sg([0], times, weight=w, delay=1.0)]))
        add(case(f"spike_train_{s}_spike_weights",
                 f"{m}: spike train with duplicate times and spike_weights (some negative), weight {w}",
                 [neuron(m, I_e=300.0)], [60.0],
                 [sg([0], times, weight=w, delay=1.0, spike_weights=sw)]))
    add(case("spike_train_alpha_multiplicities",
             "iaf_psc_alpha: spike_generator with spike_multiplicities [1,3,2,1] (weight 150)",
             [neuron(ALPHA, I_e=200.0)], [40.0],
             [sg([0], [3.0, 8.0, 8.0, 15.5], weight=150.0, delay=1.0,
                 spike_multiplicities=[1, 3, 2, 1])]))
    add(case("spike_train_delta_multiplicities",
             "iaf_psc_delta: spike_generator with spike_multiplicities [1,3,2,1] (weight 3 mV)",
             [neuron(DELTA, I_e=200.0)], [40.0],
             [sg([0], [3.0, 8.0, 8.0, 15.5], weight=3.0, delay=1.0,
                 spike_multiplicities=[1, 3, 2, 1])]))

    # ---- delays (incl. rounding) -----------------------------------------
    for m in MODELS:
        s = SHORT[m]
        w = 2.0 if m == DELTA else 200.0
        add(case(f"delays_{s}_a",
                 f"{m}: spike at 10.0 to three neurons with delays 0.1, 1.0, 1.5",
                 [neuron(m), neuron(m), neuron(m)], [30.0],
                 [sg([0], [10.0], weight=w, delay=0.1), sg([1], [10.0], weight=w, delay=1.0),
                  sg([2], [10.0], weight=w, delay=1.5)]))
        add(case(f"delays_{s}_b",
                 f"{m}: spike at 10.0 to three neurons with delays 2.5, 1.04 (-> 1.0), 1.05 (-> 1.1)",
                 [neuron(m), neuron(m), neuron(m)], [30.0],
                 [sg([0], [10.0], weight=w, delay=2.5), sg([1], [10.0], weight=w, delay=1.04),
                  sg([2], [10.0], weight=w, delay=1.05)]))
    add(case("delays_delta_c",
             "iaf_psc_delta: delays 0.25 (-> 0.3), 0.05 (-> 0.1), 3.0 with weight 2 mV",
             [neuron(DELTA), neuron(DELTA), neuron(DELTA)], [20.0],
             [sg([0], [10.0], weight=2.0, delay=0.25), sg([1], [10.0], weight=2.0, delay=0.05),
              sg([2], [10.0], weight=2.0, delay=3.0)]))

    # ---- dc_generator window (spec 8c) -----------------------------------
    add(case("dc_window_alpha",
             "iaf_psc_alpha: dc_generator amplitude 1000, start 100, stop 200, delay 1.0, 300 ms (spec 8c)",
             [neuron(ALPHA)], [300.0], [dc([0], 1000.0, start=100.0, stop=200.0)]))
    for m in MODELS:
        s = SHORT[m]
        add(case(f"dc_window_delays_{s}",
                 f"{m}: dc_generator amplitude 1000, start 100, stop 200 into three neurons with delays 0.1, 1.0, 2.0",
                 [neuron(m), neuron(m), neuron(m)], [300.0],
                 [dc([0], 1000.0, delay=0.1, start=100.0, stop=200.0),
                  dc([1], 1000.0, delay=1.0, start=100.0, stop=200.0),
                  dc([2], 1000.0, delay=2.0, start=100.0, stop=200.0)]))
    add(case("dc_weight_and_negative",
             "dc_generator: default window (start 0) amplitude 400 weight 1.5 into alpha; "
             "amplitude -200 window 10..30 into exp; amplitude 600 weight 0.5 stop 40 into delta",
             [neuron(ALPHA), neuron(EXP), neuron(DELTA)], [60.0],
             [dc([0], 400.0, weight=1.5, delay=1.0),
              dc([1], -200.0, delay=1.5, start=10.0, stop=30.0),
              dc([2], 600.0, weight=0.5, delay=1.0, stop=40.0)]))

    # ---- refractoriness --------------------------------------------------
    for m in MODELS:
        s = SHORT[m]
        add(case(f"refractory_{s}_a",
                 f"{m} under I_e 2000: t_ref 0 (legal), 0.05 (-> 1 step), 2.04 (-> 21 steps)",
                 [neuron(m, I_e=2000.0, t_ref=0.0), neuron(m, I_e=2000.0, t_ref=0.05),
                  neuron(m, I_e=2000.0, t_ref=2.04)], [60.0], record_from=["V_m"]))
    add(case("refractory_b_mixed",
             "t_ref 5.0 under I_e 2000 for alpha, exp, delta; exp also receives input while refractory",
             [neuron(ALPHA, I_e=2000.0, t_ref=5.0), neuron(EXP, I_e=2000.0, t_ref=5.0),
              neuron(DELTA, I_e=2000.0, t_ref=5.0)], [60.0],
             [sg([0, 1], [4.0, 6.0, 8.0, 10.0], weight=500.0, delay=1.0),
              sg([2], [4.0, 6.0, 8.0, 10.0], weight=3.0, delay=1.0)], record_from=["V_m"]))

    # ---- V_min -------------------------------------------------------------
    inh_times = [5.0, 5.5, 6.0, 6.5, 7.0, 20.0, 20.0, 20.0]
    add(case("v_min_alpha_delta",
             "V_min -72 clamps V under strong inhibition: alpha (w -3000) and delta (w -4 mV)",
             [neuron(ALPHA, V_min=-72.0), neuron(DELTA, V_min=-72.0), neuron(ALPHA)], [50.0],
             [sg([0, 2], inh_times, weight=-3000.0, delay=1.0),
              sg([1], inh_times, weight=-4.0, delay=1.0)]))

    # ---- inhibition and mixed trains ------------------------------------
    ex_t = [3.0, 6.0, 6.0, 9.0, 12.0, 15.0, 15.1, 18.0, 21.0]
    in_t = [6.0, 10.0, 15.0, 15.0, 25.0]
    for m in MODELS:
        s = SHORT[m]
        we, wi = (3.0, -2.5) if m == DELTA else (400.0, -350.0)
        add(case(f"mixed_exc_inh_{s}",
                 f"{m}: excitatory ({we}) and inhibitory ({wi}) trains, some in the same step, I_e 330",
                 [neuron(m, I_e=330.0)], [50.0],
                 [sg([0], ex_t, weight=we, delay=1.0), sg([0], in_t, weight=wi, delay=1.0)]))

    # ---- synaptic time constants -----------------------------------------
    for m in (ALPHA, EXP):
        s = SHORT[m]
        add(case(f"singular_{s}_both",
                 f"{m}: tau_syn_ex == tau_syn_in == tau_m == 10 (singular propagator), mixed input",
                 [neuron(m, tau_m=10.0, tau_syn_ex=10.0, tau_syn_in=10.0)], [60.0],
                 [sg([0], [5.0, 15.0], weight=200.0, delay=1.0),
                  sg([0], [10.0], weight=-150.0, delay=1.0)]))
        add(case(f"singular_{s}_in_only",
                 f"{m}: tau_m 5, tau_syn_in == tau_m == 5, tau_syn_ex 1.5, mixed input",
                 [neuron(m, tau_m=5.0, tau_syn_ex=1.5, tau_syn_in=5.0)], [40.0],
                 [sg([0], [5.0, 15.0], weight=200.0, delay=1.0),
                  sg([0], [10.0], weight=-150.0, delay=1.0)]))
        add(case(f"tau_syn_differ_{s}",
                 f"{m}: tau_syn_ex 0.5, tau_syn_in 8.0, mixed trains and I_e 300",
                 [neuron(m, tau_syn_ex=0.5, tau_syn_in=8.0, I_e=300.0)], [50.0],
                 [sg([0], ex_t, weight=400.0, delay=1.0), sg([0], in_t, weight=-350.0, delay=1.0)]))
    add(case("near_singular_alpha",
             "iaf_psc_alpha: tau_syn_ex 10.00001 vs tau_m 10 (P31 small-difference fallback, P32 regular)",
             [neuron(ALPHA, tau_syn_ex=10.00001)], [40.0],
             [sg([0], [5.0], weight=100.0, delay=1.0)]))

    # ---- absolute voltages ------------------------------------------------
    for m in MODELS:
        s = SHORT[m]
        w = 2.0 if m == DELTA else 150.0
        add(case(f"abs_voltages_{s}",
                 f"{m}: E_L -65, V_th -50, V_reset -60, initial V_m -62, I_e 300, input spikes",
                 [neuron(m, E_L=-65.0, V_th=-50.0, V_reset=-60.0, V_m=-62.0, I_e=300.0)], [100.0],
                 [sg([0], [10.0, 30.0, 30.0, 55.0], weight=w, delay=1.0)]))
    add(case("e_l_only",
             "E_L -60 set alone: V_th, V_reset, V_m keep their absolute defaults (-55, -70, -70); alpha, exp, delta",
             [neuron(ALPHA, E_L=-60.0), neuron(EXP, E_L=-60.0), neuron(DELTA, E_L=-60.0)], [100.0]))

    # ---- other parameter combinations -------------------------------------
    add(case("params_mixed_a",
             "C_m 100, tau_m 20, t_ref 3, I_e 80 for alpha/exp/delta plus a spike train",
             [neuron(m, C_m=100.0, tau_m=20.0, t_ref=3.0, I_e=80.0) for m in MODELS], [120.0],
             [sg([0, 1], [10.0, 40.0, 40.0, 70.0], weight=60.0, delay=1.0),
              sg([2], [10.0, 40.0, 40.0, 70.0], weight=2.0, delay=1.0)]))
    add(case("params_mixed_b",
             "C_m 500, tau_m 5, tau_syn 0.8/3, I_e 1600 for alpha/exp; C_m 40 tau_m 3 I_e 210 for delta",
             [neuron(ALPHA, C_m=500.0, tau_m=5.0, tau_syn_ex=0.8, tau_syn_in=3.0, I_e=1600.0),
              neuron(EXP, C_m=500.0, tau_m=5.0, tau_syn_ex=0.8, tau_syn_in=3.0, I_e=1600.0),
              neuron(DELTA, C_m=40.0, tau_m=3.0, I_e=210.0)], [100.0],
             [sg([0, 1], [20.0, 50.0], weight=-900.0, delay=2.0)]))
    add(case("v_m_above_threshold",
             "initial V_m -50 above V_th -55 fires at 0.1 ms (alpha, exp, delta)",
             [neuron(m, V_m=-50.0) for m in MODELS], [10.0]))

    # ---- iaf_psc_delta refractory_input -----------------------------------
    add(case("delta_refractory_input",
             "iaf_psc_delta t_ref 5, I_e 1000: refractory_input False vs True, input during refractoriness",
             [neuron(DELTA, I_e=1000.0, t_ref=5.0, refractory_input=False),
              neuron(DELTA, I_e=1000.0, t_ref=5.0, refractory_input=True)], [60.0],
             [sg([0, 1], [5.0, 12.0, 12.5, 13.0, 13.0, 20.0, 26.0, 27.3, 33.0, 40.0],
                 weight=1.5, delay=1.0),
              sg([0, 1], [14.0, 29.0], weight=-2.0, delay=1.0)]))

    # ---- neuron -> neuron --------------------------------------------------
    for m in MODELS:
        s = SHORT[m]
        w = 8.0 if m == DELTA else 600.0
        add(case(f"net_pair_delays_{s}",
                 f"{m}: neuron 0 (I_e 500) excites neurons 1 and 2 (I_e 330) with delays 1.0 and 2.5, weight {w}",
                 [neuron(m, I_e=500.0), neuron(m, I_e=330.0), neuron(m, I_e=330.0)], [120.0],
                 connections=[conn(0, 1, w, 1.0), conn(0, 2, w, 2.5)]))
    add(case("net_chain_inhibitory",
             "alpha chain: 0 (I_e 500) -> 1 (w 900, d 0.1) -> 2 (w -2000, d 1.7); neuron 2 has I_e 400",
             [neuron(ALPHA, I_e=500.0), neuron(ALPHA, I_e=300.0), neuron(ALPHA, I_e=400.0)], [150.0],
             connections=[conn(0, 1, 900.0, 0.1), conn(1, 2, -2000.0, 1.7)]))
    add(case("net_chain_mixed_models",
             "chain alpha -> exp -> delta: 0 (I_e 450) -> 1 (w 700, d 1.3, I_e 320) -> 2 (w 12 mV, d 0.4, I_e 300)",
             [neuron(ALPHA, I_e=450.0), neuron(EXP, I_e=320.0), neuron(DELTA, I_e=300.0)], [150.0],
             connections=[conn(0, 1, 700.0, 1.3), conn(1, 2, 12.0, 0.4)], record_from=["V_m"]))
    add(case("net_autapse_and_cycle",
             "alpha 0 (I_e 600) has an inhibitory autapse (w -300, d 1.0); 0 <-> 1 cycle (w 500 d 2.0, w -400 d 3.0)",
             [neuron(ALPHA, I_e=600.0), neuron(ALPHA, I_e=350.0)], [150.0],
             connections=[conn(0, 0, -300.0, 1.0), conn(0, 1, 500.0, 2.0), conn(1, 0, -400.0, 3.0)]))

    # ---- repeated Simulate calls ------------------------------------------
    for name, sims in (("split_sim_alpha_30_20", [30.0, 20.0]),
                       ("split_sim_alpha_at_spike", [10.0, 1.0, 39.0]),
                       ("split_sim_alpha_single", [50.0])):
        add(case(name,
                 f"iaf_psc_alpha I_e 450 plus spikes at 10.0/10.0/25.0 (w 200, d 1.0), Simulate {sims}",
                 [neuron(ALPHA, I_e=450.0)], sims,
                 [sg([0], [10.0, 10.0, 25.0], weight=200.0, delay=1.0)]))
    add(case("split_sim_delta_odd",
             "iaf_psc_delta I_e 500 plus spikes; Simulate [12.3, 17.7, 0.1, 19.9]",
             [neuron(DELTA, I_e=500.0)], [12.3, 17.7, 0.1, 19.9],
             [sg([0], [12.3, 12.4, 30.0], weight=2.0, delay=1.0)]))

    # ---- other resolutions -------------------------------------------------
    for res in (0.05, 0.2):
        tag = "005" if res == 0.05 else "02"
        add(case(f"res_{tag}_models",
                 f"resolution {res}: alpha/exp (I_e 420, w 300) and delta (I_e 420, w 3 mV), spikes with delay 1.0, dc window on alpha",
                 [neuron(m, I_e=420.0) for m in MODELS], [100.0],
                 [sg([0, 1], [10.0, 10.2, 30.0], weight=300.0, delay=1.0),
                  sg([2], [10.0, 10.2, 30.0], weight=3.0, delay=1.0),
                  dc([0], 300.0, delay=0.4, start=50.0, stop=70.0)], resolution=res))
        add(case(f"res_{tag}_refractory_delays",
                 f"resolution {res}: t_ref 0.05/2.1/0.0 with I_e 2000, delay {res} and 1.0 inputs",
                 [neuron(ALPHA, I_e=2000.0, t_ref=0.05), neuron(EXP, I_e=2000.0, t_ref=2.1),
                  neuron(DELTA, I_e=2000.0, t_ref=0.0)], [40.0],
                 [sg([0, 1], [5.0, 5.0, 20.0], weight=-800.0, delay=res),
                  sg([2], [5.0, 5.0, 20.0], weight=-5.0, delay=1.0)],
                 resolution=res, record_from=["V_m"]))

    # ---- recorder and generator windows -----------------------------------
    add(case("spike_recorder_window",
             "alpha I_e 500 (spikes 13.9, 29.8, 45.7, ...); spike_recorder start 13.9 stop 45.7 -> (13.9, 45.7]",
             [neuron(ALPHA, I_e=500.0)], [100.0], sr_start=13.9, sr_stop=45.7, interval=1.0))
    add(case("spike_recorder_window_origin",
             "alpha I_e 500; spike_recorder origin 10, start 3.9, stop 51.6 -> (13.9, 61.6]",
             [neuron(ALPHA, I_e=500.0)], [100.0], sr_start=3.9, sr_stop=51.6, sr_origin=10.0,
             interval=1.0))
    add(case("multimeter_interval_2_5",
             "multimeter interval 2.5 on alpha with one input spike (samples 2.5, 5.0, ...)",
             [neuron(ALPHA, I_e=100.0)], [30.0], [sg([0], [3.0], weight=500.0, delay=1.0)],
             interval=2.5))
    add(case("multimeter_window_5_8",
             "multimeter interval 1.0 start 5 stop 8 (samples 6, 7, 8)",
             [neuron(ALPHA, I_e=100.0)], [30.0], [sg([0], [3.0], weight=500.0, delay=1.0)],
             interval=1.0, rec_start=5.0, rec_stop=8.0))
    add(case("multimeter_interval_2_5_window_5_8",
             "multimeter interval 2.5 start 5 stop 8 (only the sample 7.5)",
             [neuron(ALPHA, I_e=100.0)], [30.0], [sg([0], [3.0], weight=500.0, delay=1.0)],
             interval=2.5, rec_start=5.0, rec_stop=8.0))
    add(case("multimeter_subset_targets",
             "multimeter on neuron 1 only (of 2); interval 0.5; start 2.0",
             [neuron(ALPHA, I_e=400.0), neuron(EXP, I_e=400.0)], [40.0],
             [sg([0, 1], [3.0, 20.0], weight=300.0, delay=1.0)], interval=0.5, rec_start=2.0,
             rec_targets=[1]))
    add(case("spike_generator_window",
             "spike_generator times 5..30 step 5 with start 10 stop 25 (only 15, 20, 25 are sent); delta w 2 mV",
             [neuron(DELTA)], [40.0],
             [sg([0], [5.0, 10.0, 15.0, 20.0, 25.0, 30.0], weight=2.0, delay=1.0,
                 start=10.0, stop=25.0)]))
    add(case("spike_generator_origin",
             "spike_generator times [5, 10, 20] origin 5 start 2 stop 15 -> window (7, 20]: "
             "sent at 10, 15 (origin-shifted); delta w 2 mV",
             [neuron(DELTA)], [40.0],
             [sg([0], [5.0, 10.0, 20.0], weight=2.0, delay=1.0, origin=5.0, start=2.0, stop=15.0)]))
    multisynapse_cases(add)
    add_plastic_cases(add)
    return C


def multisynapse_cases(add):
    """Receptor ports of iaf_psc_alpha_multisynapse and iaf_psc_exp_multisynapse: each
    spike_generator or neuron names its port (receptor_type), weights of either sign."""
    # AMPA-, NMDA-, GABA_A- and GABA_B-like time constants (ms).
    taus = [2.0, 100.0, 5.0, 50.0]
    trains = [[5.0, 12.0, 12.0, 30.0, 30.1, 80.0], [20.0, 21.0, 60.0],
              [8.0, 12.0, 45.0, 45.0, 90.0], [40.0, 100.0]]
    weights = [350.0, 40.0, -300.0, -60.0]
    for m, s in ((ALPHA_MS, "alpha"), (EXP_MS, "exp")):
        add(case(f"multisynapse_{s}_four_ports",
                 f"{m} tau_syn {taus}, I_e 330: one spike_generator per port 1..4 "
                 f"(weights {weights}), same-step spikes on several ports",
                 [neuron(m, tau_syn=taus, I_e=330.0)], [150.0],
                 [sg([0], t, weight=w, delay=1.0, receptor_type=k + 1)
                  for k, (t, w) in enumerate(zip(trains, weights))],
                 record_from=multisynapse_recordables(4)))
        add(case(f"multisynapse_{s}_port_signs",
                 f"{m} tau_syn [3, 0.5]: negative weights on port 1 and positive on port 2, "
                 "multiplicities and spike_weights, I_e 250, dc 200 pA from 20 to 60 ms (receptor 0)",
                 [neuron(m, tau_syn=[3.0, 0.5], I_e=250.0)], [100.0],
                 [sg([0], [10.0, 10.0, 25.0, 50.0], weight=-400.0, delay=1.5, receptor_type=1,
                     spike_multiplicities=[1, 2, 1, 3]),
                  sg([0], [10.0, 30.0, 30.0, 70.0], weight=900.0, delay=0.1, receptor_type=2,
                     spike_weights=[1.0, 0.5, -1.0, 2.0]),
                  dc([0], 200.0, delay=1.0, start=20.0, stop=60.0)],
                 record_from=multisynapse_recordables(2)))
        add(case(f"multisynapse_{s}_params",
                 f"{m}: C_m 120, tau_m 15, t_ref 3.05, E_L -65, V_th -52, V_reset -68, "
                 "initial V_m -60, I_e 350, three ports",
                 [neuron(m, C_m=120.0, tau_m=15.0, t_ref=3.05, E_L=-65.0, V_th=-52.0,
                         V_reset=-68.0, V_m=-60.0, I_e=350.0, tau_syn=[1.0, 8.0, 25.0])],
                 [120.0],
                 [sg([0], [5.0, 33.3, 70.0], weight=150.0, delay=2.0, receptor_type=3),
                  sg([0], [15.0, 15.0, 60.0], weight=-120.0, delay=1.0, receptor_type=2),
                  sg([0], [25.0, 26.0, 27.0], weight=200.0, delay=1.0, receptor_type=1)],
                 record_from=multisynapse_recordables(3)))
    add(case("multisynapse_alpha_singular_and_v_min",
             "iaf_psc_alpha_multisynapse: tau_syn [10 (= tau_m, singular), 10.00001 "
             "(near-singular P31), 2] and V_min -72 under strong inhibition on port 3",
             [neuron(ALPHA_MS, tau_syn=[10.0, 10.00001, 2.0], V_min=-72.0)], [80.0],
             [sg([0], [5.0, 40.0], weight=200.0, delay=1.0, receptor_type=1),
              sg([0], [10.0], weight=150.0, delay=1.0, receptor_type=2),
              sg([0], [20.0, 20.5, 21.0, 21.5, 22.0], weight=-3000.0, delay=1.0,
                 receptor_type=3)],
             record_from=multisynapse_recordables(3)))
    add(case("multisynapse_exp_near_singular",
             "iaf_psc_exp_multisynapse: tau_syn [10.000001, 9.99999] next to tau_m 10",
             [neuron(EXP_MS, tau_syn=[10.000001, 9.99999])], [60.0],
             [sg([0], [5.0, 30.0], weight=300.0, delay=1.0, receptor_type=1),
              sg([0], [15.0], weight=-200.0, delay=1.0, receptor_type=2)],
             record_from=multisynapse_recordables(2)))
    add(case("multisynapse_no_ports",
             "multisynapse models with tau_syn [] (no receptor port): dc input only",
             [neuron(ALPHA_MS, tau_syn=[]), neuron(EXP_MS, tau_syn=[])], [60.0],
             [dc([0, 1], 500.0, delay=1.0, start=10.0, stop=40.0)],
             record_from=["V_m", "I_syn"]))
    add(case("multisynapse_network",
             "iaf_psc_alpha 0 (I_e 500) -> ports 1 and 2 of alpha_multisynapse 1 and exp_multisynapse 2; "
             "1 -> port 3 of 2 (inhibitory); 2 -> iaf_psc_alpha 3 (receptor 0); autapse on port 2 of 1",
             [neuron(ALPHA, I_e=500.0), neuron(ALPHA_MS, tau_syn=[2.0, 20.0], I_e=300.0),
              neuron(EXP_MS, tau_syn=[1.0, 30.0, 4.0], I_e=320.0), neuron(ALPHA, I_e=300.0)],
             [200.0],
             connections=[conn(0, 1, 700.0, 1.0, receptor_type=1),
                          conn(0, 1, 80.0, 2.5, receptor_type=2),
                          conn(0, 2, 600.0, 1.5, receptor_type=1),
                          conn(0, 2, 50.0, 1.0, receptor_type=2),
                          conn(1, 2, -900.0, 0.7, receptor_type=3),
                          conn(1, 1, -40.0, 3.0, receptor_type=2),
                          conn(2, 3, 800.0, 1.2)],
             record_from=["V_m"]))
    add(case("multisynapse_resolution_02",
             "resolution 0.2: iaf_psc_alpha_multisynapse and iaf_psc_exp_multisynapse, "
             "tau_syn [0.3, 7], spikes with delay 0.2 and 1.0, I_e 420",
             [neuron(ALPHA_MS, tau_syn=[0.3, 7.0], I_e=420.0),
              neuron(EXP_MS, tau_syn=[0.3, 7.0], I_e=420.0)], [100.0],
             [sg([0, 1], [10.0, 10.2, 30.0], weight=300.0, delay=0.2, receptor_type=1),
              sg([0, 1], [12.0, 40.0, 40.0], weight=-250.0, delay=1.0, receptor_type=2)],
             resolution=0.2, record_from=multisynapse_recordables(2)))


def add_plastic_cases(add):
    """stdp_synapse, tsodyks_synapse, tsodyks2_synapse and parrot_neuron.

    Presynaptic spikes come from a spike_generator through a parrot_neuron (the source of
    the plastic synapse); postsynaptic spikes are forced by a second spike_generator with
    a large weight, so pre/post pairings are set by the spike times alone.
    """
    # ---- parrot_neuron -----------------------------------------------------
    add(case("parrot_repeats_multiplicity",
             "parrot_neuron repeats spikes (duplicates and multiplicities, weights ignored) "
             "one delay later; it drives an alpha neuron (w 300, d 1.5)",
             [neuron(PARROT), neuron(ALPHA, I_e=100.0)], [40.0],
             [sg([0], [2.0, 5.0, 5.0, 9.3, 12.0], weight=-7.5, delay=1.0,
                 spike_multiplicities=[1, 1, 2, 3, 1])],
             connections=[conn(0, 1, 300.0, 1.5)]))

    # ---- stdp_synapse ------------------------------------------------------
    pre = [10.0, 60.0, 110.0, 160.0, 210.0, 260.0, 310.0, 360.0]
    post = [13.0, 63.0, 106.0, 157.0, 215.0, 258.0, 330.0, 355.0]
    add(case("stdp_pairings_alpha",
             "stdp_synapse parrot -> alpha (w 50, d 1.0, defaults): pre/post pairings at "
             "+/- a few ms; post spikes forced by a spike_generator (w 5000)",
             [neuron(PARROT), neuron(ALPHA)], [400.0],
             [sg([0], pre, delay=1.0), sg([1], post, weight=5000.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_synapse", 50.0, 1.0)]))
    add(case("stdp_weight_dependent_delta",
             "stdp_synapse parrot -> delta (w 2 mV, d 2.5 dendritic, mu_plus 0.4, mu_minus 1, "
             "alpha 1.2, lambda 0.05, tau_plus 16.8, Wmax 5, Kplus 0.5, tau_minus 30)",
             [neuron(PARROT), neuron(DELTA, tau_minus=30.0)], [400.0],
             [sg([0], pre, delay=1.0), sg([1], post, weight=30.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_synapse", 2.0, 2.5, mu_plus=0.4, mu_minus=1.0,
                                  alpha=1.2, lambda_=0.05, tau_plus=16.8, Wmax=5.0,
                                  Kplus=0.5)]))
    # Post spikes exactly at t_pre - d and t_pre - d + h, pre spikes in the same step
    # twice (multiplicity 2 through the parrot), and bursts.
    add(case("stdp_boundaries_and_bursts",
             "stdp_synapse with delay 2.0: post spikes exactly d before and after pre spikes "
             "(window edges), a pre spike of multiplicity 2, bursts on both sides",
             [neuron(PARROT), neuron(ALPHA, tau_minus=15.0)], [300.0],
             [sg([0], [20.0, 40.0, 40.0, 70.0, 71.0, 72.0, 150.0, 200.0, 230.0], delay=1.0),
              sg([1], [16.0, 39.0, 60.0, 61.0, 62.0, 69.0, 148.0, 149.5, 227.0, 229.0],
                 weight=6000.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_synapse", 30.0, 2.0, lambda_=0.1,
                                  mu_plus=0.0, mu_minus=0.0, alpha=0.9)]))
    add(case("stdp_bounds_and_inhibitory",
             "additive stdp_synapse (mu 0, lambda 0.5) hitting Wmax 40 and 0; an inhibitory "
             "stdp_synapse (w -20, Wmax -60) onto the same neuron",
             [neuron(PARROT), neuron(PARROT), neuron(ALPHA)], [250.0],
             [sg([0], [10.0, 30.0, 50.0, 70.0, 150.0, 170.0, 190.0], delay=1.0),
              sg([1], [12.0, 32.0, 52.0, 148.0, 168.0, 188.0], delay=1.0),
              sg([2], [14.0, 34.0, 54.0, 74.0, 140.0, 160.0, 180.0], weight=6000.0, delay=1.0)],
             connections=[plastic(0, 2, "stdp_synapse", 30.0, 1.0, lambda_=0.5, mu_plus=0.0,
                                  mu_minus=0.0, Wmax=40.0),
                          plastic(1, 2, "stdp_synapse", -20.0, 1.5, lambda_=0.2,
                                  Wmax=-60.0)]))
    add(case("stdp_network",
             "two parrots -> two alpha neurons, all-to-all stdp_synapse with delays 1.0-3.0; "
             "post neurons also fire from I_e and drive each other through static synapses",
             [neuron(PARROT), neuron(PARROT), neuron(ALPHA, I_e=370.0),
              neuron(ALPHA, I_e=360.0, tau_minus=25.0)], [500.0],
             [sg([0], [5.0 + 23.0 * k for k in range(20)], delay=1.0),
              sg([1], [9.0 + 31.0 * k for k in range(15)], delay=1.0)],
             connections=[plastic(0, 2, "stdp_synapse", 80.0, 1.0, lambda_=0.05),
                          plastic(0, 3, "stdp_synapse", 80.0, 2.0, lambda_=0.05),
                          plastic(1, 2, "stdp_synapse", 60.0, 3.0, lambda_=0.05, mu_plus=0.5),
                          plastic(1, 3, "stdp_synapse", 60.0, 1.5, lambda_=0.05),
                          conn(2, 3, 200.0, 1.0), conn(3, 2, 200.0, 2.0)]))

    # ---- tsodyks_synapse / tsodyks2_synapse ---------------------------------
    train = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 200.0, 205.0, 210.0, 400.0]
    add(case("tsodyks_depressing_exp",
             "tsodyks_synapse (U 0.5, tau_rec 100, tau_fac 0, tau_psc = tau_syn_ex 3) parrot -> "
             "iaf_psc_exp, w 800, train with recovery pauses",
             [neuron(PARROT), neuron(EXP, tau_syn_ex=3.0)], [450.0],
             [sg([0], train, delay=1.0)],
             connections=[plastic(0, 1, "tsodyks_synapse", 800.0, 1.0, U=0.5, tau_rec=100.0,
                                  tau_fac=0.0, tau_psc=3.0)]))
    add(case("tsodyks_facilitating_exp",
             "tsodyks_synapse (U 0.1, tau_fac 200, tau_rec 20, tau_psc 2, initial x 0.8 y 0.1 "
             "u 0.2) parrot -> iaf_psc_exp (tau_syn_ex 2), w 1200; inhibitory twin (w -900)",
             [neuron(PARROT), neuron(EXP, tau_syn_ex=2.0, tau_syn_in=2.0, I_e=150.0)], [450.0],
             [sg([0], train, delay=1.0)],
             connections=[plastic(0, 1, "tsodyks_synapse", 1200.0, 1.0, U=0.1, tau_fac=200.0,
                                  tau_rec=20.0, tau_psc=2.0, x=0.8, y=0.1, u=0.2),
                          plastic(0, 1, "tsodyks_synapse", -900.0, 2.0, U=0.3, tau_fac=50.0,
                                  tau_rec=300.0, tau_psc=2.0)]))
    add(case("tsodyks2_depressing_alpha",
             "tsodyks2_synapse (U 0.6, tau_rec 150, tau_fac 0) parrot -> iaf_psc_alpha, w 900",
             [neuron(PARROT), neuron(ALPHA)], [450.0],
             [sg([0], train, delay=1.0)],
             connections=[plastic(0, 1, "tsodyks2_synapse", 900.0, 1.0, U=0.6, u=0.6,
                                  tau_rec=150.0, tau_fac=0.0)]))
    add(case("tsodyks2_facilitating_delta",
             "tsodyks2_synapse (U 0.05, u 0.05, tau_fac 500, tau_rec 10, x 0.9) parrot -> "
             "iaf_psc_delta (w 40 mV, d 1.5) and parrot -> alpha (defaults, w 3000)",
             [neuron(PARROT), neuron(DELTA), neuron(ALPHA)], [450.0],
             [sg([0], train, delay=1.0)],
             connections=[plastic(0, 1, "tsodyks2_synapse", 40.0, 1.5, U=0.05, u=0.05,
                                  tau_fac=500.0, tau_rec=10.0, x=0.9),
                          plastic(0, 2, "tsodyks2_synapse", 3000.0, 1.0)]))


CASES = build_cases()
# Numerical edge cases (tiny/large/odd resolutions, delay == resolution): edge_cases.py.
from edge_cases import EDGE_CASES  # noqa: E402

CASES += EDGE_CASES
from cases_synapses import SYNAPSE_CASES  # noqa: E402

CASES += SYNAPSE_CASES
from cases_gsl import GSL_CASES  # noqa: E402  (iaf_cond_*, aeif_cond_*: GSL's RKF45)

CASES += GSL_CASES
from cases_exact import EXACT_CASES  # noqa: E402  (issue 12: izhikevich, mat2, ...)

CASES += EXACT_CASES
from cases_devices import DEVICE_CASES  # noqa: E402  (issue 13: generators, spike times)

CASES += DEVICE_CASES
from cases_initial import INITIAL_CASES  # noqa: E402  (V_m set per neuron, every model)

CASES += INITIAL_CASES
from cases_infinite import INFINITE_CASES  # noqa: E402  (parameters NEST takes as +inf)

CASES += INFINITE_CASES

_names = [c["name"] for c in CASES]
assert len(_names) == len(set(_names)), "duplicate case names"
