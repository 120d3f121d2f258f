use clap::Parser;
use tatwir::cli::{Cli, Command};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    // Logs go to stderr; stdout is for what a person or a script reads. The chat and the
    // coordinators' commands log only warnings unless TATWIR_LOG says otherwise.
    let default = if matches!(cli.command, Command::Serve | Command::Migrate) {
        "info"
    } else {
        "warn"
    };
    let filter = EnvFilter::try_from_env("TATWIR_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in journald or a log file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match tatwir::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
