//! Weights, delays and probabilities as expressions of distance, displacement and
//! positions, with NEST's functions and random terms.
use network::prelude::*;

network! {
    pub struct Net;
    resolution = 0.1 ms;
    neuron Cell = iaf_psc_alpha { I_e: 400 pA };
    population sheet = Cell[100] on grid([10, 10], extent: [1, 1] mm, periodic);
    population cloud = Cell[50] in box([0, 0, 0] mm, [1, 1, 1] mm);
    connect sheet -> sheet: pairwise_bernoulli(p: 0.3 * exp(-distance^2 / (2 * (100 um)^2))),
        via static_synapse {
            weight: 2 pA * exp(-distance / 150 um) + 0.5 pA * cos(dx / 0.2 mm),
            delay: 0.5 ms + distance / (0.3 mm/ms),
        };
    connect cloud -> cloud: fixed_indegree(5) in sphere(radius: 0.4 mm)
        with p = if(dz > 0 mm, 1, 0.5),
        via static_synapse {
            weight: clip(normal(mean: 20 pA, std: 5 pA), 10 pA, 30 pA) * (1 + (target.z - source.z) / 1 mm),
            delay: 1 ms + redraw(exponential(0.5 ms), 0 ms, 2 ms),
        };
}

fn main() {
    let mut net = Net::build(Seed(1)).unwrap();
    net.simulate(20.0).unwrap();
    let w = net.connections(&net.sheet_to_sheet);
    assert!(!w.is_empty());
    assert!(w.iter().all(|c| c.weight > -0.5 && c.weight <= 2.5 + 1e-12));
    let v = net.connections(&net.cloud_to_cloud);
    assert_eq!(v.len(), 250);
    assert!(v.iter().all(|c| c.delay >= 1.0 && c.delay <= 3.0));
}
