//! Rate populations at work: NEST's secondary events between rate neurons.
//!
//! Rate neurons live beside the spiking populations in one network and advance in the
//! same slices, but exchange rates, not spikes (NEST forbids mixing the two). Per
//! communication interval (NEST's `min_delay`, the network's slice) the system does
//! what NEST's `SimulationManager::update_` does for them:
//!
//! 1. delivers the previous interval's events: each source's rates at the start of
//!    every step through `rate_connection_delayed` (`delay` steps later), and its final
//!    rate, constant over the interval, through `rate_connection_instantaneous` (the
//!    first guess of the iteration below);
//! 2. with waveform relaxation (`use_wfr`, NEST's default, when any rate connection
//!    exists) updates every neuron over the whole interval from the same state, sends
//!    its rates to its instantaneous targets, and repeats until no rate moved by more
//!    than `wfr_tol` since the previous iteration, or `wfr_max_iterations` times;
//! 3. updates every neuron for good with the instantaneous input of the last iteration,
//!    records it and keeps the events for the next interval.
//!
//! Input arrives at each target in NEST's order: by source, then connection in creation
//! order, then step, so sums are bit-identical. Each neuron draws its noise from its own
//! stream (NEST's `normal_distribution` per thread is not reproduced: noisy runs match
//! NEST in distribution, deterministic ones bit for bit).
//!
//! On several ranks each rank owns a contiguous range of every population
//! (`distribution/rate.rs`, behind [`RateExchange`])
//! and holds the state, the streams, the incoming connections and the samples of those
//! neurons only. The rates a final update sent go to every rank once per interval (with
//! the final rates, the instantaneous connections' first guess), and each waveform-
//! relaxation iteration's rates go to every rank with a global test of convergence;
//! each rank then adds every source's input to its own targets in the order above, so
//! any number of ranks gives the sums, the iterations and the samples of one process.

mod population;

pub(crate) use population::{RateBuffers, RatePopulation, RatePopulationDyn};

/// How the ranks share the rates of their neurons (`distribution::rate::Share`).
pub(crate) trait RateExchange: Send + Sync {
    /// Whether there is more than one rank (else nothing is exchanged).
    fn distributed(&self) -> bool;
    /// Every rank's values (`per` values per owned neuron, `local[p]` for population
    /// `p`), each population's in index order, and whether `flag` is set on some rank.
    /// Collective: every rank calls it, in the same order.
    fn gather(&self, local: &[Vec<f64>], per: usize, flag: bool) -> (Vec<Vec<f64>>, bool);
}

use std::borrow::Cow;

use crate::models::Recordable;

/// One rate connection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RateEdge {
    /// The target's population.
    pub population: u32,
    /// The target's index in its population.
    pub target: u32,
    /// The weight (its sign picks the excitatory or inhibitory input).
    pub weight: f64,
    /// The delay in steps (`rate_connection_delayed`).
    pub delay: i64,
}

/// NEST's waveform-relaxation settings as the engine uses them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Relaxation {
    pub use_wfr: bool,
    pub tol: f64,
    pub max_iterations: usize,
}

/// A multimeter on rate neurons.
#[derive(Debug)]
pub(crate) struct RateMeter {
    pub name: String,
    pub population: usize,
    pub targets: Vec<u32>,
    pub record_from: Vec<Recordable>,
    /// Sampling grid `(interval, offset)` and window `(start, stop]`, in steps (as a
    /// spiking multimeter's: samples at the stamps `offset + k · interval` inside it).
    pub grid: (i64, i64),
    pub window: (i64, i64),
    /// The first node id of the population (senders are node ids).
    pub first_node_id: u32,
    /// Samples not yet collected: `(stamp, sender)` and `record_from.len()` values each.
    pub stamps: Vec<(i64, u32)>,
    pub values: Vec<f64>,
    /// Each sample's place in the order one process takes them in (since the last
    /// collection): samples of several ranks merge by it.
    pub order: Vec<u64>,
}

impl RateMeter {
    /// Whether a sample is due at stamp `stamp` (the end of step `stamp − 1`): on the
    /// grid and inside the window, NEST's rule for every multimeter.
    fn due(&self, stamp: i64) -> bool {
        let ((interval, offset), (start, stop)) = (self.grid, self.window);
        stamp >= offset && (stamp - offset) % interval == 0 && start < stamp && stamp <= stop
    }
}

