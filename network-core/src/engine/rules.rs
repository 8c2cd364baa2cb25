//! The update of one plastic or stochastic synapse by one presynaptic spike, as NEST's
//! `send` of each model computes it (same operations in the same order, so the weights
//! are bit-identical): `stdp_synapse` (also `stdp_synapse_hom`), `stdp_pl_synapse_hom`,
//! `vogels_sprekeler_synapse`, `stdp_triplet_synapse`, `tsodyks_synapse`,
//! `tsodyks2_synapse`, `bernoulli_synapse` and `quantal_stp_synapse`.
//! `engine::plastic` holds the per-synapse state and dispatches to these.

mod memo;

use super::archive::SpikeArchive;
use crate::rng::Stream;
use crate::synapse::{
    BernoulliSynapse, QuantalStpSynapse, StdpPlSynapseHom, StdpSynapse, StdpTripletSynapse,
    Tsodyks2Synapse, TsodyksSynapse, VogelsSprekelerSynapse,
};
pub(crate) use memo::TraceMemo;
use rand::RngExt;

/// STDP state of one synapse (`stdp_synapse`, `stdp_synapse_hom`, `stdp_pl_synapse_hom`,
/// `vogels_sprekeler_synapse`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StdpState {
    pub weight: f64,
    pub kplus: f64,
    pub t_last: f64,
}

/// `stdp_triplet_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TripletState {
    pub weight: f64,
    pub kplus: f64,
    pub kplus_triplet: f64,
    pub t_last: f64,
}

/// `tsodyks_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TsodyksState {
    pub x: f64,
    pub y: f64,
    pub u: f64,
    pub t_last: f64,
}

/// `tsodyks2_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tsodyks2State {
    pub x: f64,
    pub u: f64,
    pub t_last: f64,
}

/// `quantal_stp_synapse` state of one synapse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuantalState {
    /// Release probability.
    pub u: f64,
    /// Available release sites.
    pub a: u32,
    /// Time of the last spike (ms); NEST starts it at -1 (no spike yet).
    pub t_last: f64,
}

/// A rule of the STDP family (`stdp_synapse`, `stdp_pl_synapse_hom`,
/// `vogels_sprekeler_synapse`) in its two parts, as NEST's `send` computes them one after
/// the other: the weight a presynaptic spike leaves (facilitation by the postsynaptic
/// spikes since the last presynaptic one, then depression), read from the synapse's
/// state before the spike; and the presynaptic trace after the spike, which depends on
/// the trace and the spike times alone. Synapses that share a source share the second
/// part (`plastic/row_traces.rs`).
pub(crate) trait PairRule {
    /// The weight after a presynaptic spike sent at `t_spike` (ms) through a synapse in
    /// state `st` onto `target`, whose spike history is `archive`, with dendritic delay
    /// `dendritic_delay` (ms).
    fn weight(
        &self,
        st: &StdpState,
        archive: &mut SpikeArchive,
        memo: &mut TraceMemo,
        target: usize,
        t_spike: f64,
        dendritic_delay: f64,
    ) -> f64;

    /// Kplus right after a presynaptic spike at `t_spike` (ms), from the trace `kplus`
    /// after the spike before it at `t_last` (ms): decayed, then 1 added.
    fn kplus_after(&self, kplus: f64, t_last: f64, t_spike: f64, memo: &mut TraceMemo) -> f64;
}

/// NEST's `send` of an STDP-family synapse: the new weight, then the presynaptic trace.
/// Returns the weight sent.
#[inline(always)]
pub(crate) fn transmit(
    rule: &impl PairRule,
    st: &mut StdpState,
    archive: &mut SpikeArchive,
    memo: &mut TraceMemo,
    target: usize,
    t_spike: f64,
    dendritic_delay: f64,
) -> f64 {
    let w = rule.weight(st, archive, memo, target, t_spike, dendritic_delay);
    st.weight = w;
    st.kplus = rule.kplus_after(st.kplus, st.t_last, t_spike, memo);
    st.t_last = t_spike;
    w
}

