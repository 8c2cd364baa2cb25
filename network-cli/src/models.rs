//! `network models [NAME]`: the models and their parameter tables, from the vocabulary
//! crate's tables (the same text as `docs/models.md`).

use network_core::spec::{closest, docs, BaseModel, SynapseModel};

/// Every model's name (no `name`), or one model's section; an unknown name is an error
/// with a suggestion.
pub fn show(name: Option<&str>) -> Result<String, String> {
    let Some(name) = name else {
        let mut out = String::from("neuron models:\n");
        for m in BaseModel::ALL {
            out.push_str(&format!("  {}\n", m.name()));
        }
        out.push_str("synapse models:\n");
        for m in SynapseModel::ALL {
            out.push_str(&format!("  {}\n", m.name()));
        }
        return Ok(out);
    };
    if let Some(m) = BaseModel::from_name(name) {
        return Ok(docs::neuron(m));
    }
    if let Some(m) = SynapseModel::from_name(name) {
        return Ok(docs::synapse(m));
    }
    let names: Vec<&str> = BaseModel::ALL
        .iter()
        .map(|m| m.name())
        .chain(SynapseModel::ALL.iter().map(|m| m.name()))
        .collect();
    let hint = closest(name, &names).map_or_else(
        || " (`network models` lists them)".to_string(),
        |c| format!("; did you mean `{c}`?"),
    );
    Err(format!("unknown model `{name}`{hint}"))
}
