//! `aeif_cond_alpha`: adaptive exponential integrate-and-fire neuron with alpha-shaped
//! synaptic conductances, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).

use super::aeif::{aeif_membrane, AeifMembrane, Synaptic, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifCondAlpha;

use crate::storage::Length;
use crate::time::Resolution;

/// Indices into the state vector, in NEST's order.
const DG_EX: usize = 1;
const G_EX: usize = 2;
const DG_IN: usize = 3;
const G_IN: usize = 4;
const W: usize = 5;

soa_state! {
    /// State of a population of `aeif_cond_alpha` neurons.
    AeifCondAlphaState / AeifCondAlphaBlock {
        /// `V_m` (mV), `dg_ex` (nS/ms), `g_ex` (nS), `dg_in` (nS/ms), `g_in` (nS), `w` (pA).
        y: [f64; 6],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `aeif_cond_alpha`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct AeifCondAlphaConstants {
    m: AeifMembrane,
    tau_syn_ex: f64,
    tau_syn_in: f64,
    /// `dg` per nS of weight for an alpha conductance peaking at the weight:
    /// `e / tau_syn_ex` (1/ms).
    g0_ex: f64,
    /// `e / tau_syn_in` (1/ms).
    g0_in: f64,
}

/// The right-hand side of one neuron in one step (NEST's `aeif_cond_alpha_dynamics`).
struct System<'a> {
    c: &'a AeifCondAlphaConstants,
    refractory: bool,
    i_stim: f64,
}

impl Ode<6> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 6]) -> [f64; 6] {
        let (c, m) = (self.c, &self.c.m);
        let v = m.v(self.refractory, y[V_M]);
        [
            m.dv(
                self.refractory,
                v,
                Synaptic::Conductances(y[G_EX], y[G_IN]),
                y[W],
                self.i_stim,
            ),
            -y[DG_EX] / c.tau_syn_ex,
            y[DG_EX] - y[G_EX] / c.tau_syn_ex,
            -y[DG_IN] / c.tau_syn_in,
            y[DG_IN] - y[G_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}

impl NeuronModel for AeifCondAlpha {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = AeifCondAlphaState<L>;
    type Block<'a> = AeifCondAlphaBlock<'a>;
    type Propagators = AeifCondAlphaConstants;

    fn propagators(&self, res: &Resolution) -> AeifCondAlphaConstants {
        AeifCondAlphaConstants {
            m: aeif_membrane!(self, res, self.E_ex, self.E_in),
            tau_syn_ex: self.tau_syn_ex,
            tau_syn_in: self.tau_syn_in,
            g0_ex: 1.0 * std::f64::consts::E / self.tau_syn_ex,
            g0_in: 1.0 * std::f64::consts::E / self.tau_syn_in,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifCondAlphaState<L> {
        AeifCondAlphaState {
            y: len.filled([self.V_m, 0.0, 0.0, 0.0, 0.0, self.w]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifCondAlphaState<L>,
        block_len: usize,
    ) -> Vec<AeifCondAlphaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifCondAlphaState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        c: &AeifCondAlphaConstants,
        b: &mut AeifCondAlphaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        for i in 0..b.len() {
            let i_stim = b.i_stim[i];
            let system = |refractory| System {
                c,
                refractory,
                i_stim,
            };
            let y = &mut b.y[i];
            c.m.advance(system, W, &mut b.h[i], y, &mut b.refractory[i], || {
                spiked(i as u32)
            });
            y[DG_EX] += ex[i] * c.g0_ex;
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[DG_IN] += -inh[i] * c.g0_in;
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &AeifCondAlphaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::g_ex => b.y[i][G_EX],
            Recordable::g_in => b.y[i][G_IN],
            Recordable::w => b.y[i][W],
            _ => return None,
        })
    }
}