/// NEST's `stdp_synapse::send`: facilitation by each postsynaptic spike in
/// `(t_last − d, t_spike − d]`, depression by Kminus at `t_spike − d`; the trace decays
/// by dividing by `tau_plus`.
impl PairRule for StdpSynapse {
    #[inline(always)]
    fn weight(
        &self,
        st: &StdpState,
        archive: &mut SpikeArchive,
        memo: &mut TraceMemo,
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
            w = facilitate(
                self,
                w,
                st.kplus * memo.facilitation.exp(minus_dt / self.tau_plus),
            );
        }
        depress(self, w, archive.kminus(target, t_spike - dendritic_delay))
    }

    #[inline(always)]
    fn kplus_after(&self, kplus: f64, t_last: f64, t_spike: f64, memo: &mut TraceMemo) -> f64 {
        kplus * memo.kplus.exp((t_last - t_spike) / self.tau_plus) + 1.0
    }
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

/// The constants of `stdp_pl_synapse_hom` as NEST's common properties hold them: the
/// traces decay by multiplying with `1/tau_plus`, computed once.
#[derive(Debug, Clone)]
pub(crate) struct StdpPl {
    pub p: StdpPlSynapseHom,
    pub tau_plus_inv: f64,
}

impl StdpPl {
    pub fn new(p: &StdpPlSynapseHom) -> Self {
        Self {
            p: p.clone(),
            tau_plus_inv: 1.0 / p.tau_plus,
        }
    }
}

/// NEST's `stdp_pl_synapse_hom::send`: `w += lambda·w^mu·Kplus·e^{Δt/τ+}` for each
/// postsynaptic spike in `(t_last − d, t_spike − d]`, then
/// `w −= lambda·alpha·w·Kminus(t_spike − d)` (not below 0); the trace decays by
/// multiplying with `1/tau_plus`.
impl PairRule for StdpPl {
    #[inline(always)]
    fn weight(
        &self,
        st: &StdpState,
        archive: &mut SpikeArchive,
        memo: &mut TraceMemo,
        target: usize,
        t_spike: f64,
        dendritic_delay: f64,
    ) -> f64 {
        let p = &self.p;
        let mut w = st.weight;
        for entry in archive.read(
            target,
            st.t_last - dendritic_delay,
            t_spike - dendritic_delay,
        ) {
            let minus_dt = st.t_last - (entry.t + dendritic_delay);
            let kplus = st.kplus * memo.facilitation.exp(minus_dt * self.tau_plus_inv);
            w += p.lambda * memo.power.powf(w, p.mu) * kplus;
        }
        let kminus = archive.kminus(target, t_spike - dendritic_delay);
        let depressed = w - (p.lambda * p.alpha * w * kminus);
        if depressed > 0.0 {
            depressed
        } else {
            0.0
        }
    }

    #[inline(always)]
    fn kplus_after(&self, kplus: f64, t_last: f64, t_spike: f64, memo: &mut TraceMemo) -> f64 {
        kplus * memo.kplus.exp((t_last - t_spike) * self.tau_plus_inv) + 1.0
    }
}

/// `|w| + dw` clipped to `|Wmax|`, with the sign of `Wmax` (NEST's `facilitate_` of the
/// sign-preserving rules).
fn up(w: f64, dw: f64, wmax: f64) -> f64 {
    let new_w = w.abs() + dw;
    (if new_w < wmax.abs() { new_w } else { wmax }).copysign(wmax)
}

/// `|w| − dw` clipped at 0, with the sign of `Wmax` (NEST's `depress_`).
fn down(w: f64, dw: f64, wmax: f64) -> f64 {
    let new_w = w.abs() - dw;
    (if new_w > 0.0 { new_w } else { 0.0 }).copysign(wmax)
}

