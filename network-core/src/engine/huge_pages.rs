//! Rows of a direct ring buffer in memory the kernel is asked to back with transparent
//! huge pages (2 MiB), where it offers them on request (Linux's `madvise` mode).
//!
//! Delivery adds each synaptic event at a random place in its block's ring: at full
//! scale (the microcircuit's 76 blocks, about 1.5 MB of rings each) every add lands on
//! a different 4 KiB page, far more pages than the processor's TLB maps (about 12 MB on
//! the development machine), so each add also walks the page table. One 2 MiB page maps
//! a whole block's ring. The memory is allocated aligned to 2 MiB and sized in whole
//! huge pages (at most 2 MiB more per ring), mapped on its own and advised before it
//! is first touched. A projection's synapse rows (tens of MB per block at full scale,
//! each spike reading one short row at a random place in them) are advised likewise
//! ([`advise`]), which saves the build a page fault per 4 KiB and delivery a page walk
//! per row. Where the kernel has no huge pages to give the memory is ordinary;
//! on other systems the rings are plain vectors. `NETWORK_HUGE_PAGES=0` turns the request off (for measurements; the
//! contents and results are the same either way).

use super::block::{Row, Row32, BLOCK_LEN};
use std::ptr::NonNull;

/// A row of a ring: a fixed array of numbers whose all-zero bytes are zeros (what the
/// kernel's fresh pages hold).
pub(crate) trait ZeroRow: Copy {
    /// The row of zeros.
    const ZERO: Self;
}

impl ZeroRow for Row {
    const ZERO: Self = [0.0; BLOCK_LEN];
}

impl ZeroRow for Row32 {
    const ZERO: Self = [0.0; BLOCK_LEN];
}

/// The size and alignment of a transparent huge page (x86-64 and aarch64 Linux).
const HUGE_PAGE: usize = 2 << 20;

/// Rings smaller than this stay ordinary vectors: a huge page would hold more than
/// twice their memory.
const SMALLEST: usize = HUGE_PAGE / 2;

/// The bytes rows of `bytes` bytes occupy: whole huge pages from [`SMALLEST`] up on
/// Linux, else `bytes` (the memory estimate's count, `network::resources`).
pub(crate) const fn footprint(bytes: u64) -> u64 {
    if cfg!(target_os = "linux") && bytes >= SMALLEST as u64 {
        match bytes.checked_next_multiple_of(HUGE_PAGE as u64) {
            Some(whole) => whole,
            None => u64::MAX,
        }
    } else {
        bytes
    }
}

/// Whether rings ask for huge pages (`NETWORK_HUGE_PAGES=0` says no).
fn wanted() -> bool {
    std::env::var("NETWORK_HUGE_PAGES").map_or(true, |v| v != "0")
}

/// `len` rows of zeros: a plain vector, or memory aligned to and sized in huge pages.
#[derive(Debug)]
pub(crate) enum Rows<R: ZeroRow = Row> {
    Plain(Vec<R>),
    Huge(HugeRows<R>),
}

impl<R: ZeroRow> Rows<R> {
    /// `len` rows of zeros.
    pub fn zeroed(len: usize) -> Self {
        let bytes = len * std::mem::size_of::<R>();
        if footprint(bytes as u64) != bytes as u64 && wanted() {
            if let Some(rows) = HugeRows::zeroed(len) {
                return Rows::Huge(rows);
            }
        }
        Rows::Plain(vec![R::ZERO; len])
    }
}

impl<R: ZeroRow> std::ops::Deref for Rows<R> {
    type Target = [R];
    #[inline(always)]
    fn deref(&self) -> &[R] {
        match self {
            Rows::Plain(v) => v,
            Rows::Huge(h) => h.as_slice(),
        }
    }
}

impl<R: ZeroRow> std::ops::DerefMut for Rows<R> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [R] {
        match self {
            Rows::Plain(v) => v,
            Rows::Huge(h) => h.as_mut_slice(),
        }
    }
}

impl<R: ZeroRow> Clone for Rows<R> {
    fn clone(&self) -> Self {
        let mut copy = Rows::zeroed(self.len());
        copy.copy_from_slice(self);
        copy
    }
}

/// `len` rows in a private anonymous mapping of their own, aligned to [`HUGE_PAGE`] and
/// sized in whole huge pages, advised as huge-page memory before anything touched it
/// (the allocator's heap may hand out memory already backed by small pages). The kernel
/// maps it as zeros.
#[derive(Debug)]
pub(crate) struct HugeRows<R> {
    ptr: NonNull<R>,
    len: usize,
    /// Bytes mapped at `ptr`.
    bytes: usize,
}

// SAFETY: `HugeRows` owns its mapping exclusively (as a `Vec<R>` owns its buffer);
// rows of numbers are `Send` and `Sync`.
#[allow(unsafe_code)]
unsafe impl<R: ZeroRow + Send> Send for HugeRows<R> {}
// SAFETY: as above; shared access only reads.
#[allow(unsafe_code)]
unsafe impl<R: ZeroRow + Sync> Sync for HugeRows<R> {}

