//! Synapse models: their parameters, weights and delays are vocabulary
//! (`network_spec::synapse`: `static_synapse`, `stdp_synapse`, `tsodyks_synapse`,
//! `tsodyks2_synapse`); the engine adds the [`Synapse`] a projection is made with and
//! draws random values from its streams.

pub use network_spec::synapse::{
    delay_steps, StaticSynapse, StdpSynapse, SynapseFields, SynapseParams, Tsodyks2Synapse,
    TsodyksSynapse, MAX_DELAY_STEPS,
};
pub use network_spec::value::{Draw, Value};

use crate::error::Result;
use crate::rng::Stream;
use crate::time::Resolution;
use rand::RngExt;
use rand_distr::{Distribution, LogNormal, Normal};

/// Draws a [`Value`] from one of the engine's random streams.
pub trait SampleValue {
    /// Draws one value (the constant needs no draw).
    fn sample(&self, rng: &mut Stream) -> Result<f64>;
}

impl SampleValue for Value {
    fn sample(&self, rng: &mut Stream) -> Result<f64> {
        self.draw(&mut StreamDraw(rng))
    }
}

/// A random stream as the source of a value's draws.
struct StreamDraw<'a>(&'a mut Stream);

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

/// The synapse a projection is made with: static or plastic.
#[derive(Debug, Clone, PartialEq)]
pub enum Synapse {
    /// `static_synapse` (or a variant).
    Static(StaticSynapse),
    /// `stdp_synapse` (or a variant).
    Stdp(StdpSynapse),
    /// `tsodyks_synapse` (or a variant).
    Tsodyks(TsodyksSynapse),
    /// `tsodyks2_synapse` (or a variant).
    Tsodyks2(Tsodyks2Synapse),
}

impl Synapse {
    /// The model name (NEST's or the variant's).
    pub fn model(&self) -> &str {
        match self {
            Synapse::Static(s) => &s.model,
            Synapse::Stdp(s) => &s.model,
            Synapse::Tsodyks(s) => &s.model,
            Synapse::Tsodyks2(s) => &s.model,
        }
    }

    /// The name, weight and delay, as a static synapse (what is stored the same way for
    /// every model).
    pub fn base(&self) -> StaticSynapse {
        let (model, weight, delay) = match self {
            Synapse::Static(s) => return s.clone(),
            Synapse::Stdp(s) => (&s.model, s.weight, s.delay),
            Synapse::Tsodyks(s) => (&s.model, s.weight, s.delay),
            Synapse::Tsodyks2(s) => (&s.model, s.weight, s.delay),
        };
        StaticSynapse {
            model: model.clone(),
            weight,
            delay,
            receptor_type: 0,
        }
    }

    /// NEST's `receptor_type`: the receptor port fed (0: the weight's sign picks the
    /// channel). Plastic synapses feed port 0.
    pub fn receptor_type(&self) -> u16 {
        match self {
            Synapse::Static(s) => s.receptor_type,
            _ => 0,
        }
    }

    /// Checks every parameter as NEST does; `entity` names the projection.
    pub fn validate(&self, entity: &str, res: &Resolution) -> Result<()> {
        match self {
            Synapse::Static(s) => s.validate(entity, res),
            Synapse::Stdp(s) => s.validate(entity, res),
            Synapse::Tsodyks(s) => s.validate(entity, res),
            Synapse::Tsodyks2(s) => s.validate(entity, res),
        }
    }
}

macro_rules! into_synapse {
    ($($ty:ident => $variant:ident),*) => {$(
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
    )*};
}

into_synapse!(StaticSynapse => Static, StdpSynapse => Stdp, TsodyksSynapse => Tsodyks,
    Tsodyks2Synapse => Tsodyks2);

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
