//! A population of rate neurons at work: its state, its input buffers and NEST's
//! `rate_neuron_ipn::update_` over one communication interval, either as a waveform-
//! relaxation iteration (state restored afterwards, input kept) or as the final update.

use crate::error::{Error, Result};
use crate::models::rate::RateParams;
use crate::models::rate::{rate_step, RateInput, RateNonlinearity, RatePropagators};
use crate::models::Recordable;
use crate::rng::Stream;
use rand_distr::{Distribution, StandardNormal};

/// What the rate system asks of a population, whatever its model.
pub(crate) trait RatePopulationDyn: Send + Sync {
    /// NEST's model name.
    fn model_name(&self) -> &'static str;
    /// The population's name.
    fn name(&self) -> &str;
    /// Sets `name` to `value` between runs, as NEST's `SetStatus`: `rate` (the state) of
    /// neurons `indices` (all when `None`), or a parameter of the whole population,
    /// checked as at creation, its propagators recomputed for the resolution `h` (ms).
    fn set(&mut self, name: &str, value: f64, indices: Option<&[u32]>, h: f64) -> Result<()>;
    /// The number of neurons of the whole population (every rank's).
    fn size(&self) -> usize;
    /// The buffers every model shares.
    fn buffers(&mut self) -> &mut RateBuffers;
    /// The buffers, read only.
    fn buffers_ref(&self) -> &RateBuffers;
    /// What an incoming connection adds for rate `value` of its source: `value`, or
    /// `φ(value)` when the model sums nonlinearly (`linear_summation` 0).
    fn transform(&self, value: f64) -> f64;
    /// Updates every neuron over lags `from..to` of the interval starting at step
    /// `origin` and writes each neuron's rate at the start of each of those steps to
    /// `sent` (`len` per neuron, indexed by lag; other lags untouched). A waveform-
    /// relaxation iteration (`wfr` with tolerance `tol`) restores the state afterwards
    /// and returns whether some rate moved by more than `tol` since the last iteration;
    /// the final update consumes the delayed input and draws the next normal numbers.
    /// Either clears the instantaneous input of every lag, as NEST does.
    fn update(
        &mut self,
        origin: i64,
        lags: std::ops::Range<usize>,
        wfr: Option<f64>,
        sent: &mut [f64],
    ) -> bool;
}

/// The state and input buffers of the neurons of a rate population this rank owns (`n`
/// neurons, from the population's neuron `first` on, of `total`; intervals of `len`
/// steps at most, delayed input `ring` steps ahead).
#[derive(Debug)]
pub(crate) struct RateBuffers {
    pub n: usize,
    /// The population index of this rank's first neuron.
    pub first: usize,
    /// The population's size over all ranks.
    pub total: usize,
    /// The interval length (NEST's `min_delay`, steps).
    pub len: usize,
    /// Slots of the delayed-input rings, indexed by absolute step modulo `ring`.
    pub ring: usize,
    pub rate: Vec<f64>,
    pub noise: Vec<f64>,
    /// Delayed input, `ring` slots per neuron.
    pub delayed_ex: Vec<f64>,
    pub delayed_in: Vec<f64>,
    /// Instantaneous input of this interval, `len` per neuron.
    pub instant_ex: Vec<f64>,
    pub instant_in: Vec<f64>,
    /// Each lag's rate of the last waveform-relaxation iteration, `len` per neuron.
    pub last_y: Vec<f64>,
    /// Standard normal numbers of this interval, `len` per neuron (the same in every
    /// iteration).
    pub xi: Vec<f64>,
    /// Rate and noise after each step of the final update, `len` per neuron.
    pub rec_rate: Vec<f64>,
    pub rec_noise: Vec<f64>,
    /// One stream per neuron, keyed by the neuron (not the rank).
    pub streams: Vec<Stream>,
}

impl RateBuffers {
    /// The buffers of the neurons `owned` of a population of `total`, each at rate
    /// `rate`, with one stream per owned neuron.
    pub fn new(
        owned: std::ops::Range<usize>,
        total: usize,
        len: usize,
        ring: usize,
        rate: f64,
        streams: Vec<Stream>,
    ) -> Self {
        let n = owned.len();
        let mut b = Self {
            n,
            first: owned.start,
            total,
            len,
            ring,
            rate: vec![rate; n],
            noise: vec![0.0; n],
            delayed_ex: vec![0.0; n * ring],
            delayed_in: vec![0.0; n * ring],
            instant_ex: vec![0.0; n * len],
            instant_in: vec![0.0; n * len],
            last_y: vec![0.0; n * len],
            xi: vec![0.0; n * len],
            rec_rate: vec![0.0; n * len],
            rec_noise: vec![0.0; n * len],
            streams,
        };
        b.draw();
        b
    }

