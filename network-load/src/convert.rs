//! A description's values as the engine's values: layouts, masks, kernels, rules,
//! weights and delays, windows.

use network_core::connect::Rule;
use network_core::spatial::{Kernel, Layout, Mask};
use network_core::{Value, Window};
use network_syntax::description::*;
use network_syntax::lowering;

/// The engine's layout of a description's layout.
pub fn layout(l: &LayoutDesc) -> Layout {
    match l {
        LayoutDesc::FreeUniform {
            lower_left,
            upper_right,
            periodic,
        } => Layout::FreeUniform {
            lower_left: lower_left.clone(),
            upper_right: upper_right.clone(),
            edge_wrap: *periodic,
        },
        LayoutDesc::FreeList {
            positions,
            extent,
            periodic,
        } => Layout::FreeList {
            positions: positions.clone(),
            extent: extent.clone(),
            edge_wrap: *periodic,
        },
        LayoutDesc::Grid {
            shape,
            extent,
            center,
            periodic,
        } => Layout::Grid {
            shape: shape.clone(),
            extent: extent.clone(),
            center: center.clone(),
            edge_wrap: *periodic,
        },
    }
}

/// The engine's rule.
pub fn rule(r: RuleDesc) -> Rule {
    match r {
        RuleDesc::AllToAll => Rule::AllToAll,
        RuleDesc::OneToOne => Rule::OneToOne,
        RuleDesc::FixedIndegree(k) => Rule::FixedIndegree(k),
        RuleDesc::FixedOutdegree(k) => Rule::FixedOutdegree(k),
        RuleDesc::FixedTotalNumber(k) => Rule::FixedTotalNumber(k),
        RuleDesc::PairwiseBernoulli(p) => Rule::PairwiseBernoulli(p),
    }
}

/// The engine's mask, with its anchor.
pub fn mask(m: &MaskDesc) -> Mask {
    let mask = Mask::new(m.shape.clone());
    match m.anchor {
        Some(a) => mask.with_anchor(a),
        None => mask,
    }
}

/// The engine's kernel.
pub fn kernel(k: &KernelDesc) -> Kernel {
    match *k {
        KernelDesc::Constant { p } => Kernel::Constant { p },
        KernelDesc::Linear { p0, slope } => Kernel::Linear { p0, slope },
        KernelDesc::Exponential { p0, beta } => Kernel::Exponential { p0, beta },
        KernelDesc::Gaussian { p0, mean, std } => Kernel::Gaussian { p0, mean, std },
    }
}

/// A weight or delay; `expressions` are the values of the description's Rust
/// expressions, in NEST units.
pub fn value(v: &ValueDesc, expressions: &[f64]) -> Value {
    match *v {
        ValueDesc::Constant(c) => Value::Constant(c),
        ValueDesc::Uniform { min, max } => Value::Uniform { min, max },
        ValueDesc::Normal {
            mean,
            std,
            min,
            max,
        } => Value::Normal {
            mean,
            std,
            min,
            max,
        },
        ValueDesc::Lognormal { mu, sigma } => Value::Lognormal { mu, sigma },
        ValueDesc::Runtime(i) => Value::Constant(expressions[i]),
    }
}

/// The engine's window.
pub fn window(w: lowering::Window) -> Window {
    Window::new(w.start, w.stop)
}
