use network::prelude::*;

network! {
    pub struct Net;
    neuron PV = iaf_psc_alpha(inhibitory);
    population pv = PV[10];
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect pv -> cells: fixed_indegree(2), via static_synapse { weight: 10 pA, delay: 1 ms };
}

fn main() {}
