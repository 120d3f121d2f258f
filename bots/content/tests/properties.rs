//! Property tests of the pack reader on what a contributor may send: any text as each file of a
//! toolbox folder, and the packs of `content/` and `tests/fixtures/packs/` cut, spliced and
//! broken at random places. Reading never panics and a pack without problems has its toolbox.
//! The same reader is fuzzed by `tests/fuzz/run` (README.md, "Fuzzing"); here it runs a fixed
//! number of cases from a fixed seed, in temporary folders.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::path::{Path, PathBuf};

const FILES: [&str; 4] = ["toolbox.toml", "fr.toml", "ar.toml", "ary.toml"];

fn config() -> Config {
    Config {
        cases: 256,
        rng_seed: RngSeed::Fixed(0xc0_7e47),
        failure_persistence: None,
        ..Config::default()
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every toolbox folder of the bundled pack and of the test packs, in a fixed order.
fn folders() -> Vec<PathBuf> {
    let root = root();
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .into_iter()
        .flatten()
        .chain(
            std::fs::read_dir(root.join("tests/fixtures/packs"))
                .into_iter()
                .flatten()
                .flatten()
                .flat_map(|pack| std::fs::read_dir(pack.path()).into_iter().flatten()),
        )
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("toolbox.toml").is_file())
        .collect();
    folders.sort();
    folders
}

/// Pieces of TOML and of text that break it in interesting ways.
const PIECES: &[&str] = &[
    "\n",
    "=",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\\u{",
    "\\uD800",
    "lesson",
    "question",
    "material",
    "id",
    "parts",
    "options",
    "correct",
    "kind",
    "media",
    "file",
    "url",
    "audience",
    "position",
    "title",
    "text",
    "= 0",
    "= -1",
    "= 9223372036854775807",
    "= 99999999999999999999",
    "= 1e400",
    "= []",
    "= [0]",
    "= [1, 1]",
    "= {}",
    "= true",
    "= 1979-05-27T07:32:00Z",
    "\"../../etc/passwd\"",
    "\"media/x.pdf\"",
    "\"/dev/zero\"",
    "\u{0}",
    "\u{202E}",
    "\u{FEFF}",
    "é",
    "العربية",
    "🎉",
    "\r\n",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..4000).prop_map(String::from_iter),
        prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|pieces| pieces.concat()),
    ]
}

/// A change to a file's bytes at a place chosen by a fraction of its length.
#[derive(Clone, Debug)]
enum Mutation {
    Truncate(f64),
    Insert(f64, String),
    Remove(f64, f64),
    /// Bytes that are not UTF-8.
    Garble(f64, Vec<u8>),
    Missing,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0.0..=1.0f64;
    prop_oneof![
        at.clone().prop_map(Mutation::Truncate),
        (
            at.clone(),
            prop::collection::vec(prop::sample::select(PIECES), 1..8).prop_map(|p| p.concat())
        )
            .prop_map(|(at, text)| Mutation::Insert(at, text)),
        (at.clone(), at.clone()).prop_map(|(a, b)| Mutation::Remove(a.min(b), a.max(b))),
        (at, prop::collection::vec(0x80..=0xFFu8, 1..4)).prop_map(|(at, bytes)| Mutation::Garble(at, bytes)),
        Just(Mutation::Missing),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) -> bool {
    let place = |at: f64| ((bytes.len() as f64) * at) as usize;
    match mutation {
        Mutation::Truncate(at) => bytes.truncate(place(*at)),
        Mutation::Insert(at, text) => {
            let at = place(*at).min(bytes.len());
            bytes.splice(at..at, text.bytes());
        }
        Mutation::Remove(from, to) => {
            let (from, to) = (place(*from).min(bytes.len()), place(*to).min(bytes.len()));
            bytes.drain(from..to);
        }
        Mutation::Garble(at, garbage) => {
            let at = place(*at).min(bytes.len());
            bytes.splice(at..at, garbage.iter().copied());
        }
        Mutation::Missing => return false,
    }
    true
}

/// Reads a pack of one toolbox folder holding `files` (a missing one is `None`).
fn read(files: [Option<Vec<u8>>; 4], media_from: Option<&Path>) -> tatwir_content::Pack {
    let pack = tempfile::tempdir().expect("a temporary folder");
    let folder = pack.path().join("box");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes) in FILES.into_iter().zip(files) {
        if let Some(bytes) = bytes {
            std::fs::write(folder.join(name), bytes).unwrap();
        }
    }
    // The media files a lesson names are copied (a link would lead outside the toolbox).
    if let Some(media) = media_from.map(|from| from.join("media")).filter(|media| media.is_dir()) {
        std::fs::create_dir(folder.join("media")).unwrap();
        for entry in std::fs::read_dir(media).unwrap().flatten() {
            std::fs::copy(entry.path(), folder.join("media").join(entry.file_name())).unwrap();
        }
    }
    let read = tatwir_content::read_pack(pack.path());
    if read.problems.is_empty() {
        assert_eq!(
            read.library.toolboxes.len(),
            1,
            "a pack without problems has its toolbox"
        );
    }
    for problem in &read.problems {
        let _ = (problem.to_string(), problem.defect.message_id(), problem.defect.args());
    }
    for warning in &read.warnings {
        let _ = warning.to_string();
    }
    read
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_as_any_file_reads_without_panic(
        files in prop::array::uniform4(prop::option::weighted(0.9, text())),
    ) {
        read(files.map(|file| file.map(String::into_bytes)), None);
    }

    #[test]
    fn a_real_pack_broken_anywhere_reads_without_panic(
        folder in 0..1000usize,
        changes in prop::collection::vec((0..4usize, mutation()), 1..4),
    ) {
        let folders = folders();
        prop_assume!(!folders.is_empty());
        let folder = &folders[folder % folders.len()];
        let mut files = FILES.map(|name| std::fs::read(folder.join(name)).ok());
        for (file, change) in &changes {
            if let Some(bytes) = files[*file].as_mut()
                && !apply(bytes, change)
            {
                files[*file] = None;
            }
        }
        read(files, Some(folder));
    }
}

#[test]
fn the_valid_fixture_reads_whole() {
    let folder = root().join("tests/fixtures/packs/valid/welcome");
    let read = read(FILES.map(|name| std::fs::read(folder.join(name)).ok()), Some(&folder));
    assert!(read.problems.is_empty(), "{:?}", read.problems);
}

#[test]
fn a_file_too_large_is_a_problem_not_an_allocation() {
    let huge = "# ".repeat(tatwir_content::MAX_FILE_BYTES as usize);
    let read = read(
        [Some(huge.clone().into_bytes()), Some(huge.into_bytes()), None, None],
        None,
    );
    assert!(!read.problems.is_empty());
}
