//! Run-time choice of the instruction set for a block's work.
//!
//! A block task (generators, neuron update, sampling) is compiled twice
//! (`engine::population::advance_block`): for the baseline of the target (SSE2 on
//! x86-64) and, on x86-64, for x86-64-v3 (AVX2, FMA, BMI, SSE4.1's rounding), the
//! x86-64-v3 task with the spike delivery inlined (the baseline calls one delivery
//! shared by every model, `engine::population::delivery`). The first call asks the processor which it has; every later
//! one reads a cached flag. So a program built without `-C target-cpu` still runs the
//! 4-lane neuron updates. Results are the same either way: Rust never fuses a multiply
//! and an add on its own, so each lane rounds as the scalar code does.
//! `NETWORK_WIDE=baseline` in the environment keeps to the baseline (to test it, or to
//! time the difference).

/// Compiles the function it wraps, on x86-64, for x86-64-v3: the one place its features
/// are listed (AVX2, FMA, BMI1 and 2, LZCNT, POPCNT, SSE4.2, F16C, MOVBE, and what
/// they imply; [`has_v3`] asks the processor for them). Such a function may be called
/// only where `has_v3` holds; on other targets it is compiled for the baseline.
macro_rules! x86_64_v3 {
    ($function:item) => {
        #[cfg_attr(
            target_arch = "x86_64",
            target_feature(
                enable = "avx,avx2,fma,bmi1,bmi2,lzcnt,popcnt,sse3,ssse3,sse4.1,sse4.2,f16c,movbe"
            )
        )]
        $function
    };
}
pub(crate) use x86_64_v3;

#[cfg(target_arch = "x86_64")]
use std::sync::atomic::{AtomicU8, Ordering};

/// 0: not asked yet, 1: baseline only, 2: x86-64-v3.
#[cfg(target_arch = "x86_64")]
static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Whether this processor runs x86-64-v3 code (asked once, then cached).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn has_v3() -> bool {
    match LEVEL.load(Ordering::Relaxed) {
        0 => {
            let baseline = std::env::var("NETWORK_WIDE").is_ok_and(|v| v == "baseline");
            let v3 = !baseline
                && std::is_x86_feature_detected!("avx2")
                && std::is_x86_feature_detected!("fma")
                && std::is_x86_feature_detected!("bmi1")
                && std::is_x86_feature_detected!("bmi2")
                && std::is_x86_feature_detected!("lzcnt")
                && std::is_x86_feature_detected!("popcnt")
                && std::is_x86_feature_detected!("sse4.2")
                && std::is_x86_feature_detected!("f16c")
                && std::is_x86_feature_detected!("movbe");
            LEVEL.store(if v3 { 2 } else { 1 }, Ordering::Relaxed);
            v3
        }
        level => level == 2,
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_cached_and_consistent() {
        let first = has_v3();
        assert_eq!(has_v3(), first);
        assert!(!first || std::is_x86_feature_detected!("avx2"));
    }
}
