//! Typed handles to the parts of a network, returned by the builder: plain `Copy`
//! indices. What a part recorded lives in the network and is read through it
//! (`net.spikes(&recorder)`, `net.samples(&meter)`), so the borrow checker keeps reads
//! and `simulate` apart.

use crate::storage::{Const, Dyn, Length};
use std::marker::PhantomData;
use std::ops::Range;

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

            /// Index among the parts of this kind, in creation order.
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
device_handle!(
    /// A spike recorder; its events are `Network::spikes(&handle)`.
    SpikeRecorderHandle
);
device_handle!(
    /// A multimeter or voltmeter; its samples are `Network::samples(&handle)`.
    MultimeterHandle
);
device_handle!(
    /// A weight recorder; its events are `Network::weights_recorded(&handle)`.
    WeightRecorderHandle
);
