//! The PyNEST statements of a description, one per statement of the description, each
//! with a sentence (or the statement's doc comments) saying what it does.

use super::python::{dict, float, floats, ident, string};
use super::{Cell, ExportOptions};
use network_core::spatial::{MaskShape, Space};
use network_core::{Error, Network, Result};
use network_syntax::description::*;

/// What the statements are made from.
pub(super) struct Input<'a> {
    pub description: &'a Description,
    pub network: &'a Network,
    pub expressions: &'a [f64],
    pub options: &'a ExportOptions,
}

impl Input<'_> {
    fn population_var(&self, index: usize) -> String {
        ident(&self.description.populations[index].name)
    }

    fn expression(&self, index: usize) -> Result<f64> {
        self.expressions.get(index).copied().ok_or_else(|| {
            Error::Name(format!(
                "export: no value for the Rust expression #{index} of the description"
            ))
        })
    }

    fn amount(&self, n: NumDesc) -> Result<String> {
        Ok(match n {
            NumDesc::Const(v) => float(v),
            NumDesc::Runtime(i) => float(self.expression(i)?),
        })
    }

    /// A weight or delay: a number or a `nest.random` parameter.
    fn value(&self, v: &ValueDesc) -> Result<String> {
        Ok(match *v {
            ValueDesc::Constant(c) => float(c),
            ValueDesc::Runtime(i) => float(self.expression(i)?),
            ValueDesc::Uniform { min, max } => {
                format!(
                    "nest.random.uniform(min={}, max={})",
                    float(min),
                    float(max)
                )
            }
            ValueDesc::Normal {
                mean,
                std,
                min,
                max,
            } => {
                let normal = format!(
                    "nest.random.normal(mean={}, std={})",
                    float(mean),
                    float(std)
                );
                if min.is_none() && max.is_none() {
                    normal
                } else {
                    // The engine redraws outside [min, max], as nest.math.redraw does.
                    format!(
                        "nest.math.redraw({normal}, min={}, max={})",
                        float(min.unwrap_or(f64::NEG_INFINITY)),
                        float(max.unwrap_or(f64::INFINITY))
                    )
                }
            }
            ValueDesc::Lognormal { mu, sigma } => format!(
                "nest.random.lognormal(mean={}, std={})",
                float(mu),
                float(sigma)
            ),
        })
    }

    /// NEST's `syn_spec`: the model, weight and delay, the plastic model's parameters
    /// and the receptor port (`receptor_type`) when one is named.
    fn syn_spec(&self, s: &SynapseDesc) -> Result<String> {
        let mut entries = vec![
            ("synapse_model", string(&s.model)),
            ("weight", self.value(&s.weight)?),
            ("delay", self.value(&s.delay)?),
        ];
        entries.extend(s.params.iter().map(|(k, v)| (*k, float(*v))));
        if s.receptor != 0 {
            entries.push(("receptor_type", s.receptor.to_string()));
        }
        Ok(dict(&entries))
    }

    fn dims(&self, population: usize) -> usize {
        self.space(population).map_or(3, Space::dims)
    }

    fn space(&self, population: usize) -> Option<&Space> {
        self.network.populations()[population].space.as_deref()
    }
}

