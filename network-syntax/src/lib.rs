//! The network description language: grammar, syntax tree, validation and the one
//! lowering to engine operations ([`lowering`]).
//!
//! A plain library (no `proc_macro` types in its API): the `network!` macro and a
//! loader reading the same language from a file both use it.
//!
//! Its feature `parse` (on by default) is the reader: grammar, syntax tree and checks,
//! on `syn`. Without it the crate is the checked description and its lowering alone,
//! which is what a program built by `network!` needs at run time (its PyNEST export
//! reads the description the macro checked and embedded, [`embed`]), so a user's
//! program compiles no parser.
//!
//! ```
//! let text = "resolution = 0.1 ms;
//!     neuron PV = iaf_psc_alpha(inhibitory) { C_m: 200 pF };
//!     population pv = PV[100];";
//! let tokens: proc_macro2::TokenStream = text.parse().unwrap();
//! let description = network_syntax::parse(tokens).unwrap();
//! assert_eq!(description.populations[0].size.fixed(), Some(100));
//! assert_eq!(description.neurons[0].params[0], ("V_th", -52.0));
//! ```
#![forbid(unsafe_code)]

#[cfg(feature = "parse")]
pub mod ast;
#[cfg(feature = "parse")]
mod check;
pub mod description;
#[cfg(feature = "parse")]
mod diagnostic;
#[cfg(feature = "embed")]
pub mod embed;
#[cfg(feature = "parse")]
pub mod estimate;
#[cfg(feature = "parse")]
pub mod grammar;
pub mod lowering;
pub mod model_table;
#[cfg(feature = "parse")]
mod outline;
#[cfg(feature = "parse")]
mod parse;
pub mod rate;
#[cfg(feature = "parse")]
pub mod reference;
#[cfg(feature = "parse")]
pub mod settable;
#[cfg(feature = "parse")]
pub mod source;
mod span;
#[cfg(feature = "parse")]
pub mod units;

#[cfg(feature = "parse")]
pub use ast::NetworkAst;
pub use description::Description;
#[cfg(feature = "parse")]
pub use diagnostic::Diagnostic;
/// The vocabulary the description is written in (models, parameters, rules, values).
pub use network_spec as spec;
/// Expressions of space, as the vocabulary declares them (checked in `check/expression.rs`).
pub use network_spec::expression;
#[cfg(feature = "parse")]
pub use outline::{outline, AddedRecorder, FieldKind};
#[cfg(feature = "parse")]
pub use parse::{parse_tokens, MAX_NESTING};
pub use span::SpanRange;

#[cfg(feature = "parse")]
use proc_macro2::TokenStream;

/// The header, the declared names and the checked description (or every mistake).
#[cfg(feature = "parse")]
pub type Checked = (
    Option<ast::Header>,
    Vec<(syn::Ident, FieldKind)>,
    Result<Description, Vec<Diagnostic>>,
);

/// Parses and checks a description, reporting every mistake found.
#[cfg(feature = "parse")]
pub fn parse_and_check(tokens: TokenStream) -> Checked {
    let (ast, syntax) = parse_tokens(tokens);
    let names = outline(&ast);
    let checked = check::check(&ast);
    let mut diagnostics: Vec<Diagnostic> = syntax.into_iter().map(Diagnostic::from).collect();
    let result = match checked {
        Ok(d) if diagnostics.is_empty() => Ok(d),
        Ok(_) => Err(diagnostics),
        Err(more) => {
            diagnostics.extend(more);
            Err(diagnostics)
        }
    };
    (ast.header, names, result)
}

/// Parses and checks a description without a header (as a loader reads a file).
#[cfg(feature = "parse")]
pub fn parse(tokens: TokenStream) -> Result<Description, Vec<Diagnostic>> {
    parse_and_check(tokens).2
}
