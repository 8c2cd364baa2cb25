use network::prelude::*;

network! {
    pub struct Net;
    wfr_comm_interval = 0.05 ms;
    neuron R = sigmoid_rate_ipn { tau: 5 mV, sigma: -1 };
    population r = R[4];
    record m = multimeter { record_from: [V_m] } <- r;
}

fn main() {}
