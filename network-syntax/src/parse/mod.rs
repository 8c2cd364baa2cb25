//! The grammar: Rust tokens to the syntax tree. A statement that does not parse is
//! reported and skipped up to its `;`, so one build shows every syntax error.

use crate::ast::*;
use crate::grammar;
use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{bracketed, parenthesized, Attribute, Ident, Token};

mod expression;
mod protocol;
mod targets;
mod values;
use targets::{parse_mask_ref, parse_target, parse_via, parse_via_rest};
use values::{optional_fields, optional_where, parse_call, parse_expr, parse_fields};

/// The deepest nesting of brackets, parentheses and braces a description may use. The
/// parser (and `syn`'s token buffer beneath it) recurses once per level, so without a
/// bound a few thousand nested `[` overflow the stack; real descriptions nest a handful.
pub const MAX_NESTING: usize = 128;

/// Parses a description; returns the tree and the syntax errors of skipped statements
/// (a statement whose only fault is a missing `;` is kept).
pub fn parse_tokens(tokens: TokenStream) -> (NetworkAst, Vec<syn::Error>) {
    let empty = || NetworkAst {
        header: None,
        items: Vec::new(),
        broken: Vec::new(),
    };
    if let Err(e) = check_nesting(&tokens) {
        // Keep the header (it comes before the first `;`), so that the macro still
        // defines its type and reports only this error.
        let first: TokenStream = tokens
            .into_iter()
            .scan(false, |done, tt| {
                let take = !*done;
                *done |= matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';');
                take.then_some(tt)
            })
            .collect();
        let header = match check_nesting(&first) {
            Ok(()) => parse_tokens(first).0.header,
            Err(_) => None,
        };
        let ast = NetworkAst { header, ..empty() };
        return (ast, vec![e]);
    }
    let mut errors = Vec::new();
    let parser = |input: ParseStream| parse_network(input, &mut errors);
    match parser.parse2(tokens) {
        Ok(ast) => (ast, errors),
        Err(e) => {
            errors.push(e);
            (empty(), errors)
        }
    }
}

/// Rejects groups nested deeper than [`MAX_NESTING`], walking the tokens with an explicit
/// stack (no recursion), before anything recursive sees them.
fn check_nesting(tokens: &TokenStream) -> syn::Result<()> {
    let mut stack = vec![tokens.clone().into_iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(TokenTree::Group(group)) => {
                if stack.len() > MAX_NESTING {
                    return Err(syn::Error::new(
                        group.span_open(),
                        format!(
                            "brackets, parentheses and braces nested more than {MAX_NESTING} deep; \
                             write the value with less nesting"
                        ),
                    ));
                }
                stack.push(group.stream().into_iter());
            }
            Some(_) => {}
            None => {
                stack.pop();
            }
        }
    }
    Ok(())
}

fn parse_network(input: ParseStream, errors: &mut Vec<syn::Error>) -> syn::Result<NetworkAst> {
    while is_hash_comment(input) {
        errors.push(hash_comment(input)?);
    }
    let mut attrs = input.call(Attribute::parse_outer)?;
    let header = if input.peek(Token![pub]) || input.peek(Token![struct]) {
        let vis = input.parse()?;
        input.parse::<Token![struct]>()?;
        let name = input.parse()?;
        input.parse::<Token![;]>()?;
        Some(Header {
            attrs: std::mem::take(&mut attrs),
            vis,
            name,
        })
    } else {
        None
    };
    let mut items = Vec::new();
    let mut broken = Vec::new();
    let mut first = true;
    while !input.is_empty() {
        if is_hash_comment(input) {
            errors.push(hash_comment(input)?);
            continue;
        }
        let docs = if first {
            first = false;
            attrs.iter().filter_map(doc_text).collect::<Vec<_>>()
        } else {
            input
                .call(Attribute::parse_outer)?
                .iter()
                .filter_map(doc_text)
                .collect()
        };
        let start = input.cursor();
        match parse_item(input, docs) {
            Ok(item) => {
                // A block (`protocol { .. }`) needs no `;`.
                let block = matches!(item, Item::Protocol(_)) && !input.peek(Token![;]);
                // A statement that parsed is kept even when its `;` is missing, so the
                // names it declares are known to the statements after it.
                items.push(item);
                if block {
                    continue;
                }
                if let Err(e) = end_of_statement(input, start) {
                    errors.push(e);
                    if !starts_statement(input) {
                        skip_statement(input)?;
                    }
                }
            }
            Err(e) => {
                errors.push(e);
                broken.extend(broken_head(start));
                skip_statement(input)?;
            }
        }
    }
    Ok(NetworkAst {
        header,
        items,
        broken,
    })
}

