//! From the syntax tree to the validated description. Every rule reports into one
//! context, so the user sees all mistakes at once; each rule lives in a small function
//! that says why it exists.

mod biology;
mod connect;

pub(crate) use connect::unnamed_field;
mod devices;
mod dims;
mod distance_kernel;
mod expression;
mod generator_recorders;
mod generators;
mod grid_mask;
mod initial;
mod kernel;
mod neuron;
mod protocol;
mod protocol_flags;
mod protocol_generators;
pub(crate) use protocol_generators::table as generator_table;
mod protocol_neurons;
mod protocol_reads;
mod protocol_synapses;
mod protocol_windows;
mod psp;
mod rate;
mod rate_devices;
mod rate_protocol;
mod rate_spatial;
mod receptors;
mod space_values;
mod spatial;
mod synapse;
mod targets;
mod train_generators;
mod values;
mod weight_recorders;

use crate::ast::*;
use crate::description::*;
use crate::Diagnostic;
use std::collections::HashMap;

/// The index of a name whose statement had errors: known, so that its uses do not
/// report it again, but not usable.
const POISONED: usize = usize::MAX;

/// What a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Neuron,
    Synapse,
    Population,
    Mask,
    Recorder,
    Stimulator,
    Projection,
    RateNeuron,
    RatePopulation,
    RateMultimeter,
    ConnectionRead,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Neuron => "a neuron model",
            Kind::Synapse => "a synapse model",
            Kind::Population => "a population",
            Kind::Mask => "a mask",
            Kind::Recorder => "a recorder",
            Kind::Stimulator => "a stimulator",
            Kind::Projection => "a connection",
            Kind::RateNeuron => "a rate neuron model",
            Kind::RatePopulation => "a rate population",
            Kind::RateMultimeter => "a multimeter on rate neurons",
            Kind::ConnectionRead => "a connection read",
        }
    }
}

/// The state of a check: diagnostics so far and the names declared.
pub(crate) struct Ctx {
    pub diagnostics: Vec<Diagnostic>,
    names: HashMap<String, (Kind, usize)>,
    pub resolution: f64,
    pub neurons: Vec<NeuronDesc>,
    pub synapses: Vec<SynapseDesc>,
    pub masks: Vec<MaskDesc>,
    pub populations: Vec<PopulationDesc>,
    /// The dimension of each synapse variant's written weight.
    pub synapse_dims: Vec<Option<crate::units::Dim>>,
    /// Each synapse variant's weight when written as `psp(..)`, converted per target.
    pub synapse_psp: Vec<Option<psp::Psp>>,
    /// Rust expressions written in braces, referred to by index.
    pub exprs: Vec<RuntimeExpr>,
    /// The rate neurons, their populations, connections and multimeters (`rate.rs`).
    pub rate: crate::rate::RateDesc,
    /// The connections a weight recorder records so far, with its name (NEST keeps one
    /// weight recorder per synapse model).
    pub weight_recorded: Vec<(usize, String)>,
    /// Whether expressions being checked are a neuron's own values (`with { .. }` of a
    /// population: `x`, `y`, `z` are its position) rather than a pair's.
    pub neuron_scope: bool,
}

impl Ctx {
    /// Reports a mistake at `span`, with what would be valid.
    pub fn error(&mut self, span: SpanRange, message: impl Into<String>, help: impl Into<String>) {
        let help = help.into();
        self.diagnostics.push(Diagnostic {
            span,
            message: message.into(),
            help: (!help.is_empty()).then_some(help),
        });
    }

    /// Declares `name`. Why: every population, device and connection becomes a field of
    /// the generated type and an engine name, and a model or mask is referred to by
    /// name, so one name must mean one thing.
    fn declare(&mut self, name: &syn::Ident, kind: Kind, index: usize) -> bool {
        let text = name.to_string();
        if let Some((existing, _)) = self.names.get(&text) {
            self.error(
                name.into(),
                format!(
                    "duplicate name `{text}`: already declared as {}",
                    existing.describe()
                ),
                format!("give this {} another name", &kind.describe()[2..]),
            );
            return false;
        }
        self.names.insert(text, (kind, index));
        true
    }

