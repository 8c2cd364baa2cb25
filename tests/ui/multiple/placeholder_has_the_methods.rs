//! One mistake in the description is one error: the type that stands in for the network
//! has its fields, methods, constants and `Deref` to the network, so the code using it
//! (reports, plots, recorder data, exports) reports nothing more.
use network::prelude::*;
use network_plot::Plots;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { C_m: 0 pF };
    population cells = Cell[10];
    population more = Cell[dyn n];
    record spikes = spike_recorder <- cells;
    record volts = voltmeter <- cells[0..2];
    stimulate drive = poisson_generator { rate: 10 Hz } -> cells;
    connect recurrent = cells -> cells: fixed_indegree(2), via static_synapse { weight: 1 pA, delay: 1 ms };
    connect cells -> more: fixed_indegree(1), via static_synapse { weight: 1 pA, delay: 1 ms };
    connect cells -> more: fixed_indegree(2), via static_synapse { weight: 2 pA, delay: 1 ms };
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut net = Net::build_with_threads(Net::DEFAULT_SEED, Some(2), NetSizes { n: 5 })?;
    net.simulate(100.0 * Net::RESOLUTION_MS)?;
    println!("{}", net.report());
    println!("{} {}", Net::DESCRIPTION.len(), Net::CANONICAL.len());
    println!("{} {}", net.cells.len(), net.more.len());
    println!("{}", net.spikes(&net.spikes).len());
    println!("{}", net.samples(&net.volts).len());
    net.raster(&net.spikes).save("spikes.svg")?;
    net.trace(&net.volts).save("volts.svg")?;
    println!("{}", net.projection(&net.recurrent).synapses);
    // Unnamed connections keep their generated names, numbered when repeated.
    println!("{}", net.projection(&net.cells_to_more).synapses);
    println!("{}", net.projection(&net.cells_to_more_2).synapses);
    println!("{:?}", net.drive);
    let _script: String = net.export_pynest(&Default::default())?;
    let _notebook: String = net.export_notebook(&Default::default())?;
    let _: &Network = net.network();
    let _: &mut Network = net.network_mut();
    let _ = Net::build(Seed(1), NetSizes { n: 3 });
    Ok(())
}
