//! Every neuron model, presets, units, and biological metadata.
use network::prelude::*;

network! {
    pub struct Models;
    resolution = 0.1 ms;
    seed = 7;

    /// A fast-spiking interneuron: the inhibitory preset, C_m overridden.
    neuron PV = iaf_psc_alpha(inhibitory) { C_m: 0.2 nF, V_th: -53 mV } where {
        class: inhibitory, dendrite_extent: 200 um, dendrite_diameter: 1.5 um,
        transmitters: [GABA_A, GABA_B], psp_amplitude: -0.5 mV, rise_time: 1 ms,
        firing: { resting: 1..5 Hz, active: 10..30 Hz, max: 50..100 Hz },
    };
    neuron Pyr = iaf_psc_exp(excitatory) { tau_syn_ex: 2 ms, I_e: 0.38 nA }
        where { transmitters: [AMPA, NMDA] };
    neuron Delta = iaf_psc_delta { tau_m: 0.02 s, V_th: -54 mV, V_m: -65 mV };
    neuron Plain = iaf_psc_alpha;

    population pv = PV[20];
    population pyr = Pyr[80];
    population delta = Delta[10];
    population plain = Plain[1];
}

fn main() -> Result<(), network::Error> {
    let mut net = Models::build(Seed(3))?;
    net.simulate(20.0)?;
    assert_eq!(net.pyr.len() + net.pv.len(), 100);
    assert_eq!(Models::RESOLUTION_MS, 0.1);
    assert_eq!(Models::DEFAULT_SEED, Seed(7));
    Ok(())
}