/// The first cell: imports, kernel settings, simulated time.
pub(super) fn setup(input: &Input, title: &str, docs: &[String]) -> Cell {
    let d = input.description;
    let o = input.options;
    let mut markdown = format!("# {title}\n");
    if !docs.is_empty() {
        markdown.push('\n');
        markdown.push_str(&docs.join("\n"));
        markdown.push('\n');
    }
    markdown.push_str(&format!(
        "\nExported from a description in the `network!` language. Neuron positions are the \
         ones the engine drew with seed {}, so both runs describe the same network; \
         connections, random weights and Poisson trains are drawn by NEST's own random \
         generator (rng_seed below), so spikes agree with the engine statistically. Run it \
         as `python model.py` (or with `mpirun -n N python model.py`; then each process \
         prints the counts of its own neurons).\n",
        input.network.seed().0
    ));
    let seed = nest_seed(input.network.seed().0);
    let imports = if d.data_path.is_some() {
        "import json\nimport os\n\nimport nest\n\n"
    } else {
        "import json\n\nimport nest\n\n"
    };
    let mut code = String::from(imports);
    code.push_str(&format!(
        "T_SIM = {}  # simulated time, ms\nTHREADS = {}  # threads per process; results depend on the total count\n\n",
        float(o.time_ms),
        o.threads
    ));
    code.push_str("nest.ResetKernel()\nnest.verbosity = nest.VerbosityLevel.WARNING\n");
    code.push_str(&format!(
        "nest.set(resolution={}, rng_seed={seed}, local_num_threads=THREADS)",
        float(d.resolution)
    ));
    if seed != input.network.seed().0 {
        code.push_str(&format!(
            "  # NEST takes seeds 1..2**32-1; the engine's seed was {}",
            input.network.seed().0
        ));
    }
    let mut files = Vec::new();
    if let Some(path) = &d.data_path {
        code.push_str(&format!("\nos.makedirs({}, exist_ok=True)", string(path)));
        files.push(("data_path", string(path)));
    }
    if let Some(prefix) = &d.data_prefix {
        files.push(("data_prefix", string(prefix)));
    }
    if !files.is_empty() {
        // The engine replaces an existing recorder file by default.
        files.push(("overwrite_files", "True".to_string()));
        let settings: Vec<String> = files.iter().map(|(k, v)| format!("{k}={v}")).collect();
        code.push_str(&format!("\nnest.set({})", settings.join(", ")));
    }
    code.push_str("\nsynapses = {}  # connection name -> synapses it created");
    Cell { markdown, code }
}

/// NEST's `rng_seed` for the engine's seed: the same number when NEST accepts it.
fn nest_seed(seed: u64) -> u64 {
    const MAX: u64 = (1 << 32) - 1;
    if (1..=MAX).contains(&seed) {
        seed
    } else {
        seed % MAX + 1
    }
}

/// `CopyModel` for each neuron model variant, and for each named synapse.
pub(super) fn models(input: &Input) -> Vec<Cell> {
    let d = input.description;
    let mut cells: Vec<Cell> = d
        .neurons
        .iter()
        .map(|n| {
            let params: Vec<(&str, String)> = n
                .params
                .iter()
                .map(|(k, v)| match n.base.is_flag(k) {
                    true => (*k, python_bool(*v != 0.0).to_string()),
                    false => (*k, float(*v)),
                })
                .chain(n.lists.iter().map(|(k, v)| (*k, floats(v))))
                .collect();
            let mut markdown = doc_or(
                &n.docs,
                format!("Neuron model `{}`: NEST's `{}`", n.name, n.base.name()),
            );
            if let Some(class) = n.class {
                markdown.push_str(&format!(" ({} cells)", class.name()));
            }
            markdown.push('.');
            if !n.ports.is_empty() {
                let ports: Vec<String> = n
                    .ports
                    .iter()
                    .enumerate()
                    .map(|(k, t)| format!("{} = {t}", k + 1))
                    .collect();
                markdown.push_str(&format!(" Receptor ports: {}.", ports.join(", ")));
            }
            push_meta(&mut markdown, &n.meta);
            let code = if n.name == n.base.name() {
                format!("nest.SetDefaults({}, {})", string(&n.name), dict(&params))
            } else {
                format!(
                    "nest.CopyModel({}, {}, {})",
                    string(n.base.name()),
                    string(&n.name),
                    dict(&params)
                )
            };
            Cell { markdown, code }
        })
        .collect();
    let mut synapses: Vec<&SynapseDesc> = Vec::new();
    for w in &d.wiring {
        let synapse = match w {
            Wiring::Stimulator(s) => &s.synapse,
            Wiring::Projection(p) => &p.synapse,
            Wiring::Recorder(_) => continue,
        };
        let base = synapse.base.name();
        if synapse.model != base && !synapses.iter().any(|s| s.model == synapse.model) {
            synapses.push(synapse);
        }
    }
    for s in synapses {
        let base = s.base.name();
        cells.push(Cell {
            markdown: format!(
                "Synapse model `{}`: a `{base}` (its weight, delay and parameters are given with each connection).",
                s.model
            ),
            code: format!("nest.CopyModel({}, {})", string(base), string(&s.model)),
        });
    }
    cells
}