    /// Draws the next interval's normal numbers.
    pub fn draw(&mut self) {
        for (i, stream) in self.streams.iter_mut().enumerate() {
            for x in &mut self.xi[i * self.len..(i + 1) * self.len] {
                *x = StandardNormal.sample(stream);
            }
        }
    }

    /// Adds `value` to the delayed input of neuron `i` at absolute step `step`.
    #[inline]
    pub fn add_delayed(&mut self, i: usize, step: i64, value: f64, excitatory: bool) {
        let slot = i * self.ring + step.rem_euclid(self.ring as i64) as usize;
        if excitatory {
            self.delayed_ex[slot] += value;
        } else {
            self.delayed_in[slot] += value;
        }
    }

    /// Adds `value` to the instantaneous input of neuron `i` at lag `lag`.
    #[inline]
    pub fn add_instant(&mut self, i: usize, lag: usize, value: f64, excitatory: bool) {
        let slot = i * self.len + lag;
        if excitatory {
            self.instant_ex[slot] += value;
        } else {
            self.instant_in[slot] += value;
        }
    }

    /// The value of `var` of neuron `i` after lag `lag` of the last final update.
    pub fn recorded(&self, var: Recordable, i: usize, lag: usize) -> f64 {
        match var {
            Recordable::noise => self.rec_noise[i * self.len + lag],
            _ => self.rec_rate[i * self.len + lag],
        }
    }
}

/// A rate population of model `M`.
pub(crate) struct RatePopulation<M: RateNonlinearity> {
    pub name: String,
    pub params: M,
    pub propagators: RatePropagators,
    pub buffers: RateBuffers,
}

impl<M: RateNonlinearity> RatePopulationDyn for RatePopulation<M> {
    fn model_name(&self) -> &'static str {
        M::NAME
    }

    fn size(&self) -> usize {
        self.buffers.total
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn set(&mut self, name: &str, value: f64, indices: Option<&[u32]>, h: f64) -> Result<()> {
        let entity = self.name.as_str();
        if name == "rate" {
            if !value.is_finite() {
                return Err(Error::invalid(entity, "rate", value, "must be finite"));
            }
            match indices {
                None => self.buffers.rate.fill(value),
                Some(list) => {
                    // Indices of the population; this rank holds `first..first + n`.
                    let (first, n) = (self.buffers.first, self.buffers.n);
                    for &i in list {
                        if let Some(local) = (i as usize).checked_sub(first).filter(|&l| l < n) {
                            self.buffers.rate[local] = value;
                        }
                    }
                }
            }
            return Ok(());
        }
        if indices.is_some() {
            return Err(Error::invalid(
                entity,
                name,
                value,
                "the neurons of a rate population share their parameters: set it on the \
                 whole population (only `rate` is set per neuron)",
            ));
        }
        let mut params = self.params.clone();
        params.set(entity, name, value)?;
        RateParams::validate(&params, entity)?;
        self.propagators = RatePropagators::new(&params, h);
        self.params = params;
        Ok(())
    }

    fn buffers(&mut self) -> &mut RateBuffers {
        &mut self.buffers
    }

    fn buffers_ref(&self) -> &RateBuffers {
        &self.buffers
    }

    fn transform(&self, value: f64) -> f64 {
        if self.params.linear_summation() {
            value
        } else {
            self.params.input(value)
        }
    }

    fn update(
        &mut self,
        origin: i64,
        lags: std::ops::Range<usize>,
        wfr: Option<f64>,
        sent: &mut [f64],
    ) -> bool {
        let m = &self.params;
        let p = &self.propagators;
        let b = &mut self.buffers;
        let stride = b.len;
        let mut exceeded = false;
        for i in 0..b.n {
            let mut rate = b.rate[i];
            let mut noise = b.noise[i];
            for lag in lags.clone() {
                let k = i * stride + lag;
                sent[k] = rate;
                noise = m.sigma() * b.xi[k];
                let slot = i * b.ring + (origin + lag as i64).rem_euclid(b.ring as i64) as usize;
                let input = RateInput {
                    delayed_ex: b.delayed_ex[slot],
                    delayed_in: b.delayed_in[slot],
                    instant_ex: b.instant_ex[k],
                    instant_in: b.instant_in[k],
                };
                rate = rate_step(m, p, rate, noise, input);
                match wfr {
                    Some(tol) => {
                        exceeded |= (rate - b.last_y[k]).abs() > tol;
                        b.last_y[k] = rate;
                    }
                    None => {
                        b.delayed_ex[slot] = 0.0;
                        b.delayed_in[slot] = 0.0;
                        b.rec_rate[k] = rate;
                        b.rec_noise[k] = noise;
                    }
                }
            }
            if wfr.is_none() {
                b.rate[i] = rate;
                b.noise[i] = noise;
            }
        }
        b.instant_ex.fill(0.0);
        b.instant_in.fill(0.0);
        if wfr.is_none() {
            b.last_y.fill(0.0);
            b.draw();
        }
        exceeded
    }
}
