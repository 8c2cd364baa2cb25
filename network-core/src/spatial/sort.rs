//! Sorting query results by neuron index, fast for a few hundred distinct indices.

thread_local! {
    /// Bucket counts for [`sort_by_id`].
    static SORT: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Sorts items with distinct neuron indices `id(x)` below `n` by index: a counting sort
/// on the high bits into about one bucket per item, then an insertion sort of the nearly
/// sorted result.
pub(crate) fn sort_by_id<T: Copy + Ord + Default>(v: &mut [T], n: usize, id: impl Fn(T) -> u32) {
    if v.len() < 64 {
        v.sort_unstable();
        return;
    }
    let bits = usize::BITS - n.saturating_sub(1).leading_zeros();
    let bucket_bits = (usize::BITS - v.len().leading_zeros() + 1)
        .min(bits)
        .min(20);
    let shift = bits - bucket_bits;
    SORT.with(|cell| {
        let mut counts = cell.borrow_mut();
        counts.clear();
        counts.resize((1 << bucket_bits) + 1, 0);
        for x in v.iter() {
            counts[(id(*x) >> shift) as usize + 1] += 1;
        }
        for b in 0..1 << bucket_bits {
            counts[b + 1] += counts[b];
        }
        let mut tmp = vec![T::default(); v.len()];
        for x in v.iter() {
            let slot = &mut counts[(id(*x) >> shift) as usize];
            tmp[*slot as usize] = *x;
            *slot += 1;
        }
        for i in 1..tmp.len() {
            let x = tmp[i];
            let mut j = i;
            while j > 0 && tmp[j - 1] > x {
                tmp[j] = tmp[j - 1];
                j -= 1;
            }
            tmp[j] = x;
        }
        v.copy_from_slice(&tmp);
    });
}
