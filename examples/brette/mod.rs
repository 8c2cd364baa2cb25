//! The Brette et al. (2007) benchmark networks (COBA, CUBA): 4000 neurons, 80 %
//! excitatory, every pair connected with probability 0.02. Included by `coba` and `cuba`
//! with `mod brette;`.

/// Excitatory neurons.
pub const NE: usize = 3200;
/// Inhibitory neurons.
pub const NI: usize = 800;
/// Connection probability of every ordered pair (autapses allowed, as Brian2's
/// `connect(p=0.02)`).
pub const P: f64 = 0.02;
/// Initial V_m uniform on [V_reset, V_th) = [-60, -50) mV, as Brian2's
/// `v = 'Vr + rand() * (Vt - Vr)'`.
pub const V0: (f64, f64) = (-60.0, -50.0);
