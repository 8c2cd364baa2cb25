//! `aeif_psc_alpha`: adaptive exponential integrate-and-fire neuron with alpha-shaped
//! postsynaptic currents, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).

use super::aeif::{aeif_membrane, AeifMembrane, Synaptic, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifPscAlpha;

use crate::storage::Length;
use crate::time::Resolution;

/// Indices into the state vector, in NEST's order.
const DI_EX: usize = 1;
const I_EX: usize = 2;
const DI_IN: usize = 3;
const I_IN: usize = 4;
const W: usize = 5;

soa_state! {
    /// State of a population of `aeif_psc_alpha` neurons.
    AeifPscAlphaState / AeifPscAlphaBlock {
        /// `V_m` (mV), `dI_ex` (pA/ms), `I_ex` (pA), `dI_in` (pA/ms), `I_in` (pA, positive), `w` (pA).
        y: [f64; 6],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `aeif_psc_alpha`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct AeifPscAlphaConstants {
    m: AeifMembrane,
    tau_syn_ex: f64,
    tau_syn_in: f64,
    /// `dI` per pA of weight for an alpha current peaking at the weight:
    /// `e / tau_syn_ex` (1/ms).
    g0_ex: f64,
    /// `e / tau_syn_in` (1/ms).
    g0_in: f64,
}

/// The right-hand side of one neuron in one step (NEST's `aeif_psc_alpha_dynamics`).
struct System<'a> {
    c: &'a AeifPscAlphaConstants,
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
                Synaptic::Currents(y[I_EX], y[I_IN]),
                y[W],
                self.i_stim,
            ),
            -y[DI_EX] / c.tau_syn_ex,
            y[DI_EX] - y[I_EX] / c.tau_syn_ex,
            -y[DI_IN] / c.tau_syn_in,
            y[DI_IN] - y[I_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}

impl NeuronModel for AeifPscAlpha {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = AeifPscAlphaState<L>;
    type Block<'a> = AeifPscAlphaBlock<'a>;
    type Propagators = AeifPscAlphaConstants;

    fn propagators(&self, res: &Resolution) -> AeifPscAlphaConstants {
        AeifPscAlphaConstants {
            m: aeif_membrane!(self, res, 0.0, 0.0),
            tau_syn_ex: self.tau_syn_ex,
            tau_syn_in: self.tau_syn_in,
            g0_ex: 1.0 * std::f64::consts::E / self.tau_syn_ex,
            g0_in: 1.0 * std::f64::consts::E / self.tau_syn_in,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifPscAlphaState<L> {
        AeifPscAlphaState {
            y: len.filled([self.V_m, 0.0, 0.0, 0.0, 0.0, self.w]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifPscAlphaState<L>,
        block_len: usize,
    ) -> Vec<AeifPscAlphaBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifPscAlphaState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        c: &AeifPscAlphaConstants,
        b: &mut AeifPscAlphaBlock<'_>,
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
            y[DI_EX] += ex[i] * c.g0_ex;
            // NEST's inhibitory buffer holds the negated weights: a positive current.
            y[DI_IN] += -inh[i] * c.g0_in;
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &AeifPscAlphaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::I_syn_ex => b.y[i][I_EX],
            Recordable::I_syn_in => b.y[i][I_IN],
            Recordable::w => b.y[i][W],
            _ => return None,
        })
    }
}
