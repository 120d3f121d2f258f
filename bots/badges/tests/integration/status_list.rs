//! The revocation list: W3C Bitstring Status List v1.0.

use std::io::Read as _;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde_json::{Value, json};
use tatwir_badges::{
    Error, IssuerKey, MAX_STATUS_LIST_BITS, MIN_STATUS_LIST_BITS, StatusListCredential, encode_status_list,
    status_is_set, verify_vc_jwt,
};

use crate::award::{LIST_URL, awarded_on, certificate};

/// The `encodedList` of the specification's examples: an empty list of 131,072 entries.
const SPEC_EXAMPLE_LIST: &str = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

fn bitstring(encoded: &str) -> Vec<u8> {
    let compressed = URL_SAFE_NO_PAD
        .decode(encoded.strip_prefix('u').expect("multibase u"))
        .expect("base64url");
    let mut bits = Vec::new();
    GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut bits)
        .expect("GZIP");
    bits
}

fn encoded(bits: &[u8]) -> String {
    use std::io::Write as _;
    let mut gzip = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(bits).expect("in memory");
    format!("u{}", URL_SAFE_NO_PAD.encode(gzip.finish().expect("in memory")))
}

#[test]
fn the_specification_example_reads_as_an_empty_list() {
    assert_eq!(bitstring(SPEC_EXAMPLE_LIST).len() * 8, 131_072);
    for index in [0, 1, 94_567, 131_071] {
        assert!(!status_is_set(SPEC_EXAMPLE_LIST, index).expect("a valid list"));
    }
}

#[test]
fn index_zero_is_the_left_most_bit_of_the_first_byte() {
    let list = encode_status_list(&[0, 7, 8, 131_071]).expect("encodes");
    assert!(list.starts_with('u'));
    assert!(!list.contains('=') && !list.contains('+') && !list.contains('/'));
    let bits = bitstring(&list);
    assert_eq!(bits.len(), 16_384, "the minimum of 131,072 bits");
    assert_eq!(bits[0], 0b1000_0001);
    assert_eq!(bits[1], 0b1000_0000);
    assert_eq!(bits[16_383], 0b0000_0001);
    assert!(bits[2..16_383].iter().all(|&byte| byte == 0));
}

#[test]
fn the_list_decodes_to_the_indexes_set() {
    let revoked = [3, 40_961, 99_999, 131_070];
    let list = encode_status_list(&revoked).expect("encodes");
    // Every bit, read here from the decompressed list (index i: byte i / 8, bit 7 - i % 8)...
    let bits = bitstring(&list);
    for index in 0..MIN_STATUS_LIST_BITS {
        let set = bits[(index / 8) as usize] & (0x80 >> (index % 8)) != 0;
        assert_eq!(set, revoked.contains(&index), "{index}");
    }
    // ...and by the decoder, around each revoked index and across the list.
    let around = revoked.iter().flat_map(|&index| [index - 1, index, index + 1]);
    for index in around.chain((0..MIN_STATUS_LIST_BITS).step_by(997)) {
        assert_eq!(
            status_is_set(&list, index).expect("in range"),
            revoked.contains(&index),
            "{index}"
        );
    }
}

#[test]
fn a_list_grows_by_whole_minimum_lengths_to_hold_its_largest_index() {
    let list = encode_status_list(&[MIN_STATUS_LIST_BITS]).expect("encodes");
    assert_eq!(bitstring(&list).len() as u64 * 8, 2 * MIN_STATUS_LIST_BITS);
    assert!(status_is_set(&list, MIN_STATUS_LIST_BITS).expect("in range"));
    assert!(!status_is_set(&list, MIN_STATUS_LIST_BITS - 1).expect("in range"));
    assert!(matches!(
        encode_status_list(&[MAX_STATUS_LIST_BITS]),
        Err(Error::StatusIndexOutOfRange(_))
    ));
    assert!(matches!(
        encode_status_list(&[u64::MAX]),
        Err(Error::StatusIndexOutOfRange(_))
    ));
}

#[test]
fn reading_refuses_short_lists_indexes_beyond_the_end_and_garbage() {
    let list = encode_status_list(&[]).expect("encodes");
    assert!(matches!(
        status_is_set(&list, MIN_STATUS_LIST_BITS),
        Err(Error::StatusIndexOutOfRange(_))
    ));
    assert!(matches!(
        status_is_set(&list, u64::MAX),
        Err(Error::StatusIndexOutOfRange(_))
    ));
    assert!(matches!(
        status_is_set(&encoded(&[0xff; 16]), 0),
        Err(Error::StatusListTooShort(128))
    ));
    for garbage in [
        "",
        "u",
        "z9Vz",
        "uH4sI",
        "u!!!!",
        "uAAAA",
        "H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
    ] {
        assert!(status_is_set(garbage, 0).is_err(), "{garbage}");
    }
    // A small GZIP stream that inflates beyond the longest list is refused, not inflated.
    let bomb = encoded(&vec![0; (MAX_STATUS_LIST_BITS / 8 + 1024) as usize]);
    assert!(bomb.len() < 20_000);
    assert!(matches!(status_is_set(&bomb, 0), Err(Error::MalformedStatusList(_))));
}

fn status_list() -> StatusListCredential {
    StatusListCredential {
        id: LIST_URL.into(),
        issuer_id: "https://tatwir.example/associations/amal/issuer".into(),
        revoked: vec![40_961],
        valid_from: awarded_on(),
        valid_until: None,
    }
}

#[test]
fn the_status_list_credential_has_the_form_the_specification_gives() {
    let credential = status_list().to_json().expect("builds");
    let encoded_list = credential["credentialSubject"]["encodedList"]
        .as_str()
        .expect("a string")
        .to_owned();
    assert_eq!(
        credential,
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": LIST_URL,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": "https://tatwir.example/associations/amal/issuer",
            "validFrom": "2026-03-01T10:00:00Z",
            "credentialSubject": {
                "id": format!("{LIST_URL}#list"),
                "type": "BitstringStatusList",
                "statusPurpose": "revocation",
                "encodedList": encoded_list,
            },
        })
    );
    // The certificate's entry points at this list, and its bit is set.
    let entry = &certificate().to_json()["credentialStatus"];
    assert_eq!(entry["statusListCredential"], credential["id"]);
    assert_eq!(entry["statusPurpose"], credential["credentialSubject"]["statusPurpose"]);
    let index = entry["statusListIndex"]
        .as_str()
        .and_then(|i| i.parse().ok())
        .expect("an index");
    assert!(status_is_set(&encoded_list, index).expect("in range"));
}

#[test]
fn the_status_list_is_signed_as_a_vc_jwt_without_nbf() {
    let key = IssuerKey::test_key();
    let kid_url = format!("https://tatwir.example/keys/{}", key.kid());
    let list = StatusListCredential {
        valid_until: Some(awarded_on() + chrono::Duration::days(1)),
        ..status_list()
    };
    let token = list.to_vc_jwt(&key, &kid_url).expect("signed");
    let payload: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').nth(1).expect("a payload"))
            .expect("base64url"),
    )
    .expect("JSON");
    assert_eq!(payload["iss"], "https://tatwir.example/associations/amal/issuer");
    assert_eq!(payload["jti"], LIST_URL);
    assert_eq!(payload["sub"], format!("{LIST_URL}#list").as_str());
    assert_eq!(payload["exp"], (awarded_on() + chrono::Duration::days(1)).timestamp());
    assert!(payload.get("nbf").is_none());
    let verified = verify_vc_jwt(&token, &[key.public_jwk(&kid_url)]).expect("verifies");
    assert_eq!(verified, list.to_json().expect("builds"));
}
