//! Every entry of the unit table against independent constants (issue 17: `nA` read
//! as 1e2 pA passed every test). The oracle is the SI prefix table, written here
//! apart from `units.rs`: a unit `<prefix><base>` converts to the NEST unit
//! `<prefix'><base>` by 10^(e(prefix) − e(prefix')).

use network_spec::units::{lookup, Dimension, UNITS};

/// SI prefixes and their decimal exponents.
const PREFIXES: &[(&str, i32)] = &[
    ("", 0),
    ("k", 3),
    ("c", -2),
    ("m", -3),
    ("u", -6),
    ("n", -9),
    ("p", -12),
];

/// Splits `unit` into (prefix exponent, base), the base being one of `bases`.
fn split(unit: &str, bases: &[&str]) -> (i32, String) {
    for &(prefix, e) in PREFIXES {
        if let Some(base) = unit.strip_prefix(prefix) {
            if bases.contains(&base) {
                return (e, base.to_string());
            }
        }
    }
    panic!("`{unit}` is not a prefixed {bases:?}");
}

/// The factor from `unit` to NEST's unit of its dimension, from prefixes alone.
fn expected(unit: &str, dim: Dimension) -> f64 {
    let bases = ["s", "V", "A", "F", "S", "Hz", "m"];
    match dim {
        Dimension::Angle | Dimension::Percent | Dimension::Number => 1.0,
        Dimension::Density => {
            // per <length>3: the inverse cube of the length's factor.
            let length = unit
                .strip_prefix("per ")
                .unwrap()
                .strip_suffix('3')
                .unwrap();
            let (e, _) = split(length, &bases);
            let (nest, _) = split("mm", &bases);
            10f64.powi(-3 * (e - nest))
        }
        _ => {
            let (e, base) = split(unit, &bases);
            let (nest, nest_base) = split(dim.unit(), &bases);
            assert_eq!(base, nest_base, "`{unit}` is {}", dim.name());
            10f64.powi(e - nest)
        }
    }
}

#[test]
fn every_unit_converts_by_its_si_prefix() {
    for &(name, dim, factor) in UNITS {
        let want = expected(name, dim);
        assert!(
            (factor - want).abs() <= 1e-15 * want,
            "{name}: table {factor}, SI prefixes {want}"
        );
        assert_eq!(lookup(name), Ok((dim, factor)), "{name}");
    }
}

#[test]
fn the_table_holds_the_units_people_write_with_known_factors() {
    // Hand-written constants, one per entry, in the NEST unit of the dimension.
    let known: &[(&str, f64)] = &[
        ("ms", 1.0),
        ("s", 1000.0),
        ("us", 0.001),
        ("mV", 1.0),
        ("V", 1000.0),
        ("uV", 0.001),
        ("pA", 1.0),
        ("nA", 1000.0),
        ("uA", 1_000_000.0),
        ("pF", 1.0),
        ("nF", 1000.0),
        ("uF", 1_000_000.0),
        ("pS", 0.001),
        ("nS", 1.0),
        ("uS", 1000.0),
        ("Hz", 1.0),
        ("kHz", 1000.0),
        ("um", 0.001),
        ("mm", 1.0),
        ("cm", 10.0),
        ("m", 1000.0),
        ("deg", 1.0),
        ("per mm3", 1.0),
        ("per um3", 1e9),
        ("%", 1.0),
    ];
    assert_eq!(
        UNITS.len(),
        known.len(),
        "a unit without a known factor here"
    );
    for &(name, factor) in known {
        let (_, got) = lookup(name).unwrap_or_else(|_| panic!("`{name}` missing"));
        assert!(
            (got - factor).abs() <= 1e-15 * factor,
            "{name}: {got} vs {factor}"
        );
    }
}

#[test]
fn each_dimensions_nest_unit_has_factor_one() {
    for dim in [
        Dimension::Time,
        Dimension::Voltage,
        Dimension::Current,
        Dimension::Capacitance,
        Dimension::Conductance,
        Dimension::Rate,
        Dimension::Length,
        Dimension::Angle,
        Dimension::Density,
        Dimension::Percent,
    ] {
        assert_eq!(lookup(dim.unit()), Ok((dim, 1.0)), "{}", dim.name());
    }
}

#[test]
fn messages_name_each_dimension_and_its_units() {
    // What error messages say, written out by hand.
    let cases = [
        (Dimension::Time, "a time", "ms, s, us"),
        (Dimension::Voltage, "a voltage", "mV, V, uV"),
        (Dimension::Current, "a current", "pA, nA, uA"),
        (Dimension::Capacitance, "a capacitance", "pF, nF, uF"),
        (Dimension::Conductance, "a conductance", "pS, nS, uS"),
        (Dimension::Rate, "a rate", "Hz, kHz"),
        (Dimension::Length, "a length", "um, mm, cm, m"),
        (Dimension::Angle, "an angle", "deg"),
        (Dimension::Density, "a density", "per mm3, per um3"),
        (Dimension::Percent, "a percentage", "%"),
        (Dimension::Number, "a pure number", "no unit"),
    ];
    for (dim, name, units) in cases {
        assert_eq!(dim.name(), name);
        assert_eq!(dim.examples(), units, "{name}");
    }
}

#[test]
fn an_unknown_unit_suggests_the_closest() {
    assert_eq!(lookup("mv"), Err(Some("mV")));
    assert_eq!(lookup("nA"), Ok((Dimension::Current, 1000.0)));
}
