//! The statements as a Jupyter notebook (nbformat 4.5 JSON): per statement, a markdown
//! cell with its description, then a code cell; after the simulation, a raster plot of
//! the spike recorders (matplotlib) and a summary of the multimeters.

use super::Cell;
use serde_json::{json, Value};

/// A notebook's JSON text. When the cells simulate (the last cell of [`super::cells`]),
/// the raster and multimeter cells follow.
pub fn notebook(cells: &[Cell]) -> String {
    let mut all = cells.to_vec();
    if cells.iter().any(|c| c.code.contains(SIMULATED)) {
        all.extend(after_simulation());
    }
    let mut out = Vec::with_capacity(2 * all.len());
    for (i, cell) in all.iter().enumerate() {
        out.push(json!({
            "cell_type": "markdown",
            "id": format!("statement-{i}-text"),
            "metadata": {},
            "source": lines(&cell.markdown),
        }));
        out.push(json!({
            "cell_type": "code",
            "execution_count": null,
            "id": format!("statement-{i}-code"),
            "metadata": {},
            "outputs": [],
            "source": lines(&cell.code),
        }));
    }
    let notebook = json!({
        "cells": out,
        "metadata": {
            "kernelspec": { "display_name": "Python 3", "language": "python", "name": "python3" },
            "language_info": { "name": "python" },
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    });
    let mut text = serde_json::to_string_pretty(&notebook).expect("JSON values serialize");
    text.push('\n');
    text
}

/// What the simulation cell defines that the cells after it use: `populations`,
/// `recorders` and `multimeters` (name to node collection).
const SIMULATED: &str = "multimeters = {";

/// The raster of every spike recorder and the multimeters' summary, in Python that
/// reads the simulation cell's `populations`, `recorders` and `multimeters`.
pub(super) fn after_simulation() -> Vec<Cell> {
    vec![
        Cell {
            markdown: "A raster of the spike recorders' events, as `nest.raster_plot` of \
                       several recorders: one colour per population, the first on top, \
                       neurons by NEST global id. Recorders that write files instead of \
                       keeping events in memory are left out."
                .into(),
            code: RASTER.trim_start().into(),
        },
        Cell {
            markdown: "The multimeters: samples, neurons, and per recorded variable its \
                       mean, minimum and maximum."
                .into(),
            code: MULTIMETERS.trim_start().into(),
        },
    ]
}

const RASTER: &str = r#"
import matplotlib.pyplot as plt
import numpy as np

senders, times = [], []
for name, rec in recorders.items():
    if rec.record_to != "memory":
        print(f"{name} writes its events to files; not plotted")
        continue
    events = rec.get("events")
    senders.append(np.asarray(events["senders"]))
    times.append(np.asarray(events["times"]))
senders = np.concatenate(senders) if senders else np.array([], dtype=int)
times = np.concatenate(times) if times else np.array([])

fig, ax = plt.subplots(figsize=(10, 5))
for k, (name, pop) in enumerate(populations.items()):
    ids = pop.tolist()
    inside = (senders >= min(ids)) & (senders <= max(ids))
    if inside.any():
        ax.plot(times[inside], senders[inside], ".", markersize=2, color=f"C{k}", label=name)
ax.invert_yaxis()  # the first population on top
ax.set_xlabel("time (ms)")
ax.set_ylabel("neuron (NEST global id)")
if ax.get_legend_handles_labels()[0]:
    # Beside the axes, so it covers no data.
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), markerscale=5)
fig.tight_layout()
plt.show()"#;

const MULTIMETERS: &str = r#"
for name, meter in multimeters.items():
    if meter.record_to != "memory":
        print(f"{name} writes its samples to files")
        continue
    events = meter.get("events")
    print(f"{name}: {len(events['times'])} samples of {len(set(events['senders']))} neurons")
    for var in meter.record_from:
        v = np.asarray(events[var])
        if v.size:
            print(f"  {var}: mean {v.mean():.3f}, min {v.min():.3f}, max {v.max():.3f}")"#;

/// nbformat's multiline string: a list of lines, each but the last ending in `\n`.
fn lines(text: &str) -> Value {
    let parts: Vec<&str> = text.split_inclusive('\n').collect();
    Value::from(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_markdown_and_one_code_cell_per_statement() {
        let cells = [
            Cell {
                markdown: "Setup.".into(),
                code: "import nest\nnest.ResetKernel()".into(),
            },
            Cell {
                markdown: "Simulate.".into(),
                code: "nest.Simulate(10.0)".into(),
            },
        ];
        let nb: Value = serde_json::from_str(&notebook(&cells)).unwrap();
        assert_eq!(nb["nbformat"], 4);
        let c = nb["cells"].as_array().unwrap();
        assert_eq!(c.len(), 4);
        assert_eq!(c[0]["cell_type"], "markdown");
        assert_eq!(c[1]["cell_type"], "code");
        assert_eq!(
            c[1]["source"],
            json!(["import nest\n", "nest.ResetKernel()"])
        );
        assert_eq!(c[3]["id"], "statement-1-code");
    }

    /// The cells after the simulation, against `src/after_simulation.snap`
    /// (`BLESS=1` rewrites it).
    #[test]
    fn raster_and_multimeter_cells_snapshot() {
        let text: String = after_simulation()
            .iter()
            .map(|c| format!("## markdown\n{}\n## code\n{}\n", c.markdown, c.code))
            .collect();
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/after_simulation.snap");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, expected, "rerun with BLESS=1 and review the diff");
        // Appended only to a notebook that simulates.
        let simulating = [Cell {
            markdown: String::new(),
            code: "recorders = {}\nmultimeters = {}\nnest.Simulate(T_SIM)".into(),
        }];
        let nb: Value = serde_json::from_str(&notebook(&simulating)).unwrap();
        assert_eq!(nb["cells"].as_array().unwrap().len(), 6);
    }
}
