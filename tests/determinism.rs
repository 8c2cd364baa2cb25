//! Results depend on the seed alone: the same spikes, bit for bit, with 1, 2 and 4
//! threads, and different spikes for a different seed.

use network::prelude::*;

/// A small Brunel-style network (recurrent fixed_indegree, Poisson drive, random initial
/// V_m) spanning several blocks of neurons, so that threads really split the work.
fn brunel_like(seed: u64, threads: usize) -> Vec<(u32, f64)> {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(seed)).threads(threads);
    let model = Model::nest(IafPscAlpha {
        C_m: 250.0,
        tau_m: 20.0,
        tau_syn_ex: 0.5,
        tau_syn_in: 0.5,
        t_ref: 2.0,
        E_L: 0.0,
        V_reset: 0.0,
        V_th: 20.0,
        V_m: 0.0,
        ..Default::default()
    })
    .unwrap();
    let exc = b.population("exc", &model, Const::<2400>).unwrap();
    let inh = b.population("inh", &model, Const::<600>).unwrap();
    b.initial_v_m(
        &exc.all(),
        Value::Uniform {
            min: 0.0,
            max: 20.0,
        },
    )
    .unwrap();
    b.initial_v_m(
        &inh.all(),
        Value::Uniform {
            min: 0.0,
            max: 20.0,
        },
    )
    .unwrap();
    let j = 20.68;
    let e_syn = StaticSynapse::new(j, 1.5);
    let i_syn = StaticSynapse::new(-5.0 * j, Value::Uniform { min: 1.0, max: 2.0 });
    b.connect(
        "e->e",
        &exc,
        &exc,
        &ConnSpec::new(Rule::FixedIndegree(80)),
        &e_syn,
    )
    .unwrap();
    b.connect(
        "i->e",
        &inh,
        &exc,
        &ConnSpec::new(Rule::FixedIndegree(20)),
        &i_syn,
    )
    .unwrap();
    b.connect(
        "e->i",
        &exc,
        &inh,
        &ConnSpec::new(Rule::PairwiseBernoulli(0.03)),
        &e_syn,
    )
    .unwrap();
    b.connect(
        "i->i",
        &inh,
        &inh,
        &ConnSpec::new(Rule::FixedOutdegree(20)),
        &i_syn,
    )
    .unwrap();
    let drive = PoissonGenerator {
        rate: 15_000.0,
        window: Window::default(),
    };
    b.poisson_generator(
        "drive",
        drive,
        &[exc.all(), inh.all()],
        &StaticSynapse::new(j, 1.5),
    )
    .unwrap();
    let rec = b
        .spike_recorder("all", SpikeRecorder::default(), &[exc.all(), inh.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(150.0).unwrap();
    net.simulate(50.0).unwrap();
    let spikes = net.spikes(&rec).iter().collect();
    spikes
}

#[test]
fn spikes_do_not_depend_on_thread_count() {
    let one = brunel_like(7, 1);
    assert!(
        one.len() > 1000,
        "the network should be active, got {} spikes",
        one.len()
    );
    assert_eq!(one, brunel_like(7, 2), "2 threads differ from 1");
    assert_eq!(one, brunel_like(7, 4), "4 threads differ from 1");
    assert_eq!(one, brunel_like(7, 1), "a second run differs");
    assert_ne!(
        one,
        brunel_like(8, 1),
        "a different seed gives the same spikes"
    );
}
