//! The flags that decide how a generator reads its times (`allow_offgrid_times`, and a
//! `spike_generator`'s `precise_times`) set after creation, as NEST 3.10's `SetStatus`
//! takes them: a flag only together with the times it applies to, or while there are
//! none, and `precise_times` never beside `allow_offgrid_times` or `shift_now_spikes`.
//! The checker runs these rules on a protocol, the engine on every change.

use crate::error::{Error, Result};

/// A generator whose times a flag governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimedGenerator {
    /// `spike_generator` (`spike_times`).
    Spikes,
    /// `step_current_generator` (`amplitude_times` with `amplitude_values`).
    StepCurrent,
    /// `inhomogeneous_poisson_generator` (`rate_times` with `rate_values`).
    InhomogeneousPoisson,
}

/// A generator's flags, and whether it holds times, before a change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeFlags {
    /// Its times list is not empty.
    pub has_times: bool,
    /// `allow_offgrid_times`.
    pub allow_offgrid_times: bool,
    /// `precise_times` (a `spike_generator`'s).
    pub precise_times: bool,
    /// `shift_now_spikes` (a `spike_generator`'s; set on the declaration only).
    pub shift_now_spikes: bool,
}

impl TimedGenerator {
    /// The flags of this generator that can be set between runs.
    pub fn flags(self) -> &'static [&'static str] {
        match self {
            TimedGenerator::Spikes => &["allow_offgrid_times", "precise_times"],
            _ => &["allow_offgrid_times"],
        }
    }

    /// The times list the flags apply to.
    pub fn times(self) -> &'static str {
        match self {
            TimedGenerator::Spikes => "spike_times",
            TimedGenerator::StepCurrent => "amplitude_times",
            TimedGenerator::InhomogeneousPoisson => "rate_times",
        }
    }
}

/// Whether `name` is a flag some generator takes between runs.
pub fn is_time_flag(name: &str) -> bool {
    matches!(name, "allow_offgrid_times" | "precise_times")
}

/// NEST 3.10's refusal of a `spike_generator` whose `precise_times` is true beside
/// `allow_offgrid_times` or `shift_now_spikes` (declared or set).
pub fn check_precise_alone(
    entity: &str,
    precise_times: bool,
    allow_offgrid_times: bool,
    shift_now_spikes: bool,
) -> Result<()> {
    if !(precise_times && (allow_offgrid_times || shift_now_spikes)) {
        return Ok(());
    }
    let other = if allow_offgrid_times {
        "allow_offgrid_times"
    } else {
        "shift_now_spikes"
    };
    Err(Error::invalid(
        entity,
        "precise_times",
        true,
        format!(
            "cannot be true while `{other}` is true (NEST: \"Option precise_times cannot be \
             set to true when either allow_offgrid_times or shift_now_spikes is set to \
             true\"); set `{other}` to false, or keep `precise_times` false"
        ),
    ))
}

/// NEST 3.10's refusals of one change (one `SetStatus`) of generator `entity` of kind
/// `model`, whose flags are `before`: `given` names every parameter of the change, with
/// the value of each flag (`None` for the other parameters).
pub fn check_time_flags(
    entity: &str,
    model: TimedGenerator,
    before: TimeFlags,
    given: &[(&str, Option<bool>)],
) -> Result<()> {
    let flag = |name: &str| given.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let has = |name: &str| flag(name).is_some();
    let Some((name, Some(value))) = given
        .iter()
        .copied()
        .find(|(n, _)| model.flags().contains(n))
    else {
        return Ok(());
    };
    match model {
        TimedGenerator::Spikes => {
            let precise = flag("precise_times")
                .flatten()
                .unwrap_or(before.precise_times);
            let offgrid = flag("allow_offgrid_times")
                .flatten()
                .unwrap_or(before.allow_offgrid_times);
            check_precise_alone(entity, precise, offgrid, before.shift_now_spikes)?;
            if !has("spike_times") && before.has_times {
                return Err(Error::invalid(
                    entity,
                    name,
                    value,
                    "can only be set together with `spike_times` or while the generator has \
                     no spike times (NEST: \"Options can only be set together with spike \
                     times or if no spike times have been set\"); set the flag and \
                     `spike_times` in one change",
                ));
            }
        }
        TimedGenerator::StepCurrent => {
            let together = has("amplitude_times") && has("amplitude_values");
            if !together && before.has_times {
                return Err(Error::invalid(
                    entity,
                    name,
                    value,
                    "can only be changed before `amplitude_times` have been set, or together \
                     with `amplitude_times` and `amplitude_values` (NEST); set the three in \
                     one change",
                ));
            }
        }
        TimedGenerator::InhomogeneousPoisson => {
            // NEST refuses only a change of the flag.
            let changes = value != before.allow_offgrid_times;
            if changes && !has("rate_times") && before.has_times {
                return Err(Error::invalid(
                    entity,
                    name,
                    value,
                    "can only be changed together with `rate_times` or while the generator \
                     has no rate times (NEST: \"Option can only be set together with rate \
                     times or if no rate times have been set\"); set the flag, `rate_times` \
                     and `rate_values` in one change",
                ));
            }
        }
    }
    Ok(())
}
