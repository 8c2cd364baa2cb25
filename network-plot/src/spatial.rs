//! Spatial plots, as NEST's `PlotLayer`, `PlotTargets` and `PlotProbabilityParameter`:
//! a population's positions (2D, or 3D as its xy, xz and yz projections), and one
//! neuron's targets (or sources) over the positions, with the connection's mask and
//! kernel drawn around it.

use network_core::spatial::{Displacement, Kernel, Mask, MaskGeometry, Point};
use network_core::{Network, ProjectionHandle};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::sync::Arc;

use crate::legend::{draw_legend, Mark, LEGEND_WIDTH};
use crate::raster::tick;

/// A spatial plot's data.
#[derive(Debug, Clone)]
pub(crate) struct SpatialData {
    pub title: String,
    /// The positions drawn in grey (mm).
    pub positions: Vec<Point>,
    /// The layer's lower-left corner and extent (mm).
    pub lower_left: Point,
    pub extent: [f64; 3],
    pub dims: usize,
    /// Whether the layer is periodic: a mask and kernel around a neuron near an edge
    /// continue at the opposite edge, as the displacements the engine measures do.
    pub periodic: bool,
    /// The chosen neuron's position and its partners' (targets or sources).
    pub chosen: Option<(Point, Vec<Point>, &'static str)>,
    /// The mask as given; a grid mask is resolved to its rectangle by `space` when drawn.
    pub mask: Option<Mask>,
    /// The layer drawn, which a grid mask is measured on (cells of its grid).
    space: Option<Arc<network_core::spatial::Space>>,
    pub kernel: Option<Kernel>,
}

impl SpatialData {
    /// The positions of population `p`; a non-spatial population has none.
    pub fn positions(net: &Network, p: usize) -> Self {
        match net.populations().get(p) {
            Some(info) => Self::of_space(info.space.clone(), format!("{}: positions", info.name)),
            None => Self::of_space(None, format!("population {p}")),
        }
    }

    fn of_space(space: Option<Arc<network_core::spatial::Space>>, title: String) -> Self {
        let (positions, lower_left, extent, dims, periodic) = match &space {
            Some(s) => (
                s.positions().to_vec(),
                s.lower_left(),
                [s.extent().x, s.extent().y, s.extent().z],
                s.dims(),
                s.edge_wrap(),
            ),
            None => (Vec::new(), Point::origin(), [1.0, 1.0, 1.0], 2, false),
        };
        let n = positions.len();
        Self {
            title: if space.is_some() {
                let wrap = if periodic { ", periodic" } else { "" };
                format!("{title} ({n} neurons, mm{wrap})")
            } else {
                format!("{title}: no positions (not a spatial population)")
            },
            positions,
            lower_left,
            extent,
            dims,
            periodic,
            chosen: None,
            mask: None,
            space,
            kernel: None,
        }
    }

