use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha;
    population cells = Cell[4];
    stimulate burst = inhomogeneous_poisson_generator { rate_times: [1] ms, rate_values: [10] Hz } -> cells via static_synapse { weight: 60 pA, delay: 1 ms };
    protocol {
        simulate 10 ms;
        // NEST changes an inhomogeneous Poisson generator's flag only with rate_times.
        set burst.allow_offgrid_times = true;
        simulate 10 ms;
    }
}

fn main() {}
