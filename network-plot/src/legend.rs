//! Legends drawn beside the plots, in a column of their own, so they never cover data.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Width (pixels) of the legend column at a figure's right.
pub(crate) const LEGEND_WIDTH: u32 = 200;

/// How an entry's colour is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mark {
    /// A dot, as a raster's spikes.
    Dot,
    /// A short line, as a trace.
    Line,
}

/// Draws `entries` (text and colour), one per line from the top of `area`.
pub(crate) fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor)],
    mark: Mark,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = ("sans-serif", 14).into_font().color(&BLACK);
    for (k, (text, c)) in entries.iter().enumerate() {
        let y = 24 + 22 * k as i32;
        match mark {
            Mark::Dot => area.draw(&Circle::new((12, y), 4, c.filled()))?,
            Mark::Line => area.draw(&PathElement::new(vec![(4, y), (22, y)], c.stroke_width(2)))?,
        }
        area.draw(&Text::new(
            text.clone(),
            (30, y),
            style.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}
