//! Plastic synapses at work: per-synapse state of `stdp_synapse`, `tsodyks_synapse` and
//! `tsodyks2_synapse` in one block of targets, and the delivery that updates it.
//!
//! The state lives with the target block (in its `BlockRuntime`), aligned with the
//! projection's compressed rows of that block, so the thread that owns the block updates
//! it without synchronisation, in the order of the sorted spikes: the result does not
//! depend on the thread count. A spike of multiplicity `n` (a parrot repeating several
//! spikes) is `n` equal entries in the spike list and is transmitted `n` times, as NEST
//! unrolls multiplicities of neurons' spikes before delivery.

use super::archive::SpikeArchive;
use super::population::{PopulationDyn, BLOCK_LEN};
use super::projection::Projection;
use super::ring::Ring;
use crate::error::Result;
use crate::synapse::{StdpSynapse, Synapse, Tsodyks2Synapse, TsodyksSynapse};
use crate::time::{tics_to_ms, Resolution};

/// The rule of a plastic projection: its constant parameters and the time grid.
#[derive(Debug, Clone)]
pub(crate) struct Plastic {
    pub rule: Rule,
    tics_per_step: i64,
    /// NEST's `Time::delay_steps_to_ms`: steps times this (ms per step).
    ms_per_step: f64,
    /// Per block, the initial state, moved into the target block when the network is
    /// built.
    pub initial: Vec<PlasticState>,
}

/// A plastic rule's constants.
#[derive(Debug, Clone)]
pub(crate) enum Rule {
    Stdp(StdpSynapse),
    Tsodyks(TsodyksSynapse),
    Tsodyks2(Tsodyks2Synapse),
}

/// `stdp_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StdpState {
    pub weight: f64,
    kplus: f64,
    t_last: f64,
}

/// `tsodyks_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TsodyksState {
    x: f64,
    y: f64,
    u: f64,
    t_last: f64,
}

/// `tsodyks2_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tsodyks2State {
    x: f64,
    u: f64,
    t_last: f64,
}

/// The state of a plastic projection's synapses onto one block, one entry per synapse in
/// the order of the block's rows.
#[derive(Debug, Clone)]
pub(crate) enum PlasticState {
    Stdp(Vec<StdpState>),
    Tsodyks(Vec<TsodyksState>),
    Tsodyks2(Vec<Tsodyks2State>),
}

impl PlasticState {
    /// Memory held (bytes).
    pub fn bytes(&self) -> usize {
        match self {
            PlasticState::Stdp(v) => v.len() * std::mem::size_of::<StdpState>(),
            PlasticState::Tsodyks(v) => v.len() * std::mem::size_of::<TsodyksState>(),
            PlasticState::Tsodyks2(v) => v.len() * std::mem::size_of::<Tsodyks2State>(),
        }
    }

    /// The current weight of synapse `k`, if the rule changes weights.
    pub fn weight(&self, k: usize) -> Option<f64> {
        match self {
            PlasticState::Stdp(v) => Some(v[k].weight),
            _ => None,
        }
    }
}

/// Bytes of per-synapse state a projection with `synapse` keeps beyond a static one's.
pub(crate) fn state_bytes(synapse: &Synapse) -> u64 {
    (match synapse {
        Synapse::Static(_) => 0,
        Synapse::Stdp(_) => std::mem::size_of::<StdpState>(),
        Synapse::Tsodyks(_) => std::mem::size_of::<TsodyksState>(),
        Synapse::Tsodyks2(_) => std::mem::size_of::<Tsodyks2State>(),
    }) as u64
}

/// Makes `projection` plastic under `synapse` (a plastic model): sets up each block's
/// initial state from the weights assembled like a static projection's. STDP weights
/// become per-synapse state (checked against `Wmax`); tsodyks weights stay where they
/// are. A static synapse leaves the projection as it is.
pub(crate) fn attach(
    projection: &mut Projection,
    synapse: &Synapse,
    res: &Resolution,
) -> Result<()> {
    let rule = match synapse {
        Synapse::Static(_) => return Ok(()),
        Synapse::Stdp(s) => Rule::Stdp(s.clone()),
        Synapse::Tsodyks(s) => Rule::Tsodyks(s.clone()),
        Synapse::Tsodyks2(s) => Rule::Tsodyks2(s.clone()),
    };
    let mut initial = Vec::with_capacity(projection.blocks.len());
    for block in &mut projection.blocks {
        let n = block.targets.len();
        initial.push(match &rule {
            Rule::Stdp(s) => {
                let mut states = Vec::with_capacity(n);
                for k in 0..n {
                    let weight = projection.weight.unwrap_or_else(|| block.weights[k]);
                    s.check_weight(&projection.name, weight)?;
                    states.push(StdpState {
                        weight,
                        kplus: s.Kplus,
                        t_last: 0.0,
                    });
                }
                // The weights now live in the state only.
                block.weights = Vec::new();
                PlasticState::Stdp(states)
            }
            Rule::Tsodyks(s) => PlasticState::Tsodyks(vec![
                TsodyksState {
                    x: s.x,
                    y: s.y,
                    u: s.u,
                    t_last: 0.0,
                };
                n
            ]),
            Rule::Tsodyks2(s) => PlasticState::Tsodyks2(vec![
                Tsodyks2State {
                    x: s.x,
                    u: s.u,
                    t_last: -1.0,
                };
                n
            ]),
        });
    }
    if matches!(rule, Rule::Stdp(_)) {
        projection.weight = None;
    }
    projection.plastic = Some(Box::new(Plastic {
        rule,
        tics_per_step: res.tics_per_step(),
        ms_per_step: res.tics_per_step() as f64 / crate::time::TICS_PER_MS as f64,
        initial,
    }));
    Ok(())
}