/// What the statement at `start` declares, read from its first words, if they parse.
fn broken_head(start: syn::buffer::Cursor) -> Option<Broken> {
    let parser = |input: ParseStream| -> syn::Result<Option<Broken>> {
        let keyword = ident(input)?;
        let head = match keyword.to_string().as_str() {
            "neuron" | "synapse" | "population" | "mask" => Broken::Named(keyword, ident(input)?),
            "record" | "stimulate" => {
                let name = ident(input)?;
                input.parse::<Token![=]>()?;
                Broken::Device(keyword, name, ident(input)?)
            }
            "connect" => {
                let first = ident(input)?;
                let (name, source) = if input.peek(Token![=]) {
                    input.parse::<Token![=]>()?;
                    (Some(first), ident(input)?)
                } else {
                    (None, first)
                };
                // A slice (`exc[0..10]`) is not needed to name the connection.
                if input.peek(syn::token::Bracket) {
                    input.parse::<TokenTree>()?;
                }
                input.parse::<Token![->]>()?;
                Broken::Connect {
                    name,
                    source,
                    target: ident(input)?,
                }
            }
            _ => return Ok(None),
        };
        // The rest of the statement is not read.
        input.step(|cursor| {
            let mut rest = *cursor;
            while let Some((_, next)) = rest.token_tree() {
                rest = next;
            }
            Ok(((), rest))
        })?;
        Ok(Some(head))
    };
    let tokens: TokenStream = {
        let mut tokens = TokenStream::new();
        let mut cursor = start;
        while let Some((tt, next)) = cursor.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') {
                break;
            }
            tokens.extend([tt]);
            cursor = next;
        }
        tokens
    };
    parser.parse2(tokens).ok().flatten()
}

/// Whether the input is at the first word of a statement.
fn starts_statement(input: ParseStream) -> bool {
    grammar::STATEMENTS.iter().any(|s| peek_word(input, s.word))
}

/// The `;` that ends the statement begun at `start`. Where it is missing before the next
/// statement (or the end), the error points at the statement's last token.
fn end_of_statement(input: ParseStream, start: syn::buffer::Cursor) -> syn::Result<()> {
    if input.peek(Token![;]) {
        input.parse::<Token![;]>()?;
        return Ok(());
    }
    if input.is_empty() || starts_statement(input) {
        let end = last_token_span(start, input.cursor());
        return Err(syn::Error::new(
            end,
            "expected `;` after this statement\nhelp: every statement ends with `;`",
        ));
    }
    Err(input.error("expected `;`"))
}

/// The span of the last token from `start` up to (not including) `end`: for a
/// bracketed group, its closing bracket.
fn last_token_span(start: syn::buffer::Cursor, end: syn::buffer::Cursor) -> proc_macro2::Span {
    let mut cursor = start;
    let mut last = start.span();
    while cursor != end {
        let Some((tt, next)) = cursor.token_tree() else {
            break;
        };
        last = match &tt {
            TokenTree::Group(g) => g.span_close(),
            other => other.span(),
        };
        cursor = next;
    }
    last
}

/// Whether the input is at a `#` that does not begin an attribute (`#[..]`).
fn is_hash_comment(input: ParseStream) -> bool {
    input.peek(Token![#]) && !input.peek2(syn::token::Bracket)
}

/// A `#` that does not begin an attribute, taken for a comment: the error says how
/// comments are written, and the rest of its line is skipped (up to the next `;`
/// where lines are unknown).
fn hash_comment(input: ParseStream) -> syn::Result<syn::Error> {
    let hash: Token![#] = input.parse()?;
    let error = syn::Error::new(
        hash.span,
        "expected a statement, found `#`\nhelp: comments start with `//`",
    );
    let line = hash.span.start().line;
    if line == 0 {
        skip_statement(input)?;
        return Ok(error);
    }
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if tt.span().start().line != line {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })?;
    Ok(error)
}

fn doc_text(attr: &Attribute) -> Option<String> {
    if !attr.path().is_ident("doc") {
        return None;
    }
    match &attr.meta {
        syn::Meta::NameValue(nv) => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value().trim().to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn skip_statement(input: ParseStream) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            rest = next;
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') {
                break;
            }
        }
        Ok(((), rest))
    })
}

pub(super) fn ident(input: ParseStream) -> syn::Result<Ident> {
    input.call(Ident::parse_any)
}

fn peek_word(input: ParseStream, word: &str) -> bool {
    input.peek(Ident::peek_any) && input.fork().call(Ident::parse_any).is_ok_and(|i| i == word)
}

fn expect_word(input: ParseStream, word: &str) -> syn::Result<Ident> {
    let found = ident(input)?;
    if found != word {
        return Err(syn::Error::new(
            found.span(),
            format!("expected `{word}`, found `{found}`"),
        ));
    }
    Ok(found)
}

