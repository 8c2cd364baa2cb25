//! The parameters of the Potjans-Diesmann (2014) microcircuit as its reference
//! implementation gives them (population sizes, connection probabilities, external
//! indegrees, weights, delays, initial V_m, thalamic input), and what `--scale` derives
//! from them: synapse counts, scaled weights and the DC compensation.

use super::{Background, Options};
use network::prelude::*;
use network::spec::psp::{weight_for_psp, PscShape};

mod table;
pub use table::{CONN_PROBS, K_EXT, NAMES, N_FULL};

/// Mean rates of the full-scale network (Hz), used by the DC compensation of K scaling.
pub const FULL_MEAN_RATES: [f64; 8] = [0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829];
/// "optimized" initial V_m per population: mean and sd (mV).
pub const V0_MEAN: [f64; 8] = [
    -68.28, -63.16, -63.33, -63.45, -63.11, -61.66, -66.72, -61.43,
];
pub const V0_STD: [f64; 8] = [5.36, 4.57, 4.74, 4.94, 4.94, 4.55, 5.46, 4.48];
/// Thalamic connection probabilities per target population.
pub const CONN_PROBS_TH: [f64; 8] = [0.0, 0.0, 0.0983, 0.0619, 0.0, 0.0, 0.0512, 0.0196];
pub const N_THALAMIC: f64 = 902.0;

pub const C_M: f64 = 250.0;
pub const TAU_M: f64 = 10.0;
pub const TAU_SYN: f64 = 0.5;
pub const PSP_EXC: f64 = 0.15;
pub const G: f64 = -4.0;
pub const WEIGHT_REL_STD: f64 = 0.1;
pub const DELAY_EXC: f64 = 1.5;
pub const DELAY_INH: f64 = 0.75;
pub const DELAY_REL_STD: f64 = 0.5;
pub const BG_RATE: f64 = 8.0;
pub const RESOLUTION: f64 = 0.1;

/// Everything derived from the options before the network is built.
pub struct Derived {
    pub neurons: [usize; 8],
    pub synapses: [[usize; 8]; 8],
    pub k_ext: [usize; 8],
    /// Mean weights (pA), `[target][source]`.
    pub weights: [[f64; 8]; 8],
    pub weight_ext: f64,
    pub dc: [f64; 8],
    pub th_synapses: [usize; 8],
    pub weight_th: f64,
}

/// The reference's synapse count for connection probability `p` between populations of
/// `a` and `b` neurons: the number of draws with replacement that leaves a pair connected
/// with probability `p`.
pub fn synapse_count(p: f64, a: f64, b: f64) -> f64 {
    let prod = a * b;
    (1.0 - p).ln() / ((prod - 1.0) / prod).ln()
}

pub fn derive(o: &Options) -> Derived {
    let (n_scale, k_scale) = (o.scale, o.scale);
    let psc_per_psp = weight_for_psp(1.0, PscShape::Exp, TAU_M, C_M, TAU_SYN);
    let mut full_synapses = [[0.0; 8]; 8];
    let mut weights = [[0.0; 8]; 8];
    for i in 0..8 {
        for j in 0..8 {
            full_synapses[i][j] = synapse_count(CONN_PROBS[i][j], N_FULL[i], N_FULL[j]);
            let psp = if j % 2 == 0 { PSP_EXC } else { PSP_EXC * G };
            weights[i][j] = psp * psc_per_psp;
        }
    }
    weights[0][2] *= 2.0;
    let weight_ext_full = PSP_EXC * psc_per_psp;
    let mut dc = [0.0; 8];
    if o.background == Background::Dc {
        for i in 0..8 {
            dc[i] = BG_RATE * K_EXT[i] * weight_ext_full * TAU_SYN * 0.001;
        }
    }
    let mut weight_ext = weight_ext_full;
    let full_weights = weights;
    if k_scale != 1.0 {
        let root = k_scale.sqrt();
        for row in weights.iter_mut() {
            for w in row.iter_mut() {
                *w /= root;
            }
        }
        weight_ext /= root;
        for i in 0..8 {
            let input_rec: f64 = (0..8)
                .map(|j| full_weights[i][j] * full_synapses[i][j] / N_FULL[i] * FULL_MEAN_RATES[j])
                .sum();
            dc[i] += 0.001 * TAU_SYN * (1.0 - root) * input_rec;
            if o.background == Background::Poisson {
                dc[i] += 0.001 * TAU_SYN * (1.0 - root) * weight_ext_full * K_EXT[i] * BG_RATE;
            }
        }
    }
    let mut th_synapses = [0; 8];
    let mut weight_th = PSP_EXC * psc_per_psp;
    for i in 0..8 {
        let k = synapse_count(CONN_PROBS_TH[i], N_THALAMIC, N_FULL[i]) * k_scale;
        th_synapses[i] = k.round_ties_even() as usize;
    }
    if k_scale != 1.0 {
        weight_th /= k_scale.sqrt();
    }
    Derived {
        neurons: N_FULL.map(|n| (n * n_scale).round_ties_even() as usize),
        synapses: full_synapses
            .map(|row| row.map(|k| (k * n_scale * k_scale).round_ties_even() as usize)),
        k_ext: K_EXT.map(|k| (k * k_scale).round_ties_even() as usize),
        weights,
        weight_ext,
        dc,
        th_synapses,
        weight_th,
    }
}

/// A weight drawn from a normal of relative sd 0.1 around `mean`, redrawn to keep its sign.
pub fn weight(mean: f64) -> Value {
    let (min, max) = if mean < 0.0 {
        (None, Some(0.0))
    } else {
        (Some(0.0), None)
    };
    Value::Normal {
        mean,
        std: (mean * WEIGHT_REL_STD).abs(),
        min,
        max,
    }
}

/// A delay drawn from a normal of relative sd 0.5 around `mean`, redrawn below half a
/// step, so that it rounds to at least one step.
pub fn delay(mean: f64) -> Value {
    Value::Normal {
        mean,
        std: mean * DELAY_REL_STD,
        min: Some(0.5 * RESOLUTION),
        max: None,
    }
}
