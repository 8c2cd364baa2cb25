//! Expressions of space (`weight: 2 pA * exp(-distance / 150 um)`): each written value
//! becomes a node of the vocabulary's [`Expression`] in NEST units, and its dimension is
//! inferred. Why: NEST has no units, so `exp(-distance / 150)` silently mixes mm and
//! um; here `exp` needs a pure number, a sum needs terms of one dimension, and the whole
//! needs the dimension of what it sets (a weight's for the target, a delay's ms, `p` a
//! pure number). Parts without distance or random terms are computed here, once.

use super::dims::{Dims, NONE};
use super::Ctx;
use crate::ast::*;
use crate::description::{Kernel, Value, ValueDesc};
use crate::units::{lookup, Dim};
use network_spec::expression::{Arith, Comparison, End, Expression, Function, Random};
use std::sync::Arc;

/// A checked part: the tree and its dimension.
type Part = (Expression, Dims);

/// Whether `e` is an expression of space rather than a plain value: it has an
/// operator, a name of the pair (`distance`, `dx`, `source.x`) or a function.
pub(super) fn is_expression(e: &Expr) -> bool {
    match e {
        Expr::Binary { .. } | Expr::Neg { .. } | Expr::Group { .. } | Expr::Field { .. } => true,
        Expr::Ident(i) => ["distance", "dx", "dy", "dz"].iter().any(|n| i == n),
        Expr::Call(c) => FUNCTIONS.iter().any(|n| c.name == n),
        _ => false,
    }
}

/// The functions of an expression (the random terms `uniform`, `normal`, `lognormal`
/// alone are plain random values).
const FUNCTIONS: &[&str] = &[
    "exp",
    "sin",
    "cos",
    "pow",
    "min",
    "max",
    "clip",
    "redraw",
    "if",
    "exponential",
];

/// The expression `e` for `what`, whose value must have dimension `dim` (a pure
/// number is taken in `dim`'s NEST unit, as a bare number is).
pub(super) fn expression(cx: &mut Ctx, e: &Expr, dim: Dim, what: &str) -> Option<Expression> {
    let (tree, dims) = part(cx, e)?;
    if dims != Dims::of(dim) && dims != NONE {
        cx.error(
            e.span(),
            format!(
                "`{what}` is {}, but this expression gives {}",
                dim.name(),
                dims.name()
            ),
            if dim == Dim::Number {
                "divide by a quantity of the same dimension, e.g. `exp(-distance / 150 um)`"
                    .to_string()
            } else {
                format!(
                    "make it {} ({}), e.g. multiply by `1 {}`",
                    dim.name(),
                    dim.examples(),
                    dim.unit()
                )
            },
        );
        return None;
    }
    if let Err(err) = tree.validate(what, what) {
        cx.error(e.span(), err.to_string(), "");
        return None;
    }
    Some(tree)
}

/// A weight, delay or initial value given as an expression (a number when it reads
/// neither the pair nor random terms).
pub(super) fn value(cx: &mut Ctx, e: &Expr, dim: Dim, what: &str) -> Option<ValueDesc> {
    Some(match expression(cx, e, dim, what)? {
        Expression::Number(v) => ValueDesc::constant(v),
        tree => ValueDesc::Known(Value::Expression(Arc::new(tree))),
    })
}

/// `p` given as an expression (`with p = ..`, `pairwise_bernoulli(p: ..)`): the
/// probability, or the degree rules' sampling weight.
pub(super) fn kernel(cx: &mut Ctx, e: &Expr) -> Option<Kernel> {
    Some(match expression(cx, e, Dim::Number, "p")? {
        Expression::Number(p) => Kernel::Constant { p },
        tree => Kernel::Expression(Arc::new(tree)),
    })
}

fn part(cx: &mut Ctx, e: &Expr) -> Option<Part> {
    match e {
        Expr::Number(q) => quantity(cx, q),
        Expr::Ident(i) => name(cx, i),
        Expr::Field { base, .. } if cx.neuron_scope => {
            cx.error(
                base.into(),
                "a neuron's value reads its own position, not a pair's",
                "write `x`, `y` or `z`",
            );
            None
        }
        Expr::Field { base, field } => {
            let end = match base.to_string().as_str() {
                "source" => End::Source,
                "target" => End::Target,
                _ => {
                    cx.error(
                        base.into(),
                        format!("unknown name `{base}` in an expression"),
                        "positions are `source.x`, `target.y`, ...",
                    );
                    return None;
                }
            };
            let axis = axis(cx, field)?;
            Some((Expression::Position(end, axis), Dims::of(Dim::Length)))
        }
        Expr::Group { expr, .. } => part(cx, expr),
        Expr::Neg { expr, .. } => {
            let (x, d) = part(cx, expr)?;
            Some((fold1(x, |x| Expression::Neg(Box::new(x)), |v| -v), d))
        }
        Expr::Binary {
            op,
            op_span,
            lhs,
            rhs,
        } => binary(cx, *op, SpanRange::single(*op_span), lhs, rhs),
        Expr::Call(call) => function(cx, call),
        Expr::Rust { span, .. } => {
            cx.error(
                *span,
                "a Rust expression `{..}` cannot be part of an expression of space",
                "write the number with its unit, or compute the whole value in Rust",
            );
            None
        }
        _ => {
            cx.error(
                e.span(),
                "expected a number, `distance`, `dx`, `source.x`, a function or a random term",
                "e.g. `2 pA * exp(-distance / 150 um)`",
            );
            None
        }
    }
}

