//! The synapse models of issue 12 in the language: stdp_pl_synapse_hom and
//! stdp_synapse_hom (common parameters written on the connection, shared by the
//! projection), static_synapse_hom_w, bernoulli_synapse, quantal_stp_synapse, and
//! plastic synapses onto receptor ports.
use network::prelude::*;

network! {
    pub struct Synapses;
    neuron Parrot = parrot_neuron;
    neuron Cell = iaf_psc_alpha { I_e: 300 pA, tau_minus: 30 ms };
    neuron Pyr = iaf_psc_exp_multisynapse { tau_syn: [2, 40] ms, I_e: 300 pA, tau_minus: 25 ms };
    population pre = Parrot[20];
    population cells = Cell[5];
    population pyr = Pyr[5];
    synapse hpc = stdp_pl_synapse_hom { lambda: 0.05, mu: 0.4 };

    stimulate drive = poisson_generator { rate: 20 Hz } -> pre via static_synapse { weight: 1 pA, delay: 1 ms };
    connect power = pre -> cells: all_to_all, via hpc { weight: 40 pA, alpha: 1.1 };
    connect hom = pre -> cells: fixed_indegree(4), via stdp_synapse_hom { weight: 20 pA, Wmax: 80 pA };
    connect common = pre -> cells: fixed_indegree(4), via static_synapse_hom_w { weight: 10 pA };
    connect coin = pre -> cells: fixed_indegree(4), via bernoulli_synapse { weight: 50 pA, p_transmit: 0.5 };
    connect sites = pre -> cells: fixed_indegree(4),
        via quantal_stp_synapse { weight: 20 pA, n: 3, a: 3, U: 0.4, u: 0.4 };
    connect port = pre -> pyr: fixed_indegree(4), via stdp_synapse { weight: 30 pA, receptor: 2 };
}

fn main() -> Result<(), network::Error> {
    let mut net = Synapses::build(Seed(3))?;
    net.simulate(500.0)?;
    let w = net.weights(&net.power);
    assert_eq!(w.len(), 100);
    assert!(w.iter().all(|&(_, _, x)| x >= 0.0));
    assert!(w.iter().any(|&(_, _, x)| x != 40.0), "the weights learn");
    assert!(net.weights(&net.common).iter().all(|&(_, _, x)| x == 10.0));
    assert!(net.weights(&net.port).iter().any(|&(_, _, x)| x != 30.0));
    Ok(())
}
