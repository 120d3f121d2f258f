//! `tatwir serve` as a newcomer runs it: no configuration, a free port, health over HTTP, a
//! clean stop on SIGTERM, and no secret in its logs.

use crate::backends::TestDb;
use crate::transcripts::tatwir;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

struct Served {
    child: Child,
    address: String,
    log: std::sync::Arc<std::sync::Mutex<String>>,
}

/// Starts `tatwir serve`; with no channel unless the command sets one's variables.
fn serve(mut command: std::process::Command) -> Served {
    let set = |name: &str| command.get_envs().any(|(key, value)| key == name && value.is_some());
    let (telegram, matrix) = (set("TELOXIDE_TOKEN"), set("MATRIX_HOMESERVER"));
    if !telegram {
        command.env_remove("TELOXIDE_TOKEN");
    }
    if !matrix {
        command.env_remove("MATRIX_HOMESERVER");
    }
    let mut child = command
        .arg("serve")
        .env("TATWIR_HTTP_ADDR", "127.0.0.1:0")
        .env("TATWIR_LOG", "debug")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tatwir serve");
    let stderr = child.stderr.take().expect("stderr");
    let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (found, address) = std::sync::mpsc::channel();
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("HTTP server listening")
                && let Some(at) = line.split("address=").nth(1)
            {
                let _ = found.send(at.split_whitespace().next().unwrap_or_default().to_owned());
            }
            sink.lock().expect("log").push_str(&format!("{line}\n"));
        }
    });
    let address = address.recv_timeout(Duration::from_secs(60)).unwrap_or_else(|_| {
        let _ = child.kill();
        panic!("serve never said where it listens:\n{}", log.lock().expect("log"))
    });
    Served { child, address, log }
}

fn get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    response
}

fn stop(mut served: Served) -> String {
    let pid = served.child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill -TERM");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = served.child.try_wait().expect("wait") {
            assert!(status.success(), "serve exited with {status}");
            break;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    served.log.lock().expect("log").clone()
}

