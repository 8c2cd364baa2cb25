//! The scheduler's parts: ring buffers, synapse storage, populations at work, generators
//! and multimeters inside blocks of neurons.

pub(crate) mod archive;
pub(crate) mod block;
pub(crate) mod cpus;
pub(crate) mod crew;
pub(crate) mod gamma_hazard;
pub(crate) mod generator_tap;
pub(crate) mod heap;
pub(crate) mod huge_pages;
pub(crate) mod param_sets;
pub(crate) mod plastic;
pub(crate) mod poisson;
pub(crate) mod population;
pub(crate) mod projection;
pub(crate) mod rate;
pub(crate) mod rate_drive;
pub(crate) mod ring;
pub(crate) mod rules;
pub(crate) mod sampler;
pub(crate) mod schedule;
pub(crate) mod shared_clock;
pub(crate) mod shares;
pub(crate) mod single_rows;
pub(crate) mod stimulus;
pub(crate) mod thread_trial;
pub(crate) mod train_drive;
pub(crate) mod weight_events;
pub(crate) mod wide;
