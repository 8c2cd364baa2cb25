//! The PyNEST statements of a plan's settings, models and populations and the last
//! cell that simulates, each with a sentence (or the statement's doc comments) saying
//! what it does; `devices.rs` writes the devices and connections.

use super::python::{dict, float, floats, ident, parameter, string};
use super::{Cell, ExportOptions};
use network_core::spatial::Space;
use network_core::{Error, Network, Result};
use network_syntax::description::*;
use network_syntax::lowering::{self, Plan, Step};

/// What the statements are made from.
pub(super) struct Input<'a> {
    pub description: &'a Description,
    pub plan: &'a Plan,
    pub network: &'a Network,
    pub expressions: &'a [f64],
    pub options: &'a ExportOptions,
}

impl Input<'_> {
    pub(super) fn population_var(&self, index: usize) -> String {
        ident(&self.description.populations[index].name)
    }

    pub(super) fn expression(&self, index: usize) -> Result<f64> {
        self.expressions.get(index).copied().ok_or_else(|| {
            Error::Name(format!(
                "export: no value for the Rust expression #{index} of the description"
            ))
        })
    }

    pub(super) fn amount(&self, n: NumDesc) -> Result<String> {
        Ok(match n {
            NumDesc::Const(v) => float(v),
            NumDesc::Runtime(i) => float(self.expression(i)?),
        })
    }

    /// A weight or delay: a number or a `nest.random` parameter.
    pub(super) fn value(&self, v: &ValueDesc) -> Result<String> {
        self.value_from(v, None)
    }

    /// A weight or delay of a connection from population `source`: a number, a
    /// `nest.random` parameter or an expression of space (displacements wrapped on the
    /// source layer where it is periodic).
    pub(super) fn value_from(&self, v: &ValueDesc, source: Option<usize>) -> Result<String> {
        self.value_on(v, source.and_then(|s| self.space(s)))
    }

    /// [`Self::value_from`] with the source layer's positions given (a rate population's).
    pub(super) fn value_on(&self, v: &ValueDesc, source: Option<&Space>) -> Result<String> {
        Ok(match *v {
            ValueDesc::Known(Value::Expression(ref e)) => super::expression::python(e, source),
            ValueDesc::Runtime(i) => float(self.expression(i)?),
            ValueDesc::Known(Value::Constant(c)) => float(c),
            ValueDesc::Known(Value::Uniform { min, max }) => {
                format!(
                    "nest.random.uniform(min={}, max={})",
                    float(min),
                    float(max)
                )
            }
            ValueDesc::Known(Value::Normal {
                mean,
                std,
                min,
                max,
            }) => {
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
            ValueDesc::Known(Value::Lognormal { mu, sigma }) => format!(
                "nest.random.lognormal(mean={}, std={})",
                float(mu),
                float(sigma)
            ),
        })
    }

    /// NEST's `syn_spec`: the model, weight and delay, the plastic model's parameters
    /// and the receptor port (`receptor_type`) when one is named. A model with common
    /// parameters (`_hom`) is connected through `copy` (see [`Self::common_model`]),
    /// without them.
    pub(super) fn syn_spec(&self, s: &lowering::Synapse, copy: Option<&str>) -> Result<String> {
        self.syn_spec_from(s, copy, None)
    }

    /// [`Self::syn_spec`] of a connection from population `source`.
    pub(super) fn syn_spec_from(
        &self,
        s: &lowering::Synapse,
        copy: Option<&str>,
        source: Option<usize>,
    ) -> Result<String> {
        let common = s.base.common();
        let mut entries = vec![("synapse_model", string(copy.unwrap_or(s.model_name())))];
        if !common.contains(&"weight") {
            entries.push(("weight", self.value_from(&s.weight, source)?));
        }
        entries.push(("delay", self.value_from(&s.delay, source)?));
        entries.extend(
            s.params
                .iter()
                .filter(|(k, _)| !common.contains(k))
                .map(|(k, v)| (*k, synapse_number(s.base, k, *v))),
        );
        // Drawn per synapse: NEST draws a parameter object for each connection it makes.
        for (k, v) in &s.varied {
            let value = ValueDesc::Known(v.clone());
            entries.push((*k, self.value_from(&value, source)?));
        }
        if let Some(k) = s.receptor {
            entries.push(("receptor_type", k.to_string()));
        }
        Ok(dict(&entries))
    }

    /// For a model with common parameters (NEST's `_hom` models, which reject them per
    /// connection): the name of a copy for the projection `field` and its `CopyModel`
    /// with the projection's common parameters (all of them, defaults included).
    pub(super) fn common_model(
        &self,
        s: &lowering::Synapse,
        field: &str,
    ) -> Result<Option<(String, String)>> {
        let common = s.base.common();
        // A connection a weight recorder records has a copy too (NEST sets the recorder
        // on a synapse model).
        let records = |w: &lowering::WeightRecorder| w.connections.iter().any(|c| c == field);
        let recorded = self
            .plan
            .steps
            .iter()
            .any(|step| matches!(step, Step::WeightRecorder(w) if records(w)))
            || self.plan.protocol.iter().any(|a| {
                matches!(a, lowering::Action::Record(lowering::Recorder::Weights(w)) if records(w))
            });
        if common.is_empty() && !recorded {
            return Ok(None);
        }
        let copy = format!("{}__{field}", s.model_name());
        let mut entries = Vec::new();
        for name in common {
            let value = match *name {
                "weight" => self.value(&s.weight)?,
                _ => synapse_number(
                    s.base,
                    name,
                    s.params
                        .iter()
                        .rev()
                        .find(|(k, _)| k == name)
                        .map(|p| p.1)
                        .or_else(|| {
                            s.base
                                .parameters()
                                .iter()
                                .find(|p| p.name == *name)
                                .map(|p| p.default)
                        })
                        .unwrap_or(f64::NAN),
                ),
            };
            entries.push((*name, value));
        }
        let code = format!(
            "nest.CopyModel({}, {}, {})",
            string(s.model_name()),
            string(&copy),
            dict(&entries)
        );
        Ok(Some((copy, code)))
    }

    pub(super) fn dims(&self, population: usize) -> usize {
        self.space(population).map_or(3, Space::dims)
    }

    pub(super) fn space(&self, population: usize) -> Option<&Space> {
        self.network.populations()[population].space.as_deref()
    }
}

