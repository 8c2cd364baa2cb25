//! The report as a table for people.

use super::{FiringCheck, Report};
use std::fmt;

fn or_dash(v: Option<f64>, decimals: usize) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.decimals$}"))
}

fn firing_text(check: &Option<FiringCheck>) -> String {
    let Some(check) = check else {
        return String::new();
    };
    if check.outside {
        return format!("OUTSIDE declared ranges ({})", check.declared);
    }
    let names: Vec<String> = check
        .within
        .iter()
        .map(|regime| {
            let range = check
                .declared
                .declared()
                .find(|(r, _)| r == regime)
                .map(|(_, range)| range.to_string())
                .unwrap_or_default();
            format!("{} ({range})", regime.name())
        })
        .collect();
    names.join(", ")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.provenance;
        write!(
            f,
            "{:.1} ms simulated in {:.3} s",
            self.simulated_ms, self.simulation_s
        )?;
        if let Some(rtf) = self.real_time_factor {
            write!(f, " ({rtf:.2}x real time)")?;
        }
        writeln!(f, ", built in {:.3} s", self.build_s)?;
        writeln!(
            f,
            "{}, resolution {} ms, seed {}, {} thread(s), description sha256 {}",
            p.software,
            p.resolution_ms,
            p.seed,
            p.threads,
            &p.description_sha256[..p.description_sha256.len().min(16)]
        )?;
        let name_width = self
            .populations
            .iter()
            .map(|p| p.name.len())
            .chain(self.projections.iter().map(|p| p.name.len()))
            .chain(self.devices.iter().map(|d| d.name.len()))
            .chain([10])
            .max()
            .unwrap_or(10);
        let w = name_width;
        writeln!(
            f,
            "\n{:<w$}  {:>8}  {:>9}  {:>9}  {:>6}  {:>7}  firing",
            "population", "neurons", "spikes", "rate (Hz)", "CV ISI", "silent"
        )?;
        for pop in &self.populations {
            writeln!(
                f,
                "{:<w$}  {:>8}  {:>9}  {:>9}  {:>6}  {:>6.1}%  {}",
                pop.name,
                pop.size,
                pop.spikes,
                or_dash(pop.rate_hz, 3),
                or_dash(pop.cv_isi, 3),
                100.0 * pop.silent_fraction,
                firing_text(&pop.firing)
            )?;
        }
        if !self.projections.is_empty() {
            writeln!(
                f,
                "\n{:<w$}  {:>10}  {:>13}  synapse",
                "projection", "synapses", "mean indegree"
            )?;
            for proj in &self.projections {
                writeln!(
                    f,
                    "{:<w$}  {:>10}  {:>13.3}  {}",
                    proj.name, proj.synapses, proj.mean_indegree, proj.synapse_model
                )?;
            }
        }
        if !self.devices.is_empty() {
            writeln!(
                f,
                "\n{:<w$}  {:<17}  {:>8}  {:>9}",
                "device", "model", "targets", "events"
            )?;
            for d in &self.devices {
                let events = d.events.map_or_else(|| "-".to_string(), |e| e.to_string());
                writeln!(
                    f,
                    "{:<w$}  {:<17}  {:>8}  {:>9}",
                    d.name, d.model, d.targets, events
                )?;
            }
        }
        let flagged: Vec<&str> = self.implausible().map(|p| p.name.as_str()).collect();
        if !flagged.is_empty() {
            writeln!(
                f,
                "\nwarning: the rate of {} lies outside every firing range its model declares",
                flagged.join(", ")
            )?;
        }
        Ok(())
    }
}
