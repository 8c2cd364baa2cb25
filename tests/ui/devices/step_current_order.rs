use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[10];
    stimulate steps = step_current_generator { amplitude_times: [2.95, 3.0] ms, amplitude_values: [300, 0] pA, allow_offgrid_times: true } -> cells;
}

fn main() {}
