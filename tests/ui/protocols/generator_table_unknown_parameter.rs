use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate wave = ac_generator { amplitude: 100 pA, frequency: 10 Hz } -> cells;
    protocol {
        simulate 10 ms;
        // An ac_generator has `phase`, not `phase_shift`.
        set wave.phase_shift = 90 deg;
        simulate 10 ms;
    }
}

fn main() {}
