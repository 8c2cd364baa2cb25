//! The parameters of the generators the vocabulary's tables declare (step current, ac,
//! inhomogeneous and sinusoidal Poisson, mip, pulse packets, gamma and dead-time
//! superpositions, sinusoidal gamma) set between runs (`set drive.amplitude = 200 pA;`,
//! NEST's `gen.set(amplitude=..)`): each name through the generator's table, the value
//! in the table's unit, then NEST's checks of the whole table as the declaration and
//! the protocol's earlier sets leave it.

use super::Ctx;
use crate::ast::Expr;
use crate::description::{SetValue, StimulusDesc};
use network_spec::{
    AcGenerator, GammaSupGenerator, InhomogeneousPoissonGenerator, MipGenerator, ParamInfo,
    Parameters, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
    SinusoidalPoissonGenerator, StepCurrentGenerator,
};
use std::collections::HashMap;

/// A table-declared generator's parameters.
#[derive(Clone)]
enum Table {
    StepCurrent(StepCurrentGenerator),
    Ac(AcGenerator),
    Inhomogeneous(InhomogeneousPoissonGenerator),
    SinusoidalPoisson(SinusoidalPoissonGenerator),
    Mip(MipGenerator),
    Pulses(PulsepacketGenerator),
    GammaSup(GammaSupGenerator),
    PpdSup(PpdSupGenerator),
    SinusoidalGamma(SinusoidalGammaGenerator),
}

/// `$body` with `$g` bound to whichever table `$t` holds.
macro_rules! each {
    ($t:expr, $g:ident => $body:expr) => {
        match $t {
            Table::StepCurrent($g) => $body,
            Table::Ac($g) => $body,
            Table::Inhomogeneous($g) => $body,
            Table::SinusoidalPoisson($g) => $body,
            Table::Mip($g) => $body,
            Table::Pulses($g) => $body,
            Table::GammaSup($g) => $body,
            Table::PpdSup($g) => $body,
            Table::SinusoidalGamma($g) => $body,
        }
    };
}

/// The parameters of table `M` (its info).
fn infos<M: Parameters>(_: &M) -> &'static [ParamInfo] {
    M::PARAMETERS
}

impl Table {
    /// The table of a declared generator; `None` for the generators declared otherwise
    /// (dc, Poisson, spike list, noise).
    fn of(kind: &StimulusDesc) -> Option<Table> {
        Some(match kind {
            StimulusDesc::StepCurrent {
                amplitude_times,
                amplitude_values,
                allow_offgrid_times,
            } => Table::StepCurrent(StepCurrentGenerator {
                amplitude_times: amplitude_times.clone(),
                amplitude_values: amplitude_values.clone(),
                allow_offgrid_times: *allow_offgrid_times,
                ..Default::default()
            }),
            StimulusDesc::InhomogeneousPoisson {
                rate_times,
                rate_values,
                allow_offgrid_times,
            } => Table::Inhomogeneous(InhomogeneousPoissonGenerator {
                rate_times: rate_times.clone(),
                rate_values: rate_values.clone(),
                allow_offgrid_times: *allow_offgrid_times,
                ..Default::default()
            }),
            StimulusDesc::SinusoidalPoisson {
                rate,
                amplitude,
                frequency,
                phase,
                individual_spike_trains,
            } => Table::SinusoidalPoisson(SinusoidalPoissonGenerator {
                rate: *rate,
                amplitude: *amplitude,
                frequency: *frequency,
                phase: *phase,
                individual_spike_trains: *individual_spike_trains,
                ..Default::default()
            }),
            StimulusDesc::Mip { rate, p_copy } => Table::Mip(MipGenerator {
                rate: *rate,
                p_copy: *p_copy,
                ..Default::default()
            }),
            StimulusDesc::Ac {
                amplitude,
                offset,
                frequency,
                phase,
            } => Table::Ac(AcGenerator {
                amplitude: *amplitude,
                offset: *offset,
                frequency: *frequency,
                phase: *phase,
                ..Default::default()
            }),
            StimulusDesc::Pulsepacket(g) => Table::Pulses(g.clone()),
            StimulusDesc::GammaSup(g) => Table::GammaSup(g.clone()),
            StimulusDesc::PpdSup(g) => Table::PpdSup(g.clone()),
            StimulusDesc::SinusoidalGamma(g) => Table::SinusoidalGamma(g.clone()),
            StimulusDesc::Dc { .. }
            | StimulusDesc::Poisson { .. }
            | StimulusDesc::Spikes { .. }
            | StimulusDesc::Noise { .. } => return None,
        })
    }

