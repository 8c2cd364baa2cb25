//! The memory estimate on a generated type whose sizes are all constants: the plan's
//! counts (`network_syntax::estimate`, the ones the loader prices for `network check`)
//! printed as `MEMORY_PARTS` and `MEMORY_ESTIMATE`, constants the compiler evaluates
//! with the engine's own byte counts (`network::network::declared`, `const fn`s), so
//! the macro and the loader give the same number for the same text. A network past
//! what an estimate can count is a compile error.

use network_syntax::description::Description;
use network_syntax::estimate::{counts, Counts, Part, RINGS_LABEL};
use network_syntax::lowering::Plan;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

/// The constants (an `impl` block's items) and `build`'s check, or `None` where a size
/// is given at run time; a compile error at `name` where the network cannot be counted.
pub fn memory(
    name: &Ident,
    d: &Description,
    plan: &Plan,
) -> syn::Result<Option<(TokenStream, TokenStream)>> {
    if !plan.runtime_sizes.is_empty() {
        return Ok(None);
    }
    let sizes: Vec<usize> = plan
        .populations()
        .map(|p| match p.size {
            network_syntax::description::Size::Fixed(n) => n,
            network_syntax::description::Size::Runtime(_) => 0,
        })
        .collect();
    let c = counts(d, plan, &sizes, &|v| match v {
        network_syntax::description::ValueDesc::Known(v) => Some(v.clone()),
        network_syntax::description::ValueDesc::Runtime(_) => None,
    });
    // A rule's count saturates at u64::MAX: such a network has 2^64 synapses or more.
    let countable = |n: u64| n < u64::MAX && usize::try_from(n).is_ok();
    let Some(synapses) = c.synapses().filter(|&n| countable(n)) else {
        return Err(syn::Error::new(
            name.span(),
            format!(
                "network `{name}`: its projections make more synapses than a machine can \
                 number ({} or more in all); make the rules' counts smaller",
                if usize::BITS < 64 { "2^32" } else { "2^64" }
            ),
        ));
    };
    let parts = parts(&c);
    let doc = format!(
        "The most memory building this network holds at once, bytes (allocator overhead \
         not counted), evaluated by the compiler from its counts: {}. `build` refuses, \
         before allocating, a network whose estimate exceeds the machine's available \
         memory; recorded data is estimated before each `simulate`.",
        summary(&c, synapses)
    );
    let label = format!("network `{name}`");
    let items = quote! {
        /// The parts of [`Self::MEMORY_ESTIMATE`]: name, lasting bytes, and bytes held
        /// only while the part is built (a rule's drawn edges).
        pub const MEMORY_PARTS: &'static [(&'static str, u64, u64)] = &[#(#parts),*];
        #[doc = #doc]
        pub const MEMORY_ESTIMATE: u64 = ::network::network::declared::peak(Self::MEMORY_PARTS);
    };
    let check = quote! {
        ::network::network::check_estimate(#label, Self::MEMORY_ESTIMATE, ::core::option::Option::None)?;
    };
    Ok(Some((items, check)))
}

/// Each part as a `(name, lasting, transient)` expression.
fn parts(c: &Counts) -> Vec<TokenStream> {
    let declared = quote!(::network::network::declared);
    let mut out: Vec<TokenStream> = c
        .parts
        .iter()
        .map(|p| {
            let label = p.label();
            match p {
                Part::Population {
                    base, len, spatial, ..
                } => {
                    let m = format_ident!("{}", base.rust_type());
                    let len = Literal::usize_suffixed(*len);
                    quote!((#label, #declared::population::<::network::#m>(#len, #spatial), 0u64))
                }
                Part::Projection {
                    synapses,
                    n_sources,
                    n_targets,
                    model,
                    weight,
                    random_delay,
                    drawn_parameters,
                    ..
                } => {
                    let model = format_ident!("{}", format!("{model:?}"));
                    let weight = format_ident!("{}", format!("{weight:?}"));
                    let n = Literal::u64_suffixed(*synapses);
                    let (ns, nt) = (
                        Literal::usize_suffixed(*n_sources),
                        Literal::usize_suffixed(*n_targets),
                    );
                    quote!({
                        let (lasting, drawn) = #declared::synapses(#n, #ns, #nt, ::network::network::PerSynapse {
                            model: ::network::spec::SynapseModel::#model,
                            weight: ::network::spec::WeightStorage::#weight,
                            random_delay: #random_delay,
                            drawn_parameters: #drawn_parameters,
                        });
                        (#label, lasting, drawn)
                    })
                }
                Part::Generator { connections, .. } => {
                    let n = Literal::usize_suffixed(*connections);
                    quote!((#label, #declared::generator(#n), 0u64))
                }
            }
        })
        .collect();
    let (slice, max_delay) = c.delay_steps;
    let (slice, max_delay) = (
        Literal::u64_suffixed(slice),
        Literal::u64_suffixed(max_delay),
    );
    let rings = c.sizes.iter().map(|&len| {
        let len = Literal::usize_suffixed(len);
        quote!(#declared::rings(#len, #max_delay, #slice))
    });
    out.push(quote!((#RINGS_LABEL, 0u64 #(.saturating_add(#rings))*, 0u64)));
    out
}

/// The counts for people: `80,000 neurons, 8,000,000 synapses (upper estimate), 2
/// populations, 3 projections`.
fn summary(c: &Counts, synapses: u64) -> String {
    let count = |f: fn(&Part) -> bool| c.parts.iter().filter(|p| f(p)).count();
    format!(
        "{} neurons in {} populations, {} synapses (the rules' upper estimate) in {} \
         projections, {} generators",
        grouped(c.neurons()),
        c.sizes.len(),
        grouped(synapses),
        count(|p| matches!(p, Part::Projection { .. })),
        count(|p| matches!(p, Part::Generator { .. })),
    )
}

/// `80000` as `80,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
