//! Rule parameters that differ between the synapses of one projection (NEST keeps every
//! parameter per synapse: `conns.set(U=[..])`). A projection whose synapses share their
//! parameters keeps one [`Rule`]; once one differs, each synapse gets a rule of its own,
//! read by the delivery for that synapse alone.

use super::{Plastic, Rule};
use crate::error::Result;

impl Plastic {
    /// The rule of synapse `k` of target block `b`: its own once parameters differ.
    #[inline]
    pub(super) fn rule_of(&self, b: usize, k: usize) -> &Rule {
        match self.varied.get(b) {
            Some(rules) => &rules[k],
            None => &self.rule,
        }
    }

    /// Whether the synapses' parameters differ (each has a rule of its own).
    pub fn is_varied(&self) -> bool {
        !self.varied.is_empty()
    }

    /// The value of parameter `name` of synapse `k` of target block `b` (table units),
    /// as `GetConnections(..).get(name)` reports it.
    pub fn parameter_of(&self, b: usize, k: usize, name: &str) -> Option<f64> {
        self.rule_of(b, k).get(name)
    }

    /// Checks a weight set between runs on synapse `k` of target block `b` against its
    /// rule, as NEST's `set_status` does (STDP: Wmax's sign).
    pub fn check_weight_of(&self, entity: &str, b: usize, k: usize, weight: f64) -> Result<()> {
        self.rule_of(b, k).check_weight(entity, weight)
    }

    /// This rule with parameters set per synapse (NEST's `conns.set(U=[..])`): `values`
    /// holds one value per synapse for each name, in the order of `slots` (each synapse's
    /// target block and index there); `block_lens` the number of synapses per target
    /// block; `weights` each synapse's weight as it will be, for the checks that read it.
    /// Each synapse's rule is checked as when connecting; the error names the synapse
    /// (`entity(j)`). Values that are the same for all synapses of a projection whose
    /// synapses share their parameters keep one rule.
    pub fn with_synapse_parameters(
        &self,
        entity: impl Fn(usize) -> String,
        values: &[(&str, Vec<f64>)],
        slots: &[(usize, usize)],
        block_lens: &[usize],
        weights: &[f64],
    ) -> Result<Plastic> {
        let shared = values.iter().all(|(_, v)| {
            v.windows(2)
                .all(|pair| pair[0].to_bits() == pair[1].to_bits())
        });
        if shared && !self.is_varied() {
            let one: Vec<(&str, f64)> = values
                .iter()
                .map(|(name, v)| (*name, v.first().copied().unwrap_or(f64::NAN)))
                .collect();
            let new = self.with_parameters(&entity(0), &one, weights.first().copied())?;
            for (j, &w) in weights.iter().enumerate() {
                new.check_weight(&entity(j), w)?;
            }
            return Ok(new);
        }
        let mut varied = if self.is_varied() {
            self.varied.clone()
        } else {
            block_lens
                .iter()
                .map(|&n| vec![self.rule.clone(); n])
                .collect()
        };
        for (j, &(b, k)) in slots.iter().enumerate() {
            let own: Vec<(&str, f64)> = values.iter().map(|(name, v)| (*name, v[j])).collect();
            let rule = varied[b][k].with(&entity(j), &own, weights.get(j).copied())?;
            if let Some(&w) = weights.get(j) {
                rule.check_weight(&entity(j), w)?;
            }
            varied[b][k] = rule;
        }
        Ok(Plastic {
            rule: self.rule.clone(),
            varied,
            tics_per_step: self.tics_per_step,
            ms_per_step: self.ms_per_step,
            initial: Vec::new(),
        })
    }

    /// Memory held by the synapses' own rules (bytes).
    pub fn varied_bytes(&self) -> usize {
        self.varied
            .iter()
            .map(|rules| rules.len() * std::mem::size_of::<Rule>())
            .sum()
    }
}
