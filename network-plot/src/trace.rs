//! The trace plot: one recordable (V_m in mV, or a current in pA) of a few neurons over
//! time (ms).

use crate::legend::{draw_legend, Mark, LEGEND_WIDTH};
use crate::palette::color;
use crate::raster::tick;
use network_core::{MultimeterHandle, Network, RateMultimeterHandle, Recordable, Samples};
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
    /// The time axis (ms): the multimeter's window, cut at the simulated time.
    pub t_min: f64,
    pub t_max: f64,
}

impl TraceData {
    /// The trace of a multimeter on spiking neurons.
    pub fn new(net: &Network, meter: &MultimeterHandle, name: &str) -> Self {
        let label = |s: u32| {
            let (pop, i) = net.locate(s)?;
            Some(format!("{pop}[{i}]"))
        };
        Self::of(
            net,
            net.samples(meter),
            net.multimeter_window(meter),
            name,
            label,
        )
    }

    /// The trace of a multimeter on rate neurons (its `rate` when it records it).
    pub fn rate(net: &Network, meter: &RateMultimeterHandle) -> Self {
        let (pop, first) = net.rate_multimeter_population(meter);
        let label = |s: u32| Some(format!("{pop}[{}]", s.checked_sub(first)?));
        let samples = net.rate_samples(meter);
        let name = net.rate_multimeter_name(meter);
        let mut data = Self::of(net, samples, net.rate_multimeter_window(meter), name, label);
        if data.recorded.contains(&Recordable::rate) {
            data.variable = Recordable::rate;
        }
        data
    }

    /// Every sample of `samples`, over the window `(start, stop]` (ms) cut at the
    /// simulated time; `label` names a sender.
    fn of(
        net: &Network,
        samples: &Samples,
        (start, stop): (f64, f64),
        name: &str,
        label: impl Fn(u32) -> Option<String>,
    ) -> Self {
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
        let h = net.resolution().ms();
        let t_min = start.max(0.0);
        let t_max = stop.min(net.time()).max(t_min + h);
        let labels = senders
            .iter()
            .filter_map(|&s| Some((s, label(s)?)))
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
            t_min,
            t_max,
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
        let root = root.titled(&title, ("sans-serif", 20)).map_err(err)?;
        let (width, _) = root.dim_in_pixel();
        let (plot, legend) = root.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_right(20)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(self.t_min..self.t_max, (lo - pad)..(hi + pad))
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
        let columns = chart.plotting_area().dim_in_pixel().0 as usize;
        let mut entries = Vec::new();
        for (k, (label, points)) in series.into_iter().enumerate() {
            let c = color(k);
            let points = thin(&points, (self.t_min, self.t_max), columns);
            chart
                .draw_series(LineSeries::new(points, c.stroke_width(2)))
                .map_err(err)?;
            entries.push((label, c));
        }
        draw_legend(&legend, &entries, Mark::Line).map_err(err)?;
        Ok(())
    }
}

/// The points of one trace thinned to `columns` pixel columns over `t_min..t_max` ms: per
/// column its first, lowest, highest and last sample, in time order, so that every
/// peak and trough stays drawn.
pub(crate) fn thin(
    points: &[(f64, f64)],
    (t_min, t_max): (f64, f64),
    columns: usize,
) -> Vec<(f64, f64)> {
    if points.len() <= 4 * columns.max(1) {
        return points.to_vec();
    }
    let column = |t: f64| {
        (((t - t_min) / (t_max - t_min) * columns as f64)
            .floor()
            .max(0.0) as usize)
            .min(columns)
    };
    let mut out = Vec::with_capacity(4 * columns + 4);
    let mut start = 0;
    while start < points.len() {
        let c = column(points[start].0);
        let mut end = start + 1;
        while end < points.len() && column(points[end].0) == c {
            end += 1;
        }
        let run = &points[start..end];
        let (mut lo, mut hi) = (0, 0);
        for (i, p) in run.iter().enumerate() {
            if p.1 < run[lo].1 {
                lo = i;
            }
            if p.1 > run[hi].1 {
                hi = i;
            }
        }
        let mut keep = vec![0, lo, hi, run.len() - 1];
        keep.sort_unstable();
        keep.dedup();
        out.extend(keep.into_iter().map(|i| run[i]));
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thin;

    #[test]
    fn thinning_keeps_each_columns_extremes_in_time_order() {
        // 10,000 samples of a sawtooth over 100 ms into 10 columns.
        let points: Vec<(f64, f64)> = (0..10_000)
            .map(|i| {
                (
                    i as f64 * 0.01,
                    (i % 1000) as f64 - if i == 4321 { 5000.0 } else { 0.0 },
                )
            })
            .collect();
        let thinned = thin(&points, (0.0, 100.0), 10);
        assert!(thinned.len() <= 40, "{}", thinned.len());
        assert!(thinned.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(thinned.contains(&points[4321]), "the trough stays");
        assert!(thinned.contains(&points[999]), "a peak stays");
        // Few points stay as they are.
        assert_eq!(thin(&points[..30], (0.0, 100.0), 10), points[..30].to_vec());
    }
}
