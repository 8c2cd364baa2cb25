//! Spatial plots, as NEST's `PlotLayer`, `PlotTargets` and `PlotProbabilityParameter`:
//! a 2D grid layer connected inside a circular mask with a gaussian kernel, and a 3D
//! layer, and the grid made periodic (a corner neuron's targets across the edges),
//! saved into the directory given as the argument (default `.`).
//!
//! `cargo run -p network-plot --example spatial -- /tmp/figures`

use network_core::connect::{ConnSpec, Rule};
use network_core::spatial::{Kernel, Layout, Mask};
use network_core::*;
use network_plot::Plots;

fn main() -> Result<()> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let mut b = NetworkBuilder::new(Resolution::default(), Seed(7));
    let model = Model::nest(IafPscAlpha::default())?;
    let grid = Layout::Grid {
        shape: vec![21, 21],
        extent: Some(vec![2.0, 2.0]),
        center: None,
        edge_wrap: false,
    };
    let pre = b.spatial_population("pre", &model, Dyn(441), &grid)?;
    let post = b.spatial_population("post", &model, Dyn(441), &grid)?;
    let mask = Mask::circle(0.5);
    let kernel = Kernel::Gaussian {
        p0: 1.0,
        mean: 0.0,
        std: 0.25,
    };
    let mut spec = ConnSpec::new(Rule::PairwiseBernoulli(1.0));
    spec.mask = Some(mask.clone());
    spec.kernel = Some(kernel.clone());
    let projection = b.connect("pre->post", &pre, &post, &spec, StaticSynapse::default())?;
    let cloud = Layout::FreeUniform {
        lower_left: vec![-0.5, -0.5, -0.5],
        upper_right: vec![0.5, 0.5, 0.5],
        edge_wrap: false,
    };
    b.spatial_population("cloud", &model, Dyn(300), &cloud)?;
    // The same grid, periodic: a corner neuron's mask continues across the edges.
    let torus = Layout::Grid {
        shape: vec![21, 21],
        extent: Some(vec![2.0, 2.0]),
        center: None,
        edge_wrap: true,
    };
    let tpre = b.spatial_population("torus_pre", &model, Dyn(441), &torus)?;
    let tpost = b.spatial_population("torus_post", &model, Dyn(441), &torus)?;
    let wrapped = b.connect("torus", &tpre, &tpost, &spec, StaticSynapse::default())?;
    let net = b.build()?;
    // The centre of the 21 x 21 grid: column 10, row 10.
    let centre = 10 * 21 + 10;
    net.positions(0).save(out.join("pre_positions.png"))?;
    net.positions(2).save(out.join("cloud_positions.png"))?;
    net.targets(&projection, centre)
        .mask(mask.clone())
        .kernel(kernel)
        .save(out.join("targets.png"))?;
    net.sources(&projection, 0)
        .mask(mask.clone())
        .save(out.join("sources_of_corner.png"))?;
    net.targets(&wrapped, 0)
        .mask(mask.clone())
        .save(out.join("targets_periodic_corner.png"))?;
    Ok(())
}