    /// The mask in mm around the chosen neuron: a grid mask (`MaskShape::Grid`) becomes
    /// the rectangle of cells NEST makes of it on the drawn layer (`Space::resolve_mask`,
    /// as the connection resolves it); an error where NEST would refuse it (a layer that
    /// is not a 2D grid).
    fn resolved_mask(&self) -> Result<Option<Mask>, String> {
        let Some(mask) = &self.mask else {
            return Ok(None);
        };
        if mask.grid_shape().is_none() {
            return Ok(Some(mask.clone()));
        }
        let Some(space) = &self.space else {
            return Err(format!(
                "{}: a grid mask is drawn on a grid layer; this population has no positions",
                self.title
            ));
        };
        space
            .resolve_mask(&self.title, mask)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// Neuron `neuron`'s targets in `projection` (or, with `sources`, the neurons it
    /// receives from), drawn over the other population's positions.
    pub fn partners(
        net: &Network,
        projection: &ProjectionHandle,
        neuron: u32,
        sources: bool,
    ) -> Self {
        let info = net.projection(projection);
        let (own, other) = if sources {
            (info.target, info.source)
        } else {
            (info.source, info.target)
        };
        let pops = net.populations();
        let what = if sources { "sources" } else { "targets" };
        let mut data = Self::of_space(
            pops[other].space.clone(),
            format!("{}: {what} of {}[{neuron}]", info.name, pops[own].name),
        );
        let here = pops[own]
            .space
            .as_ref()
            .and_then(|s| s.position(neuron as usize).copied());
        let space = pops[other].space.clone();
        if let (Some(here), Some(space)) = (here, space) {
            let partners: Vec<Point> = net
                .weights(projection)
                .into_iter()
                .filter_map(|(s, t, _)| {
                    let (mine, theirs) = if sources { (t, s) } else { (s, t) };
                    (mine == neuron).then(|| space.position(theirs as usize).copied())?
                })
                .collect();
            data.title = format!("{} ({} {what})", data.title, partners.len());
            data.chosen = Some((here, partners, what));
        }
        data
    }

    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<(), String> {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        root.fill(&WHITE).map_err(err)?;
        let root = root.titled(&self.title, ("sans-serif", 20)).map_err(err)?;
        let (width, _) = root.dim_in_pixel();
        let (plots, legend) = root.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
        let panels: Vec<(usize, usize)> = if self.dims == 3 {
            vec![(0, 1), (0, 2), (1, 2)]
        } else {
            vec![(0, 1)]
        };
        let areas = plots.split_evenly((1, panels.len()));
        let mask = self.resolved_mask()?;
        for (area, &(a, b)) in areas.iter().zip(&panels) {
            self.panel(area, a, b, mask.as_ref()).map_err(err)?;
        }
        let mut entries = vec![("neurons".to_string(), RGBColor(160, 160, 160))];
        if let Some((_, partners, what)) = &self.chosen {
            entries.push(("chosen neuron".into(), RGBColor(214, 39, 40)));
            entries.push((
                format!("its {what} ({})", partners.len()),
                RGBColor(31, 119, 180),
            ));
        }
        if self.mask.is_some() {
            entries.push(("mask (outline)".into(), RGBColor(40, 40, 40)));
        }
        if self.kernel.is_some() {
            entries.push(("kernel (shade: 0 to 1)".into(), RGBColor(255, 180, 60)));
        }
        draw_legend(&legend, &entries, Mark::Dot).map_err(err)?;
        Ok(())
    }

    /// One panel: coordinates `a` and `b` (0 = x, 1 = y, 2 = z), with `mask` (mm).
    fn panel<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        a: usize,
        b: usize,
        mask: Option<&Mask>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let axis = ["x (mm)", "y (mm)", "z (mm)"];
        let range = |k: usize| self.lower_left[k]..self.lower_left[k] + self.extent[k].max(1e-9);
        // Equal scales on both axes (a circle is drawn round): the plotting area keeps
        // the extents' ratio, centred in the panel.
        const MARGIN: f64 = 12.0;
        const X_LABELS: f64 = 40.0;
        const Y_LABELS: f64 = 55.0;
        let (w, h) = area.dim_in_pixel();
        let free_w = (w as f64 - Y_LABELS - 2.0 * MARGIN).max(1.0);
        let free_h = (h as f64 - X_LABELS - 2.0 * MARGIN).max(1.0);
        let (ea, eb) = (self.extent[a].max(1e-9), self.extent[b].max(1e-9));
        let scale = (free_w / ea).min(free_h / eb);
        let pad_w = ((free_w - scale * ea) / 2.0) as u32;
        let pad_h = ((free_h - scale * eb) / 2.0) as u32;
        let mut chart = ChartBuilder::on(area)
            .margin_left(MARGIN as u32 + pad_w)
            .margin_right(MARGIN as u32 + pad_w)
            .margin_top(MARGIN as u32 + pad_h)
            .margin_bottom(MARGIN as u32 + pad_h)
            .x_label_area_size(X_LABELS as u32)
            .y_label_area_size(Y_LABELS as u32)
            .build_cartesian_2d(range(a), range(b))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_label_formatter(&tick)
            .y_label_formatter(&tick)
            .x_desc(axis[a])
            .y_desc(axis[b])
            .label_style(("sans-serif", 13))
            .axis_desc_style(("sans-serif", 15))
            .draw()?;
        if let Some((here, _, _)) = &self.chosen {
            self.draw_mask_and_kernel(&mut chart, here, (a, b), mask)?;
        }
        let grey = RGBColor(160, 160, 160);
        chart.draw_series(
            self.positions
                .iter()
                .map(|p| Circle::new((p[a], p[b]), 2, grey.filled())),
        )?;
        if let Some((here, partners, _)) = &self.chosen {
            let blue = RGBColor(31, 119, 180);
            chart.draw_series(
                partners
                    .iter()
                    .map(|p| Circle::new((p[a], p[b]), 3, blue.filled())),
            )?;
            chart.draw_series([Circle::new(
                (here[a], here[b]),
                6,
                RGBColor(214, 39, 40).filled(),
            )])?;
        }
        Ok(())
    }

