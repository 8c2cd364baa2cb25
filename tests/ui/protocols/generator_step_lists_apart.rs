use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate steps = step_current_generator { amplitude_times: [10, 20] ms, amplitude_values: [300, 0] pA } -> cells;
    protocol {
        simulate 10 ms;
        // NEST takes a step current's times and values in one SetStatus.
        set steps.amplitude_times = [30, 40, 50] ms;
        simulate 10 ms;
    }
}

fn main() {}
