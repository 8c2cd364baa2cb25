//! The checked statements of a `protocol` block: what a NEST script does between
//! `Simulate` calls, every name resolved and every value in NEST units.

use super::{SelectDesc, TargetDesc, Value};

/// A value set between runs: one number or a list (`spike_times`), NEST units.
#[derive(Debug, Clone, PartialEq)]
pub enum SetValue {
    /// One number.
    Number(f64),
    /// A list of numbers.
    List(Vec<f64>),
}

/// One checked statement of a `protocol` block (NEST's `Simulate` and `SetStatus`).
// A protocol is checked once per description, so the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ProtocolStep {
    /// Simulate this many more ms.
    Simulate(f64),
    /// A parameter of the model's table (NEST's name and units) of some neurons.
    SetNeurons {
        /// The neurons (a population, a slice of it or a mask selection).
        target: TargetDesc,
        /// The parameter.
        param: &'static str,
        /// Its value: a number, a random term or an expression of the neuron's
        /// position (NEST units), evaluated per neuron when the statement runs.
        value: Value,
    },
    /// A recorder added between runs (NEST's `Create` and `Connect` after a `Simulate`).
    Record {
        /// Index into `Description::wiring` of the recorder, which exists from here on.
        wiring: usize,
    },
    /// A generator's parameter (NEST's name and units).
    SetGenerator {
        /// Index into `Description::wiring`.
        wiring: usize,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: SetValue,
    },
    /// A recorder's `start`, `stop` or `origin`, ms.
    SetRecorder {
        /// Index into `Description::wiring`.
        wiring: usize,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: f64,
    },
    /// The weight of every synapse of a connection (pA, or mV onto iaf_psc_delta).
    SetWeight {
        /// Index into `Description::wiring`.
        wiring: usize,
        /// The weight.
        value: f64,
    },
    /// A parameter of every synapse of a connection besides its weight (NEST's
    /// `conns.set(..)`): a plastic state, a rule parameter or `delay` (NEST's name and
    /// unit: ms, a pure number, or the weight's unit for `Wmax`).
    SetSynapse {
        /// Index into `Description::wiring`.
        wiring: usize,
        /// The parameter.
        param: &'static str,
        /// Its value: one number for every synapse, or a list, one per synapse in the
        /// order of `Network::connections` (sorted by source and target).
        value: SetValue,
    },
    /// A connection's synapses read now (NEST's `GetConnections(..).get([..])`): their
    /// source and target and these columns.
    ReadConnections {
        /// Index into `Description::wiring` of the connection.
        wiring: usize,
        /// The name the table is known by.
        name: String,
        /// The columns after `source` and `target` (NEST's names).
        columns: Vec<&'static str>,
    },
    /// A parameter of a whole rate population, or the state `rate` of some of its
    /// neurons (NEST's name and unit: `tau` in ms, the others pure numbers, flags 0/1).
    SetRate {
        /// Index into `RateDesc::populations`.
        population: usize,
        /// The neurons: all, or (for `rate` only) a range or a list.
        select: SelectDesc,
        /// The parameter.
        param: &'static str,
        /// Its value.
        value: f64,
    },
    /// A multimeter on rate neurons: `start`, `stop` or `origin`, ms.
    SetRateMultimeter {
        /// Index into `RateDesc::multimeters`.
        multimeter: usize,
        /// The parameter.
        param: &'static str,
        /// Its value, ms.
        value: f64,
    },
}
