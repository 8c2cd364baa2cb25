//! `parrot_neuron`: repeats every incoming spike one step later than it arrives, as NEST
//! 3.10's parrot does; used to turn generator spikes into spikes of a population (the
//! source of plastic synapses) and to repeat Poisson trains.

use super::params::{named_params, param, Dimension::*, ParamInfo};
use super::{positive, NeuronModel, Recordable, StepInput};
use crate::error::Result;
use crate::storage::Length;
use crate::time::Resolution;

/// Parameters of `parrot_neuron`. The parrot has no dynamics: a spike that arrives in
/// step `s` (with any weight, multiplicity `n`) makes it emit `n` spikes stamped `s + 1`.
/// Weights are ignored, as in NEST.
#[derive(Debug, Clone, PartialEq)]
pub struct ParrotNeuron {
    /// Time constant of the postsynaptic STDP trace Kminus (ms), when the parrot is the
    /// target of an `stdp_synapse`.
    pub tau_minus: f64,
}

impl Default for ParrotNeuron {
    fn default() -> Self {
        Self { tau_minus: 20.0 }
    }
}

/// State of a population of parrots: only their number (a parrot keeps no state).
#[derive(Debug)]
pub struct ParrotNeuronState<L: Length> {
    len: L,
}

/// A block of parrots: only its length.
#[derive(Debug)]
pub struct ParrotNeuronBlock {
    len: usize,
}

impl NeuronModel for ParrotNeuron {
    const NAME: &'static str = "parrot_neuron";
    const PARAMETERS: &'static [ParamInfo] = &[param(
        "tau_minus",
        Time,
        20.0,
        "time constant of the STDP trace of postsynaptic spikes",
    )];
    const RECORDABLES: &'static [Recordable] = &[];
    const SPIKE_CHANNELS: usize = 1;
    const COUNTS_SPIKES: bool = true;

    type State<L: Length> = ParrotNeuronState<L>;
    type Block<'a> = ParrotNeuronBlock;
    type Propagators = ();

    fn validate(&self, entity: &str) -> Result<()> {
        positive(entity, "tau_minus", self.tau_minus)
    }

    named_params!(tau_minus);

    fn propagators(&self, _res: &Resolution) {}

    fn init_state<L: Length>(&self, len: L) -> ParrotNeuronState<L> {
        ParrotNeuronState { len }
    }

    fn blocks<L: Length>(
        state: &mut ParrotNeuronState<L>,
        block_len: usize,
    ) -> Vec<ParrotNeuronBlock> {
        let n = state.len.value();
        (0..n.div_ceil(block_len))
            .map(|b| ParrotNeuronBlock {
                len: block_len.min(n - b * block_len),
            })
            .collect()
    }

    /// A parrot has no membrane potential; the builder refuses to set one.
    fn set_v_m<L: Length>(&self, _state: &mut ParrotNeuronState<L>, _i: usize, _v_m: f64) {}

    fn channel(_weight: f64) -> usize {
        0
    }

    fn update(
        &self,
        _p: &(),
        b: &mut ParrotNeuronBlock,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let counts = &mut input.spikes.first()[..b.len];
        input.current[..b.len].fill(0.0);
        for (i, count) in counts.iter_mut().enumerate() {
            // Every connection onto a parrot delivers weight 1 per spike (see
            // `COUNTS_SPIKES`), so the entry is the number of spikes that arrived.
            let n = *count as u32;
            *count = 0.0;
            for _ in 0..n {
                spiked(i as u32);
            }
        }
    }

    fn recordable(&self, _b: &ParrotNeuronBlock, _var: Recordable, _i: usize) -> Option<f64> {
        None
    }
}
