//! Values: numbers with units converted to NEST units, lists, ranges, random values,
//! and `{ key: value }` blocks with unknown and duplicate keys reported.

use super::Ctx;
use crate::ast::*;
use crate::description::{Value, ValueDesc};
use crate::units::{lookup, Dim};

/// The largest whole number a decimal literal names exactly (2^53).
const MAX_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Ctx {
    /// Converts one quantity. Why: a value in the wrong dimension (`C_m: 200 mV`) is a
    /// mistake NEST cannot see (it has no units); a bare number is the NEST unit.
    pub fn convert(
        &mut self,
        q: &Quantity,
        outer: Option<&Unit>,
        dim: Dim,
        what: &str,
    ) -> Option<f64> {
        let Some(unit) = q.unit.as_ref().or(outer) else {
            return Some(q.value);
        };
        match lookup(&unit.name) {
            Ok((d, factor)) if d == dim => Some(q.value * factor),
            Ok((d, _)) => {
                let help = if dim == Dim::Number {
                    format!("`{what}` is a pure number: write it without a unit")
                } else {
                    format!(
                        "write {} in {} (a bare number is in {})",
                        dim.name(),
                        dim.examples(),
                        dim.unit()
                    )
                };
                self.error(
                    q.span,
                    format!(
                        "`{what}` is {}, but `{}` is a unit of {}",
                        dim.name(),
                        unit.name,
                        d.name()
                    ),
                    help,
                );
                None
            }
            Err(suggestion) => {
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("units of {}: {}", dim.name(), dim.examples()),
                };
                self.error(unit.span, format!("unknown unit `{}`", unit.name), help);
                None
            }
        }
    }

    /// A single number of dimension `dim`.
    pub fn number(&mut self, e: &Expr, dim: Dim, what: &str) -> Option<f64> {
        match e {
            Expr::Number(q) => self.convert(q, None, dim, what),
            _ => {
                self.error(
                    e.span(),
                    format!("`{what}` must be a number"),
                    format!(
                        "e.g. `{what}: 1{}{}`",
                        if dim.unit().is_empty() { "" } else { " " },
                        dim.unit()
                    ),
                );
                None
            }
        }
    }

    /// A number of dimension `dim`, or a Rust expression in braces.
    pub fn amount(
        &mut self,
        e: &Expr,
        dim: Dim,
        what: &str,
    ) -> Option<crate::description::NumDesc> {
        use crate::description::NumDesc;
        match e {
            Expr::Rust { .. } => self.runtime(e, dim, what, false).map(NumDesc::Runtime),
            _ => self.number(e, dim, what).map(NumDesc::Const),
        }
    }

    /// A Rust expression `{expr} unit`: the unit is checked for dimension like a
    /// number's (a count takes none), the expression's type by rustc (`f64`, or `usize`
    /// for a count). Returns its index in the description's expressions.
    pub fn runtime(&mut self, e: &Expr, dim: Dim, what: &str, integer: bool) -> Option<usize> {
        let Expr::Rust { tokens, unit, span } = e else {
            return None;
        };
        let one = Quantity {
            value: 1.0,
            integer,
            unit: unit.clone(),
            span: *span,
        };
        let factor = self.convert(&one, None, dim, what)?;
        self.exprs.push(crate::description::RuntimeExpr {
            tokens: tokens.clone(),
            factor,
            integer,
            span: *span,
        });
        Some(self.exprs.len() - 1)
    }

    /// A non-negative whole number.
    pub fn integer(&mut self, e: &Expr, what: &str) -> Option<usize> {
        match e {
            // Why: above 2^53 a decimal literal is no longer one exact whole number, and
            // `as usize` would saturate without a word.
            Expr::Number(q) if q.integer && q.unit.is_none() && q.value > MAX_INTEGER => {
                self.error(
                    e.span(),
                    format!("`{what}` is too large: {:e}", q.value),
                    format!("give a whole number of at most {MAX_INTEGER} (2^53)"),
                );
                None
            }
            Expr::Number(q) if q.integer && q.unit.is_none() && q.value >= 0.0 => {
                Some(q.value as usize)
            }
            _ => {
                self.error(
                    e.span(),
                    format!("`{what}` must be a whole number >= 0, without a unit"),
                    format!("e.g. `{what}: 100`"),
                );
                None
            }
        }
    }

    /// A list of numbers `[a, b, c] unit` of dimension `dim`.
    pub fn numbers(&mut self, e: &Expr, dim: Dim, what: &str) -> Option<Vec<f64>> {
        let Expr::List { elems, unit, .. } = e else {
            self.error(
                e.span(),
                format!("`{what}` must be a list"),
                format!("e.g. `[0, 0, 0] {}`", dim.unit()),
            );
            return None;
        };
        let mut out = Vec::new();
        for elem in elems {
            match elem {
                Expr::Number(q) => out.push(self.convert(q, unit.as_ref(), dim, what)?),
                _ => {
                    self.error(
                        elem.span(),
                        format!("`{what}` must be a list of numbers"),
                        "",
                    );
                    return None;
                }
            }
        }
        Some(out)
    }

    /// A point with 2 or 3 coordinates (mm).
    pub fn point(&mut self, e: &Expr, what: &str) -> Option<Vec<f64>> {
        let v = self.numbers(e, Dim::Length, what)?;
        if v.len() != 2 && v.len() != 3 {
            self.error(
                e.span(),
                format!("`{what}` has {} coordinates", v.len()),
                "give 2 (x, y) or 3 (x, y, z) coordinates, e.g. `[0, 0, 0] mm`",
            );
            return None;
        }
        Some(v)
    }

    /// A range `a..b unit`, converted.
    pub fn range(&mut self, e: &Expr, dim: Dim, what: &str) -> Option<(f64, f64)> {
        let Expr::Range { lo, hi, unit, span } = e else {
            self.error(
                e.span(),
                format!("`{what}` must be a range"),
                format!("e.g. `{what}: 1..5 {}`", dim.unit()),
            );
            return None;
        };
        let lo = self.convert(lo, unit.as_ref(), dim, what)?;
        let hi = self.convert(hi, unit.as_ref(), dim, what)?;
        if lo > hi {
            self.error(
                *span,
                format!("`{what}` goes from {lo} down to {hi}"),
                "write the lower end first",
            );
            return None;
        }
        Some((lo, hi))
    }

    /// A weight or delay: constant, or `uniform(min, max)`, `normal(mean, std[, min:
    /// .., max: ..])`, `lognormal(mu, sigma)` (NEST's `nest.random`).
    pub fn value(&mut self, e: &Expr, dim: Dim, what: &str) -> Option<ValueDesc> {
        if super::expression::is_expression(e) {
            return super::expression::value(self, e, dim, what);
        }
        let call = match e {
            Expr::Number(q) => return self.convert(q, None, dim, what).map(ValueDesc::constant),
            Expr::Rust { .. } => return self.runtime(e, dim, what, false).map(ValueDesc::Runtime),
            Expr::Call(c) => c,
            _ => {
                self.error(
                    e.span(),
                    format!("`{what}` must be a number or a random value"),
                    "e.g. `2.5 pA`, `uniform(1 pA, 2 pA)`, `normal(mean: 5 pA, std: 1 pA)`, `lognormal(mu: 0, sigma: 1)`",
                );
                return None;
            }
        };
        let name = call.name.to_string();
        let value = match name.as_str() {
            "uniform" => {
                let a = self.args(call, &["min", "max"], &["min", "max"])?;
                Value::Uniform {
                    min: self.number(a[0]?, dim, what)?,
                    max: self.number(a[1]?, dim, what)?,
                }
            }
            "normal" => {
                let a = self.args(call, &["mean", "std", "min", "max"], &["mean", "std"])?;
                let opt = |cx: &mut Ctx, i: usize| a[i].map(|e| cx.number(e, dim, what));
                let (min, max) = (opt(self, 2), opt(self, 3));
                Value::Normal {
                    mean: self.number(a[0]?, dim, what)?,
                    std: self.number(a[1]?, dim, what)?,
                    min: min.map(|v| v.ok_or(())).transpose().ok()?,
                    max: max.map(|v| v.ok_or(())).transpose().ok()?,
                }
            }
            "lognormal" => {
                let a = self.args(call, &["mu", "sigma"], &["mu", "sigma"])?;
                Value::Lognormal {
                    mu: self.number(a[0]?, Dim::Number, "mu")?,
                    sigma: self.number(a[1]?, Dim::Number, "sigma")?,
                }
            }
            "psp" => {
                self.error(
                    call.span,
                    format!("`psp(..)` gives a weight, not `{what}`"),
                    "write `weight: psp(0.15 mV)` on a synapse, a connection's `via` or a spike stimulator's `via`",
                );
                return None;
            }
            _ => {
                self.error(
                    (&call.name).into(),
                    format!("unknown distribution `{name}`"),
                    "use `uniform(min, max)`, `normal(mean, std)` with optional `min:`/`max:`, or `lognormal(mu, sigma)`",
                );
                return None;
            }
        };
        if let Err(e) = value.validate(what, what) {
            self.error(call.span, e.to_string(), "");
            return None;
        }
        Some(ValueDesc::Known(value))
    }

    /// The arguments of a call by name: positional ones in the order of `names`, named
    /// ones anywhere; unknown, duplicate and missing `required` ones are reported.
    pub fn args<'a>(
        &mut self,
        call: &'a Call,
        names: &[&str],
        required: &[&str],
    ) -> Option<Vec<Option<&'a Expr>>> {
        let mut out: Vec<Option<&Expr>> = vec![None; names.len()];
        let mut ok = true;
        let mut position = 0;
        let signature = names.join(", ");
        for arg in &call.args {
            let (slot, span) = match arg {
                // A bare flag such as `periodic` fills the argument of that name.
                Arg::Positional(Expr::Ident(i)) if names.iter().any(|n| i == n) => (
                    names.iter().position(|n| i == n).expect("found"),
                    SpanRange::from(i),
                ),
                Arg::Positional(e) => {
                    if position >= names.len() {
                        self.error(
                            e.span(),
                            format!("too many arguments for `{}`", call.name),
                            format!("`{}({signature})`", call.name),
                        );
                        ok = false;
                        continue;
                    }
                    position += 1;
                    (position - 1, e.span())
                }
                Arg::Named(f) => {
                    let text = f.name.to_string();
                    match names.iter().position(|n| *n == text) {
                        Some(i) => (i, SpanRange::from(&f.name)),
                        None => {
                            let help = match network_spec::error::closest(&text, names) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => format!("`{}` takes {signature}", call.name),
                            };
                            self.error(
                                (&f.name).into(),
                                format!("`{}` has no argument `{text}`", call.name),
                                help,
                            );
                            ok = false;
                            continue;
                        }
                    }
                }
            };
            if out[slot].is_some() {
                self.error(
                    span,
                    format!("`{}` is given twice", names[slot]),
                    "keep one",
                );
                ok = false;
                continue;
            }
            out[slot] = Some(match arg {
                Arg::Positional(e) => e,
                Arg::Named(f) => &f.value,
            });
        }
        for (i, name) in names.iter().enumerate() {
            if required.contains(name) && out[i].is_none() {
                self.error(
                    call.span,
                    format!("`{}` needs `{name}`", call.name),
                    format!("`{}({signature})`", call.name),
                );
                ok = false;
            }
        }
        ok.then_some(out)
    }

    /// The entries of a `{ .. }` block, checked against the `allowed` keys. Why: NEST
    /// reports a misspelled key only at run time ("unused dictionary items"), and a key
    /// given twice leaves the reader guessing which one counts.
    pub fn fields<'a>(
        &mut self,
        fields: &'a Fields,
        allowed: &[&str],
        owner: &str,
    ) -> Vec<(String, &'a Field)> {
        let mut out: Vec<(String, &Field)> = Vec::new();
        for f in &fields.fields {
            let text = f.name.to_string();
            if !allowed.contains(&text.as_str()) {
                let help = match network_spec::error::closest(&text, allowed) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("valid: {}", allowed.join(", ")),
                };
                self.error(
                    (&f.name).into(),
                    format!("unknown parameter `{text}` for {owner}"),
                    help,
                );
                continue;
            }
            if out.iter().any(|(n, _)| *n == text) {
                self.error(
                    (&f.name).into(),
                    format!("duplicate parameter `{text}`"),
                    "each parameter may be set once; remove one",
                );
                continue;
            }
            out.push((text, f));
        }
        out
    }
}

/// The value of `key` among checked fields.
pub fn get<'a>(fields: &[(String, &'a Field)], key: &str) -> Option<&'a Field> {
    fields.iter().find(|(n, _)| n == key).map(|(_, f)| *f)
}
