use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate steps = step_current_generator { amplitude_times: [1, 3] ms, amplitude_values: [100, 0] pA } -> cells;
    protocol {
        simulate 10 ms;
        // NEST takes a step current's flag only with both lists, or while it has none.
        set steps.allow_offgrid_times = true;
        set steps.start = 1 ms;
        simulate 10 ms;
    }
}

fn main() {}
