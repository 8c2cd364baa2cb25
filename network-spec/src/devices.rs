//! Parameter tables of the stimulation devices declared with [`parameters!`](crate::parameters)
//! (NEST names, units, defaults), and NEST's checks of them. The engine runs them
//! (`network_core::devices`).

use crate::error::{Error, Result};
use crate::time::Resolution;

crate::parameters! {
    /// NEST's `step_current_generator`: a piecewise constant current. From each time of
    /// `amplitude_times` on (absolute times, not relative to `origin`) the current is the
    /// matching entry of `amplitude_values`; before the first, 0 pA. It flows while the
    /// device is active, with the timing of a `dc_generator`.
    pub device StepCurrentGenerator = "step_current_generator" {
        amplitude_times: list Time = [], "times of the amplitude changes, > 0 and strictly increasing on the grid";
        amplitude_values: list Current = [], "the amplitude from each time on, one per time";
        allow_offgrid_times: flag = false, "round times off the grid up to the end of their step instead of rejecting them";
    }
}

crate::parameters! {
    /// NEST's `ac_generator`: a sine current `offset + amplitude · sin(ω t + φ)`, with
    /// `ω = 2π · frequency`, computed as NEST does by rotating an oscillator step by
    /// step from its value at the start of each run.
    pub device AcGenerator = "ac_generator" {
        amplitude: Current = 0.0, "amplitude of the sine";
        offset: Current = 0.0, "constant current added to the sine";
        frequency: Rate = 0.0, "frequency of the sine";
        phase: Angle = 0.0, "phase of the sine at time 0";
    }
}

/// A device declared in this module's tables: NEST name, Rust type, parameters (besides
/// the activity window every device has).
#[derive(Debug, Clone, Copy)]
pub struct DeviceModel {
    /// NEST's model name.
    pub name: &'static str,
    /// The Rust type holding its parameters.
    pub rust_type: &'static str,
    /// Its table.
    pub parameters: &'static [crate::ParamInfo],
}

/// Every device declared in the tables, for the docs and `network models`.
pub const DEVICES: &[DeviceModel] = &[
    DeviceModel {
        name: StepCurrentGenerator::NAME,
        rust_type: "StepCurrentGenerator",
        parameters: StepCurrentGenerator::PARAMETERS,
    },
    DeviceModel {
        name: AcGenerator::NAME,
        rust_type: "AcGenerator",
        parameters: AcGenerator::PARAMETERS,
    },
    DeviceModel {
        name: InhomogeneousPoissonGenerator::NAME,
        rust_type: "InhomogeneousPoissonGenerator",
        parameters: InhomogeneousPoissonGenerator::PARAMETERS,
    },
    DeviceModel {
        name: SinusoidalPoissonGenerator::NAME,
        rust_type: "SinusoidalPoissonGenerator",
        parameters: SinusoidalPoissonGenerator::PARAMETERS,
    },
    DeviceModel {
        name: MipGenerator::NAME,
        rust_type: "MipGenerator",
        parameters: MipGenerator::PARAMETERS,
    },
    DeviceModel {
        name: crate::spike_train_devices::PulsepacketGenerator::NAME,
        rust_type: "PulsepacketGenerator",
        parameters: crate::spike_train_devices::PulsepacketGenerator::PARAMETERS,
    },
    DeviceModel {
        name: crate::spike_train_devices::GammaSupGenerator::NAME,
        rust_type: "GammaSupGenerator",
        parameters: crate::spike_train_devices::GammaSupGenerator::PARAMETERS,
    },
    DeviceModel {
        name: crate::spike_train_devices::PpdSupGenerator::NAME,
        rust_type: "PpdSupGenerator",
        parameters: crate::spike_train_devices::PpdSupGenerator::PARAMETERS,
    },
    DeviceModel {
        name: crate::spike_train_devices::SinusoidalGammaGenerator::NAME,
        rust_type: "SinusoidalGammaGenerator",
        parameters: crate::spike_train_devices::SinusoidalGammaGenerator::PARAMETERS,
    },
];

