//! Colours of the populations or traces: distinct and readable on white (the
//! "tab10" palette).

use plotters::style::RGBColor;

const COLORS: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// The `i`-th colour (repeating after ten).
pub(crate) fn color(i: usize) -> RGBColor {
    COLORS[i % COLORS.len()]
}
