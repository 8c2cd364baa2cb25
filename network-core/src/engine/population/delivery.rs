//! Delivery of a slice's spikes into a block's ring buffers, through every incoming
//! projection. It is compiled here, with the engine, for every neuron model (the
//! model's channel rule arrives as data, `Channel`), not in each crate that builds a
//! network: an x86-64-v3 copy per common channel rule, called from the block's task
//! where the processor has x86-64-v3, and one baseline copy (a user's crate rebuilds
//! faster since the v3 copy moved here from the block's task: bench/PERF.md,
//! twenty-second round).

use super::{BlockRuntime, SliceInput};
use crate::engine::projection::Channel;
use crate::models::{zero_excitatory, zero_inhibitory};

/// Delivers the previous slice's spikes of every incoming projection into block `b`'s
/// ring buffers (plastic projections through their per-synapse state).
///
/// `fill` is work that needs no memory beyond the caches, done a little at a time while
/// the rows and ring entries asked for ahead arrive.
#[inline(always)]
fn deliver_spikes(
    b: usize,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    counts_spikes: bool,
    channel: impl Fn(f64) -> usize + Copy,
    fill: &mut impl FnMut(),
) {
    // Projections delivered at arrival (`population::at_arrival`) are not sent here.
    let statics = || {
        input
            .incoming
            .iter()
            .filter(|p| p.plastic.is_none() && p.arrivals().is_none())
    };
    for projection in statics() {
        projection.prefetch_row_bounds(b, &input.spikes[projection.source]);
    }
    for projection in statics() {
        projection.prefetch_rows(b, &input.spikes[projection.source]);
    }
    for (k, projection) in input.incoming.iter().enumerate() {
        if projection.arrivals().is_some() {
            continue;
        }
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

/// [`deliver_spikes`] for the target model's channel rule given as data: NEST's two
/// sign splits ([`zero_inhibitory`], [`zero_excitatory`]) each get a copy with the rule
/// inline (the microcircuit simulated more slowly asking [`Channel::of`] per synapse,
/// bench/PERF.md, twenty-second round), any other rule asks [`Channel::of`]. The copies are
/// compiled here, once with the engine, so that a crate that builds a network does not
/// compile the delivery again for each of its models.
#[inline(always)]
fn deliver_spikes_by_rule(
    b: usize,
    rt: &mut BlockRuntime,
    input: &SliceInput<'_>,
    counts_spikes: bool,
    channel: Channel,
    mut fill: &mut dyn FnMut(),
) {
    // The rule's data compared with each named rule's (eight calls of a comparison, once
    // per call, against a delivery of thousands of synapses).
    if channel == Channel::by_sign(zero_inhibitory) {
        deliver_spikes(b, rt, input, counts_spikes, zero_inhibitory, &mut fill)
    } else if channel == Channel::by_sign(zero_excitatory) {
        deliver_spikes(b, rt, input, counts_spikes, zero_excitatory, &mut fill)
    } else {
        deliver_spikes(
            b,
            rt,
            input,
            counts_spikes,
            move |w| channel.of(w),
            &mut fill,
        )
    }
}

/// [`deliver_spikes`] for the baseline instruction set, and for neurons whose parameters
/// differ: one copy, the channel rule asked through [`Channel::of`].
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

crate::engine::wide::x86_64_v3! {
    /// [`deliver_spikes_by_rule`] with `fill` (the block's Poisson draws ahead) done
    /// while rows and ring entries arrive; on x86-64 compiled for x86-64-v3, and then
    /// callable only where the processor has its features (`wide::has_v3`).
    pub(super) fn deliver_spikes_drawing_ahead(
        b: usize,
        rt: &mut BlockRuntime,
        input: &SliceInput<'_>,
        counts_spikes: bool,
        channel: Channel,
        fill: &mut dyn FnMut(),
    ) {
        deliver_spikes_by_rule(b, rt, input, counts_spikes, channel, fill);
    }
}
