"""The Brette et al. (2007) COBA and CUBA networks as examples/coba.rs and cuba.rs build
them (their doc comments give the sources): 3200 + 800 neurons, p = 0.02, one-step delays.
Units: mV, ms, pF, nS, pA."""
NE, NI, P, DELAY = 3200, 800, 0.02, 0.1
V0 = (-60.0, -50.0)  # initial V_m uniform on [V_reset, V_th)
T_REF = 5.0
COBA = {"neuron": {"C_m": 200.0, "g_L": 10.0, "E_L": -60.0, "V_reset": -60.0, "V_th": -50.0,
                   "t_ref": T_REF, "E_ex": 0.0, "E_in": -80.0, "tau_syn_ex": 5.0,
                   "tau_syn_in": 10.0, "I_e": 200.0},
        "w_ex": 6.0, "w_in": -67.0}          # nS
CUBA = {"neuron": {"C_m": 200.0, "tau_m": 20.0, "E_L": -49.0, "V_reset": -60.0, "V_th": -50.0,
                   "t_ref": T_REF, "tau_syn_ex": 5.0, "tau_syn_in": 10.0},
        "w_ex": 1.62 * 200.0 / 20.0, "w_in": -9.0 * 200.0 / 20.0}   # pA: Brian2's mV x C_m / tau_m
MODELS = {"coba": ("iaf_cond_exp", COBA), "cuba": ("iaf_psc_exp", CUBA)}


def sizes(scale):
    return round(NE * scale), round(NI * scale)
