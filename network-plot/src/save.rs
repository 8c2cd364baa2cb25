//! Saving a figure: the format follows the file's extension (`.svg` or `.png`); the
//! provenance goes into an SVG `<desc>` element and PNG text chunks.

use crate::backend::PngBackend;
use crate::figure::{Content, Figure};
use crate::font;
use network_core::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::Path;

impl Figure {
    /// Draws the figure into `path`, as SVG or PNG by its extension. A bad extension,
    /// a missing directory or a failed write is an [`Error::Io`] naming the recorder
    /// and the path.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io = |message: String| Error::Io {
            entity: self.entity.clone(),
            path: path.display().to_string(),
            message,
        };
        font::register();
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let bytes = match extension.as_deref() {
            Some("svg") => self.svg().map_err(io)?.into_bytes(),
            Some("png") => self.png().map_err(io)?,
            _ => {
                return Err(io(
                    "unknown image format; end the file name in .svg or .png".into(),
                ))
            }
        };
        std::fs::write(path, bytes).map_err(|e| io(e.to_string()))
    }

    /// The figure as an SVG document.
    pub fn svg(&self) -> std::result::Result<String, String> {
        font::register();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, self.size).into_drawing_area();
            self.draw(&root)?;
            root.present().map_err(|e| e.to_string())?;
        }
        // The provenance as the document's description, right after the root element.
        let desc = format!("<desc>{}</desc>", escape(&self.provenance.one_line()));
        match svg
            .find("<svg")
            .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
        {
            Some(at) => svg.insert_str(at, &format!("\n{desc}")),
            None => return Err("the SVG backend wrote no <svg> element".into()),
        }
        Ok(svg)
    }

    /// The figure as PNG bytes (8-bit RGB), with the provenance in text chunks.
    pub fn png(&self) -> std::result::Result<Vec<u8>, String> {
        font::register();
        let (w, h) = self.size;
        let mut pixels = vec![0u8; (w * h * 3) as usize];
        {
            let root = PngBackend::new(&mut pixels, (w, h)).into_drawing_area();
            self.draw(&root)?;
            root.present().map_err(|e| e.to_string())?;
        }
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, w, h);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let text = |e: png::EncodingError| e.to_string();
            encoder
                .add_text_chunk("Software".into(), self.provenance.software.clone())
                .map_err(text)?;
            for (key, value) in self.provenance.fields() {
                encoder.add_text_chunk(key.into(), value).map_err(text)?;
            }
            let mut writer = encoder.write_header().map_err(text)?;
            writer.write_image_data(&pixels).map_err(text)?;
        }
        Ok(out)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), String> {
        match &self.content {
            Content::Raster(r) => r.draw(root),
            Content::Trace(t) => t.draw(root),
            Content::Spatial(s) => s.draw(root),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
