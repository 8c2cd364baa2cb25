//! Delivery of a slice's spikes into a block's ring buffers, through every incoming
//! projection: inlined into the block's task where speed matters, and one shared copy
//! for every neuron model where it does not.

use super::{BlockRuntime, SliceInput};
use crate::engine::projection::Channel;

/// Delivers the previous slice's spikes of every incoming projection into block `b`'s
/// ring buffers (plastic projections through their per-synapse state).
///
/// `fill` is work that needs no memory beyond the caches, done a little at a time while
/// the rows and ring entries asked for ahead arrive.
#[inline(always)]
pub(super) fn deliver_spikes(
    b: usize,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    counts_spikes: bool,
    channel: impl Fn(f64) -> usize + Copy,
    fill: &mut impl FnMut(),
) {
    let statics = || input.incoming.iter().filter(|p| p.plastic.is_none());
    for projection in statics() {
        projection.prefetch_row_bounds(b, &input.spikes[projection.source]);
    }
    for projection in statics() {
        projection.prefetch_rows(b, &input.spikes[projection.source]);
    }
    for (k, projection) in input.incoming.iter().enumerate() {
        let spikes = &input.spikes[projection.source];
        let port = projection.port_channel();
        let archive = rt.archive.as_mut();
        let recorded = projection
            .weights_recorded
            .then_some((&mut rt.weight_events, k as u32));
        match (&projection.plastic, rt.plastic.get_mut(k), port) {
            (Some(rule), Some(Some(state)), port) => projection.deliver_plastic(
                rule,
                state,
                b,
                spikes,
                &mut rt.ring,
                archive,
                counts_spikes,
                port.map_or_else(|| Channel::by_sign(channel), Channel::Port),
                recorded,
            ),
            (_, _, port) => {
                match port {
                    None => projection.deliver(b, spikes, &mut rt.ring, channel, fill),
                    Some(c) => projection.deliver(b, spikes, &mut rt.ring, |_| c, fill),
                }
                if let Some((events, k)) = recorded {
                    projection.record_static(b, spikes, k, events);
                }
            }
        }
    }
}

/// [`deliver_spikes`] where it need not be inlined (the baseline instruction set, and
/// neurons whose parameters differ): one copy in this crate for every neuron model,
/// which the target model's `channel` rule reaches as data (its channel per weight
/// sign), instead of one per model in each crate that builds a network.
#[inline(never)]
pub(super) fn deliver_spikes_shared(
    b: usize,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    counts_spikes: bool,
    channel: Channel,
) {
    deliver_spikes(
        b,
        rt,
        input,
        counts_spikes,
        move |w| channel.of(w),
        &mut || {},
    );
}
