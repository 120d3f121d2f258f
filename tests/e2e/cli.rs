//! The coordinators' command line, through the real binary.

use crate::calendar::{FIRST_AID, assert_first_aid_ics};
use crate::transcripts::{add_association, chat, tatwir};
use serde_json::Value;
use std::path::Path;

fn json(data: &Path, args: &[&str]) -> Value {
    let output = tatwir(data).args(args).arg("--json").output().expect("run tatwir");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn human(data: &Path, args: &[&str]) -> (bool, String, String) {
    let output = tatwir(data).args(args).output().expect("run tatwir");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_coordinator_registers_associations_and_sees_who_joined() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let (ok, out, _) = human(
        data,
        &["association", "add", "--name", "Association Amal", "--city", "Tanger"],
    );
    assert!(ok);
    assert!(
        out.starts_with("Association n° 1 créée : Association Amal (Tanger)\n"),
        "{out}"
    );
    let codes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split(" : ").nth(1))
        .filter_map(|w| w.split_whitespace().next())
        .filter(|w| w.len() == tatwir_core::association::InviteCode::LEN)
        .collect();
    assert_eq!(codes.len(), 2, "a volunteer code and a manager code: {out}");

    let nour = add_association(data, "جمعية النور", "طنجة");
    assert_eq!(nour.id, 2);
    assert_ne!(nour.volunteer_code, nour.manager_code);

    chat(
        data,
        &["--user", "amina", "--lang", "ar"],
        &format!("/start {}\n", nour.volunteer_code),
    );
    chat(
        data,
        &["--user", "karim", "--lang", "fr"],
        &format!("/start {}\n", nour.manager_code),
    );

    let associations = json(data, &["association", "list"]);
    assert_eq!(associations[1]["name"], "جمعية النور");
    assert_eq!(
        (
            associations[1]["members"].as_i64(),
            associations[1]["volunteers"].as_i64(),
            associations[1]["managers"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(associations[0]["members"], 0);

    let people = json(data, &["person", "list", "--association", "2"]);
    let people = people.as_array().expect("array");
    assert_eq!(people.len(), 2);
    assert_eq!(people[0]["display_name"], "amina");
    assert_eq!(people[0]["language"], "ar");
    assert_eq!(people[0]["memberships"][0]["role"], "volunteer");
    assert_eq!(
        people[0]["identities"][0],
        serde_json::json!({ "channel": "terminal", "user": "amina" })
    );
    assert_eq!(people[1]["memberships"][0]["role"], "manager");

    let (ok, table, _) = human(data, &["association", "list"]);
    assert!(ok);
    assert!(
        table
            .lines()
            .next()
            .is_some_and(|h| h.starts_with("N°") && h.contains("Membres")),
        "{table}"
    );
    let (ok, table, _) = human(data, &["person", "list"]);
    assert!(ok && table.contains("bénévole (2: جمعية النور)"), "{table}");
}

#[test]
fn roles_are_granted_by_number_or_identity() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Amal", "Tanger");
    chat(
        data,
        &["--user", "salma", "--lang", "fr"],
        &format!("/start {}\n", amal.volunteer_code),
    );

    let granted = json(data, &["role", "grant", "terminal:salma", "coordinator"]);
    assert_eq!(granted["changed"], true);
    let (ok, out, _) = human(data, &["role", "grant", "1", "coordinator"]);
    assert!(ok && out.contains("avait déjà le rôle coordinateur"), "{out}");
    let people = json(data, &["person", "list"]);
    assert_eq!(people[0]["platform_roles"], serde_json::json!(["coordinator"]));
    let (ok, out, _) = human(
        data,
        &["role", "grant", "1", "manager", "--association", &amal.id.to_string()],
    );
    assert!(ok && out.contains("a maintenant le rôle responsable"), "{out}");

    let (ok, _, err) = human(data, &["role", "grant", "99", "admin"]);
    assert!(!ok && err.contains("Personne introuvable : 99"), "{err}");
    let (ok, _, err) = human(data, &["role", "grant", "1", "volunteer"]);
    assert!(!ok && err.contains("--association"), "{err}");
    let (ok, _, err) = human(data, &["role", "grant", "1", "pope"]);
    assert!(!ok && err.contains("pope"), "clap names the bad value: {err}");
    let (ok, _, err) = tatwir(data)
        .env("TATWIR_LANG", "ar")
        .args(["role", "grant", "99", "admin"])
        .output()
        .map(|o| (o.status.success(), (), String::from_utf8_lossy(&o.stderr).into_owned()))
        .expect("run");
    assert!(!ok && err.contains("لم يُعثر على الشخص"), "{err}");
}

#[test]
fn invite_codes_are_made_listed_and_revoked() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Amal", "Tanger");
    let invite = json(
        data,
        &[
            "invite",
            "add",
            "--association",
            &amal.id.to_string(),
            "--role",
            "manager",
            "--valid-days",
            "7",
        ],
    );
    let code = invite["code"].as_str().expect("code").to_owned();
    assert!(invite["expires_at"].is_string());
    let listed = json(data, &["invite", "list", "--association", &amal.id.to_string()]);
    assert_eq!(listed.as_array().map(Vec::len), Some(3));

    let (ok, out, _) = human(data, &["invite", "revoke", &code.to_lowercase()]);
    assert!(ok && out.contains("est désactivé"), "{out}");
    let (ok, out, _) = human(data, &["invite", "revoke", &code]);
    assert!(!ok && out.contains("déjà désactivé"), "{out}");
    let answer = chat(data, &["--user", "x", "--lang", "fr"], &format!("/start {code}\n"));
    assert!(answer.contains("a été désactivé"), "{answer}");
    let (ok, _, err) = human(data, &["invite", "add", "--association", "42"]);
    assert!(!ok && err.contains("Association introuvable : n° 42"), "{err}");
    let (ok, _, err) = human(data, &["association", "add", "--name", " \u{7} ", "--city", "Tanger"]);
    assert!(!ok && err.contains("nom de l'association est vide"), "{err}");
    assert_eq!(
        json(data, &["association", "list"]).as_array().map(Vec::len),
        Some(1),
        "nothing half-written"
    );
}

/// The terminal prints a meeting's calendar file: its name, then its lines.
#[test]
fn the_terminal_prints_a_meetings_calendar_file() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Association Amal", "Tanger");
    let amina = ["--user", "amina", "--lang", "fr"];
    chat(data, &amina, &format!("/start {}\n", amal.volunteer_code));
    let association = amal.id.to_string();
    let created = json(data, &[FIRST_AID, &["--association", &association]].concat());
    let id = created["id"].as_i64().expect("id");
    // The fourth choice of the meeting, after yes, no and maybe.
    let out = chat(data, &amina, "/meetings\n4\n");
    assert!(out.contains("4. 📅 Ajouter à mon agenda (.ics)"), "{out}");
    assert!(out.contains(&format!("📄 tatwir-meeting-{id}.ics\n")), "{out}");
    assert_first_aid_ics(&out);
    assert!(!out.contains('\r'), "the terminal's own line endings");
}

