//! A connection's delay is checked even when its populations' model has an error of
//! its own: both mistakes are reported in one build.
use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { t_ref: -2 ms };
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: 1 pA, delay: 0.01 ms };
}

fn main() {}
