//! The shape of the crate's source: within each folder the modules import one another
//! without cycles (the `super::` and `crate::` paths between sibling files form a DAG),
//! and no source file is longer than 600 lines. A cycle or a long file is where a
//! module has started doing two jobs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a source file may be (lines).
const MAX_LINES: usize = 600;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file relative to `src` (`network/builder/mod.rs` is
/// `["network", "builder"]`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The source without its unit-test module, whose `use super::*` is no dependency.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// The paths a file names: each `crate::..` or `super::..` path, with `{a, b}` groups
/// expanded one level, as lists of segments from the crate root.
fn paths(module: &[String], is_mod_file: bool, text: &str) -> Vec<Vec<String>> {
    let parent: Vec<String> = if is_mod_file {
        module.to_vec()
    } else {
        module[..module.len().saturating_sub(1)].to_vec()
    };
    let mut out = Vec::new();
    for (start, root) in ["crate::", "super::"]
        .iter()
        .flat_map(|r| text.match_indices(r).map(|(i, _)| (i, *r)))
    {
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        {
            continue;
        }
        let rest = &text[start + root.len()..];
        let mut base = if root == "crate::" {
            Vec::new()
        } else {
            parent.clone()
        };
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path = rest[..end].trim_end_matches(':');
        base.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
        if rest[end..].starts_with('{') && rest[..end].ends_with("::") {
            let group = &rest[end + 1..rest[end..].find('}').map_or(rest.len(), |j| end + j)];
            for item in group.split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() && first != "self" {
                    let mut p = base.clone();
                    p.push(first.to_string());
                    out.push(p);
                }
            }
        }
        out.push(base);
    }
    out
}

#[test]
fn modules_of_a_folder_import_one_another_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    // Items a folder's mod.rs re-exports from one of its files: (folder, item) -> file.
    let mut reexports: BTreeMap<(Vec<String>, String), Vec<String>> = BTreeMap::new();
    for (module, file) in &modules {
        for line in code(file).lines() {
            let line = line.trim();
            let Some(rest) = line.split_once(" use ").map(|(_, r)| r) else {
                continue;
            };
            if !line.starts_with("pub") {
                continue;
            }
            let Some((sub, items)) = rest.split_once("::") else {
                continue;
            };
            let mut child = module.clone();
            child.push(sub.to_string());
            if !modules.contains_key(&child) {
                continue;
            }
            for item in items.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                if !item.is_empty() {
                    reexports.insert((module.clone(), item.to_string()), child.clone());
                }
            }
        }
    }
    // The module a path lands in: its longest prefix that is a file, or the file a
    // folder re-exports the named item from.
    let resolve = |path: &[String]| -> Option<Vec<String>> {
        let k = (1..=path.len())
            .rev()
            .find(|&k| modules.contains_key(&path[..k]))?;
        let found = path[..k].to_vec();
        match path.get(k) {
            Some(item) => Some(
                reexports
                    .get(&(found.clone(), item.clone()))
                    .cloned()
                    .unwrap_or(found),
            ),
            None => Some(found),
        }
    };
    // Edges between siblings: per folder, file -> files it imports.
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let is_mod_file = file.file_stem().is_some_and(|s| s == "mod" || s == "lib");
        for path in paths(module, is_mod_file, &code(file)) {
            let Some(target) = resolve(&path) else {
                continue;
            };
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                graphs
                    .entry(module[..common].to_vec())
                    .or_default()
                    .entry(module[common].clone())
                    .or_default()
                    .insert(target[common].clone());
            }
        }
    }
    let mut cycles = Vec::new();
    for (folder, graph) in &graphs {
        // Depth-first search; a node on the stack reached again closes a cycle.
        fn visit(
            node: &str,
            graph: &BTreeMap<String, BTreeSet<String>>,
            stack: &mut Vec<String>,
            done: &mut BTreeSet<String>,
            cycles: &mut Vec<String>,
        ) {
            if let Some(i) = stack.iter().position(|n| n == node) {
                cycles.push(format!("{} -> {node}", stack[i..].join(" -> ")));
                return;
            }
            if !done.insert(node.to_string()) {
                return;
            }
            stack.push(node.to_string());
            for next in graph.get(node).into_iter().flatten() {
                visit(next, graph, stack, done, cycles);
            }
            stack.pop();
        }
        let mut done = BTreeSet::new();
        let mut found = Vec::new();
        for node in graph.keys() {
            visit(node, graph, &mut Vec::new(), &mut done, &mut found);
        }
        cycles.extend(
            found
                .into_iter()
                .map(|c| format!("{}: {c}", folder.join("/"))),
        );
    }
    assert!(
        graphs
            .get(&vec!["network".to_string()])
            .is_some_and(|g| !g.is_empty()),
        "the scan found the network folder's imports"
    );
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

#[test]
fn no_source_file_is_longer_than_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}
