use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate noise = noise_generator { std: 50 pA, std_mod: 20 pA, frequency: 5 Hz } -> cells;
    protocol {
        simulate 10 ms;
        set noise.frequency = 20 Hz;
        set noise.phase = 45 deg;
        // NEST redraws on the grid: 0.25 ms is not a multiple of 0.1 ms.
        set noise.dt = 0.25 ms;
        simulate 10 ms;
    }
}

fn main() {}
