//! `iaf_psc_alpha_multisynapse`: `iaf_psc_alpha` with any number of receptor ports, each
//! with its own alpha-shaped synaptic current (time constant `tau_syn[k]`), integrated
//! exactly on the grid as NEST 3.10 does.

use super::multisynapse::{port_arrays, split_ports, synaptic_recordable};
use super::propagators::SynapticPropagator;
use super::{flush_subnormal, in_chunks, NeuronModel, Recordable, StepInput, CHUNK};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::IafPscAlphaMultisynapse;

/// State of a population of `iaf_psc_alpha_multisynapse` neurons (voltages relative to
/// `E_L`); the synaptic arrays have one array per port.
#[derive(Debug)]
pub struct IafPscAlphaMultisynapseState<L: Length> {
    /// Membrane potential relative to E_L (mV).
    pub v: L::Array<f64>,
    /// Current input of the previous step (pA).
    pub i_const: L::Array<f64>,
    /// Remaining refractory steps.
    pub refractory: L::Array<u32>,
    /// Per port: derivative term of the alpha current (pA/ms).
    pub di: Vec<L::Array<f64>>,
    /// Per port: synaptic current (pA).
    pub i: Vec<L::Array<f64>>,
}

/// A mutable view of a contiguous block of neurons of the state.
#[derive(Debug)]
pub struct IafPscAlphaMultisynapseBlock<'a> {
    /// Membrane potential relative to E_L (mV).
    pub v: &'a mut [f64],
    /// Current input of the previous step (pA).
    pub i_const: &'a mut [f64],
    /// Remaining refractory steps.
    pub refractory: &'a mut [u32],
    /// Per port: derivative term of the alpha current (pA/ms).
    pub di: Vec<&'a mut [f64]>,
    /// Per port: synaptic current (pA).
    pub i: Vec<&'a mut [f64]>,
}

/// The propagators of one receptor port.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct AlphaPort {
    pub p11: f64,
    pub p21: f64,
    pub p22: f64,
    pub p31: f64,
    pub p32: f64,
    /// Jump of the derivative term per unit of weight: e / tau_syn.
    pub psc_initial: f64,
}

/// Propagators of `iaf_psc_alpha_multisynapse` for one resolution.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct AlphaMultisynapsePropagators {
    pub ports: Vec<AlphaPort>,
    pub p30: f64,
    pub p33: f64,
    pub refractory_steps: u32,
    pub theta: f64,
    pub v_reset: f64,
    pub v_min: f64,
    pub i_e: f64,
}

impl NeuronModel for IafPscAlphaMultisynapse {
    const SPIKE_CHANNELS: usize = 0;

    type State<L: Length> = IafPscAlphaMultisynapseState<L>;
    type Block<'a> = IafPscAlphaMultisynapseBlock<'a>;
    type Propagators = AlphaMultisynapsePropagators;

    fn spike_channels(&self) -> usize {
        self.tau_syn.len()
    }

