//! `NetworkBuilder::spike_recorder` and `multimeter`: the recording devices.

use super::NetworkBuilder;
use crate::devices::{Multimeter, SpikeRecorder, WeightRecorder};
use crate::error::Result;
use crate::network::canonical::Call;
use crate::network::handles::{
    MultimeterHandle, ProjectionHandle, Selection, SpikeRecorderHandle, WeightRecorderHandle,
};
use crate::network::placement::MultimeterSpec;
use crate::network::recording::{MeterRuntime, RecorderRuntime, SpikeEvents};
use crate::network::runtime::Network;

impl NetworkBuilder {
    /// Adds a spike recorder on the selected neurons.
    pub fn spike_recorder(
        &mut self,
        name: &str,
        params: SpikeRecorder,
        sources: &[Selection],
    ) -> Result<SpikeRecorderHandle> {
        self.check_name(name, "spike recorder")?;
        self.note(
            Call::new("spike_recorder")
                .field("name", name)
                .debug("params", &params)
                .selections("sources", sources),
        );
        let window = params.window.steps(name, &self.resolution)?;
        let mut masks: Vec<Option<Vec<bool>>> = vec![None; self.populations.len()];
        for selection in sources {
            let indices = self.resolve(name, selection)?;
            if masks[selection.population].is_none() {
                let len = self.population_info[selection.population].len;
                self.memory.reserve(
                    &format!("spike recorder `{name}` (flags for {len} neurons)"),
                    len as u64,
                    0,
                )?;
            }
            let mask = masks[selection.population]
                .get_or_insert_with(|| vec![false; self.population_info[selection.population].len]);
            for i in indices {
                mask[i as usize] = true;
            }
        }
        self.take_name(name, "spike recorder");
        self.recorders.push(RecorderRuntime {
            name: name.to_string(),
            window,
            window_ms: params.window,
            masks,
            events: SpikeEvents::new(self.resolution).in_steps(params.time_in_steps),
            record_to: params.record_to,
            file: None,
            in_memory: true,
            recorded: 0,
        });
        Ok(SpikeRecorderHandle::new(self.recorders.len() - 1))
    }

    /// Adds a multimeter (or voltmeter) on the selected neurons.
    pub fn multimeter(
        &mut self,
        name: &str,
        params: Multimeter,
        targets: &[Selection],
    ) -> Result<MultimeterHandle> {
        self.check_name(name, "multimeter")?;
        self.note(
            Call::new("multimeter")
                .field("name", name)
                .debug("params", &params)
                .selections("targets", targets),
        );
        let (interval, offset) = params.grid(name, &self.resolution)?;
        let window = params.window.steps(name, &self.resolution)?;
        let mut resolved = Vec::new();
        for selection in targets {
            let indices = self.resolve(name, selection)?;
            self.check_recordables(name, selection.population, &params.record_from)?;
            resolved.push((selection.population, indices));
        }
        self.take_name(name, "multimeter");
        self.meters.push(MeterRuntime::new(
            name,
            self.resolution,
            &params,
            resolved.iter().map(|(_, t)| t.len()).sum(),
            (interval, offset),
            window,
        ));
        self.multimeters.push(MultimeterSpec {
            interval,
            offset,
            window,
            record_from: params.record_from,
            targets: resolved,
        });
        Ok(MultimeterHandle::new(self.multimeters.len() - 1))
    }
}

/// A weight recorder declared on the builder, attached when the network is built.
#[derive(Debug)]
pub(super) struct WeightRecorderSpec {
    name: String,
    params: WeightRecorder,
    projections: Vec<ProjectionHandle>,
    senders: Vec<Selection>,
    targets: Vec<Selection>,
}

impl WeightRecorderSpec {
    /// Attaches the recorder to the built network's projections.
    pub(super) fn attach(self, network: &mut Network) -> Result<WeightRecorderHandle> {
        network.add_weight_recorder(
            &self.name,
            self.params,
            &self.projections,
            &self.senders,
            &self.targets,
        )
    }
}

impl NetworkBuilder {
    /// Adds a weight recorder (NEST's `weight_recorder`, set on a copy of each
    /// projection's synapse model) recording every transmission of `projections`' synapses
    /// from `senders` onto `targets` (empty: all): sender, target, delivered weight,
    /// the spike's stamp, receptor and port. Read with `Network::weights_recorded`.
    pub fn weight_recorder(
        &mut self,
        name: &str,
        params: WeightRecorder,
        projections: &[ProjectionHandle],
        senders: &[Selection],
        targets: &[Selection],
    ) -> Result<WeightRecorderHandle> {
        self.check_name(name, "weight recorder")?;
        self.note(
            Call::new("weight_recorder")
                .field("name", name)
                .debug("params", &params)
                .debug(
                    "projections",
                    &projections.iter().map(|p| p.index).collect::<Vec<_>>(),
                )
                .selections("senders", senders)
                .selections("targets", targets),
        );
        let indices: Vec<usize> = projections.iter().map(|p| p.index).collect();
        params.check(name, &indices, self.projections.len(), &self.resolution)?;
        for selection in senders.iter().chain(targets) {
            self.resolve(name, selection)?;
        }
        self.take_name(name, "weight recorder");
        self.weight_recorders.push(WeightRecorderSpec {
            name: name.to_string(),
            params,
            projections: projections.to_vec(),
            senders: senders.to_vec(),
            targets: targets.to_vec(),
        });
        Ok(WeightRecorderHandle::new(self.weight_recorders.len() - 1))
    }
}
