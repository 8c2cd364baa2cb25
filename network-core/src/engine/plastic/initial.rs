//! The state of a plastic projection's fresh synapses onto one block, as the placement
//! step lays it out: STDP weights checked, the traces at the rule's `Kplus` (once per
//! row where that takes less memory, `plastic/row_traces.rs`), the short-term models'
//! resources at their parameters' values, a stochastic model's stream.

use super::{Plastic, PlasticState, RowTraces, Rule};
use crate::engine::rules::{
    QuantalState, StdpPl, StdpState, TripletState, Tsodyks2State, TsodyksState,
};
use crate::error::Result;
use crate::rng::Stream;
use crate::synapse::{StdpPlSynapseHom, StdpSynapse, VogelsSprekelerSynapse};

impl Plastic {
    /// The state of the `n` fresh synapses onto one block (rows `row_start`) of this
    /// rule, `weight(k)` giving synapse `k`'s initial weight and `stream()` the block's
    /// stream of a stochastic model; STDP weights are checked (`entity` names the
    /// projection).
    pub fn initial_state(
        &self,
        entity: &str,
        n: usize,
        row_start: &[u32],
        weight: impl Fn(usize) -> f64,
        stream: impl FnOnce() -> Stream,
    ) -> Result<PlasticState> {
        let checked = |k| {
            let w = weight(k);
            self.rule.check_weight(entity, w).map(|_| w)
        };
        Ok(match &self.rule {
            Rule::Stdp(StdpSynapse { Kplus, .. })
            | Rule::StdpPl(StdpPl {
                p: StdpPlSynapseHom { Kplus, .. },
                ..
            })
            | Rule::Vogels(VogelsSprekelerSynapse { Kplus, .. }) => {
                stdp_states(n, row_start, *Kplus, checked)?
            }
            Rule::Triplet(s) => {
                let mut states = Vec::with_capacity(n);
                for k in 0..n {
                    let weight = weight(k);
                    s.check_weight(entity, weight)?;
                    states.push(TripletState {
                        weight,
                        kplus: s.Kplus,
                        kplus_triplet: s.Kplus_triplet,
                        t_last: 0.0,
                    });
                }
                PlasticState::Triplet(states)
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
            Rule::Bernoulli(_) => PlasticState::Bernoulli(Box::new(stream())),
            Rule::Quantal(s) => PlasticState::Quantal(
                Box::new(stream()),
                vec![
                    QuantalState {
                        u: s.u,
                        a: s.a as u32,
                        t_last: -1.0,
                    };
                    n
                ],
            ),
        })
    }
}

/// `n` fresh STDP states in rows `row_start` with trace `kplus`, weights from `weight`
/// (checked): a trace per row where that takes less memory, else one per synapse.
fn stdp_states(
    n: usize,
    row_start: &[u32],
    kplus: f64,
    weight: impl Fn(usize) -> Result<f64>,
) -> Result<PlasticState> {
    let weights = (0..n).map(weight).collect::<Result<Vec<f64>>>()?;
    Ok(match RowTraces::new(weights, row_start, kplus) {
        Ok(rows) => PlasticState::StdpRows(rows),
        Err(weights) => PlasticState::Stdp(
            weights
                .into_iter()
                .map(|weight| StdpState {
                    weight,
                    kplus,
                    t_last: 0.0,
                })
                .collect(),
        ),
    })
}
