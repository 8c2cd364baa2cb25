//! The closed forms of `network_spec::psp` (the PSC amplitude for a PSP height, used by
//! `weight: psp(..)`) against NEST 3.10's own membrane traces: the peak PSP per unit
//! weight of one spike onto a neuron at rest, sampled every 0.001 ms
//! (`conformance/psp_peaks.py` writes `conformance/reference/psp_peaks.json`).

use network_core::spec::psp::{weight_per_mv, Input};
use network_core::spec::BaseModel;
use serde_json::Value as Json;

#[test]
fn peak_psp_matches_nest() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/reference/psp_peaks.json"
    );
    let data: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 7);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let model = BaseModel::from_name(case["model"].as_str().unwrap()).unwrap();
        let mut values: Vec<(&str, f64)> = Vec::new();
        let mut lists: Vec<(&str, Vec<f64>)> = Vec::new();
        for (key, v) in case["params"].as_object().unwrap() {
            let key = model.parameter(key).map(|p| p.name).unwrap();
            match v {
                Json::Array(a) => {
                    lists.push((key, a.iter().map(|x| x.as_f64().unwrap()).collect()))
                }
                _ => values.push((key, v.as_f64().unwrap())),
            }
        }
        let receptor = case["receptor"].as_u64().unwrap() as u16;
        let input = match receptor {
            0 if case["weight"].as_f64().unwrap() < 0.0 => Input::Inhibitory,
            0 => Input::Excitatory,
            k => Input::Port(k),
        };
        let ours = 1.0 / weight_per_mv(model, &values, &lists, input).unwrap();
        let nest = case["peak_per_unit_weight"].as_f64().unwrap();
        // NEST samples the continuous peak on its 0.001 ms grid: at most a few parts in
        // 10^7 below it.
        let rel = (ours - nest) / nest;
        assert!(
            (0.0..1e-6).contains(&rel),
            "{name}: closed form {ours}, NEST {nest} ({rel:e})"
        );
    }
}
