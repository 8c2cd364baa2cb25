//! The typed setters of devices and connections in the generated type, beside the
//! neurons' (`setters.rs`): per generator `drive`, `set_drive()` returns a view with one
//! method per parameter it takes between runs (`rate(Hz(20_000.0))`, lists as slices,
//! a step current's two lists in one method, the window `start`, `stop`, `origin`); per
//! recorder `spikes`, `set_spikes()` a view of its window; per connection `e2i`,
//! `set_e2i()` a view with `weight`, `delay` and its synapse model's rule parameters and
//! plastic state. The names and units are those the `protocol` block accepts
//! (`network_syntax::settable`, one table for both); a name the device or synapse lacks
//! or a value of another dimension is a compile error.

use crate::setters::{camel, unit};
use network_syntax::description::{Description, Wiring};
use network_syntax::lowering::{paired, Plan, RateStep, Recorder, Step};
use network_syntax::settable::{self, Settable};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The type of a value of `s`'s dimension, or of a list of them.
fn value_type(s: &Settable) -> TokenStream {
    let ty = unit(s.dimension).unwrap_or_else(|| {
        let text = format!("no unit type for `{}` ({:?})", s.name, s.dimension);
        quote!(::core::compile_error!(#text))
    });
    if s.list {
        quote!(&[#ty])
    } else {
        ty
    }
}

/// The unit as a doc shows it.
fn shown(s: &Settable) -> String {
    match (s.dimension.unit(), s.list) {
        ("", false) => "a number".to_string(),
        ("", true) => "numbers".to_string(),
        (u, false) => u.to_string(),
        (u, true) => format!("list, {u}"),
    }
}

/// The method setting `s` on a view wrapping a value with `set`/`set_list`; `owner`
/// names the device or connection for the doc.
fn method(s: &Settable, owner: &str) -> TokenStream {
    let (name, pname, ty) = (format_ident!("{}", s.name), s.name, value_type(s));
    let doc = format!(
        "`{pname}` ({}): {}; as `set {owner}.{pname} = ..;` in a `protocol` block.",
        shown(s),
        s.doc
    );
    let call = if s.list {
        quote!(self.0.set_list(#pname, value)?;)
    } else {
        quote!(self.0.set(#pname, value)?;)
    };
    quote! {
        #[doc = #doc]
        pub fn #name(&mut self, value: #ty) -> ::core::result::Result<&mut Self, ::network::Error> {
            #call
            ::core::result::Result::Ok(self)
        }
    }
}

/// The method setting two lists NEST takes only together (`amplitude_times` and
/// `amplitude_values`): `amplitude_times_and_values(times, values)`.
fn pair(first: &Settable, second: &Settable, owner: &str) -> TokenStream {
    let name = format_ident!(
        "{}_and_{}",
        first.name,
        second.name.rsplit('_').next().unwrap_or(second.name)
    );
    let (a, b) = (first.name, second.name);
    let (ta, tb) = (value_type(first), value_type(second));
    let doc = format!(
        "`{a}` ({}) and `{b}` ({}) together, as NEST takes them in one `SetStatus`; as \
         `set {owner}.{a} = ..; set {owner}.{b} = ..;` in a `protocol` block.",
        shown(first),
        shown(second)
    );
    quote! {
        #[doc = #doc]
        pub fn #name(&mut self, times: #ta, values: #tb) -> ::core::result::Result<&mut Self, ::network::Error> {
            self.0.set_lists((#a, times), (#b, values))?;
            ::core::result::Result::Ok(self)
        }
    }
}

/// The methods of a generator's view: its parameters in table order, each pair of lists
/// as one method (where the first of the two stands), then its window.
fn generator_methods(params: &[Settable], owner: &str) -> Vec<TokenStream> {
    let mut methods = Vec::new();
    for (i, s) in params.iter().enumerate() {
        let partner = paired(s.name).and_then(|p| params.iter().position(|q| q.name == p));
        match partner {
            Some(j) if j > i => methods.push(pair(s, &params[j], owner)),
            // The second of a pair: set with the first.
            Some(_) => {}
            None => methods.push(method(s, owner)),
        }
    }
    methods.extend(settable::WINDOW.iter().map(|s| method(s, owner)));
    methods
}

/// One view: its struct over `inner` and the method of the generated type returning it
/// from `make` (an expression of `self`).
struct View {
    ty: Ident,
    inner: TokenStream,
    doc: String,
    methods: Vec<TokenStream>,
    getter: Ident,
    getter_doc: String,
    make: TokenStream,
}

/// The setter views of every generator, recorder and connection of `plan` and the
/// methods of the generated type that return them.
pub fn setters(header: &network_syntax::ast::Header, d: &Description, plan: &Plan) -> TokenStream {
    let network_syntax::ast::Header { vis, name, .. } = header;
    let mut views = Vec::new();
    let recorder = |field: &str, what: &str, handle: TokenStream| {
        let ty = format_ident!("{}{}Recorder", name, camel(field));
        View {
            doc: format!(
                "The window of {what} `{field}` to change between runs, as NEST's `SetStatus` \
                 between `Simulate` calls: `start`, `stop`, `origin` in ms."
            ),
            methods: settable::WINDOW.iter().map(|s| method(s, field)).collect(),
            getter: format_ident!("set_{}", field),
            getter_doc: format!(
                "The window of {what} `{field}`, to change between runs (see [`{ty}`])."
            ),
            make: quote!(::network::RecorderMut::new(&mut self.network, #field, #handle)),
            inner: quote!(::network::RecorderMut<'a>),
            ty,
        }
    };
    let some = |field: &str| {
        let f = format_ident!("{}", field);
        quote!(::core::option::Option::Some(::core::convert::Into::into(self.#f)))
    };
    for step in &plan.steps {
        match step {
            Step::Generator(g) => {
                let params = settable::generator(&g.stimulus);
                let ty = format_ident!("{}{}Generator", name, camel(&g.name));
                let field = format_ident!("{}", g.name);
                let model = g.stimulus.nest_model();
                views.push(View {
                    doc: format!(
                        "Generator `{}` ({model}) to change between runs, as NEST's `SetStatus` \
                         between `Simulate` calls: one method per parameter it takes, in its \
                         unit, and its window.",
                        g.name
                    ),
                    methods: generator_methods(&params, &g.name),
                    getter: format_ident!("set_{}", g.name),
                    getter_doc: format!(
                        "Generator `{}` ({model}), to change between runs (see [`{ty}`]).",
                        g.name
                    ),
                    make: quote!(::network::GeneratorMut::new(&mut self.network, self.#field)),
                    inner: quote!(::network::GeneratorMut<'a>),
                    ty,
                });
            }
            Step::SpikeRecorder(r) => {
                views.push(recorder(&r.name, "spike recorder", some(&r.name)))
            }
            Step::Multimeter(m) => views.push(recorder(&m.name, "multimeter", some(&m.name))),
            Step::WeightRecorder(w) => {
                views.push(recorder(&w.name, "weight recorder", some(&w.name)))
            }
            Step::Rate(RateStep::Multimeter(m)) => views.push(recorder(
                &m.name,
                "multimeter on rate neurons",
                some(&m.name),
            )),
            Step::Connect(c) => {
                let Wiring::Projection(p) = &d.wiring[c.wiring] else {
                    continue;
                };
                let model = p.synapse.base;
                let target = d.neurons[d.populations[p.target].model].base;
                let params = settable::connection(model, target.weight_dimension());
                let ty = format_ident!("{}{}Synapses", name, camel(&c.field));
                let field = format_ident!("{}", c.field);
                views.push(View {
                    doc: format!(
                        "The synapses of `{}` ({}) to change between runs, as NEST's \
                         `SetStatus` on its connections between `Simulate` calls: one method \
                         per value it takes (its weight, delay, rule parameters and plastic \
                         state), in its unit, set alike on every synapse. Each method is one \
                         `SetStatus`; values NEST checks together (`x` and `y` of \
                         tsodyks_synapse) move one at a time.",
                        c.field,
                        model.name()
                    ),
                    methods: params.iter().map(|s| method(s, &c.field)).collect(),
                    getter: format_ident!("set_{}", c.field),
                    getter_doc: format!(
                        "The synapses of `{}`, to change between runs (see [`{ty}`]).",
                        c.field
                    ),
                    make: quote!(::network::SynapsesMut::new(&mut self.network, self.#field)),
                    inner: quote!(::network::SynapsesMut<'a>),
                    ty,
                });
            }
            _ => {}
        }
    }
    for r in crate::print::protocol::added(plan) {
        let (field, what) = match r {
            Recorder::Spikes(r) => (&r.name, "spike recorder"),
            Recorder::Multimeter(m) => (&m.name, "multimeter"),
            Recorder::Weights(w) => (&w.name, "weight recorder"),
        };
        let f = format_ident!("{}", field);
        let handle = quote!(self.#f.map(::core::convert::Into::into));
        let mut view = recorder(field, what, handle);
        view.getter_doc
            .push_str(" It is added by `run_protocol`: setting it before it is added is an error.");
        views.push(view);
    }
    if views.is_empty() {
        return quote!();
    }
    let types = views.iter().map(|v| {
        let View {
            ty,
            inner,
            doc,
            methods,
            ..
        } = v;
        quote! {
            #[doc = #doc]
            #vis struct #ty<'a>(#inner);

            #[allow(non_snake_case)]
            impl #ty<'_> {
                #(#methods)*
            }
        }
    });
    let getters = views.iter().map(|v| {
        let View {
            ty,
            getter,
            getter_doc,
            make,
            ..
        } = v;
        quote! {
            #[doc = #getter_doc]
            pub fn #getter(&mut self) -> #ty<'_> {
                #ty(#make)
            }
        }
    });
    quote! {
        #(#types)*

        #[allow(non_snake_case)]
        impl #name {
            #(#getters)*
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unit;
    use network_spec::SynapseModel;
    use network_syntax::units::Dim;

    /// Every value a connection or a table-declared generator takes between runs has a
    /// unit type, so that no method is left out (the generated code would not compile).
    #[test]
    fn every_settable_value_has_a_unit_type() {
        for model in SynapseModel::ALL {
            for weight in [Dim::Current, Dim::Conductance, Dim::Voltage] {
                for s in network_syntax::settable::connection(*model, weight) {
                    assert!(unit(s.dimension).is_some(), "{}.{}", model.name(), s.name);
                }
            }
        }
        let tables = [
            network_spec::StepCurrentGenerator::PARAMETERS,
            network_spec::AcGenerator::PARAMETERS,
            network_spec::InhomogeneousPoissonGenerator::PARAMETERS,
            network_spec::SinusoidalPoissonGenerator::PARAMETERS,
            network_spec::MipGenerator::PARAMETERS,
            network_spec::PulsepacketGenerator::PARAMETERS,
            network_spec::GammaSupGenerator::PARAMETERS,
            network_spec::PpdSupGenerator::PARAMETERS,
            network_spec::SinusoidalGammaGenerator::PARAMETERS,
        ];
        for p in tables.iter().flat_map(|t| t.iter()) {
            assert!(unit(p.dimension).is_some(), "{}", p.name);
        }
    }
}
