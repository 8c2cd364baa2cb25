//! The `network!` procedural macro: a thin shell around `network-syntax`.
//!
//! It parses and checks the description with `network-syntax`, reports every
//! diagnostic as a spanned compile error (all at once), and prints the steps of the
//! description's lowering (`network_syntax::lowering`) as builder calls on the engine
//! (`print.rs`), inside the generated type (`expand.rs`), with the checked description
//! embedded as the expression that rebuilds it (`network_syntax::embed`), which the
//! type's PyNEST export reads. Use it through the facade crate: `network::network!`.
#![forbid(unsafe_code)]

mod device_setters;
mod docs;
mod estimate;
mod expand;
mod print;
mod rate_setters;
mod setters;

use proc_macro::TokenStream;
use quote::quote_spanned;

/// Describes a network; see the `network` crate's documentation.
#[proc_macro]
pub fn network(input: TokenStream) -> TokenStream {
    let input: proc_macro2::TokenStream = input.into();
    let source = input.to_string();
    let (header, names, result) = network_syntax::parse_and_check(input);
    let output = match (header, result) {
        (Some(header), Ok(description)) => expand::expand(&header, &description, &source),
        (header, result) => {
            let mut diagnostics = result.err().unwrap_or_default();
            if header.is_none() {
                diagnostics.insert(
                    0,
                    network_syntax::Diagnostic {
                        span: network_syntax::SpanRange::single(proc_macro2::Span::call_site()),
                        message: "a network starts with the type it defines".into(),
                        help: Some("begin with `pub struct MyNetwork;`".into()),
                    },
                );
            }
            let mut errors = diagnostics.iter().map(|d| {
                let (start, end) = (d.span.start, d.span.end);
                let range = quote_spanned!(start=> start);
                let end = quote_spanned!(end=> end);
                syn::Error::new_spanned(quote::quote!(#range #end), d.text())
            });
            let mut combined = errors.next().expect("at least one diagnostic");
            for e in errors {
                combined.combine(e);
            }
            let mut out = combined.to_compile_error();
            if let Some(header) = header {
                out.extend(expand::placeholder(&header, &names, &source));
            }
            out
        }
    };
    output.into()
}
