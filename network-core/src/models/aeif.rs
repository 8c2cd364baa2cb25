//! What the `aeif_*` models share: the adaptive exponential membrane (Brette &
//! Gerstner 2005) in NEST 3.10's operation order, and NEST's step loop, which checks
//! `V_m >= V_peak` after every integrator step, resets and adapts there, and clamps
//! `V_m` to `V_reset` while refractory.

use super::rkf45::{evolve_apply, Control, Ode};
use super::Recordable;
use crate::time::Resolution;

/// The [`AeifMembrane`] of an aeif model's parameters `$p` (NEST's names, which every
/// aeif model shares) at resolution `$res`, with reversal potentials `$e_ex`, `$e_in`
/// (mV; 0 for the current-based models, which do not read them).
macro_rules! aeif_membrane {
    ($p:expr, $res:expr, $e_ex:expr, $e_in:expr) => {
        $crate::models::aeif::AeifMembrane::new(
            $res,
            ($p.g_L, $p.E_L, $p.Delta_T, $p.V_th, $p.C_m, $p.I_e),
            ($p.a, $p.b, $p.tau_w),
            ($p.V_reset, $p.V_peak, $p.t_ref),
            ($e_ex, $e_in),
            $p.gsl_error_tol,
        )
    };
}
pub(super) use aeif_membrane;

/// Index of `V_m` in every aeif state vector.
pub(super) const V_M: usize = 0;

/// The synaptic input of an aeif model, in NEST's sign convention.
#[derive(Debug, Clone, Copy)]
pub(super) enum Synaptic {
    /// Excitatory and inhibitory conductances (nS, both positive), driving towards
    /// `E_ex` and `E_in`.
    Conductances(f64, f64),
    /// Excitatory and inhibitory currents (pA, both positive; the inhibitory one is
    /// subtracted).
    Currents(f64, f64),
    /// The total synaptic current (pA), added as it is: the multisynapse model's
    /// `Σ g_k (E_rev_k − V)`.
    Total(f64),
}

/// What the two synaptic state variables of an aeif model with an excitatory and an
/// inhibitory synapse are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drive {
    /// Conductances (nS): `aeif_cond_*`.
    Conductances,
    /// Currents (pA): `aeif_psc_*`.
    Currents,
}

impl Drive {
    /// The synaptic input of excitatory and inhibitory variables `ex`, `inh`.
    #[inline]
    pub(super) fn synaptic(self, ex: f64, inh: f64) -> Synaptic {
        match self {
            Drive::Conductances => Synaptic::Conductances(ex, inh),
            Drive::Currents => Synaptic::Currents(ex, inh),
        }
    }

    /// The recordables of the excitatory and inhibitory variables.
    pub(super) fn recordables(self) -> (Recordable, Recordable) {
        match self {
            Drive::Conductances => (Recordable::g_ex, Recordable::g_in),
            Drive::Currents => (Recordable::I_syn_ex, Recordable::I_syn_in),
        }
    }
}

