use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate wave = ac_generator { amplitude: 100 pA, frequency: 10 Hz } -> cells;
    protocol {
        simulate 10 ms;
        // An ac_generator's offset is a current, not a voltage.
        set wave.offset = 10 mV;
        simulate 10 ms;
    }
}

fn main() {}
