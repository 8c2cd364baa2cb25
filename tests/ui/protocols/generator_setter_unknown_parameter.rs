use network::prelude::*;
use network::units::deg;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate wave = ac_generator { amplitude: 100 pA, frequency: 10 Hz } -> cells;
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // An ac_generator has `phase`, not `phase_shift`.
    net.set_wave().phase_shift(deg(90.0)).unwrap();
}
