//! Raster and trace plots saved as SVG and PNG: labels with units, provenance, and
//! errors that name the recorder and the path.

use network_core::*;
use network_plot::Plots;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("network-plot-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Two DC-driven populations (different drives, so different rates), one recorder on
/// both, a voltmeter on three neurons.
fn network() -> (Network, SpikeRecorderHandle, MultimeterHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let fast = Model::variant(
        "fast",
        IafPscAlpha {
            I_e: 600.0,
            ..Default::default()
        },
    )
    .unwrap();
    let slow = Model::variant(
        "slow",
        IafPscAlpha {
            I_e: 400.0,
            ..Default::default()
        },
    )
    .unwrap();
    let exc = b.population("exc", &fast, Const::<20>).unwrap();
    let inh = b.population("inh", &slow, Const::<10>).unwrap();
    let rec = b
        .spike_recorder(
            "spikes",
            SpikeRecorder::default(),
            &[exc.all(), inh.range(0..5)],
        )
        .unwrap();
    let vm = b
        .multimeter(
            "vm",
            Multimeter::voltmeter(0.5),
            &[exc.range(0..2), inh.range(0..1)],
        )
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(200.0).unwrap();
    (net, rec, vm)
}

#[test]
fn raster_svg_has_axes_with_units_populations_and_provenance() {
    let (net, rec, _) = network();
    let svg = net.raster(&rec).svg().unwrap();
    for text in [
        "time (ms)",
        "rate (Hz), 2 ms bins",
        "neuron (index in its population)",
        "exc (20 neurons)",
        "inh (5 neurons)",
        "<desc>software: network ",
        "description_sha256: ",
    ] {
        assert!(svg.contains(text), "missing {text:?}");
    }
    let spikes = net.spikes(&rec).len();
    assert!(svg.contains(&format!("spikes: {spikes} spikes of 25 neurons")));
    // One dot per spike.
    assert_eq!(
        svg.matches("<circle").count(),
        spikes + 2,
        "plus two legend marks"
    );
}

#[test]
fn png_files_decode_with_their_size_and_provenance() {
    let dir = scratch("png");
    let (net, rec, vm) = network();
    let raster = dir.join("raster.png");
    net.raster(&rec).size(800, 600).save(&raster).unwrap();
    let trace = dir.join("vm.PNG");
    net.trace(&vm).save(&trace).unwrap();
    for (path, size) in [(&raster, (800, 600)), (&trace, (1000, 500))] {
        let decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), size);
        let texts: Vec<(String, String)> = info
            .uncompressed_latin1_text
            .iter()
            .map(|t| (t.keyword.clone(), t.text.clone()))
            .collect();
        assert!(texts.contains(&("seed".into(), "1".into())), "{texts:?}");
        assert!(
            texts.contains(&("resolution_ms".into(), "0.1".into())),
            "{texts:?}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn trace_svg_labels_the_variable_with_its_unit_and_each_neuron() {
    let (net, _, vm) = network();
    let svg = net.trace(&vm).svg().unwrap();
    for text in [
        "V_m (mV)",
        "time (ms)",
        "exc[0] (id 1)",
        "exc[1] (id 2)",
        "inh[0] (id 21)",
        "vm: V_m of 3 neurons",
    ] {
        assert!(svg.contains(text), "missing {text:?}");
    }
    let two = net.trace(&vm).max_traces(2).svg().unwrap();
    assert!(two.contains("V_m of 2 of 3 neurons") && !two.contains("inh[0]"));
}

#[test]
fn bad_paths_are_errors_naming_the_recorder_and_the_path() {
    let (net, rec, _) = network();
    let dir = scratch("errors");
    let e = net
        .raster(&rec)
        .save(dir.join("raster.jpg"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("spikes") && e.contains("raster.jpg") && e.contains(".svg or .png"),
        "{e}"
    );
    let missing = dir.join("no/such/dir/raster.svg");
    let e = net.raster(&rec).save(&missing).unwrap_err();
    assert!(
        matches!(&e, Error::Io { entity, path, .. } if entity == "spikes" && path == &missing.display().to_string()),
        "{e}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_raster_covers_its_recorders_window_and_a_big_one_stays_small() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(3));
    let driven = Model::variant(
        "driven",
        IafPscAlpha {
            I_e: 500.0,
            ..Default::default()
        },
    )
    .unwrap();
    let e = b.population("e", &driven, Dyn(4000)).unwrap();
    let i = b.population("i", &driven, Dyn(1000)).unwrap();
    let mut window = SpikeRecorder::default();
    window.window.start = 50.0;
    window.window.stop = 150.0;
    let rec_e = b
        .spike_recorder("e_spikes", window.clone(), &[e.all()])
        .unwrap();
    let rec_i = b.spike_recorder("i_spikes", window, &[i.all()]).unwrap();
    let mut net = b.build().unwrap();
    net.simulate(200.0).unwrap();
    let figure = net.rasters(&[rec_e, rec_i]);
    // The window, not the run (0 to 200 ms).
    assert_eq!(figure.time_axis(), (50.0, 150.0));
    let svg = figure.svg().unwrap();
    assert!(
        svg.contains("500 of 5,000 neurons shown")
            && svg.contains("e (400 of 4,000 neurons)")
            && svg.contains("i (100 of 1,000 neurons)"),
        "the title and legend say what is shown"
    );
    let spikes = net.spikes(&rec_e).len() + net.spikes(&rec_i).len();
    assert!(spikes > 20_000, "{spikes}");
    assert!(svg.len() < 2_000_000, "{} bytes", svg.len());
    assert!(figure.png().unwrap().len() < 1_000_000);
}

/// The rectangles a targets plot of `projection`'s neuron 12 draws with `mask`.
fn mask_cells(net: &Network, projection: &ProjectionHandle, mask: Option<Mask>) -> usize {
    let figure = net.targets(projection, 12);
    let figure = match mask {
        Some(m) => figure.mask(m),
        None => figure,
    };
    figure.svg().unwrap().matches("<rect").count()
}

use network_core::spatial::Mask;

#[test]
fn a_grid_mask_is_drawn_as_the_cells_it_connects() {
    use network_core::connect::{ConnSpec, Rule};
    use network_core::spatial::Layout;
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(2));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let grid = Layout::Grid {
        shape: vec![5, 5],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: false,
    };
    let a = b.spatial_population("a", &m, Dyn(25), &grid).unwrap();
    // 3 x 3 cells around the node (anchor [1, 1]): the node and its 8 neighbours.
    let mask = Mask::grid([3, 3]).with_anchor([1.0, 1.0, 0.0]);
    let spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0)).with_mask(mask.clone());
    let ab = b
        .connect("a->a", &a, &a, &spec, StaticSynapse::default())
        .unwrap();
    let net = b.build().unwrap();
    assert_eq!(net.weights(&ab).iter().filter(|w| w.0 == 12).count(), 9);
    // NEST's rectangle: 3 cells of 0.2 mm centred on the node, -0.3..0.3 mm each way,
    // i.e. 48 x 48 of the plot's 80 x 80 cells of 0.0125 mm (no cell centre on its
    // edge), each drawn as one rectangle on top of the plot's own.
    let without = mask_cells(&net, &ab, None);
    assert_eq!(mask_cells(&net, &ab, Some(mask.clone())) - without, 48 * 48);
    // Anchored at the node's own cell ([0, 0]): the 3 x 3 cells to the right and below.
    let corner = Mask::grid([3, 3]);
    assert_eq!(mask_cells(&net, &ab, Some(corner)) - without, 48 * 48);
    let svg = net.targets(&ab, 12).mask(mask.clone()).svg().unwrap();
    assert!(svg.contains("mask (outline)") && svg.contains("(9 targets)"));
    let dir = scratch("grid-mask");
    net.targets(&ab, 12)
        .mask(mask)
        .save(dir.join("grid_mask.png"))
        .unwrap();
    if let Ok(keep) = std::env::var("NETWORK_PLOT_KEEP") {
        std::fs::copy(dir.join("grid_mask.png"), keep).unwrap();
    }
}

