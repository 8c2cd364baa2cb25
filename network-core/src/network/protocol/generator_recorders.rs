//! A spike recorder connected to a generator between runs (NEST's
//! `nest.Connect(generator, recorder)` after a `Simulate`): the recorder becomes one more
//! target of the generator from now on, as at build (`engine::generator_tap`).

use super::generators::fresh_stimulus;
use crate::engine::generator_tap::{tap_key, GeneratorTap};
use crate::engine::stimulus::StimulusKind;
use crate::error::{Error, Result};
use crate::network::handles::{GeneratorHandle, SpikeRecorderHandle};
use crate::network::info::{GeneratorParams, TableParams};
use crate::network::placement::generator_entity;
use crate::network::runtime::Network;
use crate::rng::Purpose;

impl Network {
    /// Records the spikes generator `generator` sends from the next step on (NEST's
    /// `nest.Connect(generator, recorder)` between `Simulate` calls; the recorder may
    /// have been made at build or between runs). As at build
    /// ([`NetworkBuilder::record_generator`](crate::NetworkBuilder::record_generator)),
    /// a `poisson_generator` draws the recorder a train of its own (from a stream keyed
    /// by seed, generator and recorder), and a `spike_generator` sends it its listed
    /// spikes stamped after now, and a generator with a train per target
    /// (`inhomogeneous_poisson_generator`, `gamma_sup_generator`, `ppd_sup_generator`,
    /// individual sinusoidal Poisson and gamma trains) starts the recorder a train of its
    /// own, as NEST starts a new target's. A generator that sends one train to all its
    /// targets (a `mip_generator`'s parent, a `pulsepacket_generator`'s packets, a
    /// sinusoidal train with `individual_spike_trains: false`) sends the recorder that
    /// train from the next step on, as it stands now (`engine::shared_clock`): the
    /// spikes every target receives (packet spikes already drawn included), or for a
    /// `mip_generator` a copy of the same parent thinned with `p_copy` from a stream
    /// keyed by seed, generator and recorder. The recorded spikes depend on the seed
    /// alone, not on the threads, the ranks or where the generator's targets are. A
    /// generator of current is refused, as NEST refuses it.
    pub fn add_record_generator(
        &mut self,
        recorder: &SpikeRecorderHandle,
        generator: &GeneratorHandle,
    ) -> Result<()> {
        let (r, g) = (recorder.index, generator.index);
        let Some(rec) = self.recorders.get(r) else {
            return Err(Error::Name(format!(
                "spike recorder #{r} does not exist in this network ({} spike recorders)",
                self.recorders.len()
            )));
        };
        let Some(info) = self.generators.get(g) else {
            return Err(Error::Name(format!(
                "generator #{g} does not exist in this network ({} generators)",
                self.generators.len()
            )));
        };
        let (name, generator_name, model) = (&rec.name, &info.name, info.model);
        if rec.generators.contains(&g) {
            return Err(Error::invalid(
                name,
                "sources",
                generator_name,
                format!(
                    "already records generator `{generator_name}`; one connection per \
                     generator and recorder"
                ),
            ));
        }
        let current = matches!(
            info.params,
            Some(
                GeneratorParams::Dc(_)
                    | GeneratorParams::Noise(_)
                    | GeneratorParams::Table(TableParams::StepCurrent(_) | TableParams::Ac(_))
            )
        );
        if current {
            return Err(Error::invalid(
                name,
                "sources",
                generator_name,
                format!(
                    "`{generator_name}` is a {model}, which sends current, not spikes: the \
                     target node or synapse model does not support current input (NEST); \
                     record the neurons it drives (`V_m`, `I_syn` with a multimeter) instead"
                ),
            ));
        }
        let res = &self.resolution;
        let stimulus = match &info.params {
            Some(GeneratorParams::Table(t)) => {
                t.own_train(generator_name, res)?.map(|(drive, window)| {
                    StimulusKind::Rate {
                        drive,
                        h: res.ms(),
                        tics_per_step: res.tics_per_step(),
                        // Not drawn from: the recorder's train is its own.
                        shared: Box::new(self.seed.stream(
                            Purpose::Simulation,
                            generator_entity(g as u64),
                            u64::MAX,
                        )),
                        window,
                    }
                })
            }
            Some(params) => fresh_stimulus(params, generator_name, res)?,
            None => None,
        };
        let rng = self
            .seed
            .stream(Purpose::Simulation, generator_entity(g as u64), tap_key(r));
        let tap = match stimulus {
            Some(stimulus) => GeneratorTap::new(g, r, &stimulus, rng),
            None => match self.clocks.iter().find(|c| c.generator == g) {
                // A shared train: the recorder takes it over as it stands now.
                Some(clock) => clock.tap(r, rng),
                None => {
                    return Err(Error::invalid(
                        name,
                        "sources",
                        generator_name,
                        format!(
                            "the train of `{generator_name}` (a {model}) is not kept after \
                             build, so a spike recorder cannot be connected to it between \
                             runs; record it from the build and set the recorder's `start` \
                             to the time it should begin"
                        ),
                    ))
                }
            },
        };
        self.taps.push(tap);
        self.recorders[r].generators.push(g);
        Ok(())
    }
}
