//! Benchmark case: 3D spatial `fixed_indegree` between two free-position populations of
//! N neurons each (uniform in a cube at density 10⁴ per unit volume), indegree 100 inside
//! a spherical mask holding 1000 candidates in the bulk, no autapses, no multapses — the
//! case of `shared/peers/nest_spatial_connect.py`.
//!
//! `cargo run --release --example spatial_connect -- [--n 100000] [--threads 2] [--json]`

use clap::Parser;
use network::prelude::*;
use serde_json::json;
use std::time::Instant;

/// Command-line options.
#[derive(Parser)]
#[command(about = "Time a spatial fixed_indegree connection")]
struct Options {
    /// Neurons per population.
    #[arg(long, default_value_t = 100_000)]
    n: usize,
    /// Indegree of every target.
    #[arg(long, default_value_t = 100)]
    indegree: usize,
    /// Threads for connection building.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Seed of every random draw.
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Weight the candidates by distance: `none`, `gaussian` (the kernel) or
    /// `expression` (the same written as `exp(-distance^2 / (2 * std^2))`), std half the
    /// mask's radius.
    #[arg(long, default_value = "none")]
    p: String,
}

const DENSITY: f64 = 10_000.0;
const CANDIDATES: f64 = 1000.0;

fn main() -> Result<(), Error> {
    let options = Options::parse();
    let side = (options.n as f64 / DENSITY).cbrt();
    let radius = (3.0 * CANDIDATES / (4.0 * std::f64::consts::PI * DENSITY)).cbrt();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| Error::Resources(e.to_string()))?;
    pool.install(|| {
        let started = Instant::now();
        let mut b = NetworkBuilder::new(Resolution::default(), Seed(options.seed)).threads(options.threads);
        let model = Model::nest(IafPscAlpha::default())?;
        let cube = Layout::FreeUniform {
            lower_left: vec![0.0; 3],
            upper_right: vec![side; 3],
            edge_wrap: false,
        };
        let source = b.spatial_population("source", &model, Dyn(options.n), &cube)?;
        let target = b.spatial_population("target", &model, Dyn(options.n), &cube)?;
        let create_s = started.elapsed().as_secs_f64();
        let connecting = Instant::now();
        let mut spec = ConnSpec::new(Rule::FixedIndegree(options.indegree))
            .with_mask(Mask::sphere(radius))
            .no_autapses()
            .no_multapses();
        let std = radius / 2.0;
        spec.kernel = match options.p.as_str() {
            "gaussian" => Some(Kernel::Gaussian { p0: 1.0, mean: 0.0, std }),
            "expression" => {
                use network::spec::expression::{Arith, Expression as E, Function};
                let squared = E::Pow(Box::new(E::Distance), 2.0);
                let exponent = E::Arith(
                    Arith::Div,
                    Box::new(E::Neg(Box::new(squared))),
                    Box::new(E::Number(2.0 * std.powi(2))),
                );
                let e = E::Function(Function::Exp, Box::new(exponent));
                Some(Kernel::Expression(std::sync::Arc::new(e)))
            }
            _ => None,
        };
        b.connect("source -> target", &source, &target, &spec, StaticSynapse::new(1.0, 1.0))?;
        let connect_s = connecting.elapsed().as_secs_f64();
        let net = b.build()?;
        let synapses = net.projections()[0].synapses;
        if options.json {
            let summary = json!({
                "n": options.n, "threads": options.threads, "radius": radius, "side": side,
                "create_s": create_s, "connect_s": connect_s, "synapses": synapses, "p": options.p,
            });
            println!("{summary}");
        } else {
            println!(
                "{} + {} neurons, radius {radius:.4}: {synapses} synapses; create {create_s:.3} s, connect {connect_s:.3} s on {} thread(s)",
                options.n, options.n, options.threads
            );
        }
        Ok(())
    })
}
