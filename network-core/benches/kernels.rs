//! Kernel benchmarks (divan): neuron update per model, Poisson drive, spike delivery,
//! connection rules and spatial queries. `cargo bench -p network-core`; the project-level
//! comparison with NEST and Brian2 is `bench/compare`.

use divan::Bencher;
use network_core::connect::{connect, ConnSpec, Endpoints, Rule, SameNeurons};
use network_core::models::rate::{
    LinRateIpn, RateNonlinearity, SigmoidRateIpn, TanhRateIpn, ThresholdLinRateIpn,
};
use network_core::models::{NeuronModel, SpikeInput, StepInput};
use network_core::rng::Purpose;
use network_core::spatial::{Layout, Mask, Place, SpatialIndex};
use network_core::*;

fn main() {
    divan::main();
}

const BLOCK: usize = 1024;

/// One step of 1024 neurons, no input (the cost per neuron-step of each model).
fn update_block<M: NeuronModel>(bencher: Bencher, model: M) {
    let propagators = model.propagators(&Resolution::default());
    let mut state = model.init_state(Dyn(BLOCK));
    let mut spikes = vec![0.0; BLOCK * model.spike_channels()];
    let mut current = vec![0.0; BLOCK];
    let mut rng = Seed(1).stream(Purpose::Simulation, 0, 0);
    bencher
        .counter(divan::counter::ItemsCount::new(BLOCK))
        .bench_local(|| {
            let mut blocks = M::blocks(&mut state, BLOCK);
            let input = StepInput {
                spikes: SpikeInput::new(&mut spikes, BLOCK, BLOCK),
                current: &mut current,
                no_current: false,
                rng: &mut rng,
            };
            model.update(&propagators, &mut blocks[0], input, &mut |_| {});
        });
}

