//! The rate neurons' steps as PyNEST: the kernel's waveform-relaxation settings
//! (`nest.set(use_wfr=.., ..)`, before any node exists, as NEST requires), rate
//! populations (`nest.Create("tanh_rate_ipn", n, params={..})`, or `positions=..` on a
//! layout), rate connections (a spatial `conn_spec` with a mask, a kernel, weights and
//! delays of distance, as the spiking connections write them) and
//! multimeters recording `rate` and `noise`.

use super::python::{dict, float, ident, parameter, string};
use super::statements::Input;
use super::Cell;
use network_core::spec::rate::{RateModel, WaveformRelaxation};
use network_core::{Error, Result};
use network_syntax::description::SelectDesc;
use network_syntax::description::ValueDesc;
use network_syntax::lowering::{Plan, RateStep, Step};
use network_syntax::rate::RateRuleDesc;

fn params(table: &[network_core::spec::ParamInfo], params: &[(&'static str, f64)]) -> String {
    let entries: Vec<(&str, String)> = params
        .iter()
        .map(|(n, v)| (*n, parameter(table, n, *v)))
        .collect();
    dict(&entries)
}

/// The rate populations' variables, by index.
fn population_vars(plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .filter_map(|s| match s {
            Step::Rate(RateStep::Population(p)) => Some(ident(&p.name)),
            _ => None,
        })
        .collect()
}

/// A rate population's `set` between runs (NEST's `SetStatus`): `r.set({"mu": 0.5})`
/// on the population, `r[0:2].set({"rate": 0.9})` on a range, `r[[0, 3]].set(..)` on a
/// list; a dictionary, since `lambda` is a word of Python.
pub(super) fn set(
    plan: &Plan,
    population: usize,
    select: &SelectDesc,
    param: &str,
    v: f64,
) -> String {
    let model = plan
        .steps
        .iter()
        .find_map(|s| match s {
            Step::Rate(RateStep::Population(p)) if p.index == population => Some(p.model),
            _ => None,
        })
        .expect("the checker resolved the rate population");
    let var = population_vars(plan)[population].clone();
    let nodes = match select {
        SelectDesc::Range(start, end) => format!("{var}[{start}:{end}]"),
        SelectDesc::List(ix) => {
            let ix: Vec<String> = ix.iter().map(u32::to_string).collect();
            format!("{var}[[{}]]", ix.join(", "))
        }
        SelectDesc::All | SelectDesc::Within(..) => var,
    };
    let d = dict(&[(param, parameter(model.parameters(), param, v))]);
    format!("{nodes}.set({d})")
}

/// One rate step as a cell.
pub(super) fn step(input: &Input, step: &RateStep) -> Result<Cell> {
    let plan = input.plan;
    Ok(match step {
        RateStep::Kernel(settings) => {
            // `use_wfr` first: setting it resets `wfr_comm_interval`.
            let args: Vec<String> = settings
                .iter()
                .map(|(n, v)| format!("{n}={}", parameter(WaveformRelaxation::PARAMETERS, n, *v)))
                .collect();
            Cell {
                markdown: "The kernel's waveform-relaxation settings (instantaneous rate \
                           connections), set before any node is created."
                    .into(),
                code: format!("nest.set({})", args.join(", ")),
            }
        }
        RateStep::Population(p) => {
            let model: RateModel = p.model;
            let space = input.network.rate_space(p.index);
            let (words, size) = match (&p.layout, space) {
                (None, _) => ("", p.size.to_string()),
                (Some(layout), Some(space)) => {
                    let (words, code) = super::statements::positions(layout, space);
                    (words, format!("positions={code}"))
                }
                (Some(_), None) => {
                    return Err(Error::Name(format!(
                        "export: rate population `{}` has a layout but the network holds no positions for it",
                        p.name
                    )))
                }
            };
            let code = if p.params.is_empty() {
                format!(
                    "{} = nest.Create({}, {size})",
                    ident(&p.name),
                    string(model.name()),
                )
            } else {
                format!(
                    "{} = nest.Create({}, {size}, params={})",
                    ident(&p.name),
                    string(model.name()),
                    params(model.parameters(), &p.params)
                )
            };
            Cell {
                markdown: format!(
                    "Rate population `{}`: {} neurons of `{}` ({}){words}.",
                    p.name,
                    p.size,
                    p.variant,
                    model.name()
                ),
                code,
            }
        }
        RateStep::Connect(c) => {
            let vars = population_vars(plan);
            let rule = c.rule.name();
            // Weights and delays of distance are measured on the source layer.
            let source = input.network.rate_space(c.source);
            let mut syn = vec![("synapse_model", string(c.synapse.name()))];
            let known = |v: &network_core::Value| ValueDesc::Known(v.clone());
            syn.push((
                "weight",
                input.value_on(&known(c.synapse.weight()), source)?,
            ));
            if let Some(delay) = c.synapse.delay() {
                syn.push(("delay", input.value_on(&known(delay), source)?));
            }
            Cell {
                markdown: format!("Rate connection `{}` ({rule}).", c.name),
                code: match &c.rule {
                    RateRuleDesc::Pairs(pairs) => {
                        let p: Vec<String> =
                            pairs.iter().map(|(s, t)| format!("({s}, {t})")).collect();
                        format!(
                            "for s, t in [{}]:\n    nest.Connect({}[s], {}[t], syn_spec={})",
                            p.join(", "),
                            vars[c.source],
                            vars[c.target],
                            dict(&syn)
                        )
                    }
                    RateRuleDesc::Spec(spec) => {
                        let flags = [spec.use_on_source, spec.autapses, spec.multapses];
                        let conn = super::devices::conn_spec(
                            spec.rule,
                            spec.kernel.as_ref(),
                            spec.mask.as_ref(),
                            flags,
                            source,
                        );
                        format!(
                            "nest.Connect({}, {}, {conn}, {})",
                            vars[c.source],
                            vars[c.target],
                            dict(&syn)
                        )
                    }
                    _ => format!(
                        "nest.Connect({}, {}, {}, {})",
                        vars[c.source],
                        vars[c.target],
                        dict(&[("rule", string(rule))]),
                        dict(&syn)
                    ),
                },
            }
        }
        RateStep::Multimeter(m) => {
            let vars = population_vars(plan);
            let rf: Vec<String> = m.record_from.iter().map(|r| string(&r.name())).collect();
            let target = match &m.indices {
                None => vars[m.population].clone(),
                Some(ix) => {
                    let ix: Vec<String> = ix.iter().map(u32::to_string).collect();
                    format!("{}[[{}]]", vars[m.population], ix.join(", "))
                }
            };
            let mut p = vec![
                ("record_from", format!("[{}]", rf.join(", "))),
                ("interval", float(m.interval)),
            ];
            if m.offset != 0.0 {
                p.push(("offset", float(m.offset)));
            }
            if m.time_in_steps {
                p.push(("time_in_steps", "True".to_string()));
            }
            p.extend(super::devices::window_params(m.window));
            let p = dict(&p);
            Cell {
                markdown: format!("Multimeter `{}` on rate neurons.", m.name),
                code: format!(
                    "{var} = nest.Create(\"multimeter\", params={p})\nnest.Connect({var}, {target})",
                    var = ident(&m.name)
                ),
            }
        }
    })
}
