//! A figure: the data of one plot, taken from the network when it is made, and its
//! size; `save` draws it.

use crate::raster::RasterData;
use crate::spatial::SpatialData;
use crate::trace::TraceData;
use network_core::spatial::{Kernel, Mask};
use network_core::{
    MultimeterHandle, Network, ProjectionHandle, Provenance, RateMultimeterHandle, Recordable,
    SpikeRecorderHandle,
};

/// What a figure shows.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    Raster(RasterData),
    Trace(TraceData),
    Spatial(SpatialData),
}

/// A plot ready to be saved as SVG or PNG (`save("name.svg")`, `save("name.png")`).
#[derive(Debug, Clone)]
pub struct Figure {
    /// The recorder's name, for errors.
    pub(crate) entity: String,
    pub(crate) content: Content,
    /// Width and height (pixels).
    pub(crate) size: (u32, u32),
    pub(crate) provenance: Provenance,
}

impl Figure {
    pub(crate) fn raster(net: &Network, recorders: &[SpikeRecorderHandle]) -> Self {
        let entity = recorders
            .iter()
            .map(|r| net.recorder_name(r))
            .collect::<Vec<_>>()
            .join(" + ");
        Self {
            content: Content::Raster(RasterData::new(net, recorders, &entity)),
            entity,
            size: (1000, 700),
            provenance: net.provenance(),
        }
    }

    pub(crate) fn trace(net: &Network, meter: &MultimeterHandle) -> Self {
        let entity = net.multimeter_name(meter).to_string();
        Self {
            content: Content::Trace(TraceData::new(net, meter, &entity)),
            entity,
            size: (1000, 500),
            provenance: net.provenance(),
        }
    }

    pub(crate) fn rate_trace(net: &Network, meter: &RateMultimeterHandle) -> Self {
        let entity = net.rate_multimeter_name(meter).to_string();
        Self {
            content: Content::Trace(TraceData::rate(net, meter)),
            entity,
            size: (1000, 500),
            provenance: net.provenance(),
        }
    }

    pub(crate) fn spatial(net: &Network, entity: String, data: SpatialData) -> Self {
        let size = if data.dims == 3 {
            (1500, 560)
        } else {
            (900, 700)
        };
        Self {
            entity,
            content: Content::Spatial(data),
            size,
            provenance: net.provenance(),
        }
    }

    pub(crate) fn positions(net: &Network, population: usize) -> Self {
        let entity = net
            .populations()
            .get(population)
            .map_or_else(|| format!("population {population}"), |p| p.name.clone());
        Self::spatial(net, entity, SpatialData::positions(net, population))
    }

    pub(crate) fn partners(
        net: &Network,
        projection: &ProjectionHandle,
        neuron: u32,
        sources: bool,
    ) -> Self {
        let entity = net.projection(projection).name.clone();
        Self::spatial(
            net,
            entity,
            SpatialData::partners(net, projection, neuron, sources),
        )
    }

    /// For a targets or sources plot: draw `mask` (its outline, in the plane through
    /// the chosen neuron) around the chosen neuron, as NEST's `PlotTargets` does. A
    /// `grid` mask is drawn as the rectangle of cells NEST makes of it on the drawn
    /// layer (saving fails, naming the plot, where that layer is not a 2D grid).
    pub fn mask(mut self, mask: Mask) -> Self {
        if let Content::Spatial(s) = &mut self.content {
            s.mask = Some(mask);
        }
        self
    }

    /// For a targets or sources plot: shade the connection probability `kernel` of the
    /// distance from the chosen neuron (inside the mask, when one is drawn), as NEST's
    /// `PlotProbabilityParameter` does.
    pub fn kernel(mut self, kernel: Kernel) -> Self {
        if let Content::Spatial(s) = &mut self.content {
            s.kernel = Some(kernel);
        }
        self
    }

    /// The same figure `width` x `height` pixels (default 1000 x 700 for a raster,
    /// 1000 x 500 for a trace).
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.size = (width.max(200), height.max(150));
        self
    }

    /// For a raster: the width of the rate histogram's bins (ms; by default about
    /// 1/100 of the simulated time, rounded to 1, 2 or 5 times a power of ten).
    pub fn bin_ms(mut self, bin_ms: f64) -> Self {
        if let Content::Raster(r) = &mut self.content {
            if bin_ms.is_finite() && bin_ms > 0.0 {
                r.bin_ms = bin_ms;
            }
        }
        self
    }

    /// For a raster: give rows to at most `n` neurons (default 500), each population
    /// its share, spread evenly over its neurons; the title says how many are shown.
    /// The rates below count every recorded neuron.
    pub fn max_neurons(mut self, n: usize) -> Self {
        if let Content::Raster(r) = &mut self.content {
            r.max_neurons = n.max(1);
        }
        self
    }

    /// The time axis (ms): for a raster its recorders' window (start to stop, cut at the
    /// simulated time), for a trace its multimeter's window (cut the same way); `(0, 0)`
    /// for a spatial plot.
    pub fn time_axis(&self) -> (f64, f64) {
        match &self.content {
            Content::Raster(r) => (r.t_min, r.t_max),
            Content::Trace(t) => (t.t_min, t.t_max),
            Content::Spatial(_) => (0.0, 0.0),
        }
    }

    /// For a trace: draw at most `n` neurons (default 8), the first by node id.
    pub fn max_traces(mut self, n: usize) -> Self {
        if let Content::Trace(t) = &mut self.content {
            t.max_traces = n.max(1);
        }
        self
    }

    /// For a trace: which recordable to draw (default V_m when recorded).
    pub fn variable(mut self, variable: Recordable) -> Self {
        if let Content::Trace(t) = &mut self.content {
            t.variable = variable;
        }
        self
    }
}
