use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate steps = step_current_generator { amplitude_times: [10, 20] ms, amplitude_values: [300] pA } -> cells;
}

fn main() {}