/// `Create` of a population, with the engine's positions.
pub(super) fn population(input: &Input, index: usize) -> Result<Cell> {
    let d = input.description;
    let p = &d.populations[index];
    let info = &input.network.populations()[index];
    let model = &d.neurons[p.model];
    let var = input.population_var(index);
    let mut markdown = doc_or(
        &p.docs,
        format!(
            "Population `{}`: {} neurons of `{}`",
            p.name, info.len, model.name
        ),
    );
    let positions = match (&p.layout, input.space(index)) {
        (None, _) => None,
        (Some(_), None) => {
            return Err(Error::Name(format!(
                "export: population `{}` has a layout but the network holds no positions for it",
                p.name
            )))
        }
        (Some(LayoutDesc::Grid { shape, .. }), Some(space)) => {
            markdown.push_str(", on a grid (NEST computes the same positions)");
            let dims = space.dims();
            Some(format!(
                "nest.spatial.grid(shape=[{}], extent={}, center={}, edge_wrap={})",
                shape
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                floats(&space.extent().as_slice()[..dims]),
                floats(&space.center().coords.as_slice()[..dims]),
                python_bool(space.edge_wrap())
            ))
        }
        (Some(_), Some(space)) => {
            markdown.push_str(", at the positions the engine drew (mm)");
            let dims = space.dims();
            let points: Vec<String> = space
                .positions()
                .iter()
                .map(|pt| format!("        {},", floats(&pt.coords.as_slice()[..dims])))
                .collect();
            Some(format!(
                "nest.spatial.free(\n    pos=[\n{}\n    ],\n    extent={},\n    edge_wrap={},\n)",
                points.join("\n"),
                floats(&space.extent().as_slice()[..dims]),
                python_bool(space.edge_wrap())
            ))
        }
    };
    markdown.push('.');
    push_meta(&mut markdown, &p.meta);
    let code = match positions {
        Some(pos) => format!(
            "{var} = nest.Create({}, positions={pos})",
            string(&model.name)
        ),
        None => format!("{var} = nest.Create({}, {})", string(&model.name), info.len),
    };
    Ok(Cell { markdown, code })
}

fn python_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// A mask as NEST's dictionary (`{"spherical": {"radius": 0.5}, "anchor": [..]}`).
fn mask_dict(m: &MaskDesc, dims: usize) -> String {
    let (kind, params) = mask_shape(&m.shape);
    let mut entries = vec![(kind, dict(&params))];
    if let Some(a) = m.anchor {
        entries.push(("anchor", floats(&a[..dims])));
    }
    dict(&entries)
}

