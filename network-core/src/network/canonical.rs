//! The canonical text of a builder call, hashed into the description hash that every
//! output carries. Model and synapse parameters are written by their NEST names from the
//! model's parameter table, in table order, numbers in Rust's shortest round-trip form,
//! so two equal descriptions hash the same whatever the order of struct fields or the
//! form of `Debug` output. Parts without a parameter table (devices, layouts, masks,
//! connection rules) are written in their `Debug` form.

use super::handles::Selection;
use crate::models::NeuronModel;
use crate::models::ParamInfo;
use crate::synapse::{StaticSynapse, Synapse, Value};
use std::fmt::{Debug, Display, Write as _};

/// One builder call being written: the verb, then `key=value` fields.
#[derive(Debug, Clone)]
pub(crate) struct Call(String);

impl Call {
    /// A call of `verb` (e.g. `population`).
    pub fn new(verb: &str) -> Self {
        Call(verb.to_string())
    }

    /// Adds a field written with `Display` (names, counts, numbers).
    pub fn field(mut self, key: &str, value: impl Display) -> Self {
        let _ = write!(self.0, " {key}={value}");
        self
    }

    /// Adds a field written with `Debug`, for parts without a parameter table.
    pub fn debug(mut self, key: &str, value: &impl Debug) -> Self {
        let _ = write!(self.0, " {key}={value:?}");
        self
    }

    /// Adds every parameter of a neuron model, by NEST name, in table order.
    pub fn model<M: NeuronModel>(self, params: &M) -> Self {
        self.table(
            M::PARAMETERS,
            |name| params.get(name),
            |name| params.get_list(name),
        )
    }

    /// Adds a parameter value: a constant, or a distribution with its parameters.
    pub fn value(mut self, key: &str, value: &Value) -> Self {
        let _ = write!(self.0, " {key}=");
        let _ = match *value {
            Value::Constant(v) => write!(self.0, "{v}"),
            Value::Uniform { min, max } => write!(self.0, "uniform(min={min},max={max})"),
            Value::Normal {
                mean,
                std,
                min,
                max,
            } => {
                let bound = |b: Option<f64>| b.map_or("none".to_string(), |b| b.to_string());
                write!(
                    self.0,
                    "normal(mean={mean},std={std},min={},max={})",
                    bound(min),
                    bound(max)
                )
            }
            Value::Lognormal { mu, sigma } => write!(self.0, "lognormal(mu={mu},sigma={sigma})"),
            Value::Expression(ref e) => write!(self.0, "expression({e})"),
        };
        self
    }

    /// Adds a synapse: its model name, weight, delay, receptor type and, for a plastic
    /// model, its parameters by NEST name in table order.
    pub fn synapse(self, synapse: &Synapse) -> Self {
        let base = self.static_synapse(&synapse.base());
        base.table(synapse.parameters(), |n| synapse.get(n), |_| None)
    }

    /// Adds a static synapse: model name, weight, delay and receptor type.
    pub fn static_synapse(self, synapse: &StaticSynapse) -> Self {
        self.field("synapse_model", &synapse.model)
            .value("weight", &synapse.weight)
            .value("delay", &synapse.delay)
            .field("receptor_type", synapse.receptor_type)
    }

    /// Adds the selected neurons: per selection the population index and the indices
    /// (`all` for the whole population).
    pub fn selections(mut self, key: &str, selections: &[Selection]) -> Self {
        let _ = write!(self.0, " {key}=[");
        for (k, s) in selections.iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(self.0, "{sep}{}:", s.population());
            match s.indices() {
                None => self.0.push_str("all"),
                Some(indices) => {
                    self.0.push('[');
                    for (j, i) in indices.iter().enumerate() {
                        let sep = if j == 0 { "" } else { "," };
                        let _ = write!(self.0, "{sep}{i}");
                    }
                    self.0.push(']');
                }
            }
        }
        self.0.push(']');
        self
    }

    /// Adds the parameters of `table`, each read by `get` (or `get_list` for a list).
    fn table(
        mut self,
        table: &[ParamInfo],
        get: impl Fn(&str) -> Option<f64>,
        get_list: impl Fn(&str) -> Option<Vec<f64>>,
    ) -> Self {
        for p in table {
            let _ = write!(self.0, " {}=", p.name);
            if p.is_list() {
                match get_list(p.name) {
                    Some(values) => write_list(&mut self.0, &values),
                    None => self.0.push_str("none"),
                }
            } else {
                match get(p.name) {
                    Some(v) => {
                        let _ = write!(self.0, "{v}");
                    }
                    None => self.0.push_str("none"),
                }
            }
        }
        self
    }

    /// The finished text.
    pub fn text(&self) -> &str {
        &self.0
    }
}

/// Writes `[a,b,..]` with each number in round-trip form.
fn write_list(out: &mut String, values: &[f64]) {
    out.push('[');
    for (k, v) in values.iter().enumerate() {
        let sep = if k == 0 { "" } else { "," };
        let _ = write!(out, "{sep}{v}");
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::IafPscAlpha;

    #[test]
    fn models_are_written_by_nest_name_in_table_order() {
        let params = IafPscAlpha {
            C_m: 200.0,
            ..IafPscAlpha::default()
        };
        let text = Call::new("population").model(&params).text().to_string();
        let names: Vec<&str> = text
            .split(' ')
            .skip(1)
            .map(|kv| kv.split('=').next().unwrap())
            .collect();
        let table: Vec<&str> = IafPscAlpha::PARAMETERS.iter().map(|p| p.name).collect();
        assert_eq!(names, table);
        assert!(text.contains(" C_m=200 "), "{text}");
    }

    #[test]
    fn values_and_selections_have_one_form() {
        let text = Call::new("x")
            .value("w", &Value::Constant(0.1))
            .value(
                "d",
                &Value::Normal {
                    mean: 1.5,
                    std: 0.25,
                    min: None,
                    max: Some(3.0),
                },
            )
            .text()
            .to_string();
        let mut list = String::new();
        write_list(&mut list, &[1.0, 2.5]);
        assert_eq!(list, "[1,2.5]");
        assert_eq!(text, "x w=0.1 d=normal(mean=1.5,std=0.25,min=none,max=3)");
    }
}