    fn params(&self) -> &'static [ParamInfo] {
        each!(self, g => infos(g))
    }

    fn set(&mut self, entity: &str, name: &str, value: &SetValue) -> network_spec::Result<()> {
        each!(self, g => match value {
            SetValue::Number(v) => g.set(entity, name, *v),
            SetValue::List(l) => g.set_list(entity, name, l),
        })
    }

    /// NEST's checks of the whole table on grid `res`.
    fn check(&self, entity: &str, res: &network_spec::Resolution) -> network_spec::Result<()> {
        match self {
            Table::StepCurrent(g) => g.amplitude_steps(entity, res).map(drop),
            Table::Inhomogeneous(g) => g.rate_steps(entity, res).map(drop),
            Table::Ac(g) => g.check(entity),
            Table::SinusoidalPoisson(g) => g.check(entity),
            Table::Mip(g) => g.check(entity),
            Table::Pulses(g) => g.check(entity),
            Table::GammaSup(g) => g.check(entity),
            Table::PpdSup(g) => g.check(entity),
            Table::SinusoidalGamma(g) => g.check(entity),
        }
    }
}

/// The table of a table-declared generator's parameters; `None` for the other
/// generators (`crate::settable::generator` lists what is set between runs).
pub(crate) fn table(kind: &StimulusDesc) -> Option<&'static [ParamInfo]> {
    Some(Table::of(kind)?.params())
}

/// Each table-declared generator's parameters as the protocol's statements so far leave
/// them, by wiring index; one not yet set has its declared values.
#[derive(Default)]
pub(super) struct Tables {
    tables: HashMap<usize, Table>,
    /// A list set whose partner must be the next statement (NEST takes a step current's
    /// times and values together): the generator's wiring index and name, the list set,
    /// its partner, where the value was written.
    pending: Option<Pending>,
}

struct Pending {
    index: usize,
    entity: String,
    param: &'static str,
    partner: &'static str,
    at: crate::SpanRange,
}

impl Tables {
    /// Records `set NAME.PARAM = VALUE` on generator `kind` (wiring entry `index`) and
    /// runs NEST's checks of its table. Why: the engine runs them again when the
    /// protocol sets the value; a value NEST refuses would fail only then.
    pub(super) fn set(
        &mut self,
        cx: &mut Ctx,
        index: usize,
        (entity, kind): (&str, &StimulusDesc),
        param: &'static str,
        value: &SetValue,
        at: &Expr,
    ) -> Option<()> {
        let Some(declared) = Table::of(kind) else {
            return Some(());
        };
        let mut table = self.tables.get(&index).cloned().unwrap_or(declared);
        if network_spec::time_flags::is_time_flag(param) {
            // Checked with the times that follow it (`protocol_flags`).
            if let Err(e) = table.set(entity, param, value) {
                cx.error(at.span(), e.to_string(), "");
                return None;
            }
            self.tables.insert(index, table);
            return Some(());
        }
        let res = network_spec::Resolution::new(cx.resolution).ok()?;
        let partner = crate::lowering::paired(param);
        let completes = matches!(&self.pending, Some(p) if p.index == index && p.partner == param);
        if let (Some(partner), false) = (partner, completes) {
            // The first of the two: checked with its partner.
            if let Err(e) = table.set(entity, param, value) {
                cx.error(at.span(), e.to_string(), "");
                return None;
            }
            self.pending = Some(Pending {
                index,
                entity: entity.to_string(),
                param,
                partner,
                at: at.span(),
            });
            self.tables.insert(index, table);
            return Some(());
        }
        self.pending = None;
        if let Err(e) = table
            .set(entity, param, value)
            .and_then(|()| table.check(entity, &res))
        {
            let help = match &table {
                Table::StepCurrent(_) | Table::Inhomogeneous(_) => {
                    "each `set` is checked alone: set a times list and its values list so that \
                     their lengths stay equal (NEST's `SetStatus` takes both at once)"
                }
                _ => "NEST refuses this value (`network models` gives each parameter's range)",
            };
            cx.error(at.span(), e.to_string(), help);
            return None;
        }
        self.tables.insert(index, table);
        Some(())
    }

    /// Before the protocol's next statement (`next`: the generator's name and the
    /// parameter when it sets one; `None` at any other statement or at the end): a list
    /// set whose partner does not follow is an error. Why: NEST's `SetStatus` refuses
    /// a step current's `amplitude_times` without its `amplitude_values` (and an
    /// inhomogeneous Poisson generator's `rate_times` without `rate_values`).
    pub(super) fn next_statement(&mut self, cx: &mut Ctx, next: Option<(&str, &str)>) {
        let Some(p) = &self.pending else {
            return;
        };
        if next == Some((p.entity.as_str(), p.partner)) {
            return;
        }
        cx.error(
            p.at,
            format!(
                "`{}.{}` is set without `{}.{}`",
                p.entity, p.param, p.entity, p.partner
            ),
            format!(
                "NEST takes both lists together: follow with `set {}.{} = [..];`",
                p.entity, p.partner
            ),
        );
        self.pending = None;
    }
}
