//! The PyNEST statements of a plan's devices and connections: masks, selections,
//! stimulators and `Connect` with its rule, mask and kernel (recorders: `recorders`).

use super::python::{dict, float, floats, ident, string};
use super::statements::{doc_or, push_meta, python_bool, Input};
use super::Cell;
use network_core::Result;
use network_syntax::description::*;
use network_syntax::lowering::{self, Step, Target};

/// A mask as NEST's dictionary (`{"spherical": {"radius": 0.5}, "anchor": [..]}`).
fn mask_dict(m: &MaskDesc, dims: usize) -> String {
    let (kind, params) = mask_shape(m.mask.shape());
    let mut entries = vec![(kind, dict(&params))];
    // An anchor at the origin is NEST's default.
    let anchor = m.mask.anchor();
    if anchor != [0.0; 3] {
        entries.push(("anchor", mask_anchor(&m.mask, dims)));
    }
    dict(&entries)
}

/// A mask's anchor as NEST takes it: mm, or for a grid mask whole cells (integers,
/// which NEST requires of a grid mask's anchor).
fn mask_anchor(m: &Mask, dims: usize) -> String {
    let a = m.anchor();
    if m.grid_shape().is_some() {
        format!("[{}, {}]", a[0] as i64, a[1] as i64)
    } else {
        floats(&a[..dims])
    }
}

/// NEST's mask type and parameters.
fn mask_shape(shape: &MaskShape) -> (&'static str, Vec<(&'static str, String)>) {
    match shape {
        MaskShape::Grid { shape } => ("grid", vec![("shape", format!("{shape:?}"))]),
        MaskShape::Circle { radius } => ("circular", vec![("radius", float(*radius))]),
        MaskShape::Sphere { radius } => ("spherical", vec![("radius", float(*radius))]),
        MaskShape::Doughnut {
            inner_radius,
            outer_radius,
        } => (
            "doughnut",
            vec![
                ("inner_radius", float(*inner_radius)),
                ("outer_radius", float(*outer_radius)),
            ],
        ),
        MaskShape::Rectangle {
            lower_left,
            upper_right,
            azimuth_angle,
        } => (
            "rectangular",
            vec![
                ("lower_left", floats(lower_left)),
                ("upper_right", floats(upper_right)),
                ("azimuth_angle", float(*azimuth_angle)),
            ],
        ),
        MaskShape::Ellipse {
            major_axis,
            minor_axis,
            azimuth_angle,
        } => (
            "elliptical",
            vec![
                ("major_axis", float(*major_axis)),
                ("minor_axis", float(*minor_axis)),
                ("azimuth_angle", float(*azimuth_angle)),
            ],
        ),
        MaskShape::Box {
            lower_left,
            upper_right,
            azimuth_angle,
            polar_angle,
        } => (
            "box",
            vec![
                ("lower_left", floats(lower_left)),
                ("upper_right", floats(upper_right)),
                ("azimuth_angle", float(*azimuth_angle)),
                ("polar_angle", float(*polar_angle)),
            ],
        ),
        MaskShape::Ellipsoid {
            major_axis,
            minor_axis,
            polar_axis,
            azimuth_angle,
            polar_angle,
        } => (
            "ellipsoidal",
            vec![
                ("major_axis", float(*major_axis)),
                ("minor_axis", float(*minor_axis)),
                ("polar_axis", float(*polar_axis)),
                ("azimuth_angle", float(*azimuth_angle)),
                ("polar_angle", float(*polar_angle)),
            ],
        ),
    }
}

/// The Python expression of a device's target, and its description.
pub(super) fn target(input: &Input, t: &Target) -> (String, String) {
    let d = input.description;
    let (p, within) = match t {
        Target::All(p) => (*p, None),
        Target::Range { population, .. } | Target::List { population, .. } => (*population, None),
        Target::Selection(slot) => {
            // Bound by the build or by the protocol.
            let built = input.plan.steps.iter().find_map(|s| match s {
                Step::Within(w) if w.slot == *slot => Some(w),
                _ => None,
            });
            let w = built
                .or_else(|| {
                    input.plan.protocol.iter().find_map(|a| match a {
                        lowering::Action::Within(w) if w.slot == *slot => Some(w),
                        _ => None,
                    })
                })
                .expect("the lowering binds every selection slot");
            (w.population, Some(w))
        }
    };
    let (var, name) = (input.population_var(p), &d.populations[p].name);
    match (t, within) {
        (Target::Range { start, end, .. }, _) => (
            format!("{var}[{start}:{end}]"),
            format!("`{name}[{start}..{end}]`"),
        ),
        (Target::List { indices, .. }, _) => (
            format!("{var}[{indices:?}]"),
            format!("`{name}{indices:?}`"),
        ),
        (_, Some(w)) => {
            let m = &w.mask;
            let dims = input.dims(p);
            // SelectNodesByMask places the mask at the point; a mask's anchor shifts it
            // (a grid mask's anchor is in cells, and NEST takes it as the mask's).
            let grid = m.mask.grid_shape().is_some();
            let at: Vec<f64> = (0..dims)
                .map(|i| w.center[i] + if grid { 0.0 } else { m.mask.anchor()[i] })
                .collect();
            let (kind, params) = mask_shape(m.mask.shape());
            let anchor = if grid && m.mask.anchor() != [0.0; 3] {
                format!(", anchor={}", mask_anchor(&m.mask, dims))
            } else {
                String::new()
            };
            let expr = format!(
                "nest.SelectNodesByMask({var}, {}, nest.CreateMask({}, {}{anchor}))",
                floats(&at),
                string(kind),
                dict(&params)
            );
            let what = match &m.name {
                Some(n) => format!("`{name}` within `{n}`"),
                None => format!("`{name}` within a mask"),
            };
            (expr, what)
        }
        _ => (var, format!("`{name}`")),
    }
}

