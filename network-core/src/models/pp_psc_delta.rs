//! `pp_psc_delta`: point-process neuron with delta-shaped input, dead time and
//! spike-frequency adaptation, with NEST 3.10's propagators and order of operations
//! (its spikes are random: they come from the block's stream).

use super::multisynapse::{port_arrays, split_ports};
use super::soa::soa_state;
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::PpPscDelta;

use crate::numerics::expm1;
use crate::storage::Length;
use crate::time::Resolution;
use rand::RngExt;
use rand_distr::{Distribution, Gamma, Poisson};

soa_state! {
    /// The per-neuron scalars of a population of `pp_psc_delta` neurons.
    PpScalars / PpScalarsBlock {
        /// Membrane potential relative to rest (mV).
        v: f64,
        /// Current input of the previous step (pA).
        i_0: f64,
        /// Adaptive threshold of this step (mV).
        e_sfa: f64,
        /// Remaining steps of the dead time.
        dead: u32,
    }
}

/// State of a population of `pp_psc_delta` neurons.
#[derive(Debug)]
pub struct PpPscDeltaState<L: Length> {
    /// Per-neuron scalars.
    pub scalars: PpScalars<L>,
    /// One array per adaptation component (`tau_sfa`), one entry per neuron (mV).
    pub sfa: Vec<L::Array<f64>>,
}

/// A block of neurons of [`PpPscDeltaState`].
#[derive(Debug)]
pub struct PpPscDeltaBlock<'a> {
    /// Per-neuron scalars.
    pub scalars: PpScalarsBlock<'a>,
    /// Adaptation components, `[component][neuron]` (mV).
    pub sfa: Vec<&'a mut [f64]>,
}

/// The dead time of a neuron not yet updated: its first step starts it at
/// `t_ref_remaining` (NEST's `init_state_`), which takes the resolution to convert.
const UNSET: u32 = u32::MAX;

/// How long the dead time after a spike lasts.
#[derive(Debug, Clone)]
pub enum DeadTime {
    /// A fixed number of steps (NEST's `DeadTimeCounts`, 0 without dead time).
    Fixed(u32),
    /// Gamma distributed: a draw of shape `dead_time_shape` and scale 1, divided by
    /// `rate` (1/ms), rounded up to whole steps.
    Random {
        /// The gamma distribution (shape `dead_time_shape`, scale 1).
        gamma: Gamma<f64>,
        /// `dead_time_shape / dead_time` (1/ms).
        rate: f64,
        /// The resolution, to convert draws to steps.
        res: Resolution,
    },
}

/// Propagators of `pp_psc_delta` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct PpPropagators {
    pub h: f64,
    pub p33: f64,
    pub p30: f64,
    /// Decay per step of each adaptation component.
    pub q33: Vec<f64>,
    /// The dead time in ms after NEST's adjustment (at least one step unless 0).
    pub dead_time: f64,
    pub dead: DeadTime,
    /// `t_ref_remaining` in steps, rounded up.
    pub initial_dead: u32,
}

impl NeuronModel for PpPscDelta {
    const SPIKE_CHANNELS: usize = 1;

    type State<L: Length> = PpPscDeltaState<L>;
    type Block<'a> = PpPscDeltaBlock<'a>;
    type Propagators = PpPropagators;

    fn propagators(&self, res: &Resolution) -> PpPropagators {
        let h = res.ms();
        let p33 = (-h / self.tau_m).exp();
        // NEST lengthens a dead time shorter than one step to one step.
        let dead_time = if self.dead_time != 0.0 && self.dead_time < h {
            h
        } else {
            self.dead_time
        };
        let dead = if self.dead_time_random {
            DeadTime::Random {
                gamma: Gamma::new(self.dead_time_shape, 1.0).expect("dead_time_shape >= 1"),
                rate: self.dead_time_shape / dead_time,
                res: *res,
            }
        } else {
            DeadTime::Fixed(res.steps_ceil(dead_time) as u32)
        };
        PpPropagators {
            h,
            p33,
            p30: 1.0 / self.C_m * (1.0 - p33) * self.tau_m,
            q33: self.tau_sfa.iter().map(|t| (-h / t).exp()).collect(),
            dead_time,
            dead,
            initial_dead: res.steps_ceil(self.t_ref_remaining) as u32,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> PpPscDeltaState<L> {
        PpPscDeltaState {
            scalars: PpScalars {
                v: len.filled(self.V_m),
                i_0: len.filled(0.0),
                e_sfa: len.filled(0.0),
                dead: len.filled(UNSET),
            },
            sfa: port_arrays(len, self.tau_sfa.len()),
        }
    }

    fn blocks<L: Length>(
        state: &mut PpPscDeltaState<L>,
        block_len: usize,
    ) -> Vec<PpPscDeltaBlock<'_>> {
        let blocks = state.scalars.v.len().div_ceil(block_len);
        let sfa = split_ports::<L>(&mut state.sfa, block_len, blocks);
        state
            .scalars
            .split(block_len)
            .into_iter()
            .zip(sfa)
            .map(|(scalars, sfa)| PpPscDeltaBlock { scalars, sfa })
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut PpPscDeltaState<L>, i: usize, v_m: f64) {
        state.scalars.v[i] = v_m;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    fn update(
        &self,
        p: &PpPropagators,
        b: &mut PpPscDeltaBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let spikes = input.spikes.first();
        let current = input.current;
        let rng = input.rng;
        let PpPscDeltaBlock { scalars, sfa } = b;
        let PpScalarsBlock {
            v,
            i_0,
            e_sfa,
            dead,
        } = scalars;
        for k in 0..v.len() {
            v[k] = p.p30 * (i_0[k] + self.I_e) + p.p33 * v[k] + spikes[k];
            spikes[k] = 0.0;
            // NEST's order: decay the components, then sum them.
            let mut q = 0.0;
            for (elems, decay) in sfa.iter_mut().zip(&p.q33) {
                elems[k] *= decay;
                q += elems[k];
            }
            e_sfa[k] = q;
            if dead[k] == UNSET {
                dead[k] = p.initial_dead;
            }
            if dead[k] == 0 {
                let v_eff = v[k] - q;
                let rate = self.c_1 * v_eff + self.c_2 * (self.c_3 * v_eff).exp();
                if rate > 0.0 {
                    let mean = rate * p.h * 1e-3;
                    let n: u32 = if p.dead_time > 0.0 {
                        u32::from(rng.random::<f64>() <= -expm1(-mean))
                    } else {
                        Poisson::new(mean).map_or(0, |d| d.sample(rng) as u32)
                    };
                    if n > 0 {
                        dead[k] = match &p.dead {
                            DeadTime::Fixed(steps) => *steps,
                            DeadTime::Random { gamma, rate, res } => {
                                let steps = res.steps_ceil(gamma.sample(rng) / rate);
                                steps.min(i64::from(UNSET - 1)) as u32
                            }
                        };
                        for (elems, jump) in sfa.iter_mut().zip(&self.q_sfa) {
                            elems[k] += jump * f64::from(n);
                        }
                        for _ in 0..n {
                            spiked(k as u32);
                        }
                        if self.with_reset {
                            v[k] = 0.0;
                        }
                    }
                }
            } else {
                dead[k] -= 1;
            }
            i_0[k] = current[k];
            current[k] = 0.0;
        }
    }

    fn recordable(&self, b: &PpPscDeltaBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.scalars.v[i],
            Recordable::E_sfa => b.scalars.e_sfa[i],
            _ => return None,
        })
    }
}
