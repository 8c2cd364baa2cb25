//! Neuron models with NEST's names, parameters, defaults, units and exact integration.
//!
//! Each model keeps its parameters in a plain struct whose fields are spelled as NEST
//! spells them (`C_m`, `tau_syn_ex`), its state as a structure of arrays sized by a
//! [`Length`], and its propagators, computed once per resolution.

mod iaf_psc_alpha;
mod iaf_psc_alpha_multisynapse;
mod iaf_psc_delta;
mod iaf_psc_exp;
mod iaf_psc_exp_multisynapse;
mod multisynapse;
mod params;
mod parrot_neuron;
mod propagators;
mod soa;

pub use iaf_psc_alpha::{IafPscAlpha, IafPscAlphaBlock, IafPscAlphaState};
pub use iaf_psc_alpha_multisynapse::{
    AlphaMultisynapsePropagators, IafPscAlphaMultisynapse, IafPscAlphaMultisynapseBlock,
    IafPscAlphaMultisynapseState,
};
pub use iaf_psc_delta::{IafPscDelta, IafPscDeltaBlock, IafPscDeltaState};
pub use iaf_psc_exp::{IafPscExp, IafPscExpBlock, IafPscExpState};
pub use iaf_psc_exp_multisynapse::{
    ExpMultisynapsePropagators, IafPscExpMultisynapse, IafPscExpMultisynapseBlock,
    IafPscExpMultisynapseState,
};
pub use params::{Dimension, ParamInfo};
pub use parrot_neuron::{ParrotNeuron, ParrotNeuronBlock, ParrotNeuronState};

use crate::error::Result;
use crate::rng::Stream;
use crate::storage::Length;
use crate::time::Resolution;
use std::borrow::Cow;
use std::fmt::Debug;

/// A quantity a voltmeter or multimeter can record (NEST's names).
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recordable {
    /// Membrane potential (mV).
    V_m,
    /// Excitatory synaptic current (pA).
    I_syn_ex,
    /// Inhibitory synaptic current (pA, negative).
    I_syn_in,
    /// Total synaptic current of a multisynapse model: the sum over its ports (pA).
    I_syn,
    /// Synaptic current of receptor port `k` (1-based, NEST's `I_syn_k`) of a
    /// multisynapse model (pA).
    I_syn_port(u16),
}

impl Recordable {
    /// The NEST name, e.g. `V_m` or `I_syn_2`.
    pub fn name(self) -> Cow<'static, str> {
        match self {
            Recordable::V_m => "V_m".into(),
            Recordable::I_syn_ex => "I_syn_ex".into(),
            Recordable::I_syn_in => "I_syn_in".into(),
            Recordable::I_syn => "I_syn".into(),
            Recordable::I_syn_port(k) => format!("I_syn_{k}").into(),
        }
    }

    /// Parses a NEST recordable name (`I_syn_k` with a port `k >= 1`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "V_m" => Some(Recordable::V_m),
            "I_syn_ex" => Some(Recordable::I_syn_ex),
            "I_syn_in" => Some(Recordable::I_syn_in),
            "I_syn" => Some(Recordable::I_syn),
            _ => {
                let digits = name.strip_prefix("I_syn_")?;
                if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok().map(Recordable::I_syn_port)
            }
        }
    }
}

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
    /// The block's random stream, for models with stochastic elements.
    pub rng: &'a mut Stream,
}