/// NEST's `vogels_sprekeler_synapse::send`: `+eta·Kplus` for each postsynaptic spike in
/// `(t_last − d, t_spike − d]`, `+eta·Kminus(t_spike − d)`, then `−alpha·eta`; the
/// trace decays by dividing by `tau`.
impl PairRule for VogelsSprekelerSynapse {
    #[inline(always)]
    fn weight(
        &self,
        st: &StdpState,
        archive: &mut SpikeArchive,
        memo: &mut TraceMemo,
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
            w = up(
                w,
                self.eta * (st.kplus * memo.facilitation.exp(minus_dt / self.tau)),
                self.Wmax,
            );
        }
        w = up(
            w,
            self.eta * archive.kminus(target, t_spike - dendritic_delay),
            self.Wmax,
        );
        down(w, self.alpha * self.eta, self.Wmax)
    }

    #[inline(always)]
    fn kplus_after(&self, kplus: f64, t_last: f64, t_spike: f64, memo: &mut TraceMemo) -> f64 {
        kplus * memo.kplus.exp((t_last - t_spike) / self.tau) + 1.0
    }
}

/// NEST's `stdp_triplet_synapse::send`: `+Kplus·(Aplus + Aplus_triplet·Ky)` for each
/// postsynaptic spike in `(t_last − d, t_spike − d]` (`Ky` its triplet trace before it),
/// then the presynaptic triplet trace decays and
/// `−Kminus(t_spike − d)·(Aminus + Aminus_triplet·Kplus_triplet)`; then both
/// presynaptic traces step. Returns the weight sent.
#[inline(always)]
pub(crate) fn stdp_triplet(
    p: &StdpTripletSynapse,
    st: &mut TripletState,
    archive: &mut SpikeArchive,
    memo: &mut TraceMemo,
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
        let ky = entry.kminus_triplet - 1.0;
        let kplus = st.kplus * memo.facilitation.exp(minus_dt / p.tau_plus);
        w = up(w, kplus * (p.Aplus + p.Aplus_triplet * ky), p.Wmax);
    }
    st.kplus_triplet *= ((st.t_last - t_spike) / p.tau_plus_triplet).exp();
    let kminus = archive.kminus(target, t_spike - dendritic_delay);
    w = down(
        w,
        kminus * (p.Aminus + p.Aminus_triplet * st.kplus_triplet),
        p.Wmax,
    );
    st.kplus_triplet += 1.0;
    st.kplus = st.kplus * memo.kplus.exp((st.t_last - t_spike) / p.tau_plus) + 1.0;
    st.weight = w;
    st.t_last = t_spike;
    w
}

/// NEST's `tsodyks_synapse::send`: propagates x, y, u from the last spike, then uses
/// `u·x`. Returns the fraction of the weight sent.
pub(crate) fn tsodyks(p: &TsodyksSynapse, st: &mut TsodyksState, t_spike: f64) -> f64 {
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
pub(crate) fn tsodyks2(p: &Tsodyks2Synapse, st: &mut Tsodyks2State, t_spike: f64) -> f64 {
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

/// NEST's `bernoulli_synapse::send`: whether the spike is transmitted (a uniform draw
/// in [0, 1) below `p_transmit`).
pub(crate) fn bernoulli(p: &BernoulliSynapse, rng: &mut Stream) -> bool {
    rng.random::<f64>() < p.p_transmit
}

/// NEST's `quantal_stp_synapse::send`: after the first spike, relaxes and increments
/// `u` and lets each depleted site recover with probability `1 − e^{−h/τ_rec}`; then
/// each available site releases with probability `u`. Returns the number of sites
/// released (the spike sends that many times the weight; none: no event).
pub(crate) fn quantal(
    p: &QuantalStpSynapse,
    st: &mut QuantalState,
    rng: &mut Stream,
    t_spike: f64,
) -> u32 {
    let n = p.n as u32;
    if st.t_last >= 0.0 {
        let h = t_spike - st.t_last;
        let p_decay = (-h / p.tau_rec).exp();
        // NEST treats tau_fac below 1e-10 ms as no facilitation.
        let u_decay = if p.tau_fac < 1.0e-10 {
            0.0
        } else {
            (-h / p.tau_fac).exp()
        };
        st.u = p.U + st.u * (1.0 - p.U) * u_decay;
        let depleted = n.saturating_sub(st.a);
        for _ in 0..depleted {
            if rng.random::<f64>() < (1.0 - p_decay) {
                st.a += 1;
            }
        }
    }
    let mut released = 0;
    for _ in 0..st.a {
        if rng.random::<f64>() < st.u {
            released += 1;
        }
    }
    st.a -= released;
    st.t_last = t_spike;
    released
}
