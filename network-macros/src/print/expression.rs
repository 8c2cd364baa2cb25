//! An expression of space (`weight: 2 pA * exp(-distance / 150 um)`) printed as the
//! tree the engine evaluates, numbers already in NEST units.

use super::num;
use network_syntax::expression::{Arith, Comparison, End, Expression, Function, Random};
use proc_macro2::TokenStream;
use quote::quote;

/// `::std::sync::Arc::new(tree)`: what a `Value::Expression` or `Kernel::Expression`
/// holds.
pub(super) fn shared(e: &Expression) -> TokenStream {
    let tree = tree(e);
    quote!(::std::sync::Arc::new(#tree))
}

fn tree(e: &Expression) -> TokenStream {
    let path = quote!(::network::spec::expression);
    let boxed = |x: &Expression| {
        let x = tree(x);
        quote!(::std::boxed::Box::new(#x))
    };
    match e {
        Expression::Number(v) => {
            let v = num(*v);
            quote!(#path::Expression::Number(#v))
        }
        Expression::Distance => quote!(#path::Expression::Distance),
        Expression::Displacement(a) => quote!(#path::Expression::Displacement(#a)),
        Expression::Position(end, a) => {
            let end = match end {
                End::Source => quote!(Source),
                End::Target => quote!(Target),
            };
            quote!(#path::Expression::Position(#path::End::#end, #a))
        }
        Expression::Neg(x) => {
            let x = boxed(x);
            quote!(#path::Expression::Neg(#x))
        }
        Expression::Arith(op, a, b) => {
            let op = match op {
                Arith::Add => quote!(Add),
                Arith::Sub => quote!(Sub),
                Arith::Mul => quote!(Mul),
                Arith::Div => quote!(Div),
            };
            let (a, b) = (boxed(a), boxed(b));
            quote!(#path::Expression::Arith(#path::Arith::#op, #a, #b))
        }
        Expression::Pow(x, p) => {
            let (x, p) = (boxed(x), num(*p));
            quote!(#path::Expression::Pow(#x, #p))
        }
        Expression::Function(f, x) => {
            let f = match f {
                Function::Exp => quote!(Exp),
                Function::Sin => quote!(Sin),
                Function::Cos => quote!(Cos),
            };
            let x = boxed(x);
            quote!(#path::Expression::Function(#path::Function::#f, #x))
        }
        Expression::Min(x, c) => {
            let (x, c) = (boxed(x), num(*c));
            quote!(#path::Expression::Min(#x, #c))
        }
        Expression::Max(x, c) => {
            let (x, c) = (boxed(x), num(*c));
            quote!(#path::Expression::Max(#x, #c))
        }
        Expression::Compare(cmp, a, b) => {
            let cmp = match cmp {
                Comparison::Lt => quote!(Lt),
                Comparison::Le => quote!(Le),
                Comparison::Eq => quote!(Eq),
                Comparison::Ne => quote!(Ne),
                Comparison::Ge => quote!(Ge),
                Comparison::Gt => quote!(Gt),
            };
            let (a, b) = (boxed(a), boxed(b));
            quote!(#path::Expression::Compare(#path::Comparison::#cmp, #a, #b))
        }
        Expression::Conditional(c, a, b) => {
            let (c, a, b) = (boxed(c), boxed(a), boxed(b));
            quote!(#path::Expression::Conditional(#c, #a, #b))
        }
        Expression::Redraw(x, lo, hi) => {
            let (x, lo, hi) = (boxed(x), num(*lo), num(*hi));
            quote!(#path::Expression::Redraw(#x, #lo, #hi))
        }
        Expression::Random(r) => {
            let r = match *r {
                Random::Uniform { min, max } => {
                    let (a, z) = (num(min), num(max));
                    quote!(Uniform { min: #a, max: #z })
                }
                Random::Normal { mean, std } => {
                    let (m, s) = (num(mean), num(std));
                    quote!(Normal { mean: #m, std: #s })
                }
                Random::Lognormal { mean, std } => {
                    let (m, s) = (num(mean), num(std));
                    quote!(Lognormal { mean: #m, std: #s })
                }
                Random::Exponential { beta } => {
                    let b = num(beta);
                    quote!(Exponential { beta: #b })
                }
            };
            quote!(#path::Expression::Random(#path::Random::#r))
        }
    }
}
