//! The typed setters of generators, recorders and connections: a method per value the
//! protocol block takes, in its unit (a weight in the target's unit: pA, nS onto a
//! conductance-based model, mV onto iaf_psc_delta), a recorder the protocol adds set
//! once it exists, and a value NEST refuses as an error.
use network::prelude::*;
use network::units::{deg, mV, ms, nS, number, pA, Hz};

network! {
    pub struct Devices;
    neuron Cell = iaf_psc_alpha;
    neuron Cond = iaf_cond_exp;
    neuron Delta = iaf_psc_delta;
    neuron R = lin_rate_ipn;
    population cells = Cell[3];
    population cond = Cond[2];
    population delta = Delta[2];
    population r = R[2];
    stimulate drive = poisson_generator { rate: 100 Hz } -> cells via static_synapse { weight: 5 pA, delay: 1 ms };
    stimulate noise = noise_generator { std: 50 pA } -> cells;
    stimulate pulses = pulsepacket_generator { pulse_times: [10] ms, activity: 2, sdev: 1 ms } -> cells via static_synapse { weight: 5 pA, delay: 1 ms };
    connect to_cond = cells -> cond: all_to_all, via static_synapse { weight: 2 nS, delay: 1 ms };
    connect to_delta = cells -> delta: all_to_all, via quantal_stp_synapse { weight: 0.5 mV, delay: 2 ms };
    record rates = multimeter { record_from: [rate] } <- r;
    protocol {
        simulate 10 ms;
        record late = spike_recorder <- cells;
        simulate 10 ms;
    }
}

fn main() {
    let mut net = Devices::build(Seed(1)).unwrap();
    net.set_drive().rate(Hz(20_000.0)).unwrap().start(ms(5.0)).unwrap();
    net.set_noise().phase(deg(45.0)).unwrap().std_mod(pA(10.0)).unwrap();
    net.set_pulses().activity(number(3.0)).unwrap().sdev(ms(0.5)).unwrap();
    net.set_to_cond().weight(nS(3.0)).unwrap().delay(ms(2.0)).unwrap();
    net.set_to_delta().weight(mV(0.2)).unwrap().n(number(3.0)).unwrap();
    net.set_rates().stop(ms(50.0)).unwrap();
    // `late` is made by the protocol's `record` statement: not yet.
    let early = net.set_late().start(ms(5.0)).map(drop).unwrap_err();
    assert!(early.to_string().contains("late"), "{early}");
    net.run_protocol().unwrap();
    net.set_late().start(ms(25.0)).unwrap();
    // NEST refuses a release probability above 1.
    assert!(net.set_to_delta().U(number(1.5)).is_err());
    assert!(net.connections(&net.to_cond).iter().all(|c| c.weight == 3.0 && c.delay == 2.0));
}
