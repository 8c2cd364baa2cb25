//! What a weight recorder sees at delivery: one event per synapse that transmitted a
//! spike, kept by the target block until the slice ends (the network then names
//! senders, targets and ports, and hands the events to its weight recorders).

/// One transmission through a recorded projection, as its target block delivered it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WeightEvent {
    /// The projection's index among the target population's incoming projections.
    pub incoming: u32,
    /// The spike's time stamp (steps): its emission step + 1, as NEST stamps it.
    pub stamp: i64,
    /// The source neuron (index in its population).
    pub source: u32,
    /// The synapse's index in the block's storage of that projection.
    pub synapse: u32,
    /// The weight the synapse delivered (pA, nS or mV, the target's unit).
    pub weight: f64,
}
