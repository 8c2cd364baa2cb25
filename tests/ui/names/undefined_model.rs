use network::prelude::*;

network! {
    pub struct Net;
    population cells = Pyramidal[10];
}

fn main() {}
