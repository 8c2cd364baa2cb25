//! A protocol with values per neuron, a mask selection and recorders created between
//! runs, through `network!`: the same tokens as network-load/tests/data/protocol_sets.net
//! (which network-load/tests/protocol_sets.rs compares with NEST 3.10), so the generated
//! `run_protocol` must give the loader's values, spikes and samples bit for bit, and
//! the recorders it creates fill their `Option` fields.

use network::prelude::*;

network! {
    pub struct ProtocolSets;

    resolution = 0.1 ms;
    seed = 7;

    neuron Cell = iaf_psc_alpha;

    population sheet = Cell[80] on grid([10, 8], extent: [1.0, 0.8] mm, center: [0.1, -0.05] mm) with { I_e: 300 pA };
    population noisy = Cell[2000];

    stimulate kick = spike_generator { spike_times: [5, 120, 251] ms } -> sheet[1, 33] via static_synapse { weight: 100 pA, delay: 1 ms };
    stimulate listed = spike_generator { spike_times: [50, 105, 110, 110.1, 180, 250.5] ms } -> noisy[5] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate drive = poisson_generator { rate: 800 Hz } -> noisy[6] via static_synapse { weight: 1 pA, delay: 1 ms };
    record spikes = spike_recorder <- sheet;
    connect feed = sheet[26, 35] -> noisy[0, 1]: all_to_all, via static_synapse { weight: 2 pA, delay: 1 ms };
    connect side = sheet[26, 35] -> noisy[2, 3]: all_to_all, via static_synapse { weight: 2 pA, delay: 1 ms };
    record side_weights = weight_recorder { start: 20 ms } <- side;
    population probe = Cell[6] with { I_e: 350 pA };
    stimulate pdc = dc_generator { amplitude: 500 pA, start: 20 ms, stop: 60 ms } -> probe[0];
    stimulate pac = ac_generator { amplitude: 300 pA, offset: 100 pA, frequency: 20 Hz } -> probe[1];
    stimulate pstep = step_current_generator { amplitude_times: [30, 130, 260] ms, amplitude_values: [400, 600, 300] pA } -> probe[2];
    stimulate ppk = pulsepacket_generator { pulse_times: [30, 80] ms, activity: 3, sdev: 0 ms } -> probe[3] via static_synapse { weight: 300 pA, delay: 1 ms };
    stimulate pspk = spike_generator { spike_times: [15, 40, 125, 155, 255, 275] ms } -> probe[4] via static_synapse { weight: 400 pA, delay: 1 ms };
    record probe_spikes = spike_recorder { stop: 200 ms } <- probe;
    record probe_v = multimeter { interval: 1 ms, stop: 50 ms, record_from: [V_m] } <- probe[0..5];
    record probe_fine = multimeter { interval: 0.7 ms, offset: 0.3 ms, start: 5 ms, stop: 100 ms, record_from: [V_m] } <- probe[0..5];
    stimulate pinh = inhomogeneous_poisson_generator { rate_times: [10, 60] ms, rate_values: [2000, 400] Hz } -> noisy[10] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate psin = sinusoidal_poisson_generator { rate: 1000 Hz, amplitude: 500 Hz, frequency: 20 Hz } -> noisy[11] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate pmip = mip_generator { rate: 400 Hz, p_copy: 0.5 } -> noisy[12] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate pgam = gamma_sup_generator { rate: 100 Hz, gamma_shape: 3, n_proc: 5 } -> noisy[13] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate pppd = ppd_sup_generator { rate: 100 Hz, dead_time: 2 ms, n_proc: 5 } -> noisy[14] via static_synapse { weight: 1 pA, delay: 1 ms };
    stimulate psg = sinusoidal_gamma_generator { rate: 500 Hz, amplitude: 100 Hz, frequency: 10 Hz, order: 2 } -> noisy[15] via static_synapse { weight: 1 pA, delay: 1 ms };
    record pinh_spikes = spike_recorder <- pinh;
    record psin_spikes = spike_recorder <- psin;
    record pmip_spikes = spike_recorder <- pmip;
    record pgam_spikes = spike_recorder <- pgam;
    record pppd_spikes = spike_recorder <- pppd;
    record psg_spikes = spike_recorder <- psg;

    protocol {
        simulate 10 ms;
        record early = multimeter { interval: 1 ms, record_from: [V_m] } <- sheet[0];
        simulate 100 ms;
        set sheet {
            V_m: -70 mV + 5 mV * x / 1 mm,
            V_th: -55 mV + 3 mV * cos(y / 0.1 mm),
            I_e: if(x > 0.1 mm, 380 pA + 100 pA * x / 1 mm, 360 pA),
        };
        set sheet within circle(radius: 0.25 mm) at [0.1, -0.05] mm { I_e: 500 pA, tau_m: 10 ms + 5 ms * pow(y / 1 mm, 2) };
        set noisy { V_th: uniform(-55 mV, -50 mV), V_m: normal(mean: -65 mV, std: 2 mV) };
        record middle = multimeter { interval: 0.7 ms, offset: 0.3 ms, record_from: [V_m, I_syn_ex] } <- sheet[1, 33];
        record late = spike_recorder { start: 150 ms } <- sheet within circle(radius: 0.3 mm) at [0.1, -0.05] mm;
        record weights = weight_recorder <- feed;
        set spikes.stop = 200 ms;
        set side_weights.stop = 209 ms;
        record listed_spikes = spike_recorder <- listed;
        record drive_spikes = spike_recorder <- drive;
        set pdc.origin = 100 ms;
        set pac.stop = 200 ms;
        set pstep.amplitude_times = [50, 140, 180] ms;
        set pstep.amplitude_values = [100, 500, 200] pA;
        set ppk.pulse_times = [130, 170] ms;
        set ppk.activity = 5;
        set pspk.start = 130 ms;
        set probe_spikes.start = 125 ms;
        set probe_v.stop = 140 ms;
        set probe_v.start = 115.3 ms;
        set probe_fine.origin = 112.4 ms;
        set pinh.rate_times = [120, 200] ms;
        set pinh.rate_values = [1000, 3000] Hz;
        set psin.rate = 2000 Hz;
        set psin.amplitude = 1000 Hz;
        set psin.frequency = 50 Hz;
        set psin.phase = 90 deg;
        set pmip.rate = 1200 Hz;
        set pmip.p_copy = 0.25;
        set pgam.rate = 300 Hz;
        set pppd.rate = 200 Hz;
        set psg.rate = 1500 Hz;
        simulate 140 ms;
        record last = multimeter { interval: 2.5 ms, record_from: [V_m] } <- sheet[0..4];
        set weights.start = 259 ms;
        set side_weights.origin = 100 ms;
        set drive.rate = 200 Hz;
        set pdc.start = 5 ms;
        set pdc.stop = 170 ms;
        set pac.amplitude = 200 pA;
        set pac.offset = 250 pA;
        set pac.frequency = 35 Hz;
        set pac.phase = 45 deg;
        set pac.stop = 290 ms;
        set pac.origin = 5 ms;
        set pstep.stop = 280 ms;
        set ppk.pulse_times = [265, 285] ms;
        set pspk.origin = 10 ms;
        set probe_spikes.origin = 60 ms;
        set probe_v.origin = 140 ms;
        set probe_fine.stop = 160 ms;
        set probe_fine.start = 140 ms;
        simulate 50 ms;
    }
}

