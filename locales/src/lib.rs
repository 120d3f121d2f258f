//! Every string a person reads, in French (which holds every message), Modern Standard Arabic
//! and Darija: the Fluent files of this folder, embedded at build time.
//!
//! The engine (`tatwir-core`) formats messages through its `Localizer` but does not depend on
//! this crate: editing a translation rebuilds this crate and the binary, never the engine.

use tatwir_core::locale::{LocaleError, Localizer};

pub mod lint;

/// One embedded file: the path below this folder is written once, and the compiler tracks the
/// file itself (a build script's list went stale when two checkouts shared a target folder).
macro_rules! embed {
    ($lang:literal, $file:literal) => {
        (
            $lang,
            $file,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $lang, "/", $file)),
        )
    };
}

/// Every Fluent file of `fr/`, `ar/` and `ary/`: (locale code, file name, source). A file added
/// there is added here too (`tests/ids.rs` fails until it is).
const EMBEDDED: &[(&str, &str, &str)] = &[
    embed!("ar", "certificates.ftl"),
    embed!("ar", "cli.ftl"),
    embed!("ar", "content.ftl"),
    embed!("ar", "label.ftl"),
    embed!("ar", "campaign.ftl"),
    embed!("ar", "main.ftl"),
    embed!("ar", "statement.ftl"),
    embed!("ary", "certificates.ftl"),
    embed!("ary", "cli.ftl"),
    embed!("ary", "content.ftl"),
    embed!("ary", "label.ftl"),
    embed!("ary", "campaign.ftl"),
    embed!("ary", "main.ftl"),
    embed!("ary", "statement.ftl"),
    embed!("fr", "certificates.ftl"),
    embed!("fr", "cli.ftl"),
    embed!("fr", "content.ftl"),
    embed!("fr", "label.ftl"),
    embed!("fr", "campaign.ftl"),
    embed!("fr", "main.ftl"),
    embed!("fr", "statement.ftl"),
];

/// The embedded Fluent files: (locale code, file name, source).
pub fn sources() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    EMBEDDED.iter().copied()
}

/// The localizer over the embedded files.
pub fn localizer() -> Result<Localizer, LocaleError> {
    Localizer::from_sources(sources())
}
