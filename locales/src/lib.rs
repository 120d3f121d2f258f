//! Every string a person reads, in French (which holds every message), Modern Standard Arabic
//! and Darija: the Fluent files of this folder, embedded at build time.
//!
//! The engine (`tatwir-core`) formats messages through its `Localizer` but does not depend on
//! this crate: editing a translation rebuilds this crate and the binary, never the engine.

use tatwir_core::locale::{LocaleError, Localizer};

pub mod lint;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The embedded Fluent files: (locale code, file name, source).
pub fn sources() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    embedded::EMBEDDED.iter().copied()
}

/// The localizer over the embedded files.
pub fn localizer() -> Result<Localizer, LocaleError> {
    Localizer::from_sources(sources())
}
