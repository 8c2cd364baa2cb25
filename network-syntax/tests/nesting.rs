//! Deeply nested brackets are a syntax error, not a stack overflow (issue 17): the
//! parser recurses once per level, so the nesting is bounded before it runs. These
//! run on the test harness's 2 MiB threads, smaller than a program's main thread.

use network_syntax::{parse, MAX_NESTING};
use proc_macro2::TokenStream;

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!(
        "neuron Cell = iaf_psc_alpha {{ V_m: {}-70{} mV }}; population cells = Cell[3];",
        open.repeat(depth),
        close.repeat(depth)
    )
}

fn messages(text: &str) -> Vec<String> {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    match parse(tokens) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.into_iter().map(|d| d.message).collect(),
    }
}

fn is_nesting_error(m: &str) -> bool {
    m.contains(&format!("nested more than {MAX_NESTING} deep"))
}

#[test]
fn ten_thousand_brackets_are_an_error() {
    let found = messages(&nested("[", "]", 10_000));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(is_nesting_error(&found[0]), "{found:?}");
}

#[test]
fn a_hundred_thousand_parentheses_are_an_error() {
    let found = messages(&nested("(", ")", 100_000));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(is_nesting_error(&found[0]), "{found:?}");
}

#[test]
fn braces_count_too() {
    let found = messages(&nested("{", "}", 5_000));
    assert!(found.iter().any(|m| is_nesting_error(m)), "{found:?}");
}

#[test]
fn the_limit_itself_parses_and_one_more_does_not() {
    // The statement's own braces are one level; the value's brackets the rest.
    let at_limit = messages(&nested("[", "]", MAX_NESTING - 1));
    assert!(
        !at_limit.iter().any(|m| is_nesting_error(m)),
        "{at_limit:?}"
    );
    assert!(
        !at_limit.is_empty(),
        "a nested list is not a membrane potential"
    );
    let over = messages(&nested("[", "]", MAX_NESTING));
    assert_eq!(over.len(), 1, "{over:?}");
    assert!(is_nesting_error(&over[0]), "{over:?}");
}

#[test]
fn the_header_survives_so_the_macro_reports_only_the_nesting() {
    let text = format!("pub struct Net; {}", nested("[", "]", 1_000));
    let tokens: TokenStream = text.parse().unwrap();
    let (ast, errors) = network_syntax::parse_tokens(tokens);
    assert_eq!(
        ast.header.map(|h| h.name.to_string()).as_deref(),
        Some("Net")
    );
    assert_eq!(errors.len(), 1);
    assert!(is_nesting_error(&errors[0].to_string()), "{}", errors[0]);
}
