use network::prelude::*;
use network::units::number;

network! {
    pub struct Net;
    neuron R = lin_rate_ipn;
    population r = R[4];
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // Only the state `rate` is set on part of a rate population: `mu` is the population's.
    net.set_r_in(&[0, 1]).mu(number(0.5)).unwrap();
}
