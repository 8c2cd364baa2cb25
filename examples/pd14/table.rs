//! The Potjans-Diesmann (2014) microcircuit's population table as its reference
//! implementation gives it: names, sizes, connection probabilities, external indegrees.
//! Plain constants, shared by `examples/microcircuit.rs` (through `pd14`) and
//! network-core's `pd14_shape` benchmark (by path).

/// Population names, in creation order.
pub const NAMES: [&str; 8] = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"];
/// Neurons per population at full scale.
pub const N_FULL: [f64; 8] = [
    20683.0, 5834.0, 21915.0, 5479.0, 4850.0, 1065.0, 14395.0, 2948.0,
];
/// Connection probabilities, `[target][source]`.
pub const CONN_PROBS: [[f64; 8]; 8] = [
    [0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0],
    [0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0],
    [0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0],
    [0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0],
    [0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0],
    [0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0],
    [
        0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252,
    ],
    [0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443],
];
/// External indegrees at full scale.
pub const K_EXT: [f64; 8] = [
    1600.0, 1500.0, 2100.0, 1900.0, 2000.0, 1900.0, 2900.0, 2100.0,
];
