//! Memory accounting of a builder: every part of the network (neuron state, positions,
//! synapses, device connections, ring buffers) is estimated before it is allocated, and
//! a part that would take the total past the limit is an [`Error::Resources`] giving the
//! estimate and the limit, instead of an out-of-memory kill.
//!
//! The byte counts are those of the storage itself (`engine::projection`,
//! `engine::ring`, the models' state arrays); allocator overhead is not counted.
//! Recorded data grows while simulating: `Network::simulate` estimates what each call
//! adds to memory before it runs (multimeters exactly, spike recorders at
//! [`ASSUMED_RATE_HZ`], or at 1.5 times the rate measured in earlier runs where that is
//! higher) and refuses a call that would not fit (`Network::recording_estimate`).

use crate::connect::{ConnSpec, Endpoints};
use crate::engine::block::{block_count, BLOCK_LEN};
use crate::error::{Error, Result};
use crate::models::NeuronModel;
use crate::network::placement::{STAGED_BYTES, STAGED_TOTAL};
use crate::storage::Dyn;
use crate::synapse::Synapse;

/// Bytes of one synapse's target index in projection storage (`u16`).
const TARGET_BYTES: u64 = 2;
/// Bytes of a per-synapse delay (`u16` steps), stored when the delay is random.
const DELAY_BYTES: u64 = 2;
/// Bytes of one row start (`u32`) per source neuron and target block.
const ROW_START_BYTES: u64 = 4;
/// Bytes of one edge while a rule draws it (`u32` source index), freed after assembly.
const DRAWN_EDGE_BYTES: u64 = 4;
/// Bytes of one position (`spatial::Point`).
const POSITION_BYTES: u64 = 24;
/// Bytes of one ring-buffer slot of a block: three channels of `BLOCK_LEN` `f64`.
pub(crate) const RING_SLOT_BYTES: u64 = 3 * BLOCK_LEN as u64 * 8;
/// Bytes of one generator connection `(index, weight, delay)` as stored.
const DEVICE_CONNECTION_BYTES: u64 = 16;

/// Bytes of one spike event a recorder keeps in memory (`u32` sender, `i64` stamp).
pub(crate) const SPIKE_EVENT_BYTES: u64 = 12;
/// Bytes of one multimeter sample in memory besides its values (`u32` sender, `i64`
/// stamp); each recorded value adds 8.
pub(crate) const SAMPLE_BYTES: u64 = 12;
/// The firing rate (Hz) assumed of every neuron a spike recorder keeps in memory when
/// the memory a `simulate` call needs is estimated before it runs and nothing has been
/// measured yet; spike counts cannot be known in advance, and cortical networks fire
/// well below it. It is not an upper bound (a neuron may fire up to 1/t_ref): once a
/// recorder has recorded, [`MEASURED_RATE_MARGIN`] times its measured rate is used where that is higher.
pub const ASSUMED_RATE_HZ: f64 = 100.0;
/// The factor on a spike recorder's measured rate in its estimate: room for a network
/// that fires faster later than in its first runs, while staying within a factor 2 of
/// what the events take (`tests/recording_estimate.rs`).
pub const MEASURED_RATE_MARGIN: f64 = 1.5;

/// The memory a builder may use and has committed so far (bytes).
#[derive(Debug, Clone)]
pub(crate) struct MemoryBudget {
    pub limit: u64,
    pub committed: u64,
}

impl MemoryBudget {
    /// A budget of the machine's available memory (see [`available_memory`]).
    pub fn from_machine() -> Self {
        Self {
            limit: available_memory().unwrap_or(u64::MAX),
            committed: 0,
        }
    }

    /// Checks that `bytes` more (of which `transient` are freed again right after) fit,
    /// and commits the lasting part. `what` names the part for the error.
    pub fn reserve(&mut self, what: &str, bytes: u64, transient: u64) -> Result<()> {
        self.check(what, bytes, transient)?;
        self.committed += bytes;
        Ok(())
    }

    /// Checks that `bytes` more, and `transient` bytes on top for a while, would fit.
    pub fn check(&self, what: &str, bytes: u64, transient: u64) -> Result<()> {
        let peak = self
            .committed
            .saturating_add(bytes)
            .saturating_add(transient);
        if peak > self.limit {
            return Err(Error::Resources(format!(
                "{what} needs an estimated {} (the network so far: {}) but the memory limit is {}; \
                 make the network smaller, or raise the limit if the machine has more memory \
                 (NetworkBuilder::memory_limit, `network run --memory-limit`)",
                human(bytes.saturating_add(transient)),
                human(self.committed),
                human(self.limit)
            )));
        }
        Ok(())
    }
}

