//! The PNG drawing backend: plotters' bitmap backend with two things drawn our way.
//!
//! - Text: each glyph is placed at its pen position plus its own left bearing, with the
//!   font's kerning (plotters' bitmap text drops the bearing, so "ms" reads "m s").
//! - Thick lines: each segment is a filled quadrilateral with round joins (plotters
//!   fills the outline of the whole path as one polygon, which leaves a zig-zag trace
//!   hollow).

use crate::font;
use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::prelude::BitMapBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// The bitmap backend with our text and thick lines.
pub(crate) struct PngBackend<'a> {
    inner: BitMapBackend<'a>,
    font: Option<FontRef<'static>>,
}

impl<'a> PngBackend<'a> {
    /// Draws into `pixels` (RGB, `size.0 * size.1 * 3` bytes).
    pub fn new(pixels: &'a mut [u8], size: (u32, u32)) -> Self {
        Self {
            inner: BitMapBackend::with_buffer(pixels, size),
            font: FontRef::try_from_slice(font::DEJAVU_SANS).ok(),
        }
    }

    /// Width and height (pixels) of `text` at `size` px, and the font's ascent (px).
    fn layout(&self, text: &str, size: f64) -> (f32, f32, f32) {
        let Some(font) = &self.font else {
            return (0.0, 0.0, 0.0);
        };
        let scaled = font.as_scaled(PxScale::from(size as f32));
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                width += scaled.kern(p, id);
            }
            width += scaled.h_advance(id);
            previous = Some(id);
        }
        (width, scaled.ascent() - scaled.descent(), scaled.ascent())
    }
}

impl DrawingBackend for PngBackend<'_> {
    type ErrorType = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if style.stroke_width() <= 1 {
            return self.inner.draw_line(from, to, style);
        }
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let width = style.stroke_width();
        if width <= 1 {
            return self.inner.draw_path(path, style);
        }
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let half = width as f64 / 2.0;
        let points: Vec<BackendCoord> = path.into_iter().collect();
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (dx, dy) = ((b.0 - a.0) as f64, (b.1 - a.1) as f64);
            let length = dx.hypot(dy);
            if length == 0.0 {
                continue;
            }
            // The segment's normal, half the width long.
            let (nx, ny) = (-dy / length * half, dx / length * half);
            let corner = |p: BackendCoord, s: f64| {
                (
                    (p.0 as f64 + s * nx).round() as i32,
                    (p.1 as f64 + s * ny).round() as i32,
                )
            };
            let quad = [
                corner(a, 1.0),
                corner(b, 1.0),
                corner(b, -1.0),
                corner(a, -1.0),
            ];
            self.inner.fill_polygon(quad, &color)?;
        }
        // Round joins and ends (a 2-px line needs none).
        if width > 2 {
            for &p in &points {
                self.inner
                    .draw_circle(p, (width / 2).max(1), &color, true)?;
            }
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        let Some(font) = self.font.clone() else {
            return Ok(());
        };
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (width, height, ascent) = self.layout(text, style.size());
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Right => -width,
            HPos::Center => -width / 2.0,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0.0,
            VPos::Center => -height / 2.0,
            VPos::Bottom => -height,
        };
        let transform = style.transform();
        let (w, h) = self.get_size();
        let scale = PxScale::from(style.size() as f32);
        let scaled = font.as_scaled(scale);
        let mut pen = dx;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                pen += scaled.kern(p, id);
            }
            previous = Some(id);
            let glyph = id.with_scale_and_position(scale, point(pen, dy + ascent));
            pen += scaled.h_advance(id);
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let mut pixels = Vec::new();
            outline.draw(|x, y, coverage| pixels.push((x, y, coverage)));
            for (x, y, coverage) in pixels {
                if coverage <= 0.0 {
                    continue;
                }
                let local = (
                    (bounds.min.x + x as f32).round() as i32,
                    (bounds.min.y + y as f32).round() as i32,
                );
                let (tx, ty) = transform.transform(local.0, local.1);
                let (x, y) = (pos.0 + tx, pos.1 + ty);
                if x >= 0 && y >= 0 && (x as u32) < w && (y as u32) < h {
                    let alpha = color.alpha * f64::from(coverage.min(1.0));
                    self.inner.draw_pixel(
                        (x, y),
                        BackendColor {
                            alpha,
                            rgb: color.rgb,
                        },
                    )?;
                }
            }
        }
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (width, height, _) = self.layout(text, style.size());
        Ok((width.ceil() as u32, height.ceil() as u32))
    }
}
