//! Connection rules, a connection's options, random values and a connection's
//! `where { .. }` keys.

use super::{key, Default::*, Form, Key, Ty};
use crate::units::Dim;

/// The connection rules, NEST's `conn_spec['rule']` with its count argument, and
/// `from_biology`, the reference workflow's wiring from anatomy.
pub const RULES: &[Form] = &[
    Form {
        name: "all_to_all",
        keys: &[],
        doc: "every source to every target (NEST's default rule)",
    },
    Form {
        name: "one_to_one",
        keys: &[],
        doc: "source i to target i; the populations have equal sizes",
    },
    Form {
        name: "fixed_indegree",
        keys: &[key(
            "indegree",
            Ty::Count,
            Required,
            "sources per target, drawn uniformly (weighted by the kernel, within the mask)",
        )],
        doc: "each target receives `indegree` sources; a mask is centred on the target",
    },
    Form {
        name: "fixed_outdegree",
        keys: &[key(
            "outdegree",
            Ty::Count,
            Required,
            "targets per source, drawn uniformly (weighted by the kernel, within the mask)",
        )],
        doc: "each source projects to `outdegree` targets; a mask is centred on the source",
    },
    Form {
        name: "fixed_total_number",
        keys: &[key(
            "N",
            Ty::Count,
            Required,
            "the number of (source, target) pairs",
        )],
        doc: "N pairs drawn uniformly",
    },
    Form {
        name: "pairwise_bernoulli",
        keys: &[key(
            "p",
            Ty::Quantity(Dim::Number),
            Required,
            "probability of each pair, in [0, 1] (times the kernel's value with `with p = ..`)",
        )],
        doc: "each pair connects with probability p; a mask is centred on the source \
              (on the target with `use_on_source`)",
    },
    Form {
        name: "from_biology",
        keys: &[],
        doc: "`fixed_indegree` with indegree = max(1, round(projection/100 · N_source/N_target \
              · boutons/redundancy)) inside a sphere (a circle in 2D) of `axon_radius`; \
              the numbers come from the connection's `where { .. }` (below) and the sizes \
              must be known at compile time",
    },
];

/// One of the options after a connection's rule, separated by commas.
#[derive(Debug, Clone, Copy)]
pub struct ConnectOption {
    /// As written.
    pub syntax: &'static str,
    /// What it does, and NEST's name for it.
    pub doc: &'static str,
}

/// The options after a connection's rule, in any order.
pub const CONNECT_OPTIONS: &[ConnectOption] = &[
    ConnectOption {
        syntax: "in MASK",
        doc: "only pairs inside the mask connect (a mask's name, or a mask written inline); \
              NEST's `mask`",
    },
    ConnectOption {
        syntax: "with p = KERNEL",
        doc: "distance dependence: a probability factor for `pairwise_bernoulli`, a sampling \
              weight for `fixed_indegree`/`fixed_outdegree`; NEST's `p` given a \
              `nest.spatial_distributions` value",
    },
    ConnectOption {
        syntax: "no autapses",
        doc: "no neuron connects to itself (`allow_autapses: False`; NEST allows them by default)",
    },
    ConnectOption {
        syntax: "no multapses",
        doc: "no pair is connected twice (`allow_multapses: False`; NEST allows them by default)",
    },
    ConnectOption {
        syntax: "use_on_source",
        doc: "`pairwise_bernoulli` only: centre the mask on the target (`use_on_source: True`)",
    },
    ConnectOption {
        syntax: "via SYNAPSE { .. }",
        doc: "the synapse model or variant and its per-connection values `weight`, `delay` and, onto a \
              multisynapse model, `receptor` (a transmitter name), and the model's parameters: \
              a number, or a random term drawn for each synapse (`U: uniform(0.2, 0.6)`, \
              `tau_rec: normal(mean: 300 ms, std: 30 ms)`; not a `_hom` model's common \
              properties nor whole numbers) (NEST's `syn_spec`); \
              without it, `static_synapse` with NEST's defaults (weight 1, delay 1 ms)",
    },
    ConnectOption {
        syntax: "where { KEY: VALUE, .. }",
        doc: "the connection's biological metadata (below)",
    },
];

/// The `where { .. }` keys of a connection: metadata, and the numbers `from_biology`
/// derives its wiring from.
pub const CONNECT_WHERE: &[Key] = &[
    key(
        "axon_organisation",
        Ty::Form("word or string"),
        Unset,
        "how the axon spreads (metadata, e.g. `local`)",
    ),
    key(
        "axon_radius",
        Ty::Quantity(Dim::Length),
        Unset,
        "reach of the axon; `from_biology` connects within it (required there)",
    ),
    key(
        "projection",
        Ty::Quantity(Dim::Percent),
        Unset,
        "connection probability P in percent (required by `from_biology`)",
    ),
    key(
        "boutons",
        Ty::Quantity(Dim::Number),
        Unset,
        "boutons per source axon (required by `from_biology`)",
    ),
    key(
        "redundancy",
        Ty::Quantity(Dim::Number),
        Is("1"),
        "boutons per connected pair (`from_biology`)",
    ),
];

/// Random values, written where a synapse's weight or delay or a neuron parameter takes
/// a number (NEST's `nest.random` values). Their arguments have the unit of the value.
pub const VALUES: &[Form] = &[
    Form {
        name: "uniform",
        keys: &[
            key("min", Ty::Form("the value's unit"), Required, "lower bound"),
            key("max", Ty::Form("the value's unit"), Required, "upper bound"),
        ],
        doc: "uniform on [min, max), `nest.random.uniform`",
    },
    Form {
        name: "normal",
        keys: &[
            key("mean", Ty::Form("the value's unit"), Required, "mean"),
            key(
                "std",
                Ty::Form("the value's unit"),
                Required,
                "standard deviation",
            ),
            key(
                "min",
                Ty::Form("the value's unit"),
                Unset,
                "redraw below this",
            ),
            key(
                "max",
                Ty::Form("the value's unit"),
                Unset,
                "redraw above this",
            ),
        ],
        doc: "normal, `nest.random.normal` (redrawn outside `min`/`max` when given)",
    },
    Form {
        name: "lognormal",
        keys: &[
            key(
                "mu",
                Ty::Quantity(Dim::Number),
                Required,
                "mean of the logarithm",
            ),
            key(
                "sigma",
                Ty::Quantity(Dim::Number),
                Required,
                "standard deviation of the logarithm",
            ),
        ],
        doc: "lognormal, `nest.random.lognormal`",
    },
    Form {
        name: "psp",
        keys: &[key(
            "height",
            Ty::Form("voltage (mV): a number, `uniform` or `normal`"),
            Required,
            "the peak of the postsynaptic potential",
        )],
        doc: "weights only: the weight whose PSP from rest peaks at this height on the \
              target's model (closed forms of NEST's PSP kernels)",
    },
];

/// A connection's options as a message lists them: `` `in MASK`, .. and `where { .. }` ``.
pub fn option_list() -> String {
    let quoted: Vec<String> = CONNECT_OPTIONS
        .iter()
        .map(|o| format!("`{}`", o.syntax))
        .collect();
    let (last, rest) = quoted.split_last().expect("options are listed");
    format!("{} and {last}", rest.join(", "))
}
