//! Agreeing on failure: `build` and `simulate` end with every rank telling the others
//! whether it succeeded, so that all ranks return `Ok` or all return an error and none
//! waits forever in the next collective call. A rank that fails before `build` (a
//! builder call) joins with [`settle_failure`]. The lowest failing rank reports the
//! error (a description's error is met by every rank, so rank 0 reports it).

use super::Communicator;
use crate::error::{Error, Result};
use std::sync::{Arc, Mutex};

/// The lowest failing rank of the last agreement that failed on this process, until a
/// caller takes it.
static AGREED_FAILURE: Mutex<Option<usize>> = Mutex::new(None);

/// One collective call: every rank sends whether it succeeded (`ok`) and, if so,
/// `payload`. Returns every rank's payload in rank order when all succeeded; otherwise
/// the lowest failing rank, which this process also remembers for [`settle_failure`].
pub(crate) fn agree(
    comm: &dyn Communicator,
    ok: bool,
    payload: &[u64],
) -> std::result::Result<Vec<Vec<u64>>, usize> {
    if comm.size() == 1 {
        return if ok {
            Ok(vec![payload.to_vec()])
        } else {
            Err(0)
        };
    }
    let mut words = vec![u64::from(ok), payload.len() as u64];
    if ok {
        words.extend_from_slice(payload);
    } else {
        words[1] = 0;
    }
    let all = comm.all_gather(&words);
    let mut payloads = Vec::with_capacity(comm.size());
    let mut failed = None;
    let mut at = 0;
    for rank in 0..comm.size() {
        let (ok, n) = (all[at] == 1, all[at + 1] as usize);
        if !ok && failed.is_none() {
            failed = Some(rank);
        }
        payloads.push(all[at + 2..at + 2 + n].to_vec());
        at += 2 + n;
    }
    match failed {
        None => Ok(payloads),
        Some(rank) => {
            *AGREED_FAILURE.lock().unwrap_or_else(|e| e.into_inner()) = Some(rank);
            Err(rank)
        }
    }
}

/// Ends a collective call (`build`, `simulate`) with an agreement on `result`: a rank
/// that succeeded while another failed returns an error naming the failing rank.
pub(crate) fn agree_on<T>(comm: &dyn Communicator, what: &str, result: Result<T>) -> Result<T> {
    match (agree(comm, result.is_ok(), &[]), result) {
        (Ok(_), result) => result,
        (Err(_), Err(e)) => Err(e),
        (Err(rank), Ok(_)) => Err(failed_elsewhere(what, rank)),
    }
}

/// The error of a rank that succeeded where rank `rank` failed.
pub(crate) fn failed_elsewhere(what: &str, rank: usize) -> Error {
    Error::Resources(format!(
        "{what} failed on rank {rank}, which reports the error; this rank stops too"
    ))
}

/// After an error on this rank: the rank that reports it (the lowest failing one).
/// When `build` or `simulate` already agreed on the failure, that agreement says; after
/// a failing builder call (before `build`), this joins the agreement the other ranks
/// make in `build` (a collective call then). Call it once per error, on every rank
/// that sees one, before the process exits.
pub fn settle_failure(comm: &dyn Communicator) -> usize {
    let agreed = AGREED_FAILURE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    match agreed {
        Some(rank) => rank,
        None => match agree(comm, false, &[]) {
            Err(rank) => {
                AGREED_FAILURE
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take();
                rank
            }
            Ok(_) => comm.rank(),
        },
    }
}

/// Records that this rank failed after the last collective call (the others have
/// finished): [`settle_failure`] then names this rank without a collective call.
pub fn failed_alone(comm: &dyn Communicator) {
    *AGREED_FAILURE.lock().unwrap_or_else(|e| e.into_inner()) = Some(comm.rank());
}

/// The communicator of a builder that has not built yet. Dropped unbuilt on several
/// ranks — a builder call failed on this rank alone (memory, a file) and its error
/// returned early — it joins `build`'s opening agreement as a failure, so the other
/// ranks' `build` returns an error naming this rank instead of waiting for it forever;
/// [`settle_failure`] then knows the agreement without another collective call. This
/// serves every caller of the builder alike (the `network!` code, the loader, the API).
#[derive(Debug)]
pub(crate) struct Unbuilt {
    comm: Arc<dyn Communicator>,
    armed: bool,
}

impl Unbuilt {
    /// A builder's communicator, armed.
    pub(crate) fn new(comm: Arc<dyn Communicator>) -> Self {
        Self { comm, armed: true }
    }

    /// The communicator.
    pub(crate) fn comm(&self) -> &Arc<dyn Communicator> {
        &self.comm
    }

    /// `build` is under way: it makes the agreements itself.
    pub(crate) fn disarm(&mut self) -> Arc<dyn Communicator> {
        self.armed = false;
        self.comm.clone()
    }
}

impl Drop for Unbuilt {
    fn drop(&mut self) {
        if self.armed && self.comm.size() > 1 && !std::thread::panicking() {
            let _ = agree(&*self.comm, false, &[]);
        }
    }
}
