//! The raster plot: one dot per spike, neurons in rows grouped by population, time
//! (ms) on x; below it, each population's rate (Hz) in bins.

use crate::legend::{draw_legend, Mark, LEGEND_WIDTH};
use crate::palette::color;
use network_core::{Network, SpikeRecorderHandle};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One population's recorded neurons and their spikes.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub name: String,
    /// The recorded neurons (indices in the population, ascending).
    pub neurons: Vec<u32>,
    /// `(time in ms, index in the population)` per spike.
    pub spikes: Vec<(f64, u32)>,
}

/// A raster's data.
#[derive(Debug, Clone)]
pub(crate) struct RasterData {
    pub name: String,
    /// The time axis (ms): the recorders' window, cut at the simulated time.
    pub t_min: f64,
    pub t_max: f64,
    pub groups: Vec<Group>,
    pub bin_ms: f64,
    /// At most this many neurons get a row; the rest are left out evenly.
    pub max_neurons: usize,
}

/// One group's rows: its neurons shown (indices in the population) and its first row
/// from the top.
struct Rows<'a> {
    group: &'a Group,
    shown: Vec<u32>,
    offset: usize,
}

impl RasterData {
    /// The spikes of `recorders` (one group per population, and one row per generator
    /// recorded itself, in the order the recorders name them; a neuron two recorders
    /// watch counts once).
    pub fn new(net: &Network, recorders: &[SpikeRecorderHandle], name: &str) -> Self {
        let mut groups: Vec<Group> = Vec::new();
        // Population `p` is key `p`; a generator (one row) is key `populations + its
        // index`, which its events find by its node id.
        let mut group_of = std::collections::HashMap::new();
        let mut events: Vec<(i64, u32)> = Vec::new();
        let (mut t_min, mut stop) = (f64::INFINITY, f64::NEG_INFINITY);
        let pops = net.populations();
        let first_generator = pops.len();
        let mut generator_keys = std::collections::HashMap::new();
        for recorder in recorders {
            let neurons = net.recorder_neurons(recorder).into_iter();
            let generators = net.recorder_generators(recorder).into_iter().map(|g| {
                let name = format!("{} (generator)", net.generator_names()[g.index()]);
                generator_keys.insert(net.generator_node_id(&g), first_generator + g.index());
                (first_generator + g.index(), name, vec![0])
            });
            let sources = neurons
                .map(|(p, indices)| (p, pops[p].name.clone(), indices))
                .chain(generators);
            for (key, name, indices) in sources {
                let g = *group_of.entry(key).or_insert_with(|| {
                    groups.push(Group {
                        name,
                        neurons: Vec::new(),
                        spikes: Vec::new(),
                    });
                    groups.len() - 1
                });
                groups[g].neurons.extend(indices);
            }
            let spikes = net.spikes(recorder);
            events.extend(
                spikes
                    .steps()
                    .iter()
                    .copied()
                    .zip(spikes.senders().iter().copied()),
            );
            let (start, end) = net.recorder_window(recorder);
            t_min = t_min.min(start.max(0.0));
            stop = stop.max(end);
        }
        for g in &mut groups {
            g.neurons.sort_unstable();
            g.neurons.dedup();
        }
        events.sort_unstable();
        events.dedup();
        let h = net.resolution().ms();
        for (step, sender) in events {
            let p = pops.iter().position(|info| {
                info.first_node_id <= sender && sender < info.first_node_id + info.len as u32
            });
            let (key, index) = match p {
                Some(p) => (Some(p), sender - pops[p].first_node_id),
                None => (generator_keys.get(&sender).copied(), 0),
            };
            if let Some(&g) = key.and_then(|k| group_of.get(&k)) {
                groups[g]
                    .spikes
                    .push((net.resolution().step_to_ms(step), index));
            }
        }
        let t_min = if t_min.is_finite() { t_min } else { 0.0 };
        let t_max = stop.min(net.time()).max(t_min + h);
        Self {
            name: name.to_string(),
            t_min,
            t_max,
            groups,
            bin_ms: nice_bin((t_max - t_min) / 100.0).max(h),
            max_neurons: 500,
        }
    }

