"""Deterministic conformance cases of the synapse models added with issue 12:
stdp_pl_synapse_hom, stdp_synapse_hom, static_synapse_hom_w, bernoulli_synapse and
quantal_stp_synapse (in settings where they are deterministic), and plastic synapses onto
the receptor ports of the multisynapse models.

A "_hom" model keeps some parameters in the model (NEST's common properties): a
connection lists them under "common_params", and run_nest.py connects it through a copy
of the model (CopyModel) with them. Pre/post pairings follow add_plastic_cases in
cases.py: presynaptic spikes from a spike_generator through a parrot_neuron, postsynaptic
spikes forced by a second spike_generator with a large weight.
"""

from cases import (ALPHA, ALPHA_MS, DELTA, EXP, EXP_MS, PARROT, case, conn, neuron,
                   multisynapse_recordables, plastic, sg)


def hom(source, target, model, weight, delay, common, receptor_type=None, **params):
    """A connection through a `_hom` model: `common` are its common parameters (NEST
    names), `params` the per-connection ones."""
    c = plastic(source, target, model, weight, delay, **params)
    c["common_params"] = {k.rstrip("_"): v for k, v in common.items()}
    if receptor_type is not None:
        c["receptor_type"] = receptor_type
    return c


def onto_port(c, receptor_type):
    c["receptor_type"] = receptor_type
    return c


PRE = [10.0, 60.0, 110.0, 160.0, 210.0, 260.0, 310.0, 360.0]
POST = [13.0, 63.0, 106.0, 157.0, 215.0, 258.0, 330.0, 355.0]
POST_B = [8.0, 58.0, 115.0, 163.0, 205.0, 266.0, 302.0, 368.0]
POST_C = [35.0, 80.0, 140.0, 185.0, 240.0, 285.0, 345.0, 390.0]


