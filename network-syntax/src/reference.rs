//! The language reference, `docs/language.md`, rendered from the tables the checker
//! reads ([`crate::grammar`], the units, the cell-class presets and the models' parameter
//! tables): a test keeps the committed file current, and the `network!` macro's rustdoc
//! includes it.

use crate::grammar::{self, Default, Device, DeviceParams, Form, Key};
use crate::model_table::{BaseModel, CellClass};
use crate::units::{Dim, UNITS};
use std::fmt::Write;

/// The whole reference as Markdown.
pub fn language_markdown() -> String {
    let mut out = String::from(
        "# The description language\n\n\
         Generated from the tables the checker reads (`network-syntax/src/grammar/`, the \
         units and the models' parameter tables in `network-spec`); \
         `BLESS=1 cargo test -p network-syntax --test language_doc` rewrites it. The same \
         text is read by the `network!` macro and by `.net` files (`network check`, \
         `network run`). The models' parameters are in [models.md](models.md).\n\n",
    );
    statements(&mut out);
    values(&mut out);
    neurons(&mut out);
    populations(&mut out);
    masks(&mut out);
    connections(&mut out);
    devices(&mut out);
    rate_neurons(&mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn statements(out: &mut String) {
    out.push_str(
        "## Statements\n\n\
         A description begins with `pub struct NAME;` (the type `network!` generates; \
         `///` doc comments document it and every statement) and ends each statement with \
         `;`. Comments start with `//`. Names are Rust identifiers; `[..]` marks an optional \
         part.\n\n\
         | statement | declares |\n|---|---|\n",
    );
    for s in grammar::STATEMENTS {
        let _ = writeln!(out, "| `{}` | {} |", s.syntax, s.doc);
    }
    out.push_str("\n### Settings\n\nWritten `NAME = VALUE;`, anywhere in the description.\n\n");
    keys(out, grammar::SETTINGS);
    out.push('\n');
}

fn values(out: &mut String) {
    out.push_str(
        "## Values and units\n\n\
         Every value carries its unit and is converted to NEST's unit when the description \
         is checked; a bare number is in NEST's unit. A list takes one unit after it \
         (`[1, 2.5] ms`); `inf` is infinity where NEST takes it (`V_th: inf mV`).\n\n\
         | dimension | NEST's unit | units that may be written |\n|---|---|---|\n",
    );
    let mut dims: Vec<Dim> = Vec::new();
    for (_, d, _) in UNITS {
        if !dims.contains(d) {
            dims.push(*d);
        }
    }
    for d in dims {
        let names: Vec<String> = UNITS
            .iter()
            .filter(|u| u.1 == d)
            .map(|u| format!("`{}`", u.0))
            .collect();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} |",
            d.name(),
            d.unit(),
            names.join(", ")
        );
    }
    out.push_str(
        "\n`µ` and `μ` may be written for `u` (`µA`).\n\n\
         ### Random values\n\n\
         Where a connection's weight or delay takes a number, it may take a distribution \
         instead, drawn per connection from the engine's streams. A weight drawn from a \
         distribution is kept at single precision (the nearest `f32` inside the \
         distribution's support: 4 bytes a synapse instead of 8, a relative change below \
         1.2·10⁻⁷; docs/fidelity.md).\n\n",
    );
    forms(out, grammar::VALUES);
}

fn neurons(out: &mut String) {
    out.push_str(
        "## Neurons\n\n\
         `neuron NAME = MODEL { PARAM: VALUE, .. }` changes parameters from NEST's defaults \
         (every model and parameter: [models.md](models.md)).\n\n\
         ### Cell-class presets\n\n\
         `neuron NAME = MODEL(CLASS) { .. }` declares the class (as `where { class: CLASS }`) \
         and sets these parameters before the ones written in `{ .. }`, which override them. \
         They are the reference workflow's values, not NEST's: a preset moves the model \
         away from NEST's defaults (shown for `iaf_psc_alpha`; every model's are in \
         models.md). A model without one of the parameters is left without it.\n\n",
    );
    let reference = BaseModel::from_name("iaf_psc_alpha").expect("iaf_psc_alpha is registered");
    let presets: Vec<_> = CellClass::ALL
        .iter()
        .map(|c| (c.name(), c.preset()))
        .collect();
    out.push_str("| parameter | unit |");
    for (name, _) in &presets {
        let _ = write!(out, " `({name})` |");
    }
    out.push_str(" NEST's default (`iaf_psc_alpha`) | models without it |\n|---|---|");
    for _ in &presets {
        out.push_str("---|");
    }
    out.push_str("---|---|\n");
    for (i, (param, _)) in presets[0].1.iter().enumerate() {
        let info = reference
            .parameter(param)
            .expect("presets set iaf_psc_alpha parameters");
        let _ = write!(out, "| `{param}` | {} |", info.dimension.unit());
        for (_, values) in &presets {
            let _ = write!(out, " {} |", values[i].1);
        }
        let without: Vec<String> = BaseModel::ALL
            .iter()
            .filter(|m| m.parameter(param).is_none())
            .map(|m| format!("`{}`", m.name()))
            .collect();
        let without = if without.is_empty() {
            "none".to_string()
        } else {
            without.join(", ")
        };
        let _ = writeln!(out, " {} | {} |", info.default, without);
    }
    out.push_str(
        "\nThe class also fixes the sign of every weight from the neuron: positive for \
         `excitatory`, negative for `inhibitory` (checked on each connection).\n\n\
         ### `where { .. }` of a neuron\n\n",
    );
    keys(out, grammar::NEURON_WHERE);
    out.push('\n');
}