    /// Each group's rate (Hz) per bin from `t_min`: spikes / (neurons * bin width), over
    /// all its recorded neurons (shown or not).
    pub fn rates(&self) -> Vec<Vec<f64>> {
        let bins = ((self.t_max - self.t_min) / self.bin_ms).ceil().max(1.0) as usize;
        self.groups
            .iter()
            .map(|g| {
                let mut counts = vec![0usize; bins];
                for &(t, _) in &g.spikes {
                    // A spike at exactly t belongs to the bin ending at t (NEST's
                    // stamps are bin ends, (t - h, t]).
                    // The tolerance keeps 1.1 / 0.1 = 11.000000000000002 in bin 11.
                    let b = (((t - self.t_min) / self.bin_ms - 1e-9).ceil() as usize)
                        .saturating_sub(1)
                        .min(bins - 1);
                    counts[b] += 1;
                }
                let per_spike = 1000.0 / (g.neurons.len().max(1) as f64 * self.bin_ms);
                counts.iter().map(|&c| c as f64 * per_spike).collect()
            })
            .collect()
    }

    /// The rows: every neuron when they are at most `max_neurons`, else each group its
    /// share of `max_neurons` (at least one), spread evenly over its neurons.
    fn rows(&self) -> Vec<Rows<'_>> {
        let total: usize = self.groups.iter().map(|g| g.neurons.len()).sum();
        let mut offset = 0;
        self.groups
            .iter()
            .map(|group| {
                let n = group.neurons.len();
                let shown = if total <= self.max_neurons {
                    group.neurons.clone()
                } else {
                    let k = ((n * self.max_neurons) as f64 / total as f64).round() as usize;
                    let k = k.clamp(1.min(n), n);
                    (0..k).map(|j| group.neurons[j * n / k]).collect()
                };
                let rows = Rows {
                    group,
                    shown,
                    offset,
                };
                offset += rows.shown.len();
                rows
            })
            .collect()
    }

    /// The title: spikes and neurons, and how many neurons are shown when not all.
    pub fn title(&self) -> String {
        let spikes: usize = self.groups.iter().map(|g| g.spikes.len()).sum();
        let total: usize = self.groups.iter().map(|g| g.neurons.len()).sum();
        let shown: usize = self.rows().iter().map(|r| r.shown.len()).sum();
        let mut title = format!(
            "{}: {} spikes of {} neurons",
            self.name,
            thousands(spikes),
            thousands(total)
        );
        if shown < total {
            title += &format!(
                " ({} of {} neurons shown)",
                thousands(shown),
                thousands(total)
            );
        }
        title
    }

    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        root.fill(&WHITE).map_err(err)?;
        let root = root
            .titled(&self.title(), ("sans-serif", 20))
            .map_err(err)?;
        let (width, height) = root.dim_in_pixel();
        let (plots, legend) = root.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
        let (top, bottom) = plots.split_vertically((height as f64 * 0.64) as u32);
        let rows = self.rows();
        let n_rows = rows.iter().map(|r| r.shown.len()).sum::<usize>().max(1);
        let mut raster = ChartBuilder::on(&top)
            .margin(12)
            .margin_right(20)
            .x_label_area_size(30)
            .y_label_area_size(70)
            .build_cartesian_2d(self.t_min..self.t_max, 0.0..n_rows as f64)
            .map_err(err)?;
        // Row r (from the top) spans y in (n_rows - r - 1, n_rows - r]. The y labels
        // are drawn per population below: its name, its first and last index shown.
        raster
            .configure_mesh()
            .disable_mesh()
            .x_label_formatter(&tick)
            .y_labels(0)
            .y_desc("neuron (index in its population)")
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .draw()
            .map_err(err)?;
        let base = top.get_base_pixel();
        let style = ("sans-serif", 13).into_font().color(&BLACK);
        for (k, g) in rows.iter().enumerate() {
            let (Some(first), Some(last)) = (g.shown.first(), g.shown.last()) else {
                continue;
            };
            let at = |row: f64| {
                let (x, y) = raster.backend_coord(&(self.t_min, n_rows as f64 - row));
                (x - base.0 - 6, y - base.1)
            };
            let right = |v: VPos| style.pos(Pos::new(HPos::Right, v));
            let end = (g.offset + g.shown.len()) as f64;
            top.draw(&Text::new(
                first.to_string(),
                at(g.offset as f64),
                right(VPos::Top),
            ))
            .map_err(err)?;
            top.draw(&Text::new(last.to_string(), at(end), right(VPos::Bottom)))
                .map_err(err)?;
            if g.shown.len() >= 6 {
                let c = color(k);
                let name = style.color(&c).pos(Pos::new(HPos::Right, VPos::Center));
                top.draw(&Text::new(
                    g.group.name.clone(),
                    at((g.offset as f64 + end) / 2.0),
                    name,
                ))
                .map_err(err)?;
            }
        }
        let dot = if n_rows > 100 { 1 } else { 2 };
        for (k, g) in rows.iter().enumerate() {
            let c = color(k);
            let row_of: std::collections::HashMap<u32, usize> = g
                .shown
                .iter()
                .enumerate()
                .map(|(j, &i)| (i, g.offset + j))
                .collect();
            // One dot per spike, and one per pixel where spikes of a row overlap.
            let mut seen = std::collections::HashSet::new();
            let dots: Vec<(f64, f64)> = g
                .group
                .spikes
                .iter()
                .filter_map(|&(t, i)| {
                    let row = *row_of.get(&i)?;
                    let y = (n_rows - row) as f64 - 0.5;
                    let (px, _) = raster.backend_coord(&(t, y));
                    seen.insert((px, row)).then_some((t, y))
                })
                .collect();
            raster
                .draw_series(dots.into_iter().map(|p| Circle::new(p, dot, c.filled())))
                .map_err(err)?;
            if g.offset > 0 {
                let y = (n_rows - g.offset) as f64;
                raster
                    .draw_series(LineSeries::new(
                        [(self.t_min, y), (self.t_max, y)],
                        BLACK.mix(0.4),
                    ))
                    .map_err(err)?;
            }
        }
        let entries: Vec<(String, RGBColor)> = rows
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let n = g.group.neurons.len();
                let text = if g.shown.len() < n {
                    format!(
                        "{} ({} of {} neurons)",
                        g.group.name,
                        g.shown.len(),
                        thousands(n)
                    )
                } else {
                    format!("{} ({n} neurons)", g.group.name)
                };
                (text, color(k))
            })
            .collect();
        draw_legend(&legend, &entries, Mark::Dot).map_err(err)?;

        let rates = self.rates();
        let peak = rates.iter().flatten().copied().fold(0.0, f64::max);
        let mut histogram = ChartBuilder::on(&bottom)
            .margin(12)
            .margin_right(20)
            .margin_top(0)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(self.t_min..self.t_max, 0.0..(peak * 1.1).max(1.0))
            .map_err(err)?;
        histogram
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc("time (ms)")
            .y_desc(format!("rate (Hz), {} ms bins", tick(&self.bin_ms)))
            .label_style(("sans-serif", 14))
            .axis_desc_style(("sans-serif", 16))
            .draw()
            .map_err(err)?;
        for (k, rate) in rates.iter().enumerate() {
            let steps = rate.iter().enumerate().flat_map(|(b, &r)| {
                let t0 = self.t_min + b as f64 * self.bin_ms;
                [(t0, r), ((t0 + self.bin_ms).min(self.t_max), r)]
            });
            histogram
                .draw_series(LineSeries::new(steps, color(k).stroke_width(2)))
                .map_err(err)?;
        }
        Ok(())
    }
}

