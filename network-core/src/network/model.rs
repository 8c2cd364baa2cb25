//! Neuron models under a name: NEST's own or a variant with its own defaults, and the
//! firing ranges its cells are known to have.

use crate::error::Result;
use crate::models::NeuronModel;
use crate::report::FiringRanges;

/// A neuron model under a name: NEST's model itself (`Model::nest`) or a variant with its
/// own defaults (NEST's `CopyModel` + `SetDefaults`, `Model::variant`).
#[derive(Debug, Clone, PartialEq)]
pub struct Model<M: NeuronModel> {
    name: String,
    params: M,
    firing: Option<FiringRanges>,
}

impl<M: NeuronModel> Model<M> {
    /// NEST's model with these parameters, validated.
    pub fn nest(params: M) -> Result<Self> {
        Self::variant(M::NAME, params)
    }

    /// A variant named `name` with these parameters, validated.
    pub fn variant(name: &str, params: M) -> Result<Self> {
        params.validate(name)?;
        Ok(Self {
            name: name.to_string(),
            params,
            firing: None,
        })
    }

    /// The same model with the firing-rate ranges its cells are known to have (rest,
    /// active, max); the report checks each population's measured rate against them.
    pub fn with_firing(self, firing: FiringRanges) -> Result<Self> {
        firing.validate(&self.name)?;
        Ok(Self {
            firing: (!firing.is_empty()).then_some(firing),
            ..self
        })
    }

    /// The declared firing-rate ranges.
    pub fn firing(&self) -> Option<&FiringRanges> {
        self.firing.as_ref()
    }

    /// The model's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The parameters.
    pub fn params(&self) -> &M {
        &self.params
    }
}
