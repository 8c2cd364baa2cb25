//! The raster plot: one dot per spike, neurons in rows grouped by population, time
//! (ms) on x; below it, each population's rate (Hz) in bins.

use crate::palette::color;
use network_core::{Network, SpikeRecorderHandle};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One population's recorded neurons and their spikes.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub name: String,
    /// Rows of the raster it takes (its recorded neurons).
    pub rows: usize,
    /// Its first row.
    pub offset: usize,
    /// `(time in ms, row)` per spike.
    pub spikes: Vec<(f64, usize)>,
}

/// A raster's data.
#[derive(Debug, Clone)]
pub(crate) struct RasterData {
    pub title: String,
    /// End of the time axis (ms).
    pub t_max: f64,
    pub groups: Vec<Group>,
    pub bin_ms: f64,
}

impl RasterData {
    pub fn new(net: &Network, recorder: &SpikeRecorderHandle, name: &str) -> Self {
        let mut groups = Vec::new();
        let mut rows_of = std::collections::HashMap::new();
        let mut offset = 0;
        for (p, indices) in net.recorder_neurons(recorder) {
            let info = &net.populations()[p];
            for (rank, &i) in indices.iter().enumerate() {
                rows_of.insert(info.first_node_id + i, (groups.len(), offset + rank));
            }
            groups.push(Group {
                name: info.name.clone(),
                rows: indices.len(),
                offset,
                spikes: Vec::new(),
            });
            offset += indices.len();
        }
        for (sender, t) in net.spikes(recorder).iter() {
            if let Some(&(g, row)) = rows_of.get(&sender) {
                groups[g].spikes.push((t, row));
            }
        }
        let t_max = net.time().max(net.resolution().ms());
        let n: usize = groups.iter().map(|g| g.spikes.len()).sum();
        Self {
            title: format!("{name}: {n} spikes of {offset} neurons"),
            t_max,
            groups,
            bin_ms: nice_bin(t_max / 100.0).max(net.resolution().ms()),
        }
    }

    /// Each group's rate (Hz) per bin: spikes / (neurons * bin width).
    pub fn rates(&self) -> Vec<Vec<f64>> {
        let bins = (self.t_max / self.bin_ms).ceil().max(1.0) as usize;
        self.groups
            .iter()
            .map(|g| {
                let mut counts = vec![0usize; bins];
                for &(t, _) in &g.spikes {
                    // A spike at exactly t belongs to the bin ending at t (NEST's
                    // stamps are bin ends, (t - h, t]).
                    // The tolerance keeps 1.1 / 0.1 = 11.000000000000002 in bin 11.
                    let b = ((t / self.bin_ms - 1e-9).ceil() as usize)
                        .saturating_sub(1)
                        .min(bins - 1);
                    counts[b] += 1;
                }
                let per_spike = 1000.0 / (g.rows.max(1) as f64 * self.bin_ms);
                counts.iter().map(|&c| c as f64 * per_spike).collect()
            })
            .collect()
    }

    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        root.fill(&WHITE).map_err(err)?;
        let (_, height) = root.dim_in_pixel();
        let (top, bottom) = root.split_vertically((height as f64 * 0.64) as u32);
        let rows = self.groups.iter().map(|g| g.rows).sum::<usize>().max(1);
        let mut raster = ChartBuilder::on(&top)
            .caption(&self.title, ("sans-serif", 20))
            .margin(12)
            .margin_right(30)
            .x_label_area_size(30)
            .y_label_area_size(70)
            .build_cartesian_2d(0.0..self.t_max, 0.0..rows as f64)
            .map_err(err)?;
        raster
            .configure_mesh()
            .disable_mesh()
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .y_desc("neuron (by population)")
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .draw()
            .map_err(err)?;
        let dot = if self.groups.iter().map(|g| g.spikes.len()).sum::<usize>() > 20_000 {
            1
        } else {
            2
        };
        for (k, g) in self.groups.iter().enumerate() {
            let c = color(k);
            raster
                .draw_series(
                    g.spikes
                        .iter()
                        .map(|&(t, row)| Circle::new((t, row as f64 + 0.5), dot, c.filled())),
                )
                .map_err(err)?
                .label(format!("{} ({} neurons)", g.name, g.rows))
                .legend(move |(x, y)| Circle::new((x + 8, y), 4, c.filled()));
            if g.offset > 0 {
                raster
                    .draw_series(LineSeries::new(
                        [(0.0, g.offset as f64), (self.t_max, g.offset as f64)],
                        BLACK.mix(0.4),
                    ))
                    .map_err(err)?;
            }
        }
        raster
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(("sans-serif", 14))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.5))
            .draw()
            .map_err(err)?;

        let rates = self.rates();
        let peak = rates.iter().flatten().copied().fold(0.0, f64::max);
        let mut histogram = ChartBuilder::on(&bottom)
            .margin(12)
            .margin_right(30)
            .margin_top(0)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(0.0..self.t_max, 0.0..(peak * 1.1).max(1.0))
            .map_err(err)?;
        histogram
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc("time (ms)")
            .y_desc(format!("rate (Hz), {} ms bins", self.bin_ms))
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .draw()
            .map_err(err)?;
        for (k, rate) in rates.iter().enumerate() {
            let steps = rate.iter().enumerate().flat_map(|(b, &r)| {
                let t0 = b as f64 * self.bin_ms;
                [(t0, r), ((t0 + self.bin_ms).min(self.t_max), r)]
            });
            histogram
                .draw_series(LineSeries::new(steps, color(k).stroke_width(2)))
                .map_err(err)?;
        }
        Ok(())
    }
}

/// A tick label: no trailing `.0`, at most six decimals (`100`, `0.5`, `-52`).
pub(crate) fn tick(v: &f64) -> String {
    let text = format!("{v:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// The smallest of 1, 2 and 5 times a power of ten that is at least `x` (ms).
fn nice_bin(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let decade = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * decade)
        .find(|&b| b >= x * (1.0 - 1e-12))
        .unwrap_or(10.0 * decade)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_drop_trailing_zeros() {
        assert_eq!(tick(&100.0), "100");
        assert_eq!(tick(&0.30000000000000004), "0.3");
        assert_eq!(tick(&-52.0), "-52");
        assert_eq!(tick(&-0.0), "0");
    }

    #[test]
    fn bins_are_round_numbers() {
        assert_eq!(nice_bin(40.0), 50.0);
        assert_eq!(nice_bin(10.0), 10.0);
        assert_eq!(nice_bin(1.2), 2.0);
        assert_eq!(nice_bin(0.03), 0.05);
    }

    #[test]
    fn rates_divide_by_neurons_and_bin_width() {
        let data = RasterData {
            title: String::new(),
            t_max: 20.0,
            bin_ms: 10.0,
            groups: vec![Group {
                name: "p".into(),
                rows: 4,
                offset: 0,
                spikes: vec![(0.1, 0), (10.0, 1), (10.1, 2), (20.0, 3)],
            }],
        };
        // Bin (0, 10]: 2 spikes of 4 neurons in 10 ms = 50 Hz; (10, 20]: 2 likewise.
        assert_eq!(data.rates(), vec![vec![50.0, 50.0]]);
        let fine = RasterData {
            t_max: 2.0,
            bin_ms: 0.1,
            groups: vec![Group {
                spikes: vec![(1.1, 0)],
                rows: 1,
                ..data.groups[0].clone()
            }],
            ..data
        };
        let rates = fine.rates();
        assert_eq!(rates[0][10], 10_000.0, "1.1 ms lies in (1.0, 1.1]");
    }
}