mod parity;
use parity::{load, named, same_spikes_as};

const FILE: &str = "protocol_sets.net";

#[test]
fn the_file_holds_the_macro_invocation_token_for_token() {
    parity::files_hold_the_macro_invocations(
        include_str!("protocol_sets_macro.rs"),
        &[(FILE, "ProtocolSets")],
    );
}

#[test]
fn the_description_the_macro_embedded_is_the_file() {
    parity::same_description(ProtocolSets::description(), FILE);
}

/// A recorder the protocol makes (an `Option` field, filled by `run_protocol`).
fn made<H>(h: Option<H>, name: &str) -> H {
    h.unwrap_or_else(|| panic!("run_protocol made `{name}`"))
}

#[test]
fn run_protocol_matches_the_loader_bit_for_bit() {
    let mut loaded = load(FILE, 7);
    let mut by_macro = ProtocolSets::build(Seed(7)).unwrap();
    assert!(by_macro.early.is_none() && by_macro.late.is_none());
    assert_eq!(ProtocolSets::PROTOCOL_MS, 300.0);
    by_macro.run_protocol().unwrap();
    loaded.run_protocol().unwrap();
    assert_eq!(
        by_macro.provenance().description_sha256,
        loaded.network.provenance().description_sha256
    );
    let l = &mut loaded.network;
    let m = by_macro.network_mut();
    for (p, len) in [(0, 80), (1, 2000)] {
        for name in ["V_m", "V_th", "I_e", "tau_m"] {
            for i in 0..len {
                let (a, b) = (
                    m.neuron_value(p, i, name).unwrap(),
                    l.neuron_value(p, i, name).unwrap(),
                );
                assert_eq!(a.to_bits(), b.to_bits(), "{name} of {p}/{i}: {a} vs {b}");
            }
        }
    }
    let m = by_macro.network();
    // Made by the protocol, on generators: `drive_spikes` is a Poisson train of its own,
    // drawn alike by both.
    same_spikes_as(
        3,
        m,
        &made(by_macro.listed_spikes, "listed_spikes"),
        &loaded,
        "listed_spikes",
    );
    same_spikes_as(
        3,
        m,
        &made(by_macro.drive_spikes, "drive_spikes"),
        &loaded,
        "drive_spikes",
    );
    // Made with the network, on the generators whose parameters the protocol sets.
    for (h, name) in [
        (by_macro.pinh_spikes, "pinh_spikes"),
        (by_macro.psin_spikes, "psin_spikes"),
        (by_macro.pmip_spikes, "pmip_spikes"),
        (by_macro.pgam_spikes, "pgam_spikes"),
        (by_macro.pppd_spikes, "pppd_spikes"),
        (by_macro.psg_spikes, "psg_spikes"),
    ] {
        same_spikes_as(51, m, &h, &loaded, name);
    }
    for (h, name) in [
        (by_macro.spikes, "spikes"),
        (made(by_macro.late, "late"), "late"),
        (by_macro.probe_spikes, "probe_spikes"),
    ] {
        same_spikes_as(41, m, &h, &loaded, name);
    }
    for (h, name) in [
        (made(by_macro.early, "early"), "early"),
        (made(by_macro.middle, "middle"), "middle"),
        (made(by_macro.last, "last"), "last"),
        // Made with the network, their windows set by the protocol.
        (by_macro.probe_v, "probe_v"),
        (by_macro.probe_fine, "probe_fine"),
    ] {
        parity::same_samples_as(m, &h, &loaded, name);
    }
    // `weights` is made by the protocol (an `Option` field), `side_weights` by the build;
    // the protocol sets the windows of both.
    for (h, name) in [
        (made(by_macro.weights, "weights"), "weights"),
        (by_macro.side_weights, "side_weights"),
    ] {
        let lh = named(&loaded.weight_recorders, name);
        let (a, b) = (m.weights_recorded(&h), loaded.network.weights_recorded(lh));
        assert!(!a.is_empty(), "{name}");
        assert_eq!(
            (a.senders(), a.targets(), a.steps(), a.weights()),
            (b.senders(), b.targets(), b.steps(), b.weights()),
            "{name}"
        );
    }
}
