//! A block's work where its neurons' parameters differ (`ParamSets`): each run of
//! neurons that shares a set updated with it.

use super::delivery::deliver_spikes_shared;
use super::{Arrived, BlockRuntime, SliceInput};
use crate::engine::block::BLOCK_LEN;
use crate::engine::param_sets::ParamSets;
use crate::engine::projection::Channel;
use crate::models::{NeuronModel, SpikeInput, StepInput};

/// Block `b`'s work where its neurons' parameters differ: spikes delivered as on the
/// uniform path, then per step the generators, and each run of `grain` neurons updated
/// with its own set, its spike input copied out of the ring (`scratch`) and the ring's
/// slots cleared as the model clears them; multimeters read each neuron through its
/// set.
pub(super) fn advance_runs<M: NeuronModel>(
    sets: &ParamSets<M>,
    b: usize,
    mut views: Vec<M::Block<'_>>,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    mut arrived: Option<Arrived<'_>>,
) {
    let offset = (b * BLOCK_LEN) as u32;
    let grain = sets.grain();
    let run_sets: Vec<usize> = sets.runs_of_block(b).collect();
    deliver_spikes_shared(b, rt, input, M::COUNTS_SPIKES, Channel::by_sign(M::channel));
    let no_current = !rt.receives_current();
    let mut scratch = Vec::new();
    for s in input.start..input.end {
        for stimulus in &mut rt.stimuli {
            match stimulus.port_channel {
                None => stimulus.apply(s, &mut rt.ring, M::channel),
                Some(c) => stimulus.apply(s, &mut rt.ring, |_| c),
            }
        }
        let sums = arrived.as_mut().map_or(&mut [][..], |a| a.of(s));
        let (mut spikes_in, current) = rt.ring.step_mut_with(s, sums);
        let channels = spikes_in.channels();
        let block_len = current.len();
        for (r, view) in views.iter_mut().enumerate() {
            let (model, propagators) = &sets.get(run_sets[r]);
            let a = r * grain;
            let n = grain.min(block_len - a);
            scratch.clear();
            for k in 0..channels {
                scratch.extend_from_slice(&spikes_in.channel(k)[a..a + n]);
            }
            let step_input = StepInput {
                spikes: SpikeInput::new(&mut scratch, n, n),
                current: &mut current[a..a + n],
                no_current,
                rng: &mut rt.rng,
            };
            let spikes = &mut rt.spikes;
            let first = offset + a as u32;
            model.update(propagators, view, step_input, &mut |i| {
                spikes.push((s, first + i))
            });
            for k in 0..channels {
                spikes_in.channel(k)[a..a + n].fill(0.0);
            }
        }
        for sampler in &mut rt.samplers {
            if sampler.due(s + 1) {
                sampler.sample(s + 1, |var, i| {
                    let r = i / grain;
                    let model = &sets.get(run_sets[r]).0;
                    model
                        .recordable(&views[r], var, i % grain)
                        .unwrap_or(f64::NAN)
                });
            }
        }
    }
    if let Some(archive) = rt.archive.as_mut() {
        archive.record(&rt.spikes, offset);
    }
}
