//! Description values as network-core values, for the checks that reuse the engine's
//! own validation (and for a loader that builds networks at run time).

use crate::description::*;
use network_spec::Value;
use network_spec::{Kernel, Mask};

/// A weight or delay (`None` for a Rust expression, known only at build time).
pub fn value(v: &ValueDesc) -> Option<Value> {
    Some(match *v {
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
        ValueDesc::Runtime(_) => return None,
    })
}

/// A mask.
pub fn mask(m: &MaskDesc) -> Mask {
    let m2 = Mask::new(m.shape.clone());
    match m.anchor {
        Some(a) => m2.with_anchor(a),
        None => m2,
    }
}

/// A kernel.
pub fn kernel(k: &KernelDesc) -> Kernel {
    match *k {
        KernelDesc::Constant { p } => Kernel::Constant { p },
        KernelDesc::Linear { p0, slope } => Kernel::Linear { p0, slope },
        KernelDesc::Exponential { p0, beta } => Kernel::Exponential { p0, beta },
        KernelDesc::Gaussian { p0, mean, std } => Kernel::Gaussian { p0, mean, std },
    }
}
