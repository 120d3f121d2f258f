//! The revocation list: a W3C Bitstring Status List (v1.0) in a `BitstringStatusListCredential`.

use std::io::{Read as _, Write as _};

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

use crate::open_badges_3::CONTEXT_VC_V2;
use crate::{Error, IssuerKey, Result, timestamp, vc_jwt};

/// The shortest list the specification allows: 131,072 entries (16 KiB), so that one credential
/// hides among many.
pub const MIN_STATUS_LIST_BITS: u64 = 131_072;
/// The longest list this crate writes or reads: 2^26 entries (8 MiB uncompressed), a bound that
/// keeps a wrong index or a hostile list from exhausting memory.
pub const MAX_STATUS_LIST_BITS: u64 = 1 << 26;

/// Multibase's prefix for base64url without padding.
const MULTIBASE_BASE64URL: char = 'u';
/// Base64url that accepts the padding some encoders add anyway.
const BASE64URL_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A revocation list as a `BitstringStatusListCredential`, which the caller serves (signed, with
/// [`to_vc_jwt`](Self::to_vc_jwt)) at `id`, the `list_url` of every
/// [`StatusListEntry`](crate::StatusListEntry) that points into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusListCredential {
    /// URL of the list.
    pub id: String,
    /// URL of its issuer (the `id` of the issuer's Profile).
    pub issuer_id: String,
    /// The indexes of the revoked credentials.
    pub revoked: Vec<u64>,
    /// When this version of the list was made.
    pub valid_from: DateTime<Utc>,
    /// Until when it may be relied on, if the caller promises to publish a newer one by then.
    pub valid_until: Option<DateTime<Utc>>,
}

impl StatusListCredential {
    /// The credential, unsigned: `@context` the VC 2.0 context only, `type`
    /// [VerifiableCredential, BitstringStatusListCredential], and a `credentialSubject` of type
    /// `BitstringStatusList` (id `<list url>#list`) with `statusPurpose` revocation and the
    /// `encodedList`.
    pub fn to_json(&self) -> Result<Value> {
        let mut credential = json!({
            "@context": [CONTEXT_VC_V2],
            "id": self.id,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": self.issuer_id,
            "validFrom": timestamp(&self.valid_from),
            "credentialSubject": {
                "id": format!("{}#list", self.id),
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": encode_status_list(&self.revoked)?,
            },
        });
        if let (Some(until), Some(object)) = (&self.valid_until, credential.as_object_mut()) {
            object.insert("validUntil".into(), timestamp(until).into());
        }
        Ok(credential)
    }

    /// The list signed as a VC-JWT: header `{"alg":"RS256","kid":kid_url,"typ":"JWT"}`, payload
    /// the credential with `iss` (= `issuer`), `jti` (= `id`), `sub` (= `credentialSubject.id`) and
    /// `exp` (= `validUntil`, if any). No `nbf`: VC-JOSE-COSE does not recommend it, and a list
    /// made a moment ago would be refused by verifiers whose clocks run behind.
    pub fn to_vc_jwt(&self, key: &IssuerKey, kid_url: &str) -> Result<String> {
        vc_jwt::sign(&self.to_json()?, key, kid_url, vc_jwt::NotBefore::Omit)
    }
}

/// The `encodedList` of a revocation list where the given indexes are set: the bitstring (index 0
/// is the left-most, most significant, bit of the first byte), at least
/// [`MIN_STATUS_LIST_BITS`] long and grown by that much as needed to hold the largest index,
/// GZIP-compressed, then multibase-encoded as base64url without padding (prefix `u`).
///
/// An index at or beyond [`MAX_STATUS_LIST_BITS`] is refused.
pub fn encode_status_list(set: &[u64]) -> Result<String> {
    let largest = set.iter().copied().max().unwrap_or(0);
    if largest >= MAX_STATUS_LIST_BITS {
        return Err(Error::StatusIndexOutOfRange(largest));
    }
    let bits = (largest / MIN_STATUS_LIST_BITS + 1) * MIN_STATUS_LIST_BITS;
    let mut bitstring = vec![0u8; (bits / 8) as usize];
    for &index in set {
        if let Some(byte) = bitstring.get_mut((index / 8) as usize) {
            *byte |= 0x80 >> (index % 8);
        }
    }
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail; the errors are passed on all the same.
    gzip.write_all(&bitstring)
        .map_err(|_| Error::MalformedStatusList("compression failed"))?;
    let compressed = gzip
        .finish()
        .map_err(|_| Error::MalformedStatusList("compression failed"))?;
    Ok(format!("{MULTIBASE_BASE64URL}{}", URL_SAFE_NO_PAD.encode(compressed)))
}

/// Whether the bit at `index` is set in an `encodedList`: the specification's validation
/// algorithm for a `statusSize` of 1. A list shorter than [`MIN_STATUS_LIST_BITS`] is refused
/// (STATUS_LIST_LENGTH_ERROR), as is an index beyond its end (RANGE_ERROR) and anything that is
/// not multibase base64url of a GZIP stream of at most [`MAX_STATUS_LIST_BITS`] bits.
pub fn status_is_set(encoded_list: &str, index: u64) -> Result<bool> {
    let base64 = encoded_list
        .strip_prefix(MULTIBASE_BASE64URL)
        .ok_or(Error::MalformedStatusList("not multibase base64url (prefix u)"))?;
    let compressed = BASE64URL_LENIENT
        .decode(base64)
        .map_err(|_| Error::MalformedStatusList("not base64url"))?;
    let mut bitstring = Vec::new();
    // One byte more than the longest list, to tell "too long" from "just fits".
    let limit = MAX_STATUS_LIST_BITS / 8 + 1;
    GzDecoder::new(compressed.as_slice())
        .take(limit)
        .read_to_end(&mut bitstring)
        .map_err(|_| Error::MalformedStatusList("not GZIP"))?;
    if bitstring.len() as u64 >= limit {
        return Err(Error::MalformedStatusList("longer than this crate reads"));
    }
    let bits = bitstring.len() as u64 * 8;
    if bits < MIN_STATUS_LIST_BITS {
        return Err(Error::StatusListTooShort(bitstring.len() * 8));
    }
    let byte = usize::try_from(index / 8)
        .ok()
        .and_then(|position| bitstring.get(position))
        .ok_or(Error::StatusIndexOutOfRange(index))?;
    Ok(byte & (0x80 >> (index % 8)) != 0)
}