/// A number with its unit (`150 um`, `0.3 mm/ms`) in NEST units.
fn quantity(cx: &mut Ctx, q: &Quantity) -> Option<Part> {
    let Some(unit) = &q.unit else {
        return Some((Expression::Number(q.value), NONE));
    };
    let mut dims = NONE;
    let mut factor = 1.0;
    for (k, name) in unit.name.split('/').enumerate() {
        match lookup(name) {
            Ok((d, f)) if k == 0 => {
                dims = Dims::of(d);
                factor = f;
            }
            Ok((d, f)) => {
                dims = dims.combine(Dims::of(d), -1);
                factor /= f;
            }
            Err(s) => {
                let help = s.map_or(String::new(), |s| format!("did you mean `{s}`?"));
                cx.error(unit.span, format!("unknown unit `{name}`"), help);
                return None;
            }
        }
    }
    Some((Expression::Number(q.value * factor), dims))
}

/// `distance`, `dx`, `dy`, `dz`; in a population's `with { .. }`, the neuron's own
/// position `x`, `y`, `z` (NEST's `nest.spatial.pos.x`).
fn name(cx: &mut Ctx, i: &syn::Ident) -> Option<Part> {
    if cx.neuron_scope {
        return own_position(cx, i);
    }
    let e = match i.to_string().as_str() {
        "distance" => Expression::Distance,
        "dx" => Expression::Displacement(0),
        "dy" => Expression::Displacement(1),
        "dz" => Expression::Displacement(2),
        other => {
            let help = match network_spec::error::closest(other, &["distance", "dx", "dy", "dz"]) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "the names of a pair are `distance`, `dx`, `dy`, `dz`, `source.x`, `target.x` (and `.y`, `.z`)".into(),
            };
            cx.error(
                i.into(),
                format!("unknown name `{other}` in an expression"),
                help,
            );
            return None;
        }
    };
    Some((e, Dims::of(Dim::Length)))
}

/// `x`, `y`, `z` of the neuron itself, kept as the target's position (a neuron's own
/// value is computed with the neuron at both ends).
fn own_position(cx: &mut Ctx, i: &syn::Ident) -> Option<Part> {
    let axis = match i.to_string().as_str() {
        "x" => 0,
        "y" => 1,
        "z" => 2,
        other => {
            let help = match network_spec::error::closest(other, &["x", "y", "z"]) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "a neuron's value reads its own position `x`, `y`, `z` (mm)".into(),
            };
            cx.error(
                i.into(),
                format!("unknown name `{other}` in a neuron's value"),
                help,
            );
            return None;
        }
    };
    Some((
        Expression::Position(End::Target, axis),
        Dims::of(Dim::Length),
    ))
}

fn axis(cx: &mut Ctx, field: &syn::Ident) -> Option<usize> {
    match field.to_string().as_str() {
        "x" => Some(0),
        "y" => Some(1),
        "z" => Some(2),
        other => {
            cx.error(
                field.into(),
                format!("unknown coordinate `{other}`"),
                "coordinates are `x`, `y` and `z`",
            );
            None
        }
    }
}

/// `f(x)`, computed now when `x` is a number.
fn fold1(
    x: Expression,
    node: impl FnOnce(Expression) -> Expression,
    f: impl Fn(f64) -> f64,
) -> Expression {
    match x {
        Expression::Number(v) => Expression::Number(f(v)),
        x => node(x),
    }
}

