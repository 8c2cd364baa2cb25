use network::prelude::*;
use network::units::number;

network! {
    pub struct Net;
    neuron R = lin_rate_ipn;
    population r = R[4];
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    // tau is a time (ms), not a pure number.
    net.set_r().tau(number(5.0)).unwrap();
}
