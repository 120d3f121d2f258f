//! The pack reader on packs written here, broken one way at a time, and on the bundled one.

use crate::problem::*;
use crate::*;
use std::path::Path;
use tatwir_core::content::{ToolboxAudience, limits};
use tatwir_core::language::Language;
use tatwir_core::message::MediaSource;

const TOOLBOX: &str = r#"id = "demo"
audience = "volunteer"
position = 5

[[material]]
id = "src"
title = "A source"
source = "Someone"
url = "https://example.org/source"
licence = "CC BY 4.0"

[[lesson]]
id = "one"
parts = 2
materials = ["src"]

[[lesson.question]]
id = "a"
kind = "single"
options = 2
correct = [2]

[[lesson.question]]
id = "b"
kind = "multiple"
options = 3
correct = [3, 1]

[[lesson.question]]
id = "c"
kind = "single"
options = 2
correct = [1]
"#;

fn language_file(tag: &str) -> String {
    format!(
        r#"title = "Demo {tag}"
summary = "Résumé {tag}"

[lesson.one]
title = "Leçon {tag}"
parts = ["Partie une {tag}", "Partie deux"]

[lesson.one.question.a]
text = "Question a ?"
options = ["Oui", "Non"]
explanation = "Parce que."

[lesson.one.question.b]
text = "Question b ?"
options = ["Un", "Deux", "Trois"]
explanation = "Parce que."

[lesson.one.question.c]
text = "Question c ?"
options = ["Vrai", "Faux"]
explanation = "Parce que."
"#
    )
}

/// A pack folder holding the demo toolbox, with `edit` applied to its files first.
fn pack(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = dir.path().join("demo");
    std::fs::create_dir(&folder).expect("folder");
    let mut files = vec![("toolbox.toml", TOOLBOX.to_owned())];
    for language in Language::ALL {
        files.push((language.code(), language_file(language.code())));
    }
    for (name, text) in files {
        let name = if name == "toolbox.toml" {
            name.to_owned()
        } else {
            format!("{name}.toml")
        };
        std::fs::write(folder.join(&name), edit(&name, text)).expect("write");
    }
    dir
}

fn replace(file: &'static str, from: &'static str, to: &'static str) -> impl Fn(&str, String) -> String {
    move |name, text| {
        if name == file {
            assert!(text.contains(from), "{from:?} not in {file}");
            text.replacen(from, to, 1)
        } else {
            text
        }
    }
}

fn problems_of(dir: &tempfile::TempDir) -> Vec<(String, Option<usize>, Defect)> {
    check(dir.path())
        .into_iter()
        .map(|p| {
            let name = p
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, p.line, p.defect)
        })
        .collect()
}

#[test]
fn a_valid_pack_loads_into_the_model() {
    let dir = pack(|_, text| text);
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let toolbox = &library.toolboxes[0];
    assert_eq!(
        (toolbox.id.as_str(), toolbox.audience, toolbox.position),
        ("demo", ToolboxAudience::Volunteer, 5)
    );
    assert_eq!(toolbox.texts.get(Language::Ar).title, "Demo ar");
    assert_eq!(toolbox.materials[0].url.as_deref(), Some("https://example.org/source"));
    let lesson = &toolbox.lessons[0];
    assert_eq!(lesson.materials, ["src"]);
    assert_eq!(lesson.texts.by_language.len(), 3);
    assert_eq!(lesson.texts.get(Language::Ary).parts, ["Partie une ary", "Partie deux"]);
    assert_eq!(lesson.version.len(), 16);
    let correct: Vec<&[usize]> = lesson.questions.iter().map(|q| q.correct.as_slice()).collect();
    assert_eq!(correct, [&[1][..], &[0, 2], &[0]]);
    assert!(lesson.questions[1].is_right(&[2, 0]));
}