/// Checks a whole network's memory estimate (`bytes`, e.g. a `network!` type's
/// `MEMORY_ESTIMATE`) against `limit` (the machine's available memory where `None`)
/// before anything is allocated: an [`Error::Resources`] naming both numbers, and
/// suggesting a smaller network, where it does not fit.
pub fn check_estimate(what: &str, bytes: u64, limit: Option<u64>) -> Result<()> {
    MemoryBudget {
        limit: limit.or_else(available_memory).unwrap_or(u64::MAX),
        committed: 0,
    }
    .check(what, bytes, 0)
}

/// Memory the system can give to a new process without swapping (bytes): Linux's
/// `MemAvailable` from `/proc/meminfo`; `None` where that cannot be read.
///
/// Read directly rather than through a system-information crate: one line of one file
/// is all that is needed, and the engine runs on Linux.
pub fn available_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    parse_mem_available(&text)
}

fn parse_mem_available(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let mut words = line.split_whitespace().skip(1);
    let value: u64 = words.next()?.parse().ok()?;
    match words.next() {
        Some("kB") => value.checked_mul(1024),
        None => Some(value),
        Some(_) => None,
    }
}

/// A byte count for people: `5.35 GB`.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut v = bytes as f64;
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.2} {}", UNITS[unit])
    }
}

/// Bytes of the state of `len` neurons of model `M`: one array per state variable, each
/// element at most 8 bytes (the state struct holds one boxed slice per variable).
pub(crate) const fn neuron_bytes<M: NeuronModel>(len: usize) -> u64 {
    let arrays = std::mem::size_of::<M::State<Dyn>>() / std::mem::size_of::<Box<[f64]>>();
    let arrays = if arrays == 0 { 1 } else { arrays };
    (arrays as u64 * 8).saturating_mul(len as u64)
}

/// Bytes of the positions of `len` neurons.
pub(crate) const fn position_bytes(len: usize) -> u64 {
    POSITION_BYTES.saturating_mul(len as u64)
}

/// Bytes of `connections` generator connections.
pub(crate) const fn device_bytes(connections: usize) -> u64 {
    DEVICE_CONNECTION_BYTES.saturating_mul(connections as u64)
}

/// Bytes of the ring buffers of a population of `len` neurons with `slots` slots (a
/// block's ring in whole huge pages where it takes them, `engine::huge_pages`).
pub(crate) const fn ring_bytes(len: usize, slots: u64) -> u64 {
    (block_count(len) as u64).saturating_mul(crate::engine::huge_pages::footprint(
        slots.saturating_mul(RING_SLOT_BYTES),
    ))
}

/// The storage of a projection of `synapses` synapses: lasting bytes, and the bytes the
/// drawn edge list and the staged target words hold until assembly.
pub(crate) fn projection_bytes(
    synapses: u64,
    n_sources: usize,
    n_targets: usize,
    synapse: &Synapse,
) -> (u64, u64) {
    projection_bytes_on(
        synapses,
        n_sources,
        n_targets,
        block_count(n_targets),
        synapse,
    )
}

/// [`projection_bytes`] on a rank that owns `target_blocks` of the target blocks (and
/// holds `synapses`, the synapses onto them): the others hold no `row_start`.
pub(crate) fn projection_bytes_on(
    synapses: u64,
    n_sources: usize,
    n_targets: usize,
    target_blocks: usize,
    synapse: &Synapse,
) -> (u64, u64) {
    let base = synapse.base();
    storage_bytes(
        synapses,
        n_sources,
        n_targets,
        target_blocks,
        PerSynapse {
            model: synapse.kind(),
            weight: base.weight.weight_storage(),
            random_delay: base.delay.constant().is_none(),
            // Drawn after the build (`Network::draw_synapse_parameter`), counted then.
            drawn_parameters: false,
        },
    )
}

/// What each synapse of a projection stores: its model's state, and a weight and a
/// delay of its own where they are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerSynapse {
    /// The synapse model (its plastic state, if any, is stored per synapse).
    pub model: network_spec::SynapseModel,
    /// How the weights are kept: one for all, or per synapse in 4 or 8 bytes.
    pub weight: network_spec::WeightStorage,
    /// The delay is drawn per synapse (stored as `u16` steps each).
    pub random_delay: bool,
    /// A parameter of the model is drawn per synapse, which then keeps a rule of its own
    /// (`Network::draw_synapse_parameter`).
    pub drawn_parameters: bool,
}

