//! A mistake in a description, as the checks report it.

use crate::SpanRange;

/// A mistake in a description: where, what, and what would be valid.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The offending tokens.
    pub span: SpanRange,
    /// What is wrong.
    pub message: String,
    /// What would be valid.
    pub help: Option<String>,
}

impl Diagnostic {
    /// The message with its help line, as shown to the user.
    pub fn text(&self) -> String {
        match &self.help {
            Some(h) => format!("{}\n= help: {h}", self.message),
            None => self.message.clone(),
        }
    }
}

impl From<syn::Error> for Diagnostic {
    fn from(e: syn::Error) -> Self {
        let span = e.span();
        let text = e.to_string();
        let (message, help) = match text.split_once("\nhelp: ") {
            Some((m, h)) => (m.to_string(), Some(h.to_string())),
            None => (text, None),
        };
        Diagnostic {
            span: SpanRange::single(span),
            message,
            help,
        }
    }
}
