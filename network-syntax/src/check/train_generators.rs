//! The generators whose trains are not Poisson (`pulsepacket_generator`,
//! `gamma_sup_generator`, `ppd_sup_generator`, `sinusoidal_gamma_generator`): each
//! field read in the unit of the vocabulary's table, then NEST's checks of the table
//! (`network_spec::spike_train_devices`), reported at the generator.

use super::generators::flag_or;
use super::values::get;
use super::Ctx;
use crate::ast::*;
use crate::description::*;
use network_spec::{
    GammaSupGenerator, ParamKind, Parameters, PpdSupGenerator, PulsepacketGenerator,
    SinusoidalGammaGenerator,
};

/// Whether `kind` is one of these generators (their fields are their tables', in
/// `grammar::STIMULATORS`).
pub(super) fn handles(kind: &str) -> bool {
    [
        PulsepacketGenerator::NAME,
        GammaSupGenerator::NAME,
        PpdSupGenerator::NAME,
        SinusoidalGammaGenerator::NAME,
    ]
    .contains(&kind)
}

/// Table `M` with the written fields set, each in its table's unit; defaults elsewhere.
fn read_table<M: Parameters + Default>(
    cx: &mut Ctx,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<M> {
    let mut m = M::default();
    for info in M::PARAMETERS {
        let Some(f) = get(fields, info.name) else {
            continue;
        };
        let set = match info.kind {
            ParamKind::List => {
                let values = cx.numbers(&f.value, info.dimension, info.name)?;
                m.set_list(name, info.name, &values)
            }
            ParamKind::Flag => {
                let v = flag_or(cx, fields, info.name, info.default != 0.0)?;
                m.set(name, info.name, f64::from(u8::from(v)))
            }
            ParamKind::Scalar | ParamKind::Integer => {
                let v = cx.number(&f.value, info.dimension, info.name)?;
                m.set(name, info.name, v)
            }
        };
        if let Err(e) = set {
            cx.error(f.value.span(), e.to_string(), "");
            return None;
        }
    }
    Some(m)
}

/// Reports NEST's verdict on the parameters at the offending field (at the generator's
/// kind when the field is not written: a default NEST refuses beside another value).
fn verdict(
    cx: &mut Ctx,
    d: &DeviceItem,
    fields: &[(String, &Field)],
    checked: network_spec::Result<()>,
) -> Option<()> {
    if let Err(e) = checked {
        let at = match &e {
            network_spec::Error::InvalidParameter { param, .. } => {
                get(fields, param).map(|f| f.value.span())
            }
            _ => None,
        };
        cx.error(
            at.unwrap_or_else(|| (&d.kind).into()),
            e.to_string(),
            "NEST refuses this value (`network models` gives each parameter's range)",
        );
        return None;
    }
    Some(())
}

/// The description of a `stimulate` of one of these generators.
pub(super) fn stimulus(
    cx: &mut Ctx,
    d: &DeviceItem,
    fields: &[(String, &Field)],
    name: &str,
) -> Option<StimulusDesc> {
    Some(match d.kind.to_string().as_str() {
        "pulsepacket_generator" => {
            let g: PulsepacketGenerator = read_table(cx, fields, name)?;
            verdict(cx, d, fields, g.check(name))?;
            StimulusDesc::Pulsepacket(g)
        }
        "gamma_sup_generator" => {
            let g: GammaSupGenerator = read_table(cx, fields, name)?;
            verdict(cx, d, fields, g.check(name))?;
            StimulusDesc::GammaSup(g)
        }
        "ppd_sup_generator" => {
            let g: PpdSupGenerator = read_table(cx, fields, name)?;
            verdict(cx, d, fields, g.check(name))?;
            StimulusDesc::PpdSup(g)
        }
        _ => {
            let g: SinusoidalGammaGenerator = read_table(cx, fields, name)?;
            verdict(cx, d, fields, g.check(name))?;
            StimulusDesc::SinusoidalGamma(g)
        }
    })
}