#[test]
fn meetings_remind_at_the_offsets_given() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    fn add(remind: &[&'static str]) -> Vec<&'static str> {
        let mut args = vec!["meeting", "add", "--title", "Bureau", "--start", "2027-02-07T10:00"];
        for offset in remind {
            args.extend(["--remind", offset]);
        }
        args
    }
    let reminders_of = |created: &Value| {
        let id = created["id"].as_i64().expect("id").to_string();
        json(data, &["meeting", "show", &id])["reminders"].clone()
    };
    let default = json(data, &add(&[]));
    assert_eq!(reminders_of(&default), serde_json::json!(["24h", "1h"]));
    let chosen = json(data, &add(&["90m", "2d", "48h"]));
    assert_eq!(reminders_of(&chosen), serde_json::json!(["48h", "90m"]));
    let none = json(data, &add(&["none"]));
    assert_eq!(reminders_of(&none), serde_json::json!([]));
    // `meeting show` gives them as calendar alarms too.
    let (ok, shown, _) = human(data, &["meeting", "show", &chosen["id"].to_string()]);
    assert!(
        ok && shown.contains("TRIGGER:-PT48H") && shown.contains("TRIGGER:-PT90M"),
        "{shown}"
    );
    let (ok, shown, _) = human(data, &["meeting", "show", &none["id"].to_string()]);
    assert!(ok && !shown.contains("VALARM"), "{shown}");
    for bad in [&["1.5h"][..], &["0m"], &["31d"], &["none", "1h"], &["soon"]] {
        let (ok, _, err) = human(data, &add(bad));
        assert!(!ok && err.contains("Valeur invalide pour --remind"), "{bad:?}: {err}");
    }
    let (ok, _, err) = tatwir(data)
        .env("TATWIR_LANG", "ary")
        .args(add(&["2 jours"]))
        .output()
        .map(|o| (o.status.success(), (), String::from_utf8_lossy(&o.stderr).into_owned()))
        .expect("run");
    assert!(!ok && err.contains("ماشي صالحة ل --remind"), "{err}");
    assert_eq!(
        json(data, &["meeting", "list"]).as_array().map(Vec::len),
        Some(3),
        "nothing half-made"
    );
}

#[test]
fn a_meeting_may_not_invite_a_group_the_bot_does_not_know() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let (ok, out, _) = human(data, &["group", "list"]);
    assert!(ok && out.contains("Aucun groupe"), "{out}");
    assert_eq!(json(data, &["group", "list"]), serde_json::json!([]));
    let (ok, _, err) = human(data, &[FIRST_AID, &["--group", "7"]].concat());
    assert!(!ok && err.contains("Groupe introuvable : n° 7"), "{err}");
    assert_eq!(
        json(data, &["meeting", "list"]),
        serde_json::json!([]),
        "nothing was created"
    );
}