/// `n` with thousands separated by commas (`10,000`).
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn rows_share_the_limit_by_population_size_and_spread_evenly() {
        let group = |name: &str, n: u32| Group {
            name: name.into(),
            neurons: (0..n).collect(),
            spikes: Vec::new(),
        };
        let mut data = RasterData {
            name: "r".into(),
            t_min: 0.0,
            t_max: 1.0,
            bin_ms: 1.0,
            max_neurons: 10,
            groups: vec![group("e", 80), group("i", 20), group("tiny", 1)],
        };
        let rows = data.rows();
        // 80, 20 and 1 of 101 neurons: 8, 2 and (at least) 1 rows.
        assert_eq!(rows[0].shown, vec![0, 10, 20, 30, 40, 50, 60, 70]);
        assert_eq!(rows[1].shown, vec![0, 10]);
        assert_eq!(rows[2].shown, vec![0]);
        assert_eq!((rows[1].offset, rows[2].offset), (8, 10));
        assert!(data.title().ends_with("(11 of 101 neurons shown)"));
        data.max_neurons = 101;
        assert_eq!(data.rows()[0].shown.len(), 80);
        assert_eq!(data.title(), "r: 0 spikes of 101 neurons");
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
            name: String::new(),
            t_min: 0.0,
            t_max: 20.0,
            bin_ms: 10.0,
            max_neurons: 200,
            groups: vec![Group {
                name: "p".into(),
                neurons: vec![0, 1, 2, 3],
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
                neurons: vec![0],
                ..data.groups[0].clone()
            }],
            ..data
        };
        let rates = fine.rates();
        assert_eq!(rates[0][10], 10_000.0, "1.1 ms lies in (1.0, 1.1]");
    }
}