/// NEST's device parameters of a window (NEST's stop is infinite by default).
pub(super) fn window_params(w: lowering::Window) -> Vec<(&'static str, String)> {
    let mut out = vec![("start", float(w.start))];
    if w.stop.is_finite() {
        out.push(("stop", float(w.stop)));
    }
    out
}

/// The doc comments of the description's wiring statement `index`.
pub(super) fn docs<'a>(input: &Input<'a>, index: usize) -> &'a [String] {
    match &input.description.wiring[index] {
        Wiring::Recorder(r) => &r.docs,
        Wiring::Stimulator(s) => &s.docs,
        Wiring::Projection(p) => &p.docs,
    }
}

/// A stimulator: `Create` and one `Connect` per target selection.
pub(super) fn generator(input: &Input, s: &lowering::Generator) -> Result<Cell> {
    let var = ident(&s.name);
    let (model, mut params) = match &s.stimulus {
        StimulusDesc::Dc { amplitude } => (
            "dc_generator",
            vec![("amplitude", input.amount(*amplitude)?)],
        ),
        StimulusDesc::Poisson { rate } => {
            ("poisson_generator", vec![("rate", input.amount(*rate)?)])
        }
        StimulusDesc::Spikes {
            spike_times,
            spike_weights,
            spike_multiplicities,
            allow_offgrid_times,
            precise_times,
            shift_now_spikes,
        } => {
            let mut p = vec![("spike_times", floats(spike_times))];
            if !spike_weights.is_empty() {
                p.push(("spike_weights", floats(spike_weights)));
            }
            if !spike_multiplicities.is_empty() {
                p.push(("spike_multiplicities", format!("{spike_multiplicities:?}")));
            }
            p.push((
                "allow_offgrid_times",
                python_bool(*allow_offgrid_times).into(),
            ));
            // Only when set, so that existing exports stay as they were.
            for (key, on) in [
                ("precise_times", precise_times),
                ("shift_now_spikes", shift_now_spikes),
            ] {
                if *on {
                    p.push((key, python_bool(true).into()));
                }
            }
            ("spike_generator", p)
        }
        StimulusDesc::StepCurrent {
            amplitude_times,
            amplitude_values,
            allow_offgrid_times,
        } => (
            "step_current_generator",
            vec![
                ("amplitude_times", floats(amplitude_times)),
                ("amplitude_values", floats(amplitude_values)),
                (
                    "allow_offgrid_times",
                    python_bool(*allow_offgrid_times).into(),
                ),
            ],
        ),
        StimulusDesc::InhomogeneousPoisson {
            rate_times,
            rate_values,
            allow_offgrid_times,
        } => (
            "inhomogeneous_poisson_generator",
            vec![
                ("rate_times", floats(rate_times)),
                ("rate_values", floats(rate_values)),
                (
                    "allow_offgrid_times",
                    python_bool(*allow_offgrid_times).into(),
                ),
            ],
        ),
        StimulusDesc::SinusoidalPoisson {
            rate,
            amplitude,
            frequency,
            phase,
            ..
        } => (
            "sinusoidal_poisson_generator",
            vec![
                ("rate", float(*rate)),
                ("amplitude", float(*amplitude)),
                ("frequency", float(*frequency)),
                ("phase", float(*phase)),
            ],
        ),
        StimulusDesc::Pulsepacket(g) => ("pulsepacket_generator", table_params(g)),
        StimulusDesc::GammaSup(g) => ("gamma_sup_generator", table_params(g)),
        StimulusDesc::PpdSup(g) => ("ppd_sup_generator", table_params(g)),
        StimulusDesc::SinusoidalGamma(g) => ("sinusoidal_gamma_generator", table_params(g)),
        StimulusDesc::Mip { rate, p_copy } => (
            "mip_generator",
            vec![("rate", float(*rate)), ("p_copy", float(*p_copy))],
        ),
        StimulusDesc::Ac {
            amplitude,
            offset,
            frequency,
            phase,
        } => (
            "ac_generator",
            vec![
                ("amplitude", float(*amplitude)),
                ("offset", float(*offset)),
                ("frequency", float(*frequency)),
                ("phase", float(*phase)),
            ],
        ),
        StimulusDesc::Noise {
            mean,
            std,
            dt,
            std_mod,
            frequency,
            phase,
        } => (
            "noise_generator",
            vec![
                ("mean", float(*mean)),
                ("std", float(*std)),
                ("dt", float(*dt)),
                ("std_mod", float(*std_mod)),
                ("frequency", float(*frequency)),
                ("phase", float(*phase)),
            ],
        ),
    };
    params.extend(window_params(s.window));
    let syn = input.syn_spec(&s.synapse, None)?;
    let mut code = String::new();
    let mut created = string(model);
    let shared_train = matches!(
        &s.stimulus,
        StimulusDesc::SinusoidalPoisson {
            individual_spike_trains: false,
            ..
        }
    ) || matches!(&s.stimulus, StimulusDesc::SinusoidalGamma(g) if !g.individual_spike_trains);
    if shared_train {
        // NEST takes individual_spike_trains only as a model default (CopyModel).
        let copy = string(&format!("{model}_{}", s.name));
        code.push_str(&format!(
            "nest.CopyModel({created}, {copy}, {{\"individual_spike_trains\": False}})\n"
        ));
        created = copy;
    }
    code.push_str(&format!(
        "{var} = nest.Create({created}, params={})",
        dict(&params)
    ));
    let mut whats = Vec::new();
    for t in &s.targets {
        let (sel, what) = target(input, t);
        code.push_str(&format!("\nnest.Connect({var}, {sel}, syn_spec={syn})"));
        whats.push(what);
    }
    let markdown = doc_or(
        docs(input, s.wiring),
        format!("Stimulator `{}` ({model}) on {}.", s.name, whats.join(", ")),
    );
    Ok(Cell { markdown, code })
}