def synapse_cases():
    out = []
    add = out.append

    # ---- stdp_pl_synapse_hom ------------------------------------------------------
    add(case("stdp_pl_hom_pairings_alpha",
             "stdp_pl_synapse_hom parrot -> alpha (w 50, d 1.0, default common properties "
             "lambda 0.1, alpha 1, mu 0.4, tau_plus 20): pre/post pairings at +/- a few ms",
             [neuron(PARROT), neuron(ALPHA)], [400.0],
             [sg([0], PRE, delay=1.0), sg([1], POST, weight=5000.0, delay=1.0)],
             connections=[hom(0, 1, "stdp_pl_synapse_hom", 50.0, 1.0, {})]))
    add(case("stdp_pl_hom_fanout_alpha",
             "stdp_pl_synapse_hom parrot -> three alpha neurons (w 50, d 1.0, default common "
             "properties), each forced to spike at its own times: one row of synapses "
             "whose postsynaptic windows differ (network-core/tests/plasticity.rs builds "
             "it as one all-to-all projection)",
             [neuron(PARROT), neuron(ALPHA), neuron(ALPHA), neuron(ALPHA)], [400.0],
             [sg([0], PRE, delay=1.0), sg([1], POST, weight=5000.0, delay=1.0),
              sg([2], POST_B, weight=5000.0, delay=1.0),
              sg([3], POST_C, weight=5000.0, delay=1.0)],
             connections=[hom(0, t, "stdp_pl_synapse_hom", 50.0, 1.0, {}) for t in (1, 2, 3)]))
    add(case("stdp_pl_hom_common_delta",
             "stdp_pl_synapse_hom parrot -> delta (w 2 mV, d 2.5, common lambda 0.03, "
             "alpha 1.3, mu 0.6, tau_plus 15; Kplus 0.7; tau_minus 28)",
             [neuron(PARROT), neuron(DELTA, tau_minus=28.0)], [400.0],
             [sg([0], PRE, delay=1.0), sg([1], POST, weight=30.0, delay=1.0)],
             connections=[hom(0, 1, "stdp_pl_synapse_hom", 2.0, 2.5,
                              dict(lambda_=0.03, alpha=1.3, mu=0.6, tau_plus=15.0),
                              Kplus=0.7)]))
    add(case("stdp_pl_hom_network",
             "two parrots -> two alpha neurons, all-to-all stdp_pl_synapse_hom (common lambda "
             "0.05, alpha 1.1) with delays 1.0-3.0, post neurons driven by I_e and each other",
             [neuron(PARROT), neuron(PARROT), neuron(ALPHA, I_e=370.0),
              neuron(ALPHA, I_e=360.0, tau_minus=25.0)], [500.0],
             [sg([0], [5.0 + 23.0 * k for k in range(20)], delay=1.0),
              sg([1], [9.0 + 31.0 * k for k in range(15)], delay=1.0)],
             connections=[hom(0, 2, "stdp_pl_synapse_hom", 80.0, 1.0, dict(lambda_=0.05, alpha=1.1)),
                          hom(0, 3, "stdp_pl_synapse_hom", 80.0, 2.0, dict(lambda_=0.05, alpha=1.1)),
                          hom(1, 2, "stdp_pl_synapse_hom", 60.0, 3.0, dict(lambda_=0.05, alpha=1.1)),
                          hom(1, 3, "stdp_pl_synapse_hom", 60.0, 1.5, dict(lambda_=0.05, alpha=1.1)),
                          conn(2, 3, 200.0, 1.0), conn(3, 2, 200.0, 2.0)]))

    # ---- stdp_synapse_hom ---------------------------------------------------------
    add(case("stdp_hom_weight_dependent_exp",
             "stdp_synapse_hom parrot -> exp (w 30, d 2.0, common lambda 0.1, alpha 0.9, "
             "mu_plus 0.4, mu_minus 0.7, Wmax 45, tau_plus 16; Kplus 0.2; tau_minus 15)",
             [neuron(PARROT), neuron(EXP, tau_minus=15.0)], [300.0],
             [sg([0], [20.0, 40.0, 70.0, 71.0, 72.0, 150.0, 200.0, 230.0], delay=1.0),
              sg([1], [16.0, 39.0, 60.0, 61.0, 62.0, 69.0, 148.0, 149.5, 227.0, 229.0],
                 weight=6000.0, delay=1.0)],
             connections=[hom(0, 1, "stdp_synapse_hom", 30.0, 2.0,
                              dict(lambda_=0.1, alpha=0.9, mu_plus=0.4, mu_minus=0.7,
                                   Wmax=45.0, tau_plus=16.0),
                              Kplus=0.2)]))

    # ---- vogels_sprekeler_synapse -------------------------------------------------
    add(case("vogels_sprekeler_inhibitory_alpha",
             "vogels_sprekeler_synapse parrot -> alpha (w -20, Wmax -60, eta 0.5, alpha 0.3, "
             "tau 20 = tau_minus; d 1.5), post spikes forced; the weight grows and shrinks "
             "in magnitude with the sign of Wmax",
             [neuron(PARROT), neuron(ALPHA, tau_minus=20.0)], [400.0],
             [sg([0], PRE + [362.0, 364.0], delay=1.0), sg([1], POST, weight=5000.0, delay=1.0)],
             connections=[plastic(0, 1, "vogels_sprekeler_synapse", -20.0, 1.5, Wmax=-60.0,
                                  eta=0.5, alpha=0.3, tau=20.0)]))
    add(case("vogels_sprekeler_bounds_delta",
             "vogels_sprekeler_synapse parrot -> delta (w 0.5 mV, Wmax 1, eta 0.2, alpha 1, "
             "tau 10, Kplus 1, tau_minus 10): depression clipped at 0, potentiation at Wmax",
             [neuron(PARROT), neuron(DELTA, tau_minus=10.0)], [300.0],
             [sg([0], [10.0, 12.0, 14.0, 16.0, 100.0, 101.0, 102.0, 200.0], delay=1.0),
              sg([1], [50.0, 51.0, 52.0, 99.0, 100.5, 150.0, 199.0, 199.5], weight=30.0,
                 delay=1.0)],
             connections=[plastic(0, 1, "vogels_sprekeler_synapse", 0.5, 1.0, Wmax=1.0,
                                  eta=0.2, alpha=1.0, tau=10.0, Kplus=1.0)]))

    # ---- stdp_triplet_synapse -----------------------------------------------------
    add(case("stdp_triplet_pairings_alpha",
             "stdp_triplet_synapse parrot -> alpha (w 50, d 1.0, Aplus 0.5, Aminus 0.4, "
             "Aplus_triplet 0.3, Aminus_triplet 0.1; tau_minus_triplet 80); pairings and bursts",
             [neuron(PARROT), neuron(ALPHA, tau_minus_triplet=80.0)], [400.0],
             [sg([0], sorted(PRE + [111.0, 112.0, 311.5]), delay=1.0),
              sg([1], sorted(POST + [107.0, 108.0, 331.0]), weight=5000.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_triplet_synapse", 50.0, 1.0, Aplus=0.5,
                                  Aminus=0.4, Aplus_triplet=0.3, Aminus_triplet=0.1)]))
    add(case("stdp_triplet_inhibitory_exp",
             "stdp_triplet_synapse parrot -> exp, inhibitory (w -30, Wmax -50, d 2.0, "
             "defaults otherwise but Aplus 1.0; Kplus 0.5, Kplus_triplet 0.2; tau_minus 15) "
             "beside an excitatory one (w 20, Aminus 0.2)",
             [neuron(PARROT), neuron(EXP, tau_minus=15.0, tau_minus_triplet=50.0)], [300.0],
             [sg([0], [20.0, 40.0, 70.0, 71.0, 72.0, 150.0, 200.0, 230.0], delay=1.0),
              sg([1], [16.0, 39.0, 60.0, 61.0, 62.0, 69.0, 148.0, 149.5, 227.0, 229.0],
                 weight=6000.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_triplet_synapse", -30.0, 2.0, Wmax=-50.0,
                                  Aplus=1.0, Kplus=0.5, Kplus_triplet=0.2),
                          plastic(0, 1, "stdp_triplet_synapse", 20.0, 1.0, Aminus=0.2,
                                  Aplus=0.8)]))

    # tau_minus_triplet is NEST's ArchivingNode parameter: every model has it
    add(case("stdp_triplet_onto_conductance_models",
             "stdp_triplet_synapse parrot -> iaf_cond_exp and -> aeif_cond_exp (w 5 nS, "
             "d 1.0, Aplus 0.5, Aminus 0.4, Aplus_triplet 0.3, Aminus_triplet 0.1; "
             "tau_minus_triplet 90, tau_minus 25); postsynaptic spikes forced by 400 nS inputs",
             [neuron(PARROT), neuron("iaf_cond_exp", tau_minus=25.0, tau_minus_triplet=90.0),
              neuron("aeif_cond_exp", tau_minus=25.0, tau_minus_triplet=90.0)], [400.0],
             [sg([0], sorted(PRE + [111.0, 112.0, 311.5]), delay=1.0),
              sg([1, 2], sorted(POST + [107.0, 108.0, 331.0]), weight=400.0, delay=1.0)],
             connections=[plastic(0, t, "stdp_triplet_synapse", 5.0, 1.0, Aplus=0.5,
                                  Aminus=0.4, Aplus_triplet=0.3, Aminus_triplet=0.1)
                          for t in (1, 2)],
             record_from=["V_m"]))
    # stdp_triplet_synapse onto models beyond iaf_psc_*: NEST's ArchivingNode gives every
    # model tau_minus_triplet (issue 12)
    add(case("stdp_triplet_onto_izhikevich",
             "stdp_triplet_synapse parrot -> izhikevich (w 2 mV, d 1.0, Aplus 0.5, Aminus 0.4, "
             "Aplus_triplet 0.3, Aminus_triplet 0.1, Wmax 5; tau_minus 15, "
             "tau_minus_triplet 70); postsynaptic spikes forced by 40 mV inputs",
             [neuron(PARROT), neuron("izhikevich", tau_minus=15.0, tau_minus_triplet=70.0)],
             [400.0],
             [sg([0], sorted(PRE + [111.0, 112.0, 311.5]), delay=1.0),
              sg([1], sorted(POST + [107.0, 108.0, 331.0]), weight=40.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_triplet_synapse", 2.0, 1.0, Aplus=0.5,
                                  Aminus=0.4, Aplus_triplet=0.3, Aminus_triplet=0.1,
                                  Wmax=5.0)],
             record_from=["V_m"]))
    add(case("stdp_triplet_onto_aeif_cond_exp",
             "stdp_triplet_synapse parrot -> aeif_cond_exp (w 2 nS, d 1.5, Wmax 10, defaults "
             "otherwise; tau_minus_triplet 90); postsynaptic spikes forced by 1500 nS inputs",
             [neuron(PARROT), neuron("aeif_cond_exp", tau_minus_triplet=90.0)], [400.0],
             [sg([0], sorted(PRE + [111.0, 112.0, 311.5]), delay=1.0),
              sg([1], sorted(POST + [107.0, 108.0, 331.0]), weight=1500.0, delay=1.0)],
             connections=[plastic(0, 1, "stdp_triplet_synapse", 2.0, 1.5, Wmax=10.0)],
             record_from=["V_m"]))

    # ---- static_synapse_hom_w -----------------------------------------------------
    add(case("static_hom_w_delays",
             "static_synapse_hom_w (common weight 120 pA) parrot -> alpha with delays 1.0, "
             "2.3 and 4.0; an inhibitory copy (common weight -80) onto the same neuron",
             [neuron(PARROT), neuron(ALPHA, I_e=300.0)], [120.0],
             [sg([0], [5.0, 17.0, 17.5, 40.0, 41.0, 80.0], delay=1.0)],
             connections=[hom(0, 1, "static_synapse_hom_w", 120.0, 1.0, dict(weight=120.0)),
                          hom(0, 1, "static_synapse_hom_w", 120.0, 2.3, dict(weight=120.0)),
                          hom(0, 1, "static_synapse_hom_w", 120.0, 4.0, dict(weight=120.0)),
                          hom(0, 1, "static_synapse_hom_w", -80.0, 1.5, dict(weight=-80.0))]))

    # ---- bernoulli / quantal where they are deterministic ------------------------
    add(case("bernoulli_certain_and_never",
             "bernoulli_synapse p_transmit 1 (always: uniform draws are < 1) w 400 and "
             "p_transmit 0 (never) w 900 parrot -> exp",
             [neuron(PARROT), neuron(EXP)], [100.0],
             [sg([0], [5.0, 20.0, 21.0, 50.0, 75.0], delay=1.0)],
             connections=[plastic(0, 1, "bernoulli_synapse", 400.0, 1.0, p_transmit=1.0),
                          plastic(0, 1, "bernoulli_synapse", 900.0, 2.0, p_transmit=0.0)]))
    add(case("quantal_certain_release",
             "quantal_stp_synapse with u = U = 1 (every available site releases) and "
             "tau_rec 1e-3 ms (every depleted site recovers): n 3 sends 3 w per spike; "
             "a second with a 0 of 2 available first",
             [neuron(PARROT), neuron(ALPHA)], [100.0],
             [sg([0], [5.0, 20.0, 35.0, 60.0], delay=1.0)],
             connections=[plastic(0, 1, "quantal_stp_synapse", 60.0, 1.0, U=1.0, u=1.0,
                                  tau_rec=0.001, n=3, a=3),
                          plastic(0, 1, "quantal_stp_synapse", -50.0, 1.5, U=1.0, u=1.0,
                                  tau_rec=0.001, n=2, a=0)]))

    # ---- plastic synapses onto receptor ports ------------------------------------
    add(case("stdp_onto_multisynapse_ports",
             "stdp_synapse onto port 2 and stdp_pl_synapse_hom onto port 1 of "
             "iaf_psc_alpha_multisynapse (tau_syn [0.8, 5], tau_minus 25); post spikes "
             "forced through port 1",
             [neuron(PARROT), neuron(ALPHA_MS, tau_syn=[0.8, 5.0], tau_minus=25.0)], [400.0],
             [sg([0], PRE, delay=1.0),
              sg([1], POST, weight=9000.0, delay=1.0, receptor_type=1)],
             connections=[onto_port(plastic(0, 1, "stdp_synapse", 60.0, 1.5, lambda_=0.05), 2),
                          hom(0, 1, "stdp_pl_synapse_hom", 40.0, 1.0, dict(lambda_=0.02),
                              receptor_type=1)],
             record_from=multisynapse_recordables(2)))
    add(case("short_term_onto_multisynapse_ports",
             "tsodyks2_synapse onto port 1 and tsodyks_synapse (tau_psc 3) onto port 2 of "
             "iaf_psc_exp_multisynapse (tau_syn [2, 3]); stdp_synapse_hom onto port 2",
             [neuron(PARROT), neuron(EXP_MS, tau_syn=[2.0, 3.0], tau_minus=18.0)], [300.0],
             [sg([0], [10.0, 20.0, 30.0, 40.0, 50.0, 200.0, 205.0, 210.0], delay=1.0)],
             connections=[onto_port(plastic(0, 1, "tsodyks2_synapse", 500.0, 1.0, U=0.3, u=0.3,
                                            tau_rec=100.0, tau_fac=50.0), 1),
                          onto_port(plastic(0, 1, "tsodyks_synapse", -700.0, 1.0, U=0.4,
                                            tau_rec=200.0, tau_psc=3.0), 2),
                          hom(0, 1, "stdp_synapse_hom", 200.0, 2.0, dict(Wmax=400.0),
                              receptor_type=2)],
             record_from=multisynapse_recordables(2)))
    # the conductance-based multisynapse model: ports with their own reversal
    # potentials, rise and decay times; weights in nS (NEST requires them >= 0)
    ports = dict(E_rev=[0.0, 0.0, -80.0], tau_rise=[0.2, 1.0, 0.5],
                 tau_decay=[2.0, 10.0, 8.0])
    add(case("stdp_onto_aeif_beta_multisynapse_ports",
             "stdp_synapse onto port 2 (w 2 nS, lambda 0.05, Wmax 10) and onto port 3 (w 3 "
             "nS, d 2, tau_plus 15, alpha 1.2, mu_minus 0.5), stdp_pl_synapse_hom onto port "
             "1 (w 1 nS, lambda 0.02) of aeif_cond_beta_multisynapse (E_rev [0, 0, -80], "
             "tau_rise [0.2, 1, 0.5], tau_decay [2, 10, 8], t_ref 1, tau_minus 25); post "
             "spikes forced through port 1 (500 nS)",
             [neuron(PARROT), neuron("aeif_cond_beta_multisynapse", t_ref=1.0, tau_minus=25.0,
                                     **ports)],
             [400.0],
             [sg([0], PRE, delay=1.0),
              sg([1], POST, weight=500.0, delay=1.0, receptor_type=1)],
             connections=[onto_port(plastic(0, 1, "stdp_synapse", 2.0, 1.5, lambda_=0.05,
                                            Wmax=10.0), 2),
                          onto_port(plastic(0, 1, "stdp_synapse", 3.0, 2.0, tau_plus=15.0,
                                            alpha=1.2, mu_minus=0.5), 3),
                          hom(0, 1, "stdp_pl_synapse_hom", 1.0, 1.0, dict(lambda_=0.02),
                              receptor_type=1)],
             record_from=["V_m", "w", "g_1", "g_2", "g_3"]))
    return out


SYNAPSE_CASES = synapse_cases()
