//! Neuron models with NEST's names, parameters, defaults, units and exact integration.
//!
//! Each model's parameters are a plain struct whose fields are spelled as NEST spells
//! them (`C_m`, `tau_syn_ex`), declared once in the vocabulary crate
//! (`network_spec::models`, with its table and checks: [`NeuronParams`]); here each model
//! adds its dynamics ([`NeuronModel`]): its state as a structure of arrays sized by a
//! [`Length`], and its propagators, computed once per resolution.

mod aeif;
mod aeif_alpha;
mod aeif_cond_alpha;
mod aeif_cond_beta_multisynapse;
mod aeif_cond_exp;
mod aeif_exp;
mod aeif_psc_alpha;
mod aeif_psc_delta;
mod aeif_psc_exp;
mod amat2_psc_exp;
// Without AVX-512 nothing divides by the reciprocal (only `zmm` does).
#[cfg_attr(not(zmm), allow(dead_code))]
mod division;
mod gif;
mod gif_cond_exp;
mod gif_psc_exp;
mod hh_cond_exp_traub;
mod hh_psc_alpha;
mod iaf_cond_alpha;
mod iaf_cond_beta;
mod iaf_cond_exp;
mod iaf_psc_alpha;
mod iaf_psc_alpha_multisynapse;
mod iaf_psc_delta;
mod iaf_psc_exp;
mod iaf_psc_exp_htum;
mod iaf_psc_exp_multisynapse;
mod izhikevich;
mod lanes;
mod mat2_psc_exp;
mod multisynapse;
mod parrot_neuron;
mod pp_psc_delta;
mod propagators;
pub mod rate;
pub mod rkf45;
mod soa;
#[cfg(zmm)]
mod zmm;

pub use aeif::{AeifMembrane, Drive};
pub use aeif_alpha::{AeifAlphaBlock, AeifAlphaConstants, AeifAlphaState};
pub use aeif_cond_alpha::AeifCondAlpha;
pub use aeif_cond_beta_multisynapse::{
    AeifCondBetaMultisynapse, AeifCondBetaMultisynapseBlock, AeifCondBetaMultisynapseState,
    BetaMultisynapseConstants, BetaPort, BetaScalars, BetaScalarsBlock, BetaVectors,
    BetaVectorsBlock,
};
pub use aeif_cond_exp::AeifCondExp;
pub use aeif_exp::{AeifExpBlock, AeifExpConstants, AeifExpState};
pub use aeif_psc_alpha::AeifPscAlpha;
pub use aeif_psc_delta::{
    AeifPscDelta, AeifPscDeltaBlock, AeifPscDeltaConstants, AeifPscDeltaState,
};
pub use aeif_psc_exp::AeifPscExp;
pub use amat2_psc_exp::{Amat2Propagators, Amat2PscExp, Amat2PscExpBlock, Amat2PscExpState};
pub use gif::{Adaptation, AdaptationBlock, AdaptationConstants};
pub use gif_cond_exp::{
    GifCondConstants, GifCondExp, GifCondExpBlock, GifCondExpState, GifCondScalars,
    GifCondScalarsBlock,
};
pub use gif_psc_exp::{
    GifPropagators, GifPscExp, GifPscExpBlock, GifPscExpState, GifScalars, GifScalarsBlock,
};
pub use hh_cond_exp_traub::{
    HhCondExpTraub, HhCondExpTraubBlock, HhCondExpTraubConstants, HhCondExpTraubState,
};
pub use hh_psc_alpha::{HhPscAlpha, HhPscAlphaBlock, HhPscAlphaConstants, HhPscAlphaState};
pub use iaf_cond_alpha::IafCondAlpha;
pub use iaf_cond_beta::{CondBetaBlock, CondBetaConstants, CondBetaState, IafCondBeta};
pub use iaf_cond_exp::{CondExpConstants, IafCondExp, IafCondExpBlock, IafCondExpState};
pub use iaf_psc_alpha::{IafPscAlpha, IafPscAlphaBlock, IafPscAlphaState};
pub use iaf_psc_alpha_multisynapse::{
    AlphaMultisynapsePropagators, IafPscAlphaMultisynapse, IafPscAlphaMultisynapseBlock,
    IafPscAlphaMultisynapseState,
};
pub use iaf_psc_delta::{IafPscDelta, IafPscDeltaBlock, IafPscDeltaState};
pub use iaf_psc_exp::{IafPscExp, IafPscExpBlock, IafPscExpState};
pub use iaf_psc_exp_htum::{
    HtumPropagators, IafPscExpHtum, IafPscExpHtumBlock, IafPscExpHtumState,
};
pub use iaf_psc_exp_multisynapse::{
    ExpMultisynapsePropagators, IafPscExpMultisynapse, IafPscExpMultisynapseBlock,
    IafPscExpMultisynapseState,
};
pub use izhikevich::{Izhikevich, IzhikevichBlock, IzhikevichConstants, IzhikevichState};
pub use mat2_psc_exp::{Mat2Propagators, Mat2PscExp, Mat2PscExpBlock, Mat2PscExpState};
pub use network_spec::recordable::Recordable;
pub use network_spec::{Dimension, NeuronParams, ParamInfo, ParamKind, Parameters};
pub use parrot_neuron::{ParrotNeuron, ParrotNeuronBlock, ParrotNeuronState};
pub use pp_psc_delta::{
    DeadTime, PpPropagators, PpPscDelta, PpPscDeltaBlock, PpPscDeltaState, PpScalars,
    PpScalarsBlock,
};

