//! Devices: recorders and generators with their parameters.

use super::{key, Default::*, Key, Ty};
use crate::units::Dim;
use network_spec::devices::{
    AcGenerator, InhomogeneousPoissonGenerator, MipGenerator, SinusoidalPoissonGenerator,
    StepCurrentGenerator,
};
use network_spec::ParamInfo;
use network_spec::{
    GammaSupGenerator, PpdSupGenerator, PulsepacketGenerator, SinusoidalGammaGenerator,
};

/// Where a device's parameters are declared.
#[derive(Debug, Clone, Copy)]
pub enum DeviceParams {
    /// In the vocabulary's parameter table (`network_spec::devices`, `parameters!`).
    Table(&'static [ParamInfo]),
    /// Here.
    Keys(&'static [Key]),
}

/// A recorder or generator: NEST's model name and its parameters besides the activity
/// window ([`WINDOW`]) every device has.
#[derive(Debug, Clone, Copy)]
pub struct Device {
    /// NEST's model name.
    pub name: &'static str,
    /// Its parameters.
    pub params: DeviceParams,
    /// A generator's weight: `Some(Number)` for a current generator (the weight scales
    /// its current, NEST's default 1), `None` for a spike generator (the weight is a
    /// synaptic weight in the target's unit).
    pub weight: Option<Dim>,
    /// What it is.
    pub doc: &'static str,
}

impl Device {
    /// Every key it accepts: its parameters, then `start` and `stop`.
    pub fn key_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = match self.params {
            DeviceParams::Table(t) => t.iter().map(|p| p.name).collect(),
            DeviceParams::Keys(k) => k.iter().map(|k| k.name).collect(),
        };
        names.extend(WINDOW.iter().map(|k| k.name));
        names
    }
}

/// The activity window every device has (NEST's `start`/`stop`, relative to `origin` 0):
/// a recorder records, a generator emits, in (start, stop].
pub const WINDOW: &[Key] = &[
    key(
        "start",
        Ty::Quantity(Dim::Time),
        Is("0 ms"),
        "beginning of the window, >= 0 on the time grid",
    ),
    key(
        "stop",
        Ty::Quantity(Dim::Time),
        Said("never (NEST's inf)"),
        "end of the window, >= start on the time grid",
    ),
];

const INTERVAL: Key = key(
    "interval",
    Ty::Quantity(Dim::Time),
    Is("1 ms"),
    "sampling interval, a multiple of the resolution",
);
const OFFSET: Key = key(
    "offset",
    Ty::Quantity(Dim::Time),
    Is("0 ms"),
    "time of the first sample",
);

const TIME_IN_STEPS: Key = key(
    "time_in_steps",
    Ty::Flag,
    Is("false"),
    "NEST's `time_in_steps`: times reported as steps and offsets (files: `time_step`, `time_offset` columns)",
);

const TO: Key = key(
    "to",
    Ty::Form("`memory`, `ascii` or a directory string"),
    Is("memory"),
    "where events go: memory, or NEST's ASCII files in `data_path` (or the given directory)",
);

/// The recorders (`record NAME = RECORDER { .. } <- TARGET, ..;`).
pub const RECORDERS: &[Device] = &[
    Device {
        name: "spike_recorder",
        params: DeviceParams::Keys(&[TO, TIME_IN_STEPS]),
        weight: None,
        doc: "the spikes of its targets; a target may also be a spike-emitting generator \
              declared before it (`<- drive`, NEST's `Connect(drive, recorder)`), which sends \
              the recorder the train it sends every target (a spike list, pulse packets, a \
              shared train) or one drawn for the recorder alone (a Poisson train, a \
              superposition, a thinned copy of a mip parent), stamped when sent; its \
              events carry the generator's node id, numbered after every neuron. A \
              current generator (dc, ac, step current, noise) is an error, as in NEST",
    },
    Device {
        name: "voltmeter",
        params: DeviceParams::Keys(&[INTERVAL, OFFSET, TIME_IN_STEPS]),
        weight: None,
        doc: "a multimeter recording `V_m`",
    },
    Device {
        name: "weight_recorder",
        params: DeviceParams::Keys(&[
            TO,
            TIME_IN_STEPS,
            key(
                "senders",
                Ty::Form("a population or a list of populations"),
                Said("all"),
                "only transmissions from these neurons (NEST's `senders`)",
            ),
            key(
                "targets",
                Ty::Form("a population or a list of populations"),
                Said("all"),
                "only transmissions onto these neurons (NEST's `targets`)",
            ),
        ]),
        weight: None,
        doc: "every transmission of the named connections (`<- e2i, e2e`, declared before it): sender, target, delivered weight, the spike's time, receptor and port, as NEST's weight_recorder set on the connections' synapse models",
    },
    Device {
        name: "multimeter",
        params: DeviceParams::Keys(&[
            INTERVAL,
            OFFSET,
            TIME_IN_STEPS,
            key(
                "record_from",
                Ty::Form("list of recordables"),
                Required,
                "what it samples, e.g. `[V_m, I_syn_ex]`: recordables every target's model has (docs/models.md)",
            ),
        ]),
        weight: None,
        doc: "samples of its targets' state variables",
    },
];

/// The generators (`stimulate NAME = GENERATOR { .. } -> TARGET, .. [via ..];`).
pub const STIMULATORS: &[Device] = &[
    Device {
        name: "dc_generator",
        params: DeviceParams::Keys(&[key(
            "amplitude",
            Ty::Quantity(Dim::Current),
            Is("0 pA"),
            "the current",
        )]),
        weight: Some(Dim::Number),
        doc: "a constant current",
    },
    Device {
        name: "poisson_generator",
        params: DeviceParams::Keys(&[key(
            "rate",
            Ty::Quantity(Dim::Rate),
            Is("0 Hz"),
            "mean rate, >= 0",
        )]),
        weight: None,
        doc: "an independent Poisson spike train per target",
    },
    Device {
        name: "spike_generator",
        params: DeviceParams::Keys(&[
            key(
                "spike_times",
                Ty::List(Dim::Time),
                Is("[]"),
                "spike times, > 0 and sorted",
            ),
            key(
                "spike_weights",
                Ty::Form("list of weights (the synapse's unit)"),
                Is("[]"),
                "one weight per spike, replacing the synapse's weight",
            ),
            key(
                "spike_multiplicities",
                Ty::Form("list of whole numbers"),
                Is("[]"),
                "copies sent of each spike (the target counts each)",
            ),
            key(
                "allow_offgrid_times",
                Ty::Flag,
                Is("false"),
                "round times off the grid up to the end of their step",
            ),
            key(
                "precise_times",
                Ty::Flag,
                Is("false"),
                "keep times off the grid (rounded up to the step)",
            ),
            key(
                "shift_now_spikes",
                Ty::Flag,
                Is("false"),
                "a spike at 0 ms is sent at the first step",
            ),
        ]),
        weight: None,
        doc: "spikes at listed times",
    },
    Device {
        name: "noise_generator",
        params: DeviceParams::Keys(&[
            key(
                "mean",
                Ty::Quantity(Dim::Current),
                Is("0 pA"),
                "mean current",
            ),
            key(
                "std",
                Ty::Quantity(Dim::Current),
                Is("0 pA"),
                "standard deviation, >= 0",
            ),
            key(
                "dt",
                Ty::Quantity(Dim::Time),
                Is("1 ms"),
                "interval between new values",
            ),
            key(
                "std_mod",
                Ty::Quantity(Dim::Current),
                Is("0 pA"),
                "modulation of std, in [0, std]",
            ),
            key(
                "frequency",
                Ty::Quantity(Dim::Rate),
                Is("0 Hz"),
                "frequency of the modulation",
            ),
            key(
                "phase",
                Ty::Quantity(Dim::Angle),
                Is("0 deg"),
                "phase of the modulation",
            ),
        ]),
        weight: Some(Dim::Number),
        doc: "a gaussian white-noise current, independent per target",
    },
    Device {
        name: StepCurrentGenerator::NAME,
        params: DeviceParams::Table(StepCurrentGenerator::PARAMETERS),
        weight: Some(Dim::Number),
        doc: "a piecewise constant current",
    },
    Device {
        name: AcGenerator::NAME,
        params: DeviceParams::Table(AcGenerator::PARAMETERS),
        weight: Some(Dim::Number),
        doc: "a sine current",
    },
    Device {
        name: InhomogeneousPoissonGenerator::NAME,
        params: DeviceParams::Table(InhomogeneousPoissonGenerator::PARAMETERS),
        weight: None,
        doc: "Poisson spikes at a piecewise constant rate",
    },
    Device {
        name: SinusoidalPoissonGenerator::NAME,
        params: DeviceParams::Table(SinusoidalPoissonGenerator::PARAMETERS),
        weight: None,
        doc: "Poisson spikes at a sinusoidally modulated rate",
    },
    Device {
        name: MipGenerator::NAME,
        params: DeviceParams::Table(MipGenerator::PARAMETERS),
        weight: None,
        doc: "correlated spike trains: each target receives each spike of a parent Poisson \
              train with probability p_copy",
    },
    Device {
        name: PulsepacketGenerator::NAME,
        params: DeviceParams::Table(PulsepacketGenerator::PARAMETERS),
        weight: None,
        doc: "packets of `activity` spikes, normally spread (sdev) around each pulse time",
    },
    Device {
        name: GammaSupGenerator::NAME,
        params: DeviceParams::Table(GammaSupGenerator::PARAMETERS),
        weight: None,
        doc: "the superposition of n_proc gamma processes per target",
    },
    Device {
        name: PpdSupGenerator::NAME,
        params: DeviceParams::Table(PpdSupGenerator::PARAMETERS),
        weight: None,
        doc: "the superposition of n_proc Poisson processes with dead time per target, \
              optionally rate-modulated",
    },
    Device {
        name: SinusoidalGammaGenerator::NAME,
        params: DeviceParams::Table(SinusoidalGammaGenerator::PARAMETERS),
        weight: None,
        doc: "gamma spike trains at a sinusoidally modulated rate",
    },
];

/// The device named `name` in `table`.
pub fn device(table: &'static [Device], name: &str) -> Option<&'static Device> {
    table.iter().find(|d| d.name == name)
}
