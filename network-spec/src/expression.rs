//! Values as expressions of space: a weight, delay or connection probability computed per
//! candidate pair from the distance, the displacement and the positions of the two
//! neurons, with NEST's functions and random terms (NEST's `nest.spatial.distance`,
//! `nest.math.*`, `nest.logic.conditional`, `nest.random.*` combined by arithmetic).
//!
//! An [`Expression`] is a small tree of numbers in NEST units (lengths in mm). Each node
//! computes what NEST's `Parameter` of the same kind computes, in the same operation
//! order (`nestkernel/parameter.h`), so a deterministic expression gives NEST's value
//! bit for bit. Random terms draw from the stream the engine hands in (the synapse's
//! keyed stream), so results depend on the seed alone.

use crate::error::{Error, Result};
use crate::value::Draw;
use std::fmt;

/// The number of redraws NEST's `redraw` allows before giving up.
pub const MAX_REDRAWS: usize = 1000;

/// Which neuron of a pair a position belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The presynaptic neuron (NEST's `nest.spatial.source_pos`).
    Source,
    /// The postsynaptic neuron (NEST's `nest.spatial.target_pos`).
    Target,
}

/// The four operations of arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    /// `a + b`.
    Add,
    /// `a − b`.
    Sub,
    /// `a · b`.
    Mul,
    /// `a / b`.
    Div,
}

/// A function of one value (`nest.math.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    /// `exp(x)`.
    Exp,
    /// `sin(x)`, x in radians.
    Sin,
    /// `cos(x)`, x in radians.
    Cos,
}

/// A comparison giving 1 or 0, NEST's `comparator` 0 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `>=`.
    Ge,
    /// `>`.
    Gt,
}

/// A random term, drawn anew for every pair (NEST's `nest.random.*`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Random {
    /// Uniform on `[min, max)`: `min + u·(max − min)`.
    Uniform {
        /// Lower bound.
        min: f64,
        /// Upper bound (> min).
        max: f64,
    },
    /// Normal.
    Normal {
        /// Mean.
        mean: f64,
        /// Standard deviation (>= 0).
        std: f64,
    },
    /// Lognormal `exp(N(mean, std))`: the parameters are the underlying normal's, as in
    /// NEST.
    Lognormal {
        /// Mean of the underlying normal.
        mean: f64,
        /// Standard deviation of the underlying normal (>= 0).
        std: f64,
    },
    /// Exponential with scale `beta`: `beta·(−ln(1 − u))`.
    Exponential {
        /// Scale (> 0), the mean.
        beta: f64,
    },
}

/// A value computed per pair of neurons; numbers are in NEST units (lengths in mm).
#[derive(Debug, Clone, PartialEq)]
pub enum Expression {
    /// A number.
    Number(f64),
    /// The distance between the two neurons (mm), periodic where the layer wraps
    /// (`nest.spatial.distance`).
    Distance,
    /// The signed displacement target − source along axis 0, 1 or 2 (x, y, z; mm),
    /// the nearest image where the layer wraps.
    Displacement(usize),
    /// A coordinate (axis 0, 1, 2) of one neuron's position, mm
    /// (`nest.spatial.source_pos.x`, `target_pos.x`).
    Position(End, usize),
    /// `−x`.
    Neg(Box<Expression>),
    /// `a ∘ b`.
    Arith(Arith, Box<Expression>, Box<Expression>),
    /// `x^p` for a constant `p` (NEST's `pow`).
    Pow(Box<Expression>, f64),
    /// `f(x)`.
    Function(Function, Box<Expression>),
    /// `min(x, c)` for a constant `c`.
    Min(Box<Expression>, f64),
    /// `max(x, c)` for a constant `c`.
    Max(Box<Expression>, f64),
    /// `a ⋚ b`: 1 when it holds, else 0.
    Compare(Comparison, Box<Expression>, Box<Expression>),
    /// `if(cond, a, b)`: `a` where `cond` is not 0, else `b`; only the branch taken is
    /// computed (`nest.logic.conditional`).
    Conditional(Box<Expression>, Box<Expression>, Box<Expression>),
    /// `x`, computed again (random terms redrawn) until it lies in `[min, max]`
    /// (`nest.math.redraw`); at most [`MAX_REDRAWS`] times.
    Redraw(Box<Expression>, f64, f64),
    /// A random term.
    Random(Random),
}

/// Where the two neurons of a pair are, and the displacement between them as the
/// layer measures it (periodic where it wraps); mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The source neuron's position (z = 0 in 2D).
    pub source: [f64; 3],
    /// The target neuron's position.
    pub target: [f64; 3],
    /// Target − source, the nearest image in a periodic dimension.
    pub displacement: [f64; 3],
    /// 2 or 3.
    pub dims: usize,
}

impl Pair {
    /// No positions: for expressions that read none.
    pub const NONE: Pair = Pair {
        source: [0.0; 3],
        target: [0.0; 3],
        displacement: [0.0; 3],
        dims: 3,
    };