    /// Resolves a reference to a `kind`. Why: a typo or a name of the wrong kind (a
    /// recorder used as a connection's source) would otherwise only fail at run time, or
    /// not at all.
    pub fn lookup(&mut self, name: &syn::Ident, kind: Kind, role: &str) -> Option<usize> {
        let text = name.to_string();
        match self.names.get(&text) {
            Some((k, i)) if *k == kind => (*i != POISONED).then_some(*i),
            Some((k, _)) => {
                let k = *k;
                let help = match (k, kind) {
                    (Kind::Recorder, Kind::Population) => {
                        "a recorder only receives spikes or samples; connect populations, and use `stimulate` to drive neurons".to_string()
                    }
                    (Kind::Stimulator, Kind::Population) => {
                        "a stimulator is connected by its own `stimulate .. -> POPULATION` statement".to_string()
                    }
                    _ => self.candidates(kind),
                };
                self.error(
                    name.into(),
                    format!(
                        "`{text}` is {}, not {}; {role}",
                        k.describe(),
                        kind.describe()
                    ),
                    help,
                );
                None
            }
            None => {
                let names: Vec<&str> = self
                    .names
                    .iter()
                    .filter(|(_, (k, _))| *k == kind)
                    .map(|(n, _)| n.as_str())
                    .collect();
                let help = match network_spec::error::closest(&text, &names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => self.candidates(kind),
                };
                self.error(
                    name.into(),
                    format!("cannot find {} named `{text}`", &kind.describe()[2..]),
                    help,
                );
                None
            }
        }
    }

    fn candidates(&self, kind: Kind) -> String {
        let mut names: Vec<&str> = self
            .names
            .iter()
            .filter(|(_, (k, _))| *k == kind)
            .map(|(n, _)| n.as_str())
            .collect();
        names.sort_unstable();
        if names.is_empty() {
            format!("declare {} before using it", kind.describe())
        } else {
            format!("declared: {}", names.join(", "))
        }
    }
}

/// Declares the names of the statements that did not parse as known but unusable, so
/// that their uses report nothing beyond the syntax error.
/// The identifier a checked name was written as, at `span`: a raw one (`r#type`, as
/// `Ident::to_string` gives it) stays raw.
pub(crate) fn ident_named(name: &str, span: proc_macro2::Span) -> syn::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => syn::Ident::new_raw(raw, span),
        None => syn::Ident::new(name, span),
    }
}

fn poison_broken(cx: &mut Ctx, broken: &[Broken]) {
    for b in broken {
        let (name, kind) = match b {
            Broken::Named(keyword, name) => (
                name,
                match keyword.to_string().as_str() {
                    "neuron" => Kind::Neuron,
                    "synapse" => Kind::Synapse,
                    "population" => Kind::Population,
                    _ => Kind::Mask,
                },
            ),
            Broken::Device(keyword, name, _) if keyword == "record" => (name, Kind::Recorder),
            Broken::Device(_, name, _) => (name, Kind::Stimulator),
            Broken::Connect {
                name: Some(name), ..
            } => (name, Kind::Projection),
            Broken::Connect { name: None, .. } => continue,
        };
        cx.names.entry(name.to_string()).or_insert((kind, POISONED));
    }
}

