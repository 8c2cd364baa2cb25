use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_alpha { C_m: 0 pF };
    population cells = Cell[10];
}

fn main() -> Result<(), network::Error> {
    let mut net = Net::build(Seed(1))?;
    net.simulate(10.0)?;
    Ok(())
}
