//! Certificates of volunteers and managers: the tracks a pack declares, what a person has done
//! towards each, the certificates issued, their codes, and when they stop being valid.
//!
//! A track names lessons (and the best quiz score each needs), meetings to attend, who it is
//! for and how long it stays valid. A certificate is issued once per person and track, the
//! moment the last criterion holds; it is verified by its code, which carries 80 random bits.

pub mod dialogue;
mod store;

pub use store::{CertificateStore, IssuerKeyRecord};

use crate::association::AssociationId;
pub use crate::content::{CertificateTrack, TrackLesson, TrackRole, TrackText};
use crate::learning::{LessonProgress, Score};
use crate::person::PersonId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How long before its end a certificate is called "expiring soon", offers its refresher, and
/// its holder is reminded.
pub const RENEWAL_WINDOW_DAYS: i64 = 30;

/// The length of the published revocation list, in bits: the Bitstring Status List's minimum
/// (131,072), which keeps a certificate's bit among many. Indices are drawn at random below it.
pub const STATUS_LIST_BITS: i64 = 131_072;

/// The longest name printed on a certificate.
pub const MAX_NAME: usize = 80;

/// One finished quiz, kept for tracks that ask for a lesson to be retaken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuizRun {
    pub toolbox: String,
    pub lesson: String,
    pub lesson_version: String,
    pub score: Score,
    pub finished_at: DateTime<Utc>,
}

/// What a person has done, as the tracks read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub progress: Vec<LessonProgress>,
    pub runs: Vec<QuizRun>,
    /// When each lesson version a track names was first taught: (toolbox, lesson, version).
    pub version_taught: BTreeMap<(String, String, String), DateTime<Utc>>,
    /// Meeting occurrences the person was recorded at.
    pub meetings_attended: u32,
    /// Whether the person is a manager of some association now.
    pub is_manager: bool,
}

/// Where a person stands on one lesson of a track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonStanding {
    pub toolbox: String,
    pub lesson: String,
    pub min_percent: u32,
    /// The best score that counts for the track.
    pub best: Option<Score>,
    pub met: bool,
}

/// Where a person stands on a whole track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackStanding {
    pub lessons: Vec<LessonStanding>,
    pub meetings_attended: u32,
    pub meetings_needed: u32,
    /// The track is for managers and the person is not one.
    pub role_missing: bool,
}

impl TrackStanding {
    pub fn complete(&self) -> bool {
        !self.role_missing
            && self.meetings_attended >= self.meetings_needed
            && self.lessons.iter().all(|lesson| lesson.met)
    }

    pub fn lessons_met(&self) -> usize {
        self.lessons.iter().filter(|lesson| lesson.met).count()
    }
}

/// Whether `score` reaches `min_percent` (compared exactly, not rounded).
pub fn reaches(score: Score, min_percent: u32) -> bool {
    score.out_of > 0 && u64::from(score.right) * 100 >= u64::from(min_percent) * u64::from(score.out_of)
}

/// Where `evidence` puts a person on `track`.
pub fn standing(track: &CertificateTrack, evidence: &Evidence) -> TrackStanding {
    let lessons = track
        .lessons
        .iter()
        .map(|wanted| {
            let best = match &wanted.since_version {
                None => evidence
                    .progress
                    .iter()
                    .find(|p| p.toolbox == wanted.toolbox && p.lesson == wanted.lesson)
                    .and_then(|p| p.best_score),
                Some(version) => {
                    let key = (wanted.toolbox.clone(), wanted.lesson.clone(), version.clone());
                    // A version never taught yet: nothing counts until it is.
                    evidence.version_taught.get(&key).and_then(|since| {
                        evidence
                            .runs
                            .iter()
                            .filter(|run| {
                                run.toolbox == wanted.toolbox
                                    && run.lesson == wanted.lesson
                                    && run.finished_at >= *since
                            })
                            .map(|run| run.score)
                            .reduce(|best, score| if score.beats(best) { score } else { best })
                    })
                }
            };
            LessonStanding {
                toolbox: wanted.toolbox.clone(),
                lesson: wanted.lesson.clone(),
                min_percent: wanted.min_percent,
                best,
                met: best.is_some_and(|score| reaches(score, wanted.min_percent)),
            }
        })
        .collect();
    TrackStanding {
        lessons,
        meetings_attended: evidence.meetings_attended,
        meetings_needed: track.meetings,
        role_missing: track.role == TrackRole::Manager && !evidence.is_manager,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CertificateId(pub i64);

impl fmt::Display for CertificateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A certificate's public code: 16 symbols of Crockford's base32 (80 bits from the operating
/// system's generator through a CSPRNG), shown in groups of four: `7KQ2-M4XD-9PRT-B3WZ`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CertificateCode(String);

impl CertificateCode {
    pub const LEN: usize = 16;
    const ALPHABET: &'static [u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    pub fn generate() -> Self {
        use rand::Rng;
        let mut rng = rand::rng();
        let code = (0..Self::LEN)
            .map(|_| Self::ALPHABET[rng.random_range(0..Self::ALPHABET.len())] as char)
            .collect();
        CertificateCode(code)
    }

    /// Reads a code as a person may type it: any case, with spaces or dashes, `O` for `0` and
    /// `I` or `L` for `1` (Crockford's rules). `None` for anything that cannot be a code.
    pub fn parse(typed: &str) -> Option<Self> {
        if typed.len() > 64 {
            return None;
        }
        let mut code = String::with_capacity(Self::LEN);
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{a0}' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !Self::ALPHABET.contains(&(c as u8)) {
                return None;
            }
            code.push(c);
        }
        (code.len() == Self::LEN).then_some(CertificateCode(code))
    }

    /// The sixteen symbols without dashes, as stored and put in addresses.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CertificateCode {
    /// Grouped by four for reading: `7KQ2-M4XD-9PRT-B3WZ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if at > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(chunk).unwrap_or_default())?;
        }
        Ok(())
    }
}

