"""Initial membrane potentials set per neuron at creation, on every neuron model with a
V_m (issue 17: the models' `set_v_m`, which a V_m given in a model's parameters never
reaches). In the schema of cases.py and replayed by the same test: each model is one
population of two neurons created at once and then given a V_m each
(`pop.set(V_m=[..])`, NEST's per-neuron `SetStatus` before the first `Simulate`; the
engine's `NetworkBuilder::initial` per neuron), one above and one below the model's
default V_m, without input, so each V_m relaxes towards its rest from its own start.
"""

from cases import case, neuron

# Each model with its two initial V_m (mV): the default V_m + 3 and - 9 (izhikevich and
# the hh models: absolute; pp_psc_delta: relative to rest, where 0 is the default and a
# V_m above 0 fires at once in the deterministic limit, so -3 and -9). The stochastic
# models are taken in the deterministic limit of cases_exact.py (firing probability
# exactly 0 below threshold), so no random number decides anything.
GIF_STEEP = dict(lambda_0=1e6, Delta_V=1e-5)
PP_STEEP = dict(c_1=0.0, c_2=1e-300, c_3=1e6)
MODELS = [
    ("iaf_psc_alpha", {}, [-67.0, -79.0]),
    ("iaf_psc_exp", {}, [-67.0, -79.0]),
    ("iaf_psc_delta", {}, [-67.0, -79.0]),
    ("iaf_psc_alpha_multisynapse", {}, [-67.0, -79.0]),
    ("iaf_psc_exp_multisynapse", {}, [-67.0, -79.0]),
    ("izhikevich", {}, [-62.0, -74.0]),
    ("iaf_psc_exp_htum", {}, [-67.0, -79.0]),
    ("mat2_psc_exp", {}, [-67.0, -79.0]),
    ("amat2_psc_exp", {}, [-67.0, -79.0]),
    ("gif_psc_exp", GIF_STEEP, [-67.0, -79.0]),
    ("gif_cond_exp", GIF_STEEP, [-67.0, -79.0]),
    ("pp_psc_delta", PP_STEEP, [-3.0, -9.0]),
    ("iaf_cond_exp", {}, [-67.0, -79.0]),
    ("iaf_cond_alpha", {}, [-67.0, -79.0]),
    ("iaf_cond_beta", {}, [-67.0, -79.0]),
    ("aeif_cond_exp", {}, [-67.6, -79.6]),
    ("aeif_cond_alpha", {}, [-67.6, -79.6]),
    ("aeif_cond_beta_multisynapse", {}, [-67.6, -79.6]),
    ("aeif_psc_exp", {}, [-67.6, -79.6]),
    ("aeif_psc_alpha", {}, [-67.6, -79.6]),
    ("aeif_psc_delta", {}, [-67.6, -79.6]),
    ("hh_psc_alpha", {}, [-62.0, -74.0]),
    ("hh_cond_exp_traub", {}, [-57.0, -69.0]),
]


def initial_cases():
    neurons = []
    for model, params, v_m in MODELS:
        entry = neuron(model, **params)
        entry["n"] = len(v_m)
        entry["initial_V_m"] = list(v_m)
        neurons.append(entry)
    return [case(
        "initial_v_m_every_model",
        "every neuron model with a V_m: a population of two created at once, then V_m set "
        "per neuron (default + 3 and - 9 mV; pp_psc_delta -3 and -9 relative to rest), no "
        "input; gif and pp in the deterministic limit; V_m every 0.5 ms for 20 ms",
        neurons, [20.0], interval=0.5, record_from=["V_m"],
        rec_targets=list(range(sum(n["n"] for n in neurons))))]


INITIAL_CASES = initial_cases()
