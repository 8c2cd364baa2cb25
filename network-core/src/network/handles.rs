//! Typed handles to the parts of a network, returned by the builder.

use super::recording::{Samples, SpikeEvents};
use crate::storage::{Const, Dyn, Length};
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::{Arc, RwLock, RwLockReadGuard};

/// Recorded data shared between the network, which appends to it while simulating, and
/// the handles users read it through.
#[derive(Debug, Default)]
pub(crate) struct Shared<T>(Arc<RwLock<T>>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Shared<T> {
    pub(crate) fn new(value: T) -> Self {
        Shared(Arc::new(RwLock::new(value)))
    }

    /// Reads the data (a panic elsewhere never makes it unreadable).
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, T> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Changes the data.
    pub(crate) fn write(&self) -> std::sync::RwLockWriteGuard<'_, T> {
        self.0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A spike recorder. It shares its events with the network, so it can be read without
/// the network at hand: `recorder.events().times()`.
#[derive(Debug, Clone)]
pub struct SpikeRecorderHandle {
    pub(crate) index: usize,
    pub(crate) events: Shared<SpikeEvents>,
}

impl SpikeRecorderHandle {
    /// Index among the spike recorders, in creation order.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The spikes recorded so far (a read guard; drop it before simulating on).
    pub fn events(&self) -> RwLockReadGuard<'_, SpikeEvents> {
        self.events.read()
    }
}

/// A multimeter or voltmeter. It shares its samples with the network.
#[derive(Debug, Clone)]
pub struct MultimeterHandle {
    pub(crate) index: usize,
    pub(crate) samples: Shared<Samples>,
}

impl MultimeterHandle {
    /// Index among the multimeters, in creation order.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The samples recorded so far (a read guard; drop it before simulating on).
    pub fn samples(&self) -> RwLockReadGuard<'_, Samples> {
        self.samples.read()
    }
}

/// A population of `L` neurons in a network. For [`Const<N>`] sizes, the length is a
/// constant (`PopulationHandle::<Const<N>>::LEN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PopulationHandle<L: Length> {
    pub(crate) index: usize,
    pub(crate) len: L,
}

impl<const N: usize> PopulationHandle<Const<N>> {
    /// The number of neurons, known at compile time.
    pub const LEN: usize = N;

    /// The number of neurons, known at compile time.
    pub const fn len(&self) -> usize {
        N
    }

    /// Whether the population has no neuron.
    pub const fn is_empty(&self) -> bool {
        N == 0
    }
}

impl PopulationHandle<Dyn> {
    /// The number of neurons.
    pub fn len(&self) -> usize {
        self.len.0
    }

    /// Whether the population has no neuron.
    pub fn is_empty(&self) -> bool {
        self.len.0 == 0
    }
}

impl<L: Length> PopulationHandle<L> {
    /// The index of the population in its network (creation order).
    pub fn index(&self) -> usize {
        self.index
    }

    /// Every neuron of the population.
    pub fn all(&self) -> Selection {
        Selection {
            population: self.index,
            indices: None,
        }
    }

    /// The neurons with indices in `range`.
    pub fn range(&self, range: Range<usize>) -> Selection {
        Selection {
            population: self.index,
            indices: Some(range.map(|i| i as u32).collect()),
        }
    }

    /// The neurons with these indices.
    pub fn indices(&self, indices: &[u32]) -> Selection {
        Selection {
            population: self.index,
            indices: Some(indices.to_vec()),
        }
    }
}

/// Some neurons of one population: all of them, an index range, a list, or those inside
/// a mask (see `NetworkBuilder::within`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub(crate) population: usize,
    /// `None` for all neurons; otherwise indices within the population.
    pub(crate) indices: Option<Vec<u32>>,
}

impl Selection {
    /// The population's index.
    pub fn population(&self) -> usize {
        self.population
    }

    /// The selected indices, or `None` for the whole population.
    pub fn indices(&self) -> Option<&[u32]> {
        self.indices.as_deref()
    }
}

macro_rules! device_handle {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name {
            pub(crate) index: usize,
            pub(crate) _private: PhantomData<()>,
        }

        impl $name {
            pub(crate) fn new(index: usize) -> Self {
                Self { index, _private: PhantomData }
            }

            /// Index among the devices of this kind, in creation order.
            pub fn index(&self) -> usize {
                self.index
            }
        }
    };
}

device_handle!(
    /// A stimulation device.
    GeneratorHandle
);
device_handle!(
    /// A projection.
    ProjectionHandle
);
