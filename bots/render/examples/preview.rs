//! Writes the sample certificates as PNG and PDF files, says how long a PNG takes to draw and how
//! large each file is, then writes a few hard cases (names in the other script, text far too long, emoji and
//! control characters) to look at.
//!
//! `cargo run --release -p tatwir-render --example preview -- /tmp/cards [RENDERS, 20 by default]`

use std::path::Path;
use std::time::Instant;

use tatwir_render::{Card, sample_cards};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args().nth(1).ok_or("usage: preview FOLDER [RENDERS]")?;
    let rounds: u32 = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20)
        .max(1);
    let folder = Path::new(&folder);
    std::fs::create_dir_all(folder)?;
    let samples = sample_cards();
    for (language, card) in &samples {
        let started = Instant::now();
        let mut png = Vec::new();
        for _ in 0..rounds {
            png = tatwir_render::png(card)?;
        }
        let per_card = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
        let path = folder.join(format!("certificate-{language}.png"));
        std::fs::write(&path, &png)?;
        println!(
            "{}: {} bytes, {per_card:.1} ms per card ({rounds} renders)",
            path.display(),
            png.len()
        );
        let started = Instant::now();
        let pdf = tatwir_render::pdf(card)?;
        let pdf_ms = started.elapsed().as_secs_f64() * 1000.0;
        let path = folder.join(format!("certificate-{language}.pdf"));
        std::fs::write(&path, &pdf)?;
        println!("{}: {} bytes, {pdf_ms:.1} ms", path.display(), pdf.len());
    }

    let [(_, fr), (_, ar), (_, ary)] = <[_; 3]>::try_from(samples).map_err(|_| "three samples")?;
    let hard = [
        (
            "fr-arabic-name",
            Card {
                holder: "فاطمة الزهراء بنعلي".to_owned(),
                ..fr.clone()
            },
        ),
        (
            "ar-latin-name",
            Card {
                holder: "Fatima Zahra Benali".to_owned(),
                ..ar.clone()
            },
        ),
        (
            "ary-tifinagh-name",
            Card {
                holder: "ⵜⵉⵍⵍⵉ ⴰⵎⵣⵢⴰⵏ".to_owned(),
                ..ary.clone()
            },
        ),
        (
            "fr-too-long",
            Card {
                heading: "Certificat de réussite et d’assiduité du parcours de formation".to_owned(),
                holder: "Maria de los Ángeles Fernández-Castillo y Benjelloun El Idrissi ".repeat(40),
                statement: "a suivi avec assiduité et réussi l’ensemble des modules du parcours ".repeat(5),
                track: "Premiers secours en milieu associatif, gestes d’urgence et prévention ".repeat(5),
                lines: (1..=12)
                    .map(|n| format!("Ligne {n} : Délivré le 2 décembre 2026 à Tanger"))
                    .collect(),
                issuer: "Association marocaine pour le développement local · Tanger-Tétouan-Al Hoceïma ".repeat(3),
                qr_caption: "Scannez pour vérifier l’authenticité de ce certificat en ligne ".repeat(3),
                ..fr.clone()
            },
        ),
        (
            "ar-too-long",
            Card {
                holder: "فاطمة الزهراء بنت محمد بن عبد الله العلوي الإدريسي ".repeat(30),
                track: "الإسعافات الأولية والوقاية من المخاطر في العمل الجمعوي ".repeat(4),
                lines: vec!["الرمز: 7KQ2-M4XD-9PRT-B3WZ ".repeat(20); 6],
                ..ar.clone()
            },
        ),
        (
            "fr-hostile",
            Card {
                holder: "\u{202E}Fatima\u{202C} 👩🏽‍⚕️ Zahra\n\tBenali\u{0}\u{7} 张伟 🇲🇦".to_owned(),
                statement: "a réussi\r\nle parcours\u{2029}".to_owned(),
                track: "e\u{301}\u{302}\u{303}\u{304}".repeat(50),
                ..fr
            },
        ),
    ];
    for (name, card) in hard {
        let path = folder.join(format!("hard-{name}.png"));
        std::fs::write(&path, tatwir_render::png(&card)?)?;
        println!("{}", path.display());
    }
    Ok(())
}
