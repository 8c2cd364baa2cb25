//! A current-step protocol through the typed setters: parameters by NEST name, values
//! in their unit, on the whole population or on a selection.
use network::prelude::*;
use network::units::{mV, pA};

network! {
    pub struct Steps;
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[3];
    record spikes = spike_recorder <- exc;
}

fn main() {
    let mut net = Steps::build(Seed(1)).unwrap();
    net.simulate(100.0).unwrap();
    assert_eq!(net.spikes(&net.spikes).len(), 0);
    // NEST's rheobase of iaf_psc_alpha's defaults is 374.6 pA: 376 pA fires.
    net.set_exc().I_e(pA(376.0)).unwrap().V_th(mV(-55.0)).unwrap();
    let first = net.exc.range(0..1);
    net.set_exc_in(&first).V_m(mV(-70.0)).unwrap();
    net.simulate(100.0).unwrap();
    assert_eq!(net.neuron_param(net.exc.index(), "I_e"), Some(376.0));
    assert!(net.spikes(&net.spikes).len() >= 3);
    // A parameter on part of the population (NEST's `exc[0:1].set(I_e=0.0)`): the
    // first neuron falls silent, the other two keep firing.
    net.set_exc_in(&first).I_e(pA(0.0)).unwrap();
    let before = net.spikes(&net.spikes).len();
    net.simulate(100.0).unwrap();
    let senders = net.spikes(&net.spikes).senders();
    let first_id = *senders.iter().min().unwrap();
    let mut late = senders[before..].to_vec();
    late.sort_unstable();
    late.dedup();
    assert_eq!(late.len(), 2, "senders after the change: {late:?}");
    assert!(!late.contains(&first_id), "the first neuron still fires");
}
