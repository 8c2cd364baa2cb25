//! `aeif_psc_exp`: adaptive exponential integrate-and-fire neuron with exponentially
//! decaying postsynaptic currents, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).

use super::aeif::{aeif_membrane, AeifMembrane, Synaptic, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifPscExp;

use crate::storage::Length;
use crate::time::Resolution;

/// Indices into the state vector, in NEST's order.
const I_EX: usize = 1;
const I_IN: usize = 2;
const W: usize = 3;

soa_state! {
    /// State of a population of `aeif_psc_exp` neurons.
    AeifPscExpState / AeifPscExpBlock {
        /// `V_m` (mV), `I_ex`, `I_in` (pA, both positive), `w` (pA).
        y: [f64; 4],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `aeif_psc_exp`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct AeifPscExpConstants {
    m: AeifMembrane,
    tau_syn_ex: f64,
    tau_syn_in: f64,
}

/// The right-hand side of one neuron in one step (NEST's `aeif_psc_exp_dynamics`).
struct System<'a> {
    c: &'a AeifPscExpConstants,
    refractory: bool,
    i_stim: f64,
}

impl Ode<4> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; 4]) -> [f64; 4] {
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
            -y[I_EX] / c.tau_syn_ex,
            -y[I_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}

impl NeuronModel for AeifPscExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = AeifPscExpState<L>;
    type Block<'a> = AeifPscExpBlock<'a>;
    type Propagators = AeifPscExpConstants;

    fn propagators(&self, res: &Resolution) -> AeifPscExpConstants {
        AeifPscExpConstants {
            m: aeif_membrane!(self, res, 0.0, 0.0),
            tau_syn_ex: self.tau_syn_ex,
            tau_syn_in: self.tau_syn_in,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifPscExpState<L> {
        AeifPscExpState {
            y: len.filled([self.V_m, 0.0, 0.0, self.w]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifPscExpState<L>,
        block_len: usize,
    ) -> Vec<AeifPscExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifPscExpState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        c: &AeifPscExpConstants,
        b: &mut AeifPscExpBlock<'_>,
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
            y[I_EX] += ex[i];
            // NEST's inhibitory buffer holds the negated weights: a positive current.
            y[I_IN] += -inh[i];
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &AeifPscExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::I_syn_ex => b.y[i][I_EX],
            Recordable::I_syn_in => b.y[i][I_IN],
            Recordable::w => b.y[i][W],
            _ => return None,
        })
    }
}
