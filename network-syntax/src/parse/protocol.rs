//! `protocol { .. }`: a run sequence, its statements each ended by `;`.

use super::targets::parse_target;
use super::values::{parse_expr, parse_fields};
use super::{ident, parse_item, peek_word};
use crate::ast::*;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{braced, Ident, Token};

/// The block after the `protocol` keyword.
pub(super) fn parse_protocol(input: ParseStream, keyword: Ident) -> syn::Result<ProtocolItem> {
    let content;
    braced!(content in input);
    let mut statements = Vec::new();
    while !content.is_empty() {
        let parsed = statement(&content).and_then(|s| {
            content.parse::<Token![;]>().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `;` after this protocol statement\nhelp: every statement ends with `;`",
                )
            })?;
            Ok(s)
        });
        match parsed {
            Ok(s) => statements.push(s),
            Err(e) => {
                // The rest of the block is left unread: one error, not a second one
                // for the tokens after it.
                content.parse::<proc_macro2::TokenStream>()?;
                return Err(e);
            }
        }
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
            let target = parse_target(input)?;
            if input.peek(syn::token::Brace) {
                return Ok(ProtocolStatement::SetNeurons {
                    keyword,
                    target,
                    fields: parse_fields(input)?,
                });
            }
            if target.within.is_some() {
                return Err(input.error(
                    "expected `{` after the mask selection\nhelp: set the neurons inside a mask with `set NAME within MASK { PARAM: VALUE, .. };`",
                ));
            }
            input.parse::<Token![.]>().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `.PARAM = VALUE` or `{ PARAM: VALUE, .. }` after what is set\nhelp: `set exc.I_e = 376 pA;` or `set exc { V_m: -70 mV, I_e: 376 pA };`",
                )
            })?;
            let param = ident(input)?;
            input.parse::<Token![=]>()?;
            Ok(ProtocolStatement::Set {
                entity: target.population,
                slice: target.slice,
                param,
                value: parse_expr(input)?,
            })
        }
        "read" => {
            let name = ident(input)?;
            input.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `=` after the read's name\nhelp: `read w_mid = e2i { weight, delay };`",
                )
            })?;
            let connection = ident(input)?;
            let columns = if input.peek(syn::token::Brace) {
                let content;
                braced!(content in input);
                let names = content.parse_terminated(Ident::parse_any, Token![,])?;
                Some(names.into_iter().collect())
            } else {
                None
            };
            Ok(ProtocolStatement::Read {
                keyword,
                name,
                connection,
                columns,
            })
        }
        _ => Err(syn::Error::new(
            keyword.span(),
            format!(
                "expected a protocol statement, found `{keyword}`\nhelp: a protocol has `simulate 100 ms;`, `set NAME.PARAM = VALUE;`, `set POPULATION {{ PARAM: VALUE, .. }};`, `record NAME = KIND <- POPULATION;` and `read NAME = CONNECTION {{ weight, .. }};`"
            ),
        )),
    }
}
