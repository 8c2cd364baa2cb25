use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population exc = Cell[dyn ne];
}

fn main() {
    let net = Net::build(Seed(1), NetSizes { ne: 10 }).unwrap();
    // A run-time size has no compile-time length.
    let _: &PopulationHandle<Const<10>> = &net.exc;
}