/// Implements [`NeuronModel`](super::NeuronModel) for the aeif parameter type `$Model`
/// with one excitatory and one inhibitory synapse whose shape is the kernel module
/// `$kernel` (`aeif_exp`, `aeif_alpha`), read as `$drive`, with the membrane
/// `$membrane` (an expression of the parameters `$p` and the resolution `$res`).
macro_rules! aeif_two_port_model {
    ($Model:ty, $kernel:ident, $drive:expr, |$p:ident, $res:ident| $membrane:expr) => {
        impl $crate::models::NeuronModel for $Model {
            const SPIKE_CHANNELS: usize = 2;

            type State<L: $crate::storage::Length> = $crate::models::$kernel::State<L>;
            type Block<'a> = $crate::models::$kernel::Block<'a>;
            type Propagators = $crate::models::$kernel::Constants;

            fn propagators(&self, res: &$crate::time::Resolution) -> Self::Propagators {
                let ($p, $res) = (self, res);
                $crate::models::$kernel::Constants::new(
                    $membrane,
                    $drive,
                    (self.tau_syn_ex, self.tau_syn_in),
                )
            }

            fn init_state<L: $crate::storage::Length>(&self, len: L) -> Self::State<L> {
                $crate::models::$kernel::init_state(len, self.V_m, self.w)
            }

            fn blocks<L: $crate::storage::Length>(
                state: &mut Self::State<L>,
                block_len: usize,
            ) -> Vec<Self::Block<'_>> {
                state.split(block_len)
            }

            fn set_v_m<L: $crate::storage::Length>(
                &self,
                state: &mut Self::State<L>,
                i: usize,
                v_m: f64,
            ) {
                state.y[i][$crate::models::aeif::V_M] = v_m;
            }

            fn channel(weight: f64) -> usize {
                super::zero_inhibitory(weight)
            }

            fn update(
                &self,
                c: &Self::Propagators,
                b: &mut Self::Block<'_>,
                input: $crate::models::StepInput<'_>,
                spiked: &mut dyn FnMut(u32),
            ) {
                let [ex, inh] = input.spikes.pair();
                c.update(b, (ex, inh), input.current, spiked);
            }

            fn recordable(
                &self,
                b: &Self::Block<'_>,
                var: $crate::models::Recordable,
                i: usize,
            ) -> Option<f64> {
                use $crate::models::$kernel::{S_EX, S_IN, W};
                let (ex, inh) = $drive.recordables();
                let y = &b.y[i];
                Some(match var {
                    $crate::models::Recordable::V_m => y[$crate::models::aeif::V_M],
                    $crate::models::Recordable::w => y[W],
                    v if v == ex => y[S_EX],
                    v if v == inh => y[S_IN],
                    _ => return None,
                })
            }
        }
    };
}
pub(super) use aeif_two_port_model;

/// The membrane and adaptation constants of an aeif model (NEST names, NEST units).
#[derive(Debug, Clone)]
#[allow(non_snake_case, missing_docs)]
pub struct AeifMembrane {
    pub g_L: f64,
    pub E_L: f64,
    pub Delta_T: f64,
    pub V_th: f64,
    pub C_m: f64,
    pub I_e: f64,
    pub a: f64,
    pub b: f64,
    pub tau_w: f64,
    pub V_reset: f64,
    /// The bound of `V_m` in the right-hand side (`V_peak`, also when `Delta_T == 0`).
    pub V_peak: f64,
    /// Reversal potentials of the conductance-based models (mV; unused by the others).
    pub E_ex: f64,
    pub E_in: f64,
    /// Spike detection threshold: `V_peak`, or `V_th` when `Delta_T == 0`.
    pub threshold: f64,
    /// The simulation step (ms).
    pub step: f64,
    /// Refractory period in steps.
    pub refractory_steps: u32,
    /// NEST's control: `yp_new(gsl_error_tol, gsl_error_tol)`.
    pub control: Control,
}

impl AeifMembrane {
    /// The constants of a model with these parameters at resolution `res`.
    #[allow(non_snake_case, clippy::too_many_arguments)]
    pub(super) fn new(
        res: &Resolution,
        (g_L, E_L, Delta_T, V_th, C_m, I_e): (f64, f64, f64, f64, f64, f64),
        (a, b, tau_w): (f64, f64, f64),
        (V_reset, V_peak, t_ref): (f64, f64, f64),
        (E_ex, E_in): (f64, f64),
        gsl_error_tol: f64,
    ) -> Self {
        Self {
            g_L,
            E_L,
            Delta_T,
            V_th,
            C_m,
            I_e,
            a,
            b,
            tau_w,
            V_reset,
            V_peak,
            E_ex,
            E_in,
            threshold: if Delta_T > 0.0 { V_peak } else { V_th },
            step: res.ms(),
            refractory_steps: res.steps_ceil(t_ref) as u32,
            control: Control::yp(gsl_error_tol, gsl_error_tol),
        }
    }

    /// The membrane potential the right-hand side uses: `V_reset` while refractory,
    /// `V_m` bounded by `V_peak` otherwise.
    #[inline]
    pub(super) fn v(&self, refractory: bool, v_m: f64) -> f64 {
        if refractory {
            self.V_reset
        } else {
            v_m.min(self.V_peak)
        }
    }