/// The first cell: imports, kernel settings, simulated time.
pub(super) fn setup(input: &Input, title: &str, docs: &[String]) -> Cell {
    let d = input.plan;
    let o = input.options;
    let mut markdown = format!("# {title}\n");
    if !docs.is_empty() {
        markdown.push('\n');
        markdown.push_str(&docs.join("\n"));
        markdown.push('\n');
    }
    markdown.push_str(&format!(
        "\nExported from a description in the `network!` language. Neuron positions are the \
         ones the engine drew with seed {}, so the neurons sit where they sat in the \
         engine's run. NEST draws the random connections anew with its own generator \
         (rng_seed below): the same rules, masks and kernels, but not the same synapses, \
         so connection counts, random weights, Poisson trains and spikes agree with the \
         engine's statistically, not one for one. Run it \
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
    if let Some((min, max)) = d.delay_extrema {
        code.push_str(&format!(
            "\nnest.set(min_delay={}, max_delay={})",
            float(min),
            float(max)
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

/// A synapse parameter's value as Python writes it ([`parameter`]).
fn synapse_number(model: SynapseModel, name: &str, v: f64) -> String {
    parameter(model.parameters(), name, v)
}

/// `CopyModel` (or `SetDefaults`) of a neuron model variant.
pub(super) fn model(n: &NeuronDesc) -> Cell {
    let params: Vec<(&str, String)> = n
        .params
        .iter()
        .map(|(k, v)| (*k, parameter(n.base.parameters(), k, *v)))
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
}

/// `CopyModel` for each synapse variant the plan uses (the engine makes a variant with
/// each connection; NEST needs it defined once, before).
pub(super) fn synapse_models(input: &Input) -> Vec<Cell> {
    input
        .plan
        .synapse_variants()
        .into_iter()
        .map(|(name, base)| {
            let base = base.name();
            Cell {
                markdown: format!(
                    "Synapse model `{name}`: a `{base}` (its weight, delay and parameters are given with each connection)."
                ),
                code: format!("nest.CopyModel({}, {})", string(base), string(name)),
            }
        })
        .collect()
}

/// `Create` of a population, with the engine's positions.
pub(super) fn population(input: &Input, p: &lowering::Population) -> Result<Cell> {
    let info = &input.network.populations()[p.index];
    let desc = &input.description.populations[p.index];
    let var = input.population_var(p.index);
    let mut markdown = doc_or(
        &desc.docs,
        format!(
            "Population `{}`: {} neurons of `{}`",
            p.name, info.len, p.model
        ),
    );
    let positions = match (&p.layout, input.space(p.index)) {
        (None, _) => None,
        (Some(_), None) => {
            return Err(Error::Name(format!(
                "export: population `{}` has a layout but the network holds no positions for it",
                p.name
            )))
        }
        (Some(layout), Some(space)) => {
            let (words, code) = positions(layout, space);
            markdown.push_str(words);
            Some(code)
        }
    };
    markdown.push('.');
    push_meta(&mut markdown, &desc.meta);
    let mut code = match positions {
        Some(pos) => format!("{var} = nest.Create({}, positions={pos}", string(&p.model)),
        None => format!("{var} = nest.Create({}, {}", string(&p.model), info.len),
    };
    code.push_str(&initial_params(input, p)?);
    code.push(')');
    Ok(Cell { markdown, code })
}

/// NEST's `positions=` of a population placed by `layout` at the positions of `space`,
/// with the words that say so: a grid as `nest.spatial.grid` (NEST computes the same
/// positions), any other layout as the positions the engine drew (`nest.spatial.free`).
pub(super) fn positions(layout: &Layout, space: &Space) -> (&'static str, String) {
    let dims = space.dims();
    match layout {
        Layout::Grid { shape, .. } => (
            ", on a grid (NEST computes the same positions)",
            format!(
                "nest.spatial.grid(shape=[{}], extent={}, center={}, edge_wrap={})",
                shape
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                floats(&space.extent().to_array()[..dims]),
                floats(&space.center().coords.to_array()[..dims]),
                python_bool(space.edge_wrap())
            ),
        ),
        _ => {
            let points: Vec<String> = space
                .positions()
                .iter()
                .map(|pt| format!("        {},", floats(&pt.coords.to_array()[..dims])))
                .collect();
            (
                ", at the positions the engine drew (mm)",
                format!(
                    "nest.spatial.free(\n    pos=[\n{}\n    ],\n    extent={},\n    edge_wrap={},\n)",
                    points.join("\n"),
                    floats(&space.extent().to_array()[..dims]),
                    python_bool(space.edge_wrap())
                ),
            )
        }
    }
}

/// `, params={..}` of a population's initial values per neuron (empty when none):
/// NEST evaluates each parameter for each neuron it creates.
fn initial_params(input: &Input, p: &lowering::Population) -> Result<String> {
    if p.initial.is_empty() {
        return Ok(String::new());
    }
    let mut items = Vec::new();
    for (name, v) in &p.initial {
        let text = match v {
            Value::Expression(e) => super::expression::neuron_python(e),
            v => input.value(&ValueDesc::Known(v.clone()))?,
        };
        items.push(format!("\n    {}: {text},", string(name)));
    }
    Ok(format!(", params={{{}\n}}", items.concat()))
}

pub(super) fn python_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The last cell: a recorder per population for the summary, `Simulate`, and the
/// summary as one JSON line.
pub(super) fn simulate(input: &Input) -> Result<Cell> {
    let pops: Vec<String> = input
        .plan
        .populations()
        .map(|p| format!("{}: {}", string(&p.name), input.population_var(p.index)))
        .collect();
    // The recorders the build makes, then those the protocol adds.
    let added = input.plan.protocol.iter().filter_map(|a| match a {
        lowering::Action::Record(r) => Some(Step::from(r.clone())),
        _ => None,
    });
    let steps: Vec<Step> = input.plan.steps.iter().cloned().chain(added).collect();
    let recs: Vec<String> = steps
        .iter()
        .filter_map(|s| match s {
            Step::SpikeRecorder(r) => Some(format!("{}: {}", string(&r.name), ident(&r.name))),
            Step::WeightRecorder(w) => Some(format!("{}: {}", string(&w.name), ident(&w.name))),
            _ => None,
        })
        .collect();
    let meters: Vec<String> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Multimeter(m) => Some(format!("{}: {}", string(&m.name), ident(&m.name))),
            Step::Rate(lowering::RateStep::Multimeter(m)) => {
                Some(format!("{}: {}", string(&m.name), ident(&m.name)))
            }
            _ => None,
        })
        .collect();
    let code = format!(
        "populations = {{{}}}\ncounted = {{name: nest.Create(\"spike_recorder\") for name in populations}}\n\
         for name, pop in populations.items():\n    nest.Connect(pop, counted[name])\n\n\
         {}\n\n\
         recorders = {{{}}}\nmultimeters = {{{}}}\n\
         summary = {{\n    \"populations\": {{\n        name: {{\n            \"size\": len(pop),\n            \"spikes\": counted[name].n_events,\n            \"rate_hz\": counted[name].n_events / len(pop) / (T_SIM / 1000.0),\n        }}\n        for name, pop in populations.items()\n    }},\n    \"projections\": {{name: {{\"synapses\": n}} for name, n in synapses.items()}},\n    \"recorders\": {{name: {{\"events\": rec.n_events}} for name, rec in recorders.items()}},\n    \"time_ms\": T_SIM,\n    \"rng_seed\": nest.rng_seed,\n    \"threads\": nest.total_num_virtual_procs,\n    \"nest_version\": nest.__version__,\n}}\nprint(json.dumps(summary))",
        pops.join(", "),
        super::protocol::run(input)?,
        recs.join(", "),
        meters.join(", ")
    );
    Ok(Cell {
        markdown: "Simulate, then print a summary as one line of JSON: spikes and mean rate per \
                   population (from one extra spike recorder per population, not part of the \
                   description), synapses per connection and events per recorder."
            .into(),
        code,
    })
}

/// The statement's doc comments, or `fallback` when it has none.
pub(super) fn doc_or(docs: &[String], fallback: String) -> String {
    if docs.is_empty() {
        fallback
    } else {
        let text = docs.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n");
        format!("{text}\n\n{fallback}")
    }
}

/// Metadata (`where { .. }`) as a list.
pub(super) fn push_meta(markdown: &mut String, meta: &[(String, String)]) {
    if meta.is_empty() {
        return;
    }
    markdown.push('\n');
    for (k, v) in meta {
        markdown.push_str(&format!("\n- {k}: {v}"));
    }
}
