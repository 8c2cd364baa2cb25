//! Rate neurons: every model, both rate connections and every rule, multimeters on
//! all or some neurons, the waveform-relaxation settings, beside a spiking population;
//! `set` between runs in a protocol and through the typed setters.
use network::prelude::*;
use network::units::{ms, number};

network! {
    pub struct Rates;
    resolution = 0.1 ms;
    use_wfr = true;
    wfr_comm_interval = 1 ms;
    wfr_tol = 1e-6;
    wfr_max_iterations = 20;
    wfr_interpolation_order = 3;
    neuron Cell = iaf_psc_alpha { I_e: 400 pA };
    neuron L = lin_rate_ipn { tau: 10 ms, mu: 0.5, sigma: 0.1, mult_coupling: true, g_ex: 0.8 };
    neuron T = tanh_rate_ipn { g: 2, theta: 0.1 };
    neuron Th = threshold_lin_rate_ipn { alpha: 5, rectify_output: true, rectify_rate: 0.1 };
    neuron S = sigmoid_rate_ipn { beta: 3, linear_summation: false };
    population cells = Cell[3];
    population l = L[4];
    population t = T[4];
    population th = Th[2];
    population s = S[2];
    connect cells -> cells: all_to_all via static_synapse { weight: 10 pA, delay: 1 ms };
    connect l -> t: one_to_one via rate_connection_delayed { weight: 0.5, delay: 1.5 ms };
    connect t -> th: all_to_all via rate_connection_instantaneous { weight: -0.3 };
    connect th -> s: pairs([[0, 1], [1, 0], [1, 1]]) via rate_connection_instantaneous { weight: 0.2 };
    record rates = multimeter { record_from: [rate, noise], interval: 0.5 ms } <- l;
    record some = multimeter { record_from: [rate] } <- s[1..2];
    record v = voltmeter <- cells;
    protocol {
        simulate 10 ms;
        set l.mu = 0.2;
        set l.tau = 5 ms;
        set th.rectify_output = false;
        set t[0..2].rate = 0.5;
        set s[0, 1].rate = 0.1;
        simulate 10 ms;
    }
}

fn main() -> Result<(), network::Error> {
    let mut net = Rates::build(Seed(3))?;
    net.run_protocol()?;
    let rates: &network::RatePopulationHandle = &net.l;
    assert_eq!(rates.len(), 4);
    assert_eq!(net.rate_samples(&net.rates).times().len(), 4 * 40);
    assert_eq!(net.rate_samples(&net.some).senders().len(), 20);
    assert!(!net.samples(&net.v).times().is_empty());
    net.set_l().mu(number(0.3))?.tau(ms(8.0))?.mult_coupling(false)?;
    net.set_t_in(&[1, 3]).rate(number(0.25))?;
    net.simulate(1.0)?;
    Ok(())
}
