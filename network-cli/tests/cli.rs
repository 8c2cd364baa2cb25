//! The `network` binary: `check` output (a snapshot of the rendered diagnostics),
//! `run` writing recorder files, `export` writing a script and a notebook.
//! `BLESS=1 cargo test -p network-cli --test cli` rewrites the snapshot.

mod common;

use common::{network, seed_net, temp_file, text};
use std::path::{Path, PathBuf};

#[test]
fn check_prints_file_line_column_and_a_caret_and_fails() {
    let out = network(&["check", "tests/check/bad.net"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/bad.stderr");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &stderr).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(stderr, expected, "rerun with BLESS=1 and review the diff");
    assert!(stderr.contains("--> tests/check/bad.net:3:18"));
    assert!(stderr.contains("|                  ^^^^^"));
}

#[test]
fn check_accepts_the_seed_network() {
    let out = network(&["check", &seed_net()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok (2 neuron models, 2 populations (900 neurons)"));
}

#[test]
fn run_writes_recorder_files_and_a_summary() {
    let dir = std::env::temp_dir().join(format!("network-cli-run-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = network(&[
        "run",
        &seed_net(),
        "--time",
        "0.7s",
        "--seed",
        "1",
        "--threads",
        "2",
        "--out",
        dir.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["projections"]["pvpop -> l23pyr"]["synapses"], 800);
    assert_eq!(summary["time_ms"], 700.0);
    let files: Vec<PathBuf> = ["corner_spikes", "exc_spikes", "inh_spikes"]
        .iter()
        .map(|n| dir.join(format!("{n}.dat")))
        .collect();
    // NEST's header, with the run's provenance (seed, description hash) on line 2.
    for f in &files {
        let content = std::fs::read_to_string(f).unwrap();
        let lines: Vec<&str> = content.lines().take(3).collect();
        assert_eq!(lines[0], "# NEST version: 3.10.0");
        assert!(
            lines[1].starts_with("# RecordingBackendASCII version: 2; "),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("seed: 1"), "{}", lines[1]);
        assert_eq!(lines[2], "sender\ttime_ms");
    }
    // The engine's report: the populations with their rates.
    let report = &summary["report"]["populations"];
    assert_eq!(report.as_array().map(Vec::len), Some(2), "{report}");
    // The DC step (500..700 ms) makes the cells near the origin fire: rows of NEST's format.
    let corner = std::fs::read_to_string(&files[0]).unwrap();
    let rows: Vec<&str> = corner.lines().skip(3).collect();
    assert!(!rows.is_empty());
    let events = summary["recorders"]["corner_spikes"]["events"]
        .as_u64()
        .unwrap();
    assert_eq!(rows.len() as u64, events);
    for row in rows {
        let (sender, time) = row.split_once('\t').unwrap();
        assert!(
            sender.parse::<u32>().is_ok() && time.parse::<f64>().unwrap() > 500.0,
            "{row}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn run_with_plot_saves_rasters_and_traces() {
    let dir = std::env::temp_dir().join(format!("network-cli-plot-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tiny.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha { I_e: 400 pA };\npopulation cells = Cell[4];\n\
         record spikes = spike_recorder <- cells;\n\
         record vm = multimeter { interval: 1 ms, record_from: [V_m] } <- cells;\n",
    )
    .unwrap();
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--time",
        "100ms",
        "--out",
        dir.to_str().unwrap(),
        "--plot",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for name in [
        "spikes.png",
        "spikes.svg",
        "vm.png",
        "vm.svg",
        "spikes.dat",
        "vm.dat",
    ] {
        let len = std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
        assert!(len > 100, "{name}: {len} bytes");
    }
    let png = std::fs::read(dir.join("vm.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(std::fs::read_to_string(dir.join("spikes.svg"))
        .unwrap()
        .contains("<svg"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn plot_draws_a_connections_mask_around_the_chosen_neuron() {
    let dir = std::env::temp_dir().join(format!("network-cli-mask-plot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("masked.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha;\n\
         population a = Cell[100] on grid([10, 10], extent: [1, 1] mm);\n\
         population b = Cell[100] on grid([10, 10], extent: [1, 1] mm);\n\
         connect a -> b: pairwise_bernoulli(1.0) in circle(radius: 0.2 mm);\n",
    )
    .unwrap();
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--time",
        "1ms",
        "--out",
        dir.to_str().unwrap(),
        "--plot",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(dir.join("a_to_b_targets.svg")).unwrap();
    assert!(svg.contains("mask (outline)"), "the legend names the mask");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn run_names_a_missing_size() {
    let dir = std::env::temp_dir();
    let file = temp_file(
        "dyn",
        "neuron Cell = iaf_psc_alpha;\npopulation cells = Cell[dyn n];\n",
    );
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--time",
        "10ms",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--size n=1000"),
        "{}",
        text(&out.stderr)
    );
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--time",
        "10ms",
        "--size",
        "n=5",
        "--out",
        dir.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["populations"]["cells"]["size"], 5);
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn export_writes_the_drawn_positions_and_a_notebook() {
    let out = network(&["export", &seed_net(), "--to", "pynest", "--time", "4s"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let script = text(&out.stdout);
    assert!(script.contains("nest.set(resolution=0.1, rng_seed=42, local_num_threads=THREADS)"));
    assert!(script.contains("T_SIM = 4000.0"));
    assert!(script.contains("nest.CopyModel(\"iaf_psc_alpha\", \"PV\", {"));
    assert!(script.contains("\"mask\": {\"spherical\": {\"radius\": 1.0}}"));
    // One listed position per neuron.
    assert_eq!(script.matches("\n        [").count(), 900);

    let out = network(&["export", &seed_net(), "--to", "notebook"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let nb: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(nb["nbformat"], 4);
    let cells = nb["cells"].as_array().unwrap();
    // Setup, 2 models, 2 populations, 3 recorders, 2 stimulators, 2 connections, simulate,
    // then the raster and the multimeters' summary.
    assert_eq!(cells.len(), 2 * 15);
    assert!(cells
        .chunks(2)
        .all(|c| c[0]["cell_type"] == "markdown" && c[1]["cell_type"] == "code"));
}

#[test]
fn run_writes_multimeter_samples_in_nest_ascii_format() {
    let dir = std::env::temp_dir().join(format!("network-cli-vm-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("vm.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha { I_e: 500 pA };\npopulation cells = Cell[3];\n\
         record m = multimeter { interval: 1 ms, record_from: [V_m, I_syn_ex] } <- cells[0..2];\n",
    )
    .unwrap();
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--time",
        "5ms",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let content = std::fs::read_to_string(dir.join("m.dat")).unwrap();
    let lines: Vec<&str> = content.lines().collect();
    assert_eq!(lines[2], "sender\ttime_ms\tV_m\tI_syn_ex");
    // Two neurons sampled at 1, 2, 3, 4 and 5 ms (NEST's ordering: by time, then sender).
    assert_eq!(lines.len(), 3 + 10);
    assert!(lines[3].starts_with("1\t1.000\t-"), "{}", lines[3]);
    assert!(lines[4].starts_with("2\t1.000\t-"), "{}", lines[4]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn models_lists_the_registry_and_prints_a_table() {
    let out = network(&["models"]);
    assert!(out.status.success());
    let list = text(&out.stdout);
    assert!(
        list.contains("iaf_psc_alpha") && list.contains("stdp_synapse"),
        "{list}"
    );
    let out = network(&["models", "iaf_psc_delta"]);
    assert!(out.status.success());
    let table = text(&out.stdout);
    assert!(
        table.contains("| `C_m` | pF | 250 | scalar | membrane capacitance |"),
        "{table}"
    );
    assert!(
        table.contains("| `refractory_input` | 0/1 | false | flag |"),
        "{table}"
    );
    let out = network(&["models", "iaf_psc_alfa"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("did you mean `iaf_psc_alpha`?"));
}

/// Issue 17: 10,000 nested `[` or 100,000 `(` once overflowed the stack (exit 134).
#[test]
fn check_rejects_deep_nesting_with_an_error() {
    let dir = std::env::temp_dir().join(format!("network-cli-nest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (open, close, depth) in [("[", "]", 10_000), ("(", ")", 100_000)] {
        let path = dir.join("deep.net");
        let text = format!(
            "neuron Cell = iaf_psc_alpha {{ V_m: {}-70{} mV }};\npopulation cells = Cell[3];\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        std::fs::write(&path, text).unwrap();
        let out = network(&["check", &path.display().to_string()]);
        let stderr = text_of(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{open} x {depth}: {stderr}");
        assert!(stderr.contains("nested more than 128 deep"), "{stderr}");
        assert!(stderr.contains("deep.net:1:"), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `network run` of a `protocol` block that creates a multimeter between runs: the
/// recorder is written like the build's, with NEST's ASCII file holding the samples
/// from its creation on (created at 5 ms, interval 1 ms: 6, 7, .., 10 ms).
#[test]
fn a_multimeter_created_between_runs_writes_its_file() {
    let dir = std::env::temp_dir().join(format!("network-cli-late-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("late.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha { I_e: 500 pA };\npopulation cells = Cell[3];\n\
         protocol {\n    simulate 5 ms;\n    set cells[1..3] { V_m: uniform(-70 mV, -60 mV) };\n    \
         record late = multimeter { interval: 1 ms, record_from: [V_m] } <- cells[0..2];\n    \
         simulate 5 ms;\n}\n",
    )
    .unwrap();
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let content = std::fs::read_to_string(dir.join("late.dat")).unwrap();
    let lines: Vec<&str> = content.lines().collect();
    assert_eq!(lines[2], "sender\ttime_ms\tV_m");
    // Two neurons sampled at 6, 7, 8, 9 and 10 ms.
    assert_eq!(lines.len(), 3 + 10, "{content}");
    assert!(lines[3].starts_with("1\t6.000\t-"), "{}", lines[3]);
    assert!(lines[12].starts_with("2\t10.000\t-"), "{}", lines[12]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `network run` of a `protocol` block that reads a connection between runs: the
/// table is written as `DIR/NAME.csv` (NEST node ids, the columns asked for) and listed
/// with the recorder files in the report.
#[test]
fn a_connection_read_between_runs_writes_its_csv() {
    let dir = std::env::temp_dir().join(format!("network-cli-read-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("read.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha { I_e: 500 pA };\npopulation a = Cell[2];\npopulation b = Cell[3];\n\
         connect ab = a -> b[1..3]: one_to_one, via static_synapse { weight: 2.5 pA, delay: 1.5 ms };\n\
         protocol {\n    simulate 5 ms;\n    set ab.weight = 7 pA;\n    read w = ab { weight, delay };\n    simulate 5 ms;\n}\n",
    )
    .unwrap();
    let out = network(&[
        "run",
        file.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = dir.join("w.csv");
    let content = std::fs::read_to_string(&csv).unwrap();
    // a is nodes 1-2, b nodes 3-5: a[0] -> b[1] is 1 -> 4, a[1] -> b[2] is 2 -> 5.
    assert_eq!(
        content,
        "# connection ab read at 5 ms\nsource,target,weight,delay\n1,4,7,1.5\n2,5,7,1.5\n"
    );
    assert!(
        text(&out.stdout).contains(csv.to_str().unwrap()),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `tests/recordables.net`: iaf_cond_exp, aeif_cond_alpha and gif_psc_exp recorded
/// beyond `V_m`; the report lists every population and multimeter, and each recorded
/// variable gets its own trace, its axis naming the variable with its unit.
#[test]
fn run_with_plot_draws_every_recorded_variable_with_its_unit() {
    let dir = std::env::temp_dir().join(format!("network-cli-recordables-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = network(&[
        "run",
        "tests/recordables.net",
        "--time",
        "200ms",
        "--out",
        dir.to_str().unwrap(),
        "--plot",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let row = |name: &str| -> Vec<String> {
        stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no report line for {name}:\n{stdout}"))
            .split_whitespace()
            .map(String::from)
            .collect()
    };
    // population, neurons, spikes, rate (Hz), ...: every population fires.
    for population in ["coba", "adex", "gif"] {
        let cells = row(population);
        assert_eq!(cells[1], "10", "{cells:?}");
        assert!(cells[2].parse::<u64>().unwrap() > 0, "{cells:?}");
        assert!(cells[3].parse::<f64>().unwrap() > 0.0, "{cells:?}");
    }
    // device, model, targets, events: 2 neurons x 400 samples (0.5 ms over 200 ms).
    for meter in ["conductances", "adaptation", "threshold"] {
        assert_eq!(row(meter), [meter, "multimeter", "2", "800"]);
    }
    let traces = [
        (
            "conductances_g_ex",
            "g_ex (nS)",
            "conductances: g_ex of 2 neurons",
        ),
        (
            "conductances_g_in",
            "g_in (nS)",
            "conductances: g_in of 2 neurons",
        ),
        ("adaptation_V_m", "V_m (mV)", "adaptation: V_m of 2 neurons"),
        (
            "adaptation_g_ex",
            "g_ex (nS)",
            "adaptation: g_ex of 2 neurons",
        ),
        ("adaptation_w", "w (pA)", "adaptation: w of 2 neurons"),
        (
            "threshold_E_sfa",
            "E_sfa (mV)",
            "threshold: E_sfa of 2 neurons",
        ),
        (
            "threshold_I_stc",
            "I_stc (pA)",
            "threshold: I_stc of 2 neurons",
        ),
    ];
    for (stem, axis, title) in traces {
        let png_path = dir.join(format!("{stem}.png"));
        let png = std::fs::read(&png_path).unwrap_or_else(|e| panic!("{stem}.png: {e}"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{stem}.png");
        assert!(
            stdout.contains(&png_path.display().to_string()),
            "{stem}.png listed"
        );
        let svg = std::fs::read_to_string(dir.join(format!("{stem}.svg"))).unwrap();
        for text in [axis, title, "time (ms)"] {
            assert!(svg.contains(text), "{stem}.svg: missing {text:?}");
        }
        if stem != "adaptation_V_m" {
            assert!(!svg.contains("V_m (mV)"), "{stem}.svg draws V_m");
        }
    }
    // One trace file per recorded variable, nothing for unrecorded ones.
    assert!(!dir.join("adaptation.png").exists() && !dir.join("conductances_V_m.png").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The highest resident memory (kB, `VmHWM`) the running process `child` reached, read
/// from /proc until it exits, and its exit status.
#[cfg(target_os = "linux")]
fn peak_resident_kb(mut child: std::process::Child) -> (u64, std::process::ExitStatus) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(exit) = child.try_wait().unwrap() {
            return (peak, exit);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Issue 17: a multimeter whose samples do not fit the memory limit streams them to its
/// file when nothing plots them (200 cells at 0.1 ms for 1 s: 2,000,000 samples, about
/// 38 MB in memory, against a limit of 8 MB): every row is in the file and the process
/// never holds them. With `--plot` they would have to stay in memory: refused before the
/// run, naming the multimeter, the limit and the way out.
#[cfg(target_os = "linux")]
#[test]
fn run_streams_samples_past_the_memory_limit_and_refuses_them_with_plot() {
    let dir = std::env::temp_dir().join(format!("network-cli-stream-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mm.net");
    std::fs::write(
        &file,
        "neuron Cell = iaf_psc_alpha { I_e: 500 pA };\npopulation cells = Cell[200];\n\
         record m = multimeter { interval: 0.1 ms, record_from: [V_m] } <- cells;\n",
    )
    .unwrap();
    let args = |plot: bool| {
        let mut a = vec![
            "run".to_string(),
            file.display().to_string(),
            "--time".into(),
            "1000ms".into(),
            "--memory-limit".into(),
            "8MB".into(),
            "--out".into(),
            dir.display().to_string(),
        ];
        if plot {
            a.push("--plot".into());
        }
        a
    };
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_network"))
        .args(args(false))
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (peak_kb, status) = peak_resident_kb(child);
    assert!(status.success());
    let content = std::fs::read_to_string(dir.join("m.dat")).unwrap();
    let rows: Vec<&str> = content.lines().skip(3).collect();
    assert_eq!(rows.len(), 200 * 10_000);
    assert!(rows[0].starts_with("1\t0.100\t"), "{}", rows[0]);
    assert!(
        rows[rows.len() - 1].starts_with("200\t1000.000\t"),
        "{}",
        rows[rows.len() - 1]
    );
    // The samples alone take 2,000,000 × (8 B value + 8 B time + 4 B sender) = 40 MB kept.
    assert!(peak_kb < 30_000, "peak resident memory {peak_kb} kB");

    let refused = network(&args(true).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    for part in [
        "multimeter `m`",
        "memory limit is 8.00 MB",
        "without --plot",
    ] {
        assert!(message.contains(part), "{message}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
