//! The aeif models with exponentially decaying synapses, `aeif_cond_exp` (conductances)
//! and `aeif_psc_exp` (currents): one state, one right-hand side and one step loop, the
//! synaptic variables read as conductances or currents by the model's [`Drive`].

use super::aeif::{AeifMembrane, Drive, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use crate::storage::Length;

/// Indices into the state vector, in NEST's order: `V_m`, the excitatory and inhibitory
/// synaptic variables, `w`.
pub(super) const S_EX: usize = 1;
pub(super) const S_IN: usize = 2;
pub(super) const W: usize = 3;

soa_state! {
    /// State of a population of `aeif_cond_exp` or `aeif_psc_exp` neurons.
    AeifExpState / AeifExpBlock {
        /// `V_m` (mV), `g_ex`, `g_in` (nS) or `I_ex`, `I_in` (pA, both positive), `w` (pA).
        y: [f64; 4],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// The names [`aeif_two_port_model!`](super::aeif::aeif_two_port_model) uses.
pub(super) type State<L> = AeifExpState<L>;
pub(super) type Block<'a> = AeifExpBlock<'a>;
pub(super) type Constants = AeifExpConstants;

/// The state of `len` neurons at rest at `v_m` (mV) with adaptation `w` (pA).
pub(super) fn init_state<L: Length>(len: L, v_m: f64, w: f64) -> AeifExpState<L> {
    AeifExpState {
        y: len.filled([v_m, 0.0, 0.0, w]),
        h: len.filled(f64::NAN),
        i_stim: len.filled(0.0),
        refractory: len.filled(0),
    }
}

/// The constants of an aeif model with exponential synapses for one resolution.
#[derive(Debug, Clone)]
pub struct AeifExpConstants {
    pub(super) m: AeifMembrane,
    drive: Drive,
    tau_syn_ex: f64,
    tau_syn_in: f64,
}

impl AeifExpConstants {
    /// The constants of a model with membrane `m`, synapses read as `drive` and decay
    /// times `tau_syn_ex`, `tau_syn_in` (ms).
    pub(super) fn new(m: AeifMembrane, drive: Drive, (tau_syn_ex, tau_syn_in): (f64, f64)) -> Self {
        Self {
            m,
            drive,
            tau_syn_ex,
            tau_syn_in,
        }
    }

    /// Advances the neurons of a block by one step (NEST's `update`); the spike input
    /// `ex`, `inh` (inhibitory weights negative) and the `current` (pA) are consumed.
    pub(super) fn update(
        &self,
        b: &mut AeifExpBlock<'_>,
        spikes: (&mut [f64], &mut [f64]),
        current: &mut [f64],
        spiked: &mut dyn FnMut(u32),
    ) {
        self.m.step_block(
            (&mut *b.y, &mut *b.h, &mut *b.i_stim, &mut *b.refractory),
            (spikes, current),
            W,
            |refractory, i_stim| System {
                c: self,
                refractory,
                i_stim,
            },
            |y, ex, inh| {
                y[S_EX] += ex;
                // NEST's inhibitory buffer holds the negated weights: a positive variable.
                y[S_IN] += -inh;
            },
            spiked,
        );
    }
}

/// The right-hand side of one neuron in one step (NEST's `aeif_cond_exp_dynamics`,
/// `aeif_psc_exp_dynamics`).
struct System<'a> {
    c: &'a AeifExpConstants,
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
                c.drive.synaptic(y[S_EX], y[S_IN]),
                y[W],
                self.i_stim,
            ),
            -y[S_EX] / c.tau_syn_ex,
            -y[S_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}