    /// The distance as NEST sums it: `sqrt(dx² + dy² (+ dz²))`, from 0 in axis order.
    pub fn distance(&self) -> f64 {
        let mut squared = 0.0;
        for d in &self.displacement[..self.dims] {
            squared += d * d;
        }
        squared.sqrt()
    }
}

impl Expression {
    /// Whether the value depends on the pair (distance, displacement or positions).
    pub fn is_spatial(&self) -> bool {
        self.any(&|e| {
            matches!(
                e,
                Expression::Distance | Expression::Displacement(_) | Expression::Position(..)
            )
        })
    }

    /// Whether the value has a random term.
    pub fn is_random(&self) -> bool {
        self.any(&|e| matches!(e, Expression::Random(_)))
    }

    /// The largest axis (0, 1, 2) the expression reads, if any.
    pub fn max_axis(&self) -> Option<usize> {
        let mut max = None;
        self.visit(&mut |e| {
            if let Expression::Displacement(a) | Expression::Position(_, a) = e {
                max = Some(max.map_or(*a, |m: usize| m.max(*a)));
            }
        });
        max
    }

    /// Whether `test` holds for this node or any below it.
    fn any(&self, test: &dyn Fn(&Expression) -> bool) -> bool {
        let mut found = false;
        self.visit(&mut |e| found |= test(e));
        found
    }

    /// Calls `f` on every node, this one first.
    pub fn visit(&self, f: &mut dyn FnMut(&Expression)) {
        f(self);
        match self {
            Expression::Neg(x)
            | Expression::Pow(x, _)
            | Expression::Function(_, x)
            | Expression::Min(x, _)
            | Expression::Max(x, _)
            | Expression::Redraw(x, ..) => x.visit(f),
            Expression::Arith(_, a, b) | Expression::Compare(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Expression::Conditional(c, a, b) => {
                c.visit(f);
                a.visit(f);
                b.visit(f);
            }
            _ => {}
        }
    }

    /// Checks every number and random term as NEST does; `entity` and `param` name the
    /// value in errors.
    pub fn validate(&self, entity: &str, param: &str) -> Result<()> {
        let mut error = None;
        self.visit(&mut |e| {
            if error.is_some() {
                return;
            }
            let bad = |v: f64, why: &str| Some(Error::invalid(entity, param, v, why));
            error = match *e {
                Expression::Number(v)
                | Expression::Pow(_, v)
                | Expression::Min(_, v)
                | Expression::Max(_, v)
                    if !v.is_finite() =>
                {
                    bad(v, "numbers in an expression must be finite")
                }
                Expression::Displacement(a) | Expression::Position(_, a) if a > 2 => {
                    bad(a as f64, "axes are x, y, z")
                }
                Expression::Redraw(_, lo, hi) if lo.is_nan() || hi.is_nan() || lo > hi => {
                    bad(lo, &format!("redraw needs min <= max (max = {hi})"))
                }
                Expression::Random(Random::Uniform { min, max })
                    if !(min.is_finite() && max.is_finite() && min < max) =>
                {
                    bad(min, &format!("uniform needs min < max (max = {max})"))
                }
                Expression::Random(
                    Random::Normal { mean, std } | Random::Lognormal { mean, std },
                ) if !(mean.is_finite() && std.is_finite() && std >= 0.0) => {
                    bad(std, "needs a finite mean and std >= 0")
                }
                Expression::Random(Random::Exponential { beta })
                    if !(beta.is_finite() && beta > 0.0) =>
                {
                    bad(beta, "exponential needs beta > 0")
                }
                _ => None,
            };
        });
        error.map_or(Ok(()), Err)
    }

    /// The value for `pair`, drawing random terms from `rng`; a random term whose
    /// parameters its distribution rejects, or a redraw that never lands, is an error.
    pub fn value(&self, pair: &Pair, rng: &mut impl Draw) -> Result<f64> {
        Ok(match self {
            Expression::Number(v) => *v,
            Expression::Distance => pair.distance(),
            Expression::Displacement(a) => pair.displacement[*a],
            Expression::Position(End::Source, a) => pair.source[*a],
            Expression::Position(End::Target, a) => pair.target[*a],
            // NEST negates by multiplying with −1 (the same number).
            Expression::Neg(x) => -x.value(pair, rng)?,
            Expression::Arith(op, a, b) => {
                let (a, b) = (a.value(pair, rng)?, b.value(pair, rng)?);
                match op {
                    Arith::Add => a + b,
                    Arith::Sub => a - b,
                    Arith::Mul => a * b,
                    Arith::Div => a / b,
                }
            }
            Expression::Pow(x, p) => x.value(pair, rng)?.powf(*p),
            Expression::Function(f, x) => {
                let x = x.value(pair, rng)?;
                match f {
                    Function::Exp => x.exp(),
                    Function::Sin => x.sin(),
                    Function::Cos => x.cos(),
                }
            }
            Expression::Min(x, c) => x.value(pair, rng)?.min(*c),
            Expression::Max(x, c) => x.value(pair, rng)?.max(*c),
            Expression::Compare(cmp, a, b) => {
                let (a, b) = (a.value(pair, rng)?, b.value(pair, rng)?);
                let holds = match cmp {
                    Comparison::Lt => a < b,
                    Comparison::Le => a <= b,
                    Comparison::Eq => a == b,
                    Comparison::Ne => a != b,
                    Comparison::Ge => a >= b,
                    Comparison::Gt => a > b,
                };
                f64::from(u8::from(holds))
            }
            Expression::Conditional(c, a, b) => {
                if c.value(pair, rng)? != 0.0 {
                    a.value(pair, rng)?
                } else {
                    b.value(pair, rng)?
                }
            }
            Expression::Redraw(x, lo, hi) => {
                for _ in 0..MAX_REDRAWS {
                    let v = x.value(pair, rng)?;
                    if v >= *lo && v <= *hi {
                        return Ok(v);
                    }
                }
                return Err(Error::invalid(
                    "redraw",
                    "min/max",
                    (lo, hi),
                    format!("no value in range after {MAX_REDRAWS} draws of {x}"),
                ));
            }
            Expression::Random(r) => r.draw(rng)?,
        })
    }
}

impl Random {
    /// One draw from `rng`.
    pub fn draw(&self, rng: &mut impl Draw) -> Result<f64> {
        Ok(match *self {
            Random::Uniform { min, max } => min + rng.uniform() * (max - min),
            Random::Normal { std: 0.0, mean } => mean,
            Random::Normal { mean, std } => rng
                .normal(mean, std)
                .map_err(|e| Error::invalid("normal", "std", std, e))?,
            Random::Lognormal { mean, std: 0.0 } => mean.exp(),
            Random::Lognormal { mean, std } => rng
                .lognormal(mean, std)
                .map_err(|e| Error::invalid("lognormal", "std", std, e))?,
            Random::Exponential { beta } => beta * -(1.0 - rng.uniform()).ln(),
        })
    }
}

/// Draws that always give the median: a random term's typical value, for figures and
/// estimates (never for synapses).
pub struct Medians;

impl Draw for Medians {
    fn uniform(&mut self) -> f64 {
        0.5
    }
    fn normal(&mut self, mean: f64, _std: f64) -> std::result::Result<f64, String> {
        Ok(mean)
    }
    fn lognormal(&mut self, mu: f64, _sigma: f64) -> std::result::Result<f64, String> {
        Ok(mu.exp())
    }
}

/// The name of axis `a` (`x`, `y`, `z`).
pub fn axis_name(a: usize) -> &'static str {
    ["x", "y", "z"].get(a).copied().unwrap_or("?")
}

