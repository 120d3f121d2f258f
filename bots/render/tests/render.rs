//! The PNG as a person's phone receives it: it decodes, has the card's size, and its QR code reads
//! back to the verification URL, in French, Arabic and Darija, whatever the strings.

use std::io::Cursor;

use proptest::prelude::*;
use tatwir_render::{Card, HEIGHT, RenderError, WIDTH, pdf, png, sample_cards};

/// A decoded picture, one RGB triple a pixel.
struct Picture {
    width: usize,
    height: usize,
    rgb: Vec<u8>,
}

impl Picture {
    fn decode(bytes: &[u8]) -> Picture {
        let mut decoder = png::Decoder::new(Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buffer = vec![0; reader.output_buffer_size().expect("a sane size")];
        let frame = reader.next_frame(&mut buffer).expect("the PNG's pixels");
        assert_eq!(
            frame.color_type,
            png::ColorType::Rgb,
            "an opaque picture, expanded from its palette"
        );
        buffer.truncate(frame.buffer_size());
        Picture {
            width: frame.width as usize,
            height: frame.height as usize,
            rgb: buffer,
        }
    }

    fn luma(&self, x: usize, y: usize) -> u8 {
        let at = 3 * (y * self.width + x);
        let [r, g, b] = [self.rgb[at], self.rgb[at + 1], self.rgb[at + 2]].map(u32::from);
        ((299 * r + 587 * g + 114 * b) / 1000) as u8
    }

    /// The texts of every QR code found, with the x of each code's centre.
    fn qr_codes(&self) -> Vec<(String, f32)> {
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(self.width, self.height, |x, y| self.luma(x, y));
        image
            .detect_grids()
            .into_iter()
            .filter_map(|grid| {
                let centre = grid.bounds.iter().map(|p| p.x as f32).sum::<f32>() / 4.0;
                grid.decode().ok().map(|(_, text)| (text, centre))
            })
            .collect()
    }
}

fn sample(language: &str) -> Card {
    sample_cards()
        .into_iter()
        .find(|(l, _)| *l == language)
        .map(|(_, card)| card)
        .expect("a sample card")
}

#[test]
fn samples_are_french_arabic_and_darija() {
    let languages: Vec<&str> = sample_cards().iter().map(|(language, _)| *language).collect();
    assert_eq!(languages, ["fr", "ar", "ary"]);
    assert!(!sample("fr").right_to_left);
    assert!(sample("ar").right_to_left && sample("ary").right_to_left);
}

#[test]
fn each_sample_decodes_at_the_card_size_small_enough_for_a_weak_network() {
    for (language, card) in sample_cards() {
        let bytes = png(&card).expect("a PNG");
        let picture = Picture::decode(&bytes);
        assert_eq!(
            (picture.width, picture.height),
            (WIDTH as usize, HEIGHT as usize),
            "{language}"
        );
        assert!(bytes.len() < 200_000, "{language}: {} bytes", bytes.len());
    }
}

#[test]
fn the_qr_code_reads_back_to_the_payload_on_the_reading_end_side() {
    for (language, card) in sample_cards() {
        let picture = Picture::decode(&png(&card).expect("a PNG"));
        let codes = picture.qr_codes();
        assert_eq!(codes.len(), 1, "{language}: one QR code, found {codes:?}");
        let (text, centre) = &codes[0];
        assert_eq!(text, &card.qr_payload, "{language}");
        // Bottom right on a French card, bottom left (mirrored) on an Arabic one.
        let on_the_right = *centre > WIDTH as f32 / 2.0;
        assert_eq!(
            on_the_right, !card.right_to_left,
            "{language}: QR centre at x = {centre}"
        );
    }
}

#[test]
fn the_same_card_gives_the_same_bytes() {
    let card = sample("ar");
    assert_eq!(png(&card).expect("a PNG"), png(&card).expect("a PNG"));
}

#[test]
fn a_payload_too_long_to_scan_is_refused_not_drawn() {
    let card = Card {
        qr_payload: format!("https://tatwir.example/v/{}", "A".repeat(3000)),
        ..sample("fr")
    };
    assert!(matches!(png(&card), Err(RenderError::QrPayloadTooLong { len }) if len == card.qr_payload.len()));
    // Dense but still scannable: a long URL of 300 bytes.
    let card = Card {
        qr_payload: format!("https://tatwir.example/v/{}", "7KQ2".repeat(70)),
        ..sample("fr")
    };
    let picture = Picture::decode(&png(&card).expect("a PNG"));
    assert_eq!(
        picture.qr_codes().into_iter().map(|(text, _)| text).collect::<Vec<_>>(),
        [card.qr_payload]
    );
}

#[test]
fn an_empty_card_is_still_a_card() {
    let card = Card::default();
    let picture = Picture::decode(&png(&card).expect("a PNG"));
    assert_eq!((picture.width, picture.height), (WIDTH as usize, HEIGHT as usize));
    let card = Card {
        right_to_left: true,
        ..Card::default()
    };
    png(&card).expect("a PNG");
}

#[test]
fn a_ten_thousand_character_name_is_cut_not_fatal() {
    let long = "Fatima Zahra Benali ".repeat(500);
    let card = Card {
        holder: long.clone(),
        track: "الإسعافات الأولية ".repeat(600),
        ..sample("fr")
    };
    Picture::decode(&png(&card).expect("a PNG"));
    let card = Card {
        holder: long,
        lines: vec!["Délivré le 2 décembre 2026".to_owned(); 1000],
        ..sample("ar")
    };
    Picture::decode(&png(&card).expect("a PNG"));
}

#[test]
fn each_sample_is_also_a_one_page_a4_pdf() {
    for (language, card) in sample_cards() {
        let bytes = pdf(&card).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF-"), "{language}");
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(
            text.matches("/Type/Page").count() - text.matches("/Type/Pages").count(),
            1,
            "{language}: one page"
        );
        assert!(
            text.contains("/MediaBox[0 0 841.89 595.28]"),
            "{language}: A4 landscape"
        );
        assert!(text.contains("/FontFile2"), "{language}: fonts embedded");
        assert!(bytes.len() < 200_000, "{language}: {} bytes", bytes.len());
    }
}

#[test]
fn hostile_strings_make_a_pdf_too() {
    let card = Card {
        holder: "\u{202E}Fatima 👩🏽‍⚕️\u{0} فاطمة ⵜⴰⵎⴰⵣⵉⵖⵜ e\u{301}\u{302}\u{303} ".repeat(300),
        lines: vec!["الرمز: 7KQ2-M4XD-9PRT-B3WZ".repeat(30); 10],
        ..sample("ar")
    };
    assert!(pdf(&card).expect("a PDF").starts_with(b"%PDF-"));
    assert!(pdf(&Card::default()).expect("a PDF").starts_with(b"%PDF-"));
}

/// Strings a person could type into a name: any script, emoji, joiners, bidi controls, control
/// characters, combining marks, very long runs.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Fatima",
        "فاطمة",
        "لا",
        "ﻻ",
        "ⵜⴰⵎⴰⵣⵉⵖⵜ",
        "张伟",
        "👩🏽‍⚕️",
        "🇲🇦",
        "\u{202E}",
        "\u{2066}",
        "\u{200F}",
        "\u{200D}",
        "\n",
        "\r\n",
        "\t",
        "\u{0}",
        "\u{7F}",
        "\u{85}",
        "\u{2029}",
        "\u{FEFF}",
        "\u{FFFF}",
        "\u{E000}",
        "e\u{301}\u{302}\u{303}",
        "7KQ2-M4XD",
        "https://tatwir.example/v/7KQ2",
        " ",
        "…",
        "٣٤٥",
        "(",
        ")",
        "«",
        "»",
        "ـــــ",
        "ﷺ",
        "\u{10FFFF}",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_owned), any::<String>()], 0..40).prop_map(|v| v.concat())
}

proptest! {
    // Each case draws two full cards, which takes a second in a debug build: a few cases, every run.
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        // A fixed seed, as every property test of the project: CI runs the same cases each time.
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x7a7_e11),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_strings_make_a_png_of_the_right_size_and_a_pdf(
        right_to_left in any::<bool>(),
        heading in hostile(),
        holder in hostile(),
        statement in hostile(),
        track in hostile(),
        lines in prop::collection::vec(hostile(), 0..8),
        issuer in hostile(),
        qr_caption in hostile(),
        repeat in 1usize..300,
    ) {
        let card = Card {
            right_to_left,
            heading,
            holder: holder.repeat(repeat),
            statement,
            track,
            lines,
            issuer,
            qr_payload: "https://tatwir.example/v/7KQ2-M4XD-9PRT-B3WZ".to_owned(),
            qr_caption,
        };
        let picture = Picture::decode(&png(&card).expect("a PNG"));
        prop_assert_eq!((picture.width, picture.height), (WIDTH as usize, HEIGHT as usize));
        prop_assert!(pdf(&card).expect("a PDF").starts_with(b"%PDF-"));
    }
}
