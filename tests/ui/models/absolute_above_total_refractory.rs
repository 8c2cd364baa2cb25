use network::prelude::*;

network! {
    pub struct Net;
    neuron Cell = iaf_psc_exp_htum { t_ref_abs: 3 ms, t_ref_tot: 2 ms };
}

fn main() {}
