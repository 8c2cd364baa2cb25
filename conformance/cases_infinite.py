"""Deterministic conformance cases of parameters set to +inf that NEST 3.10 computes with
finite, meaningful results (conformance/inf_params.py classifies every +inf NEST takes;
reference/inf_params.json holds its verdicts).

The postsynaptic STDP traces of NEST's ArchivingNode with `tau_minus` (and
`tau_minus_triplet`) = +inf: NEST keeps 1/tau = 0, so the traces never decay and every
postsynaptic spike adds 1 for good. Then one case per time constant, capacitance,
escape-rate width or error tolerance that NEST 3.10 computes finite dynamics with
(`<model>_<param>_inf`): network-spec/tests/nest_checks.rs requires one for each such
value the engine accepts. A parameter written None here is +inf (run_nest.py writes it
as JSON null).
"""

from cases import ALPHA, DELTA, EXP, PARROT, RECORDABLES, case, neuron, plastic, sg
from cases_gsl import RECORD

# The deterministic limits of the escape-rate models (as in cases_exact.py): a spike
# exactly when V_m reaches the threshold.
GIF_STEEP = dict(lambda_0=1e6, Delta_V=1e-5)
PP_STEEP = dict(c_1=0.0, c_2=1e-300, c_3=1e6)

INF = None
PRE = [10.0, 60.0, 110.0, 111.0, 160.0, 210.0, 260.0, 310.0, 311.5, 360.0]
POST = [13.0, 63.0, 106.0, 107.0, 157.0, 215.0, 258.0, 330.0, 331.0, 355.0]


