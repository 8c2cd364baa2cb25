//! Connection rules.
