//! Expressions of space as PyNEST parameters (`nest.spatial.distance`, `nest.math.*`,
//! `nest.logic.conditional`, `nest.random.*`), written so that NEST computes every
//! node with the engine's operation: a number on the left of an operator becomes a
//! constant parameter (PyNEST would turn `c / x` into `x**-1 * c`, another rounding),
//! and a periodic displacement is NEST's nearest image, `d − L·round(d·(1/L))`, spelled
//! with conditionals (NEST's per-axis position difference does not wrap).

use super::python::float;
use network_core::spatial::Space;
use network_core::spec::expression::{
    axis_name, Arith, Comparison, End, Expression, Function, Random,
};

/// The expression as a PyNEST parameter; `source` is the source layer, whose extent
/// wraps a displacement where it is periodic.
pub(super) fn python(e: &Expression, source: Option<&Space>) -> String {
    Writer { source, own: false }.parameter(e)
}

/// A neuron's own value (a population's `with { .. }`) as a PyNEST parameter of
/// `nest.Create(.., params=..)`: a position is the neuron's, `nest.spatial.pos.x`.
pub(super) fn neuron_python(e: &Expression) -> String {
    Writer {
        source: None,
        own: true,
    }
    .parameter(e)
}

struct Writer<'a> {
    source: Option<&'a Space>,
    /// Whether positions are the neuron's own (`nest.spatial.pos`).
    own: bool,
}

impl Writer<'_> {
    /// `e` as a value that is a NEST `Parameter` (a number becomes a constant one).
    fn parameter(&self, e: &Expression) -> String {
        match e {
            Expression::Number(v) => constant(*v),
            _ => self.write(e),
        }
    }

    /// `e` as Python: a plain float for a number, else a parameter.
    fn write(&self, e: &Expression) -> String {
        match e {
            Expression::Number(v) => float(*v),
            Expression::Distance => "nest.spatial.distance".into(),
            Expression::Displacement(a) => self.displacement(*a),
            Expression::Position(_, a) if self.own => {
                format!("nest.spatial.pos.{}", axis_name(*a))
            }
            Expression::Position(End::Source, a) => {
                format!("nest.spatial.source_pos.{}", axis_name(*a))
            }
            Expression::Position(End::Target, a) => {
                format!("nest.spatial.target_pos.{}", axis_name(*a))
            }
            Expression::Neg(x) => format!("(-{})", self.write(x)),
            Expression::Arith(op, a, b) => {
                let op = match op {
                    Arith::Add => "+",
                    Arith::Sub => "-",
                    Arith::Mul => "*",
                    Arith::Div => "/",
                };
                format!("({} {op} {})", self.parameter(a), self.write(b))
            }
            Expression::Pow(x, p) => format!("({} ** {})", self.parameter(x), float(*p)),
            Expression::Function(f, x) => {
                let name = match f {
                    Function::Exp => "exp",
                    Function::Sin => "sin",
                    Function::Cos => "cos",
                };
                format!("nest.math.{name}({})", self.parameter(x))
            }
            Expression::Min(x, c) => format!("nest.math.min({}, {})", self.parameter(x), float(*c)),
            Expression::Max(x, c) => format!("nest.math.max({}, {})", self.parameter(x), float(*c)),
            Expression::Compare(cmp, a, b) => {
                let op = match cmp {
                    Comparison::Lt => "<",
                    Comparison::Le => "<=",
                    Comparison::Eq => "==",
                    Comparison::Ne => "!=",
                    Comparison::Ge => ">=",
                    Comparison::Gt => ">",
                };
                format!("({} {op} {})", self.parameter(a), self.write(b))
            }
            Expression::Conditional(c, a, b) => format!(
                "nest.logic.conditional({}, {}, {})",
                self.parameter(c),
                self.parameter(a),
                self.parameter(b)
            ),
            Expression::Redraw(x, lo, hi) => format!(
                "nest.math.redraw({}, min={}, max={})",
                self.parameter(x),
                float(*lo),
                float(*hi)
            ),
            Expression::Random(r) => match *r {
                Random::Uniform { min, max } => {
                    format!(
                        "nest.random.uniform(min={}, max={})",
                        float(min),
                        float(max)
                    )
                }
                Random::Normal { mean, std } => {
                    format!(
                        "nest.random.normal(mean={}, std={})",
                        float(mean),
                        float(std)
                    )
                }
                Random::Lognormal { mean, std } => format!(
                    "nest.random.lognormal(mean={}, std={})",
                    float(mean),
                    float(std)
                ),
                Random::Exponential { beta } => {
                    format!("nest.random.exponential(beta={})", float(beta))
                }
            },
        }
    }

    /// The signed displacement along axis `a`, target − source, wrapped as NEST wraps
    /// it on a periodic source layer: for `|d| <= L`, `round(d·(1/L))` is 1 from 0.5
    /// up, −1 from −0.5 down, else 0.
    fn displacement(&self, a: usize) -> String {
        let axis = axis_name(a);
        let d = format!("(nest.spatial.target_pos.{axis} - nest.spatial.source_pos.{axis})");
        let Some(space) = self.source.filter(|s| s.periodic(a)) else {
            return d;
        };
        let l = space.extent()[a];
        let v = format!("({d} * {})", float(1.0 / l));
        format!(
            "nest.logic.conditional({v} >= 0.5, {d} - {l}, \
             nest.logic.conditional({v} <= -0.5, {d} + {l}, {d}))",
            l = float(l)
        )
    }
}

/// A number as a NEST constant parameter.
fn constant(v: f64) -> String {
    format!(
        "nest.CreateParameter(\"constant\", {{\"value\": {}}})",
        float(v)
    )
}
