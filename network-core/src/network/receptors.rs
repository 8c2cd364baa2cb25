//! Which input of a target neuron a connection may use: NEST's receptor types, and the
//! recordables a multimeter may ask for.

use super::info::PopulationInfo;
use crate::engine::plastic::PlasticState;
use crate::engine::projection::Projection;
use crate::error::{Error, Result};
use crate::models::Recordable;

/// The kind of event a connection carries, which decides the receptor types it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// Spikes (neurons, spike and Poisson generators).
    Spike,
    /// Currents (dc and noise generators).
    Current,
}

/// Checks `receptor_type` of a connection named `entity` onto the population `info`,
/// whose model has `ports` receptor ports, as NEST does: a model without receptor ports
/// takes receptor type 0 only; a multisynapse model with `n` ports takes spikes on ports
/// `1..=n` (0 is invalid) and currents on 0 only. Returns the spike channel the
/// connection feeds, `None` when the weight's sign picks it.
pub(crate) fn receptor_channel(
    entity: &str,
    info: &PopulationInfo,
    ports: usize,
    receptor_type: u16,
    event: Event,
) -> Result<Option<usize>> {
    let model = info.base_model;
    let pop = &info.name;
    match (event, ports, receptor_type) {
        (_, 0, 0) | (Event::Current, _, 0) => Ok(None),
        (Event::Current, _, r) => Err(Error::invalid(
            entity,
            "receptor_type",
            r,
            format!(
                "`{pop}` ({model}) takes current input on receptor type 0 only; \
                     remove the receptor type of this current generator"
            ),
        )),
        (Event::Spike, 0, r) => Err(Error::invalid(
            entity,
            "receptor_type",
            r,
            format!(
                "`{pop}` ({model}) has no receptor ports: leave the receptor type at 0 \
                     (the weight's sign picks excitation or inhibition), or use a \
                     multisynapse model"
            ),
        )),
        (Event::Spike, n, r) if usize::from(r) > n || r == 0 => Err(Error::invalid(
            entity,
            "receptor_type",
            r,
            format!(
                "`{pop}` ({model}) has {n} receptor port{} (receptor types 1..={n}, one \
                     per tau_syn); name one of them",
                if n == 1 { "" } else { "s" }
            ),
        )),
        (Event::Spike, _, r) => Ok(Some(usize::from(r) - 1)),
    }
}

/// Checks that no weight of `projection` (named `entity`) onto the population `info`
/// is negative when its model takes none (NEST's conductance-based multisynapse models
/// stop the simulation at the first negative weight they receive), wherever the weights
/// are stored: once per projection, per synapse, or in a plastic rule's state.
pub(crate) fn check_nonnegative_weights(
    entity: &str,
    info: &PopulationInfo,
    projection: &Projection,
) -> Result<()> {
    let takes_negative = network_spec::BaseModel::from_name(info.base_model)
        .is_none_or(|m| !m.nonnegative_weights());
    if takes_negative {
        return Ok(());
    }
    let blocks = projection.blocks();
    let stored = projection
        .weight
        .into_iter()
        .chain(blocks.iter().flat_map(|b| b.weights.iter()));
    // The weights a plastic rule owns (they left the blocks when it took them).
    let owned = projection
        .plastic
        .iter()
        .flat_map(|p| p.initial.iter())
        .flat_map(|state| match state {
            PlasticState::Stdp(v) => v.iter().map(|s| s.weight).collect::<Vec<_>>(),
            PlasticState::StdpRows(r) => r.weights().to_vec(),
            PlasticState::Triplet(v) => v.iter().map(|s| s.weight).collect(),
            _ => Vec::new(),
        });
    let negative = stored.chain(owned).find(|w| *w < 0.0);
    match negative {
        None => Ok(()),
        Some(w) => Err(Error::invalid(
            entity,
            "weight",
            format!("{w} nS"),
            format!(
                "`{}` ({}) takes no negative weight: its ports are conductances, each \
                 with its reversal potential E_rev; make the weights positive (bound a \
                 random weight at 0 nS) and feed an inhibitory port",
                info.name, info.base_model
            ),
        )),
    }
}

/// Checks that the population `info`, whose model records `known`, has each of
/// `record_from` (a multimeter named `entity` samples it).
pub(crate) fn check_recordables(
    entity: &str,
    info: &PopulationInfo,
    known: &[Recordable],
    record_from: &[Recordable],
) -> Result<()> {
    if let Some(missing) = record_from.iter().find(|r| !known.contains(r)) {
        let names: Vec<String> = known.iter().map(|r| r.name().into_owned()).collect();
        return Err(Error::invalid(
            entity,
            "record_from",
            missing.name(),
            format!(
                "`{}` ({}) records {}",
                info.name,
                info.base_model,
                names.join(", ")
            ),
        ));
    }
    Ok(())
}