#[test]
fn serve_runs_with_no_configuration_and_answers_health() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut command = tatwir(dir.path());
    command.current_dir(dir.path()).env_remove("TATWIR_DATA_DIR");
    let served = serve(command);
    let health = get(&served.address, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains(r#""status":"ok""#), "{health}");
    assert!(get(&served.address, "/nope").starts_with("HTTP/1.1 404"));
    assert!(
        dir.path().join("data/tatwir.db").exists(),
        "the default database is data/tatwir.db"
    );
    let log = stop(served);
    assert!(
        log.contains("channel disabled") && log.contains("TELOXIDE_TOKEN"),
        "{log}"
    );
    assert!(log.contains("MATRIX_HOMESERVER"), "{log}");
}

#[tokio::test]
async fn database_passwords_never_reach_the_logs() {
    let db = TestDb::postgres().await;
    // PostgreSQL here trusts local connections, so any password is accepted and the service
    // really starts with one in its URL.
    let mut url = url::Url::parse(db.url.expose()).expect("url");
    url.set_password(Some("s3cret-Pa55word")).expect("password");
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut command = tatwir(dir.path());
    command.env("TATWIR_DATABASE_URL", url.as_str());
    let served = tokio::task::spawn_blocking(move || {
        let served = serve(command);
        assert!(get(&served.address, "/healthz").starts_with("HTTP/1.1 200"));
        stop(served)
    })
    .await;
    db.drop_database().await;
    let log = served.expect("serve test");
    assert!(log.contains("***"), "the URL is logged, redacted: {log}");
    assert!(!log.contains("s3cret-Pa55word"), "{log}");
}

/// A meeting's calendar file is served at its unguessable address only: its number, which
/// anyone can count up to, finds nothing (issue 12, point 6).
#[test]
fn calendar_files_are_served_at_their_token_not_at_their_number() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let run = |args: &[&str]| {
        let output = tatwir(dir.path()).args(args).output().expect("run tatwir");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    let created = run(&[
        "meeting",
        "add",
        "--title",
        "Bureau",
        "--start",
        "2030-02-07T10:00",
        "--place",
        "Salle 2",
        "--json",
    ]);
    let id = created["id"].as_i64().expect("id").to_string();
    let shown = run(&["meeting", "show", &id, "--json"]);
    let token = shown["calendar"].as_str().expect("a calendar token").to_owned();
    assert_eq!(token.len(), 32, "{shown}");
    let served = serve(tatwir(dir.path()));
    let by_token = get(&served.address, &format!("/meetings/{token}.ics"));
    assert!(by_token.starts_with("HTTP/1.1 200"), "{by_token}");
    assert!(
        by_token.contains("BEGIN:VCALENDAR") && by_token.contains("Salle 2"),
        "{by_token}"
    );
    for guess in [
        format!("/meetings/{id}.ics"),
        "/meetings/1.ics".to_owned(),
        format!("/meetings/{}.ics", "0".repeat(32)),
    ] {
        let answer = get(&served.address, &guess);
        assert!(answer.starts_with("HTTP/1.1 404"), "{guess}: {answer}");
        assert!(!answer.contains("Salle 2"), "{guess}: {answer}");
    }
    stop(served);
}

/// Issue 12, point 11: a Bot API that answers 502 at start is waited out, not taken for a refused
/// token; `/readyz` fails while the channel retries and passes once it is up, and `/healthz`
/// shows the channel's state meanwhile. A refused token stops the channel, and `/readyz` says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_that_fails_at_start_is_retried_and_readyz_tells() {
    use tatwir_botapi::{BotApiServer, Fault, TgUser};
    let bot = TgUser {
        id: 4242,
        first_name: "Tatwir".into(),
        username: Some("tatwir_test_bot".into()),
        language_code: None,
    };
    let api = BotApiServer::start("4242:loopback-test-token", bot)
        .await
        .expect("Bot API server");
    api.fail_next("getMe", Fault::ServerError(502), 3);
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut command = tatwir(dir.path());
    command
        .env("TELOXIDE_TOKEN", "4242:loopback-test-token")
        .env("TELOXIDE_API_URL", api.url().as_str());
    let log = tokio::task::spawn_blocking(move || {
        let served = serve(command);
        let state = |response: &str| {
            let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
            json["channels"]["telegram"]["state"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        };
        let first = get(&served.address, "/readyz");
        assert!(first.starts_with("HTTP/1.1 503"), "{first}");
        assert!(["starting", "retrying"].contains(&state(&first).as_str()), "{first}");
        let health = get(&served.address, "/healthz");
        assert!(health.starts_with("HTTP/1.1 200"), "{health}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut retrying_seen = state(&first) == "retrying";
        loop {
            let ready = get(&served.address, "/readyz");
            retrying_seen |= state(&ready) == "retrying";
            if ready.starts_with("HTTP/1.1 200") {
                assert_eq!(state(&ready), "up", "{ready}");
                break;
            }
            assert!(Instant::now() < deadline, "the channel never came up: {ready}");
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(retrying_seen, "the channel was never shown retrying");
        stop(served)
    })
    .await
    .expect("serve");
    assert!(!log.contains("refused the bot token"), "{log}");

    // A token the Bot API does not know is refused for good.
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut command = tatwir(dir.path());
    command
        .env("TELOXIDE_TOKEN", "4343:a-token-nobody-issued")
        .env("TELOXIDE_API_URL", api.url().as_str());
    let log = tokio::task::spawn_blocking(move || {
        let served = serve(command);
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let ready = get(&served.address, "/readyz");
            assert!(ready.starts_with("HTTP/1.1 503"), "{ready}");
            if ready.contains(r#""state":"refused""#) {
                break;
            }
            assert!(Instant::now() < deadline, "the refusal never showed: {ready}");
            std::thread::sleep(Duration::from_millis(100));
        }
        stop(served)
    })
    .await
    .expect("serve");
    assert!(log.contains("refused the bot token"), "{log}");
    api.stop().await;
}