def infinite_cases():
    out = []
    add = out.append
    add(case("stdp_tau_minus_inf",
             "stdp_synapse parrot -> iaf_psc_alpha, iaf_psc_delta, iaf_cond_exp and "
             "izhikevich, each with tau_minus = +inf (the postsynaptic trace never decays; "
             "w 50 pA, 1 mV, 3 nS, 2 mV; lambda 0.02, d 1.0); postsynaptic spikes forced",
             [neuron(PARROT), neuron(ALPHA, tau_minus=INF), neuron(DELTA, tau_minus=INF),
              neuron("iaf_cond_exp", tau_minus=INF), neuron("izhikevich", tau_minus=INF)],
             [400.0],
             [sg([0], PRE, delay=1.0), sg([1], POST, weight=5000.0, delay=1.0),
              sg([2], POST, weight=30.0, delay=1.0), sg([3], POST, weight=400.0, delay=1.0),
              sg([4], POST, weight=40.0, delay=1.0)],
             connections=[plastic(0, t, "stdp_synapse", w, 1.0, lambda_=0.02, Wmax=200.0)
                          for t, w in ((1, 50.0), (2, 1.0), (3, 3.0), (4, 2.0))],
             record_from=["V_m"]))
    add(case("stdp_triplet_tau_minus_inf",
             "stdp_triplet_synapse parrot -> iaf_psc_exp with tau_minus = tau_minus_triplet "
             "= +inf and -> aeif_cond_exp with tau_minus_triplet = +inf (w 40 pA, 2 nS; "
             "Aplus 0.5, Aminus 0.01, Aplus_triplet 0.3, Aminus_triplet 0.002, Wmax 100, "
             "d 1.5); postsynaptic spikes forced",
             [neuron(PARROT), neuron(EXP, tau_minus=INF, tau_minus_triplet=INF),
              neuron("aeif_cond_exp", tau_minus_triplet=INF)], [400.0],
             [sg([0], PRE, delay=1.0), sg([1], POST, weight=6000.0, delay=1.0),
              sg([2], POST, weight=1500.0, delay=1.0)],
             connections=[plastic(0, t, "stdp_triplet_synapse", w, 1.5, Aplus=0.5,
                                  Aminus=0.01, Aplus_triplet=0.3, Aminus_triplet=0.002,
                                  Wmax=100.0)
                          for t, w in ((1, 40.0), (2, 2.0))],
             record_from=["V_m"]))
    # Exactly integrated models with a synaptic, threshold or capacitance time scale at
    # +inf: NEST's propagators evaluated with it (exp(-h/inf) = 1, ...).
    for model, param, i_e, w in (
            (EXP, "tau_syn_ex", 200.0, 40.0), (EXP, "tau_syn_in", 400.0, 20.0),
            ("iaf_psc_exp_htum", "tau_syn_ex", 200.0, 40.0),
            ("iaf_psc_exp_htum", "tau_syn_in", 400.0, 20.0),
            ("mat2_psc_exp", "tau_syn_ex", 100.0, 60.0),
            ("mat2_psc_exp", "tau_syn_in", 400.0, 20.0),
            ("mat2_psc_exp", "tau_1", 500.0, 100.0), ("mat2_psc_exp", "tau_2", 500.0, 100.0),
            ("amat2_psc_exp", "tau_1", 300.0, 100.0), ("amat2_psc_exp", "tau_2", 300.0, 100.0)):
        add(case(f"{model}_{param}_inf",
                 f"{model} with {param} = +inf (I_e {i_e} pA), excitatory and inhibitory "
                 f"spikes of weight +/-{w}",
                 [neuron(model, I_e=i_e, **{param: INF})], [200.0],
                 [sg([0], [5.0, 20.0, 21.0, 60.0, 100.0, 140.0], weight=w),
                  sg([0], [10.0, 40.0, 41.0, 80.0, 120.0, 160.0], weight=-w)]))
    # The NEST-integrated (RKF45) and remaining models with a synaptic time constant,
    # adaptation time constant, error tolerance, escape-rate width or capacitance at
    # +inf: their right-hand sides evaluated with it (-g/inf = 0, e/inf = 0, ...).
    # Weights: nS for conductance models, pA for current models, mV for delta models.
    # gsl_error_tol = +inf accepts every RKF45 step (one per 0.1 ms): NEST 3.10 stops
    # with a numerical instability when such a step meets an aeif spike's upswing, so
    # those cases stay below threshold (aeif_psc_delta's spikes, jumps, do not). The
    # multisynapse model takes only excitatory weights, on its receptor port 1.
    EXC = [5.0, 20.0, 21.0, 60.0, 100.0, 100.1, 100.2, 140.0]
    INH = [10.0, 40.0, 41.0, 80.0, 120.0, 160.0]
    for model, param, i_e, w, extra in (
            ("iaf_cond_exp", "tau_syn_ex", 200.0, 5.0, {}),
            ("iaf_cond_exp", "tau_syn_in", 500.0, 5.0, {}),
            ("iaf_cond_alpha", "tau_syn_ex", 500.0, 20.0, {}),
            ("iaf_cond_alpha", "tau_syn_in", 500.0, 20.0, {}),
            ("aeif_cond_exp", "tau_syn_ex", 200.0, 5.0, {}),
            ("aeif_cond_exp", "tau_syn_in", 700.0, 5.0, {}),
            ("aeif_cond_exp", "tau_w", 600.0, 20.0, {}),
            ("aeif_cond_exp", "gsl_error_tol", 100.0, 5.0, {}),
            ("aeif_cond_alpha", "tau_syn_ex", 600.0, 20.0, {}),
            ("aeif_cond_alpha", "tau_syn_in", 600.0, 20.0, {}),
            ("aeif_cond_alpha", "tau_w", 600.0, 20.0, {}),
            ("aeif_cond_alpha", "gsl_error_tol", 100.0, 5.0, {}),
            ("hh_psc_alpha", "tau_syn_ex", 500.0, 100.0, {}),
            ("hh_psc_alpha", "tau_syn_in", 500.0, 100.0, {}),
            ("aeif_psc_exp", "tau_syn_ex", 200.0, 100.0, {}),
            ("aeif_psc_exp", "tau_syn_in", 700.0, 100.0, {}),
            ("aeif_psc_exp", "tau_w", 600.0, 300.0, {}),
            ("aeif_psc_exp", "gsl_error_tol", 100.0, 100.0, {}),
            ("aeif_psc_alpha", "tau_syn_ex", 600.0, 300.0, {}),
            ("aeif_psc_alpha", "tau_syn_in", 600.0, 300.0, {}),
            ("aeif_psc_alpha", "tau_w", 600.0, 300.0, {}),
            ("aeif_psc_alpha", "gsl_error_tol", 100.0, 100.0, {}),
            ("aeif_psc_delta", "tau_w", 600.0, 5.0, {}),
            ("aeif_psc_delta", "gsl_error_tol", 600.0, 5.0, {}),
            ("aeif_psc_delta", "C_m", 600.0, 40.0, {}),
            ("aeif_cond_beta_multisynapse", "tau_w", 600.0, 20.0, {}),
            ("aeif_cond_beta_multisynapse", "gsl_error_tol", 100.0, 1.0, {}),
            ("hh_cond_exp_traub", "tau_syn_ex", 0.0, 5.0, {}),
            ("hh_cond_exp_traub", "tau_syn_in", 500.0, 5.0, {}),
            ("iaf_psc_delta", "C_m", 500.0, 6.0, {}),
            ("gif_psc_exp", "tau_syn_ex", 60.0, 20.0, GIF_STEEP),
            ("gif_psc_exp", "tau_syn_in", 150.0, 20.0, GIF_STEEP),
            ("gif_psc_exp", "Delta_V", 60.0, 20.0, dict(lambda_0=1e6)),
            ("gif_cond_exp", "tau_syn_ex", 60.0, 2.0, GIF_STEEP),
            ("gif_cond_exp", "tau_syn_in", 150.0, 2.0, GIF_STEEP),
            ("gif_cond_exp", "Delta_V", 60.0, 2.0, dict(lambda_0=1e6)),
            ("pp_psc_delta", "C_m", 100.0, 3.0, PP_STEEP)):
        add(case(f"{model}_{param}_inf",
                 f"{model} with {param} = +inf (I_e {i_e} pA"
                 + "".join(f", {k} {v}" for k, v in extra.items())
                 + f"), "
                 + (f"excitatory spikes of weight {w} on receptor 1" if "multisynapse" in model
                    else f"excitatory and inhibitory spikes of weight +/-{w}"),
                 [neuron(model, I_e=i_e, **extra, **{param: INF})], [200.0],
                 record_from=RECORD.get(model) or RECORDABLES.get(model) or ["V_m", "w"],
                 generators=[sg([0], EXC, weight=w, receptor_type=1)]
                 if "multisynapse" in model
                 else [sg([0], EXC, weight=w), sg([0], INH, weight=-w)]))
    return out


INFINITE_CASES = infinite_cases()
