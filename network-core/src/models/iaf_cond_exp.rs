//! `iaf_cond_exp`: leaky integrate-and-fire neuron with exponentially decaying synaptic
//! conductances, integrated as NEST 3.10 does (GSL's RKF45 with `y_new(1e-3, 0)`, the
//! integration step carried from step to step).

use super::division::Divisor;
#[cfg(not(zmm))]
use super::lanes::Lanes;
use super::lanes::Real;
use super::rkf45::{evolve_apply, evolve_lanes, Control, Ode};
use super::soa::soa_state;
#[cfg(zmm)]
use super::{lanes::Vector, zmm::F64x16};
use super::{NeuronModel, Recordable, StepInput};
pub use network_spec::models::IafCondExp;

use crate::storage::Length;
use crate::time::Resolution;

/// NEST's control for the `iaf_cond_*` models: absolute error 1e-3 on every component.
const CONTROL: Control = Control::y(1e-3, 0.0);

/// Indices into the state vector, in NEST's order.
const V_M: usize = 0;
const G_EX: usize = 1;
const G_IN: usize = 2;

soa_state! {
    /// State of a population of `iaf_cond_exp` neurons.
    IafCondExpState / IafCondExpBlock {
        /// `V_m` (mV, absolute), `g_ex` and `g_in` (nS).
        y: [f64; 3],
        /// The integrator's step (ms), carried from step to step.
        h: f64,
        /// Current input of the previous step (pA).
        i_stim: f64,
        /// Remaining refractory steps.
        refractory: u32,
    }
}

/// `iaf_cond_exp`'s constants for one resolution.
#[derive(Debug, Clone)]
pub struct CondExpConstants {
    params: IafCondExp,
    /// The simulation step (ms).
    step: f64,
    /// Refractory period in steps.
    refractory_steps: u32,
    /// `C_m` (pF) and the synaptic time constants (ms) the dynamics divide by.
    c_m: Divisor,
    tau_syn_ex: Divisor,
    tau_syn_in: Divisor,
}

/// The right-hand side of one neuron in one step (NEST's `iaf_cond_exp_dynamics`).
struct System<'a> {
    c: &'a CondExpConstants,
    refractory: bool,
    i_stim: f64,
}

impl Ode<3> for System<'_> {
    #[inline(always)]
    fn derivatives(&self, y: &[f64; 3]) -> [f64; 3] {
        dynamics(self.c, self.refractory, self.i_stim, y)
    }
}

/// NEST's `iaf_cond_exp_dynamics` on one neuron (`T = f64`) or several side by side,
/// written without branches (selects, the voltage derivative computed and dropped while
/// refractory): the same numbers as the branches give.
#[inline(always)]
fn dynamics<T: Real>(c: &CondExpConstants, refractory: T::Mask, i_stim: T, y: &[T; 3]) -> [T; 3] {
    let (p, at) = (&c.params, T::splat);
    // V is clamped to V_reset while refractory and bounded by V_th otherwise.
    let v = T::select(refractory, at(p.V_reset), y[V_M].at_most(at(p.V_th)));
    let i_syn_ex = y[G_EX] * (v - at(p.E_ex));
    let i_syn_in = y[G_IN] * (v - at(p.E_in));
    let i_leak = at(p.g_L) * (v - at(p.E_L));
    let dv = (-i_leak + i_stim + at(p.I_e) - i_syn_ex - i_syn_in).over(&c.c_m);
    [
        T::select(refractory, at(0.0), dv),
        (-y[G_EX]).over(&c.tau_syn_ex),
        (-y[G_IN]).over(&c.tau_syn_in),
    ]
}

/// Neurons integrated side by side (`rkf45::evolve_lanes`): two AVX-512 registers' worth
/// where the crate is compiled with AVX-512, else eight.
#[cfg(zmm)]
const LANES: usize = 16;
#[cfg(not(zmm))]
const LANES: usize = 8;

/// [`System`] of [`LANES`] neurons in [`Lanes`]: each lane's derivatives are the scalar
/// system's, computed lane by lane (a loop the compiler vectorizes across the lanes
/// where AVX-512 is not enabled).
#[cfg(not(zmm))]
struct Systems<'a> {
    c: &'a CondExpConstants,
    refractory: [bool; LANES],
    i_stim: [f64; LANES],
}