/// NEST's mask type and parameters.
fn mask_shape(shape: &MaskShape) -> (&'static str, Vec<(&'static str, String)>) {
    match shape {
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

/// The Python expression of a device's target selection, and its description.
fn selection(input: &Input, t: &TargetDesc) -> (String, String) {
    let d = input.description;
    let var = input.population_var(t.population);
    let name = &d.populations[t.population].name;
    match &t.select {
        SelectDesc::All => (var, format!("`{name}`")),
        SelectDesc::Range(a, z) => (format!("{var}[{a}:{z}]"), format!("`{name}[{a}..{z}]`")),
        SelectDesc::Within(m, center) => {
            let dims = input.dims(t.population);
            // SelectNodesByMask places the mask at the point; a mask's anchor shifts it.
            let at: Vec<f64> = (0..dims)
                .map(|i| center[i] + m.anchor.map_or(0.0, |a| a[i]))
                .collect();
            let (kind, params) = mask_shape(&m.shape);
            let expr = format!(
                "nest.SelectNodesByMask({var}, {}, nest.CreateMask({}, {}))",
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
    }
}

/// NEST's device parameters of a window.
fn window_params((start, stop): (f64, Option<f64>)) -> Vec<(&'static str, String)> {
    let mut out = vec![("start", float(start))];
    if let Some(stop) = stop {
        out.push(("stop", float(stop)));
    }
    out
}

/// A recorder: `Create` and `Connect`.
pub(super) fn recorder(input: &Input, r: &RecorderDesc) -> Cell {
    let var = ident(&r.name);
    let (sel, what) = selection(input, &r.target);
    let mut params = Vec::new();
    let (model, connect) = match &r.kind {
        RecorderKind::Spikes { ascii } => {
            if ascii.is_some() {
                params.push(("record_to", string("ascii")));
                params.push(("label", string(&r.name)));
            }
            ("spike_recorder", format!("nest.Connect({sel}, {var})"))
        }
        RecorderKind::Multimeter {
            interval,
            offset,
            record_from,
        } => {
            params.push(("interval", float(*interval)));
            params.push(("offset", float(*offset)));
            let rf: Vec<String> = record_from.iter().map(|s| string(s)).collect();
            params.push(("record_from", format!("[{}]", rf.join(", "))));
            ("multimeter", format!("nest.Connect({var}, {sel})"))
        }
    };
    params.extend(window_params(r.window));
    let markdown = doc_or(
        &r.docs,
        format!("Recorder `{}` ({model}) on {what}.", r.name),
    );
    Cell {
        markdown,
        code: format!(
            "{var} = nest.Create({}, params={})\n{connect}",
            string(model),
            dict(&params)
        ),
    }
}

/// A stimulator: `Create` and one `Connect` per target selection.
pub(super) fn stimulator(input: &Input, s: &StimulatorDesc) -> Result<Cell> {
    let var = ident(&s.name);
    let (model, mut params) = match &s.kind {
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
            allow_offgrid_times,
        } => {
            let mut p = vec![("spike_times", floats(spike_times))];
            if !spike_weights.is_empty() {
                p.push(("spike_weights", floats(spike_weights)));
            }
            p.push((
                "allow_offgrid_times",
                python_bool(*allow_offgrid_times).into(),
            ));
            ("spike_generator", p)
        }
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
    let syn = input.syn_spec(&s.synapse)?;
    let mut code = format!(
        "{var} = nest.Create({}, params={})",
        string(model),
        dict(&params)
    );
    let mut whats = Vec::new();
    for t in &s.targets {
        let (sel, what) = selection(input, t);
        code.push_str(&format!("\nnest.Connect({var}, {sel}, syn_spec={syn})"));
        whats.push(what);
    }
    let markdown = doc_or(
        &s.docs,
        format!("Stimulator `{}` ({model}) on {}.", s.name, whats.join(", ")),
    );
    Ok(Cell { markdown, code })
}

/// A connection: `Connect` with the rule, mask, kernel and flags, counting the synapses
/// it creates.
pub(super) fn projection(input: &Input, p: &ProjectionDesc) -> Result<Cell> {
    let (src, tgt) = (
        input.population_var(p.source),
        input.population_var(p.target),
    );
    let mut conn: Vec<(&str, String)> = Vec::new();
    let rule = crate::rule(p.rule);
    conn.push(("rule", string(rule.name())));
    let kernel = p.kernel.as_ref().map(kernel_expr);
    match p.rule {
        RuleDesc::AllToAll | RuleDesc::OneToOne => {}
        RuleDesc::FixedIndegree(k) => conn.push(("indegree", k.to_string())),
        RuleDesc::FixedOutdegree(k) => conn.push(("outdegree", k.to_string())),
        RuleDesc::FixedTotalNumber(n) => conn.push(("N", n.to_string())),
        RuleDesc::PairwiseBernoulli(x) => conn.push((
            "p",
            match &kernel {
                Some(k) if x == 1.0 => k.clone(),
                Some(k) => format!("{} * {k}", float(x)),
                None => float(x),
            },
        )),
    }
    if let (Some(k), false) = (&kernel, matches!(p.rule, RuleDesc::PairwiseBernoulli(_))) {
        // For the degree rules NEST uses p as a relative weight of the candidates.
        conn.push(("p", k.clone()));
    }
    if let Some(m) = &p.mask {
        conn.push(("mask", mask_dict(m, input.dims(p.source))));
    }
    if p.use_on_source {
        conn.push(("use_on_source", "True".into()));
    }
    conn.push(("allow_autapses", python_bool(p.autapses).into()));
    conn.push(("allow_multapses", python_bool(p.multapses).into()));
    let syn = input.syn_spec(&p.synapse)?;
    let markdown = doc_or(
        &p.docs,
        format!(
            "Connection `{}`: {}{}{}.",
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
            }
        ),
    );
    let code = format!(
        "n_before = nest.num_connections\nnest.Connect(\n    {src},\n    {tgt},\n    conn_spec={},\n    syn_spec={syn},\n)\nsynapses[{}] = nest.num_connections - n_before",
        dict(&conn),
        string(&p.name)
    );
    Ok(Cell {
        markdown: {
            let mut m = markdown;
            push_meta(&mut m, &p.meta);
            m
        },
        code,
    })
}

/// A kernel as a NEST parameter of the distance.
fn kernel_expr(k: &KernelDesc) -> String {
    match *k {
        KernelDesc::Constant { p } => float(p),
        KernelDesc::Linear { p0, slope } => {
            format!("{} + {} * nest.spatial.distance", float(p0), float(slope))
        }
        KernelDesc::Exponential { p0, beta } => format!(
            "{} * nest.spatial_distributions.exponential(nest.spatial.distance, beta={})",
            float(p0),
            float(beta)
        ),
        KernelDesc::Gaussian { p0, mean, std } => format!(
            "{} * nest.spatial_distributions.gaussian(nest.spatial.distance, mean={}, std={})",
            float(p0),
            float(mean),
            float(std)
        ),
    }
}

/// The last cell: a recorder per population for the summary, `Simulate`, and the
/// summary as one JSON line.
pub(super) fn simulate(input: &Input) -> Cell {
    let d = input.description;
    let pops: Vec<String> = d
        .populations
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}: {}", string(&p.name), input.population_var(i)))
        .collect();
    let recs: Vec<String> = d
        .wiring
        .iter()
        .filter_map(|w| match w {
            Wiring::Recorder(r) if matches!(r.kind, RecorderKind::Spikes { .. }) => {
                Some(format!("{}: {}", string(&r.name), ident(&r.name)))
            }
            _ => None,
        })
        .collect();
    let code = format!(
        "populations = {{{}}}\ncounted = {{name: nest.Create(\"spike_recorder\") for name in populations}}\n\
         for name, pop in populations.items():\n    nest.Connect(pop, counted[name])\n\n\
         nest.Simulate(T_SIM)\n\n\
         recorders = {{{}}}\n\
         summary = {{\n    \"populations\": {{\n        name: {{\n            \"size\": len(pop),\n            \"spikes\": counted[name].n_events,\n            \"rate_hz\": counted[name].n_events / len(pop) / (T_SIM / 1000.0),\n        }}\n        for name, pop in populations.items()\n    }},\n    \"projections\": {{name: {{\"synapses\": n}} for name, n in synapses.items()}},\n    \"recorders\": {{name: {{\"events\": rec.n_events}} for name, rec in recorders.items()}},\n    \"time_ms\": T_SIM,\n    \"rng_seed\": nest.rng_seed,\n    \"threads\": nest.total_num_virtual_procs,\n    \"nest_version\": nest.__version__,\n}}\nprint(json.dumps(summary))",
        pops.join(", "),
        recs.join(", ")
    );
    Cell {
        markdown: "Simulate, then print a summary as one line of JSON: spikes and mean rate per \
                   population (from one extra spike recorder per population, not part of the \
                   description), synapses per connection and events per recorder."
            .into(),
        code,
    }
}

/// The statement's doc comments, or `fallback` when it has none.
fn doc_or(docs: &[String], fallback: String) -> String {
    if docs.is_empty() {
        fallback
    } else {
        let text = docs.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n");
        format!("{text}\n\n{fallback}")
    }
}

/// Metadata (`where { .. }`) as a list.
fn push_meta(markdown: &mut String, meta: &[(String, String)]) {
    if meta.is_empty() {
        return;
    }
    markdown.push('\n');
    for (k, v) in meta {
        markdown.push_str(&format!("\n- {k}: {v}"));
    }
}
