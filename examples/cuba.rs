//! The CUBA network of Brette et al. (2007), benchmark 2, in the form of Brian2's CUBA
//! example: 4000 `iaf_psc_exp` neurons, 3200 excitatory and 800 inhibitory, every ordered
//! pair connected with probability 0.02; τ_m = 20 ms, E_L = −49 mV (above threshold: the
//! network needs no external drive), V_th = −50 mV, V_reset = −60 mV, t_ref = 5 ms,
//! exponential currents of τ = 5 ms (excitatory) and 10 ms (inhibitory). Brian2 adds
//! 1.62 mV and −9 mV to a voltage-valued current `ge` in `dv/dt = (ge + gi − (v − E_L))/τ_m`;
//! with C_m = 200 pF (g_L = 10 nS) the same jumps are currents of 1.62 mV · C_m/τ_m =
//! 16.2 pA and −90 pA. V_m starts uniform on [−60, −50) mV. Delays are one step (0.1 ms,
//! NEST's minimum; Brian2 delivers in the step of the spike). Unlike Brian2's example
//! (`unless refractory` on the currents too), the currents decay during the refractory
//! period, as in NEST's `iaf_psc_exp`.
//!
//! The network is written with the builder: the language cannot draw an initial V_m per
//! neuron (`examples/cuba.net` is the network with V_m = −60 mV everywhere).
//!
//! `cargo run --release --example cuba -- [--scale 1.0] [--threads N] [--time 1000]
//!  [--json] [--rates FILE]`

use clap::Parser;
use network::prelude::*;
use serde_json::json;

mod bench_util;
mod brette;

const C_M: f64 = 200.0;
const TAU_M: f64 = 20.0;
/// Excitatory current jump (pA): Brian2's 1.62 mV times C_m/τ_m.
const W_EX: f64 = 1.62 * C_M / TAU_M;
/// Inhibitory current jump (pA): Brian2's −9 mV times C_m/τ_m.
const W_IN: f64 = -9.0 * C_M / TAU_M;

fn main() -> Result<(), Error> {
    let o = brette::Options::parse();
    let neuron = Model::nest(IafPscExp {
        C_m: C_M,
        tau_m: TAU_M,
        E_L: -49.0,
        V_reset: -60.0,
        V_th: -50.0,
        t_ref: 5.0,
        tau_syn_ex: 5.0,
        tau_syn_in: 10.0,
        V_m: -60.0,
        ..Default::default()
    })?;
    brette::run(
        &o,
        "cuba",
        neuron,
        (W_EX, W_IN),
        json!({ "w_ex_pA": W_EX, "w_in_pA": W_IN }),
    )
}