/// Checks a syntax tree.
pub fn check(ast: &NetworkAst) -> Result<Description, Vec<Diagnostic>> {
    let mut cx = Ctx {
        diagnostics: Vec::new(),
        names: HashMap::new(),
        resolution: 0.1,
        neurons: Vec::new(),
        synapses: Vec::new(),
        masks: Vec::new(),
        populations: Vec::new(),
        synapse_dims: Vec::new(),
        synapse_psp: Vec::new(),
        exprs: Vec::new(),
        rate: Default::default(),
        weight_recorded: Vec::new(),
        neuron_scope: false,
    };
    let (seed, files) = settings(&mut cx, ast);
    let delay_extrema = kernel::delay_extrema(&mut cx, ast);
    cx.rate.kernel = rate_devices::kernel(&mut cx, ast);
    poison_broken(&mut cx, &ast.broken);
    for item in &ast.items {
        match item {
            Item::Neuron(n) if rate::is_rate_model(&n.base) => {
                let desc = rate::neuron(&mut cx, n);
                let index = desc.as_ref().map_or(POISONED, |_| cx.rate.neurons.len());
                if cx.declare(&n.name, Kind::RateNeuron, index) {
                    cx.rate.neurons.extend(desc);
                }
            }
            Item::Neuron(n) => {
                let desc = neuron::neuron(&mut cx, n);
                let index = desc.as_ref().map_or(POISONED, |_| cx.neurons.len());
                if cx.declare(&n.name, Kind::Neuron, index) {
                    cx.neurons.extend(desc);
                }
            }
            Item::Synapse {
                name, base, params, ..
            } => {
                let desc = neuron::synapse(&mut cx, name, base, params);
                let index = desc.as_ref().map_or(POISONED, |_| cx.synapses.len());
                if cx.declare(name, Kind::Synapse, index) {
                    cx.synapses.extend(desc);
                } else if desc.is_some() {
                    cx.synapse_dims.pop();
                    cx.synapse_psp.pop();
                }
            }
            Item::Mask { name, shape, .. } => {
                let desc = spatial::mask(&mut cx, shape).map(|mut d| {
                    d.name = Some(name.to_string());
                    d
                });
                let index = desc.as_ref().map_or(POISONED, |_| cx.masks.len());
                if cx.declare(name, Kind::Mask, index) {
                    cx.masks.extend(desc);
                }
            }
            _ => {}
        }
    }
    for item in &ast.items {
        if let Item::Population(p) = item {
            if let Some(&(Kind::RateNeuron, neuron)) = cx.names.get(&p.model.to_string()) {
                let desc = (neuron != POISONED)
                    .then(|| rate::population(&mut cx, p, neuron))
                    .flatten();
                let index = desc
                    .as_ref()
                    .map_or(POISONED, |_| cx.rate.populations.len());
                if cx.declare(&p.name, Kind::RatePopulation, index) {
                    cx.rate.populations.extend(desc);
                }
                continue;
            }
            match spatial::population(&mut cx, p) {
                Some(desc) => {
                    if cx.declare(&p.name, Kind::Population, cx.populations.len()) {
                        cx.populations.push(desc);
                    }
                }
                None => drop(cx.declare(&p.name, Kind::Population, POISONED)),
            }
        }
    }
    let mut wiring = Vec::new();
    for item in &ast.items {
        let (name, kind, desc) = match item {
            Item::Record(d) if rate_devices::is_rate_record(&cx, d) => {
                let desc = rate_devices::multimeter(&mut cx, d);
                let index = desc
                    .as_ref()
                    .map_or(POISONED, |_| cx.rate.multimeters.len());
                if cx.declare(&d.name, Kind::RateMultimeter, index) {
                    cx.rate.multimeters.extend(desc);
                }
                continue;
            }
            Item::Stimulate(d) if rate_devices::stimulator_onto_rate(&mut cx, d) => {
                cx.declare(&d.name, Kind::Stimulator, POISONED);
                continue;
            }
            Item::Connect(c) if rate::is_rate_connect(&cx, c) => {
                let desc = rate::connection(&mut cx, c);
                cx.rate.connections.extend(desc);
                continue;
            }
            Item::Record(d) => (
                &d.name,
                Kind::Recorder,
                devices::recorder(&mut cx, d, &wiring).map(Wiring::Recorder),
            ),
            Item::Stimulate(d) => (
                &d.name,
                Kind::Stimulator,
                devices::stimulator(&mut cx, d).map(Wiring::Stimulator),
            ),
            Item::Connect(c) => {
                let desc = connect::connection(&mut cx, c, &wiring);
                let field = desc.as_ref().map(|d| d.field.clone());
                if let (Some(desc), Some(field)) = (desc, field) {
                    let ident = ident_named(&field, c.arrow.start);
                    if cx.declare(&ident, Kind::Projection, wiring.len()) {
                        wiring.push(Wiring::Projection(Box::new(desc)));
                    }
                }
                continue;
            }
            _ => continue,
        };
        match desc {
            Some(desc) => {
                if cx.declare(name, kind, wiring.len()) {
                    wiring.push(desc);
                }
            }
            None => drop(cx.declare(name, kind, POISONED)),
        }
    }
    let protocol = protocol::protocol(&mut cx, &ast.items, &mut wiring);
    if cx.diagnostics.is_empty() {
        Ok(Description {
            resolution: cx.resolution,
            seed,
            data_path: files.0,
            data_prefix: files.1,
            delay_extrema,
            neurons: cx.neurons,
            populations: cx.populations,
            wiring,
            exprs: cx.exprs,
            protocol,
            rate: cx.rate,
        })
    } else {
        Err(cx.diagnostics)
    }
}

