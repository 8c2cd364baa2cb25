//! What may be set between runs on a generator, a recorder or a connection, with each
//! value's dimension: the one table that the checker of the `protocol` block
//! (`set drive.rate = 20 kHz;`, `set e2i.U = 0.3;`) and the typed setters `network!`
//! generates (`net.set_drive().rate(Hz(20_000.0))?`) both read.

use crate::description::StimulusDesc;
use crate::units::Dim;
use network_spec::{ParamKind, SynapseModel};

/// A value that can be set between runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settable {
    /// NEST's name.
    pub name: &'static str,
    /// Its dimension (and so its unit).
    pub dimension: Dim,
    /// A list of values rather than one.
    pub list: bool,
    /// A whole number (NEST's integer parameters).
    pub integer: bool,
    /// What it is.
    pub doc: &'static str,
}

impl Settable {
    const fn number(name: &'static str, dimension: Dim, doc: &'static str) -> Self {
        Settable {
            name,
            dimension,
            list: false,
            integer: false,
            doc,
        }
    }

    const fn list(name: &'static str, dimension: Dim, doc: &'static str) -> Self {
        Settable {
            name,
            dimension,
            list: true,
            integer: false,
            doc,
        }
    }

    fn of(info: &network_spec::ParamInfo, dimension: Dim) -> Self {
        Settable {
            name: info.name,
            dimension,
            list: info.kind == ParamKind::List,
            integer: info.is_integer(),
            doc: info.doc,
        }
    }
}

/// The window every generator and recorder has (NEST's `start`, `stop`, `origin`, ms).
pub const WINDOW: [Settable; 3] = [
    Settable::number(
        "start",
        Dim::Time,
        "start of the activity window, relative to `origin`",
    ),
    Settable::number(
        "stop",
        Dim::Time,
        "end of the activity window, relative to `origin`",
    ),
    Settable::number(
        "origin",
        Dim::Time,
        "time the window's `start` and `stop` count from",
    ),
];

/// The names of the window.
pub const WINDOW_NAMES: [&str; 3] = ["start", "stop", "origin"];

/// What a connection keeps from its creation and NEST refuses in `conns.set`.
pub const FIXED: [&str; 3] = ["receptor_type", "receptor", "synapse_model"];

/// The parameters a generator of `kind` takes between runs besides its window (the
/// engine's `Network::set_generator` accepts these): a table-declared generator's table
/// but its flags (NEST's `individual_spike_trains` only on a model), the others listed
/// here.
pub fn generator(kind: &StimulusDesc) -> Vec<Settable> {
    if let Some(table) = crate::check::generator_table(kind) {
        return table
            .iter()
            .filter(|p| p.kind != ParamKind::Flag)
            .map(|p| Settable::of(p, p.dimension))
            .collect();
    }
    let listed: &[Settable] = match kind {
        StimulusDesc::Dc { .. } => &[Settable::number(
            "amplitude",
            Dim::Current,
            "the constant current",
        )],
        StimulusDesc::Poisson { .. } => &[Settable::number("rate", Dim::Rate, "the mean rate")],
        StimulusDesc::Spikes { .. } => &[
            Settable::list("spike_times", Dim::Time, "the spike times"),
            Settable::list(
                "spike_weights",
                Dim::Number,
                "a factor on each spike's weight",
            ),
            Settable::list(
                "spike_multiplicities",
                Dim::Number,
                "how many spikes each time carries (whole numbers)",
            ),
        ],
        StimulusDesc::Noise { .. } => &[
            Settable::number("mean", Dim::Current, "the mean current"),
            Settable::number("std", Dim::Current, "the standard deviation of the current"),
            Settable::number(
                "std_mod",
                Dim::Current,
                "the amplitude of the standard deviation's modulation",
            ),
            Settable::number(
                "dt",
                Dim::Time,
                "the interval between draws (a multiple of the resolution)",
            ),
            Settable::number("frequency", Dim::Rate, "the modulation's frequency"),
            Settable::number("phase", Dim::Angle, "the modulation's phase"),
        ],
        _ => &[],
    };
    listed.to_vec()
}

/// The values a connection of `model` onto a model whose weights have dimension
/// `weight` takes between runs: `weight`, `delay`, then its table's rule parameters and
/// plastic state, the weight-like ones (`Wmax`) in the weight's unit; not the common
/// properties of a `_hom` model (NEST keeps them in the model and refuses them in
/// `conns.set`).
pub fn connection(model: SynapseModel, weight: Dim) -> Vec<Settable> {
    let mut all = vec![
        Settable::number("weight", weight, "the weight of every synapse"),
        Settable::number("delay", Dim::Time, "the delay of every synapse"),
    ];
    all.extend(
        model
            .parameters()
            .iter()
            .filter(|p| !model.common().contains(&p.name))
            .map(|p| {
                let dim = if SynapseModel::weight_like(p.name) {
                    weight
                } else {
                    p.dimension
                };
                Settable::of(p, dim)
            }),
    );
    all
}
