//! Hygiene: the expansion's locals cannot capture the user's tokens and its paths are
//! absolute. A function and a constant named like populations, functions named like the
//! expansion's own locals (`builder`, `seed`, `value`, ..), and items named `Some`,
//! `None`, `Ok`, `Option`, `Result`, `Vec`, `Default`, `vec!`, `core` and `std` in the
//! invoking module do not change what the description means. (A constant named like one
//! of the expansion's locals, e.g. `const builder`, would still clash with it: Rust has
//! no stable definition-site hygiene; the locals are named by role, `pop_exc`,
//! `dev_spikes`, so a constant named like a population or device does not.)
#![allow(dead_code, non_upper_case_globals, non_camel_case_types)]

mod shadowed {
    use network::prelude::*;

    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Option;
    pub struct Result;
    pub struct Vec;
    pub struct Default;
    pub mod core {}
    pub mod std {}
    #[allow(unused_macros)]
    macro_rules! vec {
        ($($t:tt)*) => {
            compile_error!("the expansion must not use the invoking module's `vec!`")
        };
    }

    /// Named like the population: `{l23pyr()}` is this function, not the population.
    pub fn l23pyr() -> f64 {
        150.0
    }
    /// Named like the other population: `{exc}` is this constant.
    pub const exc: f64 = 2.0;
    /// Named like the generated builder, seed, thread count, selections and models.
    pub fn builder() -> f64 {
        2.0
    }
    pub fn seed() -> f64 {
        3.0
    }
    pub fn threads() -> f64 {
        0.5
    }
    pub fn selection_0() -> f64 {
        4.0
    }
    pub fn model_Cell() -> f64 {
        5.0
    }
    pub fn value() -> f64 {
        1.0
    }
    pub fn network() -> usize {
        2
    }

    network! {
        pub struct Hygienic;
        neuron Cell = iaf_psc_alpha { I_e: 100 pA };
        population l23pyr = Cell[20] in box([0, 0, 0] mm, [1, 1, 1] mm);
        population exc = Cell[10];
        mask all = sphere(center: [0.5, 0.5, 0.5] mm, radius: 2 mm);
        record spikes = spike_recorder { stop: 100 ms, to: ascii } <- l23pyr within all;
        stimulate dc = dc_generator { amplitude: {l23pyr() + builder() + value() + selection_0() + model_Cell() + exc} pA }
            -> l23pyr within all, l23pyr;
        stimulate drive = poisson_generator { rate: {seed() * 5.0} Hz } -> l23pyr;
        connect l23pyr -> l23pyr: fixed_indegree(2),
            via static_synapse { weight: {threads()} pA, delay: {network() as f64 * 0.5} ms };
    }
}

use network::prelude::*;

fn main() -> std::result::Result<(), network::Error> {
    let dir = std::env::temp_dir().join("network-ui-hygiene");
    std::fs::create_dir_all(&dir).unwrap();
    std::env::set_current_dir(&dir).unwrap();
    let mut net = shadowed::Hygienic::build(Seed(1))?;
    net.simulate(100.0)?;
    assert_eq!(net.l23pyr.len(), 20);
    assert!(!net.spikes(&net.spikes).is_empty());
    assert_eq!(net.projection(&net.l23pyr_to_l23pyr).synapses, 20 * 2);
    Ok(())
}
