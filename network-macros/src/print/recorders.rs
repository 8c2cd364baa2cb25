//! Printing the recorders' steps: spike recorders, multimeters and weight recorders as
//! builder calls.

use super::{builder, device_var, num, option, population_var, projection_var, window, Printer};
use network_syntax::description::Recordable;
use network_syntax::lowering::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

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

impl Printer<'_> {
    pub(super) fn spike_recorder(&self, r: &SpikeRecorder) -> TokenStream {
        let (var, name, b) = (device_var(&r.name), &r.name, builder());
        let (win, sel) = (window(r.window), self.targets(&r.targets));
        let (record_to, steps) = (record_to(&r.record_to), r.time_in_steps);
        // Each generator it records, made by an earlier step.
        let generators = r.generators.iter().map(|g| {
            let g = device_var(g);
            quote!(#b.record_generator(&#var, &#g)?;)
        });
        quote! {
            let #var = #b.spike_recorder(#name, ::network::SpikeRecorder { window: #win, record_to: #record_to, time_in_steps: #steps }, #sel)?;
            #(#generators)*
        }
    }

    pub(super) fn multimeter(&self, m: &Multimeter) -> TokenStream {
        let (var, name, b) = (device_var(&m.name), &m.name, builder());
        let (win, sel) = (window(m.window), self.targets(&m.targets));
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
            let #var = #b.multimeter(#name, ::network::Multimeter { interval: #i, offset: #o, record_from: ::std::vec![#(#rf),*], window: #win, time_in_steps: #steps, ..::core::default::Default::default() }, #sel)?;
        }
    }

    pub(super) fn weight_recorder(&self, w: &WeightRecorder) -> TokenStream {
        let (var, name, b) = (device_var(&w.name), &w.name, builder());
        let (win, to, steps) = (window(w.window), record_to(&w.record_to), w.time_in_steps);
        let projections = w.connections.iter().map(|c| projection_var(c));
        let all = |pops: &[usize]| {
            let pops = pops.iter().map(|&p| {
                let var = population_var(self.populations[p]);
                quote!(#var.all())
            });
            quote!(&[#(#pops),*])
        };
        let (senders, targets) = (all(&w.senders), all(&w.targets));
        quote! {
            let #var = #b.weight_recorder(#name, ::network::WeightRecorder { window: #win, record_to: #to, time_in_steps: #steps }, &[#(#projections),*], #senders, #targets)?;
        }
    }
}
