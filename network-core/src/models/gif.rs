//! What the generalized integrate-and-fire models (`gif_psc_exp`, `gif_cond_exp`)
//! share: their adaptation, a sum of exponentially decaying threshold components
//! (`tau_sfa`, `q_sfa`) and spike-triggered currents (`tau_stc`, `q_stc`), one array per
//! component, advanced in NEST 3.10's order.

use super::multisynapse::{port_arrays, split_ports};
use crate::storage::Length;
use crate::time::Resolution;

/// The adaptation state of a population: one array per component, one entry per neuron.
#[derive(Debug)]
pub struct Adaptation<L: Length> {
    /// Threshold components (mV), one array per `tau_sfa`.
    pub sfa: Vec<L::Array<f64>>,
    /// Spike-triggered currents (pA), one array per `tau_stc`.
    pub stc: Vec<L::Array<f64>>,
}

/// A block of neurons of [`Adaptation`]: `[component][neuron]`.
#[derive(Debug)]
pub struct AdaptationBlock<'a> {
    /// Threshold components (mV).
    pub sfa: Vec<&'a mut [f64]>,
    /// Spike-triggered currents (pA).
    pub stc: Vec<&'a mut [f64]>,
}

/// The adaptation's constants for one resolution.
#[derive(Debug, Clone)]
pub struct AdaptationConstants {
    /// Decay per step of each threshold component.
    pub p_sfa: Vec<f64>,
    /// Decay per step of each spike-triggered current.
    pub p_stc: Vec<f64>,
    /// The base threshold `V_T_star` (mV).
    pub v_t_star: f64,
    /// Jump of each threshold component at a spike (mV).
    pub q_sfa: Vec<f64>,
    /// Jump of each spike-triggered current at a spike (pA).
    pub q_stc: Vec<f64>,
}

impl AdaptationConstants {
    /// The constants of components with time constants `tau_sfa`, `tau_stc` (ms) and
    /// jumps `q_sfa` (mV), `q_stc` (pA) at resolution `res`.
    pub fn new(
        res: &Resolution,
        v_t_star: f64,
        (tau_sfa, q_sfa): (&[f64], &[f64]),
        (tau_stc, q_stc): (&[f64], &[f64]),
    ) -> Self {
        let h = res.ms();
        Self {
            p_sfa: tau_sfa.iter().map(|t| (-h / t).exp()).collect(),
            p_stc: tau_stc.iter().map(|t| (-h / t).exp()).collect(),
            v_t_star,
            q_sfa: q_sfa.to_vec(),
            q_stc: q_stc.to_vec(),
        }
    }
}

impl<L: Length> Adaptation<L> {
    /// `len` neurons with `sfa` threshold components and `stc` spike-triggered
    /// currents, all at 0.
    pub fn new(len: L, sfa: usize, stc: usize) -> Self {
        Self {
            sfa: port_arrays(len, sfa),
            stc: port_arrays(len, stc),
        }
    }

    /// Splits into blocks of `block_len` neurons (`blocks` of them).
    pub fn split(&mut self, block_len: usize, blocks: usize) -> Vec<AdaptationBlock<'_>> {
        let sfa = split_ports::<L>(&mut self.sfa, block_len, blocks);
        let stc = split_ports::<L>(&mut self.stc, block_len, blocks);
        sfa.into_iter()
            .zip(stc)
            .map(|(sfa, stc)| AdaptationBlock { sfa, stc })
            .collect()
    }
}

impl AdaptationBlock<'_> {
    /// One step of neuron `n`, as NEST's `update` begins it: sums the components, then
    /// decays them. Returns the spike-triggered current (pA) and the threshold (mV,
    /// `V_T_star` plus the components) of this step.
    #[inline]
    pub fn step(&mut self, c: &AdaptationConstants, n: usize) -> (f64, f64) {
        let mut current = 0.0;
        for (elems, decay) in self.stc.iter_mut().zip(&c.p_stc) {
            current += elems[n];
            elems[n] *= decay;
        }
        let mut threshold = c.v_t_star;
        for (elems, decay) in self.sfa.iter_mut().zip(&c.p_sfa) {
            threshold += elems[n];
            elems[n] *= decay;
        }
        (current, threshold)
    }

    /// Neuron `n` spiked: every component jumps by its `q`.
    #[inline]
    pub fn spike(&mut self, c: &AdaptationConstants, n: usize) {
        for (elems, q) in self.stc.iter_mut().zip(&c.q_stc) {
            elems[n] += q;
        }
        for (elems, q) in self.sfa.iter_mut().zip(&c.q_sfa) {
            elems[n] += q;
        }
    }
}