/// A point-neuron model: parameters (the implementing struct), state and update.
pub trait NeuronModel: Clone + Debug + Send + Sync + 'static {
    /// The NEST model name, e.g. `iaf_psc_alpha`.
    const NAME: &'static str;
    /// The parameters with their units and defaults, in NEST's spelling.
    const PARAMETERS: &'static [ParamInfo];
    /// The recordables, in NEST's order.
    const RECORDABLES: &'static [Recordable];
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

    /// Checks the parameter set as NEST does, naming `entity`, the parameter and value.
    fn validate(&self, entity: &str) -> Result<()>;
    /// Sets a parameter by its NEST name (for loaders that read names at run time).
    fn set(&mut self, entity: &str, name: &str, value: f64) -> Result<()>;
    /// Reads a parameter by its NEST name.
    fn get(&self, name: &str) -> Option<f64>;
    /// Computes the propagators for resolution `h`.
    fn propagators(&self, h: &Resolution) -> Self::Propagators;
    /// The initial state of `len` neurons (V_m from the parameters).
    fn init_state<L: Length>(&self, len: L) -> Self::State<L>;
    /// Splits the state into blocks of `block_len` neurons (the last may be shorter).
    fn blocks<L: Length>(state: &mut Self::State<L>, block_len: usize) -> Vec<Self::Block<'_>>;
    /// Sets the membrane potential (mV, absolute) of neuron `i`.
    fn set_v_m<L: Length>(&self, state: &mut Self::State<L>, i: usize, v_m: f64);
    /// The spike channel a weight (`weight · multiplicity`) goes to, for a model without
    /// receptor ports.
    fn channel(weight: f64) -> usize;
    /// The number of receptor ports (NEST's `receptor_type` 1..=n) of this parameter set.
    /// 0 for a model whose spike input has none: it accepts `receptor_type` 0 and
    /// [`channel`](Self::channel) picks the channel from the weight.
    fn receptor_ports(&self) -> usize {
        0
    }
    /// The spike input channels the ring buffers hold for this parameter set.
    fn spike_channels(&self) -> usize {
        Self::SPIKE_CHANNELS
    }
    /// The recordables of this parameter set (a multisynapse model has one `I_syn_k` per
    /// port), in NEST's order.
    fn recordables(&self) -> Vec<Recordable> {
        Self::RECORDABLES.to_vec()
    }
    /// Sets a parameter that is a list, e.g. `tau_syn` of a multisynapse model (ms).
    fn set_list(&mut self, entity: &str, name: &str, values: &[f64]) -> Result<()> {
        let _ = values;
        Err(crate::Error::invalid(
            entity,
            name,
            "[..]",
            format!("{} has no list parameter `{name}`", Self::NAME),
        ))
    }
    /// Reads a list parameter by its NEST name.
    fn get_list(&self, name: &str) -> Option<Vec<f64>> {
        let _ = name;
        None
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

/// Rejects a non-positive value of a parameter that must be strictly positive.
pub(crate) fn positive(entity: &str, name: &str, value: f64) -> Result<()> {
    if value > 0.0 && value.is_finite() {
        Ok(())
    } else {
        Err(crate::Error::invalid(entity, name, value, "must be > 0"))
    }
}

/// NEST's checks shared by the leaky integrate-and-fire models: capacitance and membrane
/// time constant positive, refractory time not negative, reset below threshold.
#[allow(non_snake_case)]
pub(crate) fn check_integrate_and_fire(
    entity: &str,
    C_m: f64,
    tau_m: f64,
    t_ref: f64,
    V_reset: f64,
    V_th: f64,
) -> Result<()> {
    positive(entity, "C_m", C_m)?;
    positive(entity, "tau_m", tau_m)?;
    if t_ref < 0.0 {
        return Err(crate::Error::invalid(
            entity,
            "t_ref",
            t_ref,
            "must be >= 0 ms",
        ));
    }
    if V_reset >= V_th {
        return Err(crate::Error::invalid(
            entity,
            "V_reset",
            V_reset,
            format!("must be below V_th ({V_th} mV)"),
        ));
    }
    Ok(())
}

/// Rejects a value that is not finite.
pub(crate) fn finite(entity: &str, name: &str, value: f64) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(crate::Error::invalid(entity, name, value, "must be finite"))
    }
}

/// The error for a parameter name model `M` does not have, with a suggestion.
pub(crate) fn unknown_parameter<M: NeuronModel>(entity: &str, name: &str) -> crate::Error {
    let names: Vec<&str> = M::PARAMETERS.iter().map(|p| p.name).collect();
    crate::Error::unknown_parameter(entity, name, &names)
}

/// Checks every parameter of the table is finite, except those in `may_be_infinite`.
pub(crate) fn all_finite<M: NeuronModel>(
    model: &M,
    entity: &str,
    may_be_infinite: &[&str],
) -> Result<()> {
    for info in M::PARAMETERS {
        if let Some(v) = model.get(info.name) {
            if may_be_infinite.contains(&info.name) {
                if v.is_nan() || v == f64::INFINITY {
                    return Err(crate::Error::invalid(
                        entity,
                        info.name,
                        v,
                        "must be a number or -inf",
                    ));
                }
            } else {
                finite(entity, info.name, v)?;
            }
        }
    }
    Ok(())
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
/// in the same order as the scalar code.
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
