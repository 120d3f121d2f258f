//! The `tatwir` binary's library: configuration, the SQL store, the HTTP server and the
//! channel adapters, wired around the engine in `tatwir-core`.

pub mod app;
pub mod botapi;
pub mod broadcast_command;
pub mod cli;
pub mod config;
pub mod content_command;
pub mod database_url;
pub mod group_command;
pub mod html;
pub mod http;
pub mod matrix;
pub mod meeting_command;
pub mod numbered;
pub mod store;
pub mod telegram;
pub mod terminal;
