//! `static_synapse`: a fixed weight and delay.

use super::SynapseParams;
use crate::error::Result;

crate::parameters! {
    /// NEST's `static_synapse`, or a named variant of it with its own defaults (NEST's
    /// `CopyModel("static_synapse", name, {...})`).
    pub synapse StaticSynapse = "static_synapse" {
    }
}

impl SynapseParams for StaticSynapse {
    fn check(&self, _entity: &str) -> Result<()> {
        Ok(())
    }
}
