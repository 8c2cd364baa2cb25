//! `soa_state!`: declares a model's state as a structure of arrays sized by a
//! [`Length`](crate::storage::Length), and its block view.

/// Declares `State<L>` with one [`Length::Array`](crate::storage::Length::Array) per
/// field, and `Block<'a>` with one mutable slice per field, plus a splitter.
macro_rules! soa_state {
    (
        $(#[$meta:meta])*
        $state:ident / $block:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $state<L: $crate::storage::Length> {
            $( $(#[$fmeta])* pub $field: L::Array<$ty>, )*
        }

        /// A mutable view of a contiguous block of neurons of the state.
        #[derive(Debug)]
        pub struct $block<'a> {
            $( $(#[$fmeta])* pub $field: &'a mut [$ty], )*
        }

        impl<L: $crate::storage::Length> $state<L> {
            /// Splits the arrays into blocks of `block_len` neurons.
            pub fn split(&mut self, block_len: usize) -> Vec<$block<'_>> {
                let count = soa_state!(@first self $(, $field)*).len().div_ceil(block_len);
                $( let mut $field = self.$field.chunks_mut(block_len); )*
                let mut blocks = Vec::with_capacity(count);
                while let ($( Some($field), )*) = ($( $field.next(), )*) {
                    blocks.push($block { $( $field, )* });
                }
                blocks
            }
        }

        impl $block<'_> {
            /// The neurons `range` of this block, as a block of their own.
            #[inline(always)]
            pub fn range(&mut self, range: std::ops::Range<usize>) -> $block<'_> {
                $block { $( $field: &mut self.$field[range.clone()], )* }
            }

            /// Number of neurons in the block.
            pub fn len(&self) -> usize {
                soa_state!(@first self $(, $field)*).len()
            }

            /// Whether the block has no neuron.
            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }
        }
    };
    (@first $self:ident, $first:ident $(, $rest:ident)*) => { $self.$first };
}

pub(crate) use soa_state;