#[divan::bench]
fn update_iaf_psc_alpha(bencher: Bencher) {
    update_block(
        bencher,
        IafPscAlpha {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_psc_exp(bencher: Bencher) {
    update_block(
        bencher,
        IafPscExp {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_psc_delta(bencher: Bencher) {
    update_block(
        bencher,
        IafPscDelta {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_izhikevich(bencher: Bencher) {
    // Regular spiking under I_e 10: the forward-Euler step and the spike cut-off.
    update_block(
        bencher,
        Izhikevich {
            I_e: 10.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_psc_exp_htum(bencher: Bencher) {
    update_block(
        bencher,
        IafPscExpHtum {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_mat2_psc_exp(bencher: Bencher) {
    update_block(
        bencher,
        Mat2PscExp {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_amat2_psc_exp(bencher: Bencher) {
    update_block(
        bencher,
        Amat2PscExp {
            I_e: 250.0,
            beta: 0.5,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_gif_psc_exp(bencher: Bencher) {
    // One threshold component and one spike-triggered current; escape noise draws a
    // random number per free neuron and step.
    update_block(
        bencher,
        GifPscExp {
            I_e: 150.0,
            tau_sfa: vec![100.0],
            q_sfa: vec![3.0],
            tau_stc: vec![50.0],
            q_stc: vec![20.0],
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_pp_psc_delta(bencher: Bencher) {
    update_block(
        bencher,
        PpPscDelta {
            I_e: 150.0,
            c_2: 10.0,
            tau_sfa: vec![50.0],
            q_sfa: vec![2.0],
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_psc_alpha_multisynapse_4_ports(bencher: Bencher) {
    update_block(
        bencher,
        IafPscAlphaMultisynapse {
            I_e: 300.0,
            tau_syn: vec![2.0, 100.0, 5.0, 50.0],
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_psc_exp_multisynapse_4_ports(bencher: Bencher) {
    update_block(
        bencher,
        IafPscExpMultisynapse {
            I_e: 300.0,
            tau_syn: vec![2.0, 100.0, 5.0, 50.0],
            ..Default::default()
        },
    );
}

/// GSL's adaptive RKF45 as NEST drives it (firing at about 50 Hz).
#[divan::bench]
fn update_iaf_cond_exp(bencher: Bencher) {
    update_block(
        bencher,
        IafCondExp {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

/// GSL's adaptive RKF45 with the spike check after every integrator step.
#[divan::bench]
fn update_aeif_cond_alpha(bencher: Bencher) {
    update_block(
        bencher,
        AeifCondAlpha {
            I_e: 700.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_cond_alpha(bencher: Bencher) {
    update_block(
        bencher,
        IafCondAlpha {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_iaf_cond_beta(bencher: Bencher) {
    update_block(
        bencher,
        IafCondBeta {
            I_e: 300.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_aeif_cond_exp(bencher: Bencher) {
    update_block(
        bencher,
        AeifCondExp {
            I_e: 700.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_aeif_psc_exp(bencher: Bencher) {
    update_block(
        bencher,
        AeifPscExp {
            I_e: 700.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_aeif_psc_alpha(bencher: Bencher) {
    update_block(
        bencher,
        AeifPscAlpha {
            I_e: 700.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_aeif_psc_delta(bencher: Bencher) {
    update_block(
        bencher,
        AeifPscDelta {
            I_e: 700.0,
            ..Default::default()
        },
    );
}

/// Four beta-shaped conductance ports (two excitatory, two inhibitory), as the four
/// ports of the current-based multisynapse benches.
#[divan::bench]
fn update_aeif_cond_beta_multisynapse_4_ports(bencher: Bencher) {
    update_block(
        bencher,
        AeifCondBetaMultisynapse {
            I_e: 700.0,
            E_rev: vec![0.0, -85.0, 0.0, -85.0],
            tau_rise: vec![0.5, 1.0, 2.0, 5.0],
            tau_decay: vec![2.0, 5.0, 20.0, 50.0],
            ..Default::default()
        },
    );
}

/// Repetitive firing under I_e 650 pA (the four-variable HH system, adaptive RKF45).
#[divan::bench]
fn update_hh_psc_alpha(bencher: Bencher) {
    update_block(
        bencher,
        HhPscAlpha {
            I_e: 650.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_hh_cond_exp_traub(bencher: Bencher) {
    update_block(
        bencher,
        HhCondExpTraub {
            I_e: 500.0,
            ..Default::default()
        },
    );
}

/// The parameters of `update_gif_psc_exp`, with conductance synapses integrated by RKF45.
#[divan::bench]
fn update_gif_cond_exp(bencher: Bencher) {
    update_block(
        bencher,
        GifCondExp {
            I_e: 150.0,
            tau_sfa: vec![100.0],
            q_sfa: vec![3.0],
            tau_stc: vec![50.0],
            q_stc: vec![20.0],
            ..Default::default()
        },
    );
}

/// Rate populations live behind the builder (their update is the engine's, not the
/// `NeuronModel` trait's), so a rate model's cost per neuron-step is 10 ms (100 steps)
/// of one unconnected population of 1024 neurons with NEST's default noise (`sigma` 1:
/// one normal number per neuron and step) and `mu` 1, through `Network::simulate`;
/// the build is outside the timing.
fn rate_block<M: RateNonlinearity + 'static>(bencher: Bencher, params: M) {
    const STEPS: usize = 100;
    bencher
        .with_inputs(|| {
            let mut b = NetworkBuilder::new(Resolution::default(), Seed(6)).threads(1);
            b.rate_population("rates", params.clone(), BLOCK).unwrap();
            b.build().unwrap()
        })
        .counter(divan::counter::ItemsCount::new(BLOCK * STEPS))
        .bench_local_values(|mut net| net.simulate(STEPS as f64 * 0.1).unwrap());
}

/// The same path for a spiking population of 1024 `iaf_psc_alpha` (I_e 300 pA), to set
/// the rate models' figures beside `update_iaf_psc_alpha`'s: what `simulate` adds to a
/// block update.
#[divan::bench]
fn simulate_iaf_psc_alpha_block(bencher: Bencher) {
    const STEPS: usize = 100;
    bencher
        .with_inputs(|| {
            let mut b = NetworkBuilder::new(Resolution::default(), Seed(6)).threads(1);
            let model = Model::nest(IafPscAlpha {
                I_e: 300.0,
                ..Default::default()
            })
            .unwrap();
            b.population("pop", &model, Const::<BLOCK>).unwrap();
            b.build().unwrap()
        })
        .counter(divan::counter::ItemsCount::new(BLOCK * STEPS))
        .bench_local_values(|mut net| net.simulate(STEPS as f64 * 0.1).unwrap());
}

#[divan::bench]
fn update_lin_rate_ipn(bencher: Bencher) {
    rate_block(
        bencher,
        LinRateIpn {
            mu: 1.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_tanh_rate_ipn(bencher: Bencher) {
    rate_block(
        bencher,
        TanhRateIpn {
            mu: 1.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_threshold_lin_rate_ipn(bencher: Bencher) {
    rate_block(
        bencher,
        ThresholdLinRateIpn {
            mu: 1.0,
            ..Default::default()
        },
    );
}

#[divan::bench]
fn update_sigmoid_rate_ipn(bencher: Bencher) {
    rate_block(
        bencher,
        SigmoidRateIpn {
            mu: 1.0,
            ..Default::default()
        },
    );
}

/// 10 ms of 2048 neurons under Brunel's Poisson drive (17.8 kHz per neuron).
#[divan::bench]
fn poisson_drive(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let mut b = NetworkBuilder::new(Resolution::default(), Seed(2)).threads(1);
            let model = Model::nest(IafPscAlpha::default()).unwrap();
            let pop = b.population("pop", &model, Const::<2048>).unwrap();
            let drive = PoissonGenerator {
                rate: 17_789.0,
                window: Window::default(),
            };
            b.poisson_generator(
                "drive",
                drive,
                &[pop.all()],
                &StaticSynapse::new(0.0001, 1.5),
            )
            .unwrap();
            b.build().unwrap()
        })
        .counter(divan::counter::ItemsCount::new(2048usize * 100))
        .bench_local_values(|mut net| net.simulate(10.0).unwrap());
}

/// A recurrent network of 2048 neurons driven to fire by `I_e`, indegree 200, through
/// `synapse` (weight 0.01 pA, so it does not change the activity): 20 ms of it are 881
/// spikes, about 176 k synaptic events (delivery dominates).
fn recurrent(synapse: impl Into<Synapse>) -> Network {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3)).threads(1);
    let model = Model::nest(IafPscAlpha {
        I_e: 400.0,
        ..Default::default()
    })
    .unwrap();
    let pop = b.population("pop", &model, Const::<2048>).unwrap();
    b.initial_v_m(
        &pop.all(),
        Value::Uniform {
            min: -70.0,
            max: -55.0,
        },
    )
    .unwrap();
    let spec = ConnSpec::new(Rule::FixedIndegree(200));
    b.connect("rec", &pop, &pop, &spec, synapse).unwrap();
    b.build().unwrap()
}

/// 20 ms of the recurrent network through `static_synapse`.
#[divan::bench]
fn spike_delivery(bencher: Bencher) {
    bencher
        .with_inputs(|| recurrent(StaticSynapse::new(0.01, 1.5)))
        .bench_local_values(|mut net| net.simulate(20.0).unwrap());
}

/// The same network with `stdp_synapse` (weight 0.01 pA, Wmax 100 pA): the cost of
/// plastic delivery, the post-spike archive and the weight updates.
#[divan::bench]
fn stdp_delivery(bencher: Bencher) {
    bencher
        .with_inputs(|| recurrent(StdpSynapse::new(0.01, 1.5)))
        .bench_local_values(|mut net| net.simulate(20.0).unwrap());
}

/// The same network with `stdp_pl_synapse_hom` (NEST's hpc_benchmark synapse, its
/// defaults): power-law potentiation, one `powf` per facilitation.
#[divan::bench]
fn stdp_pl_delivery(bencher: Bencher) {
    bencher
        .with_inputs(|| recurrent(StdpPlSynapseHom::new(0.01, 1.5)))
        .bench_local_values(|mut net| net.simulate(20.0).unwrap());
}

#[divan::bench(args = [Rule::FixedIndegree(100), Rule::FixedOutdegree(100), Rule::PairwiseBernoulli(0.1)])]
fn connect_rule(rule: Rule) -> usize {
    let ends = Endpoints {
        n_sources: 2000,
        n_targets: 2000,
        same: SameNeurons::Identity,
        source_space: None,
        target_space: None,
    };
    connect("bench", &ConnSpec::new(rule), &ends, Seed(4), 0)
        .unwrap()
        .sources
        .len()
}

/// One mask query per target among 20 k neurons in a cube with ~850 candidates each.
#[divan::bench]
fn spatial_query(bencher: Bencher) {
    let side = 2.0_f64.cbrt();
    let layout = Layout::FreeUniform {
        lower_left: vec![0.0; 3],
        upper_right: vec![side; 3],
        edge_wrap: false,
    };
    let space = layout.place("bench", 20_000, Seed(5), 0).unwrap();
    let mask = Mask::sphere(0.2879);
    let index = SpatialIndex::for_mask(&space, &mask);
    let mut out = Vec::new();
    let mut k = 0;
    bencher.bench_local(|| {
        out.clear();
        k = (k + 7919) % space.len();
        index.query(&space.positions()[k], &mask, &mut out);
        out.len()
    });
}
