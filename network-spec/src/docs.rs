//! The reference of every model, written from the tables: `docs/models.md` is this
//! text (a test keeps it current), and `network models NAME` prints one model's part.

use crate::params::{ParamInfo, ParamKind};
use crate::registry::{BaseModel, SynapseModel};
use crate::units::Dimension;
use std::fmt::Write;

/// One model's parameters as a Markdown table: parameter, unit, default, kind, doc.
pub fn table(params: &[ParamInfo]) -> String {
    let mut out = String::from("| parameter | unit | default | kind | description |\n");
    out.push_str("|---|---|---|---|---|\n");
    for p in params {
        let unit = match p.kind {
            ParamKind::Flag => "0/1",
            _ => p.dimension.unit(),
        };
        let default = match p.kind {
            ParamKind::Flag => (if p.default == 1.0 { "true" } else { "false" }).to_string(),
            // An empty list's table default is NaN.
            ParamKind::List if p.default.is_nan() => "[]".to_string(),
            ParamKind::List => format!("[{}, ..]", p.default),
            // -f64::MAX (izhikevich's V_min) in 17 digits, not 309.
            ParamKind::Scalar if p.default.is_finite() && p.default.abs() >= 1e15 => {
                format!("{:e}", p.default)
            }
            ParamKind::Scalar | ParamKind::Integer => format!("{}", p.default),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            p.name,
            unit,
            default,
            p.kind.name(),
            p.doc
        );
    }
    out
}

/// One neuron model's section.
pub fn neuron(model: BaseModel) -> String {
    let mut out = format!("### `{}`\n\n", model.name());
    let _ = writeln!(out, "Rust type: `{}`.", model.rust_type());
    if model.has_receptor_ports() {
        out.push_str(
            "Connections name a receptor port (`receptor_type` 1..=n, one per `tau_syn`).\n",
        );
    }
    match model.weight_dimension() {
        crate::units::Dimension::Voltage => {
            out.push_str("Weights onto it are voltage jumps (mV).\n");
        }
        crate::units::Dimension::Conductance => out.push_str(
            "Weights onto it are conductances (nS): positive ones excitatory, negative ones \
             inhibitory.\n",
        ),
        _ => {}
    }
    out.push('\n');
    out.push_str(&table(model.parameters()));
    out
}

/// The weight's unit onto each kind of target, from the registry: `pA`, then `mV onto
/// ..` and `nS onto ..` naming the models whose weights are voltages or conductances.
fn weight_units() -> String {
    let mut parts = vec!["pA".to_string()];
    for dim in [Dimension::Voltage, Dimension::Conductance] {
        let models: Vec<String> = BaseModel::ALL
            .iter()
            .filter(|m| m.weight_dimension() == dim)
            .map(|m| format!("`{}`", m.name()))
            .collect();
        if !models.is_empty() {
            parts.push(format!("{} onto {}", dim.unit(), models.join(", ")));
        }
    }
    parts.join("; ")
}

/// One synapse model's section.
pub fn synapse(model: SynapseModel) -> String {
    let mut out = format!("### `{}`\n\n", model.name());
    let _ = writeln!(
        out,
        "Rust type: `{}`. Besides `weight` ({}; default 1) and `delay` (ms; default 1):\n",
        model.rust_type(),
        weight_units()
    );
    if model.parameters().is_empty() {
        out.push_str("No other parameters.\n");
    } else {
        out.push_str(&table(model.parameters()));
    }
    let common = model.common();
    if !common.is_empty() {
        let names: Vec<String> = common.iter().map(|n| format!("`{n}`")).collect();
        let _ = writeln!(
            out,
            "\nCommon to all synapses of a projection (NEST's common properties): {}. They \
             are written on the connection; the PyNEST export sets them on a copy of the \
             model per projection.",
            names.join(", ")
        );
    }
    out
}

