//! Expressions of space: values computed per pair of neurons from `distance`, the
//! displacement `dx`, `dy`, `dz` and the positions `source.x`, `target.y`, with
//! arithmetic, `^` (power), comparisons and calls (`exp(..)`, `if(..)`,
//! `uniform(..)`). A value without an operator is parsed as before (`values.rs`).
//!
//! Precedence, loosest first: comparisons; `+ -`; `* /`; unary `-`; `^` (right
//! associative); a value, a call, `( .. )` or `source.x`.

use super::values::parse_primary;
use crate::ast::*;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{parenthesized, Ident, Token};

/// The kernels `with p = ..` names (the rest of what may follow is an expression).
const KERNELS: &[&str] = &[
    "constant",
    "linear",
    "exponential",
    "gaussian",
    "gaussian2d",
    "gamma",
    "gabor",
];

/// Whether `call` is one of the distance kernels of `with p = ..`.
pub(super) fn is_kernel(call: &Call) -> bool {
    KERNELS.iter().any(|k| call.name == k)
}

/// The value after `with p =`: a kernel call or an expression.
pub(super) fn parse_p(input: ParseStream) -> syn::Result<Expr> {
    parse(input)
}

/// One value, with operators if any follow.
pub(super) fn parse(input: ParseStream) -> syn::Result<Expr> {
    let lhs = additive(input)?;
    let op_span = input.span();
    let op = if input.peek(Token![<=]) {
        input.parse::<Token![<=]>()?;
        BinOp::Le
    } else if input.peek(Token![>=]) {
        input.parse::<Token![>=]>()?;
        BinOp::Ge
    } else if input.peek(Token![==]) {
        input.parse::<Token![==]>()?;
        BinOp::Eq
    } else if input.peek(Token![!=]) {
        input.parse::<Token![!=]>()?;
        BinOp::Ne
    } else if input.peek(Token![<]) && !input.peek(Token![<-]) {
        input.parse::<Token![<]>()?;
        BinOp::Lt
    } else if input.peek(Token![>]) {
        input.parse::<Token![>]>()?;
        BinOp::Gt
    } else {
        return Ok(lhs);
    };
    let rhs = additive(input)?;
    Ok(binary(op, op_span, lhs, rhs))
}

fn binary(op: BinOp, op_span: proc_macro2::Span, lhs: Expr, rhs: Expr) -> Expr {
    Expr::Binary {
        op,
        op_span,
        lhs: Box::new(lhs),
        rhs: Box::new(rhs),
    }
}

fn additive(input: ParseStream) -> syn::Result<Expr> {
    let mut lhs = multiplicative(input)?;
    loop {
        let op_span = input.span();
        let op = if input.peek(Token![+]) {
            input.parse::<Token![+]>()?;
            BinOp::Add
        } else if input.peek(Token![-]) && !input.peek(Token![->]) {
            input.parse::<Token![-]>()?;
            BinOp::Sub
        } else {
            return Ok(lhs);
        };
        let rhs = multiplicative(input)?;
        lhs = binary(op, op_span, lhs, rhs);
    }
}

fn multiplicative(input: ParseStream) -> syn::Result<Expr> {
    let mut lhs = unary(input)?;
    loop {
        let op_span = input.span();
        let op = if input.peek(Token![*]) {
            input.parse::<Token![*]>()?;
            BinOp::Mul
        } else if input.peek(Token![/]) {
            input.parse::<Token![/]>()?;
            BinOp::Div
        } else {
            return Ok(lhs);
        };
        unit_as_operand(input, op_span)?;
        let rhs = unary(input)?;
        lhs = binary(op, op_span, lhs, rhs);
    }
}

/// Why an error: `20*pA` reads as a quantity with an operator inside; a unit is
/// written after its number (`20 pA`, `0.3 mm/ms`), never as an operand.
fn unit_as_operand(input: ParseStream, op: proc_macro2::Span) -> syn::Result<()> {
    if input.peek(Ident::peek_any) && !input.peek2(syn::token::Paren) {
        let word = input.fork().call(Ident::parse_any)?;
        if network_spec::units::lookup(&word.to_string()).is_ok() {
            return Err(syn::Error::new(
                op,
                "a quantity is a number and its unit, without an operator between them\nhelp: write e.g. `20 pA`; to compute a value, write a Rust expression in braces: `{2.0 * 10.0} pA`",
            ));
        }
    }
    Ok(())
}

fn unary(input: ParseStream) -> syn::Result<Expr> {
    // `-2 mV` and `-inf` are negative numbers, read as one value.
    let inf = || {
        let fork = input.fork();
        fork.parse::<Token![-]>().is_ok() && fork.cursor().ident().is_some_and(|(i, _)| i == "inf")
    };
    let number_follows = input.peek2(syn::LitInt) || input.peek2(syn::LitFloat) || inf();
    if input.peek(Token![-]) && !number_follows {
        let minus: Token![-] = input.parse()?;
        let expr = unary(input)?;
        let span = SpanRange::single(minus.span).to(expr.span());
        return Ok(Expr::Neg {
            expr: Box::new(expr),
            span,
        });
    }
    power(input)
}

fn power(input: ParseStream) -> syn::Result<Expr> {
    let base = atom(input)?;
    if input.peek(Token![^]) {
        let caret: Token![^] = input.parse()?;
        let exponent = unary(input)?;
        return Ok(binary(BinOp::Pow, caret.span, base, exponent));
    }
    Ok(base)
}

fn atom(input: ParseStream) -> syn::Result<Expr> {
    if input.peek(syn::token::Paren) {
        let content;
        let paren = parenthesized!(content in input);
        let expr = parse(&content)?;
        if !content.is_empty() {
            return Err(content.error("expected `)` after the value"));
        }
        return Ok(Expr::Group {
            expr: Box::new(expr),
            span: SpanRange {
                start: paren.span.open(),
                end: paren.span.close(),
            },
        });
    }
    if input.peek(Ident::peek_any) && input.peek2(Token![.]) && !input.peek2(Token![..]) {
        let base = Ident::parse_any(input)?;
        input.parse::<Token![.]>()?;
        let field = Ident::parse_any(input)?;
        return Ok(Expr::Field { base, field });
    }
    parse_primary(input)
}
