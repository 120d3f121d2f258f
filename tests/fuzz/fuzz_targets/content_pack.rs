//! A content pack as a translator or a contributor may send it: the four files of one toolbox
//! folder (`toolbox.toml`, `fr.toml`, `ar.toml`, `ary.toml`), read and checked by
//! `tatwir_content::read_pack`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const FILES: [&str; 4] = ["toolbox.toml", "fr.toml", "ar.toml", "ary.toml"];

/// A pack folder of this process's own, with one toolbox folder in it.
fn pack() -> &'static PathBuf {
    static PACK: OnceLock<PathBuf> = OnceLock::new();
    PACK.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let pack = base.join(format!("tatwir-fuzz-pack-{}", std::process::id()));
        std::fs::create_dir_all(pack.join("box")).expect("a pack folder");
        pack
    })
}

fuzz_target!(|data: &[u8]| {
    // The files are separated by 0xFF, a byte valid UTF-8 never holds (`tests/fuzz/run` seeds the
    // corpus with the packs of content/ and tests/fixtures/packs so joined). A file the input
    // does not reach is missing.
    let pack = pack();
    let folder = pack.join("box");
    let mut parts = data.split(|&b| b == 0xFF);
    for name in FILES {
        let path = folder.join(name);
        match parts.next() {
            Some(bytes) => std::fs::write(&path, bytes).expect("a pack file"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    let read = tatwir_content::read_pack(pack);
    if read.problems.is_empty() {
        assert_eq!(read.library.toolboxes.len(), 1);
    }
    // What `tatwir content check` prints of each.
    for problem in &read.problems {
        let _ = (problem.to_string(), problem.defect.message_id(), problem.defect.args());
    }
    for warning in &read.warnings {
        let _ = warning.to_string();
    }
});
