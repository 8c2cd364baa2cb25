//! The aeif models with alpha-shaped synapses, `aeif_cond_alpha` (conductances) and
//! `aeif_psc_alpha` (currents): one state, one right-hand side and one step loop, the
//! synaptic variables read as conductances or currents by the model's [`Drive`].

use super::aeif::{AeifMembrane, Drive, V_M};
use super::rkf45::Ode;
use super::soa::soa_state;
use crate::storage::Length;

/// Indices into the state vector, in NEST's order: `V_m`, the excitatory variable's
/// slope and value, the inhibitory one's, `w`.
const DS_EX: usize = 1;
pub(super) const S_EX: usize = 2;
const DS_IN: usize = 3;
pub(super) const S_IN: usize = 4;
pub(super) const W: usize = 5;

soa_state! {
    /// State of a population of `aeif_cond_alpha` or `aeif_psc_alpha` neurons.
    AeifAlphaState / AeifAlphaBlock {
        /// `V_m` (mV), `dg_ex` (nS/ms), `g_ex` (nS), `dg_in` (nS/ms), `g_in` (nS) — or
        /// the currents `dI_ex` (pA/ms), `I_ex` (pA), `dI_in`, `I_in` (positive) — `w` (pA).
        y: [f64; 6],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// The names [`aeif_two_port_model!`](super::aeif::aeif_two_port_model) uses.
pub(super) type State<L> = AeifAlphaState<L>;
pub(super) type Block<'a> = AeifAlphaBlock<'a>;
pub(super) type Constants = AeifAlphaConstants;

/// The state of `len` neurons at rest at `v_m` (mV) with adaptation `w` (pA).
pub(super) fn init_state<L: Length>(len: L, v_m: f64, w: f64) -> AeifAlphaState<L> {
    AeifAlphaState {
        y: len.filled([v_m, 0.0, 0.0, 0.0, 0.0, w]),
        h: len.filled(f64::NAN),
        i_stim: len.filled(0.0),
        refractory: len.filled(0),
    }
}

/// The constants of an aeif model with alpha synapses for one resolution.
#[derive(Debug, Clone)]
pub struct AeifAlphaConstants {
    pub(super) m: AeifMembrane,
    drive: Drive,
    tau_syn_ex: f64,
    tau_syn_in: f64,
    /// The slope per unit of weight of an alpha function peaking at the weight:
    /// `e / tau_syn_ex` (1/ms).
    s0_ex: f64,
    /// `e / tau_syn_in` (1/ms).
    s0_in: f64,
}

impl AeifAlphaConstants {
    /// The constants of a model with membrane `m`, synapses read as `drive` and times
    /// to peak `tau_syn_ex`, `tau_syn_in` (ms).
    pub(super) fn new(m: AeifMembrane, drive: Drive, (tau_syn_ex, tau_syn_in): (f64, f64)) -> Self {
        Self {
            m,
            drive,
            tau_syn_ex,
            tau_syn_in,
            s0_ex: 1.0 * std::f64::consts::E / tau_syn_ex,
            s0_in: 1.0 * std::f64::consts::E / tau_syn_in,
        }
    }

    /// Advances the neurons of a block by one step (NEST's `update`); the spike input
    /// `ex`, `inh` (inhibitory weights negative) and the `current` (pA) are consumed.
    pub(super) fn update(
        &self,
        b: &mut AeifAlphaBlock<'_>,
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
                y[DS_EX] += ex * self.s0_ex;
                // NEST's inhibitory buffer holds the negated weights: a positive variable.
                y[DS_IN] += -inh * self.s0_in;
            },
            spiked,
        );
    }
}

/// The right-hand side of one neuron in one step (NEST's `aeif_cond_alpha_dynamics`,
/// `aeif_psc_alpha_dynamics`).
struct System<'a> {
    c: &'a AeifAlphaConstants,
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
                c.drive.synaptic(y[S_EX], y[S_IN]),
                y[W],
                self.i_stim,
            ),
            -y[DS_EX] / c.tau_syn_ex,
            y[DS_EX] - y[S_EX] / c.tau_syn_ex,
            -y[DS_IN] / c.tau_syn_in,
            y[DS_IN] - y[S_IN] / c.tau_syn_in,
            m.dw(v, y[W]),
        ]
    }
}