#[test]
fn any_edit_in_any_language_makes_a_new_version_and_reordering_does_not() {
    let version = |dir: &tempfile::TempDir| {
        let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
        library.lesson("demo", "one").expect("lesson").1.version.clone()
    };
    let base = version(&pack(|_, text| text));
    assert_eq!(base, version(&pack(|_, text| text)), "stable");
    assert_ne!(base, version(&pack(replace("ary.toml", "Parce que.", "Hit."))));
    assert_ne!(
        base,
        version(&pack(replace("toolbox.toml", "correct = [1]", "correct = [2]")))
    );
    // Another lesson listed before this one leaves its version alone.
    let second = "[[lesson]]\nid = \"zero\"\nparts = 1\n\n[[lesson.question]]\nid = \"a\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson.question]]\nid = \"b\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson.question]]\nid = \"c\"\nkind = \"single\"\noptions = 2\ncorrect = [1]\n\n[[lesson]]\nid = \"one\"";
    let texts = "[lesson.zero]\ntitle = \"Z\"\nparts = [\"Z\"]\n[lesson.zero.question.a]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n[lesson.zero.question.b]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n[lesson.zero.question.c]\ntext = \"?\"\noptions = [\"x\", \"y\"]\nexplanation = \"!\"\n\n[lesson.one]";
    let reordered = pack(move |name, text| {
        if name == "toolbox.toml" {
            text.replacen("[[lesson]]\nid = \"one\"", second, 1)
        } else {
            text.replacen("[lesson.one]", texts, 1)
        }
    });
    let library = load(reordered.path()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(library.toolboxes[0].lessons[0].id, "zero");
    assert_eq!(library.toolboxes[0].lessons[1].version, base);
}

#[test]
fn each_defect_is_found_on_its_line() {
    use Defect as D;
    let cases: Vec<(&'static str, &'static str, &'static str, Option<usize>, Defect)> = vec![
        (
            "toolbox.toml",
            "id = \"demo\"",
            "id = \"Demo\"",
            Some(1),
            D::BadId { id: "Demo".into() },
        ),
        (
            "toolbox.toml",
            "audience = \"volunteer\"",
            "audience = \"all\"",
            Some(2),
            D::UnknownAudience { value: "all".into() },
        ),
        (
            "toolbox.toml",
            "position = 5\n",
            "",
            Some(1),
            D::MissingField {
                field: "position".into(),
            },
        ),
        (
            "toolbox.toml",
            "position = 5",
            "position = \"5\"",
            Some(3),
            D::WrongType {
                field: "position".into(),
            },
        ),
        (
            "toolbox.toml",
            "licence",
            "license",
            Some(10),
            D::UnknownField {
                field: "material.license".into(),
            },
        ),
        (
            "toolbox.toml",
            "parts = 2",
            "parts = 5",
            Some(14),
            D::PartsOutOfRange { parts: 5 },
        ),
        (
            "toolbox.toml",
            "materials = [\"src\"]",
            "materials = [\"who\"]",
            Some(15),
            D::UnknownMaterial { id: "who".into() },
        ),
        (
            "toolbox.toml",
            "kind = \"multiple\"",
            "kind = \"many\"",
            Some(25),
            D::UnknownQuestionKind { value: "many".into() },
        ),
        (
            "toolbox.toml",
            "options = 3",
            "options = 11",
            Some(26),
            D::OptionsOutOfRange { options: 11 },
        ),
        (
            "toolbox.toml",
            "correct = [2]",
            "correct = []",
            Some(21),
            D::CorrectEmpty,
        ),
        (
            "toolbox.toml",
            "correct = [2]",
            "correct = [3]",
            Some(21),
            D::CorrectOutOfRange { answer: 3, options: 2 },
        ),
        (
            "toolbox.toml",
            "correct = [3, 1]",
            "correct = [3, 3]",
            Some(27),
            D::CorrectDuplicated { answer: 3 },
        ),
        (
            "toolbox.toml",
            "correct = [2]",
            "correct = [1, 2]",
            Some(21),
            D::SingleWithSeveralCorrect { correct: 2 },
        ),
        (
            "toolbox.toml",
            "id = \"c\"",
            "id = \"a\"",
            Some(30),
            D::DuplicateQuestion {
                id: "a".into(),
                first_line: 18,
            },
        ),
        (
            "toolbox.toml",
            "url = \"https://example.org/source\"",
            "url = \"example.org\"",
            Some(9),
            D::BadUrl {
                url: "example.org".into(),
            },
        ),
        (
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"video\" }",
            Some(15),
            D::MediaNoSource,
        ),
        (
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"gif\", url = \"https://x.org/a.gif\" }",
            Some(15),
            D::UnknownMediaKind { value: "gif".into() },
        ),
        (
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"image\", url = \"https://x.org/a.png\", file = \"a.png\" }",
            Some(15),
            D::MediaBothSources,
        ),
        (
            "toolbox.toml",
            "materials = [\"src\"]",
            "media = { kind = \"image\", file = \"media/none.png\" }",
            Some(15),
            D::MediaFileMissing {
                file: "media/none.png".into(),
            },
        ),
        (
            "toolbox.toml",
            "correct = [2]",
            "correct = [2\n",
            Some(24),
            D::Syntax { detail: String::new() },
        ),
        (
            "fr.toml",
            "summary = \"Résumé fr\"\n",
            "",
            None,
            D::MissingToolboxText {
                field: "summary".into(),
            },
        ),
        (
            "ar.toml",
            "parts = [\"Partie une ar\", \"Partie deux\"]",
            "parts = [\"Une\"]",
            Some(6),
            D::PartsCount {
                lesson: "one".into(),
                expected: 2,
                found: 1,
            },
        ),
        (
            "ary.toml",
            "options = [\"Oui\", \"Non\"]",
            "options = [\"Oui\"]",
            Some(10),
            D::OptionsCount {
                lesson: "one".into(),
                question: "a".into(),
                expected: 2,
                found: 1,
            },
        ),
        (
            "fr.toml",
            "[lesson.one.question.c]",
            "[lesson.one.question.d]",
            Some(4),
            D::MissingQuestionText {
                lesson: "one".into(),
                question: "c".into(),
            },
        ),
        (
            "fr.toml",
            "text = \"Question a ?\"",
            "text = \" \"",
            Some(9),
            D::EmptyText {
                kind: TextKind::Question,
            },
        ),
        (
            "fr.toml",
            "title = \"Leçon fr\"",
            "title = \"Leçon fr\"\ncaption = \"Voir\"",
            Some(6),
            D::CaptionWithoutMedia { lesson: "one".into() },
        ),
        (
            "fr.toml",
            "[lesson.one]\n",
            "[lesson.two]\ntitle = \"x\"\n[lesson.one]\n",
            Some(4),
            D::UndeclaredLesson { lesson: "two".into() },
        ),
    ];
    let mut failures = Vec::new();
    for (file, from, to, line, defect) in cases {
        let dir = pack(replace(file, from, to));
        let found = problems_of(&dir);
        let matches = |(f, l, d): &(String, Option<usize>, Defect)| {
            f == file
                && *l == line
                && match (d, &defect) {
                    (D::Syntax { .. }, D::Syntax { .. }) => true,
                    (d, defect) => d == defect,
                }
        };
        if !found.iter().any(matches) {
            failures.push(format!(
                "{file}: {from:?} -> {to:?}: expected {defect:?} on {line:?}, found {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn texts_are_measured_in_characters() {
    // 100 Arabic letters are 200 bytes: still a valid option.
    let option = "ب".repeat(limits::OPTION);
    let fits = pack(move |name, text| {
        if name == "ar.toml" {
            text.replacen("\"Oui\"", &format!("\"{option}\""), 1)
        } else {
            text
        }
    });
    assert_eq!(problems_of(&fits), []);
    let long = "ب".repeat(limits::OPTION + 1);
    let over = pack(move |name, text| {
        if name == "ar.toml" {
            text.replacen("\"Oui\"", &format!("\"{long}\""), 1)
        } else {
            text
        }
    });
    assert_eq!(
        problems_of(&over),
        [(
            "ar.toml".to_owned(),
            Some(10),
            Defect::TextTooLong {
                kind: TextKind::Option,
                max: limits::OPTION,
                length: limits::OPTION + 1
            }
        )]
    );
}

#[test]
fn files_and_folders_that_are_missing_too_big_or_not_text() {
    let dir = pack(|_, text| text);
    std::fs::remove_file(dir.path().join("demo/ary.toml")).expect("remove");
    std::fs::write(dir.path().join("demo/ar.toml"), vec![b'#'; 2 * MAX_FILE_BYTES as usize]).expect("write");
    std::fs::write(dir.path().join("demo/fr.toml"), b"title = \"\xff\"").expect("write");
    std::fs::create_dir(dir.path().join("empty")).expect("folder");
    std::fs::write(dir.path().join("README.md"), "ignored").expect("write");
    let found = problems_of(&dir);
    for expected in [
        ("fr.toml".to_owned(), None, Defect::NotUtf8),
        (
            "ar.toml".to_owned(),
            None,
            Defect::FileTooLarge {
                max_bytes: MAX_FILE_BYTES,
            },
        ),
        (
            "ary.toml".to_owned(),
            None,
            Defect::MissingLanguageFile {
                language: Language::Ary,
            },
        ),
        ("empty".to_owned(), None, Defect::MissingToolboxFile),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn toolbox_ids_are_unique_and_toolboxes_sorted_by_position() {
    let dir = pack(|_, text| text);
    let copy = |to: &str, edit: &dyn Fn(String) -> String| {
        std::fs::create_dir(dir.path().join(to)).expect("folder");
        for name in ["toolbox.toml", "fr.toml", "ar.toml", "ary.toml"] {
            let text = std::fs::read_to_string(dir.path().join("demo").join(name)).expect("read");
            let text = if name == "toolbox.toml" { edit(text) } else { text };
            std::fs::write(dir.path().join(to).join(name), text).expect("write");
        }
    };
    copy("again", &|text| text);
    let found = problems_of(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        matches!(&found[0], (_, Some(1), Defect::DuplicateToolbox { id, .. }) if id == "demo"),
        "{found:?}"
    );
    std::fs::remove_dir_all(dir.path().join("again")).expect("remove");
    copy("first", &|text| {
        text.replace("id = \"demo\"", "id = \"first\"")
            .replace("position = 5", "position = 1")
    });
    copy("same", &|text| text.replace("id = \"demo\"", "id = \"b-same\""));
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let ids: Vec<&str> = library.toolboxes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["first", "b-same", "demo"]);
}

#[test]
fn media_files_become_absolute_paths_inside_the_toolbox() {
    let dir = pack(replace(
        "toolbox.toml",
        "materials = [\"src\"]",
        "media = { kind = \"image\", file = \"media/a.png\" }",
    ));
    let with_caption = |dir: &tempfile::TempDir| {
        for language in Language::ALL {
            let path = dir.path().join(format!("demo/{}.toml", language.code()));
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, text.replacen("parts =", "caption = \"Regardez\"\nparts =", 1)).expect("write");
        }
    };
    std::fs::create_dir(dir.path().join("demo/media")).expect("folder");
    std::fs::write(dir.path().join("demo/media/a.png"), b"png").expect("write");
    let found = problems_of(&dir);
    assert_eq!(found.len(), 3, "a caption in each language: {found:?}");
    assert!(
        found
            .iter()
            .all(|(_, line, d)| *line == Some(4) && matches!(d, Defect::CaptionMissing { .. }))
    );
    with_caption(&dir);
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let media = library.toolboxes[0].lessons[0].media.as_ref().expect("media");
    match &media.source {
        MediaSource::File(path) => assert!(path.is_absolute() && path.ends_with("demo/media/a.png"), "{path:?}"),
        other => panic!("{other:?}"),
    }

    let outside = pack(replace(
        "toolbox.toml",
        "materials = [\"src\"]",
        "media = { kind = \"image\", file = \"../secret.png\" }",
    ));
    std::fs::write(outside.path().join("secret.png"), b"png").expect("write");
    with_caption(&outside);
    assert_eq!(
        problems_of(&outside),
        [(
            "toolbox.toml".to_owned(),
            Some(15),
            Defect::MediaOutsideToolbox {
                file: "../secret.png".into()
            }
        )]
    );
}

/// The demo pack whose lesson shows `media/step.png` with its second part, captioned in every
/// language but those `edit` changes.
fn pack_with_part_image(images: &'static str, captions: &'static str) -> tempfile::TempDir {
    let dir = pack(move |name, text| {
        if name == "toolbox.toml" {
            text.replacen("materials = [\"src\"]", images, 1)
        } else {
            text.replacen("\n[lesson.one.question.a]", captions, 1)
        }
    });
    std::fs::create_dir(dir.path().join("demo/media")).expect("folder");
    std::fs::write(dir.path().join("demo/media/step.png"), b"png").expect("write");
    dir
}

const PART_IMAGE: &str = "materials = [\"src\"]\nimages = [{ part = 2, file = \"media/step.png\" }]";
const PART_CAPTION: &str = "image_captions = { 2 = \"La deuxième étape\" }\n\n[lesson.one.question.a]";

#[test]
fn a_part_image_is_read_with_its_caption_in_each_language() {
    let dir = pack_with_part_image(PART_IMAGE, PART_CAPTION);
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let lesson = &library.toolboxes[0].lessons[0];
    assert!(lesson.media.is_none());
    assert!(lesson.image(0).is_none());
    let image = lesson.image(1).expect("the second part's image");
    match &image.source {
        MediaSource::File(path) => assert!(path.is_absolute() && path.ends_with("demo/media/step.png"), "{path:?}"),
        other => panic!("{other:?}"),
    }
    for language in Language::ALL {
        let texts = lesson.texts.get(language);
        assert_eq!(
            texts.image_captions.get(&1).map(String::as_str),
            Some("La deuxième étape")
        );
        assert!(texts.caption.is_none());
    }

    // A lesson without images keeps its version: the image is part of it.
    let plain = pack(|_, text| text);
    let plain = load(plain.path()).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(plain.toolboxes[0].lessons[0].images.is_empty());
    assert_ne!(plain.toolboxes[0].lessons[0].version, lesson.version);
    let json = serde_json::to_string(&plain).expect("json");
    assert!(!json.contains("image"), "{json}");
}

#[test]
fn a_library_stored_before_part_images_still_reads() {
    let dir = pack(|_, text| text);
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let stored = serde_json::to_string(&library).expect("json");
    let read: tatwir_core::content::Library = serde_json::from_str(&stored).expect("read back");
    assert_eq!(read, library);
}

#[test]
fn a_part_image_missing_its_file_or_caption_is_a_problem() {
    let missing = pack_with_part_image(
        "materials = [\"src\"]\nimages = [{ part = 2, file = \"media/none.png\" }]",
        PART_CAPTION,
    );
    assert_eq!(
        problems_of(&missing),
        [(
            "toolbox.toml".to_owned(),
            Some(16),
            Defect::MediaFileMissing {
                file: "media/none.png".into()
            }
        )]
    );

    let uncaptioned = pack_with_part_image(PART_IMAGE, "\n[lesson.one.question.a]");
    let found = problems_of(&uncaptioned);
    assert_eq!(found.len(), 3, "each language: {found:?}");
    for (_, line, defect) in &found {
        assert_eq!(*line, Some(4));
        assert_eq!(
            *defect,
            Defect::ImageCaptionMissing {
                lesson: "one".into(),
                part: 2
            }
        );
    }

    let astray = pack_with_part_image(
        PART_IMAGE,
        "image_captions = { 2 = \"Deux\", 1 = \"Une\" }\n\n[lesson.one.question.a]",
    );
    let found = problems_of(&astray);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.iter().all(|(_, line, defect)| *line == Some(7)
            && *defect
                == Defect::ImageCaptionWithoutImage {
                    lesson: "one".into(),
                    part: "1".into()
                }),
        "{found:?}"
    );

    let beyond = pack_with_part_image(
        "materials = [\"src\"]\nimages = [{ part = 3, file = \"media/step.png\" }]",
        "\n[lesson.one.question.a]",
    );
    assert_eq!(
        problems_of(&beyond),
        [(
            "toolbox.toml".to_owned(),
            Some(16),
            Defect::ImagePartOutOfRange { part: 3, parts: 2 }
        )]
    );

    let twice = pack_with_part_image(
        "materials = [\"src\"]\nimages = [\n  { part = 2, file = \"media/step.png\" },\n  { part = 2, file = \"media/step.png\" },\n]",
        PART_CAPTION,
    );
    assert_eq!(
        problems_of(&twice),
        [(
            "toolbox.toml".to_owned(),
            Some(18),
            Defect::DuplicateImage {
                part: 2,
                first_line: 17
            }
        )]
    );
}

#[test]
fn no_input_makes_the_reader_panic() {
    let inputs = [
        "",
        "\u{0}",
        "lesson = 5",
        "lesson = [1, \"x\"]",
        "[[lesson]]\nid = 7\nparts = 99999999999999999999\nquestion = \"x\"",
        "[[lesson]]\nid = \"\u{202e}évil\"\nparts = -1\n[[lesson.question]]\noptions = 0x10\ncorrect = [\"a\", -3, 9223372036854775807]\nkind = 1",
        "id = \"x\"\naudience = []\nposition = 1.5\nmaterial = { id = 1 }",
        "[lesson.one]\nquestion = \"x\"\nparts = [[1]]",
        "title = 1\nsummary = [\"a\"]\n[lesson]\none = 1",
        "[lesson.one.question.a]\ntext = \"مرحبا 👋🏽\"\noptions = \"x\"",
    ];
    for toolbox in inputs {
        for language in inputs {
            let dir = pack(|name, text| {
                if name == "toolbox.toml" {
                    toolbox.to_owned()
                } else if name == "fr.toml" {
                    language.to_owned()
                } else {
                    text
                }
            });
            assert!(!check(dir.path()).is_empty(), "{toolbox:?} / {language:?}");
        }
    }
    assert!(!check(Path::new("/nonexistent/pack")).is_empty());
    let empty = tempfile::tempdir().expect("temporary folder");
    assert_eq!(check(empty.path())[0].defect, Defect::NoToolboxes);
}

#[test]
fn every_defect_has_its_message_in_every_language() {
    let localizer = tatwir_locales::localizer().expect("the bundled locales load");
    let text = || "x".to_owned();
    let defects = [
        Defect::NoToolboxes,
        Defect::MissingToolboxFile,
        Defect::MissingLanguageFile { language: Language::Ar },
        Defect::FileTooLarge {
            max_bytes: MAX_FILE_BYTES,
        },
        Defect::Unreadable,
        Defect::NotUtf8,
        Defect::Syntax { detail: text() },
        Defect::MissingField { field: text() },
        Defect::UnknownField { field: text() },
        Defect::WrongType { field: text() },
        Defect::UnknownAudience { value: text() },
        Defect::UnknownQuestionKind { value: text() },
        Defect::UnknownMediaKind { value: text() },
        Defect::BadId { id: text() },
        Defect::DuplicateToolbox {
            id: text(),
            other: PathBuf::from("a/toolbox.toml"),
        },
        Defect::DuplicateMaterial {
            id: text(),
            first_line: 3,
        },
        Defect::DuplicateLesson {
            id: text(),
            first_line: 3,
        },
        Defect::DuplicateQuestion {
            id: text(),
            first_line: 3,
        },
        Defect::UnknownMaterial { id: text() },
        Defect::PartsOutOfRange { parts: 0 },
        Defect::TooFewQuestions { questions: 2 },
        Defect::OptionsOutOfRange { options: 1 },
        Defect::CorrectEmpty,
        Defect::CorrectOutOfRange { answer: 5, options: 4 },
        Defect::CorrectDuplicated { answer: 2 },
        Defect::SingleWithSeveralCorrect { correct: 2 },
        Defect::MediaBothSources,
        Defect::MediaNoSource,
        Defect::MediaFileMissing { file: text() },
        Defect::MediaOutsideToolbox { file: text() },
        Defect::ImagePartOutOfRange { part: 5, parts: 2 },
        Defect::DuplicateImage {
            part: 2,
            first_line: 15,
        },
        Defect::ImageCaptionMissing {
            lesson: text(),
            part: 2,
        },
        Defect::ImageCaptionWithoutImage {
            lesson: text(),
            part: text(),
        },
        Defect::BadUrl { url: text() },
        Defect::MissingToolboxText { field: text() },
        Defect::MissingLessonText { lesson: text() },
        Defect::MissingQuestionText {
            lesson: text(),
            question: text(),
        },
        Defect::PartsCount {
            lesson: text(),
            expected: 2,
            found: 1,
        },
        Defect::OptionsCount {
            lesson: text(),
            question: text(),
            expected: 4,
            found: 3,
        },
        Defect::CaptionMissing { lesson: text() },
        Defect::CaptionWithoutMedia { lesson: text() },
        Defect::TextTooLong {
            kind: TextKind::Part,
            max: 700,
            length: 701,
        },
        Defect::EmptyText {
            kind: TextKind::Explanation,
        },
        Defect::UndeclaredLesson { lesson: text() },
        Defect::UndeclaredQuestion {
            lesson: text(),
            question: text(),
        },
        Defect::UnknownTrackRole { value: text() },
        Defect::ValidMonthsOutOfRange { months: 200 },
        Defect::ScoreOutOfRange { score: 101 },
        Defect::UnknownReference { id: text() },
        Defect::RetakeOutsideTrack { id: text() },
        Defect::BadVersion { version: text() },
        Defect::EmptyTrack,
        Defect::DuplicateTrack {
            id: text(),
            other: PathBuf::from("certificates/a.toml"),
        },
        Defect::UnknownCriterionKind { value: text() },
        Defect::NumberOutOfRange {
            field: text(),
            value: 0,
            min: 1,
            max: 100,
        },
        Defect::UnknownTrack { id: text() },
        Defect::DuplicateCriterion {
            id: text(),
            first_line: 4,
        },
        Defect::NoCriteria,
        Defect::TextTooLong {
            kind: TextKind::Charter,
            max: limits::CHARTER,
            length: 3001,
        },
    ];
    for defect in &defects {
        for language in Language::ALL {
            let id = defect.message_id();
            assert!(localizer.has_message(language, id), "{id} missing in {language}");
            let message = localizer.text(language, id, Some(&defect.args()));
            assert!(
                !message.contains("{$") && !message.contains("{ $"),
                "{id} in {language}: {message}"
            );
        }
    }
}

#[test]
fn the_bundled_pack_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    match load(&dir) {
        Ok(library) => assert!(library.toolboxes.len() >= 6),
        Err(problems) => panic!(
            "{}",
            problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        ),
    }
}

/// The demo toolbox with `extra` multiple-answer questions added to its lesson, each as
/// (id, right options, options); the demo's own `b` is 2 right of 3.
fn pack_with_multiple(extra: &[(&str, &[usize], usize)]) -> tempfile::TempDir {
    let mut declared = String::new();
    let mut texts = String::new();
    for (id, correct, options) in extra {
        let correct: Vec<String> = correct.iter().map(ToString::to_string).collect();
        declared.push_str(&format!(
            "\n[[lesson.question]]\nid = \"{id}\"\nkind = \"multiple\"\noptions = {options}\ncorrect = [{}]\n",
            correct.join(", ")
        ));
        let labels: Vec<String> = (1..=*options).map(|n| format!("\"{n}\"")).collect();
        texts.push_str(&format!(
            "\n[lesson.one.question.{id}]\ntext = \"؟\"\noptions = [{}]\nexplanation = \"لأن.\"\n",
            labels.join(", ")
        ));
    }
    pack(move |name, text| {
        if name == "toolbox.toml" {
            text + &declared
        } else {
            text + &texts
        }
    })
}

fn patterns_of(dir: &tempfile::TempDir) -> Vec<(String, usize, Concern)> {
    read_pack(dir.path())
        .warnings
        .into_iter()
        .filter(|w| matches!(w.concern, Concern::AnswerPattern { .. }))
        .map(|w| {
            let name = w
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, w.line, w.concern)
        })
        .collect()
}

#[test]
fn most_multiple_answer_questions_sharing_one_pattern_is_a_warning_not_a_problem() {
    // b (line 24 of toolbox.toml), d, e, f: four of four are 2 right of 3.
    let dir = pack_with_multiple(&[("d", &[1, 2], 3), ("e", &[2, 3], 3), ("f", &[1, 3], 3)]);
    assert_eq!(
        patterns_of(&dir),
        [(
            "toolbox.toml".to_owned(),
            24,
            Concern::AnswerPattern {
                correct: 2,
                options: 3,
                same: 4,
                total: 4,
            }
        )]
    );
    assert!(check(dir.path()).is_empty(), "a warning is not a problem");
    assert!(load(dir.path()).is_ok());

    // Three of five share "3 right of 4": still more than half.
    let dir = pack_with_multiple(&[
        ("d", &[1, 2, 3], 4),
        ("e", &[2, 3, 4], 4),
        ("f", &[1, 2, 4], 4),
        ("g", &[1], 4),
    ]);
    let found = patterns_of(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].2,
        Concern::AnswerPattern {
            correct: 3,
            options: 4,
            same: 3,
            total: 5,
        }
    );
}

#[test]
fn varied_or_few_multiple_answer_questions_are_no_warning() {
    // Half share a pattern (2 of 4): not most of them.
    let varied = pack_with_multiple(&[("d", &[1, 2], 3), ("e", &[1], 4), ("f", &[1, 2, 3], 4)]);
    assert_eq!(patterns_of(&varied), []);
    // Three alike, but too few to call it a pattern.
    let few = pack_with_multiple(&[("d", &[1, 2], 3), ("e", &[2, 3], 3)]);
    const { assert!(MIN_MULTIPLE_FOR_PATTERN > 3) };
    assert_eq!(patterns_of(&few), []);
}

/// The demo lesson written in Darija, with `part` as its first part and `option` as the first
/// option of question a.
fn darija_file(part: &str, option: &str) -> String {
    format!(
        r#"title = "ديمو"
summary = "ملخص"

[lesson.one]
title = "الدرس"
parts = ["{part}", "الجزء 2"]

[lesson.one.question.a]
text = "واش؟"
options = ["{option}", "لا"]
explanation = "شوف https://example.org/darija-guide."

[lesson.one.question.b]
text = "شنو؟"
options = ["واحد", "جوج", "تلاتة"]
explanation = "حيت."

[lesson.one.question.c]
text = "صحيح؟"
options = ["إيه", "لا"]
explanation = "حيت."
"#
    )
}

fn darija_warnings(part: &'static str, option: &'static str) -> Vec<(String, usize, Concern)> {
    let dir = pack(move |name, text| {
        if name == "ary.toml" {
            darija_file(part, option)
        } else {
            text
        }
    });
    assert!(check(dir.path()).is_empty(), "{:?}", check(dir.path()));
    read_pack(dir.path())
        .warnings
        .into_iter()
        .map(|w| {
            let name = w
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, w.line, w.concern)
        })
        .collect()
}

