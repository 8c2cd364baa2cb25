//! The COBA network of Brette et al. (2007), benchmark 1 (after Vogels and Abbott 2005):
//! 4000 `iaf_cond_exp` neurons, 3200 excitatory and 800 inhibitory, every ordered pair
//! connected with probability 0.02; conductance jumps of 6 nS (E_ex = 0 mV, τ = 5 ms)
//! and 67 nS (E_in = −80 mV, τ = 10 ms), with the membrane of the benchmark: C_m =
//! 200 pF, g_L = 10 nS (τ_m = 20 ms), E_L = V_reset = −60 mV, V_th = −50 mV, t_ref = 5 ms.
//! As in Brian2's COBA benchmark script, a constant input of 20 mV·g_L = 200 pA keeps the
//! network active, and V_m starts uniform on [−60, −50) mV. Delays are one step (0.1 ms,
//! NEST's minimum; Brian2 delivers in the step of the spike).
//!
//! The network is written with the builder: the language cannot draw an initial V_m per
//! neuron (`examples/coba.net` is the network with V_m = −60 mV everywhere).
//!
//! `cargo run --release --example coba -- [--scale 1.0] [--threads N] [--time 1000]
//!  [--json] [--rates FILE]`

use clap::Parser;
use network::prelude::*;
use serde_json::json;

mod bench_util;
mod brette;

/// Excitatory conductance jump (nS).
const W_EX: f64 = 6.0;
/// Inhibitory conductance jump (nS; negative: NEST's sign for the inhibitory port).
const W_IN: f64 = -67.0;

fn main() -> Result<(), Error> {
    let o = brette::Options::parse();
    let neuron = Model::nest(IafCondExp {
        C_m: 200.0,
        g_L: 10.0,
        E_L: -60.0,
        V_reset: -60.0,
        V_th: -50.0,
        t_ref: 5.0,
        E_ex: 0.0,
        E_in: -80.0,
        tau_syn_ex: 5.0,
        tau_syn_in: 10.0,
        I_e: 200.0,
        V_m: -60.0,
        ..Default::default()
    })?;
    brette::run(
        &o,
        "coba",
        neuron,
        (W_EX, W_IN),
        json!({ "w_ex_nS": W_EX, "w_in_nS": W_IN }),
    )
}
