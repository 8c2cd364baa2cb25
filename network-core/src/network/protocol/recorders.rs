//! Recorders between runs: their windows, and recorders and multimeters added to a
//! network that has run.

use super::Setting;
use crate::devices::{Multimeter, SpikeRecorder, Window};
use crate::engine::block::{block_of, block_start};
use crate::engine::sampler::BlockSampler;
use crate::error::{Error, Result};
use crate::network::handles::{MultimeterHandle, Selection, SpikeRecorderHandle};
use crate::network::placement::first_stamp;
use crate::network::receptors::check_recordables;
use crate::network::recording::{MeterRuntime, RecorderRuntime, SpikeEvents};
use crate::network::runtime::Network;

/// Sets `start`, `stop` or `origin` (ms) of `window`; `entity` names the device.
pub(in crate::network) fn set_window(
    window: &mut Window,
    entity: &str,
    name: &str,
    value: &Setting,
) -> Result<()> {
    let v = value.number(entity, name)?;
    match name {
        "start" => window.start = v,
        "stop" => window.stop = v,
        "origin" => window.origin = v,
        _ => {
            return Err(Error::invalid(
                entity,
                name,
                v,
                "a recorder's parameters that can be set between runs are start, stop and \
                 origin (ms)",
            ))
        }
    }
    Ok(())
}

impl Network {
    /// Sets `start`, `stop` or `origin` (ms) of a spike recorder between runs: it then
    /// records spikes stamped in `(origin + start, origin + stop]` from the next step on.
    pub fn set_spike_recorder(
        &mut self,
        recorder: &SpikeRecorderHandle,
        name: &str,
        value: impl Into<Setting>,
    ) -> Result<()> {
        let value = value.into();
        let r = self.recorders.get(recorder.index).ok_or_else(|| {
            Error::Name(format!(
                "spike recorder #{} does not exist in this network",
                recorder.index
            ))
        })?;
        let mut window = r.window_ms;
        set_window(&mut window, &r.name, name, &value)?;
        let steps = window.steps(&r.name, &self.resolution)?;
        let r = &mut self.recorders[recorder.index];
        (r.window_ms, r.window) = (window, steps);
        Ok(())
    }

    /// Sets `start`, `stop` or `origin` (ms) of a multimeter between runs: it then samples
    /// at stamps in `(origin + start, origin + stop]` from the next step on.
    pub fn set_multimeter(
        &mut self,
        multimeter: &MultimeterHandle,
        name: &str,
        value: impl Into<Setting>,
    ) -> Result<()> {
        let value = value.into();
        let m = multimeter.index;
        let meter = self.meters.get(m).ok_or_else(|| {
            Error::Name(format!("multimeter #{m} does not exist in this network"))
        })?;
        let mut window = meter.window_ms;
        set_window(&mut window, &meter.name, name, &value)?;
        let steps = window.steps(&meter.name, &self.resolution)?;
        let meter = &mut self.meters[m];
        (meter.window_ms, meter.window) = (window, steps);
        for population in &mut self.populations {
            for block in population.blocks().iter_mut() {
                for sampler in block.samplers.iter_mut().filter(|s| s.device == m) {
                    sampler.window = steps;
                }
            }
        }
        Ok(())
    }

    /// Adds a spike recorder to a network that may have run: it records the spikes of
    /// the selected neurons stamped after now (and in its window), as a NEST
    /// `spike_recorder` created between `Simulate` calls.
    pub fn add_spike_recorder(
        &mut self,
        name: &str,
        params: SpikeRecorder,
        sources: &[Selection],
    ) -> Result<SpikeRecorderHandle> {
        self.check_new_name(name, "spike recorder")?;
        let window = params.window.steps(name, &self.resolution)?;
        let mut masks: Vec<Option<Vec<bool>>> = vec![None; self.populations.len()];
        for selection in sources {
            let indices = self.resolve(name, selection)?;
            let len = self.population_info[selection.population].len;
            let mask = masks[selection.population].get_or_insert_with(|| vec![false; len]);
            for i in indices {
                mask[i as usize] = true;
            }
        }
        let mut recorder = RecorderRuntime {
            name: name.to_string(),
            window,
            window_ms: params.window,
            masks,
            events: SpikeEvents::new(self.resolution).in_steps(params.time_in_steps),
            record_to: params.record_to,
            file: None,
            in_memory: true,
            recorded: 0,
            generators: Vec::new(),
            from_generators: Vec::new(),
        };
        recorder.open_file(&self.files, &self.provenance())?;
        self.recorders.push(recorder);
        Ok(SpikeRecorderHandle::new(self.recorders.len() - 1))
    }