#[test]
fn darija_in_arabic_script_with_an_address_is_no_warning() {
    // French and Arabic files are full of Latin letters in this demo: only Darija is checked.
    assert_eq!(darija_warnings("الجزء 1 فيه 15 و141", "إيه"), []);
}

#[test]
fn latin_letters_and_peh_in_darija_are_warnings() {
    assert_eq!(
        darija_warnings("عيّط على 15 من l'portable ديالك", "پاش"),
        [
            (
                "ary.toml".to_owned(),
                6,
                Concern::LatinInDarija {
                    kind: TextKind::Part,
                    word: "l'portable".to_owned(),
                }
            ),
            (
                "ary.toml".to_owned(),
                10,
                Concern::PehInDarija { kind: TextKind::Option }
            ),
        ]
    );
    let accented = darija_warnings("الجزء 1", "déjà");
    assert_eq!(
        accented.iter().map(|w| &w.2).collect::<Vec<_>>(),
        [&Concern::LatinInDarija {
            kind: TextKind::Option,
            word: "déjà".to_owned(),
        }]
    );
}

#[test]
fn every_warning_has_its_message_in_every_language() {
    let localizer = tatwir_locales::localizer().expect("the bundled locales load");
    let concerns = [
        Concern::AnswerPattern {
            correct: 3,
            options: 4,
            same: 35,
            total: 39,
        },
        Concern::LatinInDarija {
            kind: TextKind::Part,
            word: "wifi".to_owned(),
        },
        Concern::PehInDarija {
            kind: TextKind::Caption,
        },
    ];
    for concern in &concerns {
        for language in Language::ALL {
            let id = concern.message_id();
            assert!(localizer.has_message(language, id), "{id} missing in {language}");
            let message = localizer.text(language, id, Some(&concern.args()));
            assert!(
                !message.contains("{$") && !message.contains("{ $"),
                "{id} in {language}: {message}"
            );
        }
    }
}

