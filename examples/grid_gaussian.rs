//! A 2D sheet of neurons on a 20 x 20 periodic grid, connected with a gaussian
//! distance-dependent probability inside a circular mask, driven by Poisson noise.
//!
//! `cargo run --release --example grid_gaussian`

use network::prelude::*;

network! {
    /// A periodic sheet of excitatory and inhibitory cells with gaussian connectivity.
    pub struct Sheet;

    resolution = 0.1 ms;

    neuron Exc = iaf_psc_alpha(excitatory) { C_m: 250 pF };
    neuron Inh = iaf_psc_alpha(inhibitory) { C_m: 200 pF };

    population exc = Exc[400] on grid([20, 20], extent: [1, 1] mm, periodic);
    population inh = Inh[100] on grid([10, 10], extent: [1, 1] mm, periodic);

    mask local = circle(radius: 0.3 mm);

    record exc_spikes = spike_recorder <- exc;
    record inh_spikes = spike_recorder <- inh;

    stimulate drive = poisson_generator { rate: 8 kHz } -> exc via static_synapse { weight: 20 pA, delay: 1 ms };
    stimulate drive_inh = poisson_generator { rate: 4 kHz } -> inh via static_synapse { weight: 20 pA, delay: 1 ms };

    connect exc -> exc: pairwise_bernoulli(0.5) in local with p = gaussian(std: 0.1 mm), no autapses,
        via static_synapse { weight: 15 pA, delay: 1.5 ms };
    connect exc -> inh: pairwise_bernoulli(0.5) in local with p = gaussian(std: 0.1 mm),
        via static_synapse { weight: 15 pA, delay: 1.5 ms };
    connect inh -> exc: pairwise_bernoulli(0.8) in local with p = gaussian(std: 0.15 mm),
        via static_synapse { weight: -60 pA, delay: 1 ms };
}

fn main() -> Result<(), Error> {
    let mut net = Sheet::build(Seed(42))?;
    net.simulate(1000.0)?;
    for (name, n, recorder) in [
        ("exc", net.exc.len(), &net.exc_spikes),
        ("inh", net.inh.len(), &net.inh_spikes),
    ] {
        let spikes = net.spikes(recorder).len();
        println!(
            "{name}: {n} neurons, {spikes} spikes, {:.2} Hz",
            spikes as f64 / n as f64
        );
    }
    for p in net.projections() {
        println!("{}: {} synapses", p.name, p.synapses);
    }
    Ok(())
}
