//! Run-time sizes (`[dyn n]`, given to `build` in `<Name>Sizes`) and Rust expressions in
//! braces with units checked at compile time; the checks that need a size happen at
//! build time and name the statement.
use network::prelude::*;

const J: f64 = 0.02;

fn rate() -> f64 {
    4.0 * 2.5
}

network! {
    pub struct Scaled;
    neuron Cell = iaf_psc_alpha;
    synapse ampa = static_synapse { weight: {J * 1000.0} pA, delay: {0.0015} s };
    population exc = Cell[dyn ne];
    population inh = Cell[dyn ni];
    population fixed = Cell[10];
    stimulate drive = poisson_generator { rate: {rate()} kHz } -> exc, inh via ampa;
    stimulate dc = dc_generator { amplitude: {J} nA } -> fixed;
    record spikes = spike_recorder <- exc;
    connect exc -> inh: fixed_indegree(20), via ampa { weight: {2.0 * J} nA };
    connect inh -> exc: one_to_one, via ampa;
}

network! {
    pub struct OneToOne;
    neuron Cell = iaf_psc_alpha;
    population left = Cell[dyn na];
    population right = Cell[dyn nb];
    connect left -> right: one_to_one, via static_synapse { weight: 1 pA, delay: 1 ms };
}

network! {
    pub struct Degree;
    neuron Cell = iaf_psc_alpha;
    population a = Cell[dyn n];
    connect a -> a: fixed_indegree(5), no multapses, via static_synapse { weight: 1 pA, delay: 1 ms };
}

network! {
    pub struct Sheet;
    neuron Cell = iaf_psc_alpha;
    population sheet = Cell[dyn n] on grid([4, 4], extent: [1, 1] mm);
}

fn main() {
    let sizes = ScaledSizes { ne: 40, ni: 40 };
    let mut net = Scaled::build(Seed(1), sizes).unwrap();
    let _: &PopulationHandle<Dyn> = &net.exc;
    let _: &PopulationHandle<Const<10>> = &net.fixed;
    assert_eq!(net.exc.len(), 40);
    assert_eq!(net.projection(&net.exc_to_inh).synapses, 40 * 20);
    net.simulate(100.0).unwrap();
    assert!(!net.spikes(&net.spikes).is_empty());

    // What rustc cannot check is checked when the network is built, naming the statement.
    let e = OneToOne::build(Seed(1), OneToOneSizes { na: 3, nb: 4 }).err().unwrap();
    assert!(e.to_string().contains("left -> right"), "{e}");
    assert!(OneToOne::build(Seed(1), OneToOneSizes { na: 4, nb: 4 }).is_ok());
    let e = Degree::build(Seed(1), DegreeSizes { n: 3 }).err().unwrap();
    assert!(e.to_string().contains("a -> a"), "{e}");
    let e = Sheet::build(Seed(1), SheetSizes { n: 15 }).err().unwrap();
    assert!(e.to_string().contains("sheet"), "{e}");
    assert!(Sheet::build(Seed(1), SheetSizes { n: 16 }).is_ok());
}
