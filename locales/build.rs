//! Embeds every Fluent file of this folder (`fr/`, `ar/`, `ary/`) into the crate, so the binary
//! speaks all its languages wherever it runs, with no path to configure.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut files = Vec::new();
    for lang in std::fs::read_dir(&locales).expect("the locales folder is readable") {
        let lang = lang.expect("readable locales/ entry").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", lang.display());
        for file in std::fs::read_dir(&lang).expect("readable locale folder") {
            let file = file.expect("readable locale file").path();
            if file.extension().is_some_and(|ext| ext == "ftl") {
                files.push(file);
            }
        }
    }
    files.sort();
    let mut out = String::from("/// (locale code, file name, Fluent source) for every embedded file.\n");
    out.push_str("pub const EMBEDDED: &[(&str, &str, &str)] = &[\n");
    for file in &files {
        let lang = file
            .parent()
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .expect("utf-8 name");
        let name = file.file_name().and_then(|s| s.to_str()).expect("utf-8 name");
        let path = file.canonicalize().expect("canonical path");
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("locales.rs");
    std::fs::write(dest, out).expect("write locales.rs");
}
