//! The generated type: its fields, `build` (the plan's steps, printed by `print.rs`),
//! the methods and constants every network type has, and the placeholder with the same
//! fields and methods that stands in for it when the description has errors.

use crate::docs;
use crate::print::{builder, device_var, num, population_var, projection_var, Internal, Printer};
use network_syntax::ast::Header;
use network_syntax::description::{Description, Size, ValueDesc};
use network_syntax::embed::Embed;
use network_syntax::lowering::{lower, Plan, RateStep, Recorder, Step};
use network_syntax::{AddedRecorder, FieldKind};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// The parameters of `build`: the seed, the thread count and the run-time sizes.
struct Params {
    seed: Internal,
    threads: Internal,
    sizes: Internal,
}

impl Params {
    fn new() -> Self {
        Params {
            seed: Internal::named("seed"),
            threads: Internal::named("threads"),
            sizes: Internal::named("sizes"),
        }
    }
}

/// A field of the generated type: name, type and doc.
type Field = (Ident, TokenStream, String);

/// What the real type and the placeholder are made of.
struct Shell<'a> {
    header: &'a Header,
    /// Field name, type and doc.
    fields: Vec<Field>,
    /// The run-time sizes: field name and doc.
    sizes: Vec<(Ident, String)>,
    resolution: f64,
    seed: u64,
    /// The macro's input as text.
    source: &'a str,
    /// The plan's canonical text.
    canonical: &'a str,
    /// The body of `build_with_threads` (`None` for the placeholder, which cannot be
    /// built).
    build: Option<TokenStream>,
    /// The values of the description's Rust expressions, as `f64` expressions.
    expressions: Vec<TokenStream>,
    /// The checked description as an expression that rebuilds it (`None` for the
    /// placeholder), which the export reads.
    embedded: Option<TokenStream>,
}

