//! `aeif_cond_beta_multisynapse`: adaptive exponential integrate-and-fire neuron with
//! any number of receptor ports, each a beta-shaped conductance with its own reversal
//! potential, integrated as NEST 3.10 does (GSL's RKF45 with `yp_new(gsl_error_tol,
//! gsl_error_tol)`, spikes checked after every integrator step).
//!
//! The state vector (`V_m`, `w`, then `dg` and `g` of each port, NEST's order) has as
//! many entries as the ports need, rounded up to one of a few fixed sizes (4, 6, 10, 18,
//! 34, 66) and padded with zeros. The padding changes no number: its derivatives are 0,
//! so it stays 0, and its error ratio in the step control is 0, which never raises the
//! largest ratio that decides the step.

use super::aeif::{aeif_membrane, AeifMembrane, Synaptic, V_M};
use super::iaf_cond_beta::beta_normalization;
use super::rkf45::Ode;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::AeifCondBetaMultisynapse;

use crate::storage::Length;
use crate::time::Resolution;

/// Index of `w` in the state vector.
const W: usize = 1;
/// Index of port 1's `dg`; port k's `dg` and `g` are at `DG + 2(k−1)` and one after.
const DG: usize = 2;

/// One receptor port's constants.
#[derive(Debug, Clone)]
pub struct BetaPort {
    /// Reversal potential (mV).
    pub e_rev: f64,
    /// Rise time (ms).
    pub tau_rise: f64,
    /// Decay time (ms).
    pub tau_decay: f64,
    /// `dg` per nS of weight for a conductance peaking at the weight (1/ms).
    pub g0: f64,
}

/// `aeif_cond_beta_multisynapse`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct BetaMultisynapseConstants {
    m: AeifMembrane,
    ports: Vec<BetaPort>,
}

/// The right-hand side of one neuron in one step (NEST's
/// `aeif_cond_beta_multisynapse_dynamics`).
struct System<'a> {
    c: &'a BetaMultisynapseConstants,
    refractory: bool,
    i_stim: f64,
}

impl<const N: usize> Ode<N> for System<'_> {
    #[inline]
    fn derivatives(&self, y: &[f64; N]) -> [f64; N] {
        let (ports, m) = (&self.c.ports, &self.c.m);
        let v = m.v(self.refractory, y[V_M]);
        let mut i_syn = 0.0;
        for (k, port) in ports.iter().enumerate() {
            i_syn += y[DG + 2 * k + 1] * (port.e_rev - v);
        }
        let mut f = [0.0; N];
        f[V_M] = m.dv(
            self.refractory,
            v,
            Synaptic::Total(i_syn),
            y[W],
            self.i_stim,
        );
        f[W] = m.dw(v, y[W]);
        for (k, port) in ports.iter().enumerate() {
            let (dg, g) = (DG + 2 * k, DG + 2 * k + 1);
            f[dg] = -y[dg] / port.tau_rise;
            f[g] = y[dg] - y[g] / port.tau_decay;
        }
        f
    }
}

/// Declares the state vectors of every size, the population's state and its blocks.
macro_rules! sized_vectors {
    ($($Variant:ident: $n:literal for $ports:literal;)*) => {
        /// The state vectors of a population, of the smallest size that holds its ports.
        #[derive(Debug)]
        pub enum BetaVectors<L: Length> {
            $(
                #[doc = concat!("Up to ", stringify!($ports), " ports.")]
                $Variant(L::Array<[f64; $n]>),
            )*
        }

        /// A block's state vectors.
        #[derive(Debug)]
        pub enum BetaVectorsBlock<'a> {
            $(
                #[doc = concat!("Up to ", stringify!($ports), " ports.")]
                $Variant(&'a mut [[f64; $n]]),
            )*
        }

        impl<L: Length> BetaVectors<L> {
            /// `len` vectors with `ports` ports, each starting at `start` (then zeros).
            fn new(len: L, ports: usize, start: &[f64]) -> Self {
                $(
                    if ports <= $ports {
                        let mut y = [0.0; $n];
                        y[..start.len()].copy_from_slice(start);
                        return Self::$Variant(len.filled(y));
                    }
                )*
                unreachable!("the model's check bounds the ports by MAX_BETA_PORTS")
            }

            fn split(&mut self, block_len: usize) -> Vec<BetaVectorsBlock<'_>> {
                match self {
                    $(Self::$Variant(y) => {
                        y.chunks_mut(block_len).map(BetaVectorsBlock::$Variant).collect()
                    })*
                }
            }

            fn set(&mut self, i: usize, k: usize, value: f64) {
                match self {
                    $(Self::$Variant(y) => y[i][k] = value,)*
                }
            }
        }

        impl BetaVectorsBlock<'_> {
            fn get(&self, i: usize, k: usize) -> f64 {
                match self {
                    $(Self::$Variant(y) => y[i][k],)*
                }
            }

            fn update(
                &mut self,
                c: &BetaMultisynapseConstants,
                rest: &mut BetaScalarsBlock<'_>,
                input: StepInput<'_>,
                spiked: &mut dyn FnMut(u32),
            ) {
                match self {
                    $(Self::$Variant(y) => update_block(c, y, rest, input, spiked),)*
                }
            }
        }
    };
}

// The largest size holds the most ports the vocabulary allows.
const _: () = assert!(2 + 2 * network_spec::models::MAX_BETA_PORTS == 66);

