//! `run_protocol(&mut self)`: the description's `protocol` block as calls on the built
//! network, in order (the checker has resolved every name and unit).

use super::recorders::{multimeter, spike_recorder, weight_recorder, Site};
use super::{device_var, mask, num, nums, selection, selection_var, Printer};
use network_syntax::description::{SetValue, Value, ValueDesc};
use network_syntax::lowering::{rate_indices, total_time, Action, Plan, Recorder, RecorderType};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The name of a recorder the protocol adds.
fn added_name(r: &Recorder) -> &str {
    match r {
        Recorder::Spikes(r) => &r.name,
        Recorder::Multimeter(m) => &m.name,
        Recorder::Weights(w) => &w.name,
    }
}

/// The recorders `plan`'s protocol adds: their names and kinds, in order.
pub fn added(plan: &Plan) -> impl Iterator<Item = &Recorder> {
    plan.protocol.iter().filter_map(|a| match a {
        Action::Record(r) => Some(r),
        _ => None,
    })
}

/// The connection reads of `plan`'s protocol: their names, connections and columns,
/// in order.
pub fn reads(plan: &Plan) -> impl Iterator<Item = (&str, &str, &[&'static str])> {
    plan.protocol.iter().filter_map(|a| match a {
        Action::ReadConnections {
            name,
            field,
            columns,
        } => Some((name.as_str(), field.as_str(), columns.as_slice())),
        _ => None,
    })
}

/// The `run_protocol` method and `PROTOCOL_MS`, or nothing without a protocol.
pub fn method(plan: &Plan, printer: &Printer) -> TokenStream {
    if plan.protocol.is_empty() {
        return quote!();
    }
    let names: Vec<&str> = plan.populations().map(|p| p.name.as_str()).collect();
    let pop = |p: usize| {
        let field = format_ident!("{}", names[p]);
        quote!(self.#field)
    };
    let rate_names = super::rate::names(plan);
    let proj = |c: &str| {
        let field = format_ident!("{}", c);
        quote!(self.#field)
    };
    // A generator is a field of the built network's type.
    let generator = |g: &str| {
        let field = format_ident!("{}", g);
        quote!(self.#field)
    };
    let site = Site {
        receiver: quote!(self.network),
        prefix: "add_",
        population: &pop,
        projection: &proj,
        generator: &generator,
    };
    // A recorder the protocol added is in its local from then on (its field is an
    // `Option`).
    let mut added: Vec<&str> = Vec::new();
    let mut calls = Vec::new();
    for a in &plan.protocol {
        calls.push(match a {
            Action::Simulate(t) => {
                let t = num(*t);
                quote!(self.network.simulate(#t)?;)
            }
            Action::SetNeurons {
                target,
                param,
                value,
            } => {
                let sel = selection(target, pop);
                match value {
                    Value::Constant(v) => {
                        let v = num(*v);
                        quote!(self.network.set_neurons(&#sel, #param, #v)?;)
                    }
                    v => {
                        let v = printer.value(&ValueDesc::Known(v.clone()));
                        quote!(self.network.set_neurons_to(&#sel, #param, &#v)?;)
                    }
                }
            }
            Action::Within(w) => {
                let (var, p) = (selection_var(w.slot), pop(w.population));
                let (m, c) = (mask(&w.mask.mask), nums(&w.center));
                quote!(let #var = self.network.within(&#p, &#m, #c)?;)
            }
            Action::Record(r) => {
                let made = match r {
                    Recorder::Spikes(r) => spike_recorder(r, &site),
                    Recorder::Multimeter(m) => multimeter(m, &site),
                    Recorder::Weights(w) => weight_recorder(w, &site),
                };
                let name = added_name(r);
                added.push(name);
                let (field, var) = (format_ident!("{}", name), device_var(name));
                quote! {
                    #made
                    self.#field = ::core::option::Option::Some(#var);
                }
            }
            Action::SetGenerator { name, values } => {
                let field = format_ident!("{}", name);
                let values = values.iter().map(|(param, value)| {
                    let v = setting(value);
                    quote!((#param, #v))
                });
                quote!(self.network.set_generator_params(&self.#field, &[#(#values),*])?;)
            }
            Action::SetRecorder {
                name,
                kind,
                param,
                value,
            } => {
                let handle = if added.contains(&name.as_str()) {
                    let var = device_var(name);
                    quote!(#var)
                } else {
                    let field = format_ident!("{}", name);
                    quote!(self.#field)
                };
                let v = num(*value);
                let setter = match kind {
                    RecorderType::Spikes => quote!(set_spike_recorder),
                    RecorderType::Multimeter => quote!(set_multimeter),
                    RecorderType::Weights => quote!(set_weight_recorder),
                };
                quote!(self.network.#setter(&#handle, #param, #v)?;)
            }
            Action::SetWeight { field, value } => {
                let (field, v) = (format_ident!("{}", field), num(*value));
                quote!(self.network.set_weight(&self.#field, #v)?;)
            }
            Action::SetSynapses { field, values } => {
                let field = format_ident!("{}", field);
                let values = values.iter().map(|(param, v)| {
                    let v = setting(v);
                    quote!((#param, #v))
                });
                quote!(self.network.set_synapse_states(&self.#field, &[#(#values),*])?;)
            }
            Action::ReadConnections {
                name,
                field,
                columns,
            } => {
                let (name, field) = (format_ident!("{}", name), format_ident!("{}", field));
                quote! {
                    self.#name = ::core::option::Option::Some(
                        self.network.read_connections(&self.#field, &[#(#columns),*])?,
                    );
                }
            }
            Action::SetRate {
                population,
                select,
                param,
                value,
            } => {
                let field = format_ident!("{}", rate_names[*population]);
                let v = num(*value);
                let indices = match rate_indices(select) {
                    Some(ix) => {
                        let ix = ix.iter().map(|i| Literal::u32_unsuffixed(*i));
                        quote!(::core::option::Option::Some(&[#(#ix),*][..]))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote!(self.network.set_rate_neurons(&self.#field, #indices, #param, #v)?;)
            }
            Action::SetRateMultimeter { name, param, value } => {
                let (field, v) = (format_ident!("{}", name), num(*value));
                quote!(self.network.set_rate_multimeter(&self.#field, #param, #v)?;)
            }
        });
    }
    let total = num(total_time(&plan.protocol));
    quote! {
        /// The simulated time of the description's `protocol` block, ms.
        pub const PROTOCOL_MS: f64 = #total;

        /// Runs the description's `protocol` block: its `simulate` statements and, between
        /// them, its `set` and `record` statements (NEST's `Simulate`, `SetStatus`,
        /// `Create` and `Connect`), in order.
        pub fn run_protocol(&mut self) -> ::core::result::Result<(), ::network::Error> {
            #(#calls)*
            ::core::result::Result::Ok(())
        }
    }
}

/// A protocol's value as a `network::Setting`.
fn setting(value: &SetValue) -> TokenStream {
    match value {
        SetValue::Number(v) => {
            let v = num(*v);
            quote!(::network::Setting::Number(#v))
        }
        SetValue::List(l) => {
            let l = l.iter().map(|v| num(*v));
            quote!(::network::Setting::List(::std::vec![#(#l),*]))
        }
    }
}
