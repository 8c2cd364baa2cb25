//! Where a piece of a description was written: the spans of its first and last tokens.

use proc_macro2::{Ident, Span};

/// The start and end of a piece of source text, for diagnostics that underline it.
#[derive(Debug, Clone, Copy)]
pub struct SpanRange {
    /// The first token.
    pub start: Span,
    /// The last token.
    pub end: Span,
}

impl SpanRange {
    /// One token.
    pub fn single(span: Span) -> Self {
        SpanRange {
            start: span,
            end: span,
        }
    }

    /// From the start of `self` to the end of `other`.
    pub fn to(self, other: SpanRange) -> Self {
        SpanRange {
            start: self.start,
            end: other.end,
        }
    }

    /// No place in a source text: a description the macro embedded into the program
    /// it generated (`network!`'s `export_pynest`) is not read again, so its values
    /// carry no spans.
    pub fn call_site() -> Self {
        SpanRange::single(Span::call_site())
    }
}

impl From<&Ident> for SpanRange {
    fn from(ident: &Ident) -> Self {
        SpanRange::single(ident.span())
    }
}
