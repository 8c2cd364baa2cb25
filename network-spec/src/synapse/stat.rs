//! `static_synapse`: a fixed weight and delay.

use super::SynapseParams;
use crate::error::Result;

crate::parameters! {
    /// NEST's `static_synapse`, or a named variant of it with its own defaults (NEST's
    /// `CopyModel("static_synapse", name, {...})`).
    pub synapse StaticSynapse = "static_synapse" {
    } + {
        /// NEST's `receptor_type`: 0 (the default) for models without receptor ports,
        /// where the weight's sign picks the excitatory or inhibitory input; `k` in
        /// `1..=n` for receptor port `k` of a multisynapse model with `n` ports, which
        /// takes weights of either sign.
        receptor_type: u16 = 0,
    }
}

impl StaticSynapse {
    /// The same synapse onto receptor port `receptor_type` of a multisynapse target
    /// (NEST's `syn_spec={"receptor_type": k}`).
    pub fn receptor(self, receptor_type: u16) -> Self {
        Self {
            receptor_type,
            ..self
        }
    }
}

impl SynapseParams for StaticSynapse {
    fn check(&self, _entity: &str) -> Result<()> {
        Ok(())
    }
}
