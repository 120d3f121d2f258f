//! Every string a person reads comes from the Fluent files under `locales/`.
//!
//! French is the fallback and holds every message; Arabic (`ar`) and Darija (`ary`) take Arabic
//! plural rules. intl_pluralrules 7.0.2 (under fluent-bundle) tests `i` where CLDR says `i % 100`
//! for Arabic, so 103 comes out `other` instead of `few`: Arabic and Darija files therefore select
//! on `PLURAL($n)`, a function registered in every bundle that follows CLDR, and a locale test
//! refuses a plural select on a bare number there. Isolation marks are off: they would end up inside commands and codes that people
//! must type. Free text from people (names) is isolated explicitly with [`isolate`] where it
//! enters a right-to-left sentence.

use crate::language::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("{lang}/{file}: Fluent syntax errors: {errors}")]
    Syntax { lang: String, file: String, errors: String },
    #[error("{lang}/{file}: {errors}")]
    Bundle { lang: String, file: String, errors: String },
    #[error("no Fluent files for {0}")]
    Missing(Language),
}

pub struct Localizer {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("languages", &self.bundles.keys())
            .finish()
    }
}

/// The locale whose plural rules a language's bundle uses. Darija has no rules of its own in
/// CLDR, and an unknown locale would silently get English rules.
pub fn plural_locale(lang: Language) -> LanguageIdentifier {
    match lang {
        Language::Fr => unic_langid::langid!("fr"),
        Language::Ar => unic_langid::langid!("ar"),
        Language::Ary => unic_langid::langid!("ar-MA"),
    }
}

impl Localizer {
    /// Builds bundles from (locale code, file name, source) triples.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    ) -> Result<Self, LocaleError> {
        let mut bundles: HashMap<Language, FluentBundle<FluentResource>> = HashMap::new();
        for (code, file, source) in sources {
            let Ok(lang) = code.parse::<Language>() else { continue };
            let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| LocaleError::Syntax {
                lang: code.to_owned(),
                file: file.to_owned(),
                errors: format!("{errors:?}"),
            })?;
            let bundle = bundles.entry(lang).or_insert_with(|| new_bundle(lang));
            bundle.add_resource(resource).map_err(|errors| LocaleError::Bundle {
                lang: code.to_owned(),
                file: file.to_owned(),
                errors: format!("{errors:?}"),
            })?;
        }
        for lang in Language::ALL {
            if !bundles.contains_key(&lang) {
                return Err(LocaleError::Missing(lang));
            }
        }
        Ok(Localizer { bundles })
    }

    /// The message `id` in `lang`, falling back to French. A message missing everywhere gives
    /// its id, which the locale tests make impossible for the ids the engine uses.
    pub fn text(&self, lang: Language, id: &str, args: Option<&FluentArgs>) -> String {
        for candidate in [lang, Language::FALLBACK] {
            let bundle = &self.bundles[&candidate];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(%lang, id, ?errors, "Fluent formatting errors");
                }
                return text.into_owned();
            }
        }
        tracing::error!(%lang, id, "message missing from every locale");
        id.to_owned()
    }

    /// A role's name as people read it (`role-volunteer` …).
    /// A language's name, written in that language (as the language picker shows it).
    pub fn language_name(&self, language: Language) -> String {
        self.text(language, "language-self-name", None)
    }

    /// Items of a short list joined the way `lang` writes lists (`, ` or `، `).
    pub fn list(&self, lang: Language, items: &[String]) -> String {
        items.join(&self.text(lang, "list-separator", None))
    }

    pub fn role_name(&self, lang: Language, role: crate::role::Role) -> String {
        self.text(lang, &format!("role-{}", role.code()), None)
    }

    /// Whether `lang` has its own translation of `id` (rather than the French fallback).
    pub fn has_message(&self, lang: Language, id: &str) -> bool {
        self.bundles[&lang].has_message(id)
    }
}

fn new_bundle(lang: Language) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![plural_locale(lang)]);
    bundle.set_use_isolating(false);
    bundle
        .add_function("PLURAL", move |positional, _named| match positional.first() {
            Some(FluentValue::Number(n)) => FluentValue::from(plural_category(lang, n.value)),
            _ => FluentValue::from("other"),
        })
        .expect("PLURAL is registered once per bundle");
    bundle
}

/// The CLDR cardinal plural category of `n` in `lang` (CLDR 47 rules).
pub fn plural_category(lang: Language, n: f64) -> &'static str {
    let integer = n.fract() == 0.0 && n >= 0.0;
    match lang {
        Language::Fr => {
            if (0.0..2.0).contains(&n) && n.trunc() <= 1.0 {
                "one"
            } else if integer && n != 0.0 && n % 1_000_000.0 == 0.0 {
                "many"
            } else {
                "other"
            }
        }
        Language::Ar | Language::Ary => {
            if !integer {
                return "other";
            }
            let mod100 = n % 100.0;
            if n == 0.0 {
                "zero"
            } else if n == 1.0 {
                "one"
            } else if n == 2.0 {
                "two"
            } else if (3.0..=10.0).contains(&mod100) {
                "few"
            } else if (11.0..=99.0).contains(&mod100) {
                "many"
            } else {
                "other"
            }
        }
    }
}

/// Wraps text that came from a person (a name, a city) in first-strong isolation marks when it
/// enters a right-to-left sentence, so that a Latin name does not scramble the Arabic around it.
pub fn isolate(lang: Language, text: &str) -> String {
    if lang.is_right_to_left() {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// Builds [`FluentArgs`] from `name => value` pairs.
#[macro_export]
macro_rules! args {
    ($($name:literal => $value:expr),* $(,)?) => {{
        let mut args = $crate::fluent_bundle::FluentArgs::new();
        $(args.set($name, $value);)*
        args
    }};
}

/// A number as a Fluent value (for plural selection).
pub fn count(n: i64) -> FluentValue<'static> {
    FluentValue::from(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category_bundle(lang: Language) -> FluentBundle<FluentResource> {
        let mut bundle = new_bundle(lang);
        let source = "cat = { PLURAL($n) ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
        bundle
            .add_resource(FluentResource::try_new(source.to_owned()).expect("parses"))
            .expect("adds");
        bundle
    }

    #[test]
    fn arabic_and_darija_take_arabic_plural_rules() {
        let expected = [
            (0, "zero"),
            (1, "one"),
            (2, "two"),
            (3, "few"),
            (11, "many"),
            (100, "other"),
            (103, "few"),
            (111, "many"),
        ];
        for lang in [Language::Ar, Language::Ary] {
            let bundle = category_bundle(lang);
            let pattern = bundle.get_message("cat").and_then(|m| m.value()).expect("cat");
            for (n, category) in expected {
                let args = args! { "n" => n };
                let mut errors = vec![];
                let got = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{errors:?}");
                assert_eq!(got, category, "{lang} {n}");
            }
        }
    }

    #[test]
    fn french_plural_categories() {
        for (n, category) in [
            (0.0, "one"),
            (1.0, "one"),
            (1.5, "one"),
            (2.0, "other"),
            (1_000_000.0, "many"),
        ] {
            assert_eq!(plural_category(Language::Fr, n), category, "{n}");
        }
    }

    #[test]
    fn isolation_only_for_right_to_left() {
        assert_eq!(isolate(Language::Fr, "Amal"), "Amal");
        assert_eq!(isolate(Language::Ar, "Amal"), "\u{2068}Amal\u{2069}");
    }
}