    /// `p − here` (mm); on a periodic layer the shortest such displacement, across an
    /// edge when that is nearer.
    fn displacement(&self, here: &Point, p: &Point) -> Displacement {
        let mut d = *p - here;
        if self.periodic {
            for k in 0..self.dims {
                let e = self.extent[k];
                if e > 0.0 {
                    d[k] -= e * (d[k] / e).round();
                }
            }
        }
        d
    }

    /// The mask and kernel around `here`, on a grid of cells in the plane through it:
    /// each cell inside the mask shaded by the kernel's value (clamped to 0..1), the
    /// mask's border cells dark.
    fn draw_mask_and_kernel<DB: DrawingBackend>(
        &self,
        chart: &mut ChartContext<
            '_,
            DB,
            Cartesian2d<
                plotters::coord::types::RangedCoordf64,
                plotters::coord::types::RangedCoordf64,
            >,
        >,
        here: &Point,
        (a, b): (usize, usize),
        mask: Option<&Mask>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        if mask.is_none() && self.kernel.is_none() {
            return Ok(());
        }
        const CELLS: usize = 80;
        let (wa, wb) = (self.extent[a] / CELLS as f64, self.extent[b] / CELLS as f64);
        let centre = |i: usize, j: usize| {
            // The cell's centre in the plane through `here`.
            let mut p = *here;
            p[a] = self.lower_left[a] + (i as f64 + 0.5) * wa;
            p[b] = self.lower_left[b] + (j as f64 + 0.5) * wb;
            self.displacement(here, &p)
        };
        let inside = |i: usize, j: usize| mask.is_none_or(|m| m.contains(&centre(i, j)));
        let mut cells = Vec::new();
        for i in 0..CELLS {
            for j in 0..CELLS {
                if !inside(i, j) {
                    continue;
                }
                let border = mask.is_some()
                    && (i == 0
                        || j == 0
                        || i + 1 == CELLS
                        || j + 1 == CELLS
                        || !inside(i - 1, j)
                        || !inside(i + 1, j)
                        || !inside(i, j - 1)
                        || !inside(i, j + 1));
                let color = if border {
                    RGBColor(40, 40, 40).mix(0.8)
                } else if let Some(k) = &self.kernel {
                    let p = k.value(centre(i, j).norm()).clamp(0.0, 1.0);
                    RGBColor(255, 180, 60).mix(0.1 + 0.6 * p)
                } else {
                    RGBColor(255, 180, 60).mix(0.15)
                };
                let x0 = self.lower_left[a] + i as f64 * wa;
                let y0 = self.lower_left[b] + j as f64 * wb;
                cells.push(Rectangle::new(
                    [(x0, y0), (x0 + wa, y0 + wb)],
                    color.filled(),
                ));
            }
        }
        chart.draw_series(cells)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_periodic_layer_measures_across_its_edges() {
        let mut data = SpatialData::of_space(None, "t".into());
        data.extent = [2.0, 2.0, 1.0];
        data.lower_left = Point::new(-1.0, -1.0, 0.0);
        let (corner, far) = (Point::new(-0.95, 0.95, 0.0), Point::new(0.95, -0.95, 0.0));
        let d = data.displacement(&corner, &far);
        assert!((d[0] - 1.9).abs() < 1e-12 && (d[1] + 1.9).abs() < 1e-12);
        data.periodic = true;
        let d = data.displacement(&corner, &far);
        assert!(
            (d[0] + 0.1).abs() < 1e-12 && (d[1] - 0.1).abs() < 1e-12,
            "{d:?}"
        );
    }
}
