//! The network's weight recorders: attaching one to projections (at build or between
//! runs), reading and setting it, and handing it, at the end of each slice, the
//! transmissions the target blocks logged.

use super::handles::{ProjectionHandle, Selection, WeightRecorderHandle};
use super::protocol::{set_window, Setting};
use super::runtime::Network;
use super::weight_recording::{exchange_rows, Recorded, Row, WeightEvents, WeightRecorderRuntime};
use crate::devices::WeightRecorder;
use crate::distribution::RecorderFiles;
use crate::engine::block::block_start;
use crate::error::{Error, Result};

impl Network {
    /// Adds a weight recorder (NEST's `weight_recorder`, set as the `weight_recorder` of
    /// each projection's synapse model copy) on `projections`, keeping only transmissions
    /// from `senders` and onto `targets` (empty: all, as NEST's empty node collections).
    /// It records from the next delivery on: a spike sent before now but delivered after
    /// it is recorded, as in NEST.
    pub fn add_weight_recorder(
        &mut self,
        name: &str,
        params: WeightRecorder,
        projections: &[ProjectionHandle],
        senders: &[Selection],
        targets: &[Selection],
    ) -> Result<WeightRecorderHandle> {
        self.check_new_name(name, "weight recorder")?;
        let indices: Vec<usize> = projections.iter().map(|p| p.index).collect();
        let window = params.check(
            name,
            &indices,
            self.projection_slots.len(),
            &self.resolution,
        )?;
        let senders = self.node_ids(name, senders)?;
        let targets = self.node_ids(name, targets)?;
        let recorded: Vec<Recorded> = indices
            .iter()
            .map(|&index| {
                let slot = self.projection_slots[index];
                let projection = &self.incoming[slot.0][slot.1];
                let sources = self.population_info[projection.source].len;
                Recorded::new(slot, projection, sources, &*self.comm)
            })
            .collect();
        let mut recorder = WeightRecorderRuntime {
            name: name.to_string(),
            window,
            window_ms: params.window,
            projections: recorded,
            senders,
            targets,
            events: WeightEvents::new(self.resolution, params.time_in_steps),
            record_to: params.record_to,
            file: None,
        };
        // Merged output: rank 0 writes the file alone (as for spike recorders).
        if self.records_all || self.recorder_files == RecorderFiles::PerRank {
            recorder.open_file(&self.files, &self.provenance())?;
        }
        // Only a recorder that exists makes its projections log transmissions.
        for recorded in &recorder.projections {
            self.leave_arrivals(recorded.slot.0);
            self.incoming[recorded.slot.0][recorded.slot.1].weights_recorded = true;
        }
        self.weight_recorders.push(recorder);
        Ok(WeightRecorderHandle::new(self.weight_recorders.len() - 1))
    }

    /// Whether a weight recorder is named `name`.
    pub(super) fn weight_recorder_named(&self, name: &str) -> bool {
        self.weight_recorders.iter().any(|r| r.name == name)
    }

    /// What a weight recorder recorded so far.
    pub fn weights_recorded(&self, recorder: &WeightRecorderHandle) -> &WeightEvents {
        &self.weight_recorders[recorder.index].events
    }

    /// Sets `start`, `stop` or `origin` (ms) of a weight recorder between runs (NEST's
    /// `wr.set(start=..)`): it then keeps transmissions stamped in
    /// `(origin + start, origin + stop]` from the next step on.
    pub fn set_weight_recorder(
        &mut self,
        recorder: &WeightRecorderHandle,
        name: &str,
        value: impl Into<Setting>,
    ) -> Result<()> {
        let value = value.into();
        let r = self.weight_recorders.get(recorder.index).ok_or_else(|| {
            Error::Name(format!(
                "weight recorder #{} does not exist in this network",
                recorder.index
            ))
        })?;
        let mut window = r.window_ms;
        set_window(&mut window, &r.name, name, &value)?;
        let steps = window.steps(&r.name, &self.resolution)?;
        let r = &mut self.weight_recorders[recorder.index];
        (r.window_ms, r.window) = (window, steps);
        Ok(())
    }

    /// The sorted node ids of `selections`, `None` when there are none.
    fn node_ids(&self, entity: &str, selections: &[Selection]) -> Result<Option<Vec<u32>>> {
        if selections.is_empty() {
            return Ok(None);
        }
        let mut ids = Vec::new();
        for selection in selections {
            let first = self.population_info[selection.population].first_node_id;
            ids.extend(
                self.resolve(entity, selection)?
                    .into_iter()
                    .map(|i| first + i),
            );
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(Some(ids))
    }

    /// Hands the slice's transmissions through recorded projections to the weight
    /// recorders (called at the end of every slice).
    pub(super) fn collect_weights(&mut self) {
        if self.weight_recorders.is_empty() {
            return;
        }
        let mut rows: Vec<Vec<Row>> = vec![Vec::new(); self.weight_recorders.len()];
        for (p, population) in self.populations.iter_mut().enumerate() {
            let first = self.population_info[p].first_node_id;
            for (b, block) in population.blocks().iter_mut().enumerate() {
                for event in block.weight_events.drain(..) {
                    let k = event.incoming as usize;
                    let projection = &self.incoming[p][k];
                    let synapses = &projection.blocks()[b];
                    let source = event.source as usize;
                    let within = event.synapse - synapses.row_start[source];
                    let sender =
                        self.population_info[projection.source].first_node_id + event.source;
                    let target =
                        first + (block_start(b) + synapses.target(event.synapse as usize)) as u32;
                    for (r, recorder) in self.weight_recorders.iter().enumerate() {
                        let Some(order) =
                            recorder.projections.iter().position(|x| x.slot == (p, k))
                        else {
                            continue;
                        };
                        let row = Row {
                            stamp: event.stamp,
                            sender,
                            order,
                            port: recorder.projections[order].port_base[b][source] + within,
                            target,
                            weight: event.weight,
                            receptor: projection.receptor_type,
                        };
                        if recorder.keeps(&row) {
                            rows[r].push(row);
                        }
                    }
                }
            }
        }
        if self.comm.size() > 1 && self.records_all {
            // Merged output: rank 0 records every rank's transmissions.
            rows = exchange_rows(&*self.comm, &rows);
        } else if self.comm.size() > 1 && self.recorder_files == RecorderFiles::Merged {
            // Rank 0 records this rank's rows; recording them here too would write a
            // second copy of the merged file over rank 0's.
            exchange_rows(&*self.comm, &rows);
            rows.iter_mut().for_each(Vec::clear);
        }
        let resolution = self.resolution;
        for (recorder, rows) in self.weight_recorders.iter_mut().zip(rows) {
            recorder.record(rows, resolution);
            recorder.write_batch();
        }
    }
}
