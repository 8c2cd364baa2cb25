//! The statements as a Jupyter notebook (nbformat 4.5 JSON): per statement, a markdown
//! cell with its description, then a code cell.

use super::Cell;
use serde_json::{json, Value};

/// A notebook's JSON text.
pub fn notebook(cells: &[Cell]) -> String {
    let mut out = Vec::with_capacity(2 * cells.len());
    for (i, cell) in cells.iter().enumerate() {
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
}
