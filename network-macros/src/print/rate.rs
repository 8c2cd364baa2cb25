//! Printing the rate neurons' steps as builder calls: the kernel's waveform-relaxation
//! settings, `rate_population`, `rate_connect` and `rate_multimeter`.

use super::{builder, device_var, num, Internal};
use network_syntax::lowering::{Plan, RateStep, Step};
use network_syntax::rate::{RateModel, RateRuleDesc, RateSynapseDesc};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

/// The local holding a rate population's handle.
pub fn rate_population_var(name: &str) -> Internal {
    Internal(format!("rate_pop_{name}"))
}

/// The Rust type of a rate model's parameters (`tanh_rate_ipn` → `TanhRateIpn`).
fn rust_type(model: RateModel) -> Ident {
    let name: String = model
        .name()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    Ident::new(&name, Span::call_site())
}

/// `name: value` for a parameter table's struct: a flag is a `bool` field.
fn fields<'a>(
    params: &'a [(&'static str, f64)],
    table: &'a [network_spec::ParamInfo],
) -> impl Iterator<Item = TokenStream> + 'a {
    params.iter().map(move |(p, v)| {
        let flag = table.iter().any(|i| i.name == *p && i.is_flag());
        let v = if flag {
            let b = *v == 1.0;
            quote!(#b)
        } else {
            num(*v)
        };
        let p = format_ident!("{}", p);
        quote!(#p: #v)
    })
}

/// The rate populations' names, by index.
pub fn names(plan: &Plan) -> Vec<&str> {
    plan.steps
        .iter()
        .filter_map(|s| match s {
            Step::Rate(RateStep::Population(p)) => Some(p.name.as_str()),
            _ => None,
        })
        .collect()
}

/// One rate step as statements.
pub fn step(plan: &Plan, step: &RateStep) -> TokenStream {
    let b = builder();
    match step {
        RateStep::Kernel(settings) => {
            let table =
                <network_spec::rate::WaveformRelaxation as network_spec::Parameters>::PARAMETERS;
            let f = fields(settings, table);
            quote! {
                #b.waveform_relaxation(::network::spec::rate::WaveformRelaxation { #(#f,)* ..::core::default::Default::default() })?;
            }
        }
        RateStep::Population(p) => {
            let (var, name, ty) = (rate_population_var(&p.name), &p.name, rust_type(p.model));
            let f = fields(&p.params, p.model.parameters());
            let n = Literal::usize_unsuffixed(p.size);
            let params = quote!(::network::spec::rate::#ty { #(#f,)* ..::core::default::Default::default() });
            match &p.layout {
                Some(l) => {
                    let l = super::layout(l);
                    quote! {
                        let #var = #b.spatial_rate_population(#name, #params, #n, &#l)?;
                    }
                }
                None => quote! {
                    let #var = #b.rate_population(#name, #params, #n)?;
                },
            }
        }
        RateStep::Connect(c) => {
            let names = names(plan);
            let (src, tgt) = (
                rate_population_var(names[c.source]),
                rate_population_var(names[c.target]),
            );
            let name = &c.name;
            let rule = match &c.rule {
                RateRuleDesc::AllToAll => quote!(::network::RateRule::AllToAll),
                RateRuleDesc::OneToOne => quote!(::network::RateRule::OneToOne),
                RateRuleDesc::Pairs(pairs) => {
                    let p = pairs.iter().map(|(s, t)| {
                        let (s, t) = (Literal::u32_unsuffixed(*s), Literal::u32_unsuffixed(*t));
                        quote!((#s, #t))
                    });
                    quote!(::network::RateRule::Pairs(::std::vec![#(#p),*]))
                }
                RateRuleDesc::Spec(spec) => {
                    let flags = [spec.autapses, spec.multapses, spec.use_on_source];
                    let mask = spec.mask.as_ref().map(|m| &m.mask);
                    let spec = super::conn_spec(spec.rule, mask, spec.kernel.as_ref(), flags);
                    let value = |v: &network_spec::Value| {
                        let v = super::known_value(v);
                        quote!(::network::Value::from(#v))
                    };
                    let conn = match &c.synapse {
                        RateSynapseDesc::Delayed { weight, delay } => {
                            let (w, d) = (value(weight), value(delay));
                            quote!(::network::RateConnectionOf::Delayed { weight: #w, delay: #d })
                        }
                        RateSynapseDesc::Instantaneous { weight } => {
                            let w = value(weight);
                            quote!(::network::RateConnectionOf::Instantaneous { weight: #w })
                        }
                    };
                    return quote! {
                        #b.rate_connect_spatial(#name, &#src, &#tgt, &#spec, &#conn)?;
                    };
                }
            };
            // A plain rule takes numbers (the checker makes one with random or spatial
            // values a `Spec`).
            let number = |v: &network_spec::Value| num(v.constant().unwrap_or(f64::NAN));
            let conn = match &c.synapse {
                RateSynapseDesc::Delayed { weight, delay } => {
                    let (w, d) = (number(weight), number(delay));
                    quote!(::network::RateConnection::Delayed { weight: #w, delay: #d })
                }
                RateSynapseDesc::Instantaneous { weight } => {
                    let w = number(weight);
                    quote!(::network::RateConnection::Instantaneous { weight: #w })
                }
            };
            quote! {
                #b.rate_connect(#name, &#src, &#tgt, &#rule, #conn)?;
            }
        }
        RateStep::Multimeter(m) => {
            let names = names(plan);
            let (var, name, pop) = (
                device_var(&m.name),
                &m.name,
                rate_population_var(names[m.population]),
            );
            let indices = match &m.indices {
                Some(ix) => {
                    let ix = ix.iter().map(|i| Literal::u32_unsuffixed(*i));
                    quote!(::core::option::Option::Some(&[#(#ix),*][..]))
                }
                None => quote!(::core::option::Option::None),
            };
            let rf = m.record_from.iter().map(|r| {
                let r = format_ident!("{}", r.name());
                quote!(::network::Recordable::#r)
            });
            let (interval, offset, steps) = (num(m.interval), num(m.offset), m.time_in_steps);
            let win = super::window(m.window);
            quote! {
                let #var = #b.rate_multimeter(#name, &#pop, #indices, ::network::Multimeter { interval: #interval, offset: #offset, record_from: ::std::vec![#(#rf),*], window: #win, time_in_steps: #steps, ..::core::default::Default::default() })?;
            }
        }
    }
}