/// A connection: `Connect` with the rule, mask, kernel and flags, counting the synapses
/// it creates.
pub(super) fn connect(input: &Input, p: &lowering::Connect) -> Result<Cell> {
    // Slices as NEST slices a NodeCollection (`pre[0:100]`).
    let (src, tgt) = (target(input, &p.sources).0, target(input, &p.targets).0);
    let rule = p.rule;
    let flags = [p.use_on_source, p.autapses, p.multapses];
    let conn = conn_spec(
        rule,
        p.kernel.as_ref(),
        p.mask.as_ref(),
        flags,
        input.space(p.source),
    );
    let common = input.common_model(&p.synapse, &p.field)?;
    let syn = input.syn_spec_from(
        &p.synapse,
        common.as_ref().map(|c| c.0.as_str()),
        Some(p.source),
    )?;
    let markdown = doc_or(
        docs(input, p.wiring),
        format!(
            "Connection `{}`: {}{}{}.{}",
            p.name,
            rule.name(),
            if p.mask.is_some() {
                " inside a mask"
            } else {
                ""
            },
            if p.kernel.is_some() {
                " with a distance-dependent kernel"
            } else {
                ""
            },
            if drawn_anew(p) {
                " NEST draws these synapses anew with its own generator: the same rule, \
                 not the engine's synapses."
            } else {
                ""
            }
        ),
    );
    let copy = common.map_or(String::new(), |c| c.1 + "\n");
    let code = format!(
        "{copy}n_before = nest.num_connections\nnest.Connect(\n    {src},\n    {tgt},\n    conn_spec={},\n    syn_spec={syn},\n)\nsynapses[{}] = nest.num_connections - n_before",
        conn,
        string(&p.name)
    );
    Ok(Cell {
        markdown: {
            let mut m = markdown;
            if let Wiring::Projection(desc) = &input.description.wiring[p.wiring] {
                push_meta(&mut m, &desc.meta);
            }
            m
        },
        code,
    })
}

