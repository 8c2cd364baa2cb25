//! Conductance-based and adaptive models: weights in nS (the sign picks excitation or
//! inhibition), their recordables.
use network::prelude::*;

network! {
    pub struct Conductance;
    resolution = 0.1 ms;
    seed = 5;

    neuron Coba = iaf_cond_exp { I_e: 300 pA, g_L: 16.6667 nS, E_in: -80 mV };
    neuron Alpha = iaf_cond_alpha { tau_syn_ex: 0.5 ms };
    neuron AdEx = aeif_cond_exp { I_e: 0.7 nA, a: 4 nS, b: 80.5 pA, gsl_error_tol: 1e-6 };
    neuron AdExAlpha = aeif_cond_alpha { I_e: 700 pA, Delta_T: 0 mV };

    population coba = Coba[20];
    population alpha = Alpha[10];
    population adex = AdEx[10];
    population adex_alpha = AdExAlpha[10];

    connect coba -> alpha: fixed_indegree(5), via static_synapse { weight: 2 nS, delay: 1 ms };
    connect adex -> coba: fixed_indegree(2), via static_synapse { weight: -5 nS, delay: 1 ms };
    stimulate noise = poisson_generator { rate: 5000 Hz } -> alpha
        via static_synapse { weight: 1000 pS, delay: 1 ms };
    record spikes = spike_recorder <- coba;
    record adaptation = multimeter { interval: 1 ms, record_from: [V_m, g_ex, g_in, w] } <- adex[0..2];
}

fn main() -> Result<(), network::Error> {
    let mut net = Conductance::build(Seed(3))?;
    net.simulate(100.0)?;
    assert!(!net.spikes(&net.spikes).is_empty());
    let s = net.samples(&net.adaptation);
    assert!(s.values(Recordable::w).unwrap().iter().any(|&w| w > 0.0));
    Ok(())
}
