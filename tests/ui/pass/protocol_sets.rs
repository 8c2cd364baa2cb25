//! A protocol that sets values per neuron (an expression of position, a random term),
//! sets a mask selection and adds a multimeter between runs: the added recorder's field
//! is an `Option` that `run_protocol` fills.
use network::prelude::*;

network! {
    pub struct Sets;
    neuron Cell = iaf_psc_alpha;
    population sheet = Cell[9] on grid([3, 3], extent: [1, 1] mm);
    protocol {
        simulate 10 ms;
        set sheet { V_m: -70 mV + 3 mV * x / 1 mm, V_th: uniform(-55 mV, -50 mV) };
        set sheet within circle(radius: 0.2 mm) { I_e: 400 pA };
        record late = multimeter { interval: 1 ms, record_from: [V_m] } <- sheet[4];
        simulate 10 ms;
    }
}

fn main() {
    let mut net = Sets::build(Seed(1)).unwrap();
    let before: Option<network::MultimeterHandle> = net.late;
    assert!(before.is_none());
    net.run_protocol().unwrap();
    let late = net.late.expect("made by run_protocol");
    // Created at 10 ms with an interval of 1 ms: it samples at 11, 12, .., 20 ms.
    let times = net.samples(&late).times().to_vec();
    assert_eq!(times.len(), 10, "{times:?}");
    assert!((times[0] - 11.0).abs() < 1e-9 && (times[9] - 20.0).abs() < 1e-9);
    // Only the middle neuron lies within 0.2 mm of the origin.
    let n = net.network_mut();
    assert_eq!(n.neuron_value(0, 4, "I_e"), Some(400.0));
    assert_eq!(n.neuron_value(0, 0, "I_e"), Some(0.0));
    let v_th = n.neuron_value(0, 0, "V_th").unwrap();
    assert!((-55.0..-50.0).contains(&v_th));
}
