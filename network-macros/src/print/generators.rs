//! Printing a generator step: the builder call of each stimulator kind with its
//! parameters (NEST names, NEST units).

use super::{builder, device_var, num, vec_of, window, Printer};
use network_syntax::description::*;
use network_syntax::lowering::*;
use proc_macro2::TokenStream;
use quote::quote;

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
                allow_offgrid_times,
                precise_times,
                shift_now_spikes,
            } => {
                let (t, w) = (vec_of(spike_times), vec_of(spike_weights));
                (
                    quote!(spike_generator),
                    quote!(::network::SpikeGenerator { spike_times: #t, spike_weights: #w, spike_multiplicities: ::std::vec![], allow_offgrid_times: #allow_offgrid_times, precise_times: #precise_times, shift_now_spikes: #shift_now_spikes, window: #win }),
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
