//! Which processor the calling thread runs on, and moving it off one.
//!
//! A crew's threads wait for each other spinning. Where the kernel puts a helper on the
//! processor its caller runs on (it did in about half the runs of Brunel at scale 0.3 on
//! the 2-core benchmark machine, and the pair then stayed together for hundreds of
//! slices: both threads are always "cache hot", which holds off the load balancer), the
//! two share one core and spin by turns while the other core idles: a slice took 2-3x
//! as long. The helper then moves itself: it forbids itself the shared processor (the
//! kernel migrates it at once) and at once allows itself every processor again, so it
//! is not pinned and the kernel stays free to place it later. Linux only; elsewhere
//! nothing is known and nothing moves.

/// The processor the calling thread runs on now (it may change at any time).
#[cfg(target_os = "linux")]
pub(crate) fn current() -> Option<usize> {
    // SAFETY: `sched_getcpu` takes no arguments and only reads the calling thread's state.
    #[allow(unsafe_code)]
    let cpu = unsafe { libc::sched_getcpu() };
    usize::try_from(cpu).ok()
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn current() -> Option<usize> {
    None
}

/// Moves the calling thread to another processor than `cpu` among those it may run on,
/// then lets it run on all of them again. Returns whether it moved (not where `cpu` is
/// the only one allowed, or the system refuses).
#[cfg(target_os = "linux")]
pub(crate) fn move_off(cpu: usize) -> bool {
    let size = std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: `cpu_set_t` is a plain bit array (all zeros is the empty set);
    // `sched_getaffinity` and `sched_setaffinity` on thread 0 (the calling one) read and
    // write exactly `size` bytes of the sets passed; the `CPU_*` helpers index the set
    // within its bounds (`cpu` is checked against them first).
    #[allow(unsafe_code)]
    unsafe {
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if cpu >= 8 * size
            || libc::sched_getaffinity(0, size, &mut allowed) != 0
            || !libc::CPU_ISSET(cpu, &allowed)
            || libc::CPU_COUNT(&allowed) < 2
        {
            return false;
        }
        let mut elsewhere = allowed;
        libc::CPU_CLR(cpu, &mut elsewhere);
        let moved = libc::sched_setaffinity(0, size, &elsewhere) == 0;
        // Free again to run anywhere it was allowed (the move has been made).
        libc::sched_setaffinity(0, size, &allowed);
        moved
    }
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn move_off(_cpu: usize) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn affinity() -> libc::cpu_set_t {
        #[allow(unsafe_code)]
        // SAFETY: as in `move_off`.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            let size = std::mem::size_of::<libc::cpu_set_t>();
            assert_eq!(libc::sched_getaffinity(0, size, &mut set), 0);
            set
        }
    }

    fn set_affinity(set: &libc::cpu_set_t) {
        #[allow(unsafe_code)]
        // SAFETY: as in `move_off`.
        unsafe {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            assert_eq!(libc::sched_setaffinity(0, size, set), 0);
        }
    }

    fn count(set: &libc::cpu_set_t) -> i32 {
        #[allow(unsafe_code)]
        // SAFETY: as in `move_off`.
        unsafe {
            libc::CPU_COUNT(set)
        }
    }

    #[test]
    fn a_thread_moves_only_where_it_may_and_is_not_pinned_afterwards() {
        std::thread::spawn(|| {
            let allowed = affinity();
            let here = current().expect("Linux knows the processor");
            // Allowed only where it runs: nowhere to go, and the set is left alone.
            #[allow(unsafe_code)]
            // SAFETY: as in `move_off` (`here` was just reported by the kernel).
            let only_here = unsafe {
                let mut set: libc::cpu_set_t = std::mem::zeroed();
                libc::CPU_SET(here, &mut set);
                set
            };
            set_affinity(&only_here);
            assert!(!move_off(here));
            assert_eq!(count(&affinity()), 1);
            // Allowed everywhere again: it moves where there is another processor, and
            // keeps every processor it had.
            set_affinity(&allowed);
            assert_eq!(move_off(here), count(&allowed) >= 2);
            assert_eq!(count(&affinity()), count(&allowed));
        })
        .join()
        .expect("the test thread");
    }
}
