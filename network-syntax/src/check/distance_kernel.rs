//! Distance kernels (`with p = gaussian(..)` and friends): NEST's kernels with their
//! parameters in positional order, units checked, NEST's range checks with spans.

use super::Ctx;
use crate::ast::*;
use crate::description::*;
use crate::grammar;
use crate::units::Dim;

/// The parameters of kernel `kind`, in positional order, from the language's table.
fn kernel_params(kind: &str) -> Vec<&'static str> {
    grammar::form(grammar::KERNELS, kind).map_or_else(Vec::new, |f| f.key_names())
}

/// A distance kernel for `with p = ..`.
pub(super) fn kernel(cx: &mut Ctx, call: &Call) -> Option<Kernel> {
    let kind = call.name.to_string();
    let (names, required) = grammar::form(grammar::KERNELS, &kind)
        .map_or_else(Default::default, |f| (f.key_names(), f.required()));
    let k = match kind.as_str() {
        "constant" => {
            let a = cx.args(call, &names, &required)?;
            Kernel::Constant {
                p: cx.number(a[0]?, Dim::Number, "p")?,
            }
        }
        "linear" => {
            let a = cx.args(call, &names, &required)?;
            Kernel::Linear {
                p0: cx.number(a[0]?, Dim::Number, "p0")?,
                slope: cx.number(a[1]?, Dim::Number, "slope")?,
            }
        }
        "exponential" => {
            let a = cx.args(call, &names, &required)?;
            let p0 = a[0].map_or(Some(1.0), |e| cx.number(e, Dim::Number, "p0"))?;
            Kernel::Exponential {
                p0,
                beta: cx.number(a[1]?, Dim::Length, "beta")?,
            }
        }
        "gaussian" => {
            let a = cx.args(call, &names, &required)?;
            let p0 = a[0].map_or(Some(1.0), |e| cx.number(e, Dim::Number, "p0"))?;
            let mean = a[1].map_or(Some(0.0), |e| cx.number(e, Dim::Length, "mean"))?;
            Kernel::Gaussian {
                p0,
                mean,
                std: cx.number(a[2]?, Dim::Length, "std")?,
            }
        }
        "gaussian2d" => {
            let a = cx.args(call, &names, &required)?;
            let dims = [
                Dim::Number,
                Dim::Length,
                Dim::Length,
                Dim::Length,
                Dim::Length,
                Dim::Number,
            ];
            let mut v = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0];
            for i in 0..6 {
                if let Some(e) = a[i] {
                    v[i] = cx.number(e, dims[i], names[i])?;
                }
            }
            let [p0, mean_x, mean_y, std_x, std_y, rho] = v;
            Kernel::Gaussian2d {
                p0,
                mean_x,
                mean_y,
                std_x,
                std_y,
                rho,
            }
        }
        "gamma" => {
            let a = cx.args(call, &names, &required)?;
            let p0 = a[0].map_or(Some(1.0), |e| cx.number(e, Dim::Number, "p0"))?;
            Kernel::Gamma {
                p0,
                kappa: cx.number(a[1]?, Dim::Number, "kappa")?,
                theta: cx.number(a[2]?, Dim::Length, "theta")?,
            }
        }
        "gabor" => {
            let a = cx.args(call, &names, &required)?;
            let p0 = a[0].map_or(Some(1.0), |e| cx.number(e, Dim::Number, "p0"))?;
            let theta = a[1].map_or(Some(0.0), |e| cx.number(e, Dim::Angle, "theta"))?;
            let gamma = a[2].map_or(Some(1.0), |e| cx.number(e, Dim::Number, "gamma"))?;
            Kernel::Gabor {
                p0,
                theta,
                gamma,
                std: cx.number(a[3]?, Dim::Length, "std")?,
                lam: cx.number(a[4]?, Dim::Length, "lam")?,
                psi: a[5].map_or(Some(0.0), |e| cx.number(e, Dim::Angle, "psi"))?,
            }
        }
        _ => {
            cx.error(
                (&call.name).into(),
                format!("unknown kernel `{kind}`"),
                format!(
                    "the kernels are {}",
                    grammar::KERNELS
                        .iter()
                        .map(|f| f.signature())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            return None;
        }
    };
    if let Err(e) = k.validate("kernel") {
        // Point at the argument NEST rejects (named, or positional in the order of
        // the kernel's parameters), else at the call.
        let span = match &e {
            network_spec::Error::InvalidParameter { param, .. } => {
                let p = param.trim_start_matches("kernel.");
                let order = kernel_params(&kind);
                call.args.iter().enumerate().find_map(|(i, a)| match a {
                    Arg::Named(f) if f.name == p => Some(f.value.span()),
                    Arg::Positional(v) if order.get(i) == Some(&p) => Some(v.span()),
                    _ => None,
                })
            }
            _ => None,
        };
        cx.error(span.unwrap_or(call.span), e.to_string(), "");
        return None;
    }
    Some(k)
}
