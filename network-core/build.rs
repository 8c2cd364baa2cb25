//! Declares `cfg(zmm)`: the crate is compiled for x86-64 with AVX-512F enabled (as
//! `-C target-cpu=native` does on such a processor), where `iaf_cond_exp` computes in
//! AVX-512 registers (`models::zmm`). The models test this one name instead of spelling
//! the condition in each place.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rustc-check-cfg=cfg(zmm)");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    if arch == "x86_64" && features.split(',').any(|feature| feature == "avx512f") {
        println!("cargo::rustc-cfg=zmm");
    }
}
