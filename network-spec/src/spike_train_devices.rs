//! Parameter tables of the generators whose spike trains are not Poisson: pulse packets,
//! superpositions of gamma and of dead-time processes, and the sinusoidally modulated
//! gamma process (NEST 3.10's names, units and defaults), with NEST's checks of them.
//! The engine runs them (`network_core::engine::train_drive`).

use crate::error::{Error, Result};

crate::parameters! {
    /// NEST's `pulsepacket_generator`: around each time of `pulse_times` a packet of
    /// `activity` spikes, each displaced from the centre by a normal deviate of standard
    /// deviation `sdev`; all targets receive the same train.
    pub device PulsepacketGenerator = "pulsepacket_generator" {
        pulse_times: list Time = [], "centres of the packets (absolute times; NEST sorts them)";
        activity: integer = 0.0, "spikes per packet, >= 0";
        sdev: Time = 0.0, "standard deviation of the spike times in a packet, >= 0";
    }
}

crate::parameters! {
    /// NEST's `gamma_sup_generator`: each target receives its own superposition of
    /// `n_proc` independent gamma processes of shape `gamma_shape`, each at `rate`.
    pub device GammaSupGenerator = "gamma_sup_generator" {
        rate: Rate = 0.0, "rate of each component process, >= 0";
        gamma_shape: integer = 1.0, "shape of the gamma distribution of the intervals, >= 1";
        n_proc: integer = 1.0, "number of superposed component processes, >= 1";
    }
}

crate::parameters! {
    /// NEST's `ppd_sup_generator`: each target receives its own superposition of
    /// `n_proc` independent Poisson processes with dead time, at `rate`, optionally
    /// modulated as `rate · (1 + relative_amplitude · sin(2π · frequency · t))`.
    pub device PpdSupGenerator = "ppd_sup_generator" {
        rate: Rate = 0.0, "rate of each component process; 1/rate must exceed dead_time";
        dead_time: Time = 0.0, "dead time of each component process, >= 0";
        n_proc: integer = 1.0, "number of superposed component processes, >= 1";
        frequency: Rate = 0.0, "frequency of the rate's modulation";
        relative_amplitude: Number = 0.0, "relative amplitude of the modulation, in [0, 1]";
    }
}

crate::parameters! {
    /// NEST's `sinusoidal_gamma_generator`: a gamma process of shape `order` whose rate is
    /// `rate + amplitude · sin(2π · frequency · t + phase)`, drawn step by step from its
    /// hazard (the integrated rate since the last spike, as NEST integrates it); one train
    /// per target or one train shared by all.
    pub device SinusoidalGammaGenerator = "sinusoidal_gamma_generator" {
        rate: Rate = 0.0, "mean rate, >= amplitude";
        amplitude: Rate = 0.0, "amplitude of the rate's modulation, in [0, rate]";
        frequency: Rate = 0.0, "frequency of the modulation";
        phase: Angle = 0.0, "phase of the modulation at time 0";
        order: Number = 1.0, "shape of the gamma process, >= 1 (not necessarily whole)";
        individual_spike_trains: flag = true, "one independent train per target (true) or one train for all (false)";
    }
}

/// A whole number >= `min`, as NEST's `long` parameters take them.
fn whole(entity: &str, name: &str, v: f64, min: f64) -> Result<()> {
    if !(v.is_finite() && v.fract() == 0.0 && v >= min && v <= i32::MAX as f64) {
        return Err(Error::invalid(
            entity,
            name,
            v,
            format!("must be a whole number >= {min}"),
        ));
    }
    Ok(())
}

impl PulsepacketGenerator {
    /// NEST's checks: `activity >= 0` (whole), `sdev >= 0`, pulse times finite.
    pub fn check(&self, entity: &str) -> Result<()> {
        whole(entity, "activity", self.activity, 0.0)?;
        if !(self.sdev >= 0.0 && self.sdev.is_finite()) {
            return Err(Error::invalid(entity, "sdev", self.sdev, "must be >= 0 ms"));
        }
        if let Some(&t) = self.pulse_times.iter().find(|t| !t.is_finite()) {
            return Err(Error::invalid(entity, "pulse_times", t, "must be finite"));
        }
        Ok(())
    }