use crate::rng::Stream;
use crate::storage::Length;
use crate::time::Resolution;
use std::fmt::Debug;

/// The spike input of one step for a block of neurons: one row per channel, each with
/// one entry per neuron (pA, or mV for iaf_psc_delta).
///
/// Models that route by the weight's sign read channel 0 (excitatory) and 1
/// (inhibitory); multisynapse models read channel `k − 1` for receptor port `k`.
pub struct SpikeInput<'a> {
    rows: &'a mut [f64],
    stride: usize,
    len: usize,
}

impl<'a> SpikeInput<'a> {
    /// Channels stored one after another in `rows`, each `stride` entries apart, of
    /// which the first `len` belong to neurons (`len <= stride`).
    pub fn new(rows: &'a mut [f64], stride: usize, len: usize) -> Self {
        debug_assert!(len <= stride && rows.len().is_multiple_of(stride));
        Self { rows, stride, len }
    }

    /// The number of channels.
    pub fn channels(&self) -> usize {
        self.rows.len() / self.stride
    }

    /// Channel `k`, one entry per neuron.
    #[inline]
    pub fn channel(&mut self, k: usize) -> &mut [f64] {
        &mut self.rows[k * self.stride..k * self.stride + self.len]
    }

    /// Channels 0 and 1 (excitatory and inhibitory), one entry per neuron each.
    #[inline]
    pub fn pair(self) -> [&'a mut [f64]; 2] {
        let (ex, rest) = self.rows.split_at_mut(self.stride);
        [&mut ex[..self.len], &mut rest[..self.len]]
    }

    /// Channel 0 alone, one entry per neuron.
    #[inline]
    pub fn first(self) -> &'a mut [f64] {
        &mut self.rows[..self.len]
    }
}

/// What a block of neurons reads in one step: the ring-buffer slots of this step.
///
/// A model reads each entry and leaves it zero (NEST clears the slot after use).
pub struct StepInput<'a> {
    /// Spike input per channel (see [`SpikeInput`]).
    pub spikes: SpikeInput<'a>,
    /// Current input (pA) from current generators, one entry per neuron.
    pub current: &'a mut [f64],
    /// No current generator reaches these neurons: `current` holds zeros, as it did in
    /// every earlier step, so a model may leave it (and the current it keeps from the
    /// previous step, also zero) out of its arithmetic.
    pub no_current: bool,
    /// The block's random stream, for models with stochastic elements.
    pub rng: &'a mut Stream,
}

/// NEST's `weight > 0` split of spike input, which most models use
/// ([`NeuronModel::channel`]): a positive weight excitatory (channel 0), a zero or
/// negative one inhibitory (channel 1).
#[inline(always)]
pub(crate) fn zero_inhibitory(weight: f64) -> usize {
    usize::from(weight <= 0.0)
}

/// NEST's `weight >= 0` split ([`NeuronModel::channel`]): a zero weight excitatory too.
#[inline(always)]
pub(crate) fn zero_excitatory(weight: f64) -> usize {
    usize::from(weight < 0.0)
}

