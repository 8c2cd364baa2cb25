//! `protocol { .. }`: a run sequence, its statements each ended by `;`.

use super::targets::parse_slice;
use super::values::parse_expr;
use super::{ident, parse_item, peek_word};
use crate::ast::*;
use syn::parse::ParseStream;
use syn::{braced, Ident, Token};

/// The block after the `protocol` keyword.
pub(super) fn parse_protocol(input: ParseStream, keyword: Ident) -> syn::Result<ProtocolItem> {
    let content;
    braced!(content in input);
    let mut statements = Vec::new();
    while !content.is_empty() {
        statements.push(statement(&content)?);
        content.parse::<Token![;]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `;` after this protocol statement\nhelp: every statement ends with `;`",
            )
        })?;
    }
    Ok(ProtocolItem {
        keyword,
        statements,
    })
}

fn statement(input: ParseStream) -> syn::Result<ProtocolStatement> {
    if peek_word(input, "record") {
        return match parse_item(input, Vec::new())? {
            Item::Record(d) => Ok(ProtocolStatement::Record(d)),
            _ => unreachable!("`record` parses as a recorder"),
        };
    }
    let keyword = ident(input)?;
    match keyword.to_string().as_str() {
        "simulate" => Ok(ProtocolStatement::Simulate {
            keyword,
            time: parse_expr(input)?,
        }),
        "set" => {
            let entity = ident(input)?;
            let slice = if input.peek(syn::token::Bracket) {
                Some(parse_slice(input)?)
            } else {
                None
            };
            input.parse::<Token![.]>()?;
            let param = ident(input)?;
            input.parse::<Token![=]>()?;
            Ok(ProtocolStatement::Set {
                entity,
                slice,
                param,
                value: parse_expr(input)?,
            })
        }
        _ => Err(syn::Error::new(
            keyword.span(),
            format!(
                "expected a protocol statement, found `{keyword}`\nhelp: a protocol has `simulate 100 ms;`, `set NAME.PARAM = VALUE;` and `record NAME = KIND <- POPULATION;`"
            ),
        )),
    }
}
