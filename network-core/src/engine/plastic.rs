//! Plastic and stochastic synapses: the rule of a projection (`stdp_synapse`,
//! `stdp_synapse_hom`, `stdp_pl_synapse_hom`, `vogels_sprekeler_synapse`,
//! `stdp_triplet_synapse`, `tsodyks_synapse`, `tsodyks2_synapse`, `bernoulli_synapse`,
//! `quantal_stp_synapse`), its per-synapse state in one block of
//! targets, and the update of one synapse by one spike (the rules' arithmetic is in
//! `engine::rules`; the delivery loop is `Projection::deliver_plastic`).
//!
//! The state lives with the target block (in its `BlockRuntime`), aligned with the
//! projection's compressed rows of that block, so the thread that owns the block updates
//! it without synchronisation, in the order of the sorted spikes: the result does not
//! depend on the thread count. The stochastic models draw from one stream per projection
//! and target block (`Purpose::Transmission`), in the same order, so their results depend
//! on the seed alone. A spike of multiplicity `n` (a parrot repeating several spikes) is
//! `n` equal entries in the spike list and is transmitted `n` times, as NEST unrolls
//! multiplicities of neurons' spikes before delivery.

use super::archive::SpikeArchive;
use super::rules::{
    self, QuantalState, StdpPl, StdpState, TraceMemo, TripletState, Tsodyks2State, TsodyksState,
};
use crate::error::Result;
use crate::rng::Stream;
use crate::synapse::{
    BernoulliSynapse, QuantalStpSynapse, StdpPlSynapseHom, StdpSynapse, StdpTripletSynapse,
    Synapse, Tsodyks2Synapse, TsodyksSynapse, VogelsSprekelerSynapse,
};
use crate::time::{tics_to_ms, Resolution};

mod initial;
mod row_traces;
mod varied;

pub(crate) use row_traces::RowTraces;

/// The rule of a plastic projection: its constant parameters and the time grid.
#[derive(Debug, Clone)]
pub(crate) struct Plastic {
    rule: Rule,
    /// Per target block, per synapse (in the block's row order): the rule with the
    /// parameters of that synapse, once a parameter differs between synapses (NEST
    /// keeps every parameter per synapse); empty while all share `rule`
    /// (`plastic/varied.rs`).
    varied: Vec<Vec<Rule>>,
    tics_per_step: i64,
    /// NEST's `Time::delay_steps_to_ms`: steps times this (ms per step).
    ms_per_step: f64,
    /// Per target block, the initial state of the synapses onto it, set by the placement
    /// step and moved into the target block when the network is built.
    pub initial: Vec<PlasticState>,
}

/// Why a projection's state has the variant of its rule's model (both are made together).
const MATCHES_RULE: &str = "a projection's state matches its rule";

/// Why delivery through a rule that reads the spike history may expect the archive.
pub(crate) const ARCHIVE: &str = "an STDP projection's target block keeps a spike archive";

/// A rule that reads the postsynaptic spike history, shared by every synapse onto one
/// block, with those synapses' state (from [`Plastic::history_rule`]): the delivery
/// loop resolves it once per call instead of once per synapse.
pub(crate) enum HistoryRule<'a> {
    Stdp(&'a StdpSynapse, StdpStates<'a>),
    StdpPl(&'a StdpPl, StdpStates<'a>),
    Vogels(&'a VogelsSprekelerSynapse, StdpStates<'a>),
    Triplet(&'a StdpTripletSynapse, &'a mut [TripletState]),
}