/// How a certificate came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IssuedBy {
    /// The last criterion was met in the chat.
    Track,
    /// A coordinator issued it for training done in person.
    Hand,
}

/// An issued certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Certificate {
    pub id: CertificateId,
    pub code: CertificateCode,
    pub person: PersonId,
    pub track: String,
    /// The name printed: `None` until the holder confirms it.
    pub holder_name: Option<String>,
    /// The association the holder acted for when it was issued (managers see theirs).
    pub association: Option<AssociationId>,
    pub issued_by: IssuedBy,
    pub issued_at: DateTime<Utc>,
    /// When it was last renewed (`None`: never).
    pub renewed_at: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_reason: Option<String>,
    /// Its bit in the published revocation list.
    pub status_index: i64,
}

/// A certificate's state at a moment, as every page and message shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    Valid,
    ExpiringSoon,
    Expired,
    Revoked,
}

impl CertificateState {
    pub fn code(self) -> &'static str {
        match self {
            CertificateState::Valid => "valid",
            CertificateState::ExpiringSoon => "expiring_soon",
            CertificateState::Expired => "expired",
            CertificateState::Revoked => "revoked",
        }
    }
}

impl Certificate {
    pub fn state(&self, now: DateTime<Utc>) -> CertificateState {
        if self.revoked_at.is_some_and(|at| at <= now) {
            return CertificateState::Revoked;
        }
        match self.valid_until {
            Some(until) if until <= now => CertificateState::Expired,
            Some(until) if until - now <= chrono::Duration::days(RENEWAL_WINDOW_DAYS) => CertificateState::ExpiringSoon,
            _ => CertificateState::Valid,
        }
    }

    /// Whether its refresher may be taken now: from 30 days before its end, and after it
    /// (an expired certificate may still be renewed), never once revoked.
    pub fn renewable(&self, now: DateTime<Utc>) -> bool {
        matches!(
            self.state(now),
            CertificateState::ExpiringSoon | CertificateState::Expired
        )
    }
}

/// A certificate to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCertificate {
    pub code: CertificateCode,
    pub person: PersonId,
    pub track: String,
    pub association: Option<AssociationId>,
    pub issued_by: IssuedBy,
    pub issued_at: DateTime<Utc>,
    pub valid_until: Option<DateTime<Utc>>,
}

/// What asking to issue did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// Issued now.
    New(Certificate),
    /// The person already holds one of this track (automatic issue: any, even revoked or
    /// expired; by hand: one not revoked): nothing was written.
    Held(Certificate),
}

/// The name and e-mail a person gave for their certificates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Holder {
    pub name: String,
    /// The e-mail for Open Badges backpacks, hashed with `salt` (`sha256$…`); the address
    /// itself is never stored.
    pub email_hash: Option<String>,
    pub salt: Option<String>,
    pub confirmed_at: DateTime<Utc>,
}

/// Which certificates to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CertificateFilter {
    pub person: Option<PersonId>,
    pub association: Option<AssociationId>,
}

/// Reads a name typed for printing: one line, trimmed, at most [`MAX_NAME`] characters, with
/// at least one letter.
pub fn clean_name(typed: &str) -> Option<String> {
    let name = crate::text::clean_line(typed);
    let name = name.trim();
    let ok = !name.is_empty() && name.chars().count() <= MAX_NAME && name.chars().any(char::is_alphabetic);
    ok.then(|| name.to_owned())
}

#[cfg(test)]
mod tests;

/// What a certificate's picture says, already in the holder's language: the channels' adapters
/// and the web pages draw it through a [`CertificateArtist`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertificateCard {
    /// Arabic and Darija cards are laid out right to left.
    pub right_to_left: bool,
    pub heading: String,
    pub holder: String,
    pub statement: String,
    pub track: String,
    /// Issued on, valid until (or revoked on), the code.
    pub lines: Vec<String>,
    pub issuer: String,
    /// The verification page's address, drawn as a QR code.
    pub qr_payload: String,
    pub qr_caption: String,
}

