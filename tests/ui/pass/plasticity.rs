//! Plastic synapses: stdp_synapse, tsodyks_synapse and tsodyks2_synapse, inline and as
//! named variants, parrots as their sources, and the final weights read back.
use network::prelude::*;

network! {
    pub struct Plastic;
    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 300 pA, tau_minus: 30 ms };
    neuron Fast = iaf_psc_exp { tau_syn_ex: 3 ms, tau_syn_in: 3 ms };
    population pre = Parrot[20];
    population cells = Cell[5];
    population fast = Fast[5];
    synapse learning = stdp_synapse { weight: 20 pA, delay: 1.5 ms, tau_plus: 16.8 ms, Wmax: 0.1 nA };
    synapse depressing = tsodyks2_synapse { U: 0.6, tau_rec: 150 ms };

    stimulate drive = poisson_generator { rate: 20 Hz } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };
    connect learn = pre -> cells: all_to_all, via learning { lambda: 0.05, mu_plus: 0.4 };
    connect plain = pre -> cells: fixed_indegree(4),
        via stdp_synapse { weight: uniform(10 pA, 30 pA), alpha: 1.2, Wmax: 50 pA };
    connect short = pre -> fast: fixed_indegree(4),
        via tsodyks_synapse { weight: 100 pA, U: 0.2, tau_fac: 100 ms, tau_rec: 50 ms, tau_psc: 3 ms };
    connect short2 = pre -> cells: fixed_indegree(2), via depressing { weight: 50 pA };
}

fn main() -> Result<(), network::Error> {
    let mut net = Plastic::build(Seed(3))?;
    net.simulate(500.0)?;
    let w = net.weights(&net.learn);
    assert_eq!(w.len(), 100);
    assert!(w.iter().all(|&(_, _, x)| (0.0..=100.0).contains(&x)));
    assert!(w.iter().any(|&(_, _, x)| x != 20.0), "the weights learn");
    assert!(net.weights(&net.short).iter().all(|&(_, _, x)| x == 100.0));
    Ok(())
}
