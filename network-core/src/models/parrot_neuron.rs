//! `parrot_neuron`: repeats every incoming spike one step later than it arrives, as NEST
//! 3.10's parrot does; used to turn generator spikes into spikes of a population (the
//! source of plastic synapses) and to repeat Poisson trains.

use super::{NeuronModel, Recordable, StepInput};
use crate::storage::Length;
use crate::time::Resolution;
pub use network_spec::models::ParrotNeuron;

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
    const SPIKE_CHANNELS: usize = 1;
    const COUNTS_SPIKES: bool = true;

    type State<L: Length> = ParrotNeuronState<L>;
    type Block<'a> = ParrotNeuronBlock;
    type Propagators = ();

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
