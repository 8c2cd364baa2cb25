//! `aeif_psc_delta`: adaptive exponential integrate-and-fire neuron whose input spikes
//! make `V_m` jump, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`; the jump and the spike check after the
//! integrator's first step of each simulation step, the spike check after every later
//! one).

use super::aeif::{aeif_membrane, AeifMembrane, V_M};
use super::rkf45::{evolve_apply, Ode};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifPscDelta;

use crate::storage::Length;
use crate::time::Resolution;

/// Index of `w` in the state vector (NEST's order).
const W: usize = 1;

soa_state! {
    /// State of a population of `aeif_psc_delta` neurons.
    AeifPscDeltaState / AeifPscDeltaBlock {
        /// `V_m` (mV), `w` (pA).
        y: [f64; 2],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Input kept from the refractory period (mV), with `refractory_input`.
        kept: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `aeif_psc_delta`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct AeifPscDeltaConstants {
    m: AeifMembrane,
    /// `1 / Delta_T`, `1 / C_m`, `1 / tau_w`: NEST multiplies by them here.
    delta_t_inv: f64,
    c_m_inv: f64,
    tau_w_inv: f64,
    /// `C_m / g_L` (ms).
    tau_m: f64,
    refractory_input: bool,
}

/// The right-hand side of one neuron in one step (NEST's `aeif_psc_delta_dynamics`).
struct System<'a> {
    c: &'a AeifPscDeltaConstants,
    refractory: bool,
    i_stim: f64,
}

impl Ode<2> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 2]) -> [f64; 2] {
        let (c, m) = (self.c, &self.c.m);
        let v = m.v(self.refractory, y[V_M]);
        let w = y[W];
        let i_spike = if m.Delta_T == 0.0 {
            0.0
        } else {
            m.g_L * m.Delta_T * ((v - m.V_th) * c.delta_t_inv).exp()
        };
        [
            if self.refractory {
                0.0
            } else {
                (-m.g_L * (v - m.E_L) + i_spike - w + m.I_e + self.i_stim) * c.c_m_inv
            },
            (m.a * (v - m.E_L) - w) * c.tau_w_inv,
        ]
    }
}

impl NeuronModel for AeifPscDelta {
    const SPIKE_CHANNELS: usize = 1;

    type State<L: Length> = AeifPscDeltaState<L>;
    type Block<'a> = AeifPscDeltaBlock<'a>;
    type Propagators = AeifPscDeltaConstants;

    fn propagators(&self, res: &Resolution) -> AeifPscDeltaConstants {
        AeifPscDeltaConstants {
            m: aeif_membrane!(self, res, 0.0, 0.0),
            delta_t_inv: 1.0 / self.Delta_T,
            c_m_inv: 1.0 / self.C_m,
            tau_w_inv: 1.0 / self.tau_w,
            tau_m: self.C_m / self.g_L,
            refractory_input: self.refractory_input,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifPscDeltaState<L> {
        AeifPscDeltaState {
            y: len.filled([self.V_m, self.w]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            kept: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifPscDeltaState<L>,
        block_len: usize,
    ) -> Vec<AeifPscDeltaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifPscDeltaState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    fn update(
        &self,
        c: &AeifPscDeltaConstants,
        b: &mut AeifPscDeltaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let m = &c.m;
        let jumps = input.spikes.first();
        let current = input.current;
        for i in 0..b.len() {
            let (y, h, r) = (&mut b.y[i], &mut b.h[i], &mut b.refractory[i]);
            if h.is_nan() {
                // NEST starts the integrator with one simulation step.
                *h = m.step;
            }
            // NEST reads (and clears) the step's input after each integrator step: only
            // the first sees it.
            let mut jump = jumps[i];
            jumps[i] = 0.0;
            let mut t = 0.0;
            while t < m.step {
                let sys = System {
                    c,
                    refractory: *r > 0,
                    i_stim: b.i_stim[i],
                };
                evolve_apply(&sys, &m.control, &mut t, m.step, h, y);
                // NEST throws NumericalInstability here when V_m < -1e3 or |w| > 1e6 and
                // ends the simulation; the engine integrates on (see README).
                if *r == 0 {
                    y[V_M] += jump;
                    if c.refractory_input && b.kept[i] != 0.0 {
                        y[V_M] += b.kept[i];
                        b.kept[i] = 0.0;
                    }
                } else {
                    y[V_M] = m.V_reset;
                    if c.refractory_input {
                        // NEST's `exp(-r_ * h / tau_m)` negates the unsigned count.
                        let minus_r = f64::from(r.wrapping_neg());
                        b.kept[i] += jump * (minus_r * m.step / c.tau_m).exp();
                    }
                }
                jump = 0.0;
                if *r == 0 && y[V_M] >= m.threshold {
                    y[V_M] = m.V_reset;
                    *r = if m.refractory_steps > 0 {
                        m.refractory_steps + 1
                    } else {
                        0
                    };
                    y[W] += m.b;
                    spiked(i as u32);
                }
            }
            if *r > 0 {
                *r -= 1;
            }
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &AeifPscDeltaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::w => b.y[i][W],
            _ => return None,
        })
    }
}
