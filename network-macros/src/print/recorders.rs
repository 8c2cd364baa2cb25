//! Printing the recorders' steps: spike recorders, multimeters and weight recorders as
//! builder calls.

use super::{builder, device_var, num, option, population_var, projection_var, window, Printer};
use network_syntax::description::Recordable;
use network_syntax::lowering::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

/// Where a recorder writes, as the engine's `RecordTo`.
fn record_to(r: &RecordTo) -> TokenStream {
    match r {
        RecordTo::Memory => quote!(::network::RecordTo::Memory),
        RecordTo::Ascii { directory } => {
            let dir = option(
                directory
                    .as_ref()
                    .map(|d| quote!(::core::convert::From::from(#d))),
            );
            quote!(::network::RecordTo::Ascii { directory: #dir })
        }
    }
}

/// Where a recorder is made: on the builder in `build` (`builder.multimeter(..)`,
/// handles in locals) or, between runs, on the built network in `run_protocol`
/// (`self.network.add_multimeter(..)`, handles in fields).
pub(super) struct Site<'a> {
    /// The receiver of the call.
    pub receiver: TokenStream,
    /// Prefix of the method's name: empty on the builder, `add_` on the network.
    pub prefix: &'static str,
    /// A population's handle, by index.
    pub population: &'a dyn Fn(usize) -> TokenStream,
    /// A connection's handle, by field.
    pub projection: &'a dyn Fn(&str) -> TokenStream,
    /// A generator's handle, by name: its local in `build`, its field in
    /// `run_protocol`.
    pub generator: &'a dyn Fn(&str) -> TokenStream,
}

/// A generator's handle in `build`: its local.
fn generator_local(name: &str) -> TokenStream {
    device_var(name).into_token_stream()
}

impl Site<'_> {
    fn method(&self, name: &str) -> proc_macro2::Ident {
        format_ident!("{}{}", self.prefix, name)
    }

    /// `&[pop.all(), pop.range(a..z), selection_0]`.
    fn targets(&self, targets: &[Target]) -> TokenStream {
        let targets = targets
            .iter()
            .map(|t| super::selection(t, |p| (self.population)(p)));
        quote!(&[#(#targets),*])
    }
}

/// A spike recorder, bound to its local.
pub(super) fn spike_recorder(r: &SpikeRecorder, at: &Site) -> TokenStream {
    let (var, name, on, method) = (
        device_var(&r.name),
        &r.name,
        &at.receiver,
        at.method("spike_recorder"),
    );
    let (win, sel) = (window(r.window), at.targets(&r.targets));
    let (record_to, steps) = (record_to(&r.record_to), r.time_in_steps);
    // Each generator it records, made by an earlier step.
    let generators = r.generators.iter().map(|g| {
        let (g, record) = ((at.generator)(g), at.method("record_generator"));
        quote!(#on.#record(&#var, &#g)?;)
    });
    quote! {
        let #var = #on.#method(#name, ::network::SpikeRecorder { window: #win, record_to: #record_to, time_in_steps: #steps }, #sel)?;
        #(#generators)*
    }
}

/// A multimeter, bound to its local.
pub(super) fn multimeter(m: &Multimeter, at: &Site) -> TokenStream {
    let (var, name, on, method) = (
        device_var(&m.name),
        &m.name,
        &at.receiver,
        at.method("multimeter"),
    );
    let (win, sel) = (window(m.window), at.targets(&m.targets));
    let (i, o, steps) = (num(m.interval), num(m.offset), m.time_in_steps);
    let rf = m.record_from.iter().map(|r| match r {
        Recordable::I_syn_port(k) => quote!(::network::Recordable::I_syn_port(#k)),
        Recordable::g_port(k) => quote!(::network::Recordable::g_port(#k)),
        // The other variants are named as NEST names them.
        r => {
            let r = format_ident!("{}", r.name());
            quote!(::network::Recordable::#r)
        }
    });
    quote! {
        let #var = #on.#method(#name, ::network::Multimeter { interval: #i, offset: #o, record_from: ::std::vec![#(#rf),*], window: #win, time_in_steps: #steps, ..::core::default::Default::default() }, #sel)?;
    }
}

/// A weight recorder, bound to its local.
pub(super) fn weight_recorder(w: &WeightRecorder, at: &Site) -> TokenStream {
    let (var, name, on, method) = (
        device_var(&w.name),
        &w.name,
        &at.receiver,
        at.method("weight_recorder"),
    );
    let (win, to, steps) = (window(w.window), record_to(&w.record_to), w.time_in_steps);
    let projections = w.connections.iter().map(|c| (at.projection)(c));
    let all = |pops: &[usize]| {
        let pops = pops.iter().map(|&p| {
            let pop = (at.population)(p);
            quote!(#pop.all())
        });
        quote!(&[#(#pops),*])
    };
    let (senders, targets) = (all(&w.senders), all(&w.targets));
    quote! {
        let #var = #on.#method(#name, ::network::WeightRecorder { window: #win, record_to: #to, time_in_steps: #steps }, &[#(#projections),*], #senders, #targets)?;
    }
}

impl Printer<'_> {
    /// Recorders are made on the builder, with the populations and connections in
    /// `build`'s locals.
    fn site<'a>(
        &self,
        population: &'a dyn Fn(usize) -> TokenStream,
        projection: &'a dyn Fn(&str) -> TokenStream,
    ) -> Site<'a> {
        Site {
            receiver: builder().into_token_stream(),
            prefix: "",
            population,
            projection,
            generator: &generator_local,
        }
    }

    pub(super) fn spike_recorder(&self, r: &SpikeRecorder) -> TokenStream {
        let (pop, proj) = self.locals();
        spike_recorder(r, &self.site(&pop, &proj))
    }

    pub(super) fn multimeter(&self, m: &Multimeter) -> TokenStream {
        let (pop, proj) = self.locals();
        multimeter(m, &self.site(&pop, &proj))
    }

    pub(super) fn weight_recorder(&self, w: &WeightRecorder) -> TokenStream {
        let (pop, proj) = self.locals();
        weight_recorder(w, &self.site(&pop, &proj))
    }

    /// A population's and a connection's local in `build`.
    fn locals(
        &self,
    ) -> (
        impl Fn(usize) -> TokenStream + '_,
        impl Fn(&str) -> TokenStream,
    ) {
        (
            |p: usize| population_var(self.populations[p]).into_token_stream(),
            |c: &str| projection_var(c).into_token_stream(),
        )
    }
}
