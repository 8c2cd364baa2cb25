//! The checked description as Rust code that rebuilds it: `network!` embeds it in the
//! type it generates, so that the program's PyNEST export reads the description the
//! macro checked instead of parsing the text again (no parser compiled into the
//! program; README, Performance: compile time).
//!
//! Every value is written as an expression of paths under `root`, the path at which the
//! program reaches this crate (`::network::export::syntax`). Structs and enums are
//! written field by field through an exhaustive pattern, so a field added to a type and
//! not here is a compile error of this module, not a value the export silently lacks.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use std::sync::Arc;

/// A value that can be written as a Rust expression that rebuilds it.
pub trait Embed {
    /// The expression, with this crate's items reached at `root`.
    fn embed(&self, root: &TokenStream) -> TokenStream;
}

/// A float as a Rust expression of the same bits: an unsuffixed literal, which takes
/// its place's type (`0.5`, `-10.0`; Rust reads the shortest round-trip form back to the
/// same bits, and `-0.0` keeps its sign), `f64::INFINITY` and `NEG_INFINITY`, a NaN by
/// its bits. The macro writes every number of the code it generates with it.
pub fn float(v: f64) -> TokenStream {
    if v.is_nan() {
        let bits = Literal::u64_suffixed(v.to_bits());
        return quote!(::core::primitive::f64::from_bits(#bits));
    }
    if v.is_infinite() {
        return match v > 0.0 {
            true => quote!(::core::primitive::f64::INFINITY),
            false => quote!(::core::primitive::f64::NEG_INFINITY),
        };
    }
    let magnitude = Literal::f64_unsuffixed(v.abs());
    match v.is_sign_negative() {
        true => quote!(-#magnitude),
        false => quote!(#magnitude),
    }
}

impl Embed for f64 {
    fn embed(&self, _: &TokenStream) -> TokenStream {
        float(*self)
    }
}

macro_rules! embed_integers {
    ($($t:ident => $literal:ident),*) => {$(
        impl Embed for $t {
            fn embed(&self, _: &TokenStream) -> TokenStream {
                let value = Literal::$literal(*self);
                quote!(#value)
            }
        }
    )*};
}

// Unsuffixed literals take the field's type.
embed_integers!(
    u16 => u16_unsuffixed,
    u32 => u32_unsuffixed,
    u64 => u64_unsuffixed,
    usize => usize_unsuffixed
);

impl Embed for bool {
    fn embed(&self, _: &TokenStream) -> TokenStream {
        quote!(#self)
    }
}

impl Embed for &'static str {
    fn embed(&self, _: &TokenStream) -> TokenStream {
        let text = Literal::string(self);
        quote!(#text)
    }
}

impl Embed for String {
    fn embed(&self, _: &TokenStream) -> TokenStream {
        let text = Literal::string(self);
        quote!(::std::string::String::from(#text))
    }
}

impl<T: Embed> Embed for Option<T> {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        match self {
            Some(value) => {
                let value = value.embed(root);
                quote!(::core::option::Option::Some(#value))
            }
            None => quote!(::core::option::Option::None),
        }
    }
}

impl<T: Embed> Embed for Vec<T> {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let items = self.iter().map(|v| v.embed(root));
        quote!(::std::vec![#(#items),*])
    }
}

impl<T: Embed, const N: usize> Embed for [T; N] {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let items = self.iter().map(|v| v.embed(root));
        quote!([#(#items),*])
    }
}

impl<T: Embed> Embed for Box<T> {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let value = (**self).embed(root);
        quote!(::std::boxed::Box::new(#value))
    }
}

impl<T: Embed> Embed for Arc<T> {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let value = (**self).embed(root);
        quote!(::std::sync::Arc::new(#value))
    }
}

impl<A: Embed, B: Embed> Embed for (A, B) {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let (a, b) = (self.0.embed(root), self.1.embed(root));
        quote!((#a, #b))
    }
}

/// Structs, written as struct expressions: `path { field, .. }` lists every field
/// (`path` from this crate's root).
macro_rules! embed_structs {
    ($( $($seg:ident)::+ { $($field:ident),* $(,)? } )*) => {$(
        impl Embed for crate::$($seg)::+ {
            fn embed(&self, root: &TokenStream) -> TokenStream {
                let Self { $($field),* } = self;
                $( let $field = $field.embed(root); )*
                quote!(#root $(:: $seg)+ { $($field: #$field),* })
            }
        }
    )*};
}

/// Enums, variant by variant: unit variants by name, tuple variants with a name for
/// each field, struct variants with their fields.
macro_rules! embed_enums {
    ($( $($seg:ident)::+ {
        $( $variant:ident $( ( $($t:ident),* ) )? $( { $($f:ident),* } )? ),* $(,)?
    } )*) => {$(
        impl Embed for crate::$($seg)::+ {
            #[allow(non_snake_case)]
            fn embed(&self, root: &TokenStream) -> TokenStream {
                let path = quote!(#root $(:: $seg)+);
                match self {
                    $( Self::$variant $( ( $($t),* ) )? $( { $($f),* } )? => {
                        $( $( let $t = $t.embed(root); )* )?
                        $( $( let $f = $f.embed(root); )* )?
                        quote!(#path :: $variant $( ( $(#$t),* ) )? $( { $($f: #$f),* } )?)
                    } )*
                }
            }
        }
    )*};
}

/// Enums without fields, by the variant's name (their derived `Debug`).
macro_rules! embed_by_name {
    ($( $($seg:ident)::+ ),* $(,)?) => {$(
        impl Embed for crate::$($seg)::+ {
            fn embed(&self, root: &TokenStream) -> TokenStream {
                let variant = Ident::new(&format!("{self:?}"), Span::call_site());
                quote!(#root $(:: $seg)+ :: #variant)
            }
        }
    )*};
}

embed_structs! {
    description::Description {
        resolution, seed, data_path, data_prefix, delay_extrema, neurons, populations,
        wiring, exprs, protocol, rate,
    }
    description::NeuronDesc { name, base, params, lists, ports, class, firing, meta, docs }
    description::PopulationDesc { name, model, size, layout, initial, meta, docs }
    description::MaskDesc { mask, center, name }
    description::TargetDesc { population, select }
    description::SynapseDesc { model, base, params, varied, weight, delay, receptor }
    description::RecorderDesc { name, kind, window, targets, generators, time_in_steps, docs }
    description::StimulatorDesc { name, kind, window, targets, synapse, docs }
    description::ProjectionDesc {
        field, name, source, target, source_select, target_select, rule, mask, kernel,
        autapses, multapses, use_on_source, synapse, derived, meta, docs,
    }
    description::Derived {
        projection_percent, boutons, redundancy, axon_radius, indegree, outdegree,
    }
    rate::RateDesc { kernel, neurons, populations, connections, multimeters }
    rate::RateNeuronDesc { name, model, params, docs }
    rate::RatePopulationDesc { name, neuron, size, layout, docs }
    rate::RateSpecDesc { rule, mask, kernel, autapses, multapses, use_on_source }
    rate::RateConnectionDesc { name, source, target, rule, synapse }
    rate::RateMultimeterDesc {
        name, population, indices, record_from, interval, offset, window, time_in_steps,
        docs,
    }
    spec::FiringRanges { resting, active, max }
    spec::RateRange { low_hz, high_hz }
    spec::window::Window { start, stop, origin }
    spec::PulsepacketGenerator { window, pulse_times, activity, sdev }
    spec::GammaSupGenerator { window, rate, gamma_shape, n_proc }
    spec::PpdSupGenerator { window, rate, dead_time, n_proc, frequency, relative_amplitude }
    spec::SinusoidalGammaGenerator {
        window, rate, amplitude, frequency, phase, order, individual_spike_trains,
    }
}

embed_enums! {
    description::NumDesc { Const(value), Runtime(index) }
    description::Size { Fixed(n), Runtime(name) }
    description::SelectDesc { All, Range(start, end), List(indices), Within(mask, center) }
    description::ValueDesc { Known(value), Runtime(index) }
    description::Wiring { Recorder(r), Stimulator(s), Projection(p) }
    description::RecorderKind {
        Spikes { ascii },
        Multimeter { interval, offset, record_from },
        Weights { ascii, connections, senders, targets },
    }
    description::StimulusDesc {
        Dc { amplitude },
        Poisson { rate },
        Spikes {
            spike_times, spike_weights, spike_multiplicities, allow_offgrid_times,
            precise_times, shift_now_spikes
        },
        StepCurrent { amplitude_times, amplitude_values, allow_offgrid_times },
        InhomogeneousPoisson { rate_times, rate_values, allow_offgrid_times },
        SinusoidalPoisson { rate, amplitude, frequency, phase, individual_spike_trains },
        Mip { rate, p_copy },
        Pulsepacket(g),
        GammaSup(g),
        PpdSup(g),
        SinusoidalGamma(g),
        Ac { amplitude, offset, frequency, phase },
        Noise { mean, std, dt, std_mod, frequency, phase },
    }
    description::SetValue { Number(v), List(values) }
    description::ProtocolStep {
        Simulate(t),
        SetNeurons { target, param, value },
        Record { wiring },
        SetGenerator { wiring, param, value },
        SetRecorder { wiring, param, value },
        SetWeight { wiring, value },
        SetSynapse { wiring, param, value },
        ReadConnections { wiring, name, columns },
        SetRate { population, select, param, value },
        SetRateMultimeter { multimeter, param, value },
    }
    rate::RateRuleDesc { AllToAll, OneToOne, Pairs(pairs), Spec(spec) }
    rate::RateSynapseDesc { Delayed { weight, delay }, Instantaneous { weight } }
    spec::Value {
        Constant(v),
        Uniform { min, max },
        Normal { mean, std, min, max },
        Lognormal { mu, sigma },
        Expression(e),
    }
    spec::expression::Expression {
        Number(v),
        Distance,
        Displacement(axis),
        Position(end, axis),
        Neg(x),
        Arith(op, a, b),
        Pow(x, p),
        Function(f, x),
        Min(x, bound),
        Max(x, bound),
        Compare(op, a, b),
        Conditional(c, a, b),
        Redraw(x, min, max),
        Random(r),
    }
    spec::expression::Random {
        Uniform { min, max },
        Normal { mean, std },
        Lognormal { mean, std },
        Exponential { beta },
    }
    spec::Rule {
        AllToAll,
        OneToOne,
        FixedIndegree(n),
        FixedOutdegree(n),
        FixedTotalNumber(n),
        PairwiseBernoulli(p),
    }
    spec::Kernel {
        Constant { p },
        Linear { p0, slope },
        Exponential { p0, beta },
        Gaussian { p0, mean, std },
        Gaussian2d { p0, mean_x, mean_y, std_x, std_y, rho },
        Gamma { p0, kappa, theta },
        Gabor { p0, theta, gamma, std, lam, psi },
        Expression(e),
    }
    spec::Layout {
        FreeUniform { lower_left, upper_right, edge_wrap },
        FreeList { positions, extent, edge_wrap },
        Grid { shape, extent, center, edge_wrap },
    }
    spec::MaskShape {
        Circle { radius },
        Rectangle { lower_left, upper_right, azimuth_angle },
        Ellipse { major_axis, minor_axis, azimuth_angle },
        Sphere { radius },
        Box { lower_left, upper_right, azimuth_angle, polar_angle },
        Ellipsoid { major_axis, minor_axis, polar_axis, azimuth_angle, polar_angle },
        Doughnut { inner_radius, outer_radius },
        Grid { shape },
    }
    spec::Recordable {
        V_m, I_syn_ex, I_syn_in, I_syn, I_syn_port(port), g_port(port), g_ex, g_in, w,
        Act_m, Inact_h, Act_n, U_m, V_th, V_th_v, E_sfa, I_stc, rate, noise,
    }
}

embed_by_name!(
    spec::BaseModel,
    spec::SynapseModel,
    spec::rate::RateModel,
    spec::expression::End,
    spec::expression::Arith,
    spec::expression::Function,
    spec::expression::Comparison,
    model_table::CellClass,
);

/// A mask through its constructors (its fields are private; the cosines and sines of
/// its angles are computed again, by the same arithmetic).
impl Embed for crate::spec::Mask {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let shape = self.shape().embed(root);
        let anchor = self.anchor().embed(root);
        quote!(#root::spec::Mask::new(#shape).with_anchor(#anchor))
    }
}

/// A Rust expression's tokens as their text, read again when the program runs; its
/// span is the call site (the program reads no source text).
impl Embed for crate::description::RuntimeExpr {
    fn embed(&self, root: &TokenStream) -> TokenStream {
        let Self {
            tokens,
            factor,
            integer,
            span: _,
        } = self;
        let text = Literal::string(&tokens.to_string());
        let factor = factor.embed(root);
        quote!(#root::description::RuntimeExpr::from_text(#text, #factor, #integer))
    }
}
