//! What the plan leaves to run time: the values of the description's Rust expressions
//! (`{expr}`) and the devices' windows. Layouts, masks, kernels, rules and recordables
//! are the vocabulary's types (`network-spec`) in the plan already.

use network_core::{Value, Window};
use network_syntax::description::ValueDesc;
use network_syntax::lowering;

/// A weight or delay; `expressions` are the values of the description's Rust
/// expressions, in NEST units.
pub fn value(v: &ValueDesc, expressions: &[f64]) -> Value {
    match *v {
        ValueDesc::Known(v) => v,
        ValueDesc::Runtime(i) => Value::Constant(expressions[i]),
    }
}

/// The engine's window (start and stop in ms).
pub fn window(w: lowering::Window) -> Window {
    Window::new(w.start, w.stop)
}
