//! The values of the grammar: `{ field: value }` lists, calls, expressions, quantities
//! with their units.

use super::ident;
use crate::ast::*;
use proc_macro2::TokenStream;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{braced, bracketed, parenthesized, Ident, LitStr, Token};

/// Words that end a value, so they are never taken for a unit.
const NOT_UNITS: &[&str] = &[
    "in",
    "on",
    "at",
    "where",
    "within",
    "via",
    "no",
    "with",
    "use_on_source",
];

pub(super) fn optional_fields(input: ParseStream) -> syn::Result<Fields> {
    if input.peek(syn::token::Brace) {
        parse_fields(input)
    } else {
        Ok(Fields {
            fields: Vec::new(),
            span: input.span(),
        })
    }
}

pub(super) fn optional_where(input: ParseStream) -> syn::Result<Option<Fields>> {
    if input.peek(Token![where]) {
        input.parse::<Token![where]>()?;
        Ok(Some(parse_fields(input)?))
    } else {
        Ok(None)
    }
}

pub(super) fn parse_fields(input: ParseStream) -> syn::Result<Fields> {
    let content;
    let brace = braced!(content in input);
    let fields = whole(&content, |content| {
        let mut fields = Vec::new();
        while !content.is_empty() {
            let name = ident(content)?;
            content.parse::<Token![:]>()?;
            let value = parse_expr(content)?;
            fields.push(Field { name, value });
            if content.is_empty() {
                break;
            }
            separator(content, "fields")?;
        }
        Ok(fields)
    })?;
    Ok(Fields {
        fields,
        span: brace.span.join(),
    })
}

