//! Delivery through plastic synapses: each spike walks its row onto a block, updates
//! every synapse's state by the projection's rule and adds the weight it sends to the
//! target's ring.
//!
//! Where every synapse onto the block shares a rule that reads the postsynaptic spike
//! history (the STDP family, `Plastic::history_rule`), the row loop is compiled once per
//! rule with the rule's arithmetic inline, on each synapse's state or on its row's
//! shared trace (`plastic/row_traces.rs`); otherwise each synapse asks its own rule
//! (`Plastic::send`, with a trace per synapse). All give the same numbers in the same
//! order. The loop is not generic over the neuron model (its channel rule is data,
//! `Channel`): it is compiled once, with the engine, and not again in every crate that
//! builds a network.

use super::prefetch::{prefetch_line, prefetch_lines, PREFETCH_ROWS_AHEAD, ROW_BOUNDS_AHEAD};
use super::Channel;
use super::{BlockSynapses, Projection};
use crate::engine::archive::SpikeArchive;
use crate::engine::plastic::{HistoryRule, Plastic, PlasticState, StdpStates, ARCHIVE};
use crate::engine::ring::Ring;
use crate::engine::rules::{self, PairRule, TraceMemo};
use crate::engine::weight_events::WeightEvent;
use std::ops::Range;

/// What one delivery call writes besides the synapses' state: the ring, and the weight
/// recorders' events when the projection is recorded.
struct Output<'a, 'e> {
    ring: &'a mut Ring,
    counts_spikes: bool,
    channel: Channel,
    recorded: Option<(&'e mut Vec<WeightEvent>, u32)>,
}

impl Projection {
    /// Delivers the spikes `(step, source)` through this projection's plastic synapses
    /// (rule `plastic`) onto block `b`, updating their `state` (and reading `archive`,
    /// the postsynaptic spike history, for STDP). A target that counts spikes
    /// (`counts_spikes`, a parrot) receives 1 per spike instead of the weight; a
    /// stochastic synapse that does not transmit sends nothing. With `recorded`, each
    /// transmission is also an event for the weight recorders (tagged with the
    /// projection's index `recorded.1` among the block's incoming projections).
    #[allow(clippy::too_many_arguments)]
    pub fn deliver_plastic(
        &self,
        plastic: &Plastic,
        state: &mut PlasticState,
        b: usize,
        spikes: &[(i64, u32)],
        ring: &mut Ring,
        archive: Option<&mut SpikeArchive>,
        counts_spikes: bool,
        channel: Channel,
        recorded: Option<(&mut Vec<WeightEvent>, u32)>,
    ) {
        let block = &self.storage.blocks[b];
        if block.targets.is_empty() || spikes.is_empty() {
            return;
        }
        let synapses: usize = spikes
            .iter()
            .map(|&(_, s)| (block.row_start[s as usize + 1] - block.row_start[s as usize]) as usize)
            .sum();
        let mut memo = TraceMemo::for_work(synapses);
        let memo = &mut memo;
        let out = Output {
            ring,
            counts_spikes,
            channel,
            recorded,
        };
        match plastic.history_rule(b, state) {
            Ok(rule) => {
                let archive = archive.expect(ARCHIVE);
                match rule {
                    HistoryRule::Stdp(p, states) => {
                        self.deliver_stdp(block, plastic, spikes, out, states, p, archive, memo)
                    }
                    HistoryRule::StdpPl(c, states) => {
                        self.deliver_stdp(block, plastic, spikes, out, states, c, archive, memo)
                    }
                    HistoryRule::Vogels(p, states) => {
                        self.deliver_stdp(block, plastic, spikes, out, states, p, archive, memo)
                    }
                    HistoryRule::Triplet(p, st) => self.deliver_rows(
                        block,
                        plastic,
                        spikes,
                        out,
                        st,
                        |st, k, _, i, t, d| {
                            Some(rules::stdp_triplet(
                                p,
                                &mut st[k],
                                archive,
                                memo,
                                i,
                                t,
                                plastic.delay_ms(d),
                            ))
                        },
                        |_, _, _| {},
                        |st, row, _| prefetch_lines(&st[row]),
                    ),
                }
            }
            Err(state) => {
                // A rule per synapse updates a trace per synapse.
                state.each_synapse();
                let mut archive = archive;
                self.deliver_rows(
                    block,
                    plastic,
                    spikes,
                    out,
                    state,
                    |state, k, _, target, t, d| {
                        plastic.send(
                            b,
                            state,
                            k,
                            archive.as_deref_mut(),
                            memo,
                            target,
                            t,
                            d,
                            || self.weight.unwrap_or_else(|| block.weights.get(k)),
                        )
                    },
                    |_, _, _| {},
                    |_, _, _| {},
                )
            }
        }
    }

