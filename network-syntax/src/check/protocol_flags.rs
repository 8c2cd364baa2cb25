//! The time flags of a generator set between runs (`set drive.allow_offgrid_times =
//! true;`, a spike generator's `precise_times`): NEST takes a flag only in the same
//! `SetStatus` as the times it governs, or while there are none. Consecutive `set`
//! statements on one generator that start with flags are one change (the lowering's
//! `joins`); each change is checked by NEST's rules (`network_spec::time_flags`) against
//! the generator's flags and times as the declaration and the earlier changes leave them.

use super::Ctx;
use crate::description::{SetValue, StimulusDesc};
use crate::lowering::joins;
use network_spec::time_flags::{check_time_flags, TimeFlags, TimedGenerator};
use std::collections::HashMap;

/// The generator a flag applies to, and its flags as declared.
pub(super) fn timed(kind: &StimulusDesc) -> Option<(TimedGenerator, TimeFlags)> {
    Some(match kind {
        StimulusDesc::Spikes {
            spike_times,
            allow_offgrid_times,
            precise_times,
            shift_now_spikes,
            ..
        } => (
            TimedGenerator::Spikes,
            TimeFlags {
                has_times: !spike_times.is_empty(),
                allow_offgrid_times: *allow_offgrid_times,
                precise_times: *precise_times,
                shift_now_spikes: *shift_now_spikes,
            },
        ),
        StimulusDesc::StepCurrent {
            amplitude_times,
            allow_offgrid_times,
            ..
        } => (
            TimedGenerator::StepCurrent,
            TimeFlags {
                has_times: !amplitude_times.is_empty(),
                allow_offgrid_times: *allow_offgrid_times,
                ..TimeFlags::default()
            },
        ),
        StimulusDesc::InhomogeneousPoisson {
            rate_times,
            allow_offgrid_times,
            ..
        } => (
            TimedGenerator::InhomogeneousPoisson,
            TimeFlags {
                has_times: !rate_times.is_empty(),
                allow_offgrid_times: *allow_offgrid_times,
                ..TimeFlags::default()
            },
        ),
        _ => return None,
    })
}

/// One change of a generator's parameters in the making.
struct Change {
    index: usize,
    entity: String,
    model: TimedGenerator,
    before: TimeFlags,
    given: Vec<(&'static str, Option<bool>)>,
    at: crate::SpanRange,
}

/// The timed generators' flags as the protocol's changes so far leave them, by wiring
/// index, and the change being made.
#[derive(Default)]
pub(super) struct Flags {
    now: HashMap<usize, TimeFlags>,
    open: Option<Change>,
}

impl Flags {
    /// Records `set NAME.PARAM = VALUE` on generator `kind` (wiring entry `index`), at
    /// `at`. Why: a flag NEST refuses would fail only when the protocol runs.
    pub(super) fn set(
        &mut self,
        cx: &mut Ctx,
        index: usize,
        (entity, kind): (&str, &StimulusDesc),
        param: &'static str,
        value: &SetValue,
        at: crate::SpanRange,
    ) {
        let Some((model, declared)) = timed(kind) else {
            self.close(cx);
            return;
        };
        let joined = matches!(&self.open, Some(c) if c.index == index
            && joins(&c.given.iter().map(|(p, _)| *p).collect::<Vec<_>>(), param));
        if !joined {
            self.close(cx);
        }
        let now = self.now.entry(index).or_insert(declared);
        let change = self.open.get_or_insert_with(|| Change {
            index,
            entity: entity.to_string(),
            model,
            before: *now,
            given: Vec::new(),
            at,
        });
        let flag = match value {
            SetValue::Number(v) if model.flags().contains(&param) => Some(*v == 1.0),
            _ => None,
        };
        change.given.push((param, flag));
        match (param, flag, value) {
            ("allow_offgrid_times", Some(v), _) => now.allow_offgrid_times = v,
            ("precise_times", Some(v), _) => now.precise_times = v,
            (p, _, SetValue::List(l)) if p == model.times() => now.has_times = !l.is_empty(),
            _ => {}
        }
    }

    /// Before the protocol's next statement (`next`: the entity a `set` names; `None` at
    /// any other statement or at the end): a change of another entity's ends here.
    pub(super) fn next_statement(&mut self, cx: &mut Ctx, next: Option<&str>) {
        if !matches!((&self.open, next), (Some(c), Some(e)) if c.entity == e) {
            self.close(cx);
        }
    }

    /// Ends the change being made (before a statement that does not join it, and at the
    /// end of the protocol) and checks it.
    fn close(&mut self, cx: &mut Ctx) {
        let Some(c) = self.open.take() else {
            return;
        };
        if let Err(e) = check_time_flags(&c.entity, c.model, c.before, &c.given) {
            cx.error(
                c.at,
                e.to_string(),
                format!(
                    "consecutive `set` statements on `{}` that start with its flags are one \
                     change (one NEST `SetStatus`): follow the flag with `set {}.{} = [..];`",
                    c.entity,
                    c.entity,
                    c.model.times()
                ),
            );
        }
    }
}
