//! Printing a generator step: the builder call of each stimulator kind with its
//! parameters (NEST names, NEST units).

use super::{builder, device_var, num, vec_of, window, Printer};
use network_spec::{ParamKind, Parameters};
use network_syntax::description::*;
use network_syntax::lowering::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl Printer<'_> {
    pub(super) fn generator(&self, g: &Generator) -> TokenStream {
        let (var, name, b) = (device_var(&g.name), &g.name, builder());
        let (win, sel, syn) = (
            window(g.window),
            self.targets(&g.targets),
            self.synapse(&g.synapse),
        );
        let (method, params) = match &g.stimulus {
            StimulusDesc::Dc { amplitude } => {
                let a = self.amount(*amplitude);
                (
                    quote!(dc_generator),
                    quote!(::network::DcGenerator { amplitude: #a, window: #win }),
                )
            }
            StimulusDesc::Poisson { rate } => {
                let r = self.amount(*rate);
                (
                    quote!(poisson_generator),
                    quote!(::network::PoissonGenerator { rate: #r, window: #win }),
                )
            }
            StimulusDesc::Spikes {
                spike_times,
                spike_weights,
                spike_multiplicities,
                allow_offgrid_times,
                precise_times,
                shift_now_spikes,
            } => {
                let (t, w) = (vec_of(spike_times), vec_of(spike_weights));
                (
                    quote!(spike_generator),
                    quote!(::network::SpikeGenerator { spike_times: #t, spike_weights: #w, spike_multiplicities: ::std::vec![#(#spike_multiplicities),*], allow_offgrid_times: #allow_offgrid_times, precise_times: #precise_times, shift_now_spikes: #shift_now_spikes, window: #win }),
                )
            }
            StimulusDesc::StepCurrent {
                amplitude_times,
                amplitude_values,
                allow_offgrid_times,
            } => {
                let (t, v) = (vec_of(amplitude_times), vec_of(amplitude_values));
                (
                    quote!(step_current_generator),
                    quote!(::network::StepCurrentGenerator { amplitude_times: #t, amplitude_values: #v, allow_offgrid_times: #allow_offgrid_times, window: #win }),
                )
            }
            StimulusDesc::InhomogeneousPoisson {
                rate_times,
                rate_values,
                allow_offgrid_times,
            } => {
                let (t, v) = (vec_of(rate_times), vec_of(rate_values));
                (
                    quote!(inhomogeneous_poisson_generator),
                    quote!(::network::InhomogeneousPoissonGenerator { rate_times: #t, rate_values: #v, allow_offgrid_times: #allow_offgrid_times, window: #win }),
                )
            }
            StimulusDesc::SinusoidalPoisson {
                rate,
                amplitude,
                frequency,
                phase,
                individual_spike_trains,
            } => {
                let [r, a, f, p] = [rate, amplitude, frequency, phase].map(|x| num(*x));
                (
                    quote!(sinusoidal_poisson_generator),
                    quote!(::network::SinusoidalPoissonGenerator { rate: #r, amplitude: #a, frequency: #f, phase: #p, individual_spike_trains: #individual_spike_trains, window: #win }),
                )
            }
            StimulusDesc::Mip { rate, p_copy } => {
                let (r, p) = (num(*rate), num(*p_copy));
                (
                    quote!(mip_generator),
                    quote!(::network::MipGenerator { rate: #r, p_copy: #p, window: #win }),
                )
            }
            StimulusDesc::Pulsepacket(g) => (
                quote!(pulsepacket_generator),
                table_literal("PulsepacketGenerator", g, &win),
            ),
            StimulusDesc::GammaSup(g) => (
                quote!(gamma_sup_generator),
                table_literal("GammaSupGenerator", g, &win),
            ),
            StimulusDesc::PpdSup(g) => (
                quote!(ppd_sup_generator),
                table_literal("PpdSupGenerator", g, &win),
            ),
            StimulusDesc::SinusoidalGamma(g) => (
                quote!(sinusoidal_gamma_generator),
                table_literal("SinusoidalGammaGenerator", g, &win),
            ),
            StimulusDesc::Ac {
                amplitude,
                offset,
                frequency,
                phase,
            } => {
                let [a, o, f, p] = [amplitude, offset, frequency, phase].map(|x| num(*x));
                (
                    quote!(ac_generator),
                    quote!(::network::AcGenerator { amplitude: #a, offset: #o, frequency: #f, phase: #p, window: #win }),
                )
            }
            StimulusDesc::Noise {
                mean,
                std,
                dt,
                std_mod,
                frequency,
                phase,
            } => {
                let [m, s, dt, sm, f, p] =
                    [mean, std, dt, std_mod, frequency, phase].map(|x| num(*x));
                (
                    quote!(noise_generator),
                    quote!(::network::NoiseGenerator { mean: #m, std: #s, dt: #dt, std_mod: #sm, frequency: #f, phase: #p, window: #win }),
                )
            }
        };
        quote! {
            let #var = #b.#method(#name, #params, #sel, &#syn)?;
        }
    }
}

/// The struct literal `::network::TY { .. }` of a table-declared device: every parameter
/// of its table by its NEST name, and the window.
fn table_literal<M: Parameters>(ty: &str, m: &M, win: &TokenStream) -> TokenStream {
    let ty = format_ident!("{ty}");
    let fields = M::PARAMETERS.iter().map(|info| {
        let field = format_ident!("{}", info.name);
        match info.kind {
            ParamKind::List => {
                let v = vec_of(&m.get_list(info.name).unwrap_or_default());
                quote!(#field: #v)
            }
            ParamKind::Flag => {
                let b = m.get(info.name) == Some(1.0);
                quote!(#field: #b)
            }
            ParamKind::Scalar | ParamKind::Integer => {
                let v = num(m.get(info.name).unwrap_or(info.default));
                quote!(#field: #v)
            }
        }
    });
    quote!(::network::#ty { #(#fields,)* window: #win })
}
