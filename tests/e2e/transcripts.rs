//! Transcripts of the terminal channel: the real `tatwir chat` binary, fed a script, must print
//! exactly what the transcript files under tests/transcripts/ say.
//!
//! A transcript holds the person's lines (`> …`) and, after each, what the bot answers.
//! `{VOLUNTEER_CODE}` and `{MANAGER_CODE}` stand for the codes of a fresh association, `{YEAR}`
//! for next year.
//! `TATWIR_BLESS=1` rewrites the files from what the binary prints now: read the diff before
//! committing it.

use chrono::Datelike;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub fn tatwir(data_dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tatwir"));
    command
        .env("TATWIR_DATA_DIR", data_dir)
        .env_remove("TATWIR_DATABASE_URL")
        .env(
            "TATWIR_CONTENT_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"),
        )
        .env_remove("TATWIR_LANG")
        .env("LANG", "C.UTF-8")
        .env("TATWIR_LOG", "warn");
    command
}

pub struct Association {
    pub id: i64,
    pub volunteer_code: String,
    pub manager_code: String,
}

pub fn add_association(data_dir: &Path, name: &str, city: &str) -> Association {
    let output = tatwir(data_dir)
        .args(["association", "add", "--name", name, "--city", city, "--json"])
        .output()
        .expect("run tatwir");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    Association {
        id: json["id"].as_i64().expect("id"),
        volunteer_code: json["volunteer_code"].as_str().expect("volunteer_code").to_owned(),
        manager_code: json["manager_code"].as_str().expect("manager_code").to_owned(),
    }
}

pub fn chat(data_dir: &Path, args: &[&str], input: &str) -> String {
    let mut child = tatwir(data_dir)
        .arg("chat")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tatwir chat");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write script");
    let output = child.wait_with_output().expect("tatwir chat ends at end of input");
    assert!(
        output.status.success(),
        "chat failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn transcript_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/transcripts")
        .join(name)
}

/// Plays `name` with `args`, comparing or (with TATWIR_BLESS) rewriting.
fn play(name: &str, args: &[&str]) {
    let path = transcript_path(name);
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = tempfile::tempdir().expect("temporary folder");
    let amal = add_association(data.path(), "Association Amal", "Tanger");
    // Next year, so that a date typed in a transcript is always ahead.
    let year = (chrono::Utc::now().year() + 1).to_string();
    // A lesson's picture shows as its path, which depends on where the checkout is.
    let content = std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
        .expect("the content folder")
        .display()
        .to_string();
    let fill = |s: &str| {
        s.replace("{VOLUNTEER_CODE}", &amal.volunteer_code)
            .replace("{MANAGER_CODE}", &amal.manager_code)
            .replace("{YEAR}", &year)
    };
    let unfill = |s: &str| {
        s.replace(&amal.volunteer_code, "{VOLUNTEER_CODE}")
            .replace(&amal.manager_code, "{MANAGER_CODE}")
            .replace(&year, "{YEAR}")
            .replace(&content, "{CONTENT}")
    };

    let inputs: Vec<&str> = source.lines().filter_map(|l| l.strip_prefix("> ")).collect();
    let expected: String = source
        .lines()
        .filter(|l| !l.starts_with("> "))
        .map(|l| format!("{l}\n"))
        .collect();
    let script: String = inputs.iter().map(|l| format!("{}\n", fill(l))).collect();
    let actual = unfill(&chat(data.path(), args, &script));

    if std::env::var_os("TATWIR_BLESS").is_some() {
        // Interleave: each input, then the replies it produced (separated by the blank lines the
        // terminal prints after each reply). Replies per input are recovered by replaying.
        let mut blessed = String::new();
        let mut previous = String::new();
        for i in 0..inputs.len() {
            let partial: String = inputs[..=i].iter().map(|l| format!("{}\n", fill(l))).collect();
            let data_i = tempfile::tempdir().expect("temporary folder");
            let amal_i = add_association(data_i.path(), "Association Amal", "Tanger");
            let replay = chat(
                data_i.path(),
                args,
                &partial
                    .replace(&amal.volunteer_code, &amal_i.volunteer_code)
                    .replace(&amal.manager_code, &amal_i.manager_code),
            );
            let replay = replay
                .replace(&amal_i.volunteer_code, "{VOLUNTEER_CODE}")
                .replace(&amal_i.manager_code, "{MANAGER_CODE}")
                .replace(&year, "{YEAR}")
                .replace(&content, "{CONTENT}");
            blessed.push_str(&format!("> {}\n", inputs[i]));
            blessed.push_str(&replay[previous.len()..]);
            previous = replay;
        }
        std::fs::write(&path, blessed).expect("write transcript");
        return;
    }
    if actual != expected {
        let first_difference = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{name}: the bot's answers differ from the transcript at answer line {}\n--- expected\n{expected}\n--- actual\n{actual}",
            first_difference + 1
        );
    }
}

#[test]
fn join_and_help_in_french() {
    play("join-fr.txt", &["--user", "Amina", "--lang", "fr"]);
}

#[test]
fn join_and_help_in_arabic() {
    play("join-ar.txt", &["--user", "Youssef"]);
}

#[test]
fn join_and_help_in_darija() {
    play("join-ary.txt", &["--user", "Salma"]);
}

/// A whole lesson of the hygiene toolbox and its quiz (one wrong answer, a multiple-choice
/// question answered with several numbers, a number that is not offered), then the progress.
#[test]
fn a_lesson_and_its_quiz_in_french() {
    play("lesson-fr.txt", &["--user", "Amina", "--lang", "fr"]);
}

#[test]
fn a_lesson_and_its_quiz_in_arabic() {
    play("lesson-ar.txt", &["--user", "Youssef", "--lang", "ar"]);
}

#[test]
fn a_lesson_and_its_quiz_in_darija() {
    play("lesson-ary.txt", &["--user", "Salma", "--lang", "ary"]);
}

#[test]
fn a_manager_organises_a_meeting_in_arabic() {
    play("organize-ar.txt", &["--user", "Karim", "--lang", "ar"]);
}

#[test]
fn a_manager_organises_a_meeting_in_darija() {
    play("organize-ary.txt", &["--user", "Karim", "--lang", "ary"]);
}