crate::parameters! {
    /// NEST's `inhomogeneous_poisson_generator`: an independent Poisson train per target
    /// whose rate is piecewise constant: from each time of `rate_times` on (absolute
    /// times) the matching entry of `rate_values`; before the first, 0 Hz.
    pub device InhomogeneousPoissonGenerator = "inhomogeneous_poisson_generator" {
        rate_times: list Time = [], "times of the rate changes, > 0 and strictly increasing on the grid";
        rate_values: list Rate = [], "the rate from each time on, one per time, >= 0";
        allow_offgrid_times: flag = false, "round times off the grid up to the end of their step instead of rejecting them";
    }
}

crate::parameters! {
    /// NEST's `sinusoidal_poisson_generator`: Poisson spikes at the rate
    /// `max(0, rate + amplitude · sin(ω t + φ))`, one train per target or one train
    /// shared by all.
    pub device SinusoidalPoissonGenerator = "sinusoidal_poisson_generator" {
        rate: Rate = 0.0, "mean rate";
        amplitude: Rate = 0.0, "amplitude of the rate's modulation";
        frequency: Rate = 0.0, "frequency of the modulation";
        phase: Angle = 0.0, "phase of the modulation at time 0";
        individual_spike_trains: flag = true, "one independent train per target (true) or one train for all (false)";
    }
}

crate::parameters! {
    /// NEST's `mip_generator`: a Poisson parent train at `rate`, each of whose spikes
    /// every target receives independently with probability `p_copy` (a multiple
    /// interaction process: targets share spikes).
    pub device MipGenerator = "mip_generator" {
        rate: Rate = 0.0, "rate of the parent train, >= 0";
        p_copy: Number = 1.0, "probability that a target receives a parent spike, in [0, 1]";
    }
}

impl SinusoidalPoissonGenerator {
    /// NEST's checks: every parameter a finite number.
    pub fn check(&self, entity: &str) -> Result<()> {
        finite_table::<Self>(self, entity)
    }
}

impl MipGenerator {
    /// NEST's checks: `rate >= 0`, `0 <= p_copy <= 1`.
    pub fn check(&self, entity: &str) -> Result<()> {
        if !(self.rate >= 0.0 && self.rate.is_finite()) {
            return Err(Error::invalid(entity, "rate", self.rate, "must be >= 0 Hz"));
        }
        if !(0.0..=1.0).contains(&self.p_copy) {
            return Err(Error::invalid(
                entity,
                "p_copy",
                self.p_copy,
                "must lie in [0, 1]",
            ));
        }
        Ok(())
    }
}

/// Every scalar of `M`'s table finite.
fn finite_table<M: crate::Parameters>(m: &M, entity: &str) -> Result<()> {
    for info in M::PARAMETERS {
        if let Some(v) = m.get(info.name) {
            if !v.is_finite() {
                return Err(Error::invalid(entity, info.name, v, "must be finite"));
            }
        }
    }
    Ok(())
}

/// One change of a step current: the step from whose start on it holds (NEST's
/// amplitude time stamp) and the amplitude (pA).
pub type AmplitudeStep = (i64, f64);

impl StepCurrentGenerator {
    /// The amplitude changes as time stamps (steps) with their values, checked as NEST
    /// checks them: as many values as times, times > 0 ms, on the grid (within a tic) or
    /// rounded up to it with `allow_offgrid_times`, strictly increasing after rounding.
    pub fn amplitude_steps(&self, entity: &str, res: &Resolution) -> Result<Vec<AmplitudeStep>> {
        listed_stamps(
            entity,
            ("amplitude_times", &self.amplitude_times),
            ("amplitude_values", &self.amplitude_values),
            self.allow_offgrid_times,
            res,
        )
    }
}

