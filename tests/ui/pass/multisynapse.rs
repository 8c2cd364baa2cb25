//! Multisynapse neurons: receptor ports named by number or by transmitter, tau_syn from
//! a list, from declared rise times, or from the literature table.
use network::prelude::*;

network! {
    pub struct Receptors;
    neuron Pyr = iaf_psc_exp_multisynapse { tau_syn: [2, 100, 5, 50] ms, I_e: 500 pA }
        where { class: excitatory, transmitters: [AMPA, NMDA, GABA_A, GABA_B] };
    neuron Timed = iaf_psc_alpha_multisynapse { I_e: 200 pA }
        where { transmitters: { AMPA: 1.5 ms, NMDA: 80 ms } };
    neuron Literature = iaf_psc_alpha_multisynapse where { transmitters: [GABA_A, AMPA] };
    neuron Numbered = iaf_psc_exp_multisynapse { tau_syn: [3, 30] ms };
    neuron Interneuron = iaf_psc_alpha(inhibitory) { I_e: 400 pA };

    population pyr = Pyr[20];
    population timed = Timed[5];
    population lit = Literature[5];
    population numbered = Numbered[5];
    population pv = Interneuron[10];

    stimulate drive = spike_generator { spike_times: [5, 10, 15] ms }
        -> timed via static_synapse { weight: 300 pA, delay: 1 ms, receptor: NMDA };
    stimulate kick = poisson_generator { rate: 500 Hz }
        -> numbered via static_synapse { weight: 50 pA, receptor: 2 };
    stimulate dc = dc_generator { amplitude: 100 pA } -> lit;

    connect pyr -> pyr: fixed_indegree(2), via static_synapse { weight: 30 pA, delay: 1.5 ms, receptor: AMPA };
    connect nmda = pyr -> pyr: fixed_indegree(2), via static_synapse { weight: 10 pA, receptor: NMDA };
    connect pv -> pyr: fixed_indegree(3), via static_synapse { weight: -40 pA, receptor: GABA_A };
    connect slow = pv -> pyr: fixed_indegree(1), via static_synapse { weight: -10 pA, receptor: 4 };
    connect pyr -> lit: all_to_all, via static_synapse { weight: 5 pA, receptor: AMPA };

    record currents = multimeter { interval: 0.1 ms, record_from: [V_m, I_syn, I_syn_1, I_syn_2] } <- timed;
    record spikes = spike_recorder <- pyr;
}

fn main() -> Result<(), network::Error> {
    let mut net = Receptors::build(Seed(3))?;
    net.simulate(50.0)?;
    let samples = net.samples(&net.currents);
    let nmda = samples.values(Recordable::I_syn_port(2)).unwrap();
    let ampa = samples.values(Recordable::I_syn_port(1)).unwrap();
    assert!(nmda.iter().any(|&i| i > 100.0), "the spikes arrive on port 2 (NMDA)");
    assert!(ampa.iter().all(|&i| i == 0.0), "nothing arrives on port 1 (AMPA)");
    assert!(!net.spikes(&net.spikes).is_empty());
    Ok(())
}
