//! What a device or a connection reaches: a population, a slice of it (`[a..b]`,
//! `[i, j]`) or a mask selection (`within MASK at [x, y] mm`); masks and synapses named
//! or written in place.

use super::values::{parse_call, parse_expr, parse_fields};
use super::{expect_word, ident, peek_word};
use crate::ast::*;
use syn::parse::ParseStream;
use syn::{bracketed, LitInt, Token};

pub(super) fn parse_target(input: ParseStream) -> syn::Result<Target> {
    let population = ident(input)?;
    let slice = if input.peek(syn::token::Bracket) {
        Some(parse_slice(input)?)
    } else {
        None
    };
    let within = if peek_word(input, "within") {
        ident(input)?;
        let mask = parse_mask_ref(input)?;
        let at = if peek_word(input, "at") {
            ident(input)?;
            Some(parse_expr(input)?)
        } else {
            None
        };
        Some((mask, at))
    } else {
        None
    };
    Ok(Target {
        population,
        slice,
        within,
    })
}

/// `[a..b]`, `[a..]`, `[..b]`, `[..]` or `[i, j, k]`: whole numbers.
pub(super) fn parse_slice(input: ParseStream) -> syn::Result<Slice> {
    let content;
    let bracket = bracketed!(content in input);
    let span = SpanRange::single(bracket.span.join());
    let index = |c: ParseStream| -> syn::Result<usize> {
        let lit: LitInt = c.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected an index: a whole number\nhelp: a slice is `[a..b]`, `[a..]`, `[..b]` or a list `[i, j, k]`",
            )
        })?;
        lit.base10_parse()
    };
    let start = if content.peek(Token![..]) {
        None
    } else {
        Some(index(&content)?)
    };
    if content.peek(Token![..]) {
        content.parse::<Token![..]>()?;
        let end = if content.is_empty() {
            None
        } else {
            Some(index(&content)?)
        };
        if !content.is_empty() {
            return Err(content.error("expected `]` after the range"));
        }
        return Ok(Slice::Range { start, end, span });
    }
    let mut indices: Vec<usize> = start.into_iter().collect();
    while content.peek(Token![,]) {
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
        indices.push(index(&content)?);
    }
    if !content.is_empty() {
        return Err(content.error(
            "expected `,`, `..` or `]`\nhelp: a slice is `[a..b]`, `[a..]`, `[..b]` or a list `[i, j, k]`",
        ));
    }
    Ok(Slice::List { indices, span })
}

pub(super) fn parse_mask_ref(input: ParseStream) -> syn::Result<MaskRef> {
    if input.peek2(syn::token::Paren) {
        Ok(MaskRef::Inline(parse_call(input)?))
    } else {
        Ok(MaskRef::Named(ident(input)?))
    }
}

pub(super) fn parse_via(input: ParseStream) -> syn::Result<Via> {
    expect_word(input, "via")?;
    parse_via_rest(input)
}

pub(super) fn parse_via_rest(input: ParseStream) -> syn::Result<Via> {
    let synapse = ident(input)?;
    let params = if input.peek(syn::token::Brace) {
        Some(parse_fields(input)?)
    } else {
        None
    };
    Ok(Via { synapse, params })
}