#[test]
fn a_grid_mask_on_free_positions_is_an_error_naming_the_plot() {
    use network_core::spatial::Layout;
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(2));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let free = Layout::FreeUniform {
        lower_left: vec![0.0, 0.0],
        upper_right: vec![1.0, 1.0],
        edge_wrap: false,
    };
    let a = b.spatial_population("a", &m, Dyn(20), &free).unwrap();
    let spec = network_core::connect::ConnSpec::new(network_core::connect::Rule::AllToAll);
    let ab = b
        .connect("a->a", &a, &a, &spec, StaticSynapse::default())
        .unwrap();
    let net = b.build().unwrap();
    let e = net
        .targets(&ab, 3)
        .mask(Mask::grid([2, 2]))
        .svg()
        .unwrap_err();
    assert!(e.contains("targets of a[3]") && e.contains("grid"), "{e}");
}

#[test]
fn an_open_window_ends_at_the_simulated_time() {
    let (net, rec, _) = network();
    assert_eq!(net.raster(&rec).time_axis(), (0.0, 200.0));
}

#[test]
fn spatial_plots_show_positions_targets_sources_and_the_mask() {
    use network_core::connect::{ConnSpec, Rule};
    use network_core::spatial::{Kernel, Layout, Mask};
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(2));
    let m = Model::nest(IafPscAlpha::default()).unwrap();
    let grid = Layout::Grid {
        shape: vec![5, 5],
        extent: Some(vec![1.0, 1.0]),
        center: None,
        edge_wrap: false,
    };
    let a = b.spatial_population("a", &m, Dyn(25), &grid).unwrap();
    let cube = Layout::FreeUniform {
        lower_left: vec![0.0, 0.0, 0.0],
        upper_right: vec![1.0, 1.0, 1.0],
        edge_wrap: false,
    };
    b.spatial_population("c", &m, Dyn(10), &cube).unwrap();
    let mut spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0));
    spec.mask = Some(Mask::circle(0.3));
    let ab = b
        .connect("a->a", &a, &a, &spec, StaticSynapse::default())
        .unwrap();
    let net = b.build().unwrap();
    // The centre of the 5 x 5 grid (0.2 mm apart): its 4 neighbours lie within 0.3 mm
    // (the diagonals, 0.28 mm, too), itself included: 9 targets.
    let expected = net.weights(&ab).iter().filter(|w| w.0 == 12).count();
    assert_eq!(expected, 9);
    let targets = net
        .targets(&ab, 12)
        .mask(Mask::circle(0.3))
        .kernel(Kernel::Constant { p: 1.0 })
        .svg()
        .unwrap();
    assert!(targets.contains("targets of a[12]") && targets.contains("(9 targets)"));
    assert!(targets.contains("x (mm)") && targets.contains("y (mm)"));
    assert!(targets.matches("<rect").count() > 50, "the mask's cells");
    let sources = net.sources(&ab, 0).svg().unwrap();
    assert!(sources.contains("sources of a[0]"));
    let flat = net.positions(0).svg().unwrap();
    assert!(flat.contains("a: positions (25 neurons, mm)") && !flat.contains("z (mm)"));
    let cloud = net.positions(1).svg().unwrap();
    for axis in ["x (mm)", "y (mm)", "z (mm)"] {
        assert!(cloud.contains(axis), "3D as three projections: {axis}");
    }
}

