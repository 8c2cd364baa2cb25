//! Stimulation devices at work in one block of neurons: each writes its events into the
//! block's ring buffers, at the step the event arrives.

use super::poisson::{sends_in, PoissonDrive};

mod dense;
mod draw_ahead;
use super::rate_drive::RateDrive;
use super::ring::Ring;
use crate::devices::ListedSpike;
use crate::rng::Stream;
use rand_distr::{Distribution, StandardNormal};

/// Whether a current generator with window `window` (steps) acts in step `s`:
/// `t_min < s + 2 <= t_max`, NEST's timing of `dc_generator`, which the step, ac and
/// noise currents share.
#[inline]
fn current_in(window: (i64, i64), s: i64) -> bool {
    window.0 < s + 2 && s + 2 <= window.1
}

/// What a generator does, with its window in steps (see `devices`).
#[derive(Debug, Clone)]
pub(crate) enum StimulusKind {
    /// Constant current; active in steps `s` with `t_min < s + 2 <= t_max`.
    Dc { amplitude: f64, window: (i64, i64) },
    /// Poisson trains; active in steps `s` with `t_min < s <= t_max`.
    Poisson {
        /// Mean count per target and step (`rate · h`).
        mean: f64,
        /// The drive of this block's targets (built per block).
        drive: PoissonDrive,
        window: (i64, i64),
    },
    /// Listed spikes `(stamp, weight factor, multiplicity)`, sorted by stamp; emitted in
    /// step `stamp − 1` when `t_min < stamp <= t_max`.
    Spikes {
        spikes: std::sync::Arc<[ListedSpike]>,
        window: (i64, i64),
    },
    /// Piecewise constant current with the dc timing: from stamp `S` on (set in step
    /// `S − 1`), the amplitude of that change.
    StepCurrent {
        /// `(stamp, amplitude)`, stamps strictly increasing.
        changes: std::sync::Arc<[crate::spec::devices::AmplitudeStep]>,
        /// The next change not yet applied.
        next: usize,
        /// The amplitude now (pA).
        amplitude: f64,
        window: (i64, i64),
    },
    /// Sine current with the dc timing: an oscillator rotated every step, started at each
    /// run from `amplitude · (cos, sin)(ω t + φ)` as NEST's `pre_run_hook`.
    Ac {
        amplitude: f64,
        offset: f64,
        /// ω (rad/ms).
        omega: f64,
        /// φ (rad).
        phase: f64,
        /// The rotation of one step: (cos, sin) of ω·h.
        rotation: (f64, f64),
        /// Oscillator state (y0, y1).
        oscillator: (f64, f64),
        window: (i64, i64),
    },
    /// Spike counts from a rate law (see `rate_drive`); active in steps `s` with
    /// `t_min < s <= t_max`, as the Poisson trains.
    Rate {
        drive: RateDrive,
        /// The resolution (ms).
        h: f64,
        /// Tics per step.
        tics_per_step: i64,
        /// The stream every block of the generator draws alike (shared trains, the
        /// parent train of a `mip_generator`); boxed, as it is large.
        shared: Box<Stream>,
        window: (i64, i64),
    },
    /// Gaussian noise current with the dc timing, redrawn every `dt` steps.
    Noise {
        mean: f64,
        std: f64,
        std_mod: f64,
        /// Angular frequency of the modulation (rad/ms).
        omega: f64,
        /// Phase of the modulation (rad).
        phase: f64,
        /// Rotation of the modulation oscillator per step: (cos, sin) of ω·h.
        rotation: (f64, f64),
        /// Oscillator state (y0, y1) = (cos, sin) of the phase, set at the start of
        /// every run and turned by `rotation` on every active step.
        oscillator: (f64, f64),
        dt: i64,
        window: (i64, i64),
    },
}

