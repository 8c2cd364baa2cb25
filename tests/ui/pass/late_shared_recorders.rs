//! A spike recorder the protocol adds on generators that send one train to all their
//! targets (a mip_generator's parent thinned per target, pulse packets): it records
//! them from its creation on, as NEST's `Connect(gen, recorder)` after a `Simulate`.
use network::prelude::*;

network! {
    pub struct Late;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate copies = mip_generator { rate: 2000 Hz, p_copy: 0.5 } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
    stimulate packets = pulsepacket_generator { pulse_times: [5, 15] ms, activity: 5, sdev: 0.5 ms } -> cells via static_synapse { weight: 100 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        record late = spike_recorder <- copies, packets;
        simulate 10 ms;
    }
}

fn main() {
    let mut net = Late::build(Seed(1)).unwrap();
    net.run_protocol().unwrap();
    let late = net.late.clone().unwrap();
    let events = net.spikes(&late);
    // The copies: 1000 Hz for 10 ms, 10 expected; the packet at 15 ms: 5 spikes (the
    // one at 5 ms was sent before the recorder existed).
    let (copies, packets) = (net.generator_node_id(&net.copies), net.generator_node_id(&net.packets));
    let from = |id| events.senders().iter().filter(|&&s| s == id).count();
    assert!(from(copies) > 0, "{:?}", events.steps());
    assert_eq!(from(packets), 5);
    assert!(events.steps().iter().all(|&s| s > 100 && s <= 200));
}