#[test]
fn the_bundled_pack_has_no_warning() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let warnings = read_pack(&dir).warnings;
    assert!(
        warnings.is_empty(),
        "{}",
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
}

const TRACK: &str = r#"id = "demo-track"
role = "volunteer"
min_score = 50
toolboxes = ["demo"]

[title]
fr = "Démo"
ar = "عرض"
ary = "عرض"

[description]
fr = "Toutes les leçons de la démo."
ar = "كل دروس العرض."
ary = "كاع الدروس ديال العرض."
"#;

const LABEL: &str = r#"valid_months = 12
window_months = 12

[[criterion]]
id = "managers"
kind = "managers_certified"
track = "demo-track"
at_least = 2

[[criterion]]
id = "volunteers"
kind = "active_volunteers_certified"
track = "demo-track"
percent = 50

[[criterion]]
id = "charter"
kind = "charter_adopted"

[[criterion]]
id = "meetings"
kind = "meetings_attended"
at_least = 2

[charter.title]
fr = "Charte"
ar = "ميثاق"
ary = "الميثاق"

[charter.text]
fr = "Dignité, confidentialité, consentement."
ar = "الكرامة والسرية والموافقة."
ary = "الكرامة والسر والموافقة."
"#;

/// The demo pack with a certificate track and `label.toml` (`edit` applied to it first).
fn labelled(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = pack(|_, text| text);
    let tracks = dir.path().join(CERTIFICATES_DIR);
    std::fs::create_dir(&tracks).expect("folder");
    std::fs::write(tracks.join("demo-track.toml"), TRACK).expect("write");
    std::fs::write(dir.path().join(LABEL_FILE), edit(LABEL.to_owned())).expect("write");
    dir
}