#[test]
fn a_trace_covers_its_multimeters_window() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(4));
    let lif = Model::nest(IafPscAlpha {
        I_e: 400.0,
        ..Default::default()
    })
    .unwrap();
    let pop = b.population("p", &lif, Const::<3>).unwrap();
    let mut late = Multimeter::voltmeter(0.5);
    late.window.start = 60.0;
    late.window.stop = 120.0;
    let late = b.multimeter("late", late, &[pop.all()]).unwrap();
    let open = b
        .multimeter("open", Multimeter::voltmeter(0.5), &[pop.all()])
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(200.0).unwrap();
    // The window, not the run: samples exist only in (60, 120] ms.
    assert_eq!(net.trace(&late).time_axis(), (60.0, 120.0));
    assert_eq!(net.trace(&open).time_axis(), (0.0, 200.0));
    let times = net.samples(&late).times();
    assert!(times.iter().all(|&t| t > 60.0 && t <= 120.0) && !times.is_empty());
}

/// Three `lin_rate_ipn` neurons after two spiking ones (node ids 3 to 5), driven by
/// `mu` alone, sampled from 10 ms on.
fn rate_network() -> (Network, RateMultimeterHandle) {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(1));
    let cell = Model::nest(IafPscAlpha::default()).unwrap();
    b.population("spiking", &cell, Const::<2>).unwrap();
    let params = network_core::models::rate::LinRateIpn {
        mu: 1.0,
        ..Default::default()
    };
    let rates = b.rate_population("rates", params, 3).unwrap();
    let m = Multimeter {
        window: Window::new(10.0, f64::INFINITY),
        ..Multimeter::new(0.5, &[Recordable::rate, Recordable::noise])
    };
    let meter = b.rate_multimeter("rm", &rates, None, m).unwrap();
    let mut net = b.build().unwrap();
    net.simulate(60.0).unwrap();
    (net, meter)
}

