//! Layouts (box, positions, 2D and 3D grids, periodic) and every mask.
use network::prelude::*;

network! {
    pub struct Spatial;
    neuron Cell = iaf_psc_alpha;

    population cloud = Cell[50] in box([0, 0, 0] mm, [1, 1, 1] mm, periodic)
        where { region: "V1", density: 25000 per mm3, source: "Markram 2015", species: "rat" };
    population flat = Cell[40] in box([-0.5, -0.5] mm, [0.5, 0.5] mm);
    population listed = Cell[3] at positions([[0, 0], [100, 0] um, [0.2, 0.2]] mm, extent: [1, 1] mm);
    population sheet = Cell[100] on grid([10, 10], extent: [1, 1] mm, center: [0, 0] mm, periodic);
    population stack = Cell[32] on grid([4, 4, 2], extent: [1, 1, 0.5] mm);

    mask ball = sphere(radius: 300 um);
    mask cube = box([-0.2, -0.2, -0.2] mm, [0.2, 0.2, 0.2] mm, azimuth_angle: 45 deg);
    mask egg = ellipsoid(major_axis: 0.6 mm, minor_axis: 0.4 mm, polar_axis: 0.3 mm);
    mask disc = circle(radius: 0.3 mm, anchor: [0.1, 0] mm);
    mask square = rectangle([-0.2, -0.2] mm, [0.2, 0.2] mm);
    mask oval = ellipse(major_axis: 0.5 mm, minor_axis: 0.3 mm, azimuth_angle: 30 deg);
    mask ring = doughnut(inner_radius: 0.1 mm, outer_radius: 0.4 mm);

    connect cloud -> cloud: fixed_indegree(2) in ball;
    connect c2 = cloud -> cloud: fixed_outdegree(2) in cube;
    connect c3 = cloud -> cloud: pairwise_bernoulli(0.5) in egg;
    connect c4 = cloud -> cloud: pairwise_bernoulli(0.5) in ring;
    connect sheet -> sheet: pairwise_bernoulli(1) in disc, use_on_source;
    connect s2 = sheet -> sheet: fixed_indegree(3) in square;
    connect s3 = sheet -> sheet: fixed_indegree(3) in oval;
    connect flat -> sheet: pairwise_bernoulli(0.5) in ring;
    connect stack -> stack: fixed_indegree(1) in sphere(radius: 1 mm);
    connect listed -> flat: all_to_all;
}

fn main() -> Result<(), network::Error> {
    let mut net = Spatial::build(Seed(11))?;
    net.simulate(5.0)?;
    assert_eq!(net.sheet.len(), 100);
    Ok(())
}
