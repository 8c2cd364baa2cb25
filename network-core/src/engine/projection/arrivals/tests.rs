//! Delivery at arrival against hand oracles: segment order, arrival steps, the order of
//! a step's sums, blocks rebuilt from the groups, eligibility.

use super::*;
use crate::engine::projection::{pack, BlockSynapses};

/// A projection with packed delays (base 2) of 3 sources onto `blocks` blocks, with
/// the synapses `(source, block, index, delay offset, weight)` in row order.
fn projection(blocks: usize, synapses: &[(usize, usize, usize, u16, f32)]) -> Projection {
    let mut per_block = vec![BlockSynapses::default(); blocks];
    for (b, block) in per_block.iter_mut().enumerate() {
        let mut weights = Vec::new();
        block.row_start.push(0);
        for s in 0..3 {
            for &(_, _, i, o, w) in synapses.iter().filter(|x| x.0 == s && x.1 == b) {
                block.targets.push(pack(i, o));
                weights.push(w);
            }
            block.row_start.push(block.targets.len() as u32);
        }
        block.weights = Weights::Single(weights);
    }
    Projection {
        name: "p".into(),
        source: 0,
        target: 0,
        synapse_model: "static_synapse".into(),
        weight: None,
        delays: Delays::Packed(2),
        storage: per_block.into(),
        synapses: synapses.len(),
        min_delay: 2,
        max_delay: 5,
        receptor_type: 0,
        plastic: None,
        weights_recorded: false,
    }
}

#[test]
fn each_delay_of_a_source_is_one_segment_in_block_then_row_order() {
    // Source 1 reaches block 0 (neuron 5, delay +1; neuron 7, +0) and the second
    // group's first two blocks (neuron 2, +1; neuron 3, +1 and +3); source 0 reaches
    // block 1 (neuron 9, +1).
    let (second, third) = (GROUP_BLOCKS, GROUP_BLOCKS + 1);
    let synapses = [
        (1, 0, 5, 1, 0.5),
        (1, 0, 7, 0, -1.0),
        (1, third, 3, 1, 2.0),
        (1, third, 3, 3, 4.0),
        (1, second, 2, 1, 8.0),
        (0, 1, 9, 1, 16.0),
    ];
    let arrivals = Arrivals::of(&projection(third + 1, &synapses), 3).expect("eligible");
    assert_eq!((arrivals.base, arrivals.span), (2, 4));
    let first = &arrivals.groups[0];
    // Offsets per (source, delay offset): source 0 has one synapse at +1, source 1
    // one at +0 and one at +1.
    assert_eq!(first.offsets, [0, 0, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3]);
    assert_eq!(first.targets, [BLOCK_LEN as u16 + 9, 7, 5]);
    assert_eq!(first.weights, [16.0, -1.0, 0.5]);
    let second = &arrivals.groups[1];
    // Source 1, delay +1: the group's first block before its second; then +3.
    assert_eq!(
        second.targets,
        [2, BLOCK_LEN as u16 + 3, BLOCK_LEN as u16 + 3]
    );
    assert_eq!(second.weights, [8.0, 2.0, 4.0]);
}

/// Delivers `projection` at arrival (group 0, the target's only incoming
/// projection) at steps `steps`, the spikes of each step noted after it as a slice of
/// one step; returns each step's rows `[block][channel][neuron]` for 2 blocks and 2
/// channels (negative weights to channel 1).
fn run(
    mut projection: Projection,
    spikes: &[(i64, u32)],
    steps: std::ops::Range<i64>,
) -> Vec<Vec<[Row32; 2]>> {
    assert!(projection.deliver_at_arrival(3), "eligible");
    let all = [projection];
    let mut lists = ArrivalLists::new(16);
    let by_sign = |w: f64| usize::from(w < 0.0);
    let mut out = Vec::new();
    lists.hold_sums(1, 2, 2);
    for t in steps {
        lists.sum(0, t, 0, &all, by_sign, &mut || {});
        let rows: Vec<[Row32; 2]> = (0..2)
            .map(|b| {
                let sums = lists.sums_of(0, b);
                let rows = [sums[0], sums[1]];
                sums.iter_mut().for_each(|row| row.fill(0.0));
                rows
            })
            .collect();
        out.push(rows);
        let sent: Vec<_> = spikes.iter().copied().filter(|&(s, _)| s == t).collect();
        let arrivals = all[0].arrivals().expect("delivered at arrival");
        arrivals.schedule(0, 0, &sent, &mut lists);
    }
    out
}

