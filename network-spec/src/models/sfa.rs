//! NEST's checks of the adaptation lists that `gif_psc_exp` and `pp_psc_delta` share:
//! one jump per time constant, every time constant positive.

use crate::error::{Error, Result};

/// `taus` and `jumps` have the same number of elements (NEST: "need to have the same
/// dimensions").
pub fn same_length(entity: &str, taus: (&str, &[f64]), jumps: (&str, &[f64])) -> Result<()> {
    if taus.1.len() == jumps.1.len() {
        return Ok(());
    }
    Err(Error::invalid(
        entity,
        jumps.0,
        jumps.1,
        format!(
            "needs one value per element of {} ({} given, {} expected)",
            taus.0,
            jumps.1.len(),
            taus.1.len()
        ),
    ))
}

/// Every element of the list `name` is a time constant > 0 ms.
pub fn check_time_constants(entity: &str, name: &str, taus: &[f64]) -> Result<()> {
    match taus.iter().position(|&t| !(t > 0.0 && t.is_finite())) {
        None => Ok(()),
        Some(k) => Err(Error::invalid(
            entity,
            name,
            taus,
            format!(
                "element {} is {} ms; every time constant must be > 0 ms",
                k + 1,
                taus[k]
            ),
        )),
    }
}
