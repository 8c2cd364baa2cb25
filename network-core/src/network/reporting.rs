//! `Network::report`: the engine's own counts turned into a [`Report`].

use super::runtime::Network;
use crate::report::{DeviceReport, FiringCheck, PopulationReport, ProjectionReport, Report};

impl Network {
    /// What the simulation did so far: per population size, spikes, mean rate, CV of
    /// inter-spike intervals, silent fraction and the check against declared firing
    /// ranges; per projection synapses and mean indegree; per device targets and
    /// events; build and simulation time; provenance. Counts every spike, recorded or
    /// not. Print it (`{}`) or turn it into JSON (`report.to_json()`).
    pub fn report(&self) -> Report {
        let simulated_ms = self.time();
        let seconds = simulated_ms / 1000.0;
        let step_ms = self.resolution.ms();
        let populations = self
            .population_info
            .iter()
            .zip(&self.stats)
            .map(|(info, stats)| {
                let spikes: u64 = stats.counts.iter().map(|&c| u64::from(c)).sum();
                let rate_hz = (seconds > 0.0).then(|| spikes as f64 / (info.len as f64 * seconds));
                let cvs: Vec<f64> = (0..stats.len())
                    .filter_map(|i| stats.isi(i))
                    .filter(|m| m.mean > 0.0)
                    .map(|m| (m.std * step_ms) / (m.mean * step_ms))
                    .collect();
                let cv_isi = (!cvs.is_empty()).then(|| cvs.iter().sum::<f64>() / cvs.len() as f64);
                let silent = stats.counts.iter().filter(|&&c| c == 0).count();
                PopulationReport {
                    name: info.name.clone(),
                    model: info.model.clone(),
                    size: info.len,
                    spikes,
                    rate_hz,
                    cv_isi,
                    cv_neurons: cvs.len(),
                    silent_fraction: silent as f64 / info.len as f64,
                    firing: info
                        .firing
                        .zip(rate_hz)
                        .map(|(ranges, rate)| FiringCheck::new(ranges, rate)),
                }
            })
            .collect();
        let projections = self
            .projection_info
            .iter()
            .map(|p| {
                let target = &self.population_info[p.target];
                ProjectionReport {
                    name: p.name.clone(),
                    source: self.population_info[p.source].name.clone(),
                    target: target.name.clone(),
                    synapse_model: p.synapse_model.clone(),
                    synapses: p.synapses,
                    mean_indegree: p.synapses as f64 / target.len as f64,
                }
            })
            .collect();
        let recorders = self.recorders.iter().map(|r| DeviceReport {
            name: r.name.clone(),
            model: "spike_recorder".into(),
            targets: r.targets(),
            // Counted whether kept in memory or written to the file only.
            events: Some(r.recorded as usize),
        });
        let meters = self.meters.iter().map(|m| DeviceReport {
            name: m.name.clone(),
            model: "multimeter".into(),
            targets: m.targets,
            events: Some(m.recorded as usize),
        });
        let generators = self.generators.iter().map(|g| DeviceReport {
            name: g.name.clone(),
            model: g.model.into(),
            targets: g.targets,
            events: None,
        });
        let simulation_s = self.simulation_time().as_secs_f64();
        Report {
            provenance: self.provenance(),
            simulated_ms,
            build_s: self.build_time.as_secs_f64(),
            simulation_s,
            real_time_factor: (simulation_s > 0.0 && seconds > 0.0).then(|| seconds / simulation_s),
            populations,
            projections,
            devices: recorders.chain(meters).chain(generators).collect(),
        }
    }
}
