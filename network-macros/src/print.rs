//! Printing a plan's steps as builder calls: one function per kind of step, each a
//! mechanical translation (every decision was made by `network_syntax::lowering`).
//!
//! Hygiene: every local the expansion binds is an [`Internal`] identifier at
//! `Span::mixed_site()`, so the user's tokens inside `{expr}` cannot see it, and is
//! named by its role (`pop_exc`, `dev_spikes`, `proj_exc_to_inh`, `model_Cell`), so a
//! user's constant named like a population or device is not taken for a pattern of the
//! `let` binding it (mixed-site hygiene covers locals, not the constants in scope).
//! Every path is absolute (`::core::..`, `::std::..`, `::network::..`).

use network_syntax::description::*;
use network_syntax::lowering::*;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};

mod expression;
mod generators;
pub mod protocol;
pub mod rate;
mod recorders;

/// A float as a literal of the same bits (`-10.0`, `0.5`,
/// `::core::primitive::f64::INFINITY`), as the embedded description writes it.
pub use network_syntax::embed::float as num;

fn nums(v: &[f64]) -> TokenStream {
    let v = v.iter().map(|x| num(*x));
    quote!([#(#v),*])
}

fn vec_of(v: &[f64]) -> TokenStream {
    let v = v.iter().map(|x| num(*x));
    quote!(::std::vec![#(#v),*])
}

fn int(v: usize) -> Literal {
    Literal::usize_unsuffixed(v)
}

fn option(v: Option<TokenStream>) -> TokenStream {
    match v {
        Some(v) => quote!(::core::option::Option::Some(#v)),
        None => quote!(::core::option::Option::None),
    }
}

/// An identifier the expansion binds, at the mixed-site span (hygienic: invisible to
/// the user's tokens).
pub struct Internal(pub String);

impl Internal {
    /// A fixed name.
    pub fn named(name: &str) -> Self {
        Internal(name.to_string())
    }
}

impl ToTokens for Internal {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Ident::new(&self.0, Span::mixed_site()).to_tokens(tokens);
    }
}

/// The builder inside `build_with_threads`.
pub fn builder() -> Internal {
    Internal::named("builder")
}

/// The local holding a model variant.
fn model_var(name: &str) -> Internal {
    Internal(format!("model_{name}"))
}

/// The local holding a population's handle.
pub fn population_var(name: &str) -> Internal {
    Internal(format!("pop_{name}"))
}

/// The local holding a recorder's or stimulator's handle.
pub fn device_var(name: &str) -> Internal {
    Internal(format!("dev_{name}"))
}

/// The local holding a projection's handle (by its field name).
pub fn projection_var(field: &str) -> Internal {
    Internal(format!("proj_{field}"))
}

/// A selection: `pop.all()`, `pop.range(a..z)`, `pop.indices(&[..])` or a mask
/// selection's local; `pop` prints a population's handle by index.
pub fn selection(t: &Target, pop: impl Fn(usize) -> TokenStream) -> TokenStream {
    match t {
        Target::All(p) => {
            let pop = pop(*p);
            quote!(#pop.all())
        }
        Target::Range {
            population,
            start,
            end,
        } => {
            let (pop, a, z) = (pop(*population), int(*start), int(*end));
            quote!(#pop.range(#a..#z))
        }
        Target::List {
            population,
            indices,
        } => {
            let pop = pop(*population);
            let i = indices.iter().map(|i| Literal::u32_unsuffixed(*i));
            quote!(#pop.indices(&[#(#i),*]))
        }
        Target::Selection(slot) => selection_var(*slot).into_token_stream(),
    }
}

fn selection_var(slot: usize) -> Internal {
    Internal(format!("selection_{slot}"))
}

/// Prints the steps of one plan.
pub struct Printer<'a> {
    plan: &'a Plan,
    /// The populations' names, by index.
    populations: Vec<&'a str>,
    /// The parameter holding the run-time sizes.
    sizes: &'a Internal,
}

impl<'a> Printer<'a> {
    /// A printer of `plan`, whose run-time sizes are read from the parameter `sizes`.
    pub fn new(plan: &'a Plan, sizes: &'a Internal) -> Self {
        let populations = plan.populations().map(|p| p.name.as_str()).collect();
        Printer {
            plan,
            populations,
            sizes,
        }
    }

    /// One step as statements.
    pub fn step(&self, step: &Step) -> TokenStream {
        match step {
            Step::Model(n) => self.model(n),
            Step::Population(p) => self.population(p),
            Step::Within(w) => self.within(w),
            Step::SpikeRecorder(r) => self.spike_recorder(r),
            Step::Multimeter(m) => self.multimeter(m),
            Step::WeightRecorder(w) => self.weight_recorder(w),
            Step::Generator(g) => self.generator(g),
            Step::Connect(c) => self.connect(c),
            Step::Rate(r) => rate::step(self.plan, r),
        }
    }

    fn population_var(&self, index: usize) -> Internal {
        population_var(self.populations[index])
    }

    fn model(&self, n: &NeuronDesc) -> TokenStream {
        let var = model_var(&n.name);
        let ty = format_ident!("{}", n.base.rust_type());
        let name = &n.name;
        let params = n.params.iter().map(|(p, v)| {
            // A flag (NEST's boolean, written 0/1) is a `bool` field.
            let v = if n.base.is_flag(p) {
                let b = *v == 1.0;
                quote!(#b)
            } else {
                num(*v)
            };
            let p = format_ident!("{}", p);
            quote!(#p: #v)
        });
        let lists = n.lists.iter().map(|(p, v)| {
            let (p, v) = (format_ident!("{}", p), vec_of(v));
            quote!(#p: #v)
        });
        let params = params.chain(lists);
        let firing = n.firing.map(|f| {
            let range = |r: Option<(f64, f64)>| {
                option(r.map(|(lo, hi)| {
                    let (lo, hi) = (num(lo), num(hi));
                    quote!(::network::RateRange::new(#lo, #hi))
                }))
            };
            let [resting, active, max] =
                [f.resting, f.active, f.max].map(|r| range(r.map(|r| (r.low_hz, r.high_hz))));
            quote!(.with_firing(::network::FiringRanges { resting: #resting, active: #active, max: #max })?)
        });
        quote! {
            let #var = ::network::Model::variant(#name, ::network::#ty { #(#params,)* ..::core::default::Default::default() })?#firing;
        }
    }

    fn population(&self, p: &Population) -> TokenStream {
        let (var, name, model) = (population_var(&p.name), &p.name, model_var(&p.model));
        let b = builder();
        let n = match &p.size {
            Size::Fixed(n) => {
                let n = int(*n);
                quote!(::network::Const::<#n>)
            }
            Size::Runtime(field) => {
                let (sizes, field) = (self.sizes, format_ident!("{}", field));
                quote!(::network::Dyn(#sizes.#field))
            }
        };
        let make = match &p.layout {
            Some(l) => {
                let l = layout(l);
                quote!(let #var = #b.spatial_population(#name, &#model, #n, &#l)?;)
            }
            None => quote!(let #var = #b.population(#name, &#model, #n)?;),
        };
        let initial = p.initial.iter().map(|(param, v)| {
            let v = self.value(&ValueDesc::Known(v.clone()));
            quote!(#b.initial(&#var.all(), #param, &::network::Value::from(#v))?;)
        });
        quote!(#make #(#initial)*)
    }

    fn within(&self, w: &Within) -> TokenStream {
        let (var, pop, b) = (
            selection_var(w.slot),
            self.population_var(w.population),
            builder(),
        );
        let (m, c) = (mask(&w.mask.mask), nums(&w.center));
        quote!(let #var = #b.within(&#pop, &#m, #c)?;)
    }

    /// `&[pop.all(), pop.range(a..z), selection_0]`.
    fn targets(&self, targets: &[Target]) -> TokenStream {
        let targets = targets
            .iter()
            .map(|t| selection(t, |p| self.population_var(p).into_token_stream()));
        quote!(&[#(#targets),*])
    }

    fn connect(&self, c: &Connect) -> TokenStream {
        let (var, name, b) = (projection_var(&c.field), &c.name, builder());
        let (src, tgt) = (self.population_var(c.source), self.population_var(c.target));
        let flags = [c.autapses, c.multapses, c.use_on_source];
        let spec = conn_spec(
            c.rule,
            c.mask.as_ref().map(|m| &m.mask),
            c.kernel.as_ref(),
            flags,
        );
        let syn = self.synapse(&c.synapse);
        if let (Target::All(_), Target::All(_)) = (&c.sources, &c.targets) {
            return quote! {
                let #var = #b.connect(#name, &#src, &#tgt, &#spec, &#syn)?;
            };
        }
        let end = |t| selection(t, |p| self.population_var(p).into_token_stream());
        let (src, tgt) = (end(&c.sources), end(&c.targets));
        quote! {
            let #var = #b.connect_selections(#name, &#src, &#tgt, &#spec, &#syn)?;
        }
    }

    /// A Rust expression of the description, typed (`f64`, or `usize` for a count)
    /// where it was written and converted to NEST's unit.
    pub fn runtime(&self, index: usize) -> TokenStream {
        let e = &self.plan.exprs[index];
        let tokens = &e.tokens;
        let ty = if e.integer {
            quote!(usize)
        } else {
            quote!(f64)
        };
        let value = Internal::named("value");
        let value = quote_spanned!(e.span.start=> { let #value: #ty = { #tokens }; #value });
        if e.factor == 1.0 {
            value
        } else {
            let factor = num(e.factor);
            quote!((#value * #factor))
        }
    }

    fn amount(&self, n: NumDesc) -> TokenStream {
        match n {
            NumDesc::Const(v) => num(v),
            NumDesc::Runtime(i) => self.runtime(i),
        }
    }

    pub fn value(&self, v: &ValueDesc) -> TokenStream {
        match v {
            ValueDesc::Known(v) => known_value(v),
            ValueDesc::Runtime(i) => self.runtime(*i),
        }
    }

    /// `Ty::new(w, d)` or `Ty::variant(name, w, d)`, `.receptor(k)`, then the written
    /// parameters over it (`Ty { params.., ..base }`).
    fn synapse(&self, s: &Synapse) -> TokenStream {
        let (w, dl) = (self.value(&s.weight), self.value(&s.delay));
        let ty = format_ident!("{}", s.base.rust_type());
        let mut base = match &s.variant {
            None => quote!(::network::#ty::new(#w, #dl)),
            Some(m) => quote!(::network::#ty::variant(#m, #w, #dl)),
        };
        if let Some(k) = s.receptor {
            base = quote!(#base.receptor(#k));
        }
        if s.params.is_empty() {
            return base;
        }
        let params = s.params.iter().map(|(p, v)| {
            let (p, v) = (format_ident!("{}", p), num(*v));
            quote!(#p: #v)
        });
        quote!(::network::#ty { #(#params,)* ..#base })
    }
}

fn window(w: Window) -> TokenStream {
    let (start, stop) = (num(w.start), num(w.stop));
    quote!(::network::Window::new(#start, #stop))
}

pub fn layout(l: &Layout) -> TokenStream {
    let extent = |v: &Option<Vec<f64>>| option(v.as_deref().map(vec_of));
    match l {
        Layout::FreeUniform {
            lower_left,
            upper_right,
            edge_wrap,
        } => {
            let (ll, ur) = (vec_of(lower_left), vec_of(upper_right));
            quote!(::network::spatial::Layout::FreeUniform { lower_left: #ll, upper_right: #ur, edge_wrap: #edge_wrap })
        }
        Layout::FreeList {
            positions,
            extent: e,
            edge_wrap,
        } => {
            let ps = positions.iter().map(|p| vec_of(p));
            let e = extent(e);
            quote!(::network::spatial::Layout::FreeList { positions: ::std::vec![#(#ps),*], extent: #e, edge_wrap: #edge_wrap })
        }
        Layout::Grid {
            shape,
            extent: e,
            center,
            edge_wrap,
        } => {
            let (e, center) = (extent(e), extent(center));
            let shape = shape.iter().map(|x| int(*x));
            quote!(::network::spatial::Layout::Grid { shape: ::std::vec![#(#shape),*], extent: #e, center: #center, edge_wrap: #edge_wrap })
        }
    }
}

fn mask(m: &Mask) -> TokenStream {
    let shape = match m.shape() {
        MaskShape::Grid { shape } => {
            let [x, y] = shape.map(Literal::u64_unsuffixed);
            quote!(Grid { shape: [#x, #y] })
        }
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
            let (ll, ur) = (nums(lower_left), nums(upper_right));
            let (a, p) = (num(*azimuth_angle), num(*polar_angle));
            quote!(Box { lower_left: #ll, upper_right: #ur, azimuth_angle: #a, polar_angle: #p })
        }
        MaskShape::Ellipsoid {
            major_axis,
            minor_axis,
            polar_axis,
            azimuth_angle,
            polar_angle,
        } => {
            let [a, b, c, az, po] = [
                major_axis,
                minor_axis,
                polar_axis,
                azimuth_angle,
                polar_angle,
            ]
            .map(|x| num(*x));
            quote!(Ellipsoid { major_axis: #a, minor_axis: #b, polar_axis: #c, azimuth_angle: #az, polar_angle: #po })
        }
    };
    let mask = quote!(::network::spatial::Mask::new(::network::spatial::MaskShape::#shape));
    // An anchor at the origin is the default.
    let a = m.anchor();
    if a == [0.0; 3] {
        return mask;
    }
    let a = nums(&a);
    quote!(#mask.with_anchor(::core::convert::From::from(#a)))
}

/// A value written in the description: a number as a literal, any other as the
/// `::network::Value` it is.
pub fn known_value(v: &Value) -> TokenStream {
    let bound = |v: Option<f64>| option(v.map(num));
    match *v {
        Value::Constant(c) => num(c),
        Value::Uniform { min, max } => {
            let (a, z) = (num(min), num(max));
            quote!(::network::Value::Uniform { min: #a, max: #z })
        }
        Value::Normal {
            mean,
            std,
            min,
            max,
        } => {
            let (m, s, lo, hi) = (num(mean), num(std), bound(min), bound(max));
            quote!(::network::Value::Normal { mean: #m, std: #s, min: #lo, max: #hi })
        }
        Value::Lognormal { mu, sigma } => {
            let (m, s) = (num(mu), num(sigma));
            quote!(::network::Value::Lognormal { mu: #m, sigma: #s })
        }
        Value::Expression(ref e) => {
            let e = expression::shared(e);
            quote!(::network::Value::Expression(#e))
        }
    }
}

/// `ConnSpec::new(rule)` with a mask, a kernel and the flags `[autapses, multapses,
/// use_on_source]`.
pub fn conn_spec(
    rule_: Rule,
    mask_: Option<&Mask>,
    kernel_: Option<&Kernel>,
    [autapses, multapses, use_on_source]: [bool; 3],
) -> TokenStream {
    let r = rule(rule_);
    let mut spec = quote!(::network::connect::ConnSpec::new(::network::connect::Rule::#r));
    if let Some(m) = mask_ {
        let m = mask(m);
        spec = quote!(#spec.with_mask(#m));
    }
    if let Some(k) = kernel_ {
        let k = kernel(k);
        spec = quote!(#spec.with_kernel(#k));
    }
    if !autapses {
        spec = quote!(#spec.no_autapses());
    }
    if !multapses {
        spec = quote!(#spec.no_multapses());
    }
    if use_on_source {
        spec = quote!(#spec.on_source());
    }
    spec
}

fn rule(r: Rule) -> TokenStream {
    let count = |k: usize| int(k);
    match r {
        Rule::AllToAll => quote!(AllToAll),
        Rule::OneToOne => quote!(OneToOne),
        Rule::FixedIndegree(k) => {
            let k = count(k);
            quote!(FixedIndegree(#k))
        }
        Rule::FixedOutdegree(k) => {
            let k = count(k);
            quote!(FixedOutdegree(#k))
        }
        Rule::FixedTotalNumber(k) => {
            let k = count(k);
            quote!(FixedTotalNumber(#k))
        }
        Rule::PairwiseBernoulli(x) => {
            let x = num(x);
            quote!(PairwiseBernoulli(#x))
        }
    }
}

fn kernel(k: &Kernel) -> TokenStream {
    let k = match *k {
        Kernel::Expression(ref e) => {
            let e = expression::shared(e);
            quote!(Expression(#e))
        }
        Kernel::Constant { p } => {
            let p = num(p);
            quote!(Constant { p: #p })
        }
        Kernel::Linear { p0, slope } => {
            let (a, s) = (num(p0), num(slope));
            quote!(Linear { p0: #a, slope: #s })
        }
        Kernel::Exponential { p0, beta } => {
            let (a, bt) = (num(p0), num(beta));
            quote!(Exponential { p0: #a, beta: #bt })
        }
        Kernel::Gaussian { p0, mean, std } => {
            let (a, m, s) = (num(p0), num(mean), num(std));
            quote!(Gaussian { p0: #a, mean: #m, std: #s })
        }
        Kernel::Gaussian2d {
            p0,
            mean_x,
            mean_y,
            std_x,
            std_y,
            rho,
        } => {
            let [a, mx, my, sx, sy, r] = [p0, mean_x, mean_y, std_x, std_y, rho].map(num);
            quote!(Gaussian2d { p0: #a, mean_x: #mx, mean_y: #my, std_x: #sx, std_y: #sy, rho: #r })
        }
        Kernel::Gamma { p0, kappa, theta } => {
            let [a, k, t] = [p0, kappa, theta].map(num);
            quote!(Gamma { p0: #a, kappa: #k, theta: #t })
        }
        Kernel::Gabor {
            p0,
            theta,
            gamma,
            std,
            lam,
            psi,
        } => {
            let [a, t, g, s, l, ps] = [p0, theta, gamma, std, lam, psi].map(num);
            quote!(Gabor { p0: #a, theta: #t, gamma: #g, std: #s, lam: #l, psi: #ps })
        }
    };
    quote!(::network::spatial::Kernel::#k)
}
