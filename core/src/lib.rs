//! Tatwir's engine: the domain, the conversation flows, localisation and the ports (store,
//! clock) that the binary's adapters implement. No network and no channel types live here.

pub mod association;
pub mod audience;
pub mod clock;
pub mod health;
pub mod language;
pub mod local_time;
pub mod locale;
pub mod person;
pub mod role;
pub mod text;

pub use fluent_bundle;
pub mod broadcast;
pub mod campaign;
pub mod certificate;
pub mod command;
pub mod content;
pub mod conversation;
pub mod daily;
pub mod engine;
pub mod group;
pub mod label;
pub mod learning;
pub mod meeting;
pub mod message;
pub mod outbox;
pub mod review;
pub mod store;
