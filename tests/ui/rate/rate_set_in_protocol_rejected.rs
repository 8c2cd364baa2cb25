use network::prelude::*;

network! {
    pub struct Net;
    neuron R = tanh_rate_ipn { g: 2 };
    population r = R[4];
    record m = multimeter { record_from: [rate] } <- r;
    protocol {
        simulate 10 ms;
        set r.V_th = 1;
        set r[0..2].mu = 0.5;
        set r.tau = 5 mV;
        set r.tau = -1 ms;
        set r[2..9].rate = 0.5;
        set m.interval = 5 ms;
        simulate 10 ms;
    }
}

fn main() {}