/// The directory and file-name prefix of recorder files.
type FileSettings = (Option<String>, Option<String>);

/// `resolution`, `seed`, `data_path` and `data_prefix`. Why: the resolution fixes the
/// time grid every delay and device time is checked against, so it is read before
/// anything else.
fn settings(cx: &mut Ctx, ast: &NetworkAst) -> (u64, FileSettings) {
    let mut seed = 42;
    let mut files: FileSettings = (None, None);
    let mut seen: Vec<String> = Vec::new();
    for item in &ast.items {
        let Item::Setting { key, value } = item else {
            continue;
        };
        let text = key.to_string();
        if seen.contains(&text) {
            cx.error(key.into(), format!("`{text}` is set twice"), "keep one");
            continue;
        }
        seen.push(text.clone());
        match text.as_str() {
            "resolution" => {
                if let Some(h) = cx.number(value, crate::units::Dim::Time, "resolution") {
                    match network_spec::Resolution::new(h) {
                        Ok(_) => cx.resolution = h,
                        Err(e) => cx.error(
                            value.span(),
                            e.to_string(),
                            "NEST's default is `resolution = 0.1 ms;`",
                        ),
                    }
                }
            }
            "seed" => {
                if let Some(s) = cx.integer(value, "seed") {
                    seed = s as u64;
                }
            }
            // Read with each other (`kernel.rs`).
            "min_delay" | "max_delay" => {}
            // The waveform-relaxation settings (`rate.rs`).
            name if rate::WFR_SETTINGS.contains(&name) => {}
            "data_path" | "data_prefix" => match value {
                Expr::Str(s) if text == "data_path" => files.0 = Some(s.value()),
                Expr::Str(s) => files.1 = Some(s.value()),
                other => cx.error(
                    other.span(),
                    format!("`{text}` must be a string"),
                    format!(
                        "e.g. `{text} = \"{}\";`",
                        if text == "data_path" { "out" } else { "run1-" }
                    ),
                ),
            },
            _ => {
                let settings = setting_names();
                let help = match network_spec::error::closest(&text, &settings) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the settings are {}", settings.join(", ")),
                };
                cx.error(key.into(), format!("unknown setting `{text}`"), help);
            }
        }
    }
    (seed, files)
}

/// The names a setting (`name = value;`) may have, from the language's table.
fn setting_names() -> Vec<&'static str> {
    crate::grammar::key_names(crate::grammar::SETTINGS)
}