impl<R: ZeroRow> HugeRows<R> {
    /// `len` rows of zeros, or `None` where the system refuses the mapping.
    #[cfg(target_os = "linux")]
    #[allow(unsafe_code)]
    fn zeroed(len: usize) -> Option<Self> {
        let bytes = (len * std::mem::size_of::<R>()).checked_next_multiple_of(HUGE_PAGE)?;
        let mapped = bytes.checked_add(HUGE_PAGE)?;
        // SAFETY: a new private anonymous mapping at an address of the kernel's choice
        // touches no existing memory.
        let raw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return None;
        }
        let start = raw as usize;
        let aligned = start.next_multiple_of(HUGE_PAGE);
        let (head, tail) = (aligned - start, mapped - (aligned - start) - bytes);
        // SAFETY: the head `start..aligned` and the tail after `aligned + bytes` lie
        // inside the mapping just made and are not used; unmapping them leaves
        // `aligned..aligned + bytes`. MADV_HUGEPAGE changes only how the kernel backs
        // that range (not yet touched), never its contents; refused, it is ignored.
        unsafe {
            if head > 0 {
                libc::munmap(raw, head);
            }
            if tail > 0 {
                libc::munmap((aligned + bytes) as *mut libc::c_void, tail);
            }
            libc::madvise(aligned as *mut libc::c_void, bytes, libc::MADV_HUGEPAGE);
        }
        Some(Self {
            ptr: NonNull::new(aligned as *mut R)?,
            len,
            bytes,
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn zeroed(_len: usize) -> Option<Self> {
        None
    }

    #[inline(always)]
    #[allow(unsafe_code)]
    fn as_slice(&self) -> &[R] {
        // SAFETY: `ptr` points to `len` rows (zero-initialised by the kernel) owned by
        // `self`; all-zero bytes are zeros of a `ZeroRow`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    #[inline(always)]
    #[allow(unsafe_code)]
    fn as_mut_slice(&mut self) -> &mut [R] {
        // SAFETY: as in `as_slice`, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<R> Drop for HugeRows<R> {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        // SAFETY: the mapping made in `zeroed`, unmapped once.
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast::<libc::c_void>(), self.bytes);
        }
    }
}

/// Asks the kernel to back the whole huge pages inside `memory` with huge pages, where
/// it gives them (Linux's `madvise` mode), before `memory` is first touched: for large
/// zeroed buffers filled once and read at random (a projection's synapse rows), where a
/// page fault per 4 KiB and a TLB miss per row read cost more than the data. Contents
/// are never changed; elsewhere, or with `NETWORK_HUGE_PAGES=0`, nothing is done.
pub(crate) fn advise<T>(memory: &mut [T]) {
    #[cfg(target_os = "linux")]
    if let Some((first, last)) =
        whole_pages(memory.as_ptr() as usize, std::mem::size_of_val(memory))
    {
        if wanted() {
            // SAFETY: `first..last` lies inside `memory`, which `&mut` makes ours;
            // MADV_HUGEPAGE changes how the kernel backs the range, never its contents,
            // and a refusal is ignored.
            #[allow(unsafe_code)]
            unsafe {
                libc::madvise(
                    first as *mut libc::c_void,
                    last - first,
                    libc::MADV_HUGEPAGE,
                );
            }
        }
    }
}

/// The whole huge pages inside `bytes` bytes from address `start`, as the addresses of
/// the first one and the end of the last; `None` where there is none.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn whole_pages(start: usize, bytes: usize) -> Option<(usize, usize)> {
    let first = start.checked_next_multiple_of(HUGE_PAGE)?;
    let last = start.checked_add(bytes)? / HUGE_PAGE * HUGE_PAGE;
    (first < last).then_some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_huge_pages_inside_the_memory_are_advised() {
        const M: usize = HUGE_PAGE;
        // Hand-computed: the aligned interior, or nothing when no whole page fits.
        assert_eq!(whole_pages(M, 3 * M), Some((M, 4 * M)));
        assert_eq!(whole_pages(M + 8, 3 * M), Some((2 * M, 4 * M)));
        assert_eq!(whole_pages(M - 8, 2 * M + 16), Some((M, 3 * M)));
        assert_eq!(whole_pages(M + 8, 2 * M - 16), None);
        assert_eq!(whole_pages(8, M), None);
        assert_eq!(whole_pages(usize::MAX - 8, 4), None);
        // Advising leaves the contents as they were.
        let mut memory = vec![7u16; 3 * M / 2];
        advise(&mut memory);
        memory[M] += 1;
        assert_eq!((memory[0], memory[M], memory[3 * M / 2 - 1]), (7, 8, 7));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn huge_rows_are_zeroed_aligned_writable_and_cloned() {
        let mut rows: Rows = Rows::Huge(HugeRows::zeroed(300).expect("an anonymous mapping"));
        assert_eq!(rows.len(), 300);
        assert_eq!(rows.as_ptr() as usize % HUGE_PAGE, 0);
        assert!(rows.iter().all(|r| r.iter().all(|x| x.to_bits() == 0)));
        rows[299][1023] = 2.5;
        rows[0][0] += 1.0;
        let copy = rows.clone();
        assert_eq!((copy[299][1023], copy[0][0], copy[7][7]), (2.5, 1.0, 0.0));
        assert_eq!(Rows::<Row>::zeroed(3).len(), 3);
    }
}