/// Every rate population, connection and multimeter of a network.
pub(crate) struct RateSystem {
    pub populations: Vec<Box<dyn RatePopulationDyn>>,
    /// Per population, per source neuron (every rank's): its delayed and its
    /// instantaneous connections onto this rank's neurons, in creation order (targets
    /// indexed among this rank's neurons of their population).
    pub delayed: Vec<Vec<Vec<RateEdge>>>,
    pub instant: Vec<Vec<Vec<RateEdge>>>,
    pub relaxation: Relaxation,
    /// The interval (steps): NEST's `min_delay`.
    pub len: usize,
    pub meters: Vec<RateMeter>,
    /// Per population, its positions if it has a layout (`Network::rate_positions`).
    pub spaces: Vec<Option<std::sync::Arc<crate::spatial::Space>>>,
    /// The ranks and the neurons they own.
    share: Box<dyn RateExchange>,
    /// Per population, the rates each of this rank's neurons sent in the last final
    /// update (`len` per neuron, zero before the lag it started at).
    sent: Vec<Vec<f64>>,
    /// The step the interval of the events waiting for delivery started at, and the
    /// lag its last part started at (0 unless a run ended inside the interval).
    sent_start: Option<(i64, usize)>,
    /// Per population, each of this rank's neurons' rate when those events were sent (a `set` of
    /// `rate` between runs does not change them).
    finals: Vec<Vec<f64>>,
    /// Intervals in which the iteration stopped at `wfr_max_iterations` (NEST warns).
    pub unconverged: u64,
    /// Iterations done so far, over all intervals.
    pub iterations: u64,
    /// Whether the network has rate connections (on any rank).
    pub connected: bool,
}

/// The bytes of `n` rate neurons advancing in intervals of `len` steps with `ring`
/// delayed-input slots each (their `RateBuffers`, their random streams and the rates
/// they send per interval), and of `edges` rate connections.
pub fn rate_bytes(n: usize, len: usize, ring: usize, edges: usize) -> u64 {
    let (n, len, ring) = (n as u64, len as u64, ring as u64);
    // rate, noise, the final rate sent; delayed ex/in rings; instant ex/in, last_y, xi,
    // rec_rate, rec_noise and the sent rates, per step of an interval.
    let floats = n * (3 + 2 * ring + 7 * len);
    floats * 8
        + n * std::mem::size_of::<crate::rng::Stream>() as u64
        + edges as u64 * std::mem::size_of::<RateEdge>() as u64
}

impl RateSystem {
    /// The bytes the system holds (see [`rate_bytes`]).
    pub fn memory_bytes(&self) -> u64 {
        let edges = |e: &Vec<Vec<Vec<RateEdge>>>| e.iter().flatten().map(Vec::len).sum::<usize>();
        let buffers: u64 = self
            .populations
            .iter()
            .map(|p| {
                let b = p.buffers_ref();
                rate_bytes(b.n, b.len, b.ring, 0)
            })
            .sum();
        buffers + rate_bytes(0, 0, 0, edges(&self.delayed) + edges(&self.instant))
    }

    /// A system of these populations (this rank's neurons of them) and connections
    /// (indexed like `populations`), advancing in intervals of `len` steps, shared over
    /// the ranks of `share`.
    pub fn new(
        populations: Vec<Box<dyn RatePopulationDyn>>,
        delayed: Vec<Vec<Vec<RateEdge>>>,
        instant: Vec<Vec<Vec<RateEdge>>>,
        relaxation: Relaxation,
        len: usize,
        meters: Vec<RateMeter>,
        share: Box<dyn RateExchange>,
    ) -> Self {
        let sent = populations
            .iter()
            .map(|p| vec![0.0; p.buffers_ref().n * len])
            .collect();
        let finals = populations
            .iter()
            .map(|p| vec![0.0; p.buffers_ref().n])
            .collect();
        // This rank's connections; the builder sets whether any rank has some.
        let any = |edges: &Vec<Vec<Vec<RateEdge>>>| edges.iter().flatten().any(|e| !e.is_empty());
        let connected = any(&delayed) || any(&instant);
        Self {
            share,
            finals,
            populations,
            delayed,
            instant,
            relaxation,
            len,
            meters,
            spaces: Vec::new(),
            sent,
            sent_start: None,
            unconverged: 0,
            iterations: 0,
            connected,
        }
    }

    /// Whether the network has rate neurons.
    pub fn is_empty(&self) -> bool {
        self.populations.is_empty()
    }

    /// Whether the network has rate connections (on any rank: every rank gives the
    /// same answer, as every rank must take part in the iteration's exchanges).
    fn has_connections(&self) -> bool {
        self.connected
    }

