//! `NetworkBuilder::spike_recorder` (on neurons, `record_generator` on generators) and `multimeter`: the
//! recording devices.

use super::NetworkBuilder;
use crate::devices::{Multimeter, SpikeRecorder, WeightRecorder};
use crate::error::{Error, Result};
use crate::network::canonical::Call;
use crate::network::handles::{
    GeneratorHandle, MultimeterHandle, ProjectionHandle, Selection, SpikeRecorderHandle,
    WeightRecorderHandle,
};
use crate::network::placement::MultimeterSpec;
use crate::network::recording::{MeterRuntime, RecorderRuntime, SpikeEvents};
use crate::network::runtime::Network;

/// The bytes a recorder on a generator holds: the generator's drive for one target and
/// a ring of one neuron (two rows of `BLOCK_LEN` values).
const GENERATOR_TAP_BYTES: u64 = 2 * crate::engine::block::BLOCK_LEN as u64 * 8 + 256;

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
            generators: Vec::new(),
            from_generators: Vec::new(),
        });
        Ok(SpikeRecorderHandle::new(self.recorders.len() - 1))
    }

    /// Records the spikes generator `generator` sends (NEST's
    /// `nest.Connect(generator, recorder)`): the recorder becomes one more target of
    /// the generator, which gives it the train it gives every target (a spike list, a
    /// pulse packet, a shared train) or one drawn for it alone (a Poisson train, a
    /// superposition, a thinned copy), each event stamped when sent and carrying the
    /// generator's node id ([`Network::generator_node_id`]). A generator of current
    /// (dc, ac, step current, noise) is refused, as NEST refuses it.
    pub fn record_generator(
        &mut self,
        recorder: &SpikeRecorderHandle,
        generator: &GeneratorHandle,
    ) -> Result<()> {
        let (r, g) = (recorder.index, generator.index);
        let Some(rec) = self.recorders.get(r) else {
            return Err(Error::Name(format!(
                "spike recorder #{r} does not exist in this builder ({} spike recorders)",
                self.recorders.len()
            )));
        };
        let (Some(spec), Some(info)) = (self.generators.get(g), self.generator_info.get(g)) else {
            return Err(Error::Name(format!(
                "generator #{g} does not exist in this builder ({} generators)",
                self.generators.len()
            )));
        };
        let (name, generator_name) = (rec.name.clone(), info.name.clone());
        let (model, current) = (info.model, spec.kind.emits_current());
        let recorded = rec.generators.contains(&g);
        self.note(
            Call::new("record_generator")
                .field("recorder", &name)
                .field("generator", &generator_name),
        );
        if current {
            return Err(Error::invalid(
                &name,
                "sources",
                &generator_name,
                format!(
                    "`{generator_name}` is a {model}, which sends current, not spikes: the \
                     target node or synapse model does not support current input (NEST); \
                     record the neurons it drives (`V_m`, `I_syn` with a multimeter) instead"
                ),
            ));
        }
        if recorded {
            return Err(Error::invalid(
                &name,
                "sources",
                &generator_name,
                format!(
                    "already records generator `{generator_name}`; one connection per \
                     generator and recorder"
                ),
            ));
        }
        self.memory.reserve(
            &format!("spike recorder `{name}` on generator `{generator_name}`"),
            GENERATOR_TAP_BYTES,
            0,
        )?;
        self.recorders[r].generators.push(g);
        Ok(())
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