fn populations(out: &mut String) {
    out.push_str(
        "## Populations and space\n\n\
         `population NAME = NEURON[SIZE]` makes SIZE neurons; `[dyn NAME]` takes the size \
         at build time. Placed in space (`in`, `at` or `on`, then a layout), the population \
         has positions for masks, kernels and plots. Coordinates are in mm; points have 2 \
         or 3 coordinates, one unit after the brackets (`[0, 0, 0] mm`).\n\n\
         `with { PARAM: VALUE, .. }` after the layout sets each neuron's state (`V_m`) and \
         parameters (any of the model's, docs/models.md) when it is created, as NEST's \
         `nest.Create(.., params={..})`: a VALUE is a number with its unit, a random term \
         (`uniform(min, max)`, `normal(mean, std)`, `lognormal(mu, sigma)`, \
         `exponential(beta)`) or an expression of the neuron's position `x`, `y`, `z` \
         (mm; NEST's `nest.spatial.pos.x`) with the functions of the expressions of \
         distance (below), e.g. `with { V_m: -70 mV + 5 mV * x / 1 mm, V_th: \
         uniform(-55 mV, -50 mV) }`. Units are checked against the parameter's; random \
         terms are drawn per neuron from the seed alone.\n\n",
    );
    for (word, form) in grammar::LAYOUTS {
        let _ = writeln!(
            out,
            "### `{word} {}`\n\n{}.\n",
            form.signature(),
            capital(form.doc)
        );
        keys(out, form.keys);
        out.push('\n');
    }
    out.push_str("### `where { .. }` of a population\n\n");
    keys(out, grammar::POPULATION_WHERE);
    out.push('\n');
}

fn masks(out: &mut String) {
    out.push_str(
        "## Masks\n\n\
         A mask is written inline (`in sphere(radius: 0.5 mm)`) or declared \
         (`mask NAME = ..;`) and named. Lengths in mm, angles in degrees; d is the \
         displacement from the node the mask is centred on. On a periodic layer a mask \
         must fit inside the layer (as NEST requires).\n\n",
    );
    forms(out, grammar::MASKS);
}

fn connections(out: &mut String) {
    out.push_str(
        "## Connections\n\n\
         `connect [NAME =] SOURCE -> TARGET: RULE [, OPTION ..];`\n\n\
         ### Rules\n\n",
    );
    forms(out, grammar::RULES);
    out.push_str("### Options\n\nAfter the rule, separated by commas, in any order.\n\n| option | what it does |\n|---|---|\n");
    for o in grammar::CONNECT_OPTIONS {
        let _ = writeln!(out, "| `{}` | {} |", o.syntax, o.doc);
    }
    out.push_str(
        "\n### Distance kernels\n\n\
         `with p = KERNEL(..)`; arguments by name, or by position in the order listed.\n\n",
    );
    forms(out, grammar::KERNELS);
    out.push_str("### `where { .. }` of a connection\n\n");
    keys(out, grammar::CONNECT_WHERE);
    out.push('\n');
}

fn devices(out: &mut String) {
    out.push_str(
        "## Devices\n\n\
         `record NAME = RECORDER { .. } <- TARGET, ..;` and \
         `stimulate NAME = GENERATOR { .. } -> TARGET, .. [via SYNAPSE { weight: .., delay: .. }];`. \
         A target is `POP`, `POP[a..b]` (local indices a..b) or `POP within MASK`. Every \
         device has the activity window:\n\n",
    );
    keys(out, grammar::WINDOW);
    out.push_str("\n### Recorders\n\n");
    for d in grammar::RECORDERS {
        device(out, d);
    }
    out.push_str(
        "### Generators\n\n\
         A current generator's `via` weight scales its current (a pure number, NEST's \
         default 1); a spike generator's weight is a synaptic weight in the target's unit.\n\n",
    );
    for d in grammar::STIMULATORS {
        device(out, d);
    }
}

