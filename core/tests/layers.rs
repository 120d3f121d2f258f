//! The engine's modules form layers: no module imports, directly or through others, a module that
//! imports it back. A circle makes every feature depend on every other one, so that a change to
//! meetings recompiles and re-tests votes; this test names the circle instead.
//!
//! It reads the sources (a module is a top-level file or folder of `src/`; an edge is a
//! `crate::name` path outside comments) and also checks that the engine stays free of I/O and of
//! channel crates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The code of a file without its comments (line comments, doc comments and block comments);
/// string literals are kept as they are, which is enough to find paths.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut last = ' ';
                for next in chars.by_ref() {
                    if last == '*' && next == '/' {
                        break;
                    }
                    last = next;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The modules named by `crate::name` paths in `code` (not `$crate::`, which macros use).
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if before != Some('$') && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') && !name.is_empty() {
            names.insert(name);
        }
        rest = after;
    }
    names
}

/// A module of `src/` for a file: its first path component without `.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    (module != "lib").then(|| module.to_owned())
}

/// module -> (module it names -> the first file that names it)
fn graph(src: &Path) -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(src, &file) else { continue };
        let code = without_comments(&std::fs::read_to_string(&file).expect("readable source"));
        let named = edges.entry(module.clone()).or_default();
        for name in crate_paths(&code) {
            if name != module {
                named.entry(name).or_insert_with(|| file.clone());
            }
        }
    }
    edges
}

/// Every circle of the graph, each once, as the list of modules around it.
fn circles(edges: &BTreeMap<String, BTreeMap<String, PathBuf>>) -> Vec<Vec<String>> {
    fn walk(
        node: &str,
        edges: &BTreeMap<String, BTreeMap<String, PathBuf>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if let Some(at) = path.iter().position(|n| n == node) {
            found.push(path[at..].to_vec());
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flat_map(BTreeMap::keys) {
            walk(next, edges, path, done, found);
        }
        path.pop();
        done.insert(node.to_owned());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        walk(node, edges, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    assert!(
        edges.contains_key("engine") && edges.contains_key("meeting"),
        "the sources were read"
    );
    let found = circles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|circle| {
            let mut steps = Vec::new();
            for (i, from) in circle.iter().enumerate() {
                let to = &circle[(i + 1) % circle.len()];
                let file = edges[from][to]
                    .strip_prefix(&src)
                    .unwrap_or(&edges[from][to])
                    .display()
                    .to_string();
                steps.push(format!("{from} -> {to} (in {file})"));
            }
            steps.join(", ")
        })
        .collect();
    assert!(
        described.is_empty(),
        "import circles in tatwir-core:\n{}",
        described.join("\n")
    );
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges
            .entry(from.into())
            .or_default()
            .insert(to.into(), PathBuf::from(from));
    }
    assert_eq!(circles(&edges), vec![vec!["a".to_owned(), "b".into(), "c".into()]]);
    let code = without_comments("use crate::a::X; // crate::b\n/* crate::c */ let s = \"//\"; $crate::d; crate::e::f");
    assert_eq!(crate_paths(&code), BTreeSet::from(["a".to_owned(), "e".to_owned()]));
}

#[test]
fn the_engine_depends_on_no_network_storage_or_channel_crate() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).expect("manifest");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for crate_name in [
        "tokio",
        "sqlx",
        "teloxide",
        "matrix-sdk",
        "axum",
        "reqwest",
        "hyper",
        "tatwir-store",
        "tatwir-locales",
    ] {
        assert!(
            !dependencies
                .lines()
                .any(|line| line.trim_start().starts_with(crate_name)),
            "tatwir-core must not depend on {crate_name}"
        );
    }
}
