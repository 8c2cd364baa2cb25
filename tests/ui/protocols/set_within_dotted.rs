use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    protocol {
        simulate 10 ms;
        // A mask selection takes its parameters in braces.
        set cells within circle(radius: 0.2 mm).I_e = 400 pA;
        simulate 10 ms;
    }
}

fn main() {}
