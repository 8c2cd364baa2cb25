//! Each fuzzed part of a network (population, connection, stimulus, recorder) as builder
//! calls, with the fuzzer's raw numbers turned into layouts, masks, kernels, values and
//! windows on the way.

use super::*;

fn model<M: NeuronModel + Default>(params: &[(u8, Num)]) -> network_core::Result<Model<M>> {
    let mut m = M::default();
    for &(k, v) in params.iter().take(8) {
        let info = &M::PARAMETERS[usize::from(k) % M::PARAMETERS.len()];
        m.set("model", info.name, v.v())?;
    }
    Model::variant("model", m)
}

pub(crate) fn add_population(
    b: &mut NetworkBuilder,
    name: &str,
    p: &PopulationInput,
) -> network_core::Result<()> {
    let size = usize::from(p.size % 2100);
    let layout = p.layout.as_ref().map(layout);
    let handle = match (&p.model, layout) {
        (ModelKind::Alpha, None) => b.population(
            name,
            &model::<IafPscAlpha>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Exp, None) => b.population(
            name,
            &model::<IafPscExp>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Delta, None) => b.population(
            name,
            &model::<IafPscDelta>(&p.params)?,
            network_core::Dyn(size),
        ),
        (ModelKind::Alpha, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscAlpha>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
        (ModelKind::Exp, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscExp>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
        (ModelKind::Delta, Some(l)) => b.spatial_population(
            name,
            &model::<IafPscDelta>(&p.params)?,
            network_core::Dyn(size),
            &l,
        ),
    }?;
    if let Some(v) = p.initial_v_m {
        b.initial_v_m(&handle.all(), value(v))?;
    }
    Ok(())
}

fn coords(v: [Num; 3], three_d: bool) -> Vec<f64> {
    let v = v.map(Num::v);
    if three_d {
        v.to_vec()
    } else {
        v[..2].to_vec()
    }
}

fn layout(l: &LayoutInput) -> Layout {
    match l {
        LayoutInput::FreeUniform {
            lower_left,
            upper_right,
            three_d,
            edge_wrap,
        } => Layout::FreeUniform {
            lower_left: coords(*lower_left, *three_d),
            upper_right: coords(*upper_right, *three_d),
            edge_wrap: *edge_wrap,
        },
        LayoutInput::FreeList {
            positions,
            extent,
            three_d,
            edge_wrap,
        } => Layout::FreeList {
            positions: positions
                .iter()
                .take(2100)
                .map(|p| coords(*p, *three_d))
                .collect(),
            extent: extent.map(|e| coords(e, *three_d)),
            edge_wrap: *edge_wrap,
        },
        LayoutInput::Grid {
            shape,
            extent,
            center,
            three_d,
            edge_wrap,
        } => Layout::Grid {
            shape: shape[..if *three_d { 3 } else { 2 }]
                .iter()
                .map(|&s| usize::from(s % 32))
                .collect(),
            extent: extent.map(|e| coords(e, *three_d)),
            center: center.map(|c| coords(c, *three_d)),
            edge_wrap: *edge_wrap,
        },
    }
}

fn value(v: ValueInput) -> Value {
    match v {
        ValueInput::Constant(c) => Value::Constant(c.v()),
        ValueInput::Uniform { min, max } => Value::Uniform {
            min: min.v(),
            max: max.v(),
        },
        ValueInput::Normal {
            mean,
            std,
            min,
            max,
        } => Value::Normal {
            mean: mean.v(),
            std: std.v(),
            min: min.map(Num::v),
            max: max.map(Num::v),
        },
        ValueInput::Lognormal { mu, sigma } => Value::Lognormal {
            mu: mu.v(),
            sigma: sigma.v(),
        },
    }
}

fn mask(m: &AnchoredMask) -> Mask {
    let shape = match m.shape {
        MaskInput::Circle(radius) => MaskShape::Circle { radius: radius.v() },
        MaskInput::Rectangle(lower_left, upper_right, azimuth_angle) => MaskShape::Rectangle {
            lower_left: lower_left.map(Num::v),
            upper_right: upper_right.map(Num::v),
            azimuth_angle: azimuth_angle.v(),
        },
        MaskInput::Ellipse(major_axis, minor_axis, azimuth_angle) => MaskShape::Ellipse {
            major_axis: major_axis.v(),
            minor_axis: minor_axis.v(),
            azimuth_angle: azimuth_angle.v(),
        },
        MaskInput::Sphere(radius) => MaskShape::Sphere { radius: radius.v() },
        MaskInput::Box(lower_left, upper_right, azimuth_angle, polar_angle) => MaskShape::Box {
            lower_left: lower_left.map(Num::v),
            upper_right: upper_right.map(Num::v),
            azimuth_angle: azimuth_angle.v(),
            polar_angle: polar_angle.v(),
        },
        MaskInput::Ellipsoid(major_axis, minor_axis, polar_axis, azimuth_angle, polar_angle) => {
            MaskShape::Ellipsoid {
                major_axis: major_axis.v(),
                minor_axis: minor_axis.v(),
                polar_axis: polar_axis.v(),
                azimuth_angle: azimuth_angle.v(),
                polar_angle: polar_angle.v(),
            }
        }
        MaskInput::Doughnut(inner_radius, outer_radius) => MaskShape::Doughnut {
            inner_radius: inner_radius.v(),
            outer_radius: outer_radius.v(),
        },
    };
    let mask = Mask::new(shape);
    match m.anchor {
        Some(a) => mask.with_anchor(a.map(Num::v)),
        None => mask,
    }
}

fn kernel(k: &KernelInput) -> Kernel {
    match *k {
        KernelInput::Constant(p) => Kernel::Constant { p: p.v() },
        KernelInput::Linear(p0, slope) => Kernel::Linear {
            p0: p0.v(),
            slope: slope.v(),
        },
        KernelInput::Exponential(p0, beta) => Kernel::Exponential {
            p0: p0.v(),
            beta: beta.v(),
        },
        KernelInput::Gaussian(p0, mean, std) => Kernel::Gaussian {
            p0: p0.v(),
            mean: mean.v(),
            std: std.v(),
        },
    }
}

pub(crate) fn add_connection(
    b: &mut NetworkBuilder,
    name: &str,
    c: &ConnectionInput,
    n: usize,
) -> network_core::Result<()> {
    if n == 0 {
        return Ok(());
    }
    let rule = match c.rule {
        RuleInput::AllToAll => Rule::AllToAll,
        RuleInput::OneToOne => Rule::OneToOne,
        RuleInput::FixedIndegree(k) => Rule::FixedIndegree(usize::from(k)),
        RuleInput::FixedOutdegree(k) => Rule::FixedOutdegree(usize::from(k)),
        RuleInput::FixedTotalNumber(k) => Rule::FixedTotalNumber(k as usize),
        RuleInput::PairwiseBernoulli(p) => Rule::PairwiseBernoulli(p.v()),
    };
    let mut spec = ConnSpec::new(rule);
    spec.allow_autapses = c.allow_autapses;
    spec.allow_multapses = c.allow_multapses;
    spec.mask = c.mask.as_ref().map(mask);
    spec.kernel = c.kernel.as_ref().map(kernel);
    spec.use_on_source = c.use_on_source;
    let source = b.population_handle(usize::from(c.source) % n);
    let target = b.population_handle(usize::from(c.target) % n);
    let (Some(source), Some(target)) = (source, target) else {
        return Ok(());
    };
    let synapse = StaticSynapse::new(value(c.weight), value(c.delay));
    b.connect(name, &source, &target, &spec, &synapse)?;
    Ok(())
}

fn selections(
    b: &NetworkBuilder,
    inputs: &[SelectionInput],
    n: usize,
) -> network_core::Result<Vec<Selection>> {
    let mut out = Vec::new();
    if n == 0 {
        return Ok(out);
    }
    for s in inputs.iter().take(3) {
        let pop = |p: u8| b.population_handle(usize::from(p) % n);
        let selection = match s {
            SelectionInput::All(p) => pop(*p).map(|h| h.all()),
            SelectionInput::Range(p, lo, hi) => {
                pop(*p).map(|h| h.range(usize::from(*lo)..usize::from(*hi)))
            }
            SelectionInput::Indices(p, list) => pop(*p).map(|h| {
                h.indices(
                    &list
                        .iter()
                        .take(64)
                        .map(|&i| u32::from(i))
                        .collect::<Vec<_>>(),
                )
            }),
            SelectionInput::Within(p, m, center) => match pop(*p) {
                Some(h) => Some(b.within(&h, &mask(m), center.map(Num::v))?),
                None => None,
            },
        };
        out.extend(selection);
    }
    Ok(out)
}

fn window(w: WindowInput) -> Window {
    Window {
        start: w.start.v(),
        stop: w.stop.v(),
        origin: w.origin.v(),
    }
}

pub(crate) fn add_stimulus(
    b: &mut NetworkBuilder,
    name: &str,
    s: &StimulusInput,
    n: usize,
) -> network_core::Result<()> {
    let targets = selections(b, &s.targets, n)?;
    let synapse = StaticSynapse::new(value(s.weight), value(s.delay));
    match &s.generator {
        GeneratorInput::Dc(amplitude, w) => b.dc_generator(
            name,
            DcGenerator {
                amplitude: amplitude.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Poisson(rate, w) => b.poisson_generator(
            name,
            PoissonGenerator {
                rate: rate.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Spikes {
            times,
            weights,
            multiplicities,
            allow_offgrid_times,
            window: w,
        } => b.spike_generator(
            name,
            SpikeGenerator {
                spike_times: times.iter().take(64).map(|t| t.v()).collect(),
                spike_weights: weights.iter().take(64).map(|w| w.v()).collect(),
                spike_multiplicities: multiplicities.iter().take(64).copied().collect(),
                allow_offgrid_times: *allow_offgrid_times,
                window: window(*w),
                ..SpikeGenerator::default()
            },
            &targets,
            &synapse,
        ),
        GeneratorInput::Noise([mean, std, dt, std_mod, frequency, phase], w) => b.noise_generator(
            name,
            NoiseGenerator {
                mean: mean.v(),
                std: std.v(),
                dt: dt.v(),
                std_mod: std_mod.v(),
                frequency: frequency.v(),
                phase: phase.v(),
                window: window(*w),
            },
            &targets,
            &synapse,
        ),
    }?;
    Ok(())
}

pub(crate) fn add_recorder(
    b: &mut NetworkBuilder,
    name: &str,
    r: &RecorderInput,
    n: usize,
) -> network_core::Result<()> {
    match r {
        RecorderInput::Spikes(w, sources) => {
            let sources = selections(b, sources, n)?;
            let params = SpikeRecorder {
                window: window(*w),
                ..SpikeRecorder::default()
            };
            b.spike_recorder(name, params, &sources)?;
        }
        RecorderInput::Multimeter {
            interval,
            offset,
            record_from,
            window: w,
            targets,
        } => {
            let targets = selections(b, targets, n)?;
            let all = [Recordable::V_m, Recordable::I_syn_ex, Recordable::I_syn_in];
            let record_from: Vec<Recordable> = record_from
                .iter()
                .take(3)
                .map(|&k| all[usize::from(k) % all.len()])
                .collect();
            let mut params = Multimeter::new(interval.v(), &record_from);
            params.offset = offset.v();
            params.window = window(*w);
            b.multimeter(name, params, &targets)?;
        }
    }
    Ok(())
}