/// The storage of `synapses` synapses between `n_sources` and `n_targets` neurons on a
/// rank owning `target_blocks` target blocks: lasting bytes, and the bytes the drawn
/// edge list and the staged target words (`placement::staging`) hold until assembly.
const fn storage_bytes(
    synapses: u64,
    n_sources: usize,
    n_targets: usize,
    target_blocks: usize,
    per: PerSynapse,
) -> (u64, u64) {
    let per_synapse = TARGET_BYTES
        + crate::engine::plastic::model_state_bytes(per.model)
        + per.weight.bytes_per_synapse()
        + if per.random_delay { DELAY_BYTES } else { 0 }
        + if per.drawn_parameters {
            crate::engine::plastic::RULE_BYTES
        } else {
            0
        };
    let blocks = target_blocks as u64;
    let rows = blocks.saturating_mul(n_sources as u64 + 1) * ROW_START_BYTES;
    let lasting = synapses.saturating_mul(per_synapse).saturating_add(rows);
    // The staging buffers hold a block's synapses on their way to their rows; they are
    // kept from one projection to the next, at most `STAGED_TOTAL` synapses in all.
    let staged = if synapses < STAGED_TOTAL {
        synapses
    } else {
        STAGED_TOTAL
    };
    let drawn = synapses
        .saturating_mul(DRAWN_EDGE_BYTES)
        .saturating_add((n_targets as u64 + 1) * 8)
        .saturating_add(staged * STAGED_BYTES);
    (lasting, drawn)
}

/// An upper estimate of the number of synapses `spec` creates between `ends`, from the
/// rule alone (before drawing): [`ConnSpec::expected_synapses_between`].
pub(crate) fn expected_synapses(spec: &ConnSpec, ends: &Endpoints) -> u64 {
    let extent = ends.source_space.map(|s| (s.extent().to_array(), s.dims()));
    let extent = extent.as_ref().map(|(e, dims)| &e[..*dims]);
    let pool = if spec.mask_on_target() {
        ends.target_space
    } else {
        ends.source_space
    };
    let grid = pool.and_then(|s| s.grid());
    spec.expected_synapses_between(ends.n_sources, ends.n_targets, extent, grid)
}

/// The bytes the builder reserves for each part of a network, computed from the
/// declarations alone, before any part is made: `network check --memory-limit` adds
/// them up (`network_load::memory_estimate`). The counts are the builder's own.
pub mod declared {
    use super::*;

    /// A population of `len` neurons of model `M`: its state, and its positions when
    /// `spatial`.
    pub const fn population<M: NeuronModel>(len: usize, spatial: bool) -> u64 {
        let positions = if spatial { position_bytes(len) } else { 0 };
        neuron_bytes::<M>(len).saturating_add(positions)
    }

    /// A projection of `spec` between `n_sources` and `n_targets` neurons (the source
    /// layer's extent in mm per dimension where it is spatial; the shape in nodes of the
    /// grid layer a grid mask is applied to), at the rule's upper estimate of its synapse
    /// count, as the builder checks it before drawing: the lasting bytes, and the bytes
    /// the drawn edges hold until assembly.
    pub fn projection(
        spec: &ConnSpec,
        n_sources: usize,
        n_targets: usize,
        (source_extent, mask_grid): (Option<&[f64]>, Option<&[usize]>),
        synapse: &Synapse,
    ) -> (u64, u64) {
        let synapses =
            spec.expected_synapses_between(n_sources, n_targets, source_extent, mask_grid);
        projection_bytes(synapses, n_sources, n_targets, synapse)
    }

    /// `synapses` synapses (a count from
    /// [`ConnSpec::expected_synapses_between`]) between `n_sources` and `n_targets`
    /// neurons, each storing what `per` says: the lasting bytes, and the bytes the drawn
    /// edges and the staged target words hold until assembly. [`projection`] for a front
    /// end that counts the synapses itself (`network_syntax::estimate`).
    pub const fn synapses(
        synapses: u64,
        n_sources: usize,
        n_targets: usize,
        per: PerSynapse,
    ) -> (u64, u64) {
        storage_bytes(synapses, n_sources, n_targets, block_count(n_targets), per)
    }

