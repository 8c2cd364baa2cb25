use network::prelude::*;

network! {
    pub struct Net;
    neuron R = tanh_rate_ipn { sigma: 0 };
    population sheet = R[9] on grid(shape: [3, 3], extent: [1, 1] mm);
    connect sheet -> sheet: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm)
        via rate_connection_instantaneous { weight: 0.5, delay: 1 ms + 2 ms * distance / 1 mm };
}

fn main() {}