#[test]
fn a_meeting_is_changed_from_the_command_line_and_those_invited_are_told() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Association Amal", "Tanger");
    let amina = ["--user", "amina", "--lang", "fr"];
    chat(data, &amina, &format!("/start {}\n", amal.volunteer_code));
    let created = json(
        data,
        &[
            "meeting",
            "add",
            "--title",
            "Bureau",
            "--start",
            "2027-02-07T10:00",
            "--place",
            "Tanger",
        ],
    );
    let id = created["id"].as_i64().expect("id").to_string();
    let (ok, out, err) = human(
        data,
        &[
            "meeting",
            "edit",
            &id,
            "--title",
            "Bureau élargi",
            "--start",
            "2027-02-14T09:00",
            "--place",
            "",
            "--weekly",
            "1",
            "--remind",
            "2d",
        ],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("Réunion n° {id} modifiée ; personnes prévenues : 1")),
        "{out}"
    );
    let shown = json(data, &["meeting", "show", &id]);
    assert_eq!(shown["title"]["fr"], "Bureau élargi", "{shown}");
    assert_eq!(shown["time"]["start"], "2027-02-14T09:00:00", "{shown}");
    assert_eq!(shown["time"]["end"], "2027-02-14T11:00:00", "the length stays: {shown}");
    assert_eq!(shown["place"], Value::Null, "{shown}");
    assert_eq!(shown["recurrence"], "weekly:1", "{shown}");
    assert_eq!(shown["reminders"], serde_json::json!(["48h"]), "{shown}");
    assert_eq!(shown["sequence"], 1, "{shown}");
    // Amina's list shows the meeting as it is now.
    let out = chat(data, &amina, "/meetings\n");
    assert!(
        out.contains("Bureau élargi") && out.contains("14/02/2027 09:00") && out.contains("Chaque semaine"),
        "{out}"
    );
    // What does not read changes nothing.
    for bad in [
        &["--once", "--weekly", "2"][..],
        &["--start", "demain"],
        &["--end", "2027-02-14T08:00"],
        &["--link", "javascript:alert(1)"],
        &["--tz", "Mars/Olympus"],
    ] {
        let (ok, _, err) = human(data, &[&["meeting", "edit", &id][..], bad].concat());
        assert!(!ok && err.contains("Valeur invalide"), "{bad:?}: {err}");
    }
    assert_eq!(json(data, &["meeting", "show", &id])["sequence"], 1);
    let (ok, _, err) = human(data, &["meeting", "edit", "999", "--title", "X"]);
    assert!(!ok && err.contains("Aucune réunion n° 999"), "{err}");
}

#[test]
fn a_group_language_takes_a_known_language_and_a_known_group() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let (ok, _, err) = human(data, &["group", "language", "1", "ar"]);
    assert!(!ok && err.contains("Groupe introuvable : n° 1"), "{err}");
    let (ok, _, err) = human(data, &["group", "language", "1", "klingon"]);
    assert!(!ok && err.contains("Langue inconnue : « klingon »"), "{err}");
}