/// The whole expansion of a checked description; `source` is the macro's input as text.
pub fn expand(header: &Header, d: &Description, source: &str) -> TokenStream {
    let plan = lower(d);
    let params = Params::new();
    let printer = Printer::new(&plan, &params.sizes);
    let (fields, locals): (Vec<Field>, Vec<TokenStream>) = handles(d, &plan).into_iter().unzip();
    let canonical = plan.canonical();
    let sizes = plan
        .runtime_sizes
        .iter()
        .map(|n| {
            let pops: Vec<String> = plan
                .populations()
                .filter(|p| p.size == Size::Runtime(n.clone()))
                .map(|p| format!("`{}`", p.name))
                .collect();
            (
                format_ident!("{}", n),
                format!("Number of neurons of {}.", pops.join(", ")),
            )
        })
        .collect();
    let steps = plan.steps.iter().map(|s| printer.step(s));
    let (b, net) = (builder(), Internal::named("network"));
    let Params {
        seed,
        threads,
        sizes: _,
    } = &params;
    let data_path = plan
        .data_path
        .as_ref()
        .map(|p| quote!(#b = #b.data_path(#p);));
    let data_prefix = plan
        .data_prefix
        .as_ref()
        .map(|p| quote!(#b = #b.data_prefix(#p);));
    let delay_extrema = plan.delay_extrema.map(|(min, max)| {
        let (min, max) = (crate::print::num(min), crate::print::num(max));
        quote!(#b = #b.delay_extrema(#min, #max)?;)
    });
    let inits = fields
        .iter()
        .zip(&locals)
        .map(|((f, _, _), local)| quote!(#f: #local));
    let (memory, memory_check, memory_error) = match crate::estimate::memory(&header.name, d, &plan)
    {
        Ok(Some((items, check))) => (Some(items), Some(check), None),
        Ok(None) => (None, None, None),
        Err(e) => (None, None, Some(e.to_compile_error())),
    };
    // A synapse model's parameter drawn per synapse (`U: uniform(..)`), right after
    // the build, before any run.
    let draws: Vec<TokenStream> = plan
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Connect(c) => Some(c),
            _ => None,
        })
        .flat_map(|c| {
            let var = projection_var(&c.field);
            let (printer, net) = (&printer, &net);
            c.synapse.varied.iter().map(move |(name, value)| {
                let v = printer.value(&ValueDesc::Known(value.clone()));
                quote!(#net.draw_synapse_parameter(&#var, #name, &#v)?;)
            })
        })
        .collect();
    let build_network = if draws.is_empty() {
        quote!(let #net = #b.build()?;)
    } else {
        quote! {
            let mut #net = #b.build()?;
            #(#draws)*
        }
    };
    let build = quote! {
        #memory_check
        let mut #b = ::network::NetworkBuilder::new(::network::Resolution::new(Self::RESOLUTION_MS)?, #seed);
        if let ::core::option::Option::Some(#threads) = #threads {
            #b = #b.threads(#threads);
        }
        #data_path
        #data_prefix
        #delay_extrema
        #b.describe(Self::CANONICAL);
        #(#steps)*
        #build_network
        ::core::result::Result::Ok(Self { #(#inits,)* network: #net })
    };
    let expressions = (0..plan.exprs.len())
        .map(|i| {
            let v = printer.runtime(i);
            quote!((#v) as f64)
        })
        .collect();
    let setters = crate::setters::setters(header, d);
    let rate_setters = crate::rate_setters::setters(header, d);
    let device_setters = crate::device_setters::setters(header, d, &plan);
    let protocol = crate::print::protocol::method(&plan, &printer);
    let shell = shell(
        Shell {
            header,
            fields,
            sizes,
            resolution: plan.resolution,
            seed: plan.seed,
            source,
            canonical: &canonical,
            build: Some(build),
            expressions,
            embedded: Some(d.embed(&quote!(::network::export::syntax))),
        },
        &params,
    );
    let name = &header.name;
    let protocol = (!protocol.is_empty()).then(|| {
        quote! {
            #[allow(non_snake_case, clippy::too_many_lines)]
            impl #name { #protocol }
        }
    });
    let memory = memory.map(|items| {
        quote! {
            #[allow(non_snake_case)]
            impl #name { #items }
        }
    });
    quote!(#memory_error #shell #setters #rate_setters #device_setters #protocol #memory)
}

/// The handles the plan's steps make, as fields, with the locals that hold them; then
/// the recorders its protocol adds, as `Option`s that start `None`.
fn handles(d: &Description, plan: &Plan) -> Vec<(Field, TokenStream)> {
    let added = crate::print::protocol::added(plan).map(|r| {
        let (name, ty, wiring) = match r {
            Recorder::Spikes(r) => (&r.name, quote!(::network::SpikeRecorderHandle), r.wiring),
            Recorder::Multimeter(m) => (&m.name, quote!(::network::MultimeterHandle), m.wiring),
            Recorder::Weights(w) => (&w.name, quote!(::network::WeightRecorderHandle), w.wiring),
        };
        let doc = format!(
            "{} Added between runs by `run_protocol`: `None` until it gets there.",
            docs::device(d, &d.wiring[wiring])
        );
        let ty = quote!(::core::option::Option<#ty>);
        (
            (format_ident!("{}", name), ty, doc),
            quote!(::core::option::Option::None),
        )
    });
    let reads = crate::print::protocol::reads(plan).map(|(name, field, columns)| {
        let doc = format!(
            "The synapses of `{field}` as `run_protocol` reads them (`source`, `target`, {}; \
             NEST's `GetConnections(..).get([..])`): `None` until it gets there.",
            columns
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        (
            (
                format_ident!("{}", name),
                quote!(::core::option::Option<::network::ConnectionTable>),
                doc,
            ),
            quote!(::core::option::Option::None),
        )
    });
    let built = plan.steps.iter().filter_map(|s| {
        let (name, ty, doc, local) = match s {
            Step::Population(p) => {
                let len = match &p.size {
                    Size::Fixed(n) => {
                        let n = Literal::usize_unsuffixed(*n);
                        quote!(::network::Const<#n>)
                    }
                    Size::Runtime(_) => quote!(::network::Dyn),
                };
                let doc = docs::population(d, &d.populations[p.index]);
                let ty = quote!(::network::PopulationHandle<#len>);
                (&p.name, ty, doc, population_var(&p.name))
            }
            Step::SpikeRecorder(r) => (
                &r.name,
                quote!(::network::SpikeRecorderHandle),
                docs::device(d, &d.wiring[r.wiring]),
                device_var(&r.name),
            ),
            Step::Multimeter(m) => (
                &m.name,
                quote!(::network::MultimeterHandle),
                docs::device(d, &d.wiring[m.wiring]),
                device_var(&m.name),
            ),
            Step::WeightRecorder(w) => (
                &w.name,
                quote!(::network::WeightRecorderHandle),
                docs::device(d, &d.wiring[w.wiring]),
                device_var(&w.name),
            ),
            Step::Generator(g) => (
                &g.name,
                quote!(::network::GeneratorHandle),
                docs::device(d, &d.wiring[g.wiring]),
                device_var(&g.name),
            ),
            Step::Connect(c) => (
                &c.field,
                quote!(::network::ProjectionHandle),
                docs::device(d, &d.wiring[c.wiring]),
                projection_var(&c.field),
            ),
            Step::Rate(RateStep::Population(p)) => (
                &p.name,
                quote!(::network::RatePopulationHandle),
                crate::docs::rate_population(d, p.index),
                crate::print::rate::rate_population_var(&p.name),
            ),
            Step::Rate(RateStep::Multimeter(m)) => (
                &m.name,
                quote!(::network::RateMultimeterHandle),
                crate::docs::rate_multimeter(d, &m.name),
                device_var(&m.name),
            ),
            Step::Model(_) | Step::Within(_) | Step::Rate(_) => return None,
        };
        Some(((format_ident!("{}", name), ty, doc), quote!(#local)))
    });
    built.chain(added).chain(reads).collect()
}

/// The type when the description has errors: the same name, fields, methods and
/// constants, so the errors reported for the description are the only ones the user
/// sees. It cannot be built (its `build` is unreachable: compilation has failed).
pub fn placeholder(header: &Header, names: &[(Ident, FieldKind)], source: &str) -> TokenStream {
    let not_built = "Not built: the description has errors.".to_string();
    let fields = names
        .iter()
        .filter_map(|(f, kind)| {
            let ty = match kind {
                FieldKind::Population(Some(n)) => {
                    let n = Literal::usize_unsuffixed(*n);
                    quote!(::network::PopulationHandle<::network::Const<#n>>)
                }
                FieldKind::Population(None) => quote!(::network::PopulationHandle<::network::Dyn>),
                FieldKind::SpikeRecorder => quote!(::network::SpikeRecorderHandle),
                FieldKind::Multimeter => quote!(::network::MultimeterHandle),
                FieldKind::Generator => quote!(::network::GeneratorHandle),
                FieldKind::Projection => quote!(::network::ProjectionHandle),
                FieldKind::RatePopulation => quote!(::network::RatePopulationHandle),
                FieldKind::RateMultimeter => quote!(::network::RateMultimeterHandle),
                FieldKind::Added(kind) => {
                    let ty = match kind {
                        AddedRecorder::Spikes => quote!(::network::SpikeRecorderHandle),
                        AddedRecorder::Multimeter => quote!(::network::MultimeterHandle),
                        AddedRecorder::Weights => quote!(::network::WeightRecorderHandle),
                    };
                    quote!(::core::option::Option<#ty>)
                }
                FieldKind::ConnectionRead => {
                    quote!(::core::option::Option<::network::ConnectionTable>)
                }
                FieldKind::RuntimeSize => return None,
            };
            Some((f.clone(), ty, not_built.clone()))
        })
        .collect();
    let sizes = names
        .iter()
        .filter(|(_, k)| *k == FieldKind::RuntimeSize)
        .map(|(f, _)| (f.clone(), "A run-time size.".to_string()))
        .collect();
    let params = Params::new();
    shell(
        Shell {
            header,
            fields,
            sizes,
            resolution: 0.1,
            seed: 42,
            source,
            canonical: "",
            build: None,
            expressions: Vec::new(),
            embedded: None,
        },
        &params,
    )
}

/// The type, its sizes struct, its methods and constants, and `Deref` to the network.
fn shell(s: Shell, params: &Params) -> TokenStream {
    let Header { attrs, vis, name } = s.header;
    let Params {
        seed,
        threads,
        sizes,
    } = params;
    let (sizes_struct, sizes_param, sizes_arg, sizes_doc) = if s.sizes.is_empty() {
        (quote!(), quote!(), quote!(), "")
    } else {
        let ty = format_ident!("{}Sizes", name);
        let doc = format!(
            "The population sizes of [`{name}`] that are given when it is built (`[dyn ..]`)."
        );
        let fields = s
            .sizes
            .iter()
            .map(|(f, doc)| quote!(#[doc = #doc] pub #f: usize));
        (
            quote! {
                #[doc = #doc]
                #[derive(Debug, Clone, Copy, PartialEq, Eq)]
                #vis struct #ty { #(#fields,)* }
            },
            quote!(, #sizes: #ty),
            quote!(, #sizes),
            " and the population sizes in `sizes`",
        )
    };
    let fields = s
        .fields
        .iter()
        .map(|(f, ty, doc)| quote!(#[doc = #doc] pub #f: #ty));
    let build_doc = format!(
        "Builds the network from `seed`{sizes_doc}: draws positions, connections and random weights, on rayon's default thread pool."
    );
    let (resolution, seed_value) = (num(s.resolution), Literal::u64_unsuffixed(s.seed));
    let (source, canonical, values) = (s.source, s.canonical, s.expressions);
    // The placeholder's parameters are unused and its body never runs: compilation
    // has already failed on the description.
    let (allow, build) = match s.build {
        Some(build) => (quote!(), build),
        None => (
            quote!(unused_variables,),
            quote!(::core::unreachable!("the network! description has errors")),
        ),
    };
    let embedded = s
        .embedded
        .unwrap_or_else(|| quote!(::core::unreachable!("the network! description has errors")));
    let title = name.to_string();
    let docs = network_syntax::source::doc_lines(attrs);
    quote_spanned! {name.span()=>
        #sizes_struct

        #(#attrs)*
        #[allow(non_snake_case)]
        #vis struct #name {
            #(#fields,)*
            network: ::network::Network,
        }

        #[allow(non_snake_case, #allow clippy::too_many_lines)]
        impl #name {
            /// The resolution, ms.
            pub const RESOLUTION_MS: f64 = #resolution;
            /// The seed given by `seed = ..;` (42 when not written).
            pub const DEFAULT_SEED: ::network::Seed = ::network::Seed(#seed_value);
            /// The description this type was generated from (the macro's input as text).
            pub const DESCRIPTION: &'static str = #source;
            /// The description in canonical form: the operations that build it, one a
            /// line. The engine hashes it into the `description_sha256` of every output,
            /// which is the same for this type and for the description read from a file.
            pub const CANONICAL: &'static str = #canonical;

            #[doc = #build_doc]
            pub fn build(#seed: ::network::Seed #sizes_param) -> ::core::result::Result<Self, ::network::Error> {
                Self::build_with_threads(#seed, ::core::option::Option::None #sizes_arg)
            }

            /// Builds the network on `threads` threads (`None`: rayon's default). The
            /// result depends on the seed alone, never on the thread count.
            pub fn build_with_threads(#seed: ::network::Seed, #threads: ::core::option::Option<usize> #sizes_param) -> ::core::result::Result<Self, ::network::Error> {
                #build
            }

            /// Simulates `t_ms` more milliseconds.
            pub fn simulate(&mut self, t_ms: f64) -> ::core::result::Result<(), ::network::Error> {
                self.network.simulate(t_ms)
            }

            /// The built network.
            pub fn network(&self) -> &::network::Network {
                &self.network
            }

            /// The built network, mutably.
            pub fn network_mut(&mut self) -> &mut ::network::Network {
                &mut self.network
            }

            /// The values of the description's Rust expressions in NEST units, in order.
            #[allow(clippy::unnecessary_cast)]
            fn expression_values() -> ::std::vec::Vec<f64> {
                ::std::vec![#(#values),*]
            }

            /// The checked description (every name resolved, every value in NEST units),
            /// as the macro embedded it; the export reads it.
            pub fn description() -> ::network::export::syntax::Description {
                #embedded
            }

            /// A self-contained PyNEST 3 script that builds this network on NEST (with the
            /// positions drawn here), simulates it and prints a JSON summary.
            pub fn export_pynest(&self, options: &::network::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> {
                ::network::export::pynest_of(&Self::description(), #title, &[#(#docs),*], &self.network, &Self::expression_values(), options)
            }

            /// The same as [`Self::export_pynest`], as a Jupyter notebook (nbformat 4 JSON).
            pub fn export_notebook(&self, options: &::network::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> {
                ::network::export::notebook_of(&Self::description(), #title, &[#(#docs),*], &self.network, &Self::expression_values(), options)
            }
        }

        impl ::core::ops::Deref for #name {
            type Target = ::network::Network;
            fn deref(&self) -> &::network::Network {
                &self.network
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The expansion of `name.in`, pretty-printed, against the committed snapshot
    /// `name.expanded.rs`; `BLESS=1 cargo test -p network-macros` rewrites it.
    fn snapshot(name: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expand");
        let input = std::fs::read_to_string(format!("{dir}/{name}.in")).unwrap();
        let tokens: proc_macro2::TokenStream = input.parse().unwrap();
        let (header, _, result) = network_syntax::parse_and_check(tokens);
        let description = result
            .unwrap_or_else(|d| panic!("{:?}", d.iter().map(|d| d.text()).collect::<Vec<_>>()));
        let expanded = super::expand(&header.unwrap(), &description, &input);
        let file: syn::File = syn::parse2(expanded).unwrap();
        let pretty = prettyplease::unparse(&file);
        let path = format!("{dir}/{name}.expanded.rs");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &pretty).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            pretty, expected,
            "expansion of {name} changed; rerun with BLESS=1 and review the diff"
        );
        pretty
    }

    #[test]
    fn seed_network_snapshot() {
        snapshot("seed_network");
    }

    /// A `psp(..)` weight expands to the amplitude it computes: Brunel's J_ex for 0.1 mV
    /// onto his iaf_psc_alpha cell (NEST's brunel_alpha_nest.py), -4 J_ex for -0.4 mV.
    #[test]
    fn psp_weights_snapshot() {
        let pretty = snapshot("psp_network");
        use network_spec::psp::{weight_for_psp, PscShape};
        // The checker's product: the height times the weight per mV.
        let j = |mv: f64| mv * weight_for_psp(1.0, PscShape::Alpha, 20.0, 250.0, 0.5);
        assert!((j(0.1) - 20.68015524367846).abs() < 1e-11, "{}", j(0.1));
        for w in [j(0.1), j(-0.4)] {
            assert!(
                pretty.contains(&format!("{w:?}")),
                "{w:?} not in the expansion"
            );
        }
    }
}