    /// Adds a multimeter to a network that may have run, as a NEST `multimeter` created
    /// and connected between `Simulate` calls: NEST's data logger then samples at the
    /// stamps `offset + k · interval` (offset 0: the multiples of `interval`) after now,
    /// skipping the first step after now when the offset is not 0.
    pub fn add_multimeter(
        &mut self,
        name: &str,
        params: Multimeter,
        targets: &[Selection],
    ) -> Result<MultimeterHandle> {
        self.check_new_name(name, "multimeter")?;
        let (interval, offset) = params.grid(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let mut resolved = Vec::new();
        for selection in targets {
            let indices = self.resolve(name, selection)?;
            let p = selection.population;
            let known = self.populations[p].recordables();
            check_recordables(name, &self.population_info[p], &known, &params.record_from)?;
            resolved.push((p, indices));
        }
        let mut meter = MeterRuntime::new(
            name,
            self.resolution,
            &params,
            resolved.iter().map(|(_, t)| t.len()).sum(),
            (interval, offset),
            window,
        );
        meter.open_file(&self.files, &self.provenance())?;
        let device = self.meters.len();
        let first = first_stamp(self.step, offset);
        for (p, indices) in resolved {
            for (b, block) in self.populations[p].blocks().iter_mut().enumerate() {
                let mut in_block: Vec<u32> = indices
                    .iter()
                    .filter(|&&i| block_of(i) == b)
                    .map(|&i| i - block_start(b) as u32)
                    .collect();
                if in_block.is_empty() {
                    continue;
                }
                in_block.sort_unstable();
                in_block.dedup();
                block.samplers.push(BlockSampler {
                    device,
                    interval,
                    offset,
                    window,
                    first,
                    record_from: params.record_from.clone(),
                    targets: in_block,
                    stamps: Vec::new(),
                    values: Vec::new(),
                });
            }
        }
        self.meters.push(meter);
        Ok(MultimeterHandle::new(device))
    }

    /// Refuses a name some part of the network already has.
    pub(in crate::network) fn check_new_name(&self, name: &str, kind: &str) -> Result<()> {
        if name.is_empty() {
            return Err(Error::Name(format!("a {kind} needs a non-empty name")));
        }
        let parts = [
            (
                "population",
                self.population_info.iter().any(|p| p.name == name),
            ),
            (
                "projection",
                self.projection_info.iter().any(|p| p.name == name),
            ),
            ("generator", self.generator_names.iter().any(|g| g == name)),
            (
                "spike recorder",
                self.recorders.iter().any(|r| r.name == name),
            ),
            ("multimeter", self.meters.iter().any(|m| m.name == name)),
            ("weight recorder", self.weight_recorder_named(name)),
        ];
        match parts.iter().find(|(_, taken)| *taken) {
            Some((existing, _)) => Err(Error::Name(format!(
                "duplicate name `{name}`: already used by a {existing}; choose another name \
                 for this {kind}"
            ))),
            None => Ok(()),
        }
    }

    /// The indices a selection names, checked against its population.
    pub(in crate::network) fn resolve(
        &self,
        entity: &str,
        selection: &Selection,
    ) -> Result<Vec<u32>> {
        let p = selection.population;
        let info = self
            .population_info
            .get(p)
            .ok_or_else(|| Error::Name(format!("{entity}: population #{p} does not exist")))?;
        let len = info.len;
        match &selection.indices {
            None => Ok((0..len as u32).collect()),
            Some(list) => match list.iter().find(|&&i| i as usize >= len) {
                Some(&bad) => Err(Error::invalid(
                    entity,
                    "targets",
                    bad,
                    format!("`{}` has {len} neurons (indices 0..{len})", info.name),
                )),
                None => Ok(list.clone()),
            },
        }
    }
}