impl InhomogeneousPoissonGenerator {
    /// The rate changes as time stamps (steps) with their rates (Hz), checked as
    /// NEST checks them (as a step current's times; rates >= 0 Hz).
    pub fn rate_steps(&self, entity: &str, res: &Resolution) -> Result<Vec<AmplitudeStep>> {
        if let Some(&r) = self.rate_values.iter().find(|r| r.is_nan() || **r < 0.0) {
            return Err(Error::invalid(entity, "rate_values", r, "must be >= 0 Hz"));
        }
        listed_stamps(
            entity,
            ("rate_times", &self.rate_times),
            ("rate_values", &self.rate_values),
            self.allow_offgrid_times,
            res,
        )
    }
}

/// Listed times with one value each, as NEST's step-current and inhomogeneous
/// generators take them: as many values as times, times > 0 ms, on the grid (within
/// half a tic) or stamped at the end of their step with `allow_offgrid_times`, in
/// strictly increasing steps; values finite.
fn listed_stamps(
    entity: &str,
    (times_name, times): (&'static str, &[f64]),
    (values_name, values): (&'static str, &[f64]),
    allow_offgrid_times: bool,
    res: &Resolution,
) -> Result<Vec<AmplitudeStep>> {
    if times.len() != values.len() {
        return Err(Error::invalid(
            entity,
            values_name,
            values.len(),
            format!("must have one value per time ({} times)", times.len()),
        ));
    }
    let mut previous = 0;
    let mut steps = Vec::with_capacity(times.len());
    for (&t, &value) in times.iter().zip(values) {
        if !(t.is_finite() && t > 0.0) {
            return Err(Error::invalid(
                entity,
                times_name,
                t,
                "changes happen only at times > 0 ms",
            ));
        }
        crate::time::checked_tics(entity, times_name, t)?;
        if !value.is_finite() {
            return Err(Error::invalid(entity, values_name, value, "must be finite"));
        }
        let stamp = match res.tic_grid_steps(t) {
            Some(s) => s,
            None if allow_offgrid_times => res.ms_stamp_steps(t),
            None => {
                return Err(Error::invalid(
                    entity,
                    times_name,
                    t,
                    format!(
                        "must lie on the grid of {} ms (or set allow_offgrid_times)",
                        res.ms()
                    ),
                ))
            }
        };
        if stamp <= previous {
            return Err(Error::invalid(
                entity,
                times_name,
                t,
                "times must fall in strictly increasing steps",
            ));
        }
        previous = stamp;
        steps.push((stamp, value));
    }
    Ok(steps)
}

impl AcGenerator {
    /// NEST's checks: every parameter a finite number.
    pub fn check(&self, entity: &str) -> Result<()> {
        finite_table::<Self>(self, entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_times_follow_nest() {
        let r = Resolution::default();
        let g = |times: &[f64], offgrid| StepCurrentGenerator {
            amplitude_times: times.to_vec(),
            amplitude_values: vec![1.0; times.len()],
            allow_offgrid_times: offgrid,
            ..Default::default()
        };
        let stamps = |s: Vec<AmplitudeStep>| s.into_iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(
            stamps(g(&[2.9999, 5.0], false).amplitude_steps("s", &r).unwrap()),
            [30, 50]
        );
        assert!(g(&[2.95], false).amplitude_steps("s", &r).is_err());
        assert_eq!(
            stamps(g(&[2.95, 3.05], true).amplitude_steps("s", &r).unwrap()),
            [30, 31]
        );
        // 2.95 and 3.0 both stamp step 30: not strictly increasing.
        let e = g(&[2.95, 3.0], true).amplitude_steps("s", &r).unwrap_err();
        assert!(e.to_string().contains("strictly increasing"), "{e}");
        assert!(g(&[0.0], false).amplitude_steps("s", &r).is_err());
        let mut short = g(&[1.0, 2.0], false);
        short.amplitude_values.pop();
        assert!(short.amplitude_steps("s", &r).is_err());
    }
}
