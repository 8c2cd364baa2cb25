//! Rate neurons written with `network!`: the description of `examples/rate_network.net`
//! (three populations of NEST's `rate_neuron_ipn` family coupled by instantaneous rate
//! connections under waveform relaxation, and one delayed connection), which reproduces
//! NEST 3.10's conformance case `rate_instantaneous_loose` bit for bit
//! (`tests/rate_language.rs` checks both).
//!
//! `cargo run --release --example rate_network`

use network::prelude::*;

network! {
    /// Rate neurons (lin, tanh, sigmoid) coupled instantaneously and with a delay.
    pub struct RateNetwork;

    resolution = 0.1 ms;
    wfr_comm_interval = 0.5 ms;
    wfr_tol = 0.05;
    wfr_max_iterations = 3;

    /// Linear rate neurons driven by a constant mean input.
    neuron Lin = lin_rate_ipn { tau: 4 ms, mu: 1, rate: 0.2, sigma: 0 };
    neuron Tanh = tanh_rate_ipn { tau: 6 ms, g: 1.5, mu: 0.3, sigma: 0 };
    /// The sigmoid applied to each input rate (linear_summation off).
    neuron Sigmoid = sigmoid_rate_ipn { tau: 3 ms, beta: 2, linear_summation: false, sigma: 0 };

    population lin = Lin[3];
    population tanh = Tanh[2];
    population sigmoid = Sigmoid[2];

    connect lin -> tanh: all_to_all via rate_connection_instantaneous { weight: 0.7 };
    connect tanh -> sigmoid: all_to_all via rate_connection_instantaneous { weight: -0.9 };
    connect sigmoid -> lin: pairs([[0, 0], [1, 2]]) via rate_connection_instantaneous { weight: 0.4 };
    connect lin -> lin: pairs([[0, 1], [2, 1]]) via rate_connection_instantaneous { weight: -0.3 };
    connect tanh -> lin: all_to_all via rate_connection_delayed { weight: 0.5, delay: 2 ms };

    record lin_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- lin;
    record tanh_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- tanh;
    record sigmoid_rates = multimeter { record_from: [rate, noise], interval: 0.1 ms } <- sigmoid;
}

fn main() -> Result<(), network::Error> {
    let mut net = RateNetwork::build(RateNetwork::DEFAULT_SEED)?;
    net.simulate(40.0)?;
    for (name, m, n) in [
        ("lin", &net.lin_rates, net.lin.len()),
        ("tanh", &net.tanh_rates, net.tanh.len()),
        ("sigmoid", &net.sigmoid_rates, net.sigmoid.len()),
    ] {
        let rates = net
            .rate_samples(m)
            .values(Recordable::rate)
            .unwrap_or_default();
        println!("{name}: rates at 40 ms {:?}", &rates[rates.len() - n..]);
    }
    let (iterations, unconverged) = net.rate_iterations();
    println!("waveform relaxation: {iterations} iterations; {unconverged} intervals stopped at wfr_max_iterations");
    Ok(())
}
