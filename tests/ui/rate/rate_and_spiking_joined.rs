use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    neuron R = lin_rate_ipn;
    population cells = Cell[4];
    population r = R[4];
    connect r -> cells: one_to_one via rate_connection_instantaneous { weight: 0.5 };
}

fn main() {}
