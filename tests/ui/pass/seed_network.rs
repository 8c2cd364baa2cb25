//! The reference network, as in examples/seed_network.rs.
use network::prelude::*;

network! {
    /// Layer 2/3 of primary visual cortex, one hemisphere.
    pub struct SeedNetwork;

    resolution = 0.1 ms;
    seed = 42;

    neuron PV = iaf_psc_alpha {
        C_m: 200 pF, V_th: -52 mV, V_reset: -65 mV, tau_m: 10 ms, t_ref: 1 ms,
    } where {
        class: inhibitory, dendrite_extent: 200 um, transmitters: [GABA_A],
        firing: { resting: 1..5 Hz, active: 10..30 Hz, max: 50..100 Hz },
    };
    neuron PyL23 = iaf_psc_alpha {
        V_th: -50 mV, C_m: 200 pF, tau_m: 15 ms, V_reset: -70 mV, t_ref: 2 ms, I_e: 200 pA,
    } where { class: excitatory, transmitters: [AMPA, NMDA], firing: { resting: 2..8 Hz, active: 15..40 Hz } };

    population pvpop  = PV[100]    in box([0, 0, 0] mm, [2, 2, 1] mm);
    population l23pyr = PyL23[800] in box([0, 0, 0] mm, [2, 2, 1] mm)
        where { region: "Primary Visual Cortex", density: 25000 per mm3 };

    mask corner = sphere(center: [0, 0, 0] mm, radius: 0.5 mm);

    record corner_spikes = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr within corner;
    record exc_spikes    = spike_recorder { start: 0 ms, stop: 1000 ms } <- l23pyr;
    record inh_spikes    = spike_recorder <- pvpop;

    stimulate dc    = dc_generator { amplitude: 100 pA, start: 500 ms, stop: 700 ms } -> l23pyr within corner;
    stimulate noise = poisson_generator { rate: 50 Hz, start: 100 ms, stop: 900 ms }
        -> l23pyr via static_synapse { weight: 2.5 pA, delay: 1.5 ms };

    connect pvpop -> l23pyr: fixed_indegree(1) in sphere(radius: 1 mm), no autapses, no multapses,
        via static_synapse { weight: -10 pA, delay: 1 ms };
    connect l23pyr -> pvpop: fixed_indegree(4) in sphere(radius: 0.5 mm), no autapses, no multapses,
        via static_synapse { weight: 4 pA, delay: 1 ms };
}

fn main() -> Result<(), network::Error> {
    let mut net = SeedNetwork::build(SeedNetwork::DEFAULT_SEED)?;
    net.simulate(50.0)?;
    const N: usize = PopulationHandle::<Const<800>>::LEN;
    assert_eq!(net.l23pyr.len(), N);
    let _ = net.spikes(&net.exc_spikes).len();
    assert_eq!(net.network().populations().len(), 2);
    Ok(())
}
