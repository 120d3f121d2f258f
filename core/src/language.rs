//! The languages Tatwir speaks, and how a client's language code maps onto them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language a person can read Tatwir in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// French: the fallback, which holds every message.
    Fr,
    /// Modern Standard Arabic.
    Ar,
    /// Moroccan Arabic (Darija), written in Arabic script.
    Ary,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fr, Language::Ar, Language::Ary];
    pub const FALLBACK: Language = Language::Fr;

    /// The code stored in the database and used for locale folders (`locales/<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::Ar => "ar",
            Language::Ary => "ary",
        }
    }

    pub fn is_right_to_left(self) -> bool {
        matches!(self, Language::Ar | Language::Ary)
    }

    /// The language a client's own language code (Telegram's `language_code`, a locale such as
    /// `fr-MA`) stands for, if Tatwir speaks it. Darija speakers' phones report `ar` or `fr`, so
    /// only an explicit `ary` selects Darija.
    pub fn from_client_code(code: &str) -> Option<Language> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Language::Fr),
            "ar" => Some(Language::Ar),
            "ary" => Some(Language::Ary),
            _ => None,
        }
    }

    /// Recognises what a person may type to pick a language: its code, or its own name in its
    /// own script or in Latin letters.
    pub fn from_typed_name(text: &str) -> Option<Language> {
        let folded = text.trim().to_lowercase();
        let folded = folded.trim_matches(|c: char| !c.is_alphanumeric());
        match folded {
            "fr" | "fra" | "français" | "francais" | "french" | "fransawiya" | "الفرنسية" | "فرنسية" | "الفرنساوية" => {
                Some(Language::Fr)
            }
            "ar" | "ara" | "arabe" | "arabic" | "العربية" | "عربية" | "العربيه" | "الفصحى" => {
                Some(Language::Ar)
            }
            "ary" | "darija" | "darija marocaine" | "الدارجة" | "دارجة" | "الدارجة المغربية" | "الدارجه" => {
                Some(Language::Ary)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown language code {0:?}: expected fr, ar or ary")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Language::Fr),
            "ar" => Ok(Language::Ar),
            "ary" => Ok(Language::Ary),
            _ => Err(UnknownLanguage(s.to_owned())),
        }
    }
}

/// The text for a reader of `language`: theirs, else French, else any.
pub fn pick(texts: &std::collections::BTreeMap<Language, String>, language: Language) -> &str {
    texts
        .get(&language)
        .or_else(|| texts.get(&Language::FALLBACK))
        .or_else(|| texts.values().next())
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_codes_map_to_languages() {
        assert_eq!(Language::from_client_code("fr"), Some(Language::Fr));
        assert_eq!(Language::from_client_code("fr-MA"), Some(Language::Fr));
        assert_eq!(Language::from_client_code("ar"), Some(Language::Ar));
        assert_eq!(Language::from_client_code("ar_MA"), Some(Language::Ar));
        assert_eq!(Language::from_client_code("ary"), Some(Language::Ary));
        assert_eq!(Language::from_client_code("en"), None);
        assert_eq!(Language::from_client_code(""), None);
    }

    #[test]
    fn typed_names_pick_languages() {
        assert_eq!(Language::from_typed_name(" Français "), Some(Language::Fr));
        assert_eq!(Language::from_typed_name("العربية"), Some(Language::Ar));
        assert_eq!(Language::from_typed_name("Darija!"), Some(Language::Ary));
        assert_eq!(Language::from_typed_name("klingon"), None);
    }
}