    /// The most memory a build of parts `(name, lasting, transient)` holds at once:
    /// every lasting part, plus the largest transient one (a rule's drawn edges).
    pub const fn peak(parts: &[(&str, u64, u64)]) -> u64 {
        let (mut lasting, mut transient, mut i) = (0u64, 0u64, 0);
        while i < parts.len() {
            lasting = lasting.saturating_add(parts[i].1);
            if parts[i].2 > transient {
                transient = parts[i].2;
            }
            i += 1;
        }
        lasting.saturating_add(transient)
    }

    /// A generator's `connections` connections.
    pub const fn generator(connections: usize) -> u64 {
        device_bytes(connections)
    }

    /// `n` rate neurons advancing in intervals of `len` steps (NEST's `min_delay`) with
    /// `ring` delayed-input slots, and `edges` rate connections.
    pub fn rate(n: usize, len: usize, ring: usize, edges: usize) -> u64 {
        crate::engine::rate::rate_bytes(n, len, ring, edges)
    }

    /// The ring buffers of a population of `len` neurons when the network's largest
    /// delay is `max_delay_steps` and a slice `slice_steps` long.
    pub const fn rings(len: usize, max_delay_steps: u64, slice_steps: u64) -> u64 {
        ring_bytes(len, max_delay_steps + slice_steps + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect::Rule;
    use crate::synapse::StaticSynapse;

    #[test]
    fn reads_mem_available_in_kilobytes() {
        let text = "MemTotal:       24000000 kB\nMemFree:  1 kB\nMemAvailable:   23000000 kB\n";
        assert_eq!(parse_mem_available(text), Some(23_000_000 * 1024));
        assert_eq!(parse_mem_available("MemTotal: 5 kB\n"), None);
    }

    #[test]
    fn refuses_what_does_not_fit_and_names_both_numbers() {
        let mut budget = MemoryBudget {
            limit: 1_000_000,
            committed: 0,
        };
        budget.reserve("population `a`", 600_000, 0).unwrap();
        let e = budget
            .reserve("projection `b`", 300_000, 200_000)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("projection `b`") && e.contains("500.00 kB") && e.contains("1.00 MB"),
            "{e}"
        );
        assert_eq!(budget.committed, 600_000, "a refused part commits nothing");
    }

    #[test]
    fn constant_synapses_take_two_bytes() {
        let constant = StaticSynapse::new(1.0, 1.5);
        let (lasting, drawn) = projection_bytes(1_000_000, 1024, 1024, &constant.into());
        assert_eq!(lasting, 2_000_000 + 1025 * 4);
        // The drawn sources (4 bytes each), the offsets per target, and each synapse's
        // target word staged on its way to its row (4 bytes).
        assert_eq!(drawn, 4_000_000 + 1025 * 8 + 4_000_000);
        let random = StaticSynapse::new(
            crate::Value::Uniform { min: 0.0, max: 1.0 },
            crate::Value::Uniform { min: 1.0, max: 2.0 },
        );
        // A 2-byte word, a 4-byte weight (drawn, so single precision), a 2-byte delay.
        assert_eq!(
            projection_bytes(1_000_000, 1024, 1024, &random.into()).0,
            8_000_000 + 1025 * 4
        );
    }

    #[test]
    fn a_billion_synapse_brunel_fits_this_machine() {
        // README, Performance: Brunel at scale 64 (NE = 640,000, NI = 160,000, CE = 1000,
        // CI = 250) has 10^9 synapses and builds in 5.4 GB on a 24 GB machine.
        let (ne, ni) = (640_000, 160_000);
        let synapse = StaticSynapse::new(87.8, 1.5);
        let (mut synapses, mut lasting, mut peak_drawn) = (0, 0, 0);
        for (ns, nt, k) in [(ne, ne, 1000), (ne, ni, 1000), (ni, ne, 250), (ni, ni, 250)] {
            let ends = Endpoints {
                n_sources: ns,
                n_targets: nt,
                same: crate::connect::SameNeurons::of(ns == nt),
                source_space: None,
                target_space: None,
            };
            let n = expected_synapses(&ConnSpec::new(Rule::FixedIndegree(k)), &ends);
            let (l, d) = projection_bytes(n, ns, nt, &synapse.clone().into());
            synapses += n;
            lasting += l;
            peak_drawn = peak_drawn.max(d);
        }
        lasting += neuron_bytes::<crate::IafPscAlpha>(ne + ni);
        lasting += ring_bytes(ne, 32) + ring_bytes(ni, 32);
        assert_eq!(synapses, 1_000_000_000);
        let peak = lasting + peak_drawn;
        assert!(
            (4_000_000_000..10_000_000_000).contains(&peak),
            "estimate {}",
            human(peak)
        );
    }
}