impl StimulusKind {
    /// A `noise_generator`'s checked stimulus on grid `res`, as NEST's `pre_run_hook`
    /// sets it up: ω = 2π·frequency/1000 per ms, the phase in radians, the oscillator
    /// turned by ω·h per step (its state is set again at the start of every run).
    pub(crate) fn noise(
        g: &crate::devices::NoiseGenerator,
        entity: &str,
        res: &crate::time::Resolution,
    ) -> crate::error::Result<Self> {
        let (window, dt) = g.validate(entity, res)?;
        let omega = 2.0 * std::f64::consts::PI * g.frequency / 1000.0;
        let phase = g.phase * 2.0 * std::f64::consts::PI / 360.0;
        let omega_h = omega * res.ms();
        Ok(StimulusKind::Noise {
            mean: g.mean,
            std: g.std,
            std_mod: g.std_mod,
            omega,
            phase,
            rotation: (omega_h.cos(), omega_h.sin()),
            oscillator: (phase.cos(), phase.sin()),
            dt,
            window,
        })
    }

    /// Whether the generator sends current (dc, ac, step current, noise) rather than
    /// spikes.
    pub fn emits_current(&self) -> bool {
        match self {
            StimulusKind::Dc { .. }
            | StimulusKind::Noise { .. }
            | StimulusKind::StepCurrent { .. }
            | StimulusKind::Ac { .. } => true,
            StimulusKind::Poisson { .. }
            | StimulusKind::Spikes { .. }
            | StimulusKind::Rate { .. } => false,
        }
    }

    /// Sets the state a run starts from, at `t_ms` (the network's time): the
    /// oscillator of an `ac_generator`.
    /// `slice_len` is NEST's `min_delay` in steps; `targets` the block's targets.
    pub fn begin_run(&mut self, t_ms: f64, slice_len: i64, targets: usize) {
        if let StimulusKind::Rate { drive, h, .. } = self {
            drive.begin_run(t_ms, *h, slice_len, targets);
        }
        if let StimulusKind::Ac {
            amplitude,
            omega,
            phase,
            oscillator,
            ..
        } = self
        {
            let angle = *omega * t_ms + *phase;
            *oscillator = (*amplitude * angle.cos(), *amplitude * angle.sin());
        }
        // NEST's `noise_generator::pre_run_hook` sets its oscillator to the phase at the
        // run's start, whether or not it turned while inactive.
        if let StimulusKind::Noise {
            omega,
            phase,
            oscillator,
            ..
        } = self
        {
            let angle = *omega * t_ms + *phase;
            *oscillator = (angle.cos(), angle.sin());
        }
    }

    /// The same stimulus for a block of `n` targets.
    pub fn for_block(&self, n: usize) -> Self {
        match self {
            StimulusKind::Poisson { mean, window, .. } => StimulusKind::Poisson {
                mean: *mean,
                drive: PoissonDrive::new(*mean, n),
                window: *window,
            },
            other => other.clone(),
        }
    }
}

/// One generator's connections to the neurons of one block.
#[derive(Debug, Clone)]
pub(crate) struct BlockStimulus {
    pub kind: StimulusKind,
    /// Targets, as indices within the block.
    pub targets: Vec<u32>,
    /// Synaptic weight of each target's connection.
    pub weights: Vec<f64>,
    /// Delay in steps of each target's connection.
    pub delays: Vec<u16>,
    /// The stream of this generator in this block.
    pub rng: Stream,
    /// Next spike of a spike generator, or next redraw step of a noise generator.
    pub cursor: i64,
    /// Current amplitude per target of a noise generator.
    pub amplitudes: Vec<f64>,
    /// The weight and delay of every connection, when they are all the same.
    pub shared: Option<(f64, u16)>,
    /// Per-target counts of one step (scratch for the Poisson drive).
    counts: Vec<u32>,
    /// The step whose dense Poisson counts are being drawn ahead of [`Self::apply`], and
    /// how many of them are drawn ([`Self::begin_drawing_ahead`]).
    drawn_ahead: Option<(i64, usize)>,
    /// A dense Poisson drive's first step whose counts are not drawn yet (`None` before
    /// its first step; `stimulus::dense`).
    next_sent: Option<i64>,
    /// The spike channel of the targets' receptor port (`receptor_type − 1`), or `None`
    /// when the channel follows the weight's sign.
    pub port_channel: Option<usize>,
    /// The first target, when the targets are consecutive neurons of the block.
    consecutive_from: Option<usize>,
    /// The generator's index in the network (creation order).
    pub device: usize,
}

