//! Memory freed into the allocator given back to the kernel at once.
//!
//! glibc's `malloc` keeps freed blocks below its (growing) mapping threshold in its
//! arenas, resident, for reuse. A projection moved into its arrival groups frees its
//! blocks' synapses (tens of MB per block at the microcircuit's full scale) while the
//! next projection's groups are allocated: without giving those pages back, the
//! process would hold both layouts of most projections at its peak.

/// Gives the whole free pages the allocator holds back to the kernel (glibc's
/// `malloc_trim`); nothing where the allocator is not glibc's.
pub(crate) fn give_back_freed_memory() {
    // SAFETY: `malloc_trim` only walks the allocator's own free lists.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}
