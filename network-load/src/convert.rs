//! What the plan leaves to run time: the values of the description's Rust expressions
//! (`{expr}`). Everything else in a plan (layouts, masks, kernels, rules, recordables,
//! windows) is the vocabulary's types (`network-spec`) already.

use network_core::Value;
use network_syntax::description::ValueDesc;

/// A weight or delay; `expressions` are the values of the description's Rust
/// expressions, in NEST units.
pub fn value(v: &ValueDesc, expressions: &[f64]) -> Value {
    match v {
        ValueDesc::Known(v) => v.clone(),
        ValueDesc::Runtime(i) => Value::Constant(expressions[*i]),
    }
}