    fn propagators(&self, res: &Resolution) -> AlphaMultisynapsePropagators {
        let h = res.ms();
        // NEST computes P33 with exp and P30 from it here, unlike iaf_psc_alpha's expm1.
        let p33 = (-h / self.tau_m).exp();
        let ports = self
            .tau_syn
            .iter()
            .map(|&tau_syn| {
                let p11 = (-h / tau_syn).exp();
                let (p31, p32) =
                    SynapticPropagator::new(tau_syn, self.tau_m, self.C_m).alpha_p31_p32(h);
                AlphaPort {
                    p11,
                    p21: h * p11,
                    p22: p11,
                    p31,
                    p32,
                    psc_initial: 1.0 * std::f64::consts::E / tau_syn,
                }
            })
            .collect();
        AlphaMultisynapsePropagators {
            ports,
            p30: 1.0 / self.C_m * (1.0 - p33) * self.tau_m,
            p33,
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            theta: self.V_th - self.E_L,
            v_reset: self.V_reset - self.E_L,
            v_min: self.V_min - self.E_L,
            i_e: self.I_e,
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafPscAlphaMultisynapseState<L> {
        let ports = self.tau_syn.len();
        IafPscAlphaMultisynapseState {
            v: len.filled(self.V_m - self.E_L),
            i_const: len.filled(0.0),
            refractory: len.filled(0),
            di: port_arrays(len, ports),
            i: port_arrays(len, ports),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafPscAlphaMultisynapseState<L>,
        block_len: usize,
    ) -> Vec<IafPscAlphaMultisynapseBlock<'_>> {
        let blocks = state.v.len().div_ceil(block_len);
        let di = split_ports::<L>(&mut state.di, block_len, blocks);
        let i = split_ports::<L>(&mut state.i, block_len, blocks);
        state
            .v
            .chunks_mut(block_len)
            .zip(state.i_const.chunks_mut(block_len))
            .zip(state.refractory.chunks_mut(block_len))
            .zip(di.into_iter().zip(i))
            .map(
                |(((v, i_const), refractory), (di, i))| IafPscAlphaMultisynapseBlock {
                    v,
                    i_const,
                    refractory,
                    di,
                    i,
                },
            )
            .collect()
    }

    fn set_v_m<L: Length>(&self, state: &mut IafPscAlphaMultisynapseState<L>, i: usize, v_m: f64) {
        state.v[i] = v_m - self.E_L;
    }

    fn channel(_weight: f64) -> usize {
        0
    }

    // Inlined into the block work compiled for the processor (engine::wide).
    #[inline(always)]
    fn update(
        &self,
        p: &AlphaMultisynapsePropagators,
        b: &mut IafPscAlphaMultisynapseBlock<'_>,
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
                // V = P30·(I + I_e) + P33·V, then V += P31_k·dI_k + P32_k·I_k for k = 1..n.
                let mut v_new = [0.0; CHUNK];
                let v_new = &mut v_new[..range.len()];
                let v = &mut b.v[range.clone()];
                let i_const = &mut b.i_const[range.clone()];
                for (x, (&v, &i0)) in v_new.iter_mut().zip(v.iter().zip(i_const.iter())) {
                    *x = p.p30 * (i0 + p.i_e) + p.p33 * v;
                }
                for (k, port) in p.ports.iter().enumerate() {
                    let di = &b.di[k][range.clone()];
                    let i = &b.i[k][range.clone()];
                    for (x, (&di, &i)) in v_new.iter_mut().zip(di.iter().zip(i)) {
                        *x += port.p31 * di + port.p32 * i;
                    }
                }
                let refractory = &mut b.refractory[range.clone()];
                for ((v, r), &x) in v.iter_mut().zip(refractory.iter_mut()).zip(v_new.iter()) {
                    let free = *r == 0;
                    let bounded = flush_subnormal(if x < p.v_min { p.v_min } else { x });
                    *v = if free { bounded } else { *v };
                    *r = if free { 0 } else { r.wrapping_sub(1) };
                }
                for (k, port) in p.ports.iter().enumerate() {
                    let di = &mut b.di[k][range.clone()];
                    let i = &mut b.i[k][range.clone()];
                    let input = &mut spikes.channel(k)[range.clone()];
                    for ((di, i), w) in di.iter_mut().zip(i.iter_mut()).zip(input.iter_mut()) {
                        *i = flush_subnormal(port.p21 * *di + port.p22 * *i);
                        *di = flush_subnormal(*di * port.p11) + port.psc_initial * *w;
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
        b: &IafPscAlphaMultisynapseBlock<'_>,
        var: Recordable,
        i: usize,
    ) -> Option<f64> {
        match var {
            Recordable::V_m => Some(b.v[i] + self.E_L),
            _ => synaptic_recordable(var, b.i.len(), |k| b.i[k][i]),
        }
    }
}
