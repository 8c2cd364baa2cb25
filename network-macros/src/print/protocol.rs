//! `run_protocol(&mut self)`: the description's `protocol` block as calls on the built
//! network, in order (the checker has resolved every name and unit).

use super::{num, selection};
use network_syntax::description::SetValue;
use network_syntax::lowering::{rate_indices, total_time, Action, Plan};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The `run_protocol` method and `PROTOCOL_MS`, or nothing without a protocol.
pub fn method(plan: &Plan) -> TokenStream {
    if plan.protocol.is_empty() {
        return quote!();
    }
    let names: Vec<&str> = plan.populations().map(|p| p.name.as_str()).collect();
    let pop = |p: usize| {
        let field = format_ident!("{}", names[p]);
        quote!(self.#field)
    };
    let rate_names = super::rate::names(plan);
    let calls = plan.protocol.iter().map(|a| match a {
        Action::Simulate(t) => {
            let t = num(*t);
            quote!(self.network.simulate(#t)?;)
        }
        Action::SetNeurons {
            target,
            param,
            value,
        } => {
            let (sel, v) = (selection(target, pop), num(*value));
            quote!(self.network.set_neurons(&#sel, #param, #v)?;)
        }
        Action::SetGenerator { name, param, value } => {
            let field = format_ident!("{}", name);
            let v = match value {
                SetValue::Number(v) => {
                    let v = num(*v);
                    quote!(::network::Setting::Number(#v))
                }
                SetValue::List(l) => {
                    let l = l.iter().map(|v| num(*v));
                    quote!(::network::Setting::List(::std::vec![#(#l),*]))
                }
            };
            quote!(self.network.set_generator(&self.#field, #param, #v)?;)
        }
        Action::SetRecorder {
            name,
            multimeter,
            param,
            value,
        } => {
            let (field, v) = (format_ident!("{}", name), num(*value));
            if *multimeter {
                quote!(self.network.set_multimeter(&self.#field, #param, #v)?;)
            } else {
                quote!(self.network.set_spike_recorder(&self.#field, #param, #v)?;)
            }
        }
        Action::SetWeight { field, value } => {
            let (field, v) = (format_ident!("{}", field), num(*value));
            quote!(self.network.set_weight(&self.#field, #v)?;)
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
    let total = num(total_time(&plan.protocol));
    quote! {
        /// The simulated time of the description's `protocol` block, ms.
        pub const PROTOCOL_MS: f64 = #total;

        /// Runs the description's `protocol` block: its `simulate` statements and, between
        /// them, its `set` statements (NEST's `Simulate` and `SetStatus`), in order.
        pub fn run_protocol(&mut self) -> ::core::result::Result<(), ::network::Error> {
            #(#calls)*
            ::core::result::Result::Ok(())
        }
    }
}
