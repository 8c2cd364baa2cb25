//! `iaf_psc_exp_multisynapse`: `iaf_psc_exp` with any number of receptor ports, each
//! with its own exponentially decaying synaptic current (time constant `tau_syn[k]`),
//! integrated exactly on the grid as NEST 3.10 does.

use super::multisynapse::{port_arrays, split_ports, synaptic_recordable};
use super::propagators::SynapticPropagator;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput, CHUNK};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::IafPscExpMultisynapse;

/// State of a population of `iaf_psc_exp_multisynapse` neurons (voltages relative to
/// `E_L`); the synaptic arrays have one array per port.
#[derive(Debug)]
pub struct IafPscExpMultisynapseState<L: Length> {
    /// Membrane potential relative to E_L (mV).
    pub v: L::Array<f64>,
    /// Current input of the previous step (pA).
    pub i_const: L::Array<f64>,
    /// Remaining refractory steps.
    pub refractory: L::Array<u32>,
    /// Per port: synaptic current (pA).
    pub i: Vec<L::Array<f64>>,
}

/// A mutable view of a contiguous block of neurons of the state.
#[derive(Debug)]
pub struct IafPscExpMultisynapseBlock<'a> {
    /// Membrane potential relative to E_L (mV).
    pub v: &'a mut [f64],
    /// Current input of the previous step (pA).
    pub i_const: &'a mut [f64],
    /// Remaining refractory steps.
    pub refractory: &'a mut [u32],
    /// Per port: synaptic current (pA).
    pub i: Vec<&'a mut [f64]>,
}

/// The propagators of one receptor port: decay of the current, and current to V.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct ExpPort {
    pub p11: f64,
    pub p21: f64,
}

/// Propagators of `iaf_psc_exp_multisynapse` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct ExpMultisynapsePropagators {
    pub ports: Vec<ExpPort>,
    pub p20: f64,
    pub p22: f64,
    pub refractory_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub i_e: f64,
}

impl NeuronModel for IafPscExpMultisynapse {
    const SPIKE_CHANNELS: usize = 0;

    type State<L: Length> = IafPscExpMultisynapseState<L>;
    type Block<'a> = IafPscExpMultisynapseBlock<'a>;
    type Propagators = ExpMultisynapsePropagators;

    fn spike_channels(&self) -> usize {
        self.tau_syn.len()
    }

    fn propagators(&self, res: &Resolution) -> ExpMultisynapsePropagators {
        let h = res.ms();
        let p22 = (-h / self.tau_m).exp();
        let ports = self
            .tau_syn
            .iter()
            .map(|&tau_syn| ExpPort {
                p11: (-h / tau_syn).exp(),
                p21: SynapticPropagator::new(tau_syn, self.tau_m, self.C_m).exp_p21(h),
            })
            .collect();
        ExpMultisynapsePropagators {
            ports,
            p20: self.tau_m / self.C_m * (1.0 - p22),
            p22,
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscExpMultisynapseState<L> {
        IafPscExpMultisynapseState {
            v: len.filled(self.V_m - self.E_L),
            i_const: len.filled(0.0),
            refractory: len.filled(0),
            i: port_arrays(len, self.tau_syn.len()),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscExpMultisynapseState<L>,
        block_len: usize,
    ) -> Vec<IafPscExpMultisynapseBlock<'_>> {
        let blocks = state.v.len().div_ceil(block_len);
        let i = split_ports::<L>(&mut state.i, block_len, blocks);
        state
            .v
            .chunks_mut(block_len)
            .zip(state.i_const.chunks_mut(block_len))
            .zip(state.refractory.chunks_mut(block_len))
            .zip(i)
            .map(
                |(((v, i_const), refractory), i)| IafPscExpMultisynapseBlock {
                    v,
                    i_const,
                    refractory,
                    i,
                },
            )
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscExpMultisynapseState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &ExpMultisynapsePropagators,
        b: &mut IafPscExpMultisynapseBlock<'_>,
        mut input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let current = input.current;
        let spikes = &mut input.spikes;
        let len = b.v.len();
        in_chunks(
            len,
            spiked,
            #[inline(always)]
            |range, fired| {
                // NEST's order of operations, one loop per port so that each vectorizes:
                // V = V·P22 + (I_e + I)·P20, then V += P21_k·I_k for k = 1..n.
                let mut v_new = [0.0; CHUNK];
                let v_new = &mut v_new[..range.len()];
                let v = &mut b.v[range.clone()];
                let i_const = &mut b.i_const[range.clone()];
                for (x, (&v, &i0)) in v_new.iter_mut().zip(v.iter().zip(i_const.iter())) {
                    *x = v * p.p22 + (p.i_e + i0) * p.p20;
                }
                for (k, port) in p.ports.iter().enumerate() {
                    for (x, &i) in v_new.iter_mut().zip(&b.i[k][range.clone()]) {
                        *x += port.p21 * i;
                    }
                }
                let refractory = &mut b.refractory[range.clone()];
                for ((v, r), &x) in v.iter_mut().zip(refractory.iter_mut()).zip(v_new.iter()) {
                    let free = *r == 0;
                    *v = if free { flush_subnormal(x) } else { *v };
                    *r = if free { 0 } else { r.wrapping_sub(1) };
                }
                for (k, port) in p.ports.iter().enumerate() {
                    let i = &mut b.i[k][range.clone()];
                    let input = &mut spikes.channel(k)[range.clone()];
                    for (i, w) in i.iter_mut().zip(input.iter_mut()) {
                        *i = flush_subnormal(*i * port.p11) + *w;
                        *w = 0.0;
                    }
                }
                let current = &mut current[range];
                for (k, (v, r)) in v.iter_mut().zip(refractory.iter_mut()).enumerate() {
                    let spike = *v >= p.theta;
                    *v = if spike { p.v_reset } else { *v };
                    *r = if spike { p.refractory_steps } else { *r };
                    fired[k] = spike;
                    i_const[k] = current[k];
                    current[k] = 0.0;
                }
            },
        );
    }

    fn recordable(
        &self,
        b: &IafPscExpMultisynapseBlock<'_>,
        var: Recordable,
        i: usize,
    ) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.v[i] + self.E_L),
            _ => synaptic_recordable(var, b.i.len(), |k| b.i[k][i]),
        }
    }
}