/// The state of the STDP synapses onto one block: one per synapse, or the weights per
/// synapse and the traces per row.
pub(crate) enum StdpStates<'a> {
    Each(&'a mut [StdpState]),
    Rows(&'a mut RowTraces),
}

/// A plastic rule's constants.
#[derive(Debug, Clone)]
pub(crate) enum Rule {
    /// `stdp_synapse` and `stdp_synapse_hom`.
    Stdp(StdpSynapse),
    StdpPl(StdpPl),
    Vogels(VogelsSprekelerSynapse),
    Triplet(StdpTripletSynapse),
    Tsodyks(TsodyksSynapse),
    Tsodyks2(Tsodyks2Synapse),
    Bernoulli(BernoulliSynapse),
    Quantal(QuantalStpSynapse),
}

/// The state of a plastic projection's synapses onto one block, one entry per synapse in
/// the order of the block's rows (and the block's random stream for stochastic models).
#[derive(Debug, Clone)]
pub(crate) enum PlasticState {
    Stdp(Vec<StdpState>),
    /// STDP synapses with one presynaptic trace per row (`plastic/row_traces.rs`).
    StdpRows(RowTraces),
    Triplet(Vec<TripletState>),
    Tsodyks(Vec<TsodyksState>),
    Tsodyks2(Vec<Tsodyks2State>),
    Bernoulli(Box<Stream>),
    Quantal(Box<Stream>, Vec<QuantalState>),
}

impl PlasticState {
    /// The memory (bytes) this state grows by if synapses of one row part (their
    /// trace kept per synapse from then on): a rule that varies in the block
    /// (`rule_varies`), or `Kplus` set on part of a row (`kplus`, the settings).
    pub fn parting_bytes(&self, rule_varies: bool, kplus: Option<&[(usize, f64)]>) -> u64 {
        match self {
            PlasticState::StdpRows(r)
                if rule_varies || kplus.is_some_and(|settings| !r.keeps_rows(settings)) =>
            {
                r.bytes_each().saturating_sub(r.bytes()) as u64
            }
            _ => 0,
        }
    }

    /// Memory held (bytes).
    pub fn bytes(&self) -> usize {
        match self {
            PlasticState::Stdp(v) => v.len() * std::mem::size_of::<StdpState>(),
            PlasticState::StdpRows(r) => r.bytes(),
            PlasticState::Triplet(v) => v.len() * std::mem::size_of::<TripletState>(),
            PlasticState::Tsodyks(v) => v.len() * std::mem::size_of::<TsodyksState>(),
            PlasticState::Tsodyks2(v) => v.len() * std::mem::size_of::<Tsodyks2State>(),
            PlasticState::Bernoulli(_) => std::mem::size_of::<Stream>(),
            PlasticState::Quantal(_, v) => {
                std::mem::size_of::<Stream>() + v.len() * std::mem::size_of::<QuantalState>()
            }
        }
    }

    /// The current weight of synapse `k`, if the rule changes weights.
    pub fn weight(&self, k: usize) -> Option<f64> {
        match self {
            PlasticState::Stdp(v) => Some(v[k].weight),
            PlasticState::StdpRows(r) => Some(r.weight(k)),
            PlasticState::Triplet(v) => Some(v[k].weight),
            _ => None,
        }
    }

    /// Sets the weight of synapse `k` when the rule keeps it in its state (STDP);
    /// returns whether it did.
    pub fn set_weight(&mut self, k: usize, weight: f64) -> bool {
        match self {
            PlasticState::Stdp(v) => v[k].weight = weight,
            PlasticState::StdpRows(r) => r.set_weight(k, weight),
            PlasticState::Triplet(v) => v[k].weight = weight,
            _ => return false,
        }
        true
    }

    /// Checks synapse state `state` (every name of [`Plastic::state_names`] with
    /// its value) as NEST's `set_status` of the model does; returns the offending name,
    /// value and what would be valid. Values must also be finite (NEST lets some
    /// `NaN`s through).
    pub fn check_state(
        &self,
        state: &[(&'static str, f64)],
    ) -> std::result::Result<(), (&'static str, f64, String)> {
        let get = |name: &str| {
            state
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(f64::NAN, |&(_, v)| v)
        };
        for &(name, v) in state {
            if !v.is_finite() {
                return Err((name, v, "must be finite".into()));
            }
            match name {
                "Kplus" | "Kplus_triplet" if v < 0.0 => {
                    return Err((name, v, "must be non-negative (a trace)".into()))
                }
                "u" if !(0.0..=1.0).contains(&v) => {
                    return Err((name, v, "must be in [0, 1] (a release probability)".into()))
                }
                "a" if v < 0.0 || v.fract() != 0.0 || v > f64::from(u32::MAX) => {
                    return Err((
                        name,
                        v,
                        "must be a non-negative integer (available release sites)".into(),
                    ))
                }
                _ => {}
            }
        }
        if let PlasticState::Tsodyks(_) = self {
            let (x, y) = (get("x"), get("y"));
            if x + y > 1.0 {
                return Err((
                    "x + y",
                    x + y,
                    format!("must be <= 1 (x = {x}, y = {y}: x, y and 1 - x - y are fractions)"),
                ));
            }
        }
        Ok(())
    }

    /// Sets state variable `name` (one of [`Plastic::state_names`], checked with
    /// [`PlasticState::check_state`]) of the synapses `(k, value)`, in order.
    pub fn set_state(&mut self, settings: &[(usize, f64)], name: &str) {
        if let PlasticState::StdpRows(r) = self {
            if r.set_kplus(settings) {
                return;
            }
            self.each_synapse();
        }
        for &(k, value) in settings {
            self.set_one(k, name, value);
        }
    }

    /// Sets state variable `name` of synapse `k` (one state per synapse).
    fn set_one(&mut self, k: usize, name: &str, value: f64) {
        match (self, name) {
            (PlasticState::Stdp(v), "Kplus") => v[k].kplus = value,
            (PlasticState::Triplet(v), "Kplus") => v[k].kplus = value,
            (PlasticState::Triplet(v), "Kplus_triplet") => v[k].kplus_triplet = value,
            (PlasticState::Tsodyks(v), "x") => v[k].x = value,
            (PlasticState::Tsodyks(v), "y") => v[k].y = value,
            (PlasticState::Tsodyks(v), "u") => v[k].u = value,
            (PlasticState::Tsodyks2(v), "x") => v[k].x = value,
            (PlasticState::Tsodyks2(v), "u") => v[k].u = value,
            (PlasticState::Quantal(_, v), "u") => v[k].u = value,
            (PlasticState::Quantal(_, v), "a") => v[k].a = value as u32,
            (_, name) => unreachable!("`{name}` is checked against the state's names"),
        }
    }

    /// Synapse `k`'s state besides its weight, by NEST's names (as `GetConnections`
    /// reports it): the presynaptic traces of STDP, the resources of the
    /// short-term-plasticity models.
    pub fn state(&self, k: usize) -> Vec<(&'static str, f64)> {
        match self {
            PlasticState::Stdp(v) => vec![("Kplus", v[k].kplus)],
            PlasticState::StdpRows(r) => vec![("Kplus", r.get(k).kplus)],
            PlasticState::Triplet(v) => {
                vec![("Kplus", v[k].kplus), ("Kplus_triplet", v[k].kplus_triplet)]
            }
            PlasticState::Tsodyks(v) => vec![("x", v[k].x), ("y", v[k].y), ("u", v[k].u)],
            PlasticState::Tsodyks2(v) => vec![("x", v[k].x), ("u", v[k].u)],
            PlasticState::Quantal(_, v) => vec![("u", v[k].u), ("a", f64::from(v[k].a))],
            PlasticState::Bernoulli(_) => Vec::new(),
        }
    }
}

/// Bytes of a synapse's own rule, kept once a parameter differs between the synapses
/// of a projection (`plastic/varied.rs`).
pub(crate) const RULE_BYTES: u64 = std::mem::size_of::<Rule>() as u64;

/// Bytes of per-synapse state a projection of synapse model `model` keeps beyond a
/// static one's (a `const fn`: a `network!` type's memory estimate is evaluated by the
/// compiler from it). For STDP, one trace per synapse: the most it keeps, since traces
/// kept per row (`plastic/row_traces.rs`) turn into one per synapse when they part.
pub(crate) const fn model_state_bytes(model: network_spec::SynapseModel) -> u64 {
    use network_spec::SynapseModel as M;
    (match model {
        M::Static | M::StaticHomW | M::Bernoulli => 0,
        M::Stdp | M::StdpHom | M::StdpPlHom | M::VogelsSprekeler => {
            std::mem::size_of::<StdpState>()
        }
        M::StdpTriplet => std::mem::size_of::<TripletState>(),
        M::Tsodyks => std::mem::size_of::<TsodyksState>(),
        M::Tsodyks2 => std::mem::size_of::<Tsodyks2State>(),
        M::QuantalStp => std::mem::size_of::<QuantalState>(),
    }) as u64
}

impl Plastic {
    /// The rule of `synapse` on the time grid `res`, `None` for a static synapse. The
    /// initial state is set by the placement step (`network::placement`).
    pub fn new(synapse: &Synapse, res: &Resolution) -> Option<Self> {
        let rule = match synapse {
            Synapse::Static(_) | Synapse::StaticHomW(_) => return None,
            Synapse::Stdp(s) => Rule::Stdp(s.clone()),
            Synapse::StdpHom(s) => Rule::Stdp(s.as_stdp()),
            Synapse::StdpPlHom(s) => Rule::StdpPl(StdpPl::new(s)),
            Synapse::VogelsSprekeler(s) => Rule::Vogels(s.clone()),
            Synapse::StdpTriplet(s) => Rule::Triplet(s.clone()),
            Synapse::Tsodyks(s) => Rule::Tsodyks(s.clone()),
            Synapse::Tsodyks2(s) => Rule::Tsodyks2(s.clone()),
            Synapse::Bernoulli(s) => Rule::Bernoulli(s.clone()),
            Synapse::QuantalStp(s) => Rule::Quantal(s.clone()),
        };
        Some(Self {
            rule,
            varied: Vec::new(),
            tics_per_step: res.tics_per_step(),
            ms_per_step: res.tics_per_step() as f64 / crate::time::TICS_PER_MS as f64,
            initial: Vec::new(),
        })
    }

    /// Whether the rule keeps each synapse's weight in its state (STDP), so that the
    /// projection stores no weights of its own.
    pub fn owns_weights(&self) -> bool {
        self.needs_archive()
    }

    /// Checks a weight set between runs as NEST's `set_status` of the model does (STDP:
    /// the weight's sign is Wmax's; `stdp_pl_synapse_hom`: non-negative).
    pub fn check_weight(&self, entity: &str, weight: f64) -> Result<()> {
        self.rule.check_weight(entity, weight)
    }

    /// The names of the state besides the weight that can be read and set per synapse
    /// (NEST's, in the order of [`PlasticState::state`]).
    pub fn state_names(&self) -> &'static [&'static str] {
        match self.rule {
            Rule::Stdp(_) | Rule::StdpPl(_) | Rule::Vogels(_) => &["Kplus"],
            Rule::Triplet(_) => &["Kplus", "Kplus_triplet"],
            Rule::Tsodyks(_) => &["x", "y", "u"],
            Rule::Tsodyks2(_) => &["x", "u"],
            Rule::Quantal(_) => &["u", "a"],
            Rule::Bernoulli(_) => &[],
        }
    }

    /// The names of the rule's parameters (besides weight and delay): fixed for the
    /// projection once it is built.
    pub fn parameter_names(&self) -> Vec<&'static str> {
        let table = match &self.rule {
            Rule::Stdp(_) => StdpSynapse::PARAMETERS,
            Rule::StdpPl(_) => StdpPlSynapseHom::PARAMETERS,
            Rule::Vogels(_) => VogelsSprekelerSynapse::PARAMETERS,
            Rule::Triplet(_) => StdpTripletSynapse::PARAMETERS,
            Rule::Tsodyks(_) => TsodyksSynapse::PARAMETERS,
            Rule::Tsodyks2(_) => Tsodyks2Synapse::PARAMETERS,
            Rule::Bernoulli(_) => BernoulliSynapse::PARAMETERS,
            Rule::Quantal(_) => QuantalStpSynapse::PARAMETERS,
        };
        table.iter().map(|p| p.name).collect()
    }

    /// This rule with the parameters `values` (names of [`Plastic::parameter_names`],
    /// numbers in the table's units) set between runs, as NEST's `conns.set(U=..)`:
    /// checked by the model's table and NEST's checks of the model, with `weight`
    /// standing for every synapse's weight in the checks that read it (each weight is
    /// checked against the new rule by [`Plastic::check_weight`]). `entity` names the
    /// projection.
    pub fn with_parameters(
        &self,
        entity: &str,
        values: &[(&str, f64)],
        weight: Option<f64>,
    ) -> Result<Plastic> {
        Ok(Plastic {
            rule: self.rule.with(entity, values, weight)?,
            varied: Vec::new(),
            tics_per_step: self.tics_per_step,
            ms_per_step: self.ms_per_step,
            initial: Vec::new(),
        })
    }

    /// The value of the rule's parameter `name` (table units), as
    /// `GetConnections(...).get(name)` reports it.
    pub fn parameter(&self, name: &str) -> Option<f64> {
        self.rule.get(name)
    }

    /// Whether the rule reads the postsynaptic spike history (STDP).
    pub fn needs_archive(&self) -> bool {
        matches!(
            self.rule,
            Rule::Stdp(_) | Rule::StdpPl(_) | Rule::Vogels(_) | Rule::Triplet(_)
        )
    }

    /// Whether the rule reads the postsynaptic triplet trace (`stdp_triplet_synapse`).
    pub fn needs_triplet_trace(&self) -> bool {
        matches!(self.rule, Rule::Triplet(_))
    }

    /// The dendritic delay of a synapse of `steps` steps, in ms as NEST computes it.
    pub fn delay_ms(&self, steps: u16) -> f64 {
        f64::from(steps) * self.ms_per_step
    }

    /// The time (ms) at which a spike emitted in step `step` is sent.
    pub fn spike_time(&self, step: i64) -> f64 {
        tics_to_ms((step + 1) * self.tics_per_step)
    }

    /// The rule of the synapses onto block `b` with their `state`, where they share one
    /// (no parameter differs between them) and it reads the spike history; else the
    /// state back, for [`Plastic::send`] synapse by synapse.
    pub fn history_rule<'a>(
        &'a self,
        b: usize,
        state: &'a mut PlasticState,
    ) -> std::result::Result<HistoryRule<'a>, &'a mut PlasticState> {
        if self.varies_in(b) {
            return Err(state);
        }
        let states = match state {
            PlasticState::Stdp(st) => StdpStates::Each(st),
            PlasticState::StdpRows(r) => StdpStates::Rows(r),
            PlasticState::Triplet(st) => match &self.rule {
                Rule::Triplet(p) => return Ok(HistoryRule::Triplet(p, st)),
                _ => unreachable!("{MATCHES_RULE}"),
            },
            state => return Err(state),
        };
        Ok(match &self.rule {
            Rule::Stdp(p) => HistoryRule::Stdp(p, states),
            Rule::StdpPl(c) => HistoryRule::StdpPl(c, states),
            Rule::Vogels(p) => HistoryRule::Vogels(p, states),
            _ => unreachable!("{MATCHES_RULE}"),
        })
    }

    /// Whether the synapses onto block `b` have rules of their own (a parameter differs
    /// between the projection's synapses).
    pub fn varies_in(&self, b: usize) -> bool {
        self.varied.get(b).is_some()
    }

    /// Transmits one spike sent at `t_spike` (ms) through synapse `k` of target block
    /// `b` (its rule: [`Plastic::rule_of`]), whose state is `state`, onto
    /// `target` (index in the block) with a delay of `delay` steps, updating the
    /// synapse; returns the weight it delivers, `None` when the synapse sends no event
    /// (a stochastic model that did not transmit). `weight` is the projection's stored
    /// weight of the synapse (unused by STDP, whose weight is state); `archive` is the
    /// target block's spike history (required by STDP); `memo` keeps the traces'
    /// last decay factors between the synapses of one delivery (same numbers).
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn send(
        &self,
        b: usize,
        state: &mut PlasticState,
        k: usize,
        archive: Option<&mut SpikeArchive>,
        memo: &mut TraceMemo,
        target: usize,
        t_spike: f64,
        delay: u16,
        weight: impl FnOnce() -> f64,
    ) -> Option<f64> {
        match (self.rule_of(b, k), state) {
            (Rule::Stdp(p), PlasticState::Stdp(st)) => Some(rules::transmit(
                p,
                &mut st[k],
                archive.expect(ARCHIVE),
                memo,
                target,
                t_spike,
                self.delay_ms(delay),
            )),
            (Rule::StdpPl(c), PlasticState::Stdp(st)) => Some(rules::transmit(
                c,
                &mut st[k],
                archive.expect(ARCHIVE),
                memo,
                target,
                t_spike,
                self.delay_ms(delay),
            )),
            (Rule::Vogels(p), PlasticState::Stdp(st)) => Some(rules::transmit(
                p,
                &mut st[k],
                archive.expect(ARCHIVE),
                memo,
                target,
                t_spike,
                self.delay_ms(delay),
            )),
            (Rule::Triplet(p), PlasticState::Triplet(st)) => Some(rules::stdp_triplet(
                p,
                &mut st[k],
                archive.expect(ARCHIVE),
                memo,
                target,
                t_spike,
                self.delay_ms(delay),
            )),
            (Rule::Tsodyks(p), PlasticState::Tsodyks(st)) => {
                Some(rules::tsodyks(p, &mut st[k], t_spike) * weight())
            }
            (Rule::Tsodyks2(p), PlasticState::Tsodyks2(st)) => {
                Some(rules::tsodyks2(p, &mut st[k], t_spike) * weight())
            }
            (Rule::Bernoulli(p), PlasticState::Bernoulli(rng)) => {
                rules::bernoulli(p, rng).then(weight)
            }
            (Rule::Quantal(p), PlasticState::Quantal(rng, st)) => {
                match rules::quantal(p, &mut st[k], rng, t_spike) {
                    0 => None,
                    released => Some(f64::from(released) * weight()),
                }
            }
            _ => unreachable!("{MATCHES_RULE}"),
        }
    }
}