    /// The pulse centres sorted, as NEST keeps them (ms).
    pub fn sorted_pulse_times(&self) -> Vec<f64> {
        let mut times = self.pulse_times.clone();
        times.sort_by(f64::total_cmp);
        times
    }
}

impl GammaSupGenerator {
    /// NEST's checks: `gamma_shape >= 1`, `rate >= 0`, `n_proc >= 1` (whole numbers).
    pub fn check(&self, entity: &str) -> Result<()> {
        whole(entity, "gamma_shape", self.gamma_shape, 1.0)?;
        if !(self.rate >= 0.0 && self.rate.is_finite()) {
            return Err(Error::invalid(entity, "rate", self.rate, "must be >= 0 Hz"));
        }
        whole(entity, "n_proc", self.n_proc, 1.0)
    }
}

impl PpdSupGenerator {
    /// NEST's checks: `dead_time >= 0`, `1000 / rate > dead_time`, `n_proc >= 1`,
    /// `0 <= relative_amplitude <= 1`.
    pub fn check(&self, entity: &str) -> Result<()> {
        if !(self.dead_time >= 0.0 && self.dead_time.is_finite()) {
            return Err(Error::invalid(
                entity,
                "dead_time",
                self.dead_time,
                "must be >= 0 ms",
            ));
        }
        if !(self.rate.is_finite() && self.rate >= 0.0) || 1000.0 / self.rate <= self.dead_time {
            return Err(Error::invalid(
                entity,
                "rate",
                self.rate,
                format!(
                    "must be >= 0 Hz with 1/rate longer than dead_time = {} ms",
                    self.dead_time
                ),
            ));
        }
        whole(entity, "n_proc", self.n_proc, 1.0)?;
        if !self.frequency.is_finite() {
            return Err(Error::invalid(
                entity,
                "frequency",
                self.frequency,
                "must be finite",
            ));
        }
        if !(0.0..=1.0).contains(&self.relative_amplitude) {
            return Err(Error::invalid(
                entity,
                "relative_amplitude",
                self.relative_amplitude,
                "must lie in [0, 1]",
            ));
        }
        Ok(())
    }
}

impl SinusoidalGammaGenerator {
    /// NEST's checks: `order >= 1`, `0 <= amplitude <= rate`, all finite.
    pub fn check(&self, entity: &str) -> Result<()> {
        for (name, v) in [
            ("rate", self.rate),
            ("amplitude", self.amplitude),
            ("frequency", self.frequency),
            ("phase", self.phase),
            ("order", self.order),
        ] {
            if !v.is_finite() {
                return Err(Error::invalid(entity, name, v, "must be finite"));
            }
        }
        if self.order < 1.0 {
            return Err(Error::invalid(entity, "order", self.order, "must be >= 1"));
        }
        if !(0.0 <= self.amplitude && self.amplitude <= self.rate) {
            return Err(Error::invalid(
                entity,
                "amplitude",
                self.amplitude,
                format!("must lie in [0, rate] = [0, {}] Hz", self.rate),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_follow_nest() {
        let ok = PpdSupGenerator {
            rate: 100.0,
            dead_time: 9.0,
            ..Default::default()
        };
        assert!(ok.check("g").is_ok());
        // 1000 / 100 Hz = 10 ms must exceed the dead time.
        let e = PpdSupGenerator {
            dead_time: 10.0,
            ..ok.clone()
        }
        .check("g")
        .unwrap_err();
        assert!(e.to_string().contains("dead_time"), "{e}");
        assert!(PpdSupGenerator::default().check("g").is_ok());
        assert!(GammaSupGenerator {
            gamma_shape: 0.0,
            ..Default::default()
        }
        .check("g")
        .is_err());
        assert!(GammaSupGenerator {
            n_proc: 1.5,
            ..Default::default()
        }
        .check("g")
        .is_err());
        let g = SinusoidalGammaGenerator {
            rate: 10.0,
            amplitude: 11.0,
            ..Default::default()
        };
        assert!(g.check("g").is_err());
        assert!(PulsepacketGenerator {
            activity: -1.0,
            ..Default::default()
        }
        .check("g")
        .is_err());
        assert!(PulsepacketGenerator {
            sdev: -0.1,
            ..Default::default()
        }
        .check("g")
        .is_err());
    }
}
