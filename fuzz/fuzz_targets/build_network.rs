//! The builder API with arbitrary parameters (NaN, infinities, negative values, huge
//! sizes and degrees): every input builds and simulates or returns an error, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: network_fuzz::NetworkInput| {
    network_fuzz::build_and_run(&input);
});
