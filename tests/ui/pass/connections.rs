//! Every rule, flags, kernels, random weights and delays, named synapses, biology.
use network::prelude::*;

network! {
    pub struct Connections;
    neuron Exc = iaf_psc_alpha(excitatory);
    neuron Inh = iaf_psc_alpha(inhibitory);
    population exc = Exc[40] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population inh = Inh[10] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population sheet = Exc[25] on grid([5, 5], extent: [1, 1] mm);
    synapse ampa = static_synapse { weight: 20 pA, delay: 1 ms };
    synapse gaba = static_synapse { weight: -80 pA, delay: uniform(1 ms, 2 ms) };

    connect exc -> exc: all_to_all, no autapses, via ampa;
    connect e1 = exc -> exc: one_to_one, via static_synapse { weight: 10 pA, delay: 0.1 ms };
    connect exc -> inh: fixed_indegree(8), no multapses, via ampa { weight: lognormal(mu: 2, sigma: 0.5) };
    connect inh -> exc: fixed_outdegree(5), no autapses, no multapses, via gaba;
    connect i2 = inh -> exc: fixed_total_number(30), via gaba { weight: normal(mean: -50 pA, std: 10 pA, max: -1 pA) };
    connect i3 = inh -> inh: pairwise_bernoulli(0.2), via static_synapse { weight: -1 nA, delay: 2 ms };
    connect e2 = exc -> exc: pairwise_bernoulli(0.8) with p = gaussian(p0: 1, mean: 0 mm, std: 200 um), via ampa;
    connect e3 = exc -> exc: fixed_indegree(3) in sphere(radius: 0.5 mm) with p = exponential(p0: 1, beta: 0.3 mm), via ampa;
    connect e4 = exc -> inh: fixed_outdegree(1) with p = linear(p0: 1, slope: -0.5), via ampa;
    connect e5 = exc -> inh: pairwise_bernoulli(0.1) with p = constant(p: 0.5), via ampa;
    connect e6 = exc -> inh: fixed_indegree(4) with p = gamma(p0: 0.5, kappa: 2, theta: 200 um), via ampa;
    connect e7 = sheet -> sheet: pairwise_bernoulli(1) with p = gaussian2d(std_x: 0.3 mm, std_y: 200 um, rho: 0.2), via ampa;
    connect e8 = sheet -> sheet: pairwise_bernoulli(1) with p = gabor(theta: 30 deg, std: 0.3 mm, lam: 0.5 mm, psi: 10 deg), via ampa;
    /// Wiring derived from anatomy: indegree = max(1, round(10/100 * 40/10 * 40/2)) = 8.
    connect bio = exc -> inh: from_biology, via ampa
        where { projection: 10 %, boutons: 40, redundancy: 2, axon_radius: 2 mm, axon_organisation: local };
    connect sheet_bio = sheet -> sheet: from_biology, via ampa
        where { projection: 50 %, boutons: 4, axon_radius: 500 um };
}

fn main() -> Result<(), network::Error> {
    let mut net = Connections::build_with_threads(Seed(9), Some(2))?;
    net.simulate(10.0)?;
    assert_eq!(net.projection(&net.bio).synapses, 80);
    assert_eq!(net.projection(&net.e6).synapses, 40);
    Ok(())
}