#[cfg(not(zmm))]
impl Ode<3, Lanes<LANES>> for Systems<'_> {
    #[inline(always)]
    fn derivatives(&self, y: &[Lanes<LANES>; 3]) -> [Lanes<LANES>; 3] {
        // One array per component, written lane by lane: the loop compiles to vector
        // operations (divisions included) across the lanes.
        let mut out = [[0.0; LANES]; 3];
        // `l` indexes the inputs and all three outputs.
        #[allow(clippy::needless_range_loop)]
        for l in 0..LANES {
            let [dv, dg_ex, dg_in] = dynamics(
                self.c,
                self.refractory[l],
                self.i_stim[l],
                &[y[V_M].0[l], y[G_EX].0[l], y[G_IN].0[l]],
            );
            out[V_M][l] = dv;
            out[G_EX][l] = dg_ex;
            out[G_IN][l] = dg_in;
        }
        out.map(Lanes)
    }
}

/// [`System`] of [`LANES`] neurons in two AVX-512 registers per component.
#[cfg(zmm)]
struct Systems16<'a> {
    c: &'a CondExpConstants,
    refractory: u16,
    i_stim: F64x16,
}

#[cfg(zmm)]
impl Ode<3, F64x16> for Systems16<'_> {
    #[inline(always)]
    fn derivatives(&self, y: &[F64x16; 3]) -> [F64x16; 3] {
        dynamics(self.c, self.refractory, self.i_stim, y)
    }
}

/// NEST's `while t < h` loop of GSL steps over one simulation step for neuron `i`.
#[inline(always)]
fn integrate(c: &CondExpConstants, b: &mut IafCondExpBlock<'_>, i: usize) {
    let sys = System {
        c,
        refractory: b.refractory[i] > 0,
        i_stim: b.i_stim[i],
    };
    let mut t = 0.0;
    while t < c.step {
        evolve_apply(&sys, &CONTROL, &mut t, c.step, &mut b.h[i], &mut b.y[i]);
    }
}

/// [`integrate`] for neurons `first..first + LANES`: where every carried step covers
/// the simulation step, the first GSL step of all of them at once ([`integrate_group`]),
/// else [`integrate`] for each.
#[inline(always)]
fn integrate_lanes(c: &CondExpConstants, b: &mut IafCondExpBlock<'_>, first: usize) {
    let range = first..first + LANES;
    if b.h[range.clone()].iter().all(|&h| h >= c.step) {
        integrate_group(c, b, first);
    } else {
        for i in range {
            integrate(c, b, i);
        }
    }
}

// The two forms of `integrate_group` differ only in how the lanes are loaded and
// stored: each is the form its compiler output was fastest in (bench/PERF.md, tenth
// round).

/// The first GSL step of neurons `first..first + LANES` at once
/// (`rkf45::evolve_lanes`), two AVX-512 registers per component, and [`integrate`]
/// for each neuron whose step the control rejected.
#[cfg(zmm)]
#[inline(always)]
fn integrate_group(c: &CondExpConstants, b: &mut IafCondExpBlock<'_>, first: usize) {
    let (mut refractory, mut i_stim) = (0u16, [0.0; LANES]);
    let (mut y, mut h) = ([[0.0; LANES]; 3], [0.0; LANES]);
    for l in 0..LANES {
        let i = first + l;
        refractory |= u16::from(b.refractory[i] > 0) << l;
        i_stim[l] = b.i_stim[i];
        h[l] = b.h[i];
        for (k, component) in y.iter_mut().enumerate() {
            component[l] = b.y[i][k];
        }
    }
    let sys = Systems16 {
        c,
        refractory,
        i_stim: F64x16::from_array(i_stim),
    };
    let mut vectors = y.map(F64x16::from_array);
    let accepted = evolve_lanes(&sys, &CONTROL, c.step, &mut h, &mut vectors);
    let y = vectors.map(F64x16::to_array);
    for (l, &accepted) in accepted.iter().enumerate() {
        if accepted {
            b.y[first + l] = [y[0][l], y[1][l], y[2][l]];
            b.h[first + l] = h[l];
        }
    }
    for (l, accepted) in accepted.into_iter().enumerate() {
        if !accepted {
            integrate(c, b, first + l);
        }
    }
}

