//! Lowering: a pure function from the validated description to the builder calls a
//! careful person would write by hand, with sizes as const generics.

use network_syntax::ast::Header;
use network_syntax::description::*;
use network_syntax::FieldKind;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

/// A float as a literal (`-10.0`, `0.5`, `f64::INFINITY`).
fn num(v: f64) -> TokenStream {
    if v.is_infinite() {
        return if v > 0.0 {
            quote!(f64::INFINITY)
        } else {
            quote!(f64::NEG_INFINITY)
        };
    }
    let lit = Literal::f64_unsuffixed(v.abs());
    if v < 0.0 {
        quote!(-#lit)
    } else {
        quote!(#lit)
    }
}

fn nums(v: &[f64]) -> TokenStream {
    let v = v.iter().map(|x| num(*x));
    quote!([#(#v),*])
}

fn int(v: usize) -> Literal {
    Literal::usize_unsuffixed(v)
}

/// The generated code's own local variables, at the mixed-site span: hygienic, so a
/// population or device named `b` or `selection` cannot collide with them.
struct Internal(&'static str);

impl quote::ToTokens for Internal {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Ident::new(self.0, Span::mixed_site()).to_tokens(tokens);
    }
}

/// The builder inside `build_with_threads`.
const BUILDER: Internal = Internal("b");
/// The built network inside `build_with_threads`.
const BUILT: Internal = Internal("network");
/// A stimulator's or recorder's mask selection.
const SELECTION: Internal = Internal("selection");

fn ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

fn model_var(name: &str) -> Ident {
    format_ident!("model_{}", name)
}

/// The whole expansion: the type, its fields, `build` and the exports. `source` is the
/// macro's input as text; the generated `build` records its hash in every output's
/// provenance (the engine hashes it, so the macro needs no hash function).
pub fn expand(header: &Header, d: &Description, source: &str) -> TokenStream {
    let Header { attrs, vis, name } = header;
    let mut fields = Vec::new();
    let mut inits = Vec::new();
    let mut names = Vec::new();
    for p in &d.populations {
        let f = ident(&p.name);
        let len = match &p.size {
            Size::Fixed(n) => {
                let n = int(*n);
                quote!(::network::Const<#n>)
            }
            Size::Runtime(_) => quote!(::network::Dyn),
        };
        let doc = population_doc(d, p);
        fields.push(quote!(#[doc = #doc] pub #f: ::network::PopulationHandle<#len>));
        names.push(f);
    }
    for w in &d.wiring {
        let (f, ty, doc) = match w {
            Wiring::Recorder(r) => {
                let ty = match r.kind {
                    RecorderKind::Spikes { .. } => quote!(::network::SpikeRecorderHandle),
                    RecorderKind::Multimeter { .. } => quote!(::network::MultimeterHandle),
                };
                (
                    ident(&r.name),
                    ty,
                    device_doc(
                        d,
                        &r.docs,
                        &format!("Recorder `{}`", r.name),
                        ::core::slice::from_ref(&r.target),
                    ),
                )
            }
            Wiring::Stimulator(s) => (
                ident(&s.name),
                quote!(::network::GeneratorHandle),
                device_doc(d, &s.docs, &format!("Stimulator `{}`", s.name), &s.targets),
            ),
            Wiring::Projection(p) => (
                ident(&p.field),
                quote!(::network::ProjectionHandle),
                projection_doc(p),
            ),
        };
        fields.push(quote!(#[doc = #doc] pub #f: #ty));
        names.push(f);
    }
    let models = d
        .neurons
        .iter()
        .filter(|n| {
            d.populations
                .iter()
                .any(|p| d.neurons[p.model].name == n.name)
        })
        .map(model);
    for p in &d.populations {
        inits.push(population(d, p));
    }
    for w in &d.wiring {
        inits.push(match w {
            Wiring::Recorder(r) => recorder(d, r),
            Wiring::Stimulator(s) => stimulator(d, s),
            Wiring::Projection(p) => projection(d, p),
        });
    }
    let resolution = num(d.resolution);
    let seed = Literal::u64_unsuffixed(d.seed);
    let data_path = d
        .data_path
        .as_ref()
        .map(|p| quote!(#BUILDER = #BUILDER.data_path(#p);));
    let data_prefix = d
        .data_prefix
        .as_ref()
        .map(|p| quote!(#BUILDER = #BUILDER.data_prefix(#p);));
    let span = name.span();
    let runtime = d.runtime_sizes();
    let (sizes_struct, sizes_param, sizes_arg, sizes_doc) = if runtime.is_empty() {
        (quote!(), quote!(), quote!(), "")
    } else {
        let sizes = format_ident!("{}Sizes", name);
        let doc = format!(
            "The population sizes of [`{name}`] that are given when it is built (`[dyn ..]`)."
        );
        let fields = runtime.iter().map(|n| {
            let pops: Vec<String> = d
                .populations
                .iter()
                .filter(|p| p.size == Size::Runtime(n.to_string()))
                .map(|p| format!("`{}`", p.name))
                .collect();
            let doc = format!("Number of neurons of {}.", pops.join(", "));
            let f = ident(n);
            quote!(#[doc = #doc] pub #f: usize)
        });
        (
            quote! {
                #[doc = #doc]
                #[derive(Debug, Clone, Copy, PartialEq, Eq)]
                #vis struct #sizes { #(#fields,)* }
            },
            quote!(, sizes: #sizes),
            quote!(, sizes),
            " and the population sizes in `sizes`",
        )
    };
    let export = export(d, source);
    let build_doc = format!(
        "Builds the network from `seed`{sizes_doc}: draws positions, connections and random weights, on rayon's default thread pool."
    );
    quote_spanned! {span=>
        #sizes_struct

        #(#attrs)*
        #[allow(non_snake_case)]
        #vis struct #name {
            #(#fields,)*
            network: ::network::Network,
        }

        #[allow(non_snake_case, clippy::too_many_lines)]
        impl #name {
            /// The resolution, ms.
            pub const RESOLUTION_MS: f64 = #resolution;
            /// The seed given by `seed = ..;` (42 when not written).
            pub const DEFAULT_SEED: ::network::Seed = ::network::Seed(#seed);

            #[doc = #build_doc]
            pub fn build(seed: ::network::Seed #sizes_param) -> ::core::result::Result<Self, ::network::Error> {
                Self::build_with_threads(seed, None #sizes_arg)
            }

            /// Builds the network on `threads` threads (`None`: rayon's default). The
            /// result depends on the seed alone, never on the thread count.
            pub fn build_with_threads(seed: ::network::Seed, threads: Option<usize> #sizes_param) -> ::core::result::Result<Self, ::network::Error> {
                let mut #BUILDER = ::network::NetworkBuilder::new(::network::Resolution::new(#resolution)?, seed);
                if let Some(threads) = threads {
                    #BUILDER = #BUILDER.threads(threads);
                }
                #data_path
                #data_prefix
                #BUILDER.describe(&::std::format!("network! sha256:{}", ::network::provenance::sha256_hex(Self::DESCRIPTION.as_bytes())));
                #(#models)*
                #(#inits)*
                let #BUILT = #BUILDER.build()?;
                Ok(Self { #(#names,)* network: #BUILT })
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

            #export
        }

        impl ::core::ops::Deref for #name {
            type Target = ::network::Network;
            fn deref(&self) -> &::network::Network {
                &self.network
            }
        }
    }
}

/// The type when the description has errors: the same name, fields and methods, so
/// the errors above are the only ones the user sees.
pub fn placeholder(header: &Header, names: &[(Ident, FieldKind)]) -> TokenStream {
    let Header { attrs, vis, name } = header;
    let sizes: Vec<&Ident> = names
        .iter()
        .filter(|(_, k)| *k == FieldKind::RuntimeSize)
        .map(|(f, _)| f)
        .collect();
    let (sizes_struct, sizes_param) = if sizes.is_empty() {
        (quote!(), quote!())
    } else {
        let ty = format_ident!("{}Sizes", name);
        (
            quote! {
                #[allow(dead_code)]
                #vis struct #ty { #(pub #sizes: usize,)* }
            },
            quote!(, sizes: #ty),
        )
    };
    let fields = names
        .iter()
        .filter(|(_, k)| *k != FieldKind::RuntimeSize)
        .map(|(f, kind)| {
            let ty = match kind {
                FieldKind::Population => quote!(::network::PopulationHandle<::network::Dyn>),
                FieldKind::SpikeRecorder => quote!(::network::SpikeRecorderHandle),
                FieldKind::Multimeter => quote!(::network::MultimeterHandle),
                FieldKind::Generator => quote!(::network::GeneratorHandle),
                FieldKind::Projection => quote!(::network::ProjectionHandle),
                FieldKind::RuntimeSize => unreachable!("filtered out"),
            };
            quote!(pub #f: #ty)
        });
    quote! {
        #sizes_struct
        #(#attrs)*
        #[allow(dead_code, non_snake_case)]
        #vis struct #name { #(#fields,)* }
        #[allow(dead_code, unused_variables)]
        impl #name {
            /// Not built: the description has errors.
            pub fn build(seed: ::network::Seed #sizes_param) -> ::core::result::Result<Self, ::network::Error> { unreachable!() }
            /// Not built: the description has errors.
            pub fn build_with_threads(seed: ::network::Seed, threads: Option<usize> #sizes_param) -> ::core::result::Result<Self, ::network::Error> { unreachable!() }
            /// Not built: the description has errors.
            pub fn simulate(&mut self, t_ms: f64) -> ::core::result::Result<(), ::network::Error> { unreachable!() }
            /// Not built: the description has errors.
            pub fn export_pynest(&self, options: &::network::load::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> { unreachable!() }
            /// Not built: the description has errors.
            pub fn export_notebook(&self, options: &::network::load::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> { unreachable!() }
        }
    }
}

/// The description's text, the values of its Rust expressions, and the exports to NEST
/// that combine them with the built network's positions.
fn export(d: &Description, source: &str) -> TokenStream {
    let values = (0..d.exprs.len()).map(|i| {
        let v = runtime(d, i);
        quote!((#v) as f64)
    });
    quote! {
        /// The description this type was generated from (the macro's input as text).
        pub const DESCRIPTION: &'static str = #source;

        /// The values of the description's Rust expressions in NEST units, in order.
        #[allow(clippy::unnecessary_cast)]
        fn expression_values() -> ::std::vec::Vec<f64> {
            ::std::vec![#(#values),*]
        }

        /// A self-contained PyNEST 3 script that builds this network on NEST (with the
        /// positions drawn here), simulates it and prints a JSON summary.
        pub fn export_pynest(&self, options: &::network::load::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> {
            ::network::load::export::pynest_from_source(Self::DESCRIPTION, &self.network, &Self::expression_values(), options)
        }

        /// The same as [`Self::export_pynest`], as a Jupyter notebook (nbformat 4 JSON).
        pub fn export_notebook(&self, options: &::network::load::export::ExportOptions) -> ::core::result::Result<::std::string::String, ::network::Error> {
            ::network::load::export::notebook_from_source(Self::DESCRIPTION, &self.network, &Self::expression_values(), options)
        }
    }
}

fn model(n: &NeuronDesc) -> TokenStream {
    let var = model_var(&n.name);
    let ty = ident(n.base.rust_type());
    let name = &n.name;
    let params = n.params.iter().map(|(p, v)| {
        let p = ident(p);
        let v = num(*v);
        quote!(#p: #v)
    });
    let lists = n.lists.iter().map(|(p, v)| {
        let p = ident(p);
        let v = v.iter().map(|x| num(*x));
        quote!(#p: ::std::vec![#(#v),*])
    });
    let params = params.chain(lists);
    let firing = n.firing.map(|f| {
        let range = |r: Option<network_spec::RateRange>| match r {
            Some(r) => {
                let (lo, hi) = (num(r.low_hz), num(r.high_hz));
                quote!(Some(::network::RateRange::new(#lo, #hi)))
            }
            None => quote!(None),
        };
        let (resting, active, max) = (range(f.resting), range(f.active), range(f.max));
        quote!(.with_firing(::network::FiringRanges { resting: #resting, active: #active, max: #max })?)
    });
    quote! {
        let #var = ::network::Model::variant(#name, ::network::#ty { #(#params,)* ..::core::default::Default::default() })?#firing;
    }
}

fn layout(l: &LayoutDesc) -> TokenStream {
    let opt = |v: &Option<Vec<f64>>| match v {
        Some(v) => {
            let v = nums(v);
            quote!(Some(vec!#v))
        }
        None => quote!(None),
    };
    match l {
        LayoutDesc::FreeUniform {
            lower_left,
            upper_right,
            periodic,
        } => {
            let (ll, ur) = (nums(lower_left), nums(upper_right));
            quote!(::network::spatial::Layout::FreeUniform { lower_left: vec!#ll, upper_right: vec!#ur, edge_wrap: #periodic })
        }
        LayoutDesc::FreeList {
            positions,
            extent,
            periodic,
        } => {
            let ps = positions.iter().map(|p| {
                let p = nums(p);
                quote!(vec!#p)
            });
            let extent = opt(extent);
            quote!(::network::spatial::Layout::FreeList { positions: vec![#(#ps),*], extent: #extent, edge_wrap: #periodic })
        }
        LayoutDesc::Grid {
            shape,
            extent,
            center,
            periodic,
        } => {
            let (extent, center) = (opt(extent), opt(center));
            let shape = shape.iter().map(|x| int(*x));
            quote!(::network::spatial::Layout::Grid { shape: vec![#(#shape),*], extent: #extent, center: #center, edge_wrap: #periodic })
        }
    }
}

fn population(d: &Description, p: &PopulationDesc) -> TokenStream {
    let var = ident(&p.name);
    let name = &p.name;
    let model = model_var(&d.neurons[p.model].name);
    let n = match &p.size {
        Size::Fixed(n) => {
            let n = int(*n);
            quote!(::network::Const::<#n>)
        }
        Size::Runtime(field) => {
            let field = ident(field);
            quote!(::network::Dyn(sizes.#field))
        }
    };
    match &p.layout {
        Some(l) => {
            let l = layout(l);
            quote!(let #var = #BUILDER.spatial_population(#name, &#model, #n, &#l)?;)
        }
        None => quote!(let #var = #BUILDER.population(#name, &#model, #n)?;),
    }
}

fn mask(m: &MaskDesc) -> TokenStream {
    let shape = match &m.shape {
        MaskShape::Circle { radius } => {
            let r = num(*radius);
            quote!(Circle { radius: #r })
        }
        MaskShape::Sphere { radius } => {
            let r = num(*radius);
            quote!(Sphere { radius: #r })
        }
        MaskShape::Doughnut {
            inner_radius,
            outer_radius,
        } => {
            let (i, o) = (num(*inner_radius), num(*outer_radius));
            quote!(Doughnut { inner_radius: #i, outer_radius: #o })
        }
        MaskShape::Rectangle {
            lower_left,
            upper_right,
            azimuth_angle,
        } => {
            let (ll, ur, a) = (nums(lower_left), nums(upper_right), num(*azimuth_angle));
            quote!(Rectangle { lower_left: #ll, upper_right: #ur, azimuth_angle: #a })
        }
        MaskShape::Ellipse {
            major_axis,
            minor_axis,
            azimuth_angle,
        } => {
            let (a, b, c) = (num(*major_axis), num(*minor_axis), num(*azimuth_angle));
            quote!(Ellipse { major_axis: #a, minor_axis: #b, azimuth_angle: #c })
        }
        MaskShape::Box {
            lower_left,
            upper_right,
            azimuth_angle,
            polar_angle,
        } => {
            let (ll, ur, a, p) = (
                nums(lower_left),
                nums(upper_right),
                num(*azimuth_angle),
                num(*polar_angle),
            );
            quote!(Box { lower_left: #ll, upper_right: #ur, azimuth_angle: #a, polar_angle: #p })
        }
        MaskShape::Ellipsoid {
            major_axis,
            minor_axis,
            polar_axis,
            azimuth_angle,
            polar_angle,
        } => {
            let (a, b, c, az, po) = (
                num(*major_axis),
                num(*minor_axis),
                num(*polar_axis),
                num(*azimuth_angle),
                num(*polar_angle),
            );
            quote!(Ellipsoid { major_axis: #a, minor_axis: #b, polar_axis: #c, azimuth_angle: #az, polar_angle: #po })
        }
    };
    let mask = quote!(::network::spatial::Mask::new(::network::spatial::MaskShape::#shape));
    match m.anchor {
        Some(a) => {
            let a = nums(&a);
            quote!(#mask.with_anchor(#a.into()))
        }
        None => mask,
    }
}

/// A `let` binding the selection and the expression naming it.
fn selection(d: &Description, t: &TargetDesc) -> (TokenStream, TokenStream) {
    let pop = ident(&d.populations[t.population].name);
    match &t.select {
        SelectDesc::All => (quote!(), quote!(&[#pop.all()])),
        SelectDesc::Range(a, z) => {
            let (a, z) = (int(*a), int(*z));
            (quote!(), quote!(&[#pop.range(#a..#z)]))
        }
        SelectDesc::Within(m, center) => {
            let (m, c) = (mask(m), nums(center));
            (
                quote!(let #SELECTION = #BUILDER.within(&#pop, &#m, #c)?;),
                quote!(::core::slice::from_ref(&#SELECTION)),
            )
        }
    }
}

/// The selections of a stimulator with several targets (`-> a, b`).
fn selections(d: &Description, ts: &[TargetDesc]) -> (TokenStream, TokenStream) {
    if let [t] = ts {
        return selection(d, t);
    }
    let mut binds = Vec::new();
    let exprs: Vec<TokenStream> = ts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let pop = ident(&d.populations[t.population].name);
            match &t.select {
                SelectDesc::All => quote!(#pop.all()),
                SelectDesc::Range(a, z) => {
                    let (a, z) = (int(*a), int(*z));
                    quote!(#pop.range(#a..#z))
                }
                SelectDesc::Within(m, center) => {
                    let (m, c) = (mask(m), nums(center));
                    let var = Ident::new(&format!("selection_{i}"), Span::mixed_site());
                    binds.push(quote!(let #var = #BUILDER.within(&#pop, &#m, #c)?;));
                    quote!(#var)
                }
            }
        })
        .collect();
    (quote!(#(#binds)*), quote!(&[#(#exprs),*]))
}

/// A Rust expression of the description, typed (`f64`, or `usize` for a count) where
/// it was written and converted to NEST's unit.
fn runtime(d: &Description, index: usize) -> TokenStream {
    let e = &d.exprs[index];
    let tokens = &e.tokens;
    let ty = if e.integer {
        quote!(usize)
    } else {
        quote!(f64)
    };
    let value = quote_spanned!(e.span.start=> { let value: #ty = { #tokens }; value });
    if e.factor == 1.0 {
        value
    } else {
        let factor = num(e.factor);
        quote!((#value * #factor))
    }
}

fn amount(d: &Description, n: NumDesc) -> TokenStream {
    match n {
        NumDesc::Const(v) => num(v),
        NumDesc::Runtime(i) => runtime(d, i),
    }
}

fn window((start, stop): (f64, Option<f64>)) -> TokenStream {
    let (start, stop) = (num(start), num(stop.unwrap_or(f64::INFINITY)));
    quote!(::network::Window::new(#start, #stop))
}

fn recorder(d: &Description, r: &RecorderDesc) -> TokenStream {
    let var = ident(&r.name);
    let name = &r.name;
    let (bind, sel) = selection(d, &r.target);
    let win = window(r.window);
    let call = match &r.kind {
        RecorderKind::Spikes { ascii } => {
            let record_to = match ascii {
                Some(dir) if dir.is_empty() => {
                    quote!(::network::RecordTo::Ascii { directory: None })
                }
                Some(dir) => {
                    quote!(::network::RecordTo::Ascii { directory: Some(#dir.into()) })
                }
                None => quote!(::network::RecordTo::Memory),
            };
            quote!(#BUILDER.spike_recorder(#name, ::network::SpikeRecorder { window: #win, record_to: #record_to }, #sel)?)
        }
        RecorderKind::Multimeter {
            interval,
            offset,
            record_from,
        } => {
            let (i, o) = (num(*interval), num(*offset));
            let rf = record_from.iter().map(|r| recordable(r));
            quote!(#BUILDER.multimeter(#name, ::network::Multimeter { interval: #i, offset: #o, record_from: vec![#(#rf),*], window: #win, ..::core::default::Default::default() }, #sel)?)
        }
    };
    quote! { #bind let #var = #call; }
}

/// `::network::Recordable::V_m`, or `I_syn_port(k)` for NEST's `I_syn_k`.
fn recordable(name: &str) -> TokenStream {
    // The checker accepted the name, so `I_syn_<k>` has a port number k >= 1.
    match name
        .strip_prefix("I_syn_")
        .and_then(|k| k.parse::<u16>().ok())
    {
        Some(k) => quote!(::network::Recordable::I_syn_port(#k)),
        None => {
            let r = ident(name);
            quote!(::network::Recordable::#r)
        }
    }
}

fn value(d: &Description, v: &ValueDesc) -> TokenStream {
    let opt = |v: Option<f64>| match v {
        Some(v) => {
            let v = num(v);
            quote!(Some(#v))
        }
        None => quote!(None),
    };
    match *v {
        ValueDesc::Constant(c) => num(c),
        ValueDesc::Uniform { min, max } => {
            let (a, z) = (num(min), num(max));
            quote!(::network::Value::Uniform { min: #a, max: #z })
        }
        ValueDesc::Normal {
            mean,
            std,
            min,
            max,
        } => {
            let (m, s, lo, hi) = (num(mean), num(std), opt(min), opt(max));
            quote!(::network::Value::Normal { mean: #m, std: #s, min: #lo, max: #hi })
        }
        ValueDesc::Lognormal { mu, sigma } => {
            let (m, s) = (num(mu), num(sigma));
            quote!(::network::Value::Lognormal { mu: #m, sigma: #s })
        }
        ValueDesc::Runtime(i) => runtime(d, i),
    }
}

fn synapse(d: &Description, s: &SynapseDesc) -> TokenStream {
    let (w, dl) = (value(d, &s.weight), value(d, &s.delay));
    let ty = ident(s.base.rust_type());
    let base = if s.model == s.base.name() {
        quote!(::network::#ty::new(#w, #dl))
    } else {
        let m = &s.model;
        quote!(::network::#ty::variant(#m, #w, #dl))
    };
    // Only static synapses feed receptor ports (checked with the description).
    let base = match s.receptor {
        0 => base,
        k => quote!(#base.receptor(#k)),
    };
    if s.params.is_empty() {
        return base;
    }
    let params = s.params.iter().map(|(p, v)| {
        let p = ident(p);
        let v = num(*v);
        quote!(#p: #v)
    });
    quote!(::network::#ty { #(#params,)* ..#base })
}

fn stimulator(d: &Description, s: &StimulatorDesc) -> TokenStream {
    let var = ident(&s.name);
    let name = &s.name;
    let (bind, sel) = selections(d, &s.targets);
    let win = window(s.window);
    let syn = synapse(d, &s.synapse);
    let call = match &s.kind {
        StimulusDesc::Dc { amplitude } => {
            let a = amount(d, *amplitude);
            quote!(#BUILDER.dc_generator(#name, ::network::DcGenerator { amplitude: #a, window: #win }, #sel, &#syn)?)
        }
        StimulusDesc::Poisson { rate } => {
            let r = amount(d, *rate);
            quote!(#BUILDER.poisson_generator(#name, ::network::PoissonGenerator { rate: #r, window: #win }, #sel, &#syn)?)
        }
        StimulusDesc::Spikes {
            spike_times,
            spike_weights,
            allow_offgrid_times,
        } => {
            let (t, w) = (nums(spike_times), nums(spike_weights));
            quote!(#BUILDER.spike_generator(#name, ::network::SpikeGenerator { spike_times: vec!#t, spike_weights: vec!#w, spike_multiplicities: vec![], allow_offgrid_times: #allow_offgrid_times, window: #win }, #sel, &#syn)?)
        }
        StimulusDesc::Noise {
            mean,
            std,
            dt,
            std_mod,
            frequency,
            phase,
        } => {
            let v = [mean, std, dt, std_mod, frequency, phase].map(|x| num(*x));
            let [m, s, dt, sm, f, p] = v;
            quote!(#BUILDER.noise_generator(#name, ::network::NoiseGenerator { mean: #m, std: #s, dt: #dt, std_mod: #sm, frequency: #f, phase: #p, window: #win }, #sel, &#syn)?)
        }
    };
    quote! { #bind let #var = #call; }
}

fn projection(d: &Description, p: &ProjectionDesc) -> TokenStream {
    let var = ident(&p.field);
    let name = &p.name;
    let (src, tgt) = (
        ident(&d.populations[p.source].name),
        ident(&d.populations[p.target].name),
    );
    let rule = match p.rule {
        RuleDesc::AllToAll => quote!(AllToAll),
        RuleDesc::OneToOne => quote!(OneToOne),
        RuleDesc::FixedIndegree(k) => {
            let k = int(k);
            quote!(FixedIndegree(#k))
        }
        RuleDesc::FixedOutdegree(k) => {
            let k = int(k);
            quote!(FixedOutdegree(#k))
        }
        RuleDesc::FixedTotalNumber(k) => {
            let k = int(k);
            quote!(FixedTotalNumber(#k))
        }
        RuleDesc::PairwiseBernoulli(x) => {
            let x = num(x);
            quote!(PairwiseBernoulli(#x))
        }
    };
    let mut spec = quote!(::network::connect::ConnSpec::new(::network::connect::Rule::#rule));
    if let Some(m) = &p.mask {
        let m = mask(m);
        spec = quote!(#spec.with_mask(#m));
    }
    if let Some(k) = &p.kernel {
        let k = kernel(k);
        spec = quote!(#spec.with_kernel(#k));
    }
    if !p.autapses {
        spec = quote!(#spec.no_autapses());
    }
    if !p.multapses {
        spec = quote!(#spec.no_multapses());
    }
    if p.use_on_source {
        spec = quote!(#spec.on_source());
    }
    let syn = synapse(d, &p.synapse);
    let derived = p.derived.map(|dv| {
        let c = format_ident!("{}_INDEGREE", p.field.to_uppercase());
        let o = format_ident!("{}_OUTDEGREE", p.field.to_uppercase());
        let (ind, outd) = (int(dv.indegree), int(dv.outdegree));
        let doc = format!(
            "From biology: indegree = max(1, round({} / 100 * {} / {} * {} / {})) = {ind}; outdegree = boutons = {outd}; mask of the axon radius {} mm.",
            dv.projection_percent, d.populations[p.source].size, d.populations[p.target].size, dv.boutons, dv.redundancy, dv.axon_radius
        );
        quote! {
            #[doc = #doc]
            const #c: usize = #ind;
            #[doc = "Boutons per axon (the derived outdegree)."]
            #[allow(dead_code)]
            const #o: usize = #outd;
        }
    });
    quote! {
        #derived
        let #var = #BUILDER.connect(#name, &#src, &#tgt, &#spec, &#syn)?;
    }
}

fn kernel(k: &KernelDesc) -> TokenStream {
    let k = match *k {
        KernelDesc::Constant { p } => {
            let p = num(p);
            quote!(Constant { p: #p })
        }
        KernelDesc::Linear { p0, slope } => {
            let (a, s) = (num(p0), num(slope));
            quote!(Linear { p0: #a, slope: #s })
        }
        KernelDesc::Exponential { p0, beta } => {
            let (a, bt) = (num(p0), num(beta));
            quote!(Exponential { p0: #a, beta: #bt })
        }
        KernelDesc::Gaussian { p0, mean, std } => {
            let (a, m, s) = (num(p0), num(mean), num(std));
            quote!(Gaussian { p0: #a, mean: #m, std: #s })
        }
    };
    quote!(::network::spatial::Kernel::#k)
}

fn population_doc(d: &Description, p: &PopulationDesc) -> String {
    let m = &d.neurons[p.model];
    let mut doc = p.docs.join("\n");
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "Population `{}`: {} neurons of `{}` ({})",
        p.name,
        p.size,
        m.name,
        m.base.name()
    ));
    if let Some(class) = m.class {
        doc.push_str(&format!(", {}", class.name()));
    }
    doc.push('.');
    for (k, v) in m.meta.iter().chain(&p.meta) {
        doc.push_str(&format!("\n- {k}: {v}"));
    }
    doc
}

fn device_doc(d: &Description, docs: &[String], what: &str, ts: &[TargetDesc]) -> String {
    let mut doc = docs.join("\n");
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    let on: Vec<String> = ts
        .iter()
        .map(|t| {
            let pop = &d.populations[t.population].name;
            let sel = match &t.select {
                SelectDesc::All => String::new(),
                SelectDesc::Range(a, z) => format!(" [{a}..{z}]"),
                SelectDesc::Within(m, _) => {
                    format!(" within {}", m.name.as_deref().unwrap_or("a mask"))
                }
            };
            format!("`{pop}`{sel}")
        })
        .collect();
    doc.push_str(&format!("{what} on {}.", on.join(", ")));
    doc
}

fn projection_doc(p: &ProjectionDesc) -> String {
    let mut doc = p.docs.join("\n");
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("Projection `{}` ({:?}).", p.name, p.rule));
    if let Some(dv) = p.derived {
        doc.push_str(&format!(
            " Derived from biology: indegree {}, outdegree {}, axon radius {} mm.",
            dv.indegree, dv.outdegree, dv.axon_radius
        ));
    }
    for (k, v) in &p.meta {
        doc.push_str(&format!("\n- {k}: {v}"));
    }
    doc
}

#[cfg(test)]
mod tests {
    /// The expansion of the seed network, pretty-printed, against the committed
    /// snapshot; `BLESS=1 cargo test -p network-macros` rewrites it.
    #[test]
    fn seed_network_snapshot() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expand");
        let input = std::fs::read_to_string(format!("{dir}/seed_network.in")).unwrap();
        let tokens: proc_macro2::TokenStream = input.parse().unwrap();
        let (header, _, result) = network_syntax::parse_and_check(tokens);
        let description = result
            .unwrap_or_else(|d| panic!("{:?}", d.iter().map(|d| d.text()).collect::<Vec<_>>()));
        let expanded = super::expand(&header.unwrap(), &description, &input);
        let file: syn::File = syn::parse2(expanded).unwrap();
        let pretty = prettyplease::unparse(&file);
        let path = format!("{dir}/seed_network.expanded.rs");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &pretty).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            pretty, expected,
            "expansion changed; rerun with BLESS=1 and review the diff"
        );
    }
}
