//! A spike recorder on a generator itself (`record r = spike_recorder <- drive;`,
//! NEST's `nest.Connect(drive, r)`): the recorder names a stimulator declared before it.
//! Why the checks: NEST refuses a current generator as a spike recorder's source ("The
//! target node or synapse model does not support current input."), and a generator is
//! one node, which has no index range or positions to select from.

use super::{Ctx, Kind, POISONED};
use crate::ast::Target;
use crate::description::Wiring;

/// Whether `t`, a source of a recorder of kind `recorder`, names a stimulator:
/// `Some(Some(name))` for a spike recorder on a generator that sends spikes,
/// `Some(None)` after an error (reported here, or where the stimulator was declared),
/// `None` when it names none (a population, checked as such).
pub(super) fn generator_source(
    cx: &mut Ctx,
    t: &Target,
    wiring: &[Wiring],
    recorder: &str,
) -> Option<Option<String>> {
    let text = t.population.to_string();
    let &(Kind::Stimulator, index) = cx.names.get(&text)? else {
        return None;
    };
    if recorder != "spike_recorder" {
        // A multimeter samples neurons: the population lookup says so.
        return None;
    }
    if index == POISONED {
        return Some(None);
    }
    let Some(Wiring::Stimulator(s)) = wiring.get(index) else {
        return Some(None);
    };
    if t.slice.is_some() || t.within.is_some() {
        cx.error(
            (&t.population).into(),
            format!("`{text}` is a generator, one node: it has no indices or positions to select"),
            format!("record it whole: `<- {text}`"),
        );
        return Some(None);
    }
    if s.kind.emits_current() {
        cx.error(
            (&t.population).into(),
            format!(
                "`{text}` is a {}, which sends current, not spikes: NEST refuses it as a spike \
                 recorder's source (the target node or synapse model does not support current \
                 input)",
                s.kind.nest_model()
            ),
            "record the neurons it drives instead, their `V_m` with a multimeter or their spikes",
        );
        return Some(None);
    }
    Some(Some(s.name.clone()))
}
