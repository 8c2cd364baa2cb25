//! Compile-time checks of the `network!` language, one mistake per file
//! (`tests/ui/<category>/<rule>.rs` with the expected compiler output in `.stderr`),
//! and a passing, running case for every construct (`tests/ui/pass/`).
//!
//! The `.stderr` files hold rustc's exact output, which changes between compiler
//! releases: they are tied to this machine's toolchain (rustc 1.95). After a change to a
//! message, or on another toolchain, regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and read every changed file before
//! committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    for category in [
        "models",
        "names",
        "devices",
        "spatial",
        "space",
        "connections",
        "syntax",
        "multiple",
        "runtime",
        "receptors",
        "plasticity",
        "protocols",
        "rate",
    ] {
        t.compile_fail(format!("tests/ui/{category}/*.rs"));
    }
}