    /// Every rank's `local` values (`per` per neuron) in index order: `local` itself on
    /// one process. Collective on several ranks.
    fn everyone<'a>(&self, local: &'a [Vec<f64>], per: usize) -> Cow<'a, [Vec<f64>]> {
        if self.share.distributed() {
            Cow::Owned(self.share.gather(local, per, false).0)
        } else {
            Cow::Borrowed(local)
        }
    }

    /// Advances every rate neuron over steps `start..end`, which lie in one interval
    /// (the interval starts at a multiple of `len`; a run that ended inside it left
    /// `start` there, and NEST continues the interval in the next run).
    pub fn run_interval(&mut self, start: i64, end: i64) {
        if self.populations.is_empty() {
            return;
        }
        let len = self.len as i64;
        let origin = start - start.rem_euclid(len);
        let (from, to) = ((start - origin) as usize, (end - origin) as usize);
        debug_assert!(from < to && to <= self.len);
        if from == 0 {
            self.deliver();
        }
        if self.relaxation.use_wfr && self.has_connections() {
            // Over the rest of the whole interval, even when the run ends inside it.
            self.relax(origin, from);
        }
        for (p, population) in self.populations.iter_mut().enumerate() {
            // The rates of lags before `from` are sent as zeros.
            self.sent[p].fill(0.0);
            population.update(origin, from..to, None, &mut self.sent[p]);
        }
        if to == self.len {
            // NEST gathers events at the end of an interval only: those of its last part.
            self.sent_start = Some((origin, from));
            for (finals, p) in self.finals.iter_mut().zip(&self.populations) {
                finals.copy_from_slice(&p.buffers_ref().rate);
            }
        }
        self.record(origin, from..to);
    }

    /// Delivers the events of the last interval's last part, sent from lag `from` on:
    /// the rates at the start of each step through delayed connections, and the final
    /// rate (zero before `from`), the first guess for this interval, through
    /// instantaneous ones.
    fn deliver(&mut self) {
        let Some((sent_start, from)) = self.sent_start.take() else {
            return;
        };
        let local = std::mem::take(&mut self.sent);
        let sent = self.everyone(&local, self.len);
        self.deliver_delayed(&sent, sent_start);
        drop(sent);
        let len = self.len;
        let finals: Vec<Vec<f64>> = self
            .everyone(&self.finals, 1)
            .iter()
            .map(|rates| {
                rates
                    .iter()
                    .flat_map(|&r| (0..len).map(move |lag| if lag < from { 0.0 } else { r }))
                    .collect()
            })
            .collect();
        self.deliver_instant(&finals);
        self.sent = local;
    }

    /// NEST's waveform relaxation over lags `from..len` of the interval at `origin`:
    /// iterations from the same state until no rate moves by more than the tolerance,
    /// each sending its rates to the instantaneous targets.
    fn relax(&mut self, origin: i64, from: usize) {
        let mut trial: Vec<Vec<f64>> = self.sent.iter().map(|s| vec![0.0; s.len()]).collect();
        for _ in 0..self.relaxation.max_iterations {
            self.iterations += 1;
            let mut exceeded = false;
            for (p, population) in self.populations.iter_mut().enumerate() {
                exceeded |= population.update(
                    origin,
                    from..self.len,
                    Some(self.relaxation.tol),
                    &mut trial[p],
                );
            }
            if self.share.distributed() {
                // Every rank's rates, and whether some rate moved on some rank.
                let (all, anywhere) = self.share.gather(&trial, self.len, exceeded);
                self.deliver_instant(&all);
                exceeded = anywhere;
            } else {
                self.deliver_instant(&trial);
            }
            if !exceeded {
                return;
            }
        }
        self.unconverged += 1;
    }

    /// Adds `w · x` (or `w · φ(x)`) of every source's rates `x` to its delayed targets.
    fn deliver_delayed(&mut self, sent: &[Vec<f64>], sent_start: i64) {
        let len = self.len;
        for (p, sources) in self.delayed.iter().enumerate() {
            for (i, edges) in sources.iter().enumerate() {
                let rates = &sent[p][i * len..(i + 1) * len];
                for e in edges {
                    let target = &mut self.populations[e.population as usize];
                    for (lag, &x) in rates.iter().enumerate() {
                        let v = e.weight * target.transform(x);
                        target.buffers().add_delayed(
                            e.target as usize,
                            sent_start + lag as i64 + e.delay,
                            v,
                            e.weight >= 0.0,
                        );
                    }
                }
            }
        }
    }

    /// Adds `w · x` (or `w · φ(x)`) of every source's rates `x` at each lag to its
    /// instantaneous targets.
    fn deliver_instant(&mut self, rates: &[Vec<f64>]) {
        let len = self.len;
        for (p, sources) in self.instant.iter().enumerate() {
            for (i, edges) in sources.iter().enumerate() {
                let rates = &rates[p][i * len..(i + 1) * len];
                for e in edges {
                    let target = &mut self.populations[e.population as usize];
                    for (lag, &x) in rates.iter().enumerate() {
                        let v = e.weight * target.transform(x);
                        target
                            .buffers()
                            .add_instant(e.target as usize, lag, v, e.weight >= 0.0);
                    }
                }
            }
        }
    }

    /// Samples the multimeters due in lags `lags` of the interval at `origin` (a sample
    /// at stamp `s + 1` holds the state after step `s`).
    /// Only this rank's neurons are sampled; `order` keeps the place of each sample
    /// in the order one process takes them in.
    fn record(&mut self, origin: i64, lags: std::ops::Range<usize>) {
        for m in &mut self.meters {
            let b = self.populations[m.population].buffers_ref();
            let mine = b.first..b.first + b.n;
            let count = m.targets.len() as u64;
            for lag in lags.clone() {
                let stamp = origin + lag as i64 + 1;
                if !m.due(stamp) {
                    continue;
                }
                for (k, &i) in m.targets.iter().enumerate() {
                    if !mine.contains(&(i as usize)) {
                        continue;
                    }
                    let local = i as usize - b.first;
                    m.stamps.push((stamp, m.first_node_id + i));
                    m.order.push(lag as u64 * count + k as u64);
                    m.values
                        .extend(m.record_from.iter().map(|&v| b.recorded(v, local, lag)));
                }
            }
        }
    }
}