#[test]
fn a_step_receives_what_was_sent_its_delay_before_oldest_first() {
    // Delays are 2 + the offset. Neuron 9 of block 1 receives source 0's 1 (sent at
    // 10, delay 5), and source 1's and source 2's 2^-24 (sent at 12, delay 3, and at
    // 13, delay 2), all at step 15: summed in the order sent, 1 + 2^-24 rounds to 1
    // twice (newest first, 2^-24 + 2^-24 + 1 would be 1 + 2^-23).
    let tiny = f32::EPSILON / 2.0;
    let synapses = [
        (1, 0, 5, 3, 0.5),
        (1, 1, 9, 1, tiny),
        (0, 1, 9, 3, 1.0),
        (2, 1, 9, 0, tiny),
        (2, 0, 7, 1, -2.0),
    ];
    let spikes = [(10, 0), (12, 1), (13, 2)];
    let steps = run(projection(2, &synapses), &spikes, 10..18);
    let at = |t: i64| &steps[(t - 10) as usize];
    assert_eq!(at(15)[1][0][9], 1.0);
    // Source 1's 0.5 onto neuron 5 of block 0 arrives at 12 + 5, source 2's -2.0 onto
    // neuron 7 at 13 + 3 (channel 1).
    assert_eq!(at(17)[0][0][5], 0.5);
    assert_eq!(at(16)[0][1][7], -2.0);
    let total = |t: i64| -> f32 { at(t).iter().flatten().flatten().map(|x| x.abs()).sum() };
    assert_eq!(
        (10..18).map(total).collect::<Vec<_>>(),
        [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.5],
        "nothing else arrives"
    );
}

#[test]
fn every_synapse_arrives_once_its_delay_after_its_spike() {
    // Random rows over 2 blocks; the oracle adds each synapse of each spike into its
    // arrival step by hand, in double precision.
    use rand::{RngExt, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut synapses = Vec::new();
    for s in 0..3 {
        for _ in 0..rng.random_range(0..40) {
            let w: f32 = rng.random_range(-3.0..3.0);
            synapses.push((
                s,
                rng.random_range(0..2),
                rng.random_range(0..BLOCK_LEN),
                rng.random_range(0..6),
                w,
            ));
        }
    }
    let spikes: Vec<(i64, u32)> = (0..40)
        .flat_map(|t| {
            (0..3)
                .filter(move |s| (t + s) % 3 == 0)
                .map(move |s| (t as i64, s as u32))
        })
        .collect();
    let steps = run(projection(2, &synapses), &spikes, 0..48);
    let mut expected = vec![vec![[[0f64; BLOCK_LEN]; 2]; 2]; 48];
    for &(t, source) in &spikes {
        for &(s, b, i, o, w) in &synapses {
            if s == source as usize {
                let arrival = t as usize + 2 + usize::from(o);
                expected[arrival][b][usize::from(w < 0.0)][i] += f64::from(w);
            }
        }
    }
    for (t, (got, want)) in steps.iter().zip(&expected).enumerate() {
        for (g, w) in got
            .iter()
            .flatten()
            .flatten()
            .zip(want.iter().flatten().flatten())
        {
            assert!(
                (f64::from(*g) - w).abs() <= 1e-5 * (1.0 + w.abs()),
                "step {t}: {g} against {w}"
            );
            assert_eq!(*g == 0.0, *w == 0.0, "step {t}");
        }
    }
}

#[test]
fn blocks_rebuilt_from_the_groups_are_the_blocks_placed() {
    // Rows sorted by target and, onto one target, by delay, as the placement sorts
    // them, with many multapses (8 targets per block) of equal and of different
    // delays, over two groups; the oracle is the rows given.
    use rand::{RngExt, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    let blocks = GROUP_BLOCKS + 2;
    let mut synapses: Vec<_> = (0..400)
        .map(|k| {
            let block = [0, 5, GROUP_BLOCKS + 1][k % 3];
            let w = rng.random_range(-3.0f32..3.0);
            (
                rng.random_range(0..3),
                block,
                rng.random_range(0..8),
                rng.random_range(0..6),
                w,
            )
        })
        .collect();
    synapses.sort_by_key(|&(_, _, target, delay, _)| (target, delay));
    let mut p = projection(blocks, &synapses);
    let placed = p.storage.blocks.clone();
    assert!(p.deliver_at_arrival(3));
    assert!(
        p.storage.blocks.iter().all(|b| b.targets.is_empty()),
        "the blocks are given up"
    );
    let same = |got: &[BlockSynapses]| {
        assert_eq!(got.len(), blocks);
        for (b, (got, want)) in got.iter().zip(&placed).enumerate() {
            if want.targets.is_empty() {
                assert!(got.targets.is_empty(), "block {b}");
                continue;
            }
            assert_eq!(got.row_start, want.row_start, "block {b}");
            assert_eq!(got.targets, want.targets, "block {b}");
            assert_eq!(
                got.weights.iter().collect::<Vec<_>>(),
                want.weights.iter().collect::<Vec<_>>(),
                "block {b}"
            );
        }
    };
    same(&p.blocks());
    p.deliver_at_sending();
    assert!(p.arrivals().is_none());
    same(&p.storage.blocks);
}

#[test]
fn plastic_recorded_or_double_weight_projections_stay_on_the_ring() {
    let synapses = [(1, 0, 5, 1, 0.5)];
    let mut p = projection(1, &synapses);
    p.weights_recorded = true;
    assert!(Arrivals::of(&p, 3).is_none());
    let mut p = projection(1, &synapses);
    p.storage.blocks[0].weights = Weights::Double(vec![0.5]);
    assert!(Arrivals::of(&p, 3).is_none());
    let mut p = projection(1, &synapses);
    p.delays = Delays::Constant(2);
    assert!(Arrivals::of(&p, 3).is_none());
    let mut p = projection(1, &synapses);
    p.receptor_type = 1;
    assert!(Arrivals::of(&p, 3).is_none());
}
