use network::prelude::*;
use network::units::ms;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate steps = step_current_generator { amplitude_times: [10, 20] ms, amplitude_values: [300, 0] pA } -> cells;
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // NEST takes a step current's times and values in one SetStatus:
    // `amplitude_times_and_values(times, values)`.
    net.set_steps().amplitude_times(&[ms(30.0), ms(40.0)]).unwrap();
}