sized_vectors! {
    Ports1: 4 for 1;
    Ports2: 6 for 2;
    Ports4: 10 for 4;
    Ports8: 18 for 8;
    Ports16: 34 for 16;
    Ports32: 66 for 32;
}

/// The per-neuron scalars beside the state vectors.
#[derive(Debug)]
pub struct BetaScalars<L: Length> {
    /// The integrator's step (ms), carried from step to step.
    pub h: L::Array<f64>,
    /// Current input of the previous step (pA).
    pub i_stim: L::Array<f64>,
    /// Remaining refractory steps.
    pub refractory: L::Array<u32>,
}

/// A block of [`BetaScalars`].
#[derive(Debug)]
pub struct BetaScalarsBlock<'a> {
    /// The integrator's step (ms).
    pub h: &'a mut [f64],
    /// Current input of the previous step (pA).
    pub i_stim: &'a mut [f64],
    /// Remaining refractory steps.
    pub refractory: &'a mut [u32],
}

/// State of a population of `aeif_cond_beta_multisynapse` neurons.
#[derive(Debug)]
pub struct AeifCondBetaMultisynapseState<L: Length> {
    /// `V_m` (mV), `w` (pA), then `dg` (nS/ms) and `g` (nS) of each port.
    pub y: BetaVectors<L>,
    /// The other per-neuron state.
    pub scalars: BetaScalars<L>,
}

/// A block of neurons of [`AeifCondBetaMultisynapseState`].
#[derive(Debug)]
pub struct AeifCondBetaMultisynapseBlock<'a> {
    /// The state vectors.
    pub y: BetaVectorsBlock<'a>,
    /// The other per-neuron state.
    pub scalars: BetaScalarsBlock<'a>,
}

/// Advances a block by one step, as NEST's `update`: the integration with its spike
/// checks, then each port's input (`dg += weight·g0`), then the current of the next step.
fn update_block<const N: usize>(
    c: &BetaMultisynapseConstants,
    y: &mut [[f64; N]],
    s: &mut BetaScalarsBlock<'_>,
    mut input: StepInput<'_>,
    spiked: &mut dyn FnMut(u32),
) {
    let current = input.current;
    for (i, y) in y.iter_mut().enumerate() {
        let i_stim = s.i_stim[i];
        let system = |refractory| System {
            c,
            refractory,
            i_stim,
        };
        c.m.advance(system, W, &mut s.h[i], y, &mut s.refractory[i], || {
            spiked(i as u32)
        });
        for (k, port) in c.ports.iter().enumerate() {
            let weight = &mut input.spikes.channel(k)[i];
            y[DG + 2 * k] += *weight * port.g0;
            *weight = 0.0;
        }
        s.i_stim[i] = current[i];
        current[i] = 0.0;
    }
}

impl NeuronModel for AeifCondBetaMultisynapse {
    const SPIKE_CHANNELS: usize = 0;

    type State<L: Length> = AeifCondBetaMultisynapseState<L>;
    type Block<'a> = AeifCondBetaMultisynapseBlock<'a>;
    type Propagators = BetaMultisynapseConstants;

    fn spike_channels(&self) -> usize {
        self.E_rev.len()
    }

    fn propagators(&self, res: &Resolution) -> BetaMultisynapseConstants {
        let ports = self
            .E_rev
            .iter()
            .zip(&self.tau_rise)
            .zip(&self.tau_decay)
            .map(|((&e_rev, &tau_rise), &tau_decay)| BetaPort {
                e_rev,
                tau_rise,
                tau_decay,
                g0: beta_normalization(tau_rise, tau_decay),
            })
            .collect();
        BetaMultisynapseConstants {
            m: aeif_membrane!(self, res, 0.0, 0.0),
            ports,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> AeifCondBetaMultisynapseState<L> {
        AeifCondBetaMultisynapseState {
            y: BetaVectors::new(len, self.E_rev.len(), &[self.V_m, self.w]),
            scalars: BetaScalars {
                h: len.filled(f64::NAN),
                i_stim: len.filled(0.0),
                refractory: len.filled(0),
            },
        }
    }

    fn blocks<L: Length>(
        state: &mut AeifCondBetaMultisynapseState<L>,
        block_len: usize,
    ) -> Vec<AeifCondBetaMultisynapseBlock<'_>> {
        let s = &mut state.scalars;
        let scalars =
            s.h.chunks_mut(block_len)
                .zip(s.i_stim.chunks_mut(block_len))
                .zip(s.refractory.chunks_mut(block_len))
                .map(|((h, i_stim), refractory)| BetaScalarsBlock {
                    h,
                    i_stim,
                    refractory,
                });
        state
            .y
            .split(block_len)
            .into_iter()
            .zip(scalars)
            .map(|(y, scalars)| AeifCondBetaMultisynapseBlock { y, scalars })
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut AeifCondBetaMultisynapseState<L>, i: usize, v_m: f64) {
        state.y.set(i, V_M, v_m);
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    fn update(
        &self,
        c: &BetaMultisynapseConstants,
        b: &mut AeifCondBetaMultisynapseBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        b.y.update(c, &mut b.scalars, input, spiked);
    }

    fn recordable(
        &self,
        b: &AeifCondBetaMultisynapseBlock<'_>,
        var: Recordable,
        i: usize,
    ) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.y.get(i, V_M)),
            Recordable::w => Some(b.y.get(i, W)),
            Recordable::g_port(k) if (1..=self.E_rev.len()).contains(&usize::from(k)) => {
                Some(b.y.get(i, DG + 2 * (usize::from(k) - 1) + 1))
            }
            _ => None,
        }
    }
}
