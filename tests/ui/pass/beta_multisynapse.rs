//! aeif_cond_beta_multisynapse: ports from E_rev, tau_rise and tau_decay, named by
//! number, recorded as g_1, g_2.
use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = aeif_cond_beta_multisynapse {
        E_rev: [0, -80] mV, tau_rise: [0.2, 0.5] ms, tau_decay: [2, 8] ms, I_e: 800 pA,
    };
    population cells = Cell[20];
    connect cells -> cells: fixed_indegree(4),
        via static_synapse { weight: 5 nS, delay: 1 ms, receptor: 1 };
    connect cells -> cells: fixed_indegree(2),
        via static_synapse { weight: 10 nS, delay: 1 ms, receptor: 2 };
    record spikes = spike_recorder <- cells;
    record g = multimeter { record_from: [V_m, g_1, g_2], interval: 1 ms } <- cells;
}

fn main() -> Result<(), network::Error> {
    let mut net = Net::build(Seed(3))?;
    net.simulate(100.0)?;
    assert!(!net.spikes(&net.spikes).is_empty(), "I_e 800 pA is above rheobase");
    let samples = net.samples(&net.g);
    let g_inh = samples.values(Recordable::g_port(2)).unwrap();
    assert!(g_inh.iter().any(|&g| g > 0.0), "the inhibitory port opens");
    Ok(())
}
