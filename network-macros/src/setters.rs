//! The typed setters of the generated type: per population `exc`, `set_exc()` (all its
//! neurons) and `set_exc_in(&selection)` return a view with one method per parameter of
//! the population's model, named as NEST names it and taking a value in its unit
//! (`I_e(pA(376.0))`, `V_m(mV(-70.0))`, flags as `bool`). A name the model lacks or a
//! value of another dimension is a compile error.

use network_syntax::ast::Header;
use network_syntax::description::Description;
use network_syntax::units::Dim;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The unit marker of a dimension, for the dimensions the parameters of neurons,
/// generators and synapses have.
pub(crate) fn unit(dimension: Dim) -> Option<TokenStream> {
    let marker = match dimension {
        Dim::Time => quote!(Ms),
        Dim::Voltage => quote!(MilliVolt),
        Dim::Current => quote!(PicoAmpere),
        Dim::Capacitance => quote!(PicoFarad),
        Dim::Conductance => quote!(NanoSiemens),
        Dim::Rate => quote!(Hertz),
        Dim::Angle => quote!(Degree),
        Dim::Number => quote!(Number),
        _ => return None,
    };
    Some(quote!(::network::units::Quantity<::network::units::#marker>))
}

/// `snake_case` as `CamelCase`.
pub(crate) fn camel(name: &str) -> String {
    name.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The setter views of every population and the methods of the generated type that
/// return them.
pub fn setters(header: &Header, d: &Description) -> TokenStream {
    let Header { vis, name, .. } = header;
    let mut views = Vec::new();
    let mut methods = Vec::new();
    for pop in &d.populations {
        let model = &d.neurons[pop.model];
        let base = model.base;
        let view = format_ident!("{}{}Neurons", name, camel(&pop.name));
        let field = format_ident!("{}", pop.name);
        let (all, some) = (
            format_ident!("set_{}", pop.name),
            format_ident!("set_{}_in", pop.name),
        );
        let setters = base.parameters().iter().filter_map(|p| {
            let method = format_ident!("{}", p.name);
            let pname = p.name;
            if p.is_list() {
                return None;
            }
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
        });
        let view_doc = format!(
            "Neurons of `{}` ({}) to change between runs, as NEST's `SetStatus` between \
             `Simulate` calls: one method per parameter of {}, in its unit, on the whole \
             population or any selection of it.",
            pop.name,
            model.name,
            base.name()
        );
        views.push(quote! {
            #[doc = #view_doc]
            #[allow(non_snake_case)]
            #vis struct #view<'a>(::network::NeuronsMut<'a>);

            #[allow(non_snake_case)]
            impl #view<'_> {
                #(#setters)*
            }
        });
        let all_doc = format!(
            "Every neuron of `{}`, to change between runs (see [`{view}`]).",
            pop.name
        );
        let some_doc = format!(
            "The neurons `selection` of `{}` (a range, a list or a mask selection), to change \
             between runs; a selection of another population is an error when set.",
            pop.name
        );
        methods.push(quote! {
            #[doc = #all_doc]
            pub fn #all(&mut self) -> #view<'_> {
                let selection = self.#field.all();
                let population = self.#field.index();
                #view(::network::NeuronsMut::new(&mut self.network, population, selection))
            }

            #[doc = #some_doc]
            pub fn #some(&mut self, selection: &::network::Selection) -> #view<'_> {
                let population = self.#field.index();
                #view(::network::NeuronsMut::new(&mut self.network, population, selection.clone()))
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
