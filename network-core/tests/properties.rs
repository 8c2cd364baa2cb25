//! Property tests of every connection rule (`network_core::connect::connect`), with and
//! without masks and kernels, on populations, flags and parameters drawn by proptest:
//!
//! - exact facts, asserted for every case: the rule succeeds exactly when the request
//!   can be met, indegrees / outdegrees / totals are exact, no autapse or repeated pair
//!   where forbidden, every synapse inside its mask (periodic boundaries included, the
//!   mask centred on the side the rule says), and with `p = 1` every pair inside the
//!   mask is connected;
//! - statistics: the number of synapses per distance bin against the kernel, with a
//!   Bernstein bound (valid for any sum of independent variables bounded by 1, no normal
//!   approximation) at a false-alarm rate of 1e-6 per bin; the file makes at most
//!   `2 · STAT_CASES · BINS + NONSPATIAL_CASES = 584` such checks (the last for the
//!   total of unmasked `pairwise_bernoulli`), so a correct engine fails a run with
//!   probability below 6e-4. Proptest's seed is fixed, so a run is reproducible. The
//!   checks catch a kernel read at 1.05 times the distance;
//! - delays: converted to whole steps as NEST does, never below one step.
//!
//! `properties/nonspatial.rs`, `masks.rs`, `kernels.rs` and `delays.rs` hold the four
//! families; this file the shared checks.

use network_core::connect::{connect, ByTarget, ConnSpec, Endpoints, Rule, SameNeurons};
use network_core::spatial::{Kernel, Layout, Mask, MaskGeometry, MaskShape, Place, Space};
use network_core::synapse::delay_steps;
use network_core::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// False-alarm rate of one statistical check.
const ALPHA: f64 = 1e-6;
/// Distance bins of the kernel checks.
const BINS: usize = 8;
const NONSPATIAL_CASES: u32 = 200;
const SPATIAL_CASES: u32 = 150;
const STAT_CASES: u32 = 24;

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x6e65_7374),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The largest deviation `|O − E|` a sum of independent variables in [0, 1] with
/// variance `var` shows with probability `ALPHA` (Bernstein's inequality:
/// `P(|O − E| ≥ t) ≤ 2·exp(−t² / (2·var + 2t/3))`).
fn bernstein(var: f64) -> f64 {
    let l = (2.0 / ALPHA).ln();
    l / 3.0 + ((l / 3.0).powi(2) + 2.0 * var * l).sqrt()
}

fn check_count(what: &str, observed: f64, expected: f64, var: f64) -> Result<(), TestCaseError> {
    let bound = bernstein(var);
    prop_assert!(
        (observed - expected).abs() < bound,
        "{what}: observed {observed}, expected {expected} (variance {var}): \
         |O − E| must stay below {bound} at alpha = {ALPHA}"
    );
    Ok(())
}

/// Autapses and repeated pairs where they are forbidden, and sources in range.
fn check_flags(bt: &ByTarget, spec: &ConnSpec, ends: &Endpoints) -> Result<(), TestCaseError> {
    prop_assert_eq!(bt.offsets.len(), ends.n_targets + 1);
    for t in 0..ends.n_targets {
        let mut sources = bt.sources_of(t).to_vec();
        prop_assert!(sources.iter().all(|&s| (s as usize) < ends.n_sources));
        if ends.same == SameNeurons::Identity && !spec.allow_autapses {
            prop_assert!(!sources.contains(&(t as u32)), "autapse on {}", t);
        }
        if !spec.allow_multapses {
            sources.sort_unstable();
            prop_assert!(
                sources.windows(2).all(|w| w[0] != w[1]),
                "repeated pair onto target {}",
                t
            );
        }
    }
    Ok(())
}

/// Whether the rule refused an impossible request with a proper error (a neuron without
/// enough partners, or a degree above the partners there are).
fn refused(drawn: &Result<ByTarget>) -> bool {
    matches!(
        drawn,
        Err(Error::Connection { .. } | Error::InvalidParameter { .. })
    )
}

fn outdegrees(bt: &ByTarget, n_sources: usize) -> Vec<usize> {
    let mut out = vec![0; n_sources];
    for &s in &bt.sources {
        out[s as usize] += 1;
    }
    out
}

fn spec_of(rule: Rule, autapses: bool, multapses: bool) -> ConnSpec {
    let mut spec = ConnSpec::new(rule);
    spec.allow_autapses = autapses;
    spec.allow_multapses = multapses;
    spec
}

#[path = "properties/delays.rs"]
mod delays;
#[path = "properties/kernels.rs"]
mod kernels;
#[path = "properties/masks.rs"]
mod masks;
#[path = "properties/nonspatial.rs"]
mod nonspatial;
