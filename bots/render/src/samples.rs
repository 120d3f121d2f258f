//! Sample cards in French, Arabic and Darija, for previews, benchmarks and tests.

use crate::Card;

/// One card per language the association works in: `("fr", …)`, `("ar", …)` and `("ary", …)`
/// (Darija), with the texts a real certificate carries.
pub fn sample_cards() -> Vec<(&'static str, Card)> {
    let code = "7KQ2-M4XD-9PRT-B3WZ";
    let url = format!("https://tatwir.example/v/{code}");
    vec![
        (
            "fr",
            Card {
                right_to_left: false,
                heading: "Certificat".to_owned(),
                holder: "Fatima Zahra Benali".to_owned(),
                statement: "a réussi le parcours".to_owned(),
                track: "Premiers secours".to_owned(),
                lines: vec![
                    "Délivré le 2 décembre 2026".to_owned(),
                    "Valable jusqu’au 2 décembre 2028".to_owned(),
                    format!("Code\u{a0}: {code}"),
                ],
                issuer: "Tatwir · Tanger".to_owned(),
                qr_payload: url.clone(),
                qr_caption: "Vérifier ce certificat".to_owned(),
            },
        ),
        (
            "ar",
            Card {
                right_to_left: true,
                heading: "شهادة".to_owned(),
                holder: "فاطمة الزهراء بنعلي".to_owned(),
                statement: "أتمّت بنجاح مسار".to_owned(),
                track: "الإسعافات الأولية".to_owned(),
                lines: vec![
                    "صدرت في 2 دجنبر 2026".to_owned(),
                    "صالحة إلى غاية 2 دجنبر 2028".to_owned(),
                    format!("الرمز: {code}"),
                ],
                // Starts with a Latin word: the paragraph must still start on the right.
                issuer: "Tatwir · طنجة".to_owned(),
                qr_payload: url.clone(),
                qr_caption: "تحقّق من هذه الشهادة".to_owned(),
            },
        ),
        (
            "ary",
            Card {
                right_to_left: true,
                heading: "شهادة".to_owned(),
                holder: "يوسف أمزيان".to_owned(),
                statement: "كمّل بنجاح المسار ديال".to_owned(),
                track: "الإسعافات الأولية".to_owned(),
                lines: vec![
                    "تعطات نهار 2 دجنبر 2026".to_owned(),
                    "صالحة حتى ل 2 دجنبر 2028".to_owned(),
                    format!("الكود: {code}"),
                ],
                issuer: "تطوير · طنجة".to_owned(),
                qr_payload: url,
                qr_caption: "تأكّد من هاد الشهادة".to_owned(),
            },
        ),
    ]
}