    /// `dV_m/dt` (mV/ms) at `v` (from [`v`](Self::v)) with synaptic input `syn`,
    /// adaptation `w` and input `i_stim` (pA); 0 while refractory.
    #[inline]
    pub(super) fn dv(&self, refractory: bool, v: f64, syn: Synaptic, w: f64, i_stim: f64) -> f64 {
        let i_spike = if self.Delta_T == 0.0 {
            0.0
        } else {
            self.g_L * self.Delta_T * ((v - self.V_th) / self.Delta_T).exp()
        };
        let leak = -self.g_L * (v - self.E_L) + i_spike;
        let with_synapses = match syn {
            Synaptic::Conductances(g_ex, g_in) => {
                let i_syn_ex = g_ex * (v - self.E_ex);
                let i_syn_in = g_in * (v - self.E_in);
                leak - i_syn_ex - i_syn_in
            }
            Synaptic::Currents(i_ex, i_in) => leak + i_ex - i_in,
            Synaptic::Total(i_syn) => leak + i_syn,
        };
        if refractory {
            0.0
        } else {
            (with_synapses - w + self.I_e + i_stim) / self.C_m
        }
    }

    /// `dw/dt` (pA/ms).
    #[inline]
    pub(super) fn dw(&self, v: f64, w: f64) -> f64 {
        (self.a * (v - self.E_L) - w) / self.tau_w
    }

    /// Advances a block of an aeif model with an excitatory and an inhibitory synapse by
    /// one step (NEST's `update`): each neuron as [`advance`](Self::advance) does, with
    /// the right-hand side `system(refractory, i_stim)`, then this step's spike input
    /// added by `add_input(y, ex, inh)` (inhibitory weights negative) and the current
    /// input kept for the next step; `spikes` and `current` are consumed.
    #[allow(clippy::type_complexity)]
    pub(super) fn step_block<const N: usize, S: Ode<N>>(
        &self,
        (y, h, i_stim, refractory): (&mut [[f64; N]], &mut [f64], &mut [f64], &mut [u32]),
        ((ex, inh), current): ((&mut [f64], &mut [f64]), &mut [f64]),
        w_index: usize,
        system: impl Fn(bool, f64) -> S,
        add_input: impl Fn(&mut [f64; N], f64, f64),
        spiked: &mut dyn FnMut(u32),
    ) {
        for i in 0..y.len() {
            let stim = i_stim[i];
            let y = &mut y[i];
            self.advance(
                |r| system(r, stim),
                w_index,
                &mut h[i],
                y,
                &mut refractory[i],
                || spiked(i as u32),
            );
            add_input(y, ex[i], inh[i]);
            ex[i] = 0.0;
            inh[i] = 0.0;
            i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    /// Advances one neuron by one simulation step as NEST's `update` does: integrator
    /// steps until the end of the step, after each one the refractory clamp or the
    /// spike check (reset to `V_reset`, `w += b`, refractory for `t_ref` steps, plus the
    /// one this step's countdown takes), then one step of the countdown. `system(r)`
    /// is the right-hand side with refractoriness `r`; `spiked` is called per spike.
    #[inline]
    pub(super) fn advance<const N: usize, S: Ode<N>>(
        &self,
        system: impl Fn(bool) -> S,
        w_index: usize,
        h: &mut f64,
        y: &mut [f64; N],
        refractory: &mut u32,
        mut spiked: impl FnMut(),
    ) {
        if h.is_nan() {
            // NEST starts the integrator with one simulation step.
            *h = self.step;
        }
        let mut t = 0.0;
        while t < self.step {
            evolve_apply(
                &system(*refractory > 0),
                &self.control,
                &mut t,
                self.step,
                h,
                y,
            );
            // NEST throws NumericalInstability here when V_m < -1e3 or |w| > 1e6 and
            // ends the simulation; the engine integrates on (see README).
            if *refractory > 0 {
                y[V_M] = self.V_reset;
            } else if y[V_M] >= self.threshold {
                y[V_M] = self.V_reset;
                y[w_index] += self.b;
                *refractory = if self.refractory_steps > 0 {
                    self.refractory_steps + 1
                } else {
                    0
                };
                spiked();
            }
        }
        if *refractory > 0 {
            *refractory -= 1;
        }
    }
}
