//! The defaults the language reference states (the tables of `network_syntax::grammar`,
//! and the vocabulary's device tables) are the checker's: for every key with a stated
//! default, a description that writes the default checks to the same description as one
//! that leaves the key out. Oracle: the reference's text, read as the language.

use network_spec::ParamKind;
use network_syntax::description::Description;
use network_syntax::grammar::{self, Default, Device, DeviceParams, Key, Ty};
use network_syntax::parse;
use network_syntax::units::Dim;
use proc_macro2::TokenStream;

fn check(text: &str) -> Description {
    let tokens: TokenStream = text.parse().expect("the text lexes");
    parse(tokens).unwrap_or_else(|d| {
        let messages: Vec<String> = d.into_iter().map(|d| d.message).collect();
        panic!("`{text}` does not check: {messages:?}")
    })
}

/// A valid value for a required key.
fn sample(k: &Key) -> String {
    match (k.name, k.ty) {
        ("record_from", _) => "[V_m]".into(),
        (_, Ty::Quantity(Dim::Length)) => "0.3 mm".into(),
        (_, Ty::Quantity(Dim::Number)) => "0.5".into(),
        (_, Ty::Point) => "[0.1, 0.1] mm".into(),
        (name, ty) => panic!("no sample value for required `{name}` ({ty:?})"),
    }
}

const PRELUDE: &str = "pub struct N;
    neuron Cell = iaf_psc_alpha;
    population p = Cell[4] on grid([2, 2], extent: [1, 1] mm);";

/// The stated defaults of a device, as `key: value` text.
fn device_defaults(d: &Device) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match d.params {
        DeviceParams::Keys(keys) => {
            for k in keys {
                if let Default::Is(v) = k.default {
                    out.push((k.name.to_string(), v.to_string()));
                }
            }
        }
        DeviceParams::Table(params) => {
            for p in params {
                let v = match p.kind {
                    ParamKind::Flag => (p.default == 1.0).to_string(),
                    ParamKind::List => continue,
                    _ => format!("{} {}", p.default, p.dimension.unit()),
                };
                out.push((p.name.to_string(), v));
            }
        }
    }
    for k in grammar::WINDOW {
        if let Default::Is(v) = k.default {
            out.push((k.name.to_string(), v.to_string()));
        }
    }
    out
}

fn required(d: &Device) -> String {
    match d.params {
        DeviceParams::Keys(keys) => keys
            .iter()
            .filter(|k| k.default == Default::Required)
            .map(|k| format!("{}: {}, ", k.name, sample(k)))
            .collect(),
        DeviceParams::Table(_) => String::new(),
    }
}

#[test]
fn recorder_defaults_are_the_checkers() {
    for d in grammar::RECORDERS {
        let req = required(d);
        // A weight recorder records a connection declared before it, the others neurons.
        let (before, from) = match d.name {
            "weight_recorder" => (
                "connect c = p -> p: all_to_all, via static_synapse { weight: 1 pA, delay: 1 ms };",
                "c",
            ),
            _ => ("", "p"),
        };
        let bare = check(&format!(
            "{PRELUDE} {before} record r = {} {{ {req} }} <- {from};",
            d.name
        ));
        for (key, value) in device_defaults(d) {
            let written = check(&format!(
                "{PRELUDE} {before} record r = {} {{ {req} {key}: {value} }} <- {from};",
                d.name
            ));
            assert_eq!(bare, written, "{}: `{key}: {value}`", d.name);
        }
    }
}

#[test]
fn generator_defaults_are_the_checkers() {
    for d in grammar::STIMULATORS {
        let bare = check(&format!("{PRELUDE} stimulate g = {} -> p;", d.name));
        for (key, value) in device_defaults(d) {
            let written = check(&format!(
                "{PRELUDE} stimulate g = {} {{ {key}: {value} }} -> p;",
                d.name
            ));
            assert_eq!(bare, written, "{}: `{key}: {value}`", d.name);
        }
    }
}

/// Kernels and masks: each stated default written by name beside the required
/// arguments.
#[test]
fn kernel_and_mask_defaults_are_the_checkers() {
    let forms = grammar::KERNELS
        .iter()
        .map(|f| (f, true))
        .chain(grammar::MASKS.iter().map(|f| (f, false)));
    for (form, kernel) in forms {
        let keys: Vec<&Key> = form.keys.iter().collect();
        let req: Vec<String> = keys
            .iter()
            .filter(|k| k.default == Default::Required)
            .map(|k| match (form.name, k.name) {
                // Shapes with a required ordering or size relation between arguments.
                (_, "lower_left") if form.name == "box" => {
                    "lower_left: [-0.1, -0.1, -0.1] mm".into()
                }
                (_, "upper_right") if form.name == "box" => {
                    "upper_right: [0.1, 0.1, 0.1] mm".into()
                }
                ("grid", "shape") => "shape: [2, 2]".into(),
                (_, "lower_left") => "lower_left: [-0.1, -0.1] mm".into(),
                (_, "upper_right") => "upper_right: [0.1, 0.1] mm".into(),
                (_, "major_axis") => "major_axis: 0.4 mm".into(),
                (_, "inner_radius") => "inner_radius: 0.1 mm".into(),
                (_, "outer_radius") => "outer_radius: 0.3 mm".into(),
                (_, name) => format!("{name}: {}", sample(k)),
            })
            .collect();
        let req = req.join(", ");
        let text = |extra: &str| {
            let args = if extra.is_empty() {
                req.clone()
            } else {
                format!("{req}, {extra}")
            };
            let space = if matches!(form.name, "sphere" | "box" | "ellipsoid") {
                "population q = Cell[8] on grid([2, 2, 2], extent: [1, 1, 1] mm);"
            } else {
                "population q = Cell[4] on grid([2, 2], extent: [1, 1] mm);"
            };
            if kernel {
                format!("{PRELUDE} {space} connect p -> p: pairwise_bernoulli(0.5), with p = {}({args});", form.name)
            } else {
                format!(
                    "{PRELUDE} {space} connect q -> q: pairwise_bernoulli(0.5) in {}({args});",
                    form.name
                )
            }
        };
        let bare = check(&text(""));
        for k in keys {
            let Default::Is(v) = k.default else { continue };
            let v = if v == "[0, 0] mm" && matches!(form.name, "sphere" | "box" | "ellipsoid") {
                "[0, 0, 0] mm"
            } else {
                v
            };
            let written = check(&text(&format!("{}: {v}", k.name)));
            assert_eq!(bare, written, "{}: `{}: {v}`", form.name, k.name);
        }
    }
}
