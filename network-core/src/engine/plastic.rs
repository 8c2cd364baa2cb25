//! Plastic synapses: the rules of `stdp_synapse`, `tsodyks_synapse` and
//! `tsodyks2_synapse`, their per-synapse state in one block of targets, and the update of
//! one synapse by one spike (the delivery loop is `Projection::deliver_plastic`).
//!
//! The state lives with the target block (in its `BlockRuntime`), aligned with the
//! projection's compressed rows of that block, so the thread that owns the block updates
//! it without synchronisation, in the order of the sorted spikes: the result does not
//! depend on the thread count. A spike of multiplicity `n` (a parrot repeating several
//! spikes) is `n` equal entries in the spike list and is transmitted `n` times, as NEST
//! unrolls multiplicities of neurons' spikes before delivery.

use super::archive::SpikeArchive;
use crate::error::Result;
use crate::synapse::{StdpSynapse, Synapse, Tsodyks2Synapse, TsodyksSynapse};
use crate::time::{tics_to_ms, Resolution};

/// The rule of a plastic projection: its constant parameters and the time grid.
#[derive(Debug, Clone)]
pub(crate) struct Plastic {
    rule: Rule,
    tics_per_step: i64,
    /// NEST's `Time::delay_steps_to_ms`: steps times this (ms per step).
    ms_per_step: f64,
    /// Per target block, the initial state of the synapses onto it, set by the placement
    /// step and moved into the target block when the network is built.
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

impl Plastic {
    /// The rule of `synapse` on the time grid `res`, `None` for a static synapse. The
    /// initial state is set by the placement step (`network::placement`).
    pub fn new(synapse: &Synapse, res: &Resolution) -> Option<Self> {
        let rule = match synapse {
            Synapse::Static(_) => return None,
            Synapse::Stdp(s) => Rule::Stdp(s.clone()),
            Synapse::Tsodyks(s) => Rule::Tsodyks(s.clone()),
            Synapse::Tsodyks2(s) => Rule::Tsodyks2(s.clone()),
        };
        Some(Self {
            rule,
            tics_per_step: res.tics_per_step(),
            ms_per_step: res.tics_per_step() as f64 / crate::time::TICS_PER_MS as f64,
            initial: Vec::new(),
        })
    }

    /// Whether the rule keeps each synapse's weight in its state (STDP), so that the
    /// projection stores no weights of its own.
    pub fn owns_weights(&self) -> bool {
        matches!(self.rule, Rule::Stdp(_))
    }

    /// Whether the rule reads the postsynaptic spike history (STDP).
    pub fn needs_archive(&self) -> bool {
        matches!(self.rule, Rule::Stdp(_))
    }

    /// The state of `n` fresh synapses of this rule, `weight(k)` giving synapse `k`'s
    /// initial weight; STDP weights are checked against `Wmax` (`entity` names the
    /// projection).
    pub fn initial_state(
        &self,
        entity: &str,
        n: usize,
        weight: impl Fn(usize) -> f64,
    ) -> Result<PlasticState> {
        Ok(match &self.rule {
            Rule::Stdp(s) => {
                let mut states = Vec::with_capacity(n);
                for k in 0..n {
                    let weight = weight(k);
                    s.check_weight(entity, weight)?;
                    states.push(StdpState {
                        weight,
                        kplus: s.Kplus,
                        t_last: 0.0,
                    });
                }
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
        })
    }

    /// The dendritic delay of a synapse of `steps` steps, in ms as NEST computes it.
    pub fn delay_ms(&self, steps: u16) -> f64 {
        f64::from(steps) * self.ms_per_step
    }

    /// The time (ms) at which a spike emitted in step `step` is sent.
    pub fn spike_time(&self, step: i64) -> f64 {
        tics_to_ms((step + 1) * self.tics_per_step)
    }

    /// Transmits one spike sent at `t_spike` (ms) through synapse `k` of `state` onto
    /// `target` (index in the block) with a delay of `delay` steps, updating the
    /// synapse; returns the weight it delivers. `weight` is the projection's stored
    /// weight of the synapse (unused by STDP, whose weight is state); `archive` is the
    /// target block's spike history (required by STDP).
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn send(
        &self,
        state: &mut PlasticState,
        k: usize,
        archive: Option<&mut SpikeArchive>,
        target: usize,
        t_spike: f64,
        delay: u16,
        weight: impl FnOnce() -> f64,
    ) -> f64 {
        match (&self.rule, state) {
            (Rule::Stdp(p), PlasticState::Stdp(st)) => {
                let archive =
                    archive.expect("an stdp projection's target block keeps a spike archive");
                stdp(
                    p,
                    &mut st[k],
                    archive,
                    target,
                    t_spike,
                    self.delay_ms(delay),
                )
            }
            (Rule::Tsodyks(p), PlasticState::Tsodyks(st)) => {
                tsodyks(p, &mut st[k], t_spike) * weight()
            }
            (Rule::Tsodyks2(p), PlasticState::Tsodyks2(st)) => {
                tsodyks2(p, &mut st[k], t_spike) * weight()
            }
            _ => unreachable!("a projection's state matches its rule"),
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
