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
    /// own, as NEST starts a new target's. A generator of current is refused, as NEST
    /// refuses it; a train shared by all targets (a `mip_generator`'s, a
    /// `pulsepacket_generator`'s, `individual_spike_trains: false`) is drawn from the
    /// start of the run, which a recorder connected later would have to take over:
    /// refused, saying to record it from the build with a `start`.
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
        let Some(stimulus) = stimulus else {
            return Err(Error::invalid(
                name,
                "sources",
                generator_name,
                format!(
                    "`{generator_name}` sends one train to all its targets, drawn from the \
                     start of the run, so a spike recorder cannot be connected to this \
                     {model} between runs yet (a generator with a train per target can be); \
                     record it from the build and set the recorder's `start` to the time it \
                     should begin"
                ),
            ));
        };
        let rng = self
            .seed
            .stream(Purpose::Simulation, generator_entity(g as u64), tap_key(r));
        self.taps.push(GeneratorTap::new(g, r, &stimulus, rng));
        self.recorders[r].generators.push(g);
        Ok(())
    }
}
