//! The typed setters of rate populations in the generated type: per rate population
//! `r`, `set_r()` returns a view with one method per parameter of its model (NEST's
//! names; `tau(ms(5.0))`, `mu(number(0.5))`, flags as `bool`) and the state `rate`, all
//! for the whole population; `set_r_in(&[0, 3])` returns a view of those neurons with
//! `rate` alone, since the engine keeps one parameter set per rate population. A name
//! the model lacks, a parameter on part of a population or a value of another
//! dimension is a compile error.

use crate::setters::{camel, unit};
use network_syntax::ast::Header;
use network_syntax::description::Description;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The state a rate neuron has besides its parameters, set per neuron.
const STATE: &str = "rate";

/// One setter method of a rate view, or `None` for a parameter without a unit marker.
fn method(p: &network_spec::ParamInfo) -> Option<TokenStream> {
    let (method, pname) = (format_ident!("{}", p.name), p.name);
    if p.is_flag() {
        let doc = format!("`{pname}` (flag): {}", p.doc);
        return Some(quote! {
            #[doc = #doc]
            pub fn #method(&mut self, value: bool) -> ::core::result::Result<&mut Self, ::network::Error> {
                self.0.set_flag(#pname, value)?;
                ::core::result::Result::Ok(self)
            }
        });
    }
    let ty = unit(p.dimension)?;
    let doc = format!("`{pname}` ({}): {}", p.dimension.unit(), p.doc);
    Some(quote! {
        #[doc = #doc]
        pub fn #method(&mut self, value: #ty) -> ::core::result::Result<&mut Self, ::network::Error> {
            self.0.set(#pname, value)?;
            ::core::result::Result::Ok(self)
        }
    })
}

/// The setter views of every rate population and the methods of the generated type
/// that return them.
pub fn setters(header: &Header, d: &Description) -> TokenStream {
    let Header { vis, name, .. } = header;
    let mut views = Vec::new();
    let mut methods = Vec::new();
    for pop in &d.rate.populations {
        let variant = &d.rate.neurons[pop.neuron];
        let table = variant.model.parameters();
        let (whole, part) = (
            format_ident!("{}{}RateNeurons", name, camel(&pop.name)),
            format_ident!("{}{}Rates", name, camel(&pop.name)),
        );
        let field = format_ident!("{}", pop.name);
        let (all, some) = (
            format_ident!("set_{}", pop.name),
            format_ident!("set_{}_in", pop.name),
        );
        let every = table.iter().filter_map(method);
        let state = table.iter().filter(|p| p.name == STATE).filter_map(method);
        let whole_doc = format!(
            "Rate population `{}` ({}) to change between runs, as NEST's `SetStatus` between \
             `Simulate` calls: one method per parameter of {} and the state `rate`, in its \
             unit, for every neuron.",
            pop.name,
            variant.name,
            variant.model.name()
        );
        let part_doc = format!(
            "Some neurons of rate population `{}`, to change their state `rate` between runs \
             (their parameters are the population's: set them with `set_{}()`).",
            pop.name, pop.name
        );
        views.push(quote! {
            #[doc = #whole_doc]
            #[allow(non_snake_case)]
            #vis struct #whole<'a>(::network::RateNeuronsMut<'a>);

            #[allow(non_snake_case)]
            impl #whole<'_> {
                #(#every)*
            }

            #[doc = #part_doc]
            #vis struct #part<'a>(::network::RateNeuronsMut<'a>);

            impl #part<'_> {
                #(#state)*
            }
        });
        let all_doc = format!(
            "Every neuron of rate population `{}`, to change between runs (see [`{whole}`]).",
            pop.name
        );
        let some_doc = format!(
            "The neurons `indices` of rate population `{}`, to change their `rate` between \
             runs (see [`{part}`]); an index past its end is an error when set.",
            pop.name
        );
        methods.push(quote! {
            #[doc = #all_doc]
            pub fn #all(&mut self) -> #whole<'_> {
                let population = self.#field;
                #whole(::network::RateNeuronsMut::new(&mut self.network, population, ::core::option::Option::None))
            }

            #[doc = #some_doc]
            pub fn #some(&mut self, indices: &[u32]) -> #part<'_> {
                let population = self.#field;
                #part(::network::RateNeuronsMut::new(&mut self.network, population, ::core::option::Option::Some(indices)))
            }
        });
    }
    if views.is_empty() {
        return quote!();
    }
    quote! {
        #(#views)*

        #[allow(non_snake_case)]
        impl #name {
            #(#methods)*
        }
    }
}
