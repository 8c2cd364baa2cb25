//! The trace plot: one recordable (V_m in mV, or a current in pA) of a few neurons over
//! time (ms).

use crate::palette::color;
use crate::raster::tick;
use network_core::{MultimeterHandle, Network, Recordable};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A trace plot's data: every sample of the multimeter, drawn per neuron.
#[derive(Debug, Clone)]
pub(crate) struct TraceData {
    pub name: String,
    pub recorded: Vec<Recordable>,
    pub variable: Recordable,
    pub max_traces: usize,
    /// Per sample: sender, time (ms), values in `recorded` order.
    pub senders: Vec<u32>,
    pub times: Vec<f64>,
    pub values: Vec<Vec<f64>>,
    /// Name of each sender: `population[index]`.
    pub labels: std::collections::HashMap<u32, String>,
    pub t_max: f64,
}

impl TraceData {
    pub fn new(net: &Network, meter: &MultimeterHandle, name: &str) -> Self {
        let samples = net.samples(meter);
        let recorded = samples.record_from().to_vec();
        let variable = if recorded.contains(&Recordable::V_m) {
            Recordable::V_m
        } else {
            recorded.first().copied().unwrap_or(Recordable::V_m)
        };
        let values = recorded
            .iter()
            .map(|&r| samples.values(r).unwrap_or_default())
            .collect();
        let senders = samples.senders().to_vec();
        let labels = senders
            .iter()
            .filter_map(|&s| {
                let (pop, i) = net.locate(s)?;
                Some((s, format!("{pop}[{i}]")))
            })
            .collect();
        Self {
            name: name.to_string(),
            recorded,
            variable,
            max_traces: 8,
            times: samples.times(),
            senders,
            values,
            labels,
            t_max: net.time().max(net.resolution().ms()),
        }
    }

    /// `(label, points)` of the neurons drawn: the first `max_traces` by node id.
    pub fn series(&self) -> Vec<(String, Vec<(f64, f64)>)> {
        let Some(k) = self.recorded.iter().position(|&r| r == self.variable) else {
            return Vec::new();
        };
        let mut ids: Vec<u32> = self.senders.clone();
        ids.sort_unstable();
        ids.dedup();
        ids.truncate(self.max_traces);
        ids.iter()
            .map(|&id| {
                let points = self
                    .senders
                    .iter()
                    .zip(&self.times)
                    .zip(&self.values[k])
                    .filter(|((&s, _), _)| s == id)
                    .map(|((_, &t), &v)| (t, v))
                    .collect();
                let label = self.labels.get(&id).cloned().unwrap_or_default();
                (format!("{label} (id {id})"), points)
            })
            .collect()
    }

    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        root.fill(&WHITE).map_err(err)?;
        let series = self.series();
        let (lo, hi) = series
            .iter()
            .flat_map(|(_, p)| p.iter().map(|&(_, v)| v))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        let (lo, hi) = if lo.is_finite() {
            (lo, hi)
        } else {
            (-1.0, 1.0)
        };
        let pad = ((hi - lo) * 0.05).max(0.5);
        let unit = self.variable.unit();
        let shown = series.len();
        let total = {
            let mut ids = self.senders.clone();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        let title = if shown < total {
            format!(
                "{}: {} of {shown} of {total} neurons",
                self.name,
                self.variable.name()
            )
        } else {
            format!("{}: {} of {total} neurons", self.name, self.variable.name())
        };
        let mut chart = ChartBuilder::on(root)
            .caption(title, ("sans-serif", 20))
            .margin(12)
            .margin_right(30)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(0.0..self.t_max, (lo - pad)..(hi + pad))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc("time (ms)")
            .y_desc(format!("{} ({unit})", self.variable.name()))
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .draw()
            .map_err(err)?;
        for (k, (label, points)) in series.into_iter().enumerate() {
            let c = color(k);
            chart
                .draw_series(LineSeries::new(points, c.stroke_width(2)))
                .map_err(err)?
                .label(label)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(("sans-serif", 14))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.5))
            .draw()
            .map_err(err)?;
        Ok(())
    }
}