/// NEST's `conn_spec` of `rule` with a kernel, a mask and the flags `[use_on_source,
/// autapses, multapses]`, between layers whose source is `source` (an expression of `p`
/// wraps its displacements there; a mask takes its dimensions).
pub(super) fn conn_spec(
    rule: Rule,
    kernel: Option<&Kernel>,
    mask: Option<&MaskDesc>,
    [use_on_source, autapses, multapses]: [bool; 3],
    source: Option<&network_core::spatial::Space>,
) -> String {
    let mut conn: Vec<(&str, String)> = Vec::new();
    conn.push(("rule", string(rule.name())));
    let kernel = kernel.map(|k| match k {
        Kernel::Expression(e) => super::expression::python(e, source),
        k => kernel_expr(k),
    });
    match rule {
        Rule::AllToAll | Rule::OneToOne => {}
        Rule::FixedIndegree(k) => conn.push(("indegree", k.to_string())),
        Rule::FixedOutdegree(k) => conn.push(("outdegree", k.to_string())),
        Rule::FixedTotalNumber(n) => conn.push(("N", n.to_string())),
        Rule::PairwiseBernoulli(x) => conn.push((
            "p",
            match &kernel {
                Some(k) if x == 1.0 => k.clone(),
                Some(k) => format!("{} * {k}", float(x)),
                None => float(x),
            },
        )),
    }
    if let (Some(k), false) = (&kernel, matches!(rule, Rule::PairwiseBernoulli(_))) {
        // For the degree rules NEST uses p as a relative weight of the candidates.
        conn.push(("p", k.clone()));
    }
    if let Some(m) = mask {
        conn.push(("mask", mask_dict(m, source.map_or(3, |s| s.dims()))));
    }
    if use_on_source {
        conn.push(("use_on_source", "True".into()));
    }
    conn.push(("allow_autapses", python_bool(autapses).into()));
    conn.push(("allow_multapses", python_bool(multapses).into()));
    dict(&conn)
}

/// A kernel as a NEST parameter of the distance.
fn kernel_expr(k: &Kernel) -> String {
    match *k {
        Kernel::Expression(ref e) => super::expression::python(e, None),
        Kernel::Constant { p } => float(p),
        Kernel::Linear { p0, slope } => {
            format!("{} + {} * nest.spatial.distance", float(p0), float(slope))
        }
        Kernel::Exponential { p0, beta } => format!(
            "{} * nest.spatial_distributions.exponential(nest.spatial.distance, beta={})",
            float(p0),
            float(beta)
        ),
        Kernel::Gaussian { p0, mean, std } => format!(
            "{} * nest.spatial_distributions.gaussian(nest.spatial.distance, mean={}, std={})",
            float(p0),
            float(mean),
            float(std)
        ),
        Kernel::Gaussian2d {
            p0,
            mean_x,
            mean_y,
            std_x,
            std_y,
            rho,
        } => format!(
            "{} * nest.spatial_distributions.gaussian2D(nest.spatial.distance.x, \
             nest.spatial.distance.y, mean_x={}, mean_y={}, std_x={}, std_y={}, rho={})",
            float(p0),
            float(mean_x),
            float(mean_y),
            float(std_x),
            float(std_y),
            float(rho)
        ),
        Kernel::Gamma { p0, kappa, theta } => format!(
            "{} * nest.spatial_distributions.gamma(nest.spatial.distance, kappa={}, theta={})",
            float(p0),
            float(kappa),
            float(theta)
        ),
        Kernel::Gabor {
            p0,
            theta,
            gamma,
            std,
            lam,
            psi,
        } => format!(
            "{} * nest.spatial_distributions.gabor(nest.spatial.distance.x, \
             nest.spatial.distance.y, theta={}, gamma={}, std={}, lam={}, psi={})",
            float(p0),
            float(theta),
            float(gamma),
            float(std),
            float(lam),
            float(psi)
        ),
    }
}

/// Whether NEST draws a connection's synapses at random (so they differ from the
/// engine's): every rule but all-to-all and one-to-one, and pairwise Bernoulli only
/// when its probability or kernel can fall below 1.
fn drawn_anew(p: &lowering::Connect) -> bool {
    match p.rule {
        Rule::AllToAll | Rule::OneToOne => false,
        Rule::PairwiseBernoulli(x) => x < 1.0 || p.kernel.is_some(),
        _ => true,
    }
}

/// A table-declared generator's parameters as NEST's dictionary entries: numbers as
/// floats, whole numbers as Python ints (NEST's `long` parameters refuse floats), lists,
/// flags; `individual_spike_trains` is left out (NEST takes it only on a model).
fn table_params<M: network_core::spec::Parameters>(m: &M) -> Vec<(&'static str, String)> {
    use network_core::spec::ParamKind;
    M::PARAMETERS
        .iter()
        .filter(|info| info.name != "individual_spike_trains")
        .map(|info| {
            let value = match info.kind {
                ParamKind::List => floats(&m.get_list(info.name).unwrap_or_default()),
                ParamKind::Flag => python_bool(m.get(info.name) == Some(1.0)).into(),
                ParamKind::Integer => format!("{}", m.get(info.name).unwrap_or(0.0) as i64),
                ParamKind::Scalar => float(m.get(info.name).unwrap_or(info.default)),
            };
            (info.name, value)
        })
        .collect()
}