/// The whole reference: every neuron model, then every synapse model.
pub fn models_markdown() -> String {
    let mut out = String::from(
        "# Models\n\n\
         Generated from the parameter tables in `network-spec` (`BLESS=1 cargo test -p \
         network-spec` rewrites it). Names, units and defaults are NEST 3.10's.\n\n\
         ## Neuron models\n\n",
    );
    for m in BaseModel::ALL {
        out.push_str(&neuron(*m));
        out.push('\n');
    }
    out.push_str("## Synapse models\n\n");
    for m in SynapseModel::ALL {
        out.push_str(&synapse(*m));
        out.push('\n');
    }
    out.push_str(&rate_models());
    out.push_str(
        "## Devices\n\n\
         Every device also has NEST's activity window: `start` (ms, default 0), `stop` (ms, \
         default +inf) and `origin` (ms, default 0).\n\n",
    );
    for d in crate::devices::DEVICES {
        let _ = writeln!(out, "### `{}`\n\nRust type: `{}`.\n", d.name, d.rust_type);
        out.push_str(&table(d.parameters));
        out.push('\n');
    }
    out.push_str(&infinite_values());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The rate neurons, their connections and the kernel's waveform-relaxation settings.
fn rate_models() -> String {
    use crate::rate::{RateModel, WaveformRelaxation, RATE_CONNECTIONS, RATE_RECORDABLES};
    let mut out = String::from(
        "## Rate models\n\n\
         Rate neurons take rate connections only, and spiking neurons spikes only (NEST's \
         rule). Rates, weights and the nonlinearities' parameters are pure numbers.\n\n",
    );
    let recordables: Vec<String> = RATE_RECORDABLES
        .iter()
        .map(|r| format!("`{}`", r.name()))
        .collect();
    for m in RateModel::ALL {
        let _ = writeln!(
            out,
            "### `{}`\n\nRust type: `{:?}`. Recordables: {}.\n",
            m.name(),
            m,
            recordables.join(", ")
        );
        out.push_str(&table(m.parameters()));
        out.push('\n');
    }
    for (name, params) in RATE_CONNECTIONS {
        let _ = writeln!(out, "### `{name}`\n");
        out.push_str(&table(params));
        out.push('\n');
    }
    out.push_str("### Kernel: waveform relaxation\n\n");
    out.push_str(&table(
        <WaveformRelaxation as crate::Parameters>::PARAMETERS,
    ));
    out.push('\n');
    out
}

/// The section on +inf: what passes, and each value NEST takes that is refused here,
/// with what NEST computes with it (`crate::infinite`).
fn infinite_values() -> String {
    use crate::infinite::{NestOutcome, INFINITE_REFUSALS};
    let mut out = String::from(
        "## Infinite values\n\n\
         `inf` (with its unit: `tau_minus: inf ms`) passes where NEST 3.10 takes it and \
         computes finite dynamics that the engine reproduces bit for bit: thresholds, \
         bounds and stops (`V_th`, `V_min`, a device's `stop`), the postsynaptic STDP \
         traces' `tau_minus` and `tau_minus_triplet` on every neuron (1/tau = 0: the \
         traces never decay); the synaptic and threshold time constants of \
         `iaf_psc_exp`, `iaf_psc_exp_htum`, `mat2_psc_exp` (`tau_syn_ex`, `tau_syn_in`, \
         `tau_1`, `tau_2`) and `amat2_psc_exp` (`tau_1`, `tau_2`), where the exact \
         propagators with exp(-h/inf) = 1 give a current or threshold that never decays; \
         the synaptic time constants of the `iaf_cond_*` (but beta), `aeif_*`, `hh_*` \
         and `gif_*` models, `tau_w` and `gsl_error_tol` of the `aeif_*` models, \
         `Delta_V` of the `gif_*` models (the escape rate is `lambda_0`) and `C_m` of \
         `iaf_psc_delta`, `aeif_psc_delta` and `pp_psc_delta` (currents no longer move \
         V_m, spikes do), NEST's expressions evaluated with +inf (-g/inf = 0, \
         e/inf = 0, every RKF45 step accepted at an infinite tolerance). One \
         conformance case each, `<model>_<parameter>_inf`. NEST 3.10 also takes these, \
         which are refused with what NEST computes with them (measured by \
         `conformance/inf_params.py`: DC and spikes \
         on every receptor for 60 ms):\n\n\
         | model | parameter | NEST 3.10 with +inf |\n|---|---|---|\n",
    );
    for r in INFINITE_REFUSALS {
        let what = match r.nest {
            NestOutcome::Nan => "NaN",
            NestOutcome::Frozen => "no dynamics",
        };
        let _ = writeln!(out, "| `{}` | `{}` | {what} |", r.model, r.param);
    }
    out
}
