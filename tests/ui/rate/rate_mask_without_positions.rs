use network::prelude::*;

network! {
    pub struct Net;
    neuron R = lin_rate_ipn { sigma: 0 };
    population plain = R[4];
    connect plain -> plain: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm)
        via rate_connection_delayed { weight: 0.5, delay: 1 ms };
}

fn main() {}