#[test]
fn the_label_is_read_with_its_criteria_and_its_charter() {
    use tatwir_core::content::CriterionRule;
    let dir = labelled(|text| text);
    let library = load(dir.path()).unwrap_or_else(|p| panic!("{p:?}"));
    let label = library.label.expect("a label");
    assert_eq!((label.valid_months, label.window_months), (12, 12));
    let ids: Vec<&str> = label.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["managers", "volunteers", "charter", "meetings"]);
    assert_eq!(
        label.criteria[1].rule,
        CriterionRule::ActiveVolunteersCertified {
            track: "demo-track".into(),
            percent: 50
        }
    );
    assert_eq!(label.charter.texts.get(Language::Ary).title, "الميثاق");
    assert_eq!(label.charter.version.len(), 16);

    // A word changed in one language is a new version of the charter.
    let edited = labelled(|text| text.replace("والسر ", "والسرية "));
    let edited = load(edited.path()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_ne!(edited.label.expect("a label").charter.version, label.charter.version);

    // Without the file, no label.
    assert_eq!(load(pack(|_, text| text).path()).expect("loads").label, None);
}

#[test]
fn each_label_defect_is_found_on_its_line() {
    let out_of_range = |field: &str, value, max| Defect::NumberOutOfRange {
        field: field.into(),
        value,
        min: 1,
        max,
    };
    let cases: Vec<(&str, &str, usize, Defect)> = vec![
        (
            "valid_months = 12",
            "valid_months = 0",
            1,
            out_of_range("valid_months", 0, 60),
        ),
        (
            "window_months = 12",
            "window_months = 61",
            2,
            out_of_range("window_months", 61, 60),
        ),
        (
            "at_least = 2",
            "at_least = 0",
            8,
            out_of_range("criterion.at_least", 0, 1000),
        ),
        (
            "percent = 50",
            "percent = 150",
            14,
            out_of_range("criterion.percent", 150, 100),
        ),
        (
            "track = \"demo-track\"",
            "track = \"demo-trak\"",
            7,
            Defect::UnknownTrack { id: "demo-trak".into() },
        ),
        (
            "kind = \"charter_adopted\"",
            "kind = \"charter\"",
            18,
            Defect::UnknownCriterionKind {
                value: "charter".into(),
            },
        ),
        (
            "percent = 50",
            "percent = 50\nat_least = 3",
            15,
            Defect::UnknownField {
                field: "criterion.at_least".into(),
            },
        ),
        (
            "id = \"managers\"",
            "id = \"Managers\"",
            5,
            Defect::BadId { id: "Managers".into() },
        ),
        (
            "fr = \"Dignité, confidentialité, consentement.\"",
            "fr = \" \"",
            31,
            Defect::EmptyText {
                kind: TextKind::Charter,
            },
        ),
        (
            "valid_months = 12",
            "valid_months = 12\nvalidity = 12",
            2,
            Defect::UnknownField {
                field: "validity".into(),
            },
        ),
    ];
    for (from, to, line, defect) in cases {
        let dir = labelled(|text| {
            assert!(text.contains(from), "{from:?}");
            text.replacen(from, to, 1)
        });
        let found = problems_of(&dir);
        assert_eq!(found, [(LABEL_FILE.to_owned(), Some(line), defect)], "{from} → {to}");
        assert!(load(dir.path()).is_err());
    }
}

