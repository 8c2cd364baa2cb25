use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate drive = poisson_generator { rate: 100 Hz } -> cells;
    protocol {
        simulate 10 ms;
        // The generator's recorder stream is made with the generator, at build.
        record late = spike_recorder <- drive;
        simulate 10 ms;
    }
}

fn main() {}
