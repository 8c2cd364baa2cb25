//! Statements and settings.

use super::{key, Default::*, Key, Ty};
use crate::units::Dim;

/// A statement: the word that begins it, its shape and what it declares.
#[derive(Debug, Clone, Copy)]
pub struct Statement {
    /// The word that begins it.
    pub word: &'static str,
    /// Its shape, `[..]` marking optional parts.
    pub syntax: &'static str,
    /// What it declares.
    pub doc: &'static str,
}

/// Every statement, in the order a description usually writes them. A description
/// begins with `pub struct Name;` (the type the macro generates) and ends every statement
/// with `;`; comments start with `//`, doc comments `///` document the next statement.
pub const STATEMENTS: &[Statement] = &[
    Statement {
        word: "neuron",
        syntax: "neuron NAME = MODEL [(PRESET)] [{ PARAM: VALUE, .. }] [where { KEY: VALUE, .. }];",
        doc: "a neuron model variant: a NEST model with parameters changed from NEST's defaults, \
              an optional cell-class preset and biological metadata",
    },
    Statement {
        word: "synapse",
        syntax: "synapse NAME = MODEL [{ PARAM: VALUE, .. }];",
        doc: "a synapse model variant, as NEST's `CopyModel` (its parameters are in docs/models.md)",
    },
    Statement {
        word: "population",
        syntax: "population NAME = NEURON[SIZE] [in/at/on LAYOUT] [with { PARAM: VALUE, .. }] [where { KEY: VALUE, .. }];",
        doc: "a population of SIZE neurons of a model or variant, optionally placed in space; \
              `[dyn N]` makes the size a run-time value; `with` gives each neuron its \
              initial state and parameters (numbers, random terms, expressions of its \
              position `x`, `y`, `z`)",
    },
    Statement {
        word: "mask",
        syntax: "mask NAME = MASK(KEY: VALUE, ..);",
        doc: "a named spatial mask, for connections (`in NAME`) and device targets (`within NAME`)",
    },
    Statement {
        word: "record",
        syntax: "record NAME = RECORDER [{ PARAM: VALUE, .. }] <- TARGET, ..;",
        doc: "a recorder on one or several targets; a target is `POP`, `POP[a..b]` or \
              `POP within MASK`, or for a spike recorder a generator declared before it",
    },
    Statement {
        word: "stimulate",
        syntax: "stimulate NAME = GENERATOR [{ PARAM: VALUE, .. }] -> TARGET, .. [via SYNAPSE { weight: .., delay: .. }];",
        doc: "a generator driving one or several targets through one synapse",
    },
    Statement {
        word: "connect",
        syntax: "connect [NAME =] SOURCE -> TARGET: RULE [, OPTION ..];",
        doc: "a projection: a connection rule and its options (below); unnamed, its field is \
              `SOURCE_to_TARGET`",
    },    Statement {
        word: "protocol",
        syntax: "protocol { simulate TIME; set NAME[SLICE].PARAM = VALUE; set TARGET { PARAM: VALUE, .. }; record NAME = RECORDER .. <- TARGET; read NAME = CONNECTION [{ COLUMN, .. }]; .. }",
        doc: "what a NEST script does between `Simulate` calls, in order: `simulate` runs, \
              `set` changes a population's (or a slice's), a rate population's (or a slice's \
              `rate`), a generator's, a recorder's or a named connection's parameter (its `weight`, `delay`, or a parameter or state of its synapse model: `set e2i.U = 0.3;`, `set stdp_conn.Kplus = 0.5;`, or one value per synapse sorted by source and target: `set e2i.U = [0.2, 0.5];`); `set TARGET { .. }` sets neurons of a \
              population, a slice or a mask selection (`within`) to numbers, random terms or \
              expressions of their position; `record` adds a recorder between runs; `read` \
              reads a named connection's synapses now (NEST's `GetConnections(..).get([..])`: \
              `source` and `target` node ids, then the columns named, or without braces \
              `weight`, `delay`, `receptor` and every parameter and state of its synapse \
              model), a field `Option<ConnectionTable>` of `network!`'s type, a file \
              `NAME.csv` of `network run --out` (docs/protocols.md); one block per \
              description",
    },
];

/// The settings, written `NAME = VALUE;` (NEST's kernel status and recording backend).
pub const SETTINGS: &[Key] = &[
    key(
        "resolution",
        Ty::Quantity(Dim::Time),
        Is("0.1 ms"),
        "the simulation step, NEST's `resolution`",
    ),
    key(
        "seed",
        Ty::Count,
        Is("42"),
        "the seed of the random streams, NEST's `rng_seed`",
    ),
    key(
        "data_path",
        Ty::Text,
        Is("\".\""),
        "directory of recorder files written `to: ascii`",
    ),
    key(
        "data_prefix",
        Ty::Text,
        Is("\"\""),
        "prefix of recorder file names",
    ),
    key(
        "min_delay",
        Ty::Quantity(Dim::Time),
        Said("the smallest delay"),
        "NEST's kernel `min_delay`: at most the smallest delay of any connection",
    ),
    key(
        "max_delay",
        Ty::Quantity(Dim::Time),
        Said("the largest delay"),
        "NEST's kernel `max_delay`: at least the largest delay of any connection",
    ),
    key(
        "use_wfr",
        Ty::Flag,
        Is("true"),
        "NEST's kernel `use_wfr`: iterate instantaneous rate connections by waveform relaxation (false: take the last step's rates, an interval of one step)",
    ),
    key(
        "wfr_comm_interval",
        Ty::Quantity(Dim::Time),
        Is("1 ms"),
        "NEST's kernel `wfr_comm_interval`: the interval waveform relaxation iterates over (at least the resolution)",
    ),
    key(
        "wfr_tol",
        Ty::Quantity(Dim::Number),
        Is("0.0001"),
        "NEST's kernel `wfr_tol`: the iteration ends when no rate changes by more than this",
    ),
    key(
        "wfr_max_iterations",
        Ty::Count,
        Is("15"),
        "NEST's kernel `wfr_max_iterations`: iterations per interval at most",
    ),
    key(
        "wfr_interpolation_order",
        Ty::Count,
        Is("3"),
        "NEST's kernel `wfr_interpolation_order` (0, 1 or 3; used by gap junctions, not by rate neurons)",
    ),
];

/// The statement words as a message lists them: `` `neuron`, .. or `connect` ``.
pub fn statement_words() -> String {
    let quoted: Vec<String> = STATEMENTS.iter().map(|s| format!("`{}`", s.word)).collect();
    let (last, rest) = quoted.split_last().expect("statements are listed");
    format!("{} or {last}", rest.join(", "))
}
