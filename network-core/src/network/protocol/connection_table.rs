//! A projection's synapses read at one moment, column by column: NEST's
//! `GetConnections(..).get(["source", "target", "weight", ..])` between two `Simulate`
//! calls, gathered from every rank, and written as a CSV file.

use crate::error::{closest, Error, Result};
use crate::network::handles::ProjectionHandle;
use crate::network::runtime::Network;
use crate::spec::synapse::CONNECTION_COLUMNS;
use std::fmt::Write as _;
use std::path::Path;

/// A projection's synapses as read at [`ConnectionTable::time_ms`]: one row per synapse,
/// sorted by source and target (synapses of one pair in creation order), as NEST's
/// `GetConnections(..).get([..])` reports them.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionTable {
    /// The projection's name.
    pub projection: String,
    /// The network's time when it was read, ms.
    pub time_ms: f64,
    /// Each synapse's presynaptic neuron: its NEST node id (1-based, in the order the
    /// populations were created).
    pub sources: Vec<u32>,
    /// Each synapse's postsynaptic neuron: its NEST node id.
    pub targets: Vec<u32>,
    /// The columns read, by NEST's names, one value per synapse: `weight` (pA, mV onto
    /// `iaf_psc_delta`, nS onto conductance-based models), `delay` (ms), `receptor` (a
    /// whole number), the rule's state (`Kplus`, `u`, `x`, ..) and parameters (`U`,
    /// `tau_rec`, `Wmax`, ..) in the units of the synapse model's table.
    pub columns: Vec<(String, Vec<f64>)>,
}

impl ConnectionTable {
    /// The number of synapses.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether the projection has no synapse (or this rank is not rank 0).
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The values of column `name`, one per synapse; `None` when it was not read.
    pub fn column(&self, name: &str) -> Option<&[f64]> {
        self.columns
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }

    /// The table as CSV: a `#` line with the projection and the time, the column names
    /// (`source,target,` then the columns read), one line per synapse; numbers written
    /// so that reading them back gives the same `f64` (shortest round trip).
    pub fn to_csv(&self) -> String {
        let mut out = format!(
            "# connection {} read at {} ms\nsource,target",
            self.projection, self.time_ms
        );
        for (name, _) in &self.columns {
            out.push(',');
            out.push_str(name);
        }
        out.push('\n');
        for (row, (s, t)) in self.sources.iter().zip(&self.targets).enumerate() {
            let _ = write!(out, "{s},{t}");
            for (_, values) in &self.columns {
                let _ = write!(out, ",{}", values[row]);
            }
            out.push('\n');
        }
        out
    }

    /// Writes [`ConnectionTable::to_csv`] to `path`.
    pub fn write_csv(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_csv()).map_err(|e| {
            Error::Name(format!(
                "connection read `{}`: cannot write `{}`: {e}; check that the directory exists and is writable",
                self.projection,
                path.display()
            ))
        })
    }
}

impl Network {
    /// The names [`Network::read_connections`] takes for a projection: `weight`,
    /// `delay`, `receptor`, then its rule's state and parameters by NEST's names.
    pub fn connection_columns(&self, projection: &ProjectionHandle) -> Vec<&'static str> {
        let (p, k) = self.projection_slots[projection.index];
        let rule = self.incoming[p][k].plastic.as_deref();
        let mut names: Vec<&'static str> = CONNECTION_COLUMNS.to_vec();
        if let Some(rule) = rule {
            for name in rule
                .state_names()
                .iter()
                .copied()
                .chain(rule.parameter_names())
            {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// Writes a table read by [`Network::read_connections`] as
    /// `{data_path}/{data_prefix}{name}.csv` (the kernel's `data_path` and `data_prefix`,
    /// as recorder files are named) and returns the path; on rank 0 only (the others
    /// hold an empty table and write nothing: `None`).
    pub fn write_connection_table(
        &self,
        name: &str,
        table: &ConnectionTable,
    ) -> Result<Option<std::path::PathBuf>> {
        if self.comm.rank() != 0 {
            return Ok(None);
        }
        let path = self
            .files
            .data_path
            .join(format!("{}{name}.csv", self.files.data_prefix));
        table.write_csv(&path)?;
        Ok(Some(path))
    }

    /// Reads `columns` of every synapse of a projection now (NEST's
    /// `GetConnections(..).get(["source", "target", ..])` between runs): the whole
    /// projection on rank 0, gathered from every rank, and an empty table on the others.
    /// Collective on several ranks: every rank calls it. An unknown name is an error
    /// naming the projection and suggesting the closest of
    /// [`Network::connection_columns`].
    pub fn read_connections(
        &self,
        projection: &ProjectionHandle,
        columns: &[&str],
    ) -> Result<ConnectionTable> {
        let info = self.projection_info.get(projection.index).ok_or_else(|| {
            Error::Name(format!(
                "projection #{} does not exist in this network",
                projection.index
            ))
        })?;
        let known = self.connection_columns(projection);
        for name in columns {
            if !known.contains(name) {
                return Err(Error::UnknownParameter {
                    entity: format!("{} ({})", info.name, info.synapse_model),
                    param: name.to_string(),
                    suggestion: closest(name, &known).map(str::to_string),
                });
            }
        }
        let first_source = self.population_info[info.source].first_node_id;
        let first_target = self.population_info[info.target].first_node_id;
        let per_row = 1 + columns.len();
        // The rule's parameters of every synapse (their own once they differ).
        let (p, k) = self.projection_slots[projection.index];
        let state_names = self.incoming[p][k]
            .plastic
            .as_deref()
            .map_or(&[][..], |r| r.state_names());
        let parameters: Vec<(&str, Vec<f64>)> = columns
            .iter()
            .filter(|c| !CONNECTION_COLUMNS.contains(c) && !state_names.contains(c))
            .map(|&c| Ok((c, self.synapse_parameters(projection, c)?)))
            .collect::<Result<_>>()?;
        let mut words = Vec::new();
        for (j, c) in self.connections(projection).into_iter().enumerate() {
            words.push(
                (u64::from(first_source + c.source) << 32) | u64::from(first_target + c.target),
            );
            for &name in columns {
                let value = match name {
                    "weight" => c.weight,
                    "delay" => c.delay,
                    "receptor" => f64::from(c.receptor),
                    _ => match c.state.iter().find(|(n, _)| *n == name) {
                        Some(&(_, v)) => v,
                        None => parameters
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map_or(f64::NAN, |(_, v)| v[j]),
                    },
                };
                words.push(value.to_bits());
            }
        }
        if self.comm.size() > 1 {
            words = self.comm.gather_to_root(&words);
        }
        let mut rows: Vec<&[u64]> = words.chunks_exact(per_row).collect();
        // A target's synapses all live on one rank, in order: a stable sort merges.
        rows.sort_by_key(|r| (r[0] >> 32, r[0] & 0xffff_ffff));
        Ok(ConnectionTable {
            projection: info.name.clone(),
            time_ms: self.time(),
            sources: rows.iter().map(|r| (r[0] >> 32) as u32).collect(),
            targets: rows.iter().map(|r| r[0] as u32).collect(),
            columns: columns
                .iter()
                .enumerate()
                .map(|(j, name)| {
                    let values = rows.iter().map(|r| f64::from_bits(r[1 + j])).collect();
                    (name.to_string(), values)
                })
                .collect(),
        })
    }
}
