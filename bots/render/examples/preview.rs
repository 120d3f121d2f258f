//! Writes the sample certificates as PNG files, and says how long one takes to draw.
//!
//! `cargo run --release -p tatwir-render --example preview -- /tmp/cards [RENDERS, 20 by default]`

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = std::env::args().nth(1).ok_or("usage: preview FOLDER [RENDERS]")?;
    std::fs::create_dir_all(&folder)?;
    let rounds: u32 = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    for (language, card) in tatwir_render::sample_cards() {
        let started = Instant::now();
        let mut png = Vec::new();
        for _ in 0..rounds {
            png = tatwir_render::png(&card)?;
        }
        let per_card = started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
        let path = std::path::Path::new(&folder).join(format!("certificate-{language}.png"));
        std::fs::write(&path, &png)?;
        println!("{}: {} bytes, {per_card:.1} ms per card ({rounds} renders)", path.display(), png.len());
    }
    Ok(())
}