impl fmt::Display for Expression {
    /// The expression in the language's syntax, fully parenthesised, numbers in NEST
    /// units.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expression::Number(v) => write!(f, "{v:?}"),
            Expression::Distance => write!(f, "distance"),
            Expression::Displacement(a) => write!(f, "d{}", axis_name(*a)),
            Expression::Position(End::Source, a) => write!(f, "source.{}", axis_name(*a)),
            Expression::Position(End::Target, a) => write!(f, "target.{}", axis_name(*a)),
            Expression::Neg(x) => write!(f, "(-{x})"),
            Expression::Arith(op, a, b) => {
                let op = match op {
                    Arith::Add => "+",
                    Arith::Sub => "-",
                    Arith::Mul => "*",
                    Arith::Div => "/",
                };
                write!(f, "({a} {op} {b})")
            }
            Expression::Pow(x, p) => write!(f, "pow({x}, {p:?})"),
            Expression::Function(func, x) => {
                let name = match func {
                    Function::Exp => "exp",
                    Function::Sin => "sin",
                    Function::Cos => "cos",
                };
                write!(f, "{name}({x})")
            }
            Expression::Min(x, c) => write!(f, "min({x}, {c:?})"),
            Expression::Max(x, c) => write!(f, "max({x}, {c:?})"),
            Expression::Compare(cmp, a, b) => {
                let op = match cmp {
                    Comparison::Lt => "<",
                    Comparison::Le => "<=",
                    Comparison::Eq => "==",
                    Comparison::Ne => "!=",
                    Comparison::Ge => ">=",
                    Comparison::Gt => ">",
                };
                write!(f, "({a} {op} {b})")
            }
            Expression::Conditional(c, a, b) => write!(f, "if({c}, {a}, {b})"),
            Expression::Redraw(x, lo, hi) => write!(f, "redraw({x}, {lo:?}, {hi:?})"),
            Expression::Random(r) => match *r {
                Random::Uniform { min, max } => write!(f, "uniform({min:?}, {max:?})"),
                Random::Normal { mean, std } => write!(f, "normal({mean:?}, {std:?})"),
                Random::Lognormal { mean, std } => write!(f, "lognormal({mean:?}, {std:?})"),
                Random::Exponential { beta } => write!(f, "exponential({beta:?})"),
            },
        }
    }
}
