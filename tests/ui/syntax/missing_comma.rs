use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    connect cells -> cells: all_to_all, via static_synapse { weight: 20 pA delay: 1 ms };
}

fn main() {
    let _ = Net::build(Seed(1)).map(|net| net.projection(&net.cells_to_cells).synapses);
}