/// Everyone's data is in the data folder: nobody but its owner may read it (issue 12, point 16).
/// A fresh folder is made 0700 and the database 0600; a database left readable by an older
/// version, and its WAL, are tightened at the next start.
#[test]
fn the_data_folder_and_the_database_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).expect("exists").permissions().mode() & 0o777;
    let dir = tempfile::tempdir().expect("temporary folder");
    let data = dir.path().join("data");
    let (ok, _, stderr) = human(&data, &["migrate"]);
    assert!(ok, "{stderr}");
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&data.join("tatwir.db")), 0o600, "the database");
    for file in ["tatwir.db", "tatwir.db-wal"] {
        let path = data.join(file);
        if path.exists() {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("loosen");
        }
    }
    let (ok, _, stderr) = human(&data, &["association", "list"]);
    assert!(ok, "{stderr}");
    for file in ["tatwir.db", "tatwir.db-wal", "tatwir.db-shm"] {
        let path = data.join(file);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{file}");
        }
    }
}

/// A process that opens one SQLite database twice (the service and its tests do) keeps its writes
/// visible to other processes. Opening the file again used to close a descriptor on it, which
/// drops every POSIX lock the process holds there; the next command-line process to close then
/// took itself for the database's last user, checkpointed and deleted the write-ahead log under
/// the service, whose writes from then on went to a deleted file that nobody else reads (the
/// Matrix group test lost its meeting messages this way, under load).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_store_in_one_process_keeps_its_writes_visible_to_other_processes() {
    use tatwir_core::association::AssociationDraft;
    use tatwir_core::store::Store;
    use tatwir_store::SqlStore;
    use tatwir_store::database_url::DatabaseUrl;
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = DatabaseUrl::sqlite_in(dir.path());
    let first = SqlStore::connect(&url).await.expect("store");
    let draft = |name: &str| AssociationDraft::new(name, "Tanger").expect("draft");
    first
        .create_association(&draft("Amal"), chrono::Utc::now())
        .await
        .expect("a write before");
    let _second = SqlStore::connect(&url).await.expect("the same database again");
    // Another process writes and closes its connections (`tatwir chat` does, at the end of its
    // input): the last connection to close checkpoints and deletes the log, so it must not take
    // itself for the last one.
    let data = dir.path().to_owned();
    tokio::task::spawn_blocking(move || chat(&data, &["--user", "nadia", "--lang", "fr"], "/help\n"))
        .await
        .expect("another process writes and closes");
    first
        .create_association(&draft("Salam"), chrono::Utc::now())
        .await
        .expect("a write after");
    let data = dir.path().to_owned();
    let listed = tokio::task::spawn_blocking(move || json(&data, &["association", "list"]))
        .await
        .expect("list");
    let names: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(names, ["Amal", "Salam"], "{listed}");
    let data = dir.path().to_owned();
    let people = tokio::task::spawn_blocking(move || json(&data, &["person", "list"]))
        .await
        .expect("list");
    assert_eq!(people.as_array().map(Vec::len), Some(1), "{people}");
}

