//! Diagnostics as rustc prints them (annotate-snippets, the renderer of rustc and
//! cargo): `error: ..`, `--> file:line:column`, the source line and a caret under the
//! offending text, `= help: ..`. The macro's compile errors look the same.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use network_load::{Located, Source};
use serde_json::json;

/// Every diagnostic of `source`, then a closing line, as one text.
pub fn render(source: &Source, diagnostics: &[Located], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let snippet = Snippet::source(source.text.as_str())
            .path(source.name.as_str())
            .annotation(AnnotationKind::Primary.span(d.bytes.clone()));
        let mut group: Group = Level::ERROR
            .primary_title(d.message.as_str())
            .element(snippet);
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out.push_str(&format!("error: {}\n", summary(source, diagnostics)));
    out
}

/// The closing line: `FILE has N errors`.
fn summary(source: &Source, diagnostics: &[Located]) -> String {
    let n = diagnostics.len();
    format!(
        "{} has {n} error{}",
        source.name,
        if n == 1 { "" } else { "s" }
    )
}

/// Every diagnostic of `source` as one JSON object: `error` (the closing line) and
/// `diagnostics`, each with file, line and column (from 1), message and help.
pub fn json(source: &Source, diagnostics: &[Located]) -> serde_json::Value {
    json!({
        "error": summary(source, diagnostics),
        "diagnostics": diagnostics.iter().map(|d| json!({
            "file": source.name, "line": d.line, "column": d.column,
            "message": d.message, "help": d.help,
        })).collect::<Vec<_>>(),
    })
}