fn binary(cx: &mut Ctx, op: BinOp, span: SpanRange, lhs: &Expr, rhs: &Expr) -> Option<Part> {
    let (a, da) = part(cx, lhs)?;
    if op == BinOp::Pow {
        let n = exponent(cx, rhs)?;
        return power(cx, a, da, n, rhs.span());
    }
    let (b, db) = part(cx, rhs)?;
    let arith = match op {
        BinOp::Add => Some(Arith::Add),
        BinOp::Sub => Some(Arith::Sub),
        BinOp::Mul => Some(Arith::Mul),
        BinOp::Div => Some(Arith::Div),
        _ => None,
    };
    let same = |cx: &mut Ctx, verb: &str| {
        if da == db {
            return Some(());
        }
        cx.error(
            span,
            format!("cannot {verb} {} and {}", da.name(), db.name()),
            "both sides need the same dimension: write each with its unit",
        );
        None
    };
    if let Some(arith) = arith {
        let dims = match arith {
            Arith::Add | Arith::Sub => {
                same(
                    cx,
                    if arith == Arith::Add {
                        "add"
                    } else {
                        "subtract"
                    },
                )?;
                da
            }
            Arith::Mul => da.combine(db, 1),
            Arith::Div => da.combine(db, -1),
        };
        let tree = match (&a, &b) {
            (Expression::Number(x), Expression::Number(y)) => Expression::Number(match arith {
                Arith::Add => x + y,
                Arith::Sub => x - y,
                Arith::Mul => x * y,
                Arith::Div => x / y,
            }),
            _ => Expression::Arith(arith, Box::new(a), Box::new(b)),
        };
        return Some((tree, dims));
    }
    same(cx, "compare")?;
    let cmp = match op {
        BinOp::Lt => Comparison::Lt,
        BinOp::Le => Comparison::Le,
        BinOp::Eq => Comparison::Eq,
        BinOp::Ne => Comparison::Ne,
        BinOp::Ge => Comparison::Ge,
        _ => Comparison::Gt,
    };
    Some((Expression::Compare(cmp, Box::new(a), Box::new(b)), NONE))
}

/// The exponent of `x^n` or `pow(x, n)`: a pure number, known now (NEST's `pow` takes
/// a number).
fn exponent(cx: &mut Ctx, e: &Expr) -> Option<f64> {
    match part(cx, e)? {
        (Expression::Number(n), d) if d == NONE => Some(n),
        _ => {
            cx.error(
                e.span(),
                "an exponent is a pure number, without distance or random terms",
                "e.g. `distance^2`",
            );
            None
        }
    }
}

fn power(cx: &mut Ctx, x: Expression, d: Dims, n: f64, span: SpanRange) -> Option<Part> {
    let dims = if d == NONE {
        NONE
    } else if n.fract() == 0.0 && n.abs() <= 8.0 {
        d.times(n as i8)
    } else {
        cx.error(
            span,
            format!("{} to the power {n} has no unit", d.name()),
            "raise a quantity with a unit to a whole power, e.g. `distance^2`",
        );
        return None;
    };
    Some((
        fold1(x, |x| Expression::Pow(Box::new(x), n), |v| v.powf(n)),
        dims,
    ))
}

/// A number known now (bounds of random terms, of `min`, `clip`, `redraw`), with its
/// dimension.
fn constant(cx: &mut Ctx, e: &Expr, what: &str) -> Option<(f64, Dims)> {
    match part(cx, e)? {
        (Expression::Number(v), d) => Some((v, d)),
        _ => {
            cx.error(
                e.span(),
                format!("`{what}` is a number, without distance or random terms"),
                "NEST takes a number here",
            );
            None
        }
    }
}

/// Checks that `d` is `want` (the dimension of the value a bound applies to).
fn dims_match(cx: &mut Ctx, e: &Expr, d: Dims, want: Dims) -> Option<()> {
    if d == want || d == NONE && want == NONE {
        return Some(());
    }
    cx.error(
        e.span(),
        format!("this is {}, but it bounds {}", d.name(), want.name()),
        "write the bound in the value's unit",
    );
    None
}

