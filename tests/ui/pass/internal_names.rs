//! Names the expansion uses internally (`builder`, `selection_0` for a mask selection,
//! `network` for the built network, `pop_b` for population `b`) are free for users: the
//! generated locals are hygienic and named by role, so they collide neither with the
//! user's names nor with each other.
use network::prelude::*;

network! {
    pub struct Names;
    neuron Cell = iaf_psc_alpha { I_e: 400 pA };
    population b = Cell[20] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population selection = Cell[5] in box([0, 0, 0] mm, [1, 1, 1] mm);
    population builder = Cell[3];
    population pop_b = Cell[3];
    mask middle = sphere(center: [0.5, 0.5, 0.5] mm, radius: 2 mm);
    record selection_0 = spike_recorder <- b within middle;
    stimulate dc = dc_generator { amplitude: 10 pA } -> b within middle, selection within middle;
    connect b -> selection: fixed_indegree(2), via static_synapse { weight: 5 pA, delay: 1 ms };
}

fn main() -> Result<(), network::Error> {
    let mut net = Names::build(Seed(3))?;
    net.simulate(50.0)?;
    assert_eq!(net.b.len(), 20);
    assert_eq!(net.selection.len(), 5);
    assert_eq!(net.builder.len() + net.pop_b.len(), 6);
    assert!(net.spikes(&net.selection_0).len() > 0);
    Ok(())
}
