//! Every recorder and stimulator, with ranges, masks and synapses.
use network::prelude::*;

network! {
    pub struct Devices;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    neuron Delta = iaf_psc_delta;
    population cells = Cell[20] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population deltas = Delta[5];
    mask middle = sphere(center: [0.5, 0.5, 0.5] mm, radius: 2 mm);
    synapse strong = static_synapse { weight: 50 pA, delay: 1.5 ms };

    record all = spike_recorder <- cells;
    record some = spike_recorder { start: 1 ms, stop: 0.5 s, to: memory } <- cells[0..5];
    record near = spike_recorder <- cells within middle;
    record near_at = spike_recorder <- cells within sphere(radius: 2 mm) at [0, 0, 0] mm;
    record v = voltmeter { interval: 0.5 ms } <- cells[0..2];
    record both = spike_recorder <- cells, deltas[0..2];
    record vs = voltmeter <- cells[0..2], deltas;
    record m = multimeter { interval: 1 ms, offset: 0 ms, record_from: [V_m, I_syn_ex, I_syn_in], start: 0 ms, stop: 100 ms } <- cells;

    stimulate dc = dc_generator { amplitude: 0.5 nA, start: 1 ms, stop: 10 ms } -> cells[0..10];
    stimulate poisson = poisson_generator { rate: 2 kHz } -> cells via strong;
    stimulate poisson_delta = poisson_generator { rate: 100 Hz } -> deltas via static_synapse { weight: 0.2 mV, delay: 1 ms };
    stimulate times = spike_generator { spike_times: [1, 2.5, 4] ms, spike_weights: [1, 2, 1], spike_multiplicities: [1, 3, 0] } -> cells within middle via strong { weight: 100 pA };
    stimulate steps = step_current_generator { amplitude_times: [2, 5.05, 8] ms, amplitude_values: [300, -100, 0] pA, allow_offgrid_times: true, stop: 15 ms } -> cells, deltas;
    stimulate sine = ac_generator { amplitude: 0.2 nA, offset: 50 pA, frequency: 20 Hz, phase: 45 deg } -> cells[0..4];
    stimulate exact = spike_generator { spike_times: [2.9999, 3.33] ms, precise_times: true } -> deltas via static_synapse { weight: 0.5 mV, delay: 1 ms };
    stimulate now = spike_generator { spike_times: [0, 2.9999] ms, shift_now_spikes: true } -> deltas via static_synapse { weight: 0.5 mV, delay: 1 ms };
    stimulate ramp = inhomogeneous_poisson_generator { rate_times: [5, 10] ms, rate_values: [100, 0] Hz } -> cells via strong;
    stimulate wave = sinusoidal_poisson_generator { rate: 20 Hz, amplitude: 10 Hz, frequency: 4 Hz, phase: 0 deg, individual_spike_trains: false } -> cells via strong;
    stimulate copies = mip_generator { rate: 50 Hz, p_copy: 0.5 } -> deltas via static_synapse { weight: 0.5 mV, delay: 1 ms };
    stimulate packets = pulsepacket_generator { pulse_times: [5, 2] ms, activity: 3, sdev: 0.5 ms } -> deltas via static_synapse { weight: 0.5 mV, delay: 1 ms };
    stimulate sup = gamma_sup_generator { rate: 20 Hz, gamma_shape: 2, n_proc: 3, stop: 15 ms } -> cells via strong;
    stimulate dead = ppd_sup_generator { rate: 20 Hz, dead_time: 2 ms, n_proc: 2, frequency: 5 Hz, relative_amplitude: 0.5 } -> cells via strong;
    stimulate gamma_wave = sinusoidal_gamma_generator { rate: 20 Hz, amplitude: 5 Hz, frequency: 3 Hz, phase: 10 deg, order: 2.5, individual_spike_trains: false } -> deltas via static_synapse { weight: 0.5 mV, delay: 1 ms };
    stimulate noise = noise_generator { mean: 10 pA, std: 50 pA, dt: 1 ms, std_mod: 10 pA, frequency: 10 Hz, phase: 90 deg } -> cells;
    record generated = spike_recorder { start: 2 ms } <- times, poisson, cells[0..2];
}

fn main() -> Result<(), network::Error> {
    let mut net = Devices::build(Seed(5))?;
    net.simulate(20.0)?;
    let _ = net.samples(&net.m).len();
    let _ = net.spikes(&net.all).len();
    assert!(net.spikes(&net.both).len() >= net.spikes(&net.all).len());
    // The spike list's times after the window's start (2.5 and 4 ms) with their
    // multiplicities (3 and 0: NEST 3.10 records a spike of multiplicity 3 three times
    // and does not send one of 0), and a 2 kHz Poisson train of the recorder's own.
    let generated = net.spikes(&net.generated);
    let listed: Vec<f64> = generated
        .iter()
        .filter(|e| e.0 == net.generator_node_id(&net.times))
        .map(|e| e.1)
        .collect();
    assert_eq!(listed, [2.5, 2.5, 2.5]);
    let drawn = generated
        .iter()
        .filter(|e| e.0 == net.generator_node_id(&net.poisson))
        .count();
    assert!((10..=70).contains(&drawn), "{drawn}");
    Ok(())
}