/// A point-neuron model's dynamics: state and update, implemented by the engine on the
/// parameter struct the vocabulary crate declares (its name, table, checks, receptor
/// ports and recordables: [`NeuronParams`]).
pub trait NeuronModel: NeuronParams {
    /// Number of spike input channels (2 for excitatory/inhibitory, 1 otherwise); 0
    /// where it depends on the parameters (one per receptor port, see
    /// [`spike_channels`](Self::spike_channels)).
    const SPIKE_CHANNELS: usize;
    /// Whether the model counts incoming spikes and ignores their weights (NEST's
    /// `parrot_neuron`): every connection onto it then delivers weight 1 per spike, so
    /// a spike channel holds the number of spikes that arrived.
    const COUNTS_SPIKES: bool = false;

    /// The state of a population, one array per state variable.
    type State<L: Length>: Debug + Send + Sync;
    /// A mutable view of a contiguous block of neurons of the state.
    type Block<'a>: Send;
    /// Propagators and other constants derived from parameters and resolution.
    type Propagators: Debug + Send + Sync;

    /// Computes the propagators for resolution `h`.
    fn propagators(&self, h: &Resolution) -> Self::Propagators;
    /// The initial state of `len` neurons (V_m from the parameters).
    fn init_state<L: Length>(&self, len: L) -> Self::State<L>;
    /// Splits the state into blocks of `block_len` neurons (the last may be shorter).
    fn blocks<L: Length>(state: &mut Self::State<L>, block_len: usize) -> Vec<Self::Block<'_>>;
    /// Sets the membrane potential (mV, absolute) of neuron `i`.
    fn set_v_m<L: Length>(&self, state: &mut Self::State<L>, i: usize, v_m: f64);
    /// The spike channel a weight (`weight · multiplicity`) goes to, for a model without
    /// receptor ports. It depends on the weight's sign alone (positive, zero, negative or
    /// NaN): plastic delivery asks it once per sign (`Channel::by_sign`).
    fn channel(weight: f64) -> usize;
    /// The spike input channels the ring buffers hold for this parameter set.
    fn spike_channels(&self) -> usize {
        Self::SPIKE_CHANNELS
    }
    /// Advances every neuron of `block` by one step, calling `spiked(i)` for each neuron
    /// that fires in this step.
    fn update(
        &self,
        p: &Self::Propagators,
        block: &mut Self::Block<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    );
    /// The value of `var` for neuron `i` of `block`, in NEST units, if the model has it.
    fn recordable(&self, block: &Self::Block<'_>, var: Recordable, i: usize) -> Option<f64>;
}

/// Replaces a subnormal number (|x| < 2.2e-308) by zero.
///
/// Exponentially decaying state (synaptic currents, V_m relative to E_L) otherwise ends up
/// stuck at the smallest subnormal number, because `x · P` rounds back to `x`; every
/// operation on a subnormal costs about a hundred cycles on x86. NEST keeps them. Flushing
/// changes no spike time and no recorded value of normal magnitude: a subnormal term
/// cannot change the sum of a value above 1e-292. Deliberate difference from NEST.
#[inline(always)]
pub(crate) fn flush_subnormal(x: f64) -> f64 {
    if x.abs() < f64::MIN_POSITIVE {
        0.0
    } else {
        x
    }
}

/// Neurons per chunk of a branch-free update; their fire flags live on the stack.
pub(crate) const CHUNK: usize = 256;

/// Runs a branch-free update `step(range, fired)` over neurons `0..len` in chunks, then
/// reports each neuron whose flag it set, in index order.
///
/// Updating without branches (selects instead of `if`) lets the compiler vectorize the
/// loop; the results are bit-identical because every lane does the same IEEE operations
/// in the same order as the scalar code. Callers mark `step` (and `update`) with
/// `#[inline(always)]`: only code inlined into a block's work gets the vector width the
/// processor offers at run time (`engine::wide`).
#[inline(always)]
pub(crate) fn in_chunks(
    len: usize,
    spiked: &mut dyn FnMut(u32),
    mut step: impl FnMut(std::ops::Range<usize>, &mut [bool]),
) {
    let mut fired = [false; CHUNK];
    let mut start = 0;
    while start < len {
        let end = (start + CHUNK).min(len);
        let flags = &mut fired[..end - start];
        step(start..end, flags);
        // Spikes are rare: skip eight flags at a time.
        for (c, group) in flags.chunks(8).enumerate() {
            if group.iter().fold(false, |any, &f| any | f) {
                for (k, &f) in group.iter().enumerate() {
                    if f {
                        spiked((start + c * 8 + k) as u32);
                    }
                }
            }
        }
        start = end;
    }
}