fn function(cx: &mut Ctx, call: &Call) -> Option<Part> {
    let name = call.name.to_string();
    let one = |cx: &mut Ctx, f: Function| -> Option<Part> {
        let a = cx.args(call, &["x"], &["x"])?;
        let (x, d) = part(cx, a[0]?)?;
        if d != NONE {
            cx.error(
                a[0]?.span(),
                format!("`{name}` needs a pure number, but this is {}", d.name()),
                "divide by a quantity of the same dimension, e.g. `exp(-distance / 150 um)`",
            );
            return None;
        }
        let tree = fold1(
            x,
            |x| Expression::Function(f, Box::new(x)),
            |v| match f {
                Function::Exp => v.exp(),
                Function::Sin => v.sin(),
                Function::Cos => v.cos(),
            },
        );
        Some((tree, NONE))
    };
    match name.as_str() {
        "exp" => one(cx, Function::Exp),
        "sin" => one(cx, Function::Sin),
        "cos" => one(cx, Function::Cos),
        "pow" => {
            let a = cx.args(call, &["x", "n"], &["x", "n"])?;
            let (x, d) = part(cx, a[0]?)?;
            let n = exponent(cx, a[1]?)?;
            power(cx, x, d, n, a[1]?.span())
        }
        "min" | "max" => {
            let a = cx.args(call, &["a", "b"], &["a", "b"])?;
            let (x, dx) = part(cx, a[0]?)?;
            let (y, dy) = part(cx, a[1]?)?;
            dims_match(cx, a[1]?, dy, dx)?;
            let (x, c) = match (x, y) {
                (x, Expression::Number(c)) => (x, c),
                (Expression::Number(c), y) => (y, c),
                _ => {
                    cx.error(
                        call.span,
                        format!("`{name}` takes a value and a number (NEST's `nest.math.{name}`)"),
                        "make one argument a number",
                    );
                    return None;
                }
            };
            let tree = match (x, name.as_str()) {
                (Expression::Number(v), "min") => Expression::Number(v.min(c)),
                (Expression::Number(v), _) => Expression::Number(v.max(c)),
                (x, "min") => Expression::Min(Box::new(x), c),
                (x, _) => Expression::Max(Box::new(x), c),
            };
            Some((tree, dx))
        }
        "clip" | "redraw" => {
            let a = cx.args(call, &["x", "min", "max"], &["x", "min", "max"])?;
            let (x, d) = part(cx, a[0]?)?;
            let (lo, dl) = constant(cx, a[1]?, "min")?;
            dims_match(cx, a[1]?, dl, d)?;
            let (hi, dh) = constant(cx, a[2]?, "max")?;
            dims_match(cx, a[2]?, dh, d)?;
            if lo > hi {
                cx.error(
                    call.span,
                    format!("`{name}` needs min <= max, got {lo} > {hi}"),
                    "swap them",
                );
                return None;
            }
            let tree = if name == "clip" {
                // NEST: nest.math.max(nest.math.min(x, max), min).
                Expression::Max(Box::new(Expression::Min(Box::new(x), hi)), lo)
            } else {
                Expression::Redraw(Box::new(x), lo, hi)
            };
            Some((tree, d))
        }
        "if" => {
            let a = cx.args(
                call,
                &["condition", "then", "else"],
                &["condition", "then", "else"],
            )?;
            let (c, _) = part(cx, a[0]?)?;
            let (x, dx) = part(cx, a[1]?)?;
            let (y, dy) = part(cx, a[2]?)?;
            dims_match(cx, a[2]?, dy, dx)?;
            Some((
                Expression::Conditional(Box::new(c), Box::new(x), Box::new(y)),
                dx,
            ))
        }
        "uniform" => {
            let a = cx.args(call, &["min", "max"], &["min", "max"])?;
            let (min, d) = constant(cx, a[0]?, "min")?;
            let (max, d2) = constant(cx, a[1]?, "max")?;
            dims_match(cx, a[1]?, d2, d)?;
            Some((Expression::Random(Random::Uniform { min, max }), d))
        }
        "normal" => {
            let a = cx.args(call, &["mean", "std", "min", "max"], &["mean", "std"])?;
            let (mean, d) = constant(cx, a[0]?, "mean")?;
            let (std, d2) = constant(cx, a[1]?, "std")?;
            dims_match(cx, a[1]?, d2, d)?;
            let normal = Expression::Random(Random::Normal { mean, std });
            if a[2].is_none() && a[3].is_none() {
                return Some((normal, d));
            }
            let mut bound = |i: usize, default: f64| -> Option<f64> {
                match a[i] {
                    Some(e) => {
                        let (v, dv) = constant(cx, e, if i == 2 { "min" } else { "max" })?;
                        dims_match(cx, e, dv, d)?;
                        Some(v)
                    }
                    None => Some(default),
                }
            };
            let lo = bound(2, f64::NEG_INFINITY)?;
            let hi = bound(3, f64::INFINITY)?;
            Some((Expression::Redraw(Box::new(normal), lo, hi), d))
        }
        "lognormal" => {
            let a = cx.args(call, &["mu", "sigma"], &["mu", "sigma"])?;
            let (mean, d) = constant(cx, a[0]?, "mu")?;
            let (std, d2) = constant(cx, a[1]?, "sigma")?;
            dims_match(cx, a[0]?, d, NONE)?;
            dims_match(cx, a[1]?, d2, NONE)?;
            Some((Expression::Random(Random::Lognormal { mean, std }), NONE))
        }
        "exponential" => {
            let a = cx.args(call, &["beta"], &["beta"])?;
            let (beta, d) = constant(cx, a[0]?, "beta")?;
            Some((Expression::Random(Random::Exponential { beta }), d))
        }
        _ => {
            let all = [FUNCTIONS, &["uniform", "normal", "lognormal"]].concat();
            let help = match network_spec::error::closest(&name, &all) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the functions are {}", all.join(", ")),
            };
            cx.error(
                (&call.name).into(),
                format!("unknown function `{name}`"),
                help,
            );
            None
        }
    }
}
