//! Distance-dependent connection kernels (declared in the vocabulary crate,
//! `network_spec::kernel`).

pub use network_spec::kernel::Kernel;