/// Draws certificates. Core draws nothing itself: the binary gives the engine one.
pub trait CertificateArtist: Send + Sync {
    /// The card as a PNG image.
    fn png(&self, card: &CertificateCard) -> Result<Vec<u8>, String>;
    /// The card as a PDF document, for printing.
    fn pdf(&self, card: &CertificateCard) -> Result<Vec<u8>, String>;
}

/// Where certificates are published and who issues them.
#[derive(Clone)]
pub struct Publishing {
    /// The service's public address, without a trailing slash (`TATWIR_PUBLIC_URL`): every
    /// address of a certificate is built from it when asked, so a change of address strands nothing.
    pub base_url: String,
    /// The issuer's name, printed on certificates and in Open Badges documents.
    pub issuer_name: String,
    /// The issuer's e-mail address, which Open Badges 2.0 requires of an issuer.
    pub issuer_email: String,
    pub artist: Option<std::sync::Arc<dyn CertificateArtist>>,
}

impl Default for Publishing {
    fn default() -> Self {
        Publishing {
            base_url: "http://127.0.0.1:8080".to_owned(),
            issuer_name: "Tatwir".to_owned(),
            issuer_email: "certificates@tatwir.invalid".to_owned(),
            artist: None,
        }
    }
}

impl fmt::Debug for Publishing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Publishing")
            .field("base_url", &self.base_url)
            .field("issuer_name", &self.issuer_name)
            .field("artist", &self.artist.is_some())
            .finish()
    }
}

/// Every address a certificate and its issuer are published at, from the public base URL.
impl Publishing {
    /// A closed joint statement's public page (its `.md` and `.pdf` beside it).
    pub fn statement_url(&self, statement: crate::campaign::StatementId) -> String {
        format!("{}/statements/{statement}", self.base_url)
    }
    pub fn verify_url(&self, code: &CertificateCode) -> String {
        format!("{}/verify/{}", self.base_url, code.as_str())
    }
    pub fn image_url(&self, code: &CertificateCode) -> String {
        format!("{}/certificates/{}.png", self.base_url, code.as_str())
    }
    pub fn pdf_url(&self, code: &CertificateCode) -> String {
        format!("{}/certificates/{}.pdf", self.base_url, code.as_str())
    }
    pub fn ob3_url(&self, code: &CertificateCode) -> String {
        format!("{}/ob/v3/credentials/{}", self.base_url, code.as_str())
    }
    pub fn ob2_url(&self, code: &CertificateCode) -> String {
        format!("{}/ob/v2/assertions/{}", self.base_url, code.as_str())
    }
    /// The Open Badges 2.0 BadgeClass of a track.
    pub fn badge_class_url(&self, track: &str) -> String {
        format!("{}/ob/v2/badges/{track}", self.base_url)
    }
    /// The Open Badges 3.0 Achievement of a track.
    pub fn achievement_url(&self, track: &str) -> String {
        format!("{}/ob/v3/achievements/{track}", self.base_url)
    }
    /// A track's badge picture.
    pub fn track_image_url(&self, track: &str) -> String {
        format!("{}/ob/badges/{track}.png", self.base_url)
    }
    /// The issuer's profile (Open Badges 2.0 Profile and 3.0 Profile alike).
    pub fn issuer_url(&self) -> String {
        format!("{}/ob/issuer", self.base_url)
    }
    /// Where the public key `kid` is served, as a JWK.
    pub fn key_url(&self, kid: &str) -> String {
        format!("{}/ob/keys/{kid}", self.base_url)
    }
    /// The revocation list (a Bitstring Status List credential).
    pub fn status_list_url(&self) -> String {
        format!("{}/ob/status/revocation", self.base_url)
    }
}

/// Reads an e-mail address typed for Open Badges backpacks: trimmed and lower-cased (as the
/// hash is computed), one `@`, a dot in the domain, no spaces, at most 254 characters.
pub fn clean_email(typed: &str) -> Option<String> {
    let email = typed.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let ok = email.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email
            .chars()
            .all(|c| c.is_ascii_graphic() || (!c.is_ascii() && c.is_alphanumeric()));
    ok.then_some(email)
}

/// A fresh salt for an e-mail hash: 16 random bytes, in hexadecimal.
pub fn new_salt() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The Open Badges 2.0 identity hash of an e-mail address: `sha256$` and the hexadecimal SHA-256
/// of the address (trimmed, lower-cased) followed by the salt.
pub fn hash_email(email: &str, salt: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(email.trim().to_lowercase().as_bytes());
    hasher.update(salt.as_bytes());
    let hex: String = hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect();
    format!("sha256${hex}")
}