impl Rule {
    /// NEST's check of a weight set between runs (STDP: the sign of Wmax;
    /// `stdp_pl_synapse_hom`: non-negative).
    fn check_weight(&self, entity: &str, weight: f64) -> Result<()> {
        match self {
            Rule::Stdp(s) => s.check_weight(entity, weight),
            Rule::StdpPl(_) => StdpPlSynapseHom::check_weight(entity, weight),
            Rule::Vogels(s) => s.check_weight(entity, weight),
            Rule::Triplet(s) => s.check_weight(entity, weight),
            _ => Ok(()),
        }
    }

    /// The value of parameter `name` (table units).
    fn get(&self, name: &str) -> Option<f64> {
        match self {
            Rule::Stdp(s) => s.get(name),
            Rule::StdpPl(c) => c.p.get(name),
            Rule::Vogels(s) => s.get(name),
            Rule::Triplet(s) => s.get(name),
            Rule::Tsodyks(s) => s.get(name),
            Rule::Tsodyks2(s) => s.get(name),
            Rule::Bernoulli(s) => s.get(name),
            Rule::Quantal(s) => s.get(name),
        }
    }

    /// This rule with `values` set, checked by the model's table and NEST's checks with
    /// `weight` standing for the weight (see [`Plastic::with_parameters`]).
    fn with(&self, entity: &str, values: &[(&str, f64)], weight: Option<f64>) -> Result<Rule> {
        use network_spec::{Parameters, SynapseFields, SynapseParams};
        macro_rules! set {
            ($s:expr, $T:ty) => {{
                let mut s: $T = $s.clone();
                for &(name, v) in values {
                    s.set(entity, name, v)?;
                }
                if let Some(w) = weight {
                    *s.weight_mut() = w.into();
                }
                s.check_table(entity)
                    .and_then(|()| s.check(entity))
                    .map_err(|e| e.with_units(<$T>::PARAMETERS))?;
                s
            }};
        }
        Ok(match self {
            Rule::Stdp(s) => Rule::Stdp(set!(s, StdpSynapse)),
            Rule::StdpPl(c) => Rule::StdpPl(StdpPl::new(&set!(c.p, StdpPlSynapseHom))),
            Rule::Vogels(s) => Rule::Vogels(set!(s, VogelsSprekelerSynapse)),
            Rule::Triplet(s) => Rule::Triplet(set!(s, StdpTripletSynapse)),
            Rule::Tsodyks(s) => Rule::Tsodyks(set!(s, TsodyksSynapse)),
            Rule::Tsodyks2(s) => Rule::Tsodyks2(set!(s, Tsodyks2Synapse)),
            Rule::Bernoulli(s) => Rule::Bernoulli(set!(s, BernoulliSynapse)),
            Rule::Quantal(s) => Rule::Quantal(set!(s, QuantalStpSynapse)),
        })
    }
}
