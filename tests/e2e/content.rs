//! `tatwir content`: checking, counting and importing toolbox packs, through the real binary.
//! Each folder under tests/fixtures/packs/ is a small pack with one kind of defect (`valid/`
//! has none).

use crate::transcripts::tatwir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/packs")
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn content(data: &Path, args: &[&str]) -> Output {
    tatwir(data)
        .env("TATWIR_LANG", "fr")
        .arg("content")
        .args(args)
        .output()
        .expect("run tatwir")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// (fixture, where the problem is, the French message).
const BROKEN: &[(&str, &str, &str)] = &[
    ("syntax", "welcome/toolbox.toml:22", "Erreur de syntaxe TOML"),
    (
        "missing-field",
        "welcome/toolbox.toml:1",
        "Champ obligatoire manquant : audience.",
    ),
    (
        "unknown-field",
        "welcome/toolbox.toml:9",
        "Champ inconnu : material.license (faute de frappe ?).",
    ),
    ("wrong-type", "welcome/toolbox.toml:3", "position n'a pas le bon type"),
    (
        "unknown-audience",
        "welcome/toolbox.toml:2",
        "Public inconnu : « everyone ».",
    ),
    (
        "unknown-question-kind",
        "welcome/toolbox.toml:24",
        "Type de question inconnu : « several ».",
    ),
    (
        "unknown-media-kind",
        "welcome/toolbox.toml:15",
        "Type de média inconnu : « audio ».",
    ),
    ("bad-id", "welcome/toolbox.toml:29", "Identifiant invalide : « Ask »."),
    (
        "duplicate-toolbox",
        "welcome-copy/toolbox.toml:1",
        "L'identifiant de boîte à outils « welcome » est déjà pris par",
    ),
    (
        "duplicate-material",
        "welcome/toolbox.toml:12",
        "La source « tatwir-guide » est déjà déclarée ligne 6.",
    ),
    (
        "duplicate-lesson",
        "welcome/toolbox.toml:35",
        "La leçon « first-day » est déjà déclarée ligne 12.",
    ),
    (
        "duplicate-question",
        "welcome/toolbox.toml:35",
        "La question « who » est déjà déclarée ligne 17",
    ),
    (
        "unknown-material",
        "welcome/toolbox.toml:14",
        "Source inconnue : « tatwir-guid »",
    ),
    (
        "parts-out-of-range",
        "welcome/toolbox.toml:13",
        "Nombre de parties impossible : 5. Une leçon a de 1 à 4 parties.",
    ),
    (
        "too-few-questions",
        "welcome/toolbox.toml:12",
        "Cette leçon n'a que 2 questions : il en faut au moins 3.",
    ),
    (
        "options-out-of-range",
        "welcome/toolbox.toml:31",
        "Nombre d'options impossible : 1.",
    ),
    ("correct-empty", "welcome/toolbox.toml:20", "Aucune bonne réponse"),
    (
        "correct-out-of-range",
        "welcome/toolbox.toml:20",
        "Bonne réponse 4 impossible : les options sont numérotées de 1 à 3.",
    ),
    (
        "correct-duplicated",
        "welcome/toolbox.toml:26",
        "La bonne réponse 3 est écrite deux fois.",
    ),
    (
        "single-with-several-correct",
        "welcome/toolbox.toml:20",
        "Question « single » avec 2 bonnes réponses",
    ),
    (
        "media-both-sources",
        "welcome/toolbox.toml:15",
        "Le média a à la fois file et url",
    ),
    (
        "media-no-source",
        "welcome/toolbox.toml:15",
        "Le média n'a ni file ni url.",
    ),
    (
        "media-file-missing",
        "welcome/toolbox.toml:15",
        "Fichier média introuvable : media/poster.png",
    ),
    (
        "media-outside-toolbox",
        "welcome/toolbox.toml:15",
        "Le fichier média ../poster.png est hors du dossier",
    ),
    (
        "bad-url",
        "welcome/toolbox.toml:9",
        "Adresse invalide : « www.example.org/guide ».",
    ),
    (
        "missing-language-file",
        "welcome/ary.toml",
        "Fichier de langue manquant : ary.toml est obligatoire",
    ),
    (
        "missing-toolbox-text",
        "welcome/ar.toml",
        "Texte de la boîte à outils manquant : summary.",
    ),
    (
        "missing-lesson-text",
        "welcome/ary.toml",
        "La leçon « first-day » n'a pas de texte dans ce fichier.",
    ),
    (
        "missing-question-text",
        "welcome/fr.toml:4",
        "La question « ask » de la leçon « first-day » n'a pas de texte",
    ),
    (
        "parts-count",
        "welcome/ar.toml:6",
        "La leçon « first-day » a une partie ici, mais toolbox.toml en déclare 2.",
    ),
    (
        "options-count",
        "welcome/ary.toml:13",
        "La question « who » (leçon « first-day ») a 2 options ici",
    ),
    (
        "caption-missing",
        "welcome/ary.toml:4",
        "La leçon « first-day » a un média : il lui faut une légende (caption)",
    ),
    (
        "caption-without-media",
        "welcome/fr.toml:6",
        "La leçon « first-day » n'a pas de média : cette légende (caption) ne serait jamais montrée.",
    ),
    (
        "text-too-long",
        "welcome/fr.toml:14",
        "Texte trop long (explication) : 244 caractères pour 200 au plus.",
    ),
    ("empty-text", "welcome/ar.toml:12", "Texte vide (question)."),
    (
        "undeclared-lesson",
        "welcome/fr.toml:26",
        "La leçon « last-day » n'est pas déclarée dans toolbox.toml",
    ),
    (
        "undeclared-question",
        "welcome/fr.toml:26",
        "La question « why » n'est pas déclarée pour la leçon « first-day »",
    ),
    ("not-utf8", "welcome/fr.toml", "Ce fichier n'est pas en UTF-8"),
    (
        "missing-toolbox-file",
        "notes",
        "Ce dossier n'a pas de fichier toolbox.toml",
    ),
    ("no-toolboxes", "", "Aucune boîte à outils ici"),
];

#[test]
fn each_broken_fixture_is_refused_with_its_file_line_and_message() {
    let data = tempfile::tempdir().expect("temporary folder");
    let mut failures = Vec::new();
    for (fixture, place, message) in BROKEN {
        let dir = fixtures().join(fixture);
        let output = content(data.path(), &["check", &dir.to_string_lossy()]);
        let printed = text(&output);
        let expected = if place.is_empty() {
            format!("{}: {message}", dir.display())
        } else {
            format!("{}: {message}", dir.join(place).display())
        };
        if output.status.code() != Some(1) || !printed.contains(&expected) {
            failures.push(format!(
                "{fixture}: expected exit 1 and {expected:?}, got {:?}:\n{printed}",
                output.status
            ));
        }
        if !printed.contains("relancez « tatwir content check »") {
            failures.push(format!("{fixture}: no summary:\n{printed}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let mut folders: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "valid")
        .collect();
    folders.sort();
    let mut tested: Vec<String> = BROKEN.iter().map(|(name, _, _)| (*name).to_owned()).collect();
    tested.sort();
    assert_eq!(folders, tested, "every fixture has a case");
}

#[test]
fn problems_are_told_in_the_readers_language() {
    let data = tempfile::tempdir().expect("temporary folder");
    let dir = fixtures().join("too-few-questions");
    let output = tatwir(data.path())
        .env("TATWIR_LANG", "ar")
        .args(["content", "check", &dir.to_string_lossy()])
        .output()
        .expect("run tatwir");
    assert_eq!(output.status.code(), Some(1));
    let printed = text(&output);
    assert!(
        printed.contains("welcome/toolbox.toml:12: عدد أسئلة هذا الدرس 2، والحد الأدنى 3."),
        "{printed}"
    );
}

#[test]
fn an_oversized_file_is_refused_without_being_read() {
    let data = tempfile::tempdir().expect("temporary folder");
    let pack = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures().join("valid"), pack.path());
    let fr = pack.path().join("welcome/fr.toml");
    let mut big = std::fs::read_to_string(&fr).expect("read");
    big.push_str(&"# remplissage\n".repeat(80_000));
    std::fs::write(&fr, big).expect("write");
    let output = content(data.path(), &["check", &pack.path().to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let expected = format!("{}: Fichier trop gros : 1048576 octets au plus.", fr.display());
    assert!(text(&output).contains(&expected), "{}", text(&output));
}

#[test]
fn the_valid_fixture_and_the_bundled_pack_pass() {
    let data = tempfile::tempdir().expect("temporary folder");
    let output = content(data.path(), &["check", &fixtures().join("valid").to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Pack valide : une boîte à outils, une leçon, 3 questions.\n"
    );
    let output = content(data.path(), &["check", &bundled().to_string_lossy()]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).starts_with("Pack valide : "), "{}", text(&output));
}

#[test]
fn the_bundled_pack_is_complete_in_every_language() {
    let data = tempfile::tempdir().expect("temporary folder");
    let output = content(data.path(), &["stats", &bundled().to_string_lossy(), "--json"]);
    assert!(output.status.success(), "{}", text(&output));
    assert!(output.stderr.is_empty(), "{}", text(&output));
    let stats: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let toolboxes = stats.as_array().expect("array");
    assert!(toolboxes.len() >= 6, "{stats}");
    for toolbox in toolboxes {
        let lessons = toolbox["lessons"].as_u64().expect("lessons");
        let questions = toolbox["questions"].as_u64().expect("questions");
        assert!(lessons >= 4, "{toolbox}");
        assert!(questions >= 3 * lessons, "{toolbox}");
        assert!(
            ["volunteer", "manager", "both"].contains(&toolbox["audience"].as_str().unwrap_or_default()),
            "{toolbox}"
        );
        for language in ["fr", "ar", "ary"] {
            assert_eq!(
                toolbox["languages"][language]["lessons"].as_u64(),
                Some(lessons),
                "{toolbox}"
            );
            assert_eq!(
                toolbox["languages"][language]["questions"].as_u64(),
                Some(questions),
                "{toolbox}"
            );
        }
    }
    // Every lesson has at least 3 questions: the check refuses fewer, and the pack passes it.
    let table = content(data.path(), &["stats", &bundled().to_string_lossy()]);
    assert!(table.status.success());
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(table.starts_with("Boîte à outils"), "{table}");
    assert!(table.lines().any(|line| line.starts_with("Total")), "{table}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn import(data: &Path, pack: &Path) -> Value {
    let output = content(data, &["import", &pack.to_string_lossy(), "--json"]);
    assert!(output.status.success(), "{}", text(&output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn importing_a_pack_records_new_then_unchanged_then_changed_lessons() {
    let data = tempfile::tempdir().expect("temporary folder");
    let pack = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures().join("valid"), pack.path());

    let first = import(data.path(), pack.path());
    assert_eq!(first["changed"], true, "{first}");
    assert_eq!(
        (first["toolboxes"].as_u64(), first["lessons"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(first["new_lessons"], 1, "{first}");

    let again = import(data.path(), pack.path());
    assert_eq!(again["changed"], false, "{again}");
    assert_eq!(
        (again["new_lessons"].as_u64(), again["changed_lessons"].as_u64()),
        (Some(0), Some(0))
    );
    let human = content(data.path(), &["import", &pack.path().to_string_lossy()]);
    assert!(human.status.success());
    assert!(
        String::from_utf8_lossy(&human.stdout).starts_with("Déjà à jour : ce pack est celui qui est enseigné"),
        "{}",
        text(&human)
    );

    let ary = pack.path().join("welcome/ary.toml");
    let edited = std::fs::read_to_string(&ary)
        .expect("read")
        .replace("سول على كلشي", "سول على أي حاجة");
    std::fs::write(&ary, edited).expect("write");
    let changed = import(data.path(), pack.path());
    assert_eq!(changed["changed"], true, "{changed}");
    assert_eq!(changed["changed_lessons"], 1, "{changed}");
    assert_eq!(changed["new_lessons"], 0, "{changed}");

    // A broken pack imports nothing.
    std::fs::remove_file(pack.path().join("welcome/ar.toml")).expect("remove");
    let refused = content(data.path(), &["import", &pack.path().to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused).contains("Rien n'a été importé."), "{}", text(&refused));
}
