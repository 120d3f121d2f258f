//! The `tatwir` binary's library: the command line, the configuration, the terminal channel and
//! [`app::Application`], which wires the store, the channels and the web server around the
//! engine the same way for `tatwir serve` and for the end-to-end tests.

pub mod app;
pub mod cli;
pub mod config;
pub mod terminal;
