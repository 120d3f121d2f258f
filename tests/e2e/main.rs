//! End-to-end tests: the real `tatwir` pieces against real peers (SQLite files, the PostgreSQL
//! server named by TATWIR_TEST_POSTGRES_URL, the `tatwir` binary itself). One binary for all.

mod backends;
mod calendar;
mod campaign_store;
mod certificate_store;
mod certificate_web;
mod certification;
mod cli;
mod content;
mod cooperation;
mod engine_flows;
mod harness;
mod label;
mod label_store;
mod learning;
mod learning_store;
mod legacy;
mod matrix;
mod meeting_clock;
mod organize;
mod schema;
mod serve;
mod store_contract;
mod synapse;
mod telegram;
mod transcripts;