fn parse_item(input: ParseStream, docs: Vec<String>) -> syn::Result<Item> {
    let keyword = ident(input)?;
    let item = match keyword.to_string().as_str() {
        "neuron" => {
            let name = ident(input)?;
            input.parse::<Token![=]>()?;
            let base = ident(input)?;
            let preset = if input.peek(syn::token::Paren) {
                let content;
                parenthesized!(content in input);
                Some(ident(&content)?)
            } else {
                None
            };
            let params = optional_fields(input)?;
            let meta = optional_where(input)?;
            Item::Neuron(NeuronItem {
                docs,
                name,
                base,
                preset,
                params,
                meta,
            })
        }
        "synapse" => {
            let name = ident(input)?;
            input.parse::<Token![=]>()?;
            let base = ident(input)?;
            let params = optional_fields(input)?;
            Item::Synapse {
                docs,
                name,
                base,
                params,
            }
        }
        "population" => {
            let name = ident(input)?;
            input.parse::<Token![=]>()?;
            let model = ident(input)?;
            let content;
            bracketed!(content in input);
            let dynamic = if content.peek(Token![dyn]) {
                Some(content.parse::<Token![dyn]>()?.span)
            } else {
                None
            };
            let size = parse_expr(&content)?;
            let space = if ["in", "at", "on"].iter().any(|w| peek_word(input, w)) {
                Some((ident(input)?, parse_call(input)?))
            } else {
                None
            };
            let initial = if peek_word(input, "with") {
                ident(input)?;
                Some(parse_fields(input)?)
            } else {
                None
            };
            let meta = optional_where(input)?;
            Item::Population(PopulationItem {
                docs,
                name,
                model,
                size,
                dynamic,
                space,
                initial,
                meta,
            })
        }
        "mask" => {
            let name = ident(input)?;
            input.parse::<Token![=]>()?;
            let shape = parse_call(input)?;
            Item::Mask { docs, name, shape }
        }
        "record" | "stimulate" => {
            let record = keyword == "record";
            let name = ident(input)?;
            input.parse::<Token![=]>()?;
            let kind = ident(input)?;
            let params = optional_fields(input)?;
            if record {
                input.parse::<Token![<-]>()?;
            } else {
                input.parse::<Token![->]>()?;
            }
            let mut targets = vec![parse_target(input)?];
            while input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
                targets.push(parse_target(input)?);
            }
            let via = if peek_word(input, "via") {
                Some(parse_via(input)?)
            } else {
                None
            };
            let device = DeviceItem {
                docs,
                name,
                kind,
                params,
                targets,
                via,
            };
            if record {
                Item::Record(device)
            } else {
                Item::Stimulate(device)
            }
        }
        "connect" => Item::Connect(parse_connect(input, docs)?),
        "protocol" => Item::Protocol(protocol::parse_protocol(input, keyword)?),
        _ if input.peek(Token![=]) => {
            input.parse::<Token![=]>()?;
            Item::Setting {
                key: keyword,
                value: parse_expr(input)?,
            }
        }
        _ => {
            return Err(syn::Error::new(
                keyword.span(),
                format!(
                    "expected a statement, found `{keyword}`\nhelp: statements start with {}, or set `resolution = ..` or `seed = ..`",
                    grammar::statement_words()
                ),
            ))
        }
    };
    Ok(item)
}

fn parse_connect(input: ParseStream, docs: Vec<String>) -> syn::Result<ConnectItem> {
    let name = if input.peek2(Token![=]) {
        let name = ident(input)?;
        input.parse::<Token![=]>()?;
        Some(name)
    } else {
        None
    };
    let source = parse_target(input)?;
    let arrow: Token![->] = input.parse()?;
    let target = parse_target(input)?;
    input.parse::<Token![:]>()?;
    let rule = parse_call(input)?;
    let mut item = ConnectItem {
        docs,
        name,
        source,
        target,
        arrow: SpanRange {
            start: arrow.spans[0],
            end: arrow.spans[1],
        },
        rule,
        mask: None,
        kernel: None,
        p_expression: None,
        no_autapses: None,
        no_multapses: None,
        use_on_source: None,
        via: None,
        meta: None,
    };
    loop {
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
        if input.peek(Token![;]) || input.is_empty() || starts_statement(input) {
            break;
        }
        let word = ident(input)?;
        match word.to_string().as_str() {
            "in" => item.mask = Some(parse_mask_ref(input)?),
            "with" => {
                expect_word(input, "p")?;
                input.parse::<Token![=]>()?;
                match expression::parse_p(input)? {
                    Expr::Call(call) if expression::is_kernel(&call) => item.kernel = Some(call),
                    e => item.p_expression = Some(Box::new(e)),
                }
            }
            "no" => {
                let what = ident(input)?;
                let span = SpanRange::from(&word).to((&what).into());
                match what.to_string().as_str() {
                    "autapses" => item.no_autapses = Some(span),
                    "multapses" => item.no_multapses = Some(span),
                    _ => {
                        return Err(syn::Error::new(
                            what.span(),
                            "expected `no autapses` or `no multapses`",
                        ))
                    }
                }
            }
            "use_on_source" => item.use_on_source = Some((&word).into()),
            "via" => {
                item.via = Some(parse_via_rest(input)?);
            }
            "where" => {
                item.meta = Some(parse_fields(input)?);
            }
            _ => {
                return Err(syn::Error::new(
                    word.span(),
                    format!("unexpected `{word}` in a connection\nhelp: after the rule come {}, separated by commas", grammar::option_list()),
                ))
            }
        }
    }
    Ok(item)
}
