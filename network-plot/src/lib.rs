//! Pictures of a network's recordings: a raster plot of one or several spike recorders
//! (neurons grouped by population, the first on top, time in ms over the recorders'
//! window, an even subsample of large populations) above the populations' rate
//! histogram, and the traces of a voltmeter or multimeter (thinned to the pixel
//! width); and of its space: a population's positions and one neuron's targets or
//! sources with the connection's mask and kernel. Saved as SVG or PNG.
//!
//! ```no_run
//! use network_plot::Plots;
//! # fn run(net: &network_core::Network, spikes: &network_core::SpikeRecorderHandle,
//! #        vm: &network_core::MultimeterHandle) -> network_core::Result<()> {
//! net.raster(spikes).save("exc.svg")?;
//! net.raster(spikes).bin_ms(10.0).save("exc.png")?;
//! net.trace(vm).save("vm.png")?;
//! # Ok(()) }
//! ```
//!
//! Plotting reads what was recorded; it never touches the simulation. Text is drawn
//! with an embedded subset of DejaVu Sans (`fonts/`), so no system font library is
//! needed.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod backend;
mod figure;
mod font;
mod legend;
mod palette;
mod raster;
mod save;
mod spatial;
mod trace;

pub use figure::Figure;

use network_core::{
    MultimeterHandle, Network, ProjectionHandle, RateMultimeterHandle, SpikeRecorderHandle,
};

/// Plots of a network's recorders.
pub trait Plots {
    /// A raster plot of `recorder`'s spikes (neurons grouped by population, time in
    /// ms) with the populations' rates (Hz) below; save it with `.save("x.svg")`.
    fn raster(&self, recorder: &SpikeRecorderHandle) -> Figure;

    /// One raster of several recorders, as `nest.raster_plot` of several recorders:
    /// the populations from top to bottom in the order the recorders name them (E
    /// above I), one colour each, over the union of the recorders' windows.
    fn rasters(&self, recorders: &[SpikeRecorderHandle]) -> Figure;

    /// The traces of `meter` (V_m when it records it, else its first recordable)
    /// over time; save it with `.save("x.png")`.
    fn trace(&self, meter: &MultimeterHandle) -> Figure;

    /// The traces of a multimeter on rate neurons (`rate` when it records it, else its
    /// first recordable) over time, neurons labelled `population[index]`.
    fn rate_trace(&self, meter: &RateMultimeterHandle) -> Figure;

    /// The positions of population `population` (its index), as NEST's `PlotLayer`:
    /// x-y for a 2D layer, the x-y, x-z and y-z projections for a 3D one. A
    /// non-spatial population (or an index past the last) gives an empty figure whose
    /// title says so.
    fn positions(&self, population: usize) -> Figure;

    /// Neuron `source`'s targets in `projection` over the target population's
    /// positions, as NEST's `PlotTargets`; add `.mask(..)` and `.kernel(..)` to draw
    /// the connection's mask and kernel around it.
    fn targets(&self, projection: &ProjectionHandle, source: u32) -> Figure;

    /// Neuron `target`'s sources in `projection` over the source population's
    /// positions (the converse of [`Plots::targets`]).
    fn sources(&self, projection: &ProjectionHandle, target: u32) -> Figure;
}

impl Plots for Network {
    fn raster(&self, recorder: &SpikeRecorderHandle) -> Figure {
        Figure::raster(self, std::slice::from_ref(recorder))
    }

    fn rasters(&self, recorders: &[SpikeRecorderHandle]) -> Figure {
        Figure::raster(self, recorders)
    }

    fn trace(&self, meter: &MultimeterHandle) -> Figure {
        Figure::trace(self, meter)
    }

    fn rate_trace(&self, meter: &RateMultimeterHandle) -> Figure {
        Figure::rate_trace(self, meter)
    }

    fn positions(&self, population: usize) -> Figure {
        Figure::positions(self, population)
    }

    fn targets(&self, projection: &ProjectionHandle, source: u32) -> Figure {
        Figure::partners(self, projection, source, false)
    }

    fn sources(&self, projection: &ProjectionHandle, target: u32) -> Figure {
        Figure::partners(self, projection, target, true)
    }
}
