//! The flags that decide how a generator reads its times (`allow_offgrid_times`, and a
//! `spike_generator`'s `precise_times`) set between runs: NEST's rules
//! (`spec::time_flags`) run on the whole change before any value is set.

use super::Setting;
use crate::error::{Error, Result};
use crate::network::info::{GeneratorParams, TableParams};
use crate::spec::time_flags::{check_time_flags, TimeFlags, TimedGenerator};

/// A flag's value: `true` for 1, `false` for 0; anything else is refused, naming
/// `entity` and `name`.
pub(super) fn flag(entity: &str, name: &str, value: &Setting) -> Result<bool> {
    match value.number(entity, name)? {
        1.0 => Ok(true),
        0.0 => Ok(false),
        v => Err(Error::invalid(
            entity,
            name,
            v,
            "is a flag: true (1) or false (0)",
        )),
    }
}

/// NEST's refusals of the flags in `values` on a generator holding `params` now
/// (`entity` names it), before anything is set.
pub(super) fn check(
    params: &GeneratorParams,
    entity: &str,
    values: &[(&str, Setting)],
) -> Result<()> {
    let (model, before) = match params {
        GeneratorParams::Spikes(g) => (
            TimedGenerator::Spikes,
            TimeFlags {
                has_times: !g.spike_times.is_empty(),
                allow_offgrid_times: g.allow_offgrid_times,
                precise_times: g.precise_times,
                shift_now_spikes: g.shift_now_spikes,
            },
        ),
        GeneratorParams::Table(TableParams::StepCurrent(g)) => (
            TimedGenerator::StepCurrent,
            TimeFlags {
                has_times: !g.amplitude_times.is_empty(),
                allow_offgrid_times: g.allow_offgrid_times,
                ..TimeFlags::default()
            },
        ),
        GeneratorParams::Table(TableParams::Inhomogeneous(g)) => (
            TimedGenerator::InhomogeneousPoisson,
            TimeFlags {
                has_times: !g.rate_times.is_empty(),
                allow_offgrid_times: g.allow_offgrid_times,
                ..TimeFlags::default()
            },
        ),
        _ => return Ok(()),
    };
    let given = values
        .iter()
        .map(|(name, value)| {
            let flag = model.flags().contains(name);
            Ok((
                *name,
                flag.then(|| self::flag(entity, name, value)).transpose()?,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    check_time_flags(entity, model, before, &given)
}
