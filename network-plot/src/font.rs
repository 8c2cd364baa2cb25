//! The embedded font: a subset of DejaVu Sans (Latin-1, Greek mu and Delta, dashes,
//! minus), made by `fonts/make_subset.sh`; its licence is in `fonts/LICENSE`.

use plotters::style::{register_font, FontStyle};
use std::sync::Once;

/// The font's bytes.
pub(crate) const DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans-subset.ttf");

/// Registers the font as plotters' `sans-serif`, once.
pub(crate) fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is part of this crate and parses; a failure would show as missing
        // text, never as a panic.
        let _ = register_font("sans-serif", FontStyle::Normal, DEJAVU_SANS);
    });
}