impl BlockStimulus {
    /// `kind`'s connections to `targets` (indices within the block) with their weights
    /// and delays (steps), drawing from `rng`.
    pub fn new(
        kind: StimulusKind,
        targets: Vec<u32>,
        weights: Vec<f64>,
        delays: Vec<u16>,
        rng: Stream,
    ) -> Self {
        let shared = match (weights.first(), delays.first()) {
            (Some(&w), Some(&d))
                if weights.iter().all(|&x| x.to_bits() == w.to_bits())
                    && delays.iter().all(|&x| x == d) =>
            {
                Some((w, d))
            }
            _ => None,
        };
        let n = targets.len();
        let consecutive_from = match targets.first() {
            Some(&first) if targets.iter().zip(first..).all(|(&t, i)| t == i) => {
                Some(first as usize)
            }
            _ => None,
        };
        Self {
            consecutive_from,
            kind: kind.for_block(n),
            targets,
            weights,
            delays,
            rng,
            cursor: 0,
            amplitudes: vec![0.0; n],
            shared,
            counts: vec![0; n],
            drawn_ahead: None,
            next_sent: None,
            port_channel: None,
            device: 0,
        }
    }
}

/// Adds `amplitude` (pA), times each connection's weight, to every target's current
/// after its delay from the ring's slot `now`.
/// The listed spikes a `spike_generator` sends in step `s` (stamped `s + 1`) inside its
/// `window` (`t_min < stamp <= t_max`), searched from `cursor`, which moves past them
/// (spikes stamped earlier, never sent, are skipped).
pub(crate) fn due_spikes<'a>(
    spikes: &'a [ListedSpike],
    window: (i64, i64),
    cursor: &mut i64,
    s: i64,
) -> impl Iterator<Item = &'a ListedSpike> {
    let mut first = *cursor as usize;
    while first < spikes.len() && spikes[first].stamp - 1 < s {
        first += 1;
    }
    let mut end = first;
    while end < spikes.len() && spikes[end].stamp - 1 == s {
        end += 1;
    }
    *cursor = end as i64;
    spikes[first..end]
        .iter()
        .filter(move |spike| window.0 < spike.stamp && spike.stamp <= window.1)
}

fn add_current(
    (targets, weights, delays): (&[u32], &[f64], &[u16]),
    ring: &mut Ring,
    now: usize,
    amplitude: f64,
) {
    let current = ring.current_channel();
    for k in 0..targets.len() {
        let at = ring.slot_after(now, usize::from(delays[k]));
        ring.add(at, current, targets[k] as usize, weights[k] * amplitude);
    }
}

impl BlockStimulus {
    /// Sets the state a run starting at `t_ms` begins from (see
    /// [`StimulusKind::begin_run`]).
    pub fn begin_run(&mut self, t_ms: f64, slice_len: i64) {
        let n = self.targets.len();
        self.kind.begin_run(t_ms, slice_len, n);
    }