/// Parses the contents of a bracketed group with `parse`; on an error, the rest of
/// the group is consumed so that the error is the only one reported for it.
fn whole<T>(
    content: ParseStream,
    parse: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<T> {
    let result = parse(content);
    if result.is_err() {
        content.step(|cursor| {
            let mut rest = *cursor;
            while let Some((_, next)) = rest.token_tree() {
                rest = next;
            }
            Ok(((), rest))
        })?;
    }
    result
}

/// The `,` between two entries of a list of `what`, with a message that names the
/// usual mistakes: an operator between a number and its unit, a missing comma.
fn separator(content: ParseStream, what: &str) -> syn::Result<()> {
    if content.peek(Token![,]) {
        content.parse::<Token![,]>()?;
        return Ok(());
    }
    if content.peek(Token![*]) || content.peek(Token![/]) {
        return Err(content.error(
            "a quantity is a number and its unit, without an operator between them\nhelp: write e.g. `20 pA`; to compute a value, write a Rust expression in braces: `{2.0 * 10.0} pA`",
        ));
    }
    if content.peek(Ident::peek_any) {
        let word = content.fork().call(Ident::parse_any)?;
        return Err(content.error(format!(
            "expected `,` before `{word}`\nhelp: separate {what} with commas"
        )));
    }
    Err(content.error(format!("expected `,` between {what}")))
}

pub(super) fn parse_call(input: ParseStream) -> syn::Result<Call> {
    let name = ident(input)?;
    let mut args = Vec::new();
    let mut end = name.span();
    if input.peek(syn::token::Paren) {
        let content;
        let paren = parenthesized!(content in input);
        end = paren.span.close();
        args = whole(&content, |content| {
            let mut args = Vec::new();
            while !content.is_empty() {
                if content.peek(Ident::peek_any)
                    && content.peek2(Token![:])
                    && !content.peek2(Token![::])
                {
                    let name = ident(content)?;
                    content.parse::<Token![:]>()?;
                    let value = parse_expr(content)?;
                    args.push(Arg::Named(Field { name, value }));
                } else {
                    args.push(Arg::Positional(parse_expr(content)?));
                }
                if content.is_empty() {
                    break;
                }
                separator(content, "arguments")?;
            }
            Ok(args)
        })?;
    }
    Ok(Call {
        span: SpanRange {
            start: name.span(),
            end,
        },
        name,
        args,
    })
}

/// Parses one value, with the operators of an expression of space if any follow.
pub(super) fn parse_expr(input: ParseStream) -> syn::Result<Expr> {
    super::expression::parse(input)
}

/// Parses one value without operators.
pub(super) fn parse_primary(input: ParseStream) -> syn::Result<Expr> {
    if input.peek(Token![-])
        || input.peek(syn::LitInt)
        || input.peek(syn::LitFloat)
        || peek_inf(input)
    {
        let lo = parse_quantity(input)?;
        if input.peek(Token![..]) {
            input.parse::<Token![..]>()?;
            let hi = parse_quantity(input)?;
            let unit = if hi.unit.is_some() {
                hi.unit.clone()
            } else {
                None
            };
            let span = lo.span.to(hi.span);
            return Ok(Expr::Range { lo, hi, unit, span });
        }
        return Ok(Expr::Number(lo));
    }
    if input.peek(syn::token::Bracket) {
        let content;
        let bracket = bracketed!(content in input);
        let mut elems = Vec::new();
        while !content.is_empty() {
            elems.push(parse_expr(&content)?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        let unit = parse_unit(input)?;
        let start = bracket.span.open();
        let end = unit.as_ref().map_or(bracket.span.close(), |u| u.span.end);
        return Ok(Expr::List {
            elems,
            unit,
            span: SpanRange { start, end },
        });
    }
    if input.peek(syn::token::Brace) {
        if is_fields(input) {
            return Ok(Expr::Fields(parse_fields(input)?));
        }
        let content;
        let brace = braced!(content in input);
        let tokens: TokenStream = content.parse()?;
        let unit = parse_unit(input)?;
        let start = brace.span.open();
        let end = unit.as_ref().map_or(brace.span.close(), |u| u.span.end);
        return Ok(Expr::Rust {
            tokens,
            unit,
            span: SpanRange { start, end },
        });
    }
    if input.peek(LitStr) {
        return Ok(Expr::Str(input.parse()?));
    }
    if input.peek(Ident::peek_any) {
        if input.peek2(syn::token::Paren) {
            return Ok(Expr::Call(parse_call(input)?));
        }
        return Ok(Expr::Ident(ident(input)?));
    }
    Err(input.error("expected a value: a number with a unit (`10 ms`), a list (`[0, 0] mm`), a range (`1..5 Hz`), a name, a call (`uniform(1 pA, 2 pA)`) or a Rust expression in braces (`{J_EX} pA`)"))
}

/// Whether the braces ahead hold `{ key: value, .. }` (or nothing) rather than a Rust
/// expression `{ J_EX * 2.0 }`.
pub(super) fn is_fields(input: ParseStream) -> bool {
    use proc_macro2::{Delimiter, Spacing};
    let Some((inside, _, _)) = input.cursor().group(Delimiter::Brace) else {
        return true;
    };
    if inside.eof() {
        return true;
    }
    let Some((_, after)) = inside.ident() else {
        return false;
    };
    matches!(after.punct(), Some((p, _)) if p.as_char() == ':' && p.spacing() == Spacing::Alone)
}

/// Whether `inf` (infinity, as NEST writes it: `V_th: inf mV`) comes next.
fn peek_inf(input: ParseStream) -> bool {
    input.cursor().ident().is_some_and(|(i, _)| i == "inf")
}

pub(super) fn parse_quantity(input: ParseStream) -> syn::Result<Quantity> {
    let minus: Option<Token![-]> = input.parse()?;
    let (digits, suffix, integer, span) = if peek_inf(input) {
        let inf: Ident = input.parse()?;
        ("inf".to_string(), String::new(), false, inf.span())
    } else if input.peek(syn::LitInt) {
        let lit: syn::LitInt = input.parse()?;
        (
            lit.base10_digits().to_string(),
            lit.suffix().to_string(),
            true,
            lit.span(),
        )
    } else {
        let lit: syn::LitFloat = input.parse()?;
        (
            lit.base10_digits().to_string(),
            lit.suffix().to_string(),
            false,
            lit.span(),
        )
    };
    let mut value: f64 = digits
        .parse()
        .map_err(|_| syn::Error::new(span, "not a number"))?;
    if minus.is_some() {
        value = -value;
    }
    let start = minus.map_or(span, |m| m.span);
    let unit = if suffix.is_empty() {
        parse_unit(input)?
    } else {
        Some(Unit {
            name: suffix,
            span: SpanRange::single(span),
        })
    };
    let end = unit.as_ref().map_or(span, |u| u.span.end);
    Ok(Quantity {
        value,
        integer,
        unit,
        span: SpanRange { start, end },
    })
}

pub(super) fn parse_unit(input: ParseStream) -> syn::Result<Option<Unit>> {
    if input.peek(Token![%]) {
        let p: Token![%] = input.parse()?;
        return Ok(Some(Unit {
            name: "%".into(),
            span: SpanRange::single(p.span),
        }));
    }
    if !input.peek(Ident::peek_any) || input.peek2(syn::token::Paren) {
        return Ok(None);
    }
    let word = input.fork().call(Ident::parse_any)?;
    if NOT_UNITS.iter().any(|w| word == w) {
        return Ok(None);
    }
    let word = ident(input)?;
    if input.peek(Token![/]) && input.peek2(Ident::peek_any) && !input.peek3(syn::token::Paren) {
        // A compound unit such as `mm/ms` (in expressions of space).
        let fork = input.fork();
        fork.parse::<Token![/]>()?;
        let below = fork.call(Ident::parse_any)?;
        if network_spec::units::lookup(&below.to_string()).is_ok() {
            input.parse::<Token![/]>()?;
            let below = ident(input)?;
            return Ok(Some(Unit {
                name: format!("{word}/{below}"),
                span: SpanRange::from(&word).to((&below).into()),
            }));
        }
    }
    if word == "per" {
        let per = ident(input)?;
        return Ok(Some(Unit {
            name: format!("per {per}"),
            span: SpanRange::from(&word).to((&per).into()),
        }));
    }
    Ok(Some(Unit {
        name: word.to_string(),
        span: (&word).into(),
    }))
}