#[test]
fn a_rate_trace_draws_the_rates_of_each_rate_neuron_over_its_window() {
    let (net, meter) = rate_network();
    let svg = net.rate_trace(&meter).svg().unwrap();
    for text in [
        "rm: rate of 3 neurons",
        "rates[0] (id 3)",
        "rates[2] (id 5)",
        "time (ms)",
    ] {
        assert!(svg.contains(text), "missing {text:?}");
    }
    assert_eq!(net.rate_trace(&meter).time_axis(), (10.0, 60.0));
    let noise = net.rate_trace(&meter).variable(Recordable::noise);
    assert!(noise.svg().unwrap().contains("rm: noise of 3 neurons"));
    let dir = scratch("rate-trace");
    let png = dir.join("rm.png");
    net.rate_trace(&meter).save(&png).unwrap();
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
    std::fs::remove_dir_all(dir).unwrap();
}

/// An `aeif_cond_alpha` population under excitatory Poisson input (nS) and a
/// `gif_psc_exp` one under DC, recorded beyond `V_m`: conductance, adaptation current,
/// threshold and spike-triggered current.
#[test]
fn traces_of_other_recordables_label_each_with_its_unit() {
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(5));
    let adex = Model::nest(AeifCondAlpha {
        I_e: 500.0,
        ..Default::default()
    })
    .unwrap();
    let gif = Model::nest(GifPscExp {
        I_e: 150.0,
        tau_sfa: vec![100.0],
        q_sfa: vec![3.0],
        tau_stc: vec![50.0],
        q_stc: vec![20.0],
        ..Default::default()
    })
    .unwrap();
    let a = b.population("adex", &adex, Const::<3>).unwrap();
    let g = b.population("gif", &gif, Const::<2>).unwrap();
    let drive = PoissonGenerator {
        rate: 2000.0,
        window: Window::default(),
    };
    b.poisson_generator("exc", drive, &[a.all()], &StaticSynapse::new(2.0, 1.0))
        .unwrap();
    let adapt = b
        .multimeter(
            "adapt",
            Multimeter::new(0.5, &[Recordable::g_ex, Recordable::w]),
            &[a.range(0..2)],
        )
        .unwrap();
    let thr = b
        .multimeter(
            "thr",
            Multimeter::new(0.5, &[Recordable::E_sfa, Recordable::I_stc]),
            &[g.all()],
        )
        .unwrap();
    let mut net = b.build().unwrap();
    net.simulate(200.0).unwrap();
    let cases = [
        (
            &adapt,
            Recordable::g_ex,
            "g_ex (nS)",
            "adapt: g_ex of 2 neurons",
        ),
        (&adapt, Recordable::w, "w (pA)", "adapt: w of 2 neurons"),
        (
            &thr,
            Recordable::E_sfa,
            "E_sfa (mV)",
            "thr: E_sfa of 2 neurons",
        ),
        (
            &thr,
            Recordable::I_stc,
            "I_stc (pA)",
            "thr: I_stc of 2 neurons",
        ),
    ];
    for (meter, variable, axis, title) in cases {
        let svg = net.trace(meter).variable(variable).svg().unwrap();
        for text in [axis, title, "time (ms)"] {
            assert!(svg.contains(text), "{variable:?}: missing {text:?}");
        }
        assert!(!svg.contains("V_m (mV)"), "{variable:?} is drawn, not V_m");
    }
    // The traces move: the conductance and the adaptation current rise from 0.
    let samples = net.samples(&adapt);
    for variable in [Recordable::g_ex, Recordable::w] {
        let values = samples.values(variable).unwrap();
        assert!(values.iter().any(|&v| v > 0.0), "{variable:?} stays at 0");
    }
    let dir = scratch("recordables");
    let png = dir.join("adapt_w.png");
    net.trace(&adapt)
        .variable(Recordable::w)
        .save(&png)
        .unwrap();
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
    std::fs::remove_dir_all(dir).unwrap();
}
