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

fn serve(mut command: std::process::Command) -> Served {
    let mut child = command
        .arg("serve")
        .env("TATWIR_HTTP_ADDR", "127.0.0.1:0")
        .env("TATWIR_LOG", "debug")
        .env("NO_COLOR", "1")
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("MATRIX_HOMESERVER")
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