/// The first GSL step of neurons `first..first + LANES` at once
/// (`rkf45::evolve_lanes`) in [`Lanes`], and [`integrate`] for each neuron whose step
/// the control rejected.
#[cfg(not(zmm))]
#[inline(always)]
fn integrate_group(c: &CondExpConstants, b: &mut IafCondExpBlock<'_>, first: usize) {
    let sys = Systems {
        c,
        refractory: std::array::from_fn(|l| b.refractory[first + l] > 0),
        i_stim: std::array::from_fn(|l| b.i_stim[first + l]),
    };
    let mut y: [Lanes<LANES>; 3] = std::array::from_fn(|k| Lanes::from_fn(|l| b.y[first + l][k]));
    let mut h: [f64; LANES] = std::array::from_fn(|l| b.h[first + l]);
    let accepted = evolve_lanes(&sys, &CONTROL, c.step, &mut h, &mut y);
    for (l, accepted) in accepted.into_iter().enumerate() {
        let i = first + l;
        if accepted {
            b.y[i] = [y[0].0[l], y[1].0[l], y[2].0[l]];
            b.h[i] = h[l];
        } else {
            integrate(c, b, i);
        }
    }
}

impl NeuronModel for IafCondExp {
    const SPIKE_CHANNELS: usize = 2;

    type State<L: Length> = IafCondExpState<L>;
    type Block<'a> = IafCondExpBlock<'a>;
    type Propagators = CondExpConstants;

    fn propagators(&self, res: &Resolution) -> CondExpConstants {
        CondExpConstants {
            params: self.clone(),
            step: res.ms(),
            refractory_steps: res.steps_ceil(self.t_ref) as u32,
            c_m: Divisor::new(self.C_m),
            tau_syn_ex: Divisor::new(self.tau_syn_ex),
            tau_syn_in: Divisor::new(self.tau_syn_in),
        }
    }

    fn init_state<L: Length>(&self, len: L) -> IafCondExpState<L> {
        IafCondExpState {
            y: len.filled([self.V_m, 0.0, 0.0]),
            h: len.filled(f64::NAN),
            i_stim: len.filled(0.0),
            refractory: len.filled(0),
        }
    }

    fn blocks<L: Length>(
        state: &mut IafCondExpState<L>,
        block_len: usize,
    ) -> Vec<IafCondExpBlock<'_>> {
        state.split(block_len)
    }

    fn set_v_m<L: Length>(&self, state: &mut IafCondExpState<L>, i: usize, v_m: f64) {
        state.y[i][V_M] = v_m;
    }

    fn channel(weight: f64) -> usize {
        super::zero_inhibitory(weight)
    }

    #[inline(always)]
    fn update(
        &self,
        c: &CondExpConstants,
        b: &mut IafCondExpBlock<'_>,
        input: StepInput<'_>,
        spiked: &mut dyn FnMut(u32),
    ) {
        let p = &c.params;
        let [ex, inh] = input.spikes.pair();
        let current = input.current;
        let n = b.len();
        for h in b.h.iter_mut() {
            if h.is_nan() {
                // NEST starts the integrator with one simulation step.
                *h = c.step;
            }
        }
        // Each neuron's integration is its own: in groups of LANES, then one by one.
        let grouped = n - n % LANES;
        for first in (0..grouped).step_by(LANES) {
            integrate_lanes(c, b, first);
        }
        for i in grouped..n {
            integrate(c, b, i);
        }
        for i in 0..n {
            let y = &mut b.y[i];
            y[G_EX] += ex[i];
            // NEST's inhibitory buffer holds the negated weights: a positive conductance.
            y[G_IN] += -inh[i];
            ex[i] = 0.0;
            inh[i] = 0.0;
            if b.refractory[i] > 0 {
                b.refractory[i] -= 1;
                y[V_M] = p.V_reset;
            } else if y[V_M] >= p.V_th {
                b.refractory[i] = c.refractory_steps;
                y[V_M] = p.V_reset;
                spiked(i as u32);
            }
            b.i_stim[i] = current[i];
            current[i] = 0.0;
        }
    }

    fn recordable(&self, b: &IafCondExpBlock<'_>, var: Recordable, i: usize) -> Option<f64> {
        Some(match var {
            Recordable::V_m => b.y[i][V_M],
            Recordable::g_ex => b.y[i][G_EX],
            Recordable::g_in => b.y[i][G_IN],
            _ => return None,
        })
    }
}