    /// Walks the rows of `spikes` onto `block` with an STDP-family `rule`, on each
    /// synapse's own state, or on the weights with their row's trace, which takes its
    /// new value once per row (`RowTraces`).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn deliver_stdp(
        &self,
        block: &BlockSynapses,
        plastic: &Plastic,
        spikes: &[(i64, u32)],
        out: Output<'_, '_>,
        states: StdpStates<'_>,
        rule: &impl PairRule,
        archive: &mut SpikeArchive,
        memo: &mut TraceMemo,
    ) {
        let ms = |delay: u16| plastic.delay_ms(delay);
        match states {
            StdpStates::Each(st) => self.deliver_rows(
                block,
                plastic,
                spikes,
                out,
                &mut (st, memo),
                |(st, memo), k, _, target, t, d| {
                    Some(rules::transmit(
                        rule,
                        &mut st[k],
                        archive,
                        memo,
                        target,
                        t,
                        ms(d),
                    ))
                },
                |_, _, _| {},
                |(st, _), row, _| prefetch_lines(&st[row]),
            ),
            StdpStates::Rows(rows) => self.deliver_rows(
                block,
                plastic,
                spikes,
                out,
                &mut (rows, memo),
                |(rows, memo), k, s, target, t, d| {
                    let st = rows.state(k, s);
                    let w = rule.weight(&st, archive, memo, target, t, ms(d));
                    rows.set_weight(k, w);
                    Some(w)
                },
                |(rows, memo), s, t| {
                    rows.step(s, t, |kplus, t_last| {
                        rule.kplus_after(kplus, t_last, t, memo)
                    })
                },
                |(rows, _), row, s| {
                    prefetch_lines(&rows.weights()[row]);
                    prefetch_line(rows.trace(s));
                },
            ),
        }
    }

    /// Walks the rows of `spikes` onto `block`: `transmit(state, k, source, target,
    /// t_spike, delay)` updates synapse `k` (of row `source`) and returns the weight it
    /// sends (`None`: nothing sent), which goes into the target's ring `delay` steps
    /// after the spike; `row_done(state, source, t_spike)` follows each row's last
    /// synapse. Both get the synapses' `state`, which each may change;
    /// `prefetch_state(state, row, source)` asks for the first lines of a later row's
    /// state (a hint: no effect on results).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn deliver_rows<S: ?Sized>(
        &self,
        block: &BlockSynapses,
        plastic: &Plastic,
        spikes: &[(i64, u32)],
        mut out: Output<'_, '_>,
        state: &mut S,
        mut transmit: impl FnMut(&mut S, usize, usize, usize, f64, u16) -> Option<f64>,
        mut row_done: impl FnMut(&mut S, usize, f64),
        prefetch_state: impl Fn(&S, Range<usize>, usize),
    ) {
        let row_of = |s: usize| block.row_start[s] as usize..block.row_start[s + 1] as usize;
        for (i, &(step, source)) in spikes.iter().enumerate() {
            // A later row's bounds, and a nearer one's first lines of targets and
            // state, asked for while this row is walked.
            if let Some(&(_, later)) = spikes.get(i + ROW_BOUNDS_AHEAD) {
                prefetch_line(&block.row_start[later as usize]);
            }
            if let Some(&(_, later)) = spikes.get(i + PREFETCH_ROWS_AHEAD) {
                let later = later as usize;
                let row = row_of(later);
                prefetch_lines(&block.targets[row.clone()]);
                prefetch_state(state, row, later);
            }
            let s = source as usize;
            let row = row_of(s);
            if row.is_empty() {
                continue;
            }
            let t_spike = plastic.spike_time(step);
            let sent = out.ring.slot(step);
            for k in row {
                let target = block.target(k);
                let delay = self.delay(block, k);
                let Some(weight) = transmit(state, k, s, target, t_spike, delay) else {
                    continue;
                };
                if let Some((events, incoming)) = out.recorded.as_mut() {
                    events.push(WeightEvent {
                        incoming: *incoming,
                        stamp: step + 1,
                        source,
                        synapse: k as u32,
                        weight,
                    });
                }
                let value = if out.counts_spikes { 1.0 } else { weight };
                let slot = out.ring.slot_after(sent, usize::from(delay));
                out.ring.add(slot, out.channel.of(value), target, value);
            }
            row_done(state, s, t_spike);
        }
    }
}
