//! `aeif_cond_exp`: adaptive exponential integrate-and-fire neuron with exponentially
//! decaying synaptic conductances, integrated as NEST 3.10 does (GSL's RKF45 with
//! `yp_new(gsl_error_tol, gsl_error_tol)`, spikes checked after every integrator step).

use super::aeif::{aeif_membrane, AeifMembrane, Synaptic, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifCondExp;

use crate::storage::Length;
use crate::time::Resolution;

/// Indices into the state vector, in NEST's order.
const G_EX: usize = 1;
const G_IN: usize = 2;
const W: usize = 3;

soa_state! {
    /// State of a population of `aeif_cond_exp` neurons.
    AeifCondExpState / AeifCondExpBlock {
        /// `V_m` (mV), `g_ex`, `g_in` (nS), `w` (pA).
        y: [f64; 4],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `aeif_cond_exp`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct AeifCondExpConstants {
    m: AeifMembrane,
    tau_syn_ex: f64,
    tau_syn_in: f64,
}

/// The right-hand side of one neuron in one step (NEST's `aeif_cond_exp_dynamics`).
struct System<'a> {
    c: &'a AeifCondExpConstants,
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
                Synaptic::Conductances(y[G_EX], y[G_IN]),
                y[W],
                self.i_stim,
            ),
            -y[G_EX] / c.tau_syn_ex,
            -y[G_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}

impl NeuronModel for AeifCondExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = AeifCondExpState<L>;
    type Block<'a> = AeifCondExpBlock<'a>;
    type Propagators = AeifCondExpConstants;

    fn propagators(&self, res: &Resolution) -> AeifCondExpConstants {
        AeifCondExpConstants {
            m: aeif_membrane!(self, res, self.E_ex, self.E_in),
            tau_syn_ex: self.tau_syn_ex,
            tau_syn_in: self.tau_syn_in,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifCondExpState<L> {
        AeifCondExpState {
            y: len.filled([self.V_m, 0.0, 0.0, self.w]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifCondExpState<L>,
        block_len: usize,
    ) -> Vec<AeifCondExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifCondExpState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        usize::from(weight <= 0.0)
    }

    fn update(
        &self,
        c: &AeifCondExpConstants,
        b: &mut AeifCondExpBlock<'_>,
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
            y[G_EX] += ex[i];
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[G_IN] += -inh[i];
            ex[i] = 0.0;
            inh[i] = 0.0;
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &AeifCondExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::g_ex => b.y[i][G_EX],
            Recordable::g_in => b.y[i][G_IN],
            Recordable::w => b.y[i][W],
            _ => return None,
        })
    }
}
