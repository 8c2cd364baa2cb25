//! `µ` is written as the micro sign (U+00B5, what keyboards type) or the Greek mu
//! (U+03BC); both are read as `u`.

use network_spec::units::lookup;
use network_spec::Dimension;

#[test]
fn micro_sign_and_greek_mu_are_u() {
    assert_eq!(lookup("\u{b5}A"), Ok((Dimension::Current, 1e6)));
    assert_eq!(lookup("\u{3bc}m"), Ok((Dimension::Length, 1e-3)));
    assert_eq!(lookup("per \u{b5}m3"), Ok((Dimension::Density, 1e9)));
    assert_eq!(lookup("\u{b5}s"), lookup("us"));
}