/// Moves each plastic projection's initial state into its target's blocks (aligned with
/// `incoming`, the projections onto each population) and gives every population that an
/// STDP projection targets a spike archive per block. `slice_len` is the number of steps
/// between spike exchanges.
pub(crate) fn install(
    populations: &mut [Box<dyn PopulationDyn>],
    incoming: &mut [Vec<Projection>],
    slice_len: i64,
    res: &Resolution,
) {
    for (population, projections) in populations.iter_mut().zip(incoming.iter_mut()) {
        let len = population.len();
        let mut n_incoming: Option<Vec<u32>> = None;
        let mut stdp_max_delay = 0;
        for (k, projection) in projections.iter_mut().enumerate() {
            let Some(plastic) = projection.plastic.as_mut() else {
                continue;
            };
            if let Rule::Stdp(_) = plastic.rule {
                stdp_max_delay = stdp_max_delay.max(projection.max_delay);
                let counts = n_incoming.get_or_insert_with(|| vec![0; len]);
                for (b, block) in projection.blocks.iter().enumerate() {
                    for &t in &block.targets {
                        counts[b * BLOCK_LEN + usize::from(t)] += 1;
                    }
                }
            }
            let blocks = population.blocks();
            for (b, state) in std::mem::take(&mut plastic.initial).into_iter().enumerate() {
                let slots = &mut blocks[b].plastic;
                if slots.len() <= k {
                    slots.resize(k + 1, None);
                }
                slots[k] = Some(state);
            }
        }
        if let Some(counts) = n_incoming {
            let tau_minus = population
                .param("tau_minus")
                .expect("an stdp target has tau_minus (checked when connecting)");
            let ms_per_step = res.tics_per_step() as f64 / crate::time::TICS_PER_MS as f64;
            let horizon = (f64::from(stdp_max_delay) + slice_len as f64) * ms_per_step;
            for (b, rt) in population.blocks().iter_mut().enumerate() {
                let neurons = &counts[b * BLOCK_LEN..((b + 1) * BLOCK_LEN).min(len)];
                rt.archive = Some(SpikeArchive::new(
                    tau_minus,
                    horizon,
                    res.tics_per_step(),
                    neurons,
                ));
            }
        }
    }
}

impl Plastic {
    /// The dendritic delay of a synapse of `steps` steps, in ms as NEST computes it.
    pub fn delay_ms(&self, steps: u16) -> f64 {
        f64::from(steps) * self.ms_per_step
    }
}

/// Delivers the spikes `(step, source)` of `projection`'s sources through its plastic
/// synapses onto block `b`, updating `state` (and reading `archive`, the postsynaptic
/// spike history, for STDP). A target that counts spikes (`counts_spikes`, a parrot)
/// receives 1 per spike instead of the weight.
#[allow(clippy::too_many_arguments)]
pub(crate) fn deliver(
    projection: &Projection,
    plastic: &Plastic,
    state: &mut PlasticState,
    b: usize,
    spikes: &[(i64, u32)],
    ring: &mut Ring,
    mut archive: Option<&mut SpikeArchive>,
    counts_spikes: bool,
    channel: impl Fn(f64) -> usize,
) {
    let block = &projection.blocks[b];
    if block.targets.is_empty() {
        return;
    }
    for &(step, source) in spikes {
        let s = source as usize;
        let row = block.row_start[s] as usize..block.row_start[s + 1] as usize;
        if row.is_empty() {
            continue;
        }
        let t_spike = tics_to_ms((step + 1) * plastic.tics_per_step);
        let sent = ring.slot(step);
        for k in row {
            let target = usize::from(block.targets[k]);
            let delay = projection.delay.unwrap_or_else(|| block.delays[k]);
            let weight = match (&plastic.rule, &mut *state) {
                (Rule::Stdp(p), PlasticState::Stdp(st)) => {
                    let archive = archive
                        .as_deref_mut()
                        .expect("an stdp projection's target block keeps a spike archive");
                    stdp(
                        p,
                        &mut st[k],
                        archive,
                        target,
                        t_spike,
                        plastic.delay_ms(delay),
                    )
                }
                (Rule::Tsodyks(p), PlasticState::Tsodyks(st)) => {
                    let w = projection.weight.unwrap_or_else(|| block.weights[k]);
                    tsodyks(p, &mut st[k], t_spike) * w
                }
                (Rule::Tsodyks2(p), PlasticState::Tsodyks2(st)) => {
                    let w = projection.weight.unwrap_or_else(|| block.weights[k]);
                    tsodyks2(p, &mut st[k], t_spike) * w
                }
                _ => unreachable!("a projection's state matches its rule"),
            };
            let value = if counts_spikes { 1.0 } else { weight };
            let slot = ring.slot_after(sent, usize::from(delay));
            ring.add(slot, channel(value), target, value);
        }
    }
}