#[test]
fn a_coordinator_issues_lists_and_revokes_certificates_and_rotates_the_key() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Association Amal", "Tanger");
    chat(
        data,
        &["--user", "amina", "--lang", "fr"],
        &format!("/start {}\n", amal.volunteer_code),
    );

    let tracks = json(data, &["certificate", "tracks"]);
    let ids: Vec<&str> = tracks
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(ids, ["first-aid", "manager", "volunteer"]);
    assert_eq!(tracks[0]["titles"]["ar"], "الإسعافات الأولية");
    assert_eq!(tracks[0]["valid_months"], 24);

    let issued = json(
        data,
        &[
            "certificate",
            "issue",
            "--person",
            "terminal:amina",
            "--track",
            "first-aid",
            "--name",
            "Amina El Idrissi",
        ],
    );
    let code = issued["code"].as_str().expect("code").to_owned();
    for field in ["id", "verify_url", "ob3_url", "ob2_url", "image_url"] {
        assert!(
            issued[field].is_string() || issued[field].is_number(),
            "{field}: {issued}"
        );
    }
    assert_eq!(issued["holder_name"], "Amina El Idrissi");
    assert_eq!(issued["state"], "valid");
    assert!(
        issued["verify_url"]
            .as_str()
            .expect("url")
            .ends_with(&code.replace('-', ""))
    );

    let (ok, _, err) = human(
        data,
        &[
            "certificate",
            "issue",
            "--person",
            "terminal:amina",
            "--track",
            "first-aid",
        ],
    );
    assert!(!ok && err.contains("détient déjà ce certificat"), "{err}");
    let (ok, _, err) = human(
        data,
        &[
            "certificate",
            "issue",
            "--person",
            "terminal:amina",
            "--track",
            "manager",
        ],
    );
    assert!(!ok && err.contains("réservé aux responsables"), "{err}");
    let (ok, _, err) = human(
        data,
        &[
            "certificate",
            "issue",
            "--person",
            "terminal:amina",
            "--track",
            "astronaut",
        ],
    );
    assert!(!ok && err.contains("Parcours inconnu"), "{err}");
    let (ok, _, err) = human(
        data,
        &["certificate", "issue", "--person", "99", "--track", "first-aid"],
    );
    assert!(!ok && err.contains("Personne introuvable"), "{err}");

    let listed = json(data, &["certificate", "list", "--person", "terminal:amina"]);
    assert_eq!(listed.as_array().expect("list").len(), 1);
    let queued = json(data, &["outbox", "list", "--all"]);
    assert!(
        queued
            .as_array()
            .expect("list")
            .iter()
            .any(|item| item["kind"] == "certificate"),
        "the holder is sent the certificate: {queued}"
    );

    let (ok, out, _) = human(data, &["certificate", "revoke", &code, "--reason", "Erreur de saisie"]);
    assert!(ok && out.contains("révoqué"), "{out}");
    let verified = chat(data, &["--user", "omar", "--lang", "fr"], &format!("/verify {code}\n"));
    assert!(verified.contains("révoqué le"), "{verified}");
    let (ok, _, err) = human(data, &["certificate", "revoke", "NOT-A-CODE", "--reason", "x"]);
    assert!(!ok && err.contains("Aucun certificat"), "{err}");

    let keys = json(data, &["certificate", "keys"]);
    assert_eq!(keys.as_array().expect("keys").len(), 1);
    let (ok, _, err) = human(data, &["certificate", "rotate-key"]);
    assert!(ok, "{err}");
    let keys = json(data, &["certificate", "keys"]);
    assert_eq!(keys.as_array().expect("keys").len(), 2);
    assert!(
        keys[0]["retired_at"].is_null() && !keys[1]["retired_at"].is_null(),
        "{keys}"
    );
}

