//! The parameter side of a neuron model: what the front end, the loader, the exporter
//! and the docs know about it without its dynamics (which the engine implements on the
//! same struct, `network_core::NeuronModel`).

use crate::error::Result;
use crate::params::Parameters;
use crate::recordable::Recordable;
use crate::units::Dimension;

/// A neuron model's parameters, their checks and what they imply for connections and
/// recording. The struct and [`Parameters`] come from a
/// [`parameters!`](crate::parameters) block; this trait is written beside it.
pub trait NeuronParams: Parameters {
    /// The recordables, in NEST's order (for a model with receptor ports: those that do
    /// not depend on the number of ports).
    const RECORDABLES: &'static [Recordable];
    /// Whether connections name a receptor port (`receptor_type` 1..=n, one per element
    /// of `tau_syn`) instead of the weight's sign picking excitation or inhibition.
    const HAS_RECEPTOR_PORTS: bool = false;
    /// Whether a port's `tau_syn` is the decay time of its current (exponential
    /// currents) rather than its time to peak (alpha currents).
    const TAU_SYN_IS_DECAY_TIME: bool = false;
    /// The dimension of a spike's weight: a current (pA), a voltage jump (mV,
    /// `iaf_psc_delta`) or a conductance (nS, the conductance-based models).
    const WEIGHT: Dimension = Dimension::Current;
    /// The list parameter with one entry per receptor port (`tau_syn`; the beta
    /// multisynapse model's `E_rev`), for a model with receptor ports.
    const PORT_LIST: &'static str = "tau_syn";
    /// Whether every weight onto it must be >= 0 (NEST's conductance-based multisynapse
    /// models stop the simulation at a negative one; here it is an error before).
    const NONNEGATIVE_WEIGHTS: bool = false;

    /// NEST's own checks of this model (`C_m > 0`, `V_reset < V_th`, ...), after the
    /// checks of the table ([`Parameters::check_table`]); `entity` names the model.
    fn check(&self, entity: &str) -> Result<()>;

    /// Every check: the table's, then the model's.
    fn validate(&self, entity: &str) -> Result<()> {
        self.check_table(entity)
            .and_then(|()| crate::infinite::check(entity, Self::NAME, infinite_values(self)))
            .and_then(|()| self.check(entity))
            .map_err(|e| e.with_units(Self::PARAMETERS))
    }

    /// The number of receptor ports (NEST's `receptor_type` 1..=n) of this parameter set;
    /// 0 for a model whose spike input has none.
    fn receptor_ports(&self) -> usize {
        0
    }

    /// The recordables of this parameter set (a multisynapse model has one `I_syn_k` per
    /// port), in NEST's order.
    fn recordables(&self) -> Vec<Recordable> {
        Self::RECORDABLES.to_vec()
    }
}

/// The scalar parameters of `p` that are +inf, by name (for [`crate::infinite::check`]).
pub(crate) fn infinite_values<P: Parameters>(p: &P) -> Vec<(&'static str, f64)> {
    P::PARAMETERS
        .iter()
        .filter_map(|info| Some((info.name, p.get(info.name)?)))
        .filter(|(_, v)| *v == f64::INFINITY)
        .collect()
}