/// NEST's `stdp_synapse::send`: facilitation by each postsynaptic spike in
/// `(t_last − d, t_spike − d]`, depression by Kminus at `t_spike − d`, then the
/// presynaptic trace. Returns the weight sent.
fn stdp(
    p: &StdpSynapse,
    st: &mut StdpState,
    archive: &mut SpikeArchive,
    target: usize,
    t_spike: f64,
    dendritic_delay: f64,
) -> f64 {
    let mut w = st.weight;
    for entry in archive.read(
        target,
        st.t_last - dendritic_delay,
        t_spike - dendritic_delay,
    ) {
        let minus_dt = st.t_last - (entry.t + dendritic_delay);
        w = facilitate(p, w, st.kplus * (minus_dt / p.tau_plus).exp());
    }
    w = depress(p, w, archive.kminus(target, t_spike - dendritic_delay));
    st.weight = w;
    st.kplus = st.kplus * ((st.t_last - t_spike) / p.tau_plus).exp() + 1.0;
    st.t_last = t_spike;
    w
}

fn facilitate(p: &StdpSynapse, w: f64, kplus: f64) -> f64 {
    let norm_w = (w / p.Wmax) + (p.lambda * (1.0 - (w / p.Wmax)).powf(p.mu_plus) * kplus);
    if norm_w < 1.0 {
        norm_w * p.Wmax
    } else {
        p.Wmax
    }
}

fn depress(p: &StdpSynapse, w: f64, kminus: f64) -> f64 {
    let norm_w = (w / p.Wmax) - (p.alpha * p.lambda * (w / p.Wmax).powf(p.mu_minus) * kminus);
    if norm_w > 0.0 {
        norm_w * p.Wmax
    } else {
        0.0
    }
}

/// NEST's `tsodyks_synapse::send`: propagates x, y, u from the last spike, then uses
/// `u·x`. Returns the fraction of the weight sent.
fn tsodyks(p: &TsodyksSynapse, st: &mut TsodyksState, t_spike: f64) -> f64 {
    let h = t_spike - st.t_last;
    let puu = if p.tau_fac == 0.0 {
        0.0
    } else {
        (-h / p.tau_fac).exp()
    };
    let pyy = (-h / p.tau_psc).exp();
    // NEST calls the C library's expm1 here (not its own Taylor series).
    let pzz = (-h / p.tau_rec).exp_m1();
    let pxy = (pzz * p.tau_rec - (pyy - 1.0) * p.tau_psc) / (p.tau_psc - p.tau_rec);
    let z = 1.0 - st.x - st.y;
    st.u *= puu;
    st.x += pxy * st.y - pzz * z;
    st.y *= pyy;
    st.u += p.U * (1.0 - st.u);
    let delta_y = st.u * st.x;
    st.x -= delta_y;
    st.y += delta_y;
    st.t_last = t_spike;
    delta_y
}

/// NEST's `tsodyks2_synapse::send`: recovers x and relaxes u since the last spike (none
/// before the first), then sends `x·u`.
fn tsodyks2(p: &Tsodyks2Synapse, st: &mut Tsodyks2State, t_spike: f64) -> f64 {
    if st.t_last >= 0.0 {
        let h = t_spike - st.t_last;
        let x_decay = (-h / p.tau_rec).exp();
        let u_decay = if p.tau_fac == 0.0 {
            0.0
        } else {
            (-h / p.tau_fac).exp()
        };
        st.x = 1.0 + (st.x - st.x * st.u - 1.0) * x_decay;
        st.u = p.U + st.u * (1.0 - p.U) * u_decay;
    }
    st.t_last = t_spike;
    st.x * st.u
}