    /// Emits this generator's events of step `s` into `ring`. `channel` maps a weight to
    /// the target model's spike channel. Inlined into the block's work, which is compiled
    /// for the processor's vector width (`engine::wide`).
    #[inline(always)]
    pub fn apply(&mut self, s: i64, ring: &mut Ring, channel: impl Fn(f64) -> usize) {
        if self.is_dense() {
            // Dense drive through identical synapses: all counts at once (those not drawn
            // ahead), then one row of the ring (`stimulus::dense`).
            self.send_until(s, s + 1, ring, channel);
            return;
        }
        let now = ring.slot(s);
        let at = |ring: &Ring, delay: u16| ring.slot_after(now, usize::from(delay));
        let current = ring.current_channel();
        match &mut self.kind {
            StimulusKind::Dc { amplitude, window } => {
                if current_in(*window, s) {
                    for k in 0..self.targets.len() {
                        ring.add(
                            at(ring, self.delays[k]),
                            current,
                            self.targets[k] as usize,
                            self.weights[k] * *amplitude,
                        );
                    }
                }
            }
            StimulusKind::Poisson { drive, window, .. } => {
                if sends_in(*window, s) {
                    let (targets, weights, delays) = (&self.targets, &self.weights, &self.delays);
                    drive.step(targets.len(), &mut self.rng, |k, n| {
                        let value = weights[k] * f64::from(n);
                        ring.add(
                            at(ring, delays[k]),
                            channel(value),
                            targets[k] as usize,
                            value,
                        );
                    });
                }
            }
            StimulusKind::Spikes { spikes, window } => {
                for spike in due_spikes(spikes, *window, &mut self.cursor, s) {
                    for k in 0..self.targets.len() {
                        let value = spike.factor * self.weights[k] * f64::from(spike.multiplicity);
                        ring.add(
                            at(ring, self.delays[k]),
                            channel(value),
                            self.targets[k] as usize,
                            value,
                        );
                    }
                }
            }
            StimulusKind::StepCurrent {
                changes,
                next,
                amplitude,
                window,
            } => {
                while *next < changes.len() && changes[*next].0 <= s + 1 {
                    *amplitude = changes[*next].1;
                    *next += 1;
                }
                if current_in(*window, s) {
                    add_current(
                        (&self.targets, &self.weights, &self.delays),
                        ring,
                        now,
                        *amplitude,
                    );
                }
            }
            StimulusKind::Ac {
                offset,
                rotation,
                oscillator,
                window,
                ..
            } => {
                // NEST rotates the oscillator in every step, active or not.
                let (y0, y1) = *oscillator;
                *oscillator = (
                    rotation.0 * y0 + -rotation.1 * y1,
                    rotation.1 * y0 + rotation.0 * y1,
                );
                if current_in(*window, s) {
                    let current = oscillator.1 + *offset;
                    add_current(
                        (&self.targets, &self.weights, &self.delays),
                        ring,
                        now,
                        current,
                    );
                }
            }
            StimulusKind::Rate {
                drive,
                h,
                tics_per_step,
                shared,
                window,
            } => {
                let counts = &mut self.counts;
                let grid = (*h, *tics_per_step);
                if drive.step(s, grid, *window, (&mut self.rng, &mut **shared), counts) {
                    for (k, &n) in counts.iter().enumerate() {
                        if n > 0 {
                            let value = self.weights[k] * f64::from(n);
                            ring.add(
                                at(ring, self.delays[k]),
                                channel(value),
                                self.targets[k] as usize,
                                value,
                            );
                        }
                    }
                }
            }
            StimulusKind::Noise {
                mean,
                std,
                std_mod,
                rotation,
                oscillator,
                dt,
                window,
                ..
            } => {
                if !current_in(*window, s) {
                    return;
                }
                if *std_mod != 0.0 {
                    let (y0, y1) = *oscillator;
                    *oscillator = (
                        rotation.0 * y0 - rotation.1 * y1,
                        rotation.1 * y0 + rotation.0 * y1,
                    );
                }
                if s >= self.cursor {
                    let sigma = (*std * *std + oscillator.1 * *std_mod * *std_mod).sqrt();
                    for amp in &mut self.amplitudes {
                        let z: f64 = StandardNormal.sample(&mut self.rng);
                        *amp = *mean + sigma * z;
                    }
                    self.cursor = s + *dt;
                }
                for k in 0..self.targets.len() {
                    ring.add(
                        at(ring, self.delays[k]),
                        current,
                        self.targets[k] as usize,
                        self.weights[k] * self.amplitudes[k],
                    );
                }
            }
        }
    }
}