/// NEST's rate neurons: their models and parameters (network-spec's tables), the rate
/// connections, rules and recordables the checker (`check/rate.rs`) accepts.
fn rate_neurons(out: &mut String) {
    use network_spec::rate::{RateModel, RATE_CONNECTIONS, RATE_RECORDABLES};
    out.push_str(
        "## Rate neurons\n\n\
         NEST's `rate_neuron_ipn` family is declared like a spiking model, \
         `neuron R = tanh_rate_ipn { tau: 10 ms, g: 2 };`, and its populations like \
         others, `population r = R[100];` (a size written as a number), with positions as \
         NEST's `nest.Create(.., positions=..)` when it has a layout \
         (`population r = R[16] on grid(shape: [4, 4], extent: [1, 1] mm);`). Flags \
         are written `true`/`false`. Rate neurons exchange rates, never spikes: they are \
         connected only to one another, only by a rate connection, and recorded only by a \
         `multimeter` (a spike synapse, a generator or a spike recorder on them, or a rate \
         connection between spiking populations, is an error naming both models). The \
         kernel's waveform-relaxation settings (`use_wfr`, `wfr_comm_interval`, `wfr_tol`, \
         `wfr_max_iterations`, `wfr_interpolation_order`) are settings (above). Between \
         runs, a `protocol` sets a parameter of a whole rate population (`set r.mu = 0.5;`, \
         `set r.tau = 5 ms;`, `set r.linear_summation = false;`) or the state `rate` of all, \
         a slice or a list of its neurons (`set r[0..2].rate = 0.9;`), as NEST's \
         `SetStatus`; the neurons of a rate population share their parameters, so a \
         parameter other than `rate` on a slice is an error. `network!` also generates \
         `set_r()` (every parameter and `rate`, typed by unit: `tau(ms(5.0))`, \
         `mu(number(0.5))`, flags as `bool`) and `set_r_in(&[0, 3])` (`rate` only).\n\n",
    );
    for m in RateModel::ALL {
        let _ = writeln!(
            out,
            "### `{}`\n\n| parameter | unit | NEST's default | what it is |\n|---|---|---|---|",
            m.name()
        );
        for p in m.parameters() {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                p.name,
                p.dimension.unit(),
                p.default,
                p.doc
            );
        }
        out.push('\n');
    }
    out.push_str(
        "### Rate connections\n\n\
         `connect r -> s: RULE via MODEL { .. };` joins whole rate populations. RULE is \
         `all_to_all`, `one_to_one` (equal sizes), `pairs([[SOURCE, TARGET], ..])` \
         (indices, in order; one NEST `Connect` per pair) or any rule of the spiking \
         connections with its options: between rate populations with positions a mask, \
         a kernel or `p` of distance, `use_on_source`, `no autapses`, `no multapses` \
         (`connect r -> s: pairwise_bernoulli(1.0) in circle(radius: 0.4 mm) via \
         rate_connection_delayed { weight: 0.8 - distance / 1 mm, delay: 0.5 ms + 2 ms * \
         distance / 1 mm };`). A weight or delay may be random or, on a rule that connects \
         layers, an expression of distance or positions, as a spiking connection's; \
         `rate_connection_instantaneous` has no delay (NEST refuses one). Slices and mask \
         selections are refused.\n\n\
         | model | parameter | unit | default | what it is |\n|---|---|---|---|---|\n",
    );
    for (name, table) in RATE_CONNECTIONS {
        for p in *table {
            let _ = writeln!(
                out,
                "| `{name}` | `{}` | {} | {} | {} |",
                p.name,
                p.dimension.unit(),
                p.default,
                p.doc
            );
        }
    }
    let rf: Vec<String> = RATE_RECORDABLES
        .iter()
        .map(|r| format!("`{}`", r.name()))
        .collect();
    let _ = writeln!(
        out,
        "\n### Multimeters on rate neurons\n\n\
         `record m = multimeter {{ record_from: [..], interval: 1 ms }} <- r;` (or \
         `<- r[0..10]`, `<- r[1, 5]`) records {} of one rate population every `interval` \
         (default 1 ms, a multiple of the resolution) from `offset` (default 0 ms), within \
         the window `start`..`stop` and with `time_in_steps`, as a spiking multimeter; a \
         `protocol` sets its `start`, `stop` and `origin` between runs \
         (`set m.stop = 50 ms;`). A run that records to files (`network run --out DIR`) \
         writes its samples to NEST's ASCII file `DIR/m.dat`.\n",
        rf.join(" and ")
    );
}

fn device(out: &mut String, d: &Device) {
    let kind = match d.weight {
        Some(_) => " (current)",
        None => "",
    };
    let _ = writeln!(out, "#### `{}`{kind}\n\n{}.\n", d.name, capital(d.doc));
    match d.params {
        DeviceParams::Table(t) => out.push_str(&network_spec::docs::table(t)),
        DeviceParams::Keys(k) => keys(out, k),
    }
    out.push('\n');
}

/// Each form as a heading, its doc and its arguments.
fn forms(out: &mut String, table: &[Form]) {
    for f in table {
        let _ = writeln!(out, "#### `{}`\n\n{}.\n", f.signature(), capital(f.doc));
        if !f.keys.is_empty() {
            keys(out, f.keys);
            out.push('\n');
        }
    }
}

/// A table of keys: name, value, default, description.
fn keys(out: &mut String, keys: &[Key]) {
    out.push_str("| key | value | default | description |\n|---|---|---|---|\n");
    for k in keys {
        let default = match k.default {
            Default::Required => "required".to_string(),
            Default::Is(v) => format!("`{v}`"),
            Default::Said(v) => v.to_string(),
            Default::Unset => "unset".to_string(),
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            k.name,
            k.ty.describe(),
            default,
            k.doc
        );
    }
}

/// `text` with its first letter capitalised, for a sentence.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