/// A coalition from the command line and the terminal: a campaign, a vote its manager casts in
/// `tatwir chat`, the vote shown and closed; a statement signed there, edited (the signature
/// voided), closed and exported as Markdown, HTML and PDF.
#[test]
fn a_coordinator_runs_a_vote_and_a_statement_from_the_command_line() {
    let data = tempfile::tempdir().expect("temporary folder");
    let data = data.path();
    let amal = add_association(data, "Association Amal", "Tanger");
    let nour = add_association(data, "Association Nour", "Tanger");
    chat(
        data,
        &["--user", "fatima", "--lang", "fr"],
        &format!("/start {}\n", amal.manager_code),
    );
    let campaign = json(
        data,
        &[
            "campaign",
            "add",
            "--title",
            "Eau pour tous",
            "--title-ar",
            "الماء للجميع",
            "--text",
            "La coalition demande l'eau potable dans chaque quartier.",
            "--city",
            "Tanger",
        ],
    );
    let campaign_id = campaign["id"].as_i64().expect("id").to_string();
    assert_eq!(campaign["status"], "open");
    let edited = json(
        data,
        &[
            "campaign",
            "edit",
            &campaign_id,
            "--title-ary",
            "الما للجميع",
            "--link",
            "https://example.org/eau",
        ],
    );
    assert_eq!(edited["title"]["fr"], "Eau pour tous");
    assert_eq!(edited["title"]["ar"], "الماء للجميع");
    assert_eq!(edited["title"]["ary"], "الما للجميع");
    assert_eq!(edited["links"], serde_json::json!(["https://example.org/eau"]));
    let (ok, _, err) = human(
        data,
        &[
            "vote",
            "open",
            "--campaign",
            &campaign_id,
            "--question",
            "?",
            "--deadline",
            "2099-01-01T10:00",
            "--secret",
            "--show-results",
        ],
    );
    assert!(!ok && err.contains("vote secret"), "{err}");
    let (ok, _, err) = human(
        data,
        &[
            "vote",
            "open",
            "--campaign",
            &campaign_id,
            "--question",
            "Soutenez-vous ?",
            "--deadline",
            "2020-01-01T10:00",
        ],
    );
    assert!(!ok && err.contains("déjà passée"), "{err}");
    let vote = json(
        data,
        &[
            "vote",
            "open",
            "--campaign",
            &campaign_id,
            "--question",
            "Soutenez-vous ?",
            "--deadline",
            "2099-02-07T18:00",
            "--quorum",
            "50%",
        ],
    );
    let vote_id = vote["id"].as_i64().expect("id").to_string();
    assert_eq!(vote["electorate"], serde_json::json!([amal.id, nour.id]));
    assert_eq!(vote["status"], "open");

    // Fatima, Amal's manager, votes in the terminal: /votes, then the number of "Pour".
    let said = chat(data, &["--user", "fatima"], "/votes\n1\n");
    assert!(said.contains("Vote enregistré pour Association Amal : Pour."), "{said}");

    let shown = json(data, &["vote", "show", &vote_id]);
    assert_eq!(shown["voted"], serde_json::json!([amal.id]));
    assert_eq!(shown["quorum_met"], true, "1 of 2 is 50 %");
    assert_eq!(
        shown["options"][0]["count"],
        serde_json::Value::Null,
        "hidden until the close"
    );
    let closed = json(data, &["vote", "close", &vote_id]);
    assert_eq!(closed["closed_now"], true);
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["options"][0]["count"], 1);
    assert_eq!(closed["options"][1]["count"], 0);
    assert_eq!(closed["result"], serde_json::json!({ "kind": "adopted", "option": 0 }));
    let again = json(data, &["vote", "close", &vote_id]);
    assert_eq!(again["closed_now"], false, "closed once");
    let audit = json(data, &["vote", "audit", &vote_id]);
    assert_eq!(audit[0]["channel"], "terminal");
    assert_eq!(audit[0]["choice"], 0);

    // A statement: signed in the terminal, edited (the signature voided), signed again, closed.
    let statement = json(
        data,
        &[
            "statement",
            "add",
            "--title",
            "Lettre au wali",
            "--text",
            "Nous demandons *l'eau* <pour tous>.",
            "--campaign",
            &campaign_id,
        ],
    );
    let statement_id = statement["id"].as_i64().expect("id").to_string();
    let said = chat(data, &["--user", "fatima"], "/statements\n1\n");
    assert!(
        said.contains("Association Amal a signé « Lettre au wali » (version 1)"),
        "{said}"
    );
    let edited = json(
        data,
        &["statement", "edit", &statement_id, "--text-ar", "نطالب بالماء للجميع."],
    );
    assert_eq!(edited["version"], 2);
    let shown = json(data, &["statement", "show", &statement_id]);
    assert_eq!(shown["signatures"][0]["version"], 1);
    assert_eq!(shown["signatures"][0]["voided"], true);
    chat(data, &["--user", "fatima"], "/statements\n1\n");
    let shown = json(data, &["statement", "show", &statement_id]);
    assert_eq!(shown["signatures"][1]["association"], amal.id);
    assert_eq!(shown["signatures"][1]["version"], 2);
    assert_eq!(shown["signatures"][1]["voided"], false);
    let closed = json(data, &["statement", "close", &statement_id]);
    assert_eq!(closed["closed_now"], true);

    let out = data.join("statement");
    for format in ["md", "html", "pdf"] {
        let file = out.with_extension(format);
        let (ok, _, err) = human(
            data,
            &[
                "statement",
                "export",
                &statement_id,
                "--format",
                format,
                "--output",
                file.to_str().expect("path"),
            ],
        );
        assert!(ok, "{format}: {err}");
        let bytes = std::fs::read(&file).expect("exported");
        match format {
            "md" => {
                let md = String::from_utf8(bytes).expect("UTF-8");
                assert!(md.contains("Lettre au wali") && md.contains("Association Amal"), "{md}");
                assert!(md.contains(r"\*l'eau\*"), "Markdown escaped: {md}");
            }
            "html" => {
                let html = String::from_utf8(bytes).expect("UTF-8");
                assert!(
                    html.contains("&lt;pour tous&gt;") && html.contains("Association Amal"),
                    "{html}"
                );
            }
            _ => assert!(bytes.starts_with(b"%PDF-"), "a PDF"),
        }
    }
}
