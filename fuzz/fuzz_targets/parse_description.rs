//! The description language's parser and checker on arbitrary text (the runtime
//! loader's path): any text gives a description or diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    network_fuzz::check_description(text);
});
