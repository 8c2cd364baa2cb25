use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    protocol {
        simulate 10 ms;
        // `x` is a position; `cells` has none.
        set cells { V_m: -70 mV + 5 mV * x / 1 mm };
        simulate 10 ms;
    }
}

fn main() {}
