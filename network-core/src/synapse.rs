//! Synapse models: their parameters, weights and delays are vocabulary
//! (`network_spec::synapse`: `static_synapse`, `stdp_synapse`, `tsodyks_synapse`,
//! `tsodyks2_synapse`, the `_hom` models, `vogels_sprekeler_synapse`,
//! `stdp_triplet_synapse`, `bernoulli_synapse`, `quantal_stp_synapse`);
//! the engine adds the [`Synapse`] a projection is made with and
//! draws random values from its streams.

pub use network_spec::expression::{Expression, Pair};
pub use network_spec::synapse::{
    delay_steps, BernoulliSynapse, QuantalStpSynapse, StaticSynapse, StaticSynapseHomW,
    StdpPlSynapseHom, StdpSynapse, StdpSynapseHom, StdpTripletSynapse, SynapseFields,
    SynapseParams, Tsodyks2Synapse, TsodyksSynapse, VogelsSprekelerSynapse, MAX_DELAY_STEPS,
};
pub use network_spec::value::{Draw, Value};

use crate::error::Result;
use crate::rng::Stream;
use crate::time::Resolution;
use network_spec::params::{ParamInfo, Parameters};
use rand::RngExt;
use rand_distr::{Distribution, LogNormal, Normal};

/// Draws a [`Value`] from one of the engine's random streams.
pub trait SampleValue {
    /// Draws one value (the constant needs no draw).
    fn sample(&self, rng: &mut Stream) -> Result<f64>;
    /// Draws one value for the pair of neurons `pair` (read by an expression of
    /// positions only).
    fn sample_at(&self, pair: Option<&Pair>, rng: &mut Stream) -> Result<f64>;
}

impl SampleValue for Value {
    fn sample(&self, rng: &mut Stream) -> Result<f64> {
        self.draw(&mut StreamDraw(rng))
    }

    fn sample_at(&self, pair: Option<&Pair>, rng: &mut Stream) -> Result<f64> {
        self.draw_at(pair, &mut StreamDraw(rng))
    }
}

/// A random stream as the source of a value's draws.
pub(crate) struct StreamDraw<'a>(pub &'a mut Stream);

impl Draw for StreamDraw<'_> {
    fn uniform(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    fn normal(&mut self, mean: f64, std: f64) -> std::result::Result<f64, String> {
        Normal::new(mean, std)
            .map(|n| n.sample(self.0))
            .map_err(|e| e.to_string())
    }

    fn lognormal(&mut self, mu: f64, sigma: f64) -> std::result::Result<f64, String> {
        LogNormal::new(mu, sigma)
            .map(|n| n.sample(self.0))
            .map_err(|e| e.to_string())
    }
}

/// Declares [`Synapse`], one variant per synapse model, with what every model answers
/// the same way (through [`SynapseFields`] and [`SynapseParams`]).
macro_rules! synapse_enum {
    ($( $(#[$attr:meta])* $variant:ident($ty:ident) ),* $(,)?) => {
        /// The synapse a projection is made with: static, plastic or stochastic.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Synapse {
            $( $(#[$attr])* $variant($ty), )*
        }

        impl Synapse {
            /// The registry's synapse model this synapse is made of (a variant's base).
            pub const fn kind(&self) -> network_spec::SynapseModel {
                match self {
                    $( Synapse::$variant(_) => network_spec::SynapseModel::$variant, )*
                }
            }

            /// The model name (NEST's or the variant's).
            pub fn model(&self) -> &str {
                match self {
                    $( Synapse::$variant(s) => &s.model, )*
                }
            }

            /// The name, weight, delay and receptor port, as a static synapse (what is
            /// stored the same way for every model).
            pub fn base(&self) -> StaticSynapse {
                match self {
                    $( Synapse::$variant(s) => StaticSynapse {
                        model: s.model.clone(),
                        weight: s.weight.clone(),
                        delay: s.delay.clone(),
                        receptor_type: s.receptor_type,
                    }, )*
                }
            }

            /// NEST's `receptor_type`: the receptor port fed (0: the weight's sign picks
            /// the channel).
            pub fn receptor_type(&self) -> u16 {
                match self {
                    $( Synapse::$variant(s) => s.receptor_type, )*
                }
            }

            /// The parameters its target neuron model must have (`tau_minus` for STDP).
            pub fn target_parameters(&self) -> &'static [&'static str] {
                match self {
                    $( Synapse::$variant(_) => <$ty as SynapseParams>::TARGET_PARAMETERS, )*
                }
            }

            /// The model's parameter table (besides weight and delay).
            pub fn parameters(&self) -> &'static [ParamInfo] {
                match self {
                    $( Synapse::$variant(_) => <$ty as Parameters>::PARAMETERS, )*
                }
            }

            /// The value of parameter `name` of the table.
            pub fn get(&self, name: &str) -> Option<f64> {
                match self {
                    $( Synapse::$variant(s) => Parameters::get(s, name), )*
                }
            }

            /// Checks every parameter as NEST does; `entity` names the projection.
            pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
                match self {
                    $( Synapse::$variant(s) => s.validate(entity, res), )*
                }
            }
        }

        $(
            impl From<$ty> for Synapse {
                fn from(s: $ty) -> Self {
                    Synapse::$variant(s)
                }
            }
            impl From<&$ty> for Synapse {
                fn from(s: &$ty) -> Self {
                    Synapse::$variant(s.clone())
                }
            }
        )*
    };
}

synapse_enum! {
    /// `static_synapse` (or a variant).
    Static(StaticSynapse),
    /// `stdp_synapse` (or a variant).
    Stdp(StdpSynapse),
    /// `tsodyks_synapse` (or a variant).
    Tsodyks(TsodyksSynapse),
    /// `tsodyks2_synapse` (or a variant).
    Tsodyks2(Tsodyks2Synapse),
    /// `stdp_pl_synapse_hom` (or a variant); its common parameters are the projection's.
    StdpPlHom(StdpPlSynapseHom),
    /// `stdp_synapse_hom` (or a variant); its common parameters are the projection's.
    StdpHom(StdpSynapseHom),
    /// `static_synapse_hom_w` (or a variant); one weight for the projection.
    StaticHomW(StaticSynapseHomW),
    /// `bernoulli_synapse` (or a variant).
    Bernoulli(BernoulliSynapse),
    /// `quantal_stp_synapse` (or a variant).
    QuantalStp(QuantalStpSynapse),
    /// `vogels_sprekeler_synapse` (or a variant).
    VogelsSprekeler(VogelsSprekelerSynapse),
    /// `stdp_triplet_synapse` (or a variant).
    StdpTriplet(StdpTripletSynapse),
}

impl From<&Synapse> for Synapse {
    fn from(s: &Synapse) -> Self {
        s.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Purpose, Seed};

    #[test]
    fn bounded_normal_respects_bounds() {
        let mut rng = Seed(3).stream(Purpose::SynapseParams, 0, 0);
        let v = Value::Normal {
            mean: 1.0,
            std: 2.0,
            min: Some(0.5),
            max: Some(1.5),
        };
        for _ in 0..1000 {
            let x = v.sample(&mut rng).unwrap();
            assert!((0.5..=1.5).contains(&x));
        }
        assert!(Value::Uniform { min: 2.0, max: 1.0 }
            .validate("p", "weight")
            .is_err());
    }
}