#[test]
fn a_label_without_criteria_a_duplicate_or_a_missing_language_is_refused() {
    let dir = labelled(|text| text.replace("id = \"meetings\"", "id = \"charter\""));
    let found = problems_of(&dir);
    assert!(
        matches!(
            found.as_slice(),
            [(_, Some(_), Defect::DuplicateCriterion { id, first_line })] if id == "charter" && *first_line >= 16
        ),
        "{found:?}"
    );

    let start = LABEL.find("[[criterion]]").expect("criteria");
    let end = LABEL.find("[charter.title]").expect("charter");
    let dir = labelled(|text| format!("{}{}", &text[..start], &text[end..]));
    assert_eq!(
        problems_of(&dir),
        [(LABEL_FILE.to_owned(), Some(1), Defect::NoCriteria)]
    );

    let dir = labelled(|text| text.replace("ary = \"الكرامة والسر والموافقة.\"\n", ""));
    let found = problems_of(&dir);
    assert!(
        matches!(
            found.as_slice(),
            [(_, Some(_), Defect::MissingField { field })] if field == "charter.text.ary"
        ),
        "{found:?}"
    );

    let dir = labelled(|text| text.replace("[charter.text]", "[charter.body]"));
    let found = problems_of(&dir);
    assert!(
        found.iter().any(|(_, _, defect)| *defect
            == Defect::UnknownField {
                field: "charter.body".into()
            }),
        "{found:?}"
    );
}
