//! Reading the quality label's criteria and charter: `label.toml` beside the toolbox folders
//! (format in `content/README.md`). A pack without the file grants no label.

use crate::certificate::texts;
use crate::problem::*;
use crate::toolbox::File;
use std::collections::BTreeMap;
use std::path::Path;
use tatwir_core::content::{
    CertificateTrack, Charter, CharterText, CriterionRule, LabelCriterion, LabelRules, Translations, digest,
};
use tatwir_core::language::Language;

/// The file of a pack that declares the label.
pub const LABEL_FILE: &str = "label.toml";

/// The longest a label may stay valid, and the longest window of activity: five years.
pub const MAX_MONTHS: i64 = 60;

/// The most people or meetings a criterion may ask for.
pub const MAX_COUNT: i64 = 1000;

/// The criteria's kinds, as `label.toml` writes them.
const KINDS: &[&str] = &[
    "managers_certified",
    "active_volunteers_certified",
    "members_certified",
    "charter_adopted",
    "meetings_attended",
];

/// The label under `dir`, checked against the tracks read; `None` without `label.toml` (or
/// with problems, which are added to `problems`).
pub(crate) fn read_label(dir: &Path, tracks: &[CertificateTrack], problems: &mut Vec<Problem>) -> Option<LabelRules> {
    let path = dir.join(LABEL_FILE);
    if !path.exists() {
        return None;
    }
    let mut file = File::new(path);
    let rules = read(&mut file, tracks);
    let clean = file.problems.is_empty();
    problems.append(&mut file.problems);
    rules.filter(|_| clean)
}

fn read(file: &mut File, tracks: &[CertificateTrack]) -> Option<LabelRules> {
    let text = file.read()?;
    let root = file.parse(&text)?;
    let top = 0..0;
    file.only(&root, &["valid_months", "window_months", "criterion", "charter"], "");
    let months = |file: &mut File, field: &str| {
        let value = file.required(&root, field, &top, "")?;
        let months = file.integer(value, || field.to_owned())?;
        if (1..=MAX_MONTHS).contains(&months) {
            u32::try_from(months).ok()
        } else {
            file.at(
                &value.span(),
                Defect::NumberOutOfRange {
                    field: field.to_owned(),
                    value: months,
                    min: 1,
                    max: MAX_MONTHS,
                },
            );
            None
        }
    };
    let valid_months = months(file, "valid_months");
    let window_months = months(file, "window_months");
    let mut criteria: Vec<LabelCriterion> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    match root.get("criterion") {
        Some(value) => {
            for (table, span) in file.tables(value, "criterion") {
                let Some((criterion, line)) = read_criterion(file, table, &span, tracks) else {
                    continue;
                };
                if let Some(first_line) = seen.get(&criterion.id) {
                    file.problems.push(Problem {
                        file: file.path.clone(),
                        line: Some(line),
                        defect: Defect::DuplicateCriterion {
                            id: criterion.id.clone(),
                            first_line: *first_line,
                        },
                    });
                    continue;
                }
                seen.insert(criterion.id.clone(), line);
                criteria.push(criterion);
            }
            if criteria.is_empty() && file.problems.is_empty() {
                file.at(&value.span(), Defect::NoCriteria);
            }
        }
        None => file.at(&top, Defect::NoCriteria),
    }
    let charter = read_charter(file, &root);
    if !file.problems.is_empty() {
        return None;
    }
    Some(LabelRules {
        valid_months: valid_months?,
        window_months: window_months?,
        criteria,
        charter: charter?,
    })
}

fn read_criterion(
    file: &mut File,
    table: &toml::de::DeTable<'_>,
    span: &std::ops::Range<usize>,
    tracks: &[CertificateTrack],
) -> Option<(LabelCriterion, usize)> {
    let line = file.line(span);
    let id = file.required(table, "id", span, "criterion.").and_then(|value| {
        let id = file.string(value, || "criterion.id".to_owned())?;
        file.id(&id, &value.span());
        Some(id)
    });
    let kind = file.required(table, "kind", span, "criterion.").and_then(|value| {
        let kind = file.string(value, || "criterion.kind".to_owned())?;
        if KINDS.contains(&kind.as_str()) {
            Some(kind)
        } else {
            file.at(&value.span(), Defect::UnknownCriterionKind { value: kind });
            None
        }
    });
    let kind = kind?;
    let fields: &[&str] = match kind.as_str() {
        "managers_certified" | "members_certified" => &["id", "kind", "track", "at_least"],
        "active_volunteers_certified" => &["id", "kind", "track", "percent"],
        "meetings_attended" => &["id", "kind", "at_least"],
        _ => &["id", "kind"],
    };
    file.only(table, fields, "criterion.");
    let number = |file: &mut File, field: &str, max: i64| {
        let value = file.required(table, field, span, "criterion.")?;
        let n = file.integer(value, || format!("criterion.{field}"))?;
        if (1..=max).contains(&n) {
            u32::try_from(n).ok()
        } else {
            file.at(
                &value.span(),
                Defect::NumberOutOfRange {
                    field: format!("criterion.{field}"),
                    value: n,
                    min: 1,
                    max,
                },
            );
            None
        }
    };
    let track = |file: &mut File| {
        let value = file.required(table, "track", span, "criterion.")?;
        let track = file.string(value, || "criterion.track".to_owned())?;
        if tracks.iter().any(|known| known.id == track) {
            Some(track)
        } else {
            file.at(&value.span(), Defect::UnknownTrack { id: track });
            None
        }
    };
    let rule = match kind.as_str() {
        "managers_certified" => {
            let (track, at_least) = (track(file), number(file, "at_least", MAX_COUNT));
            CriterionRule::ManagersCertified {
                track: track?,
                at_least: at_least?,
            }
        }
        "members_certified" => {
            let (track, at_least) = (track(file), number(file, "at_least", MAX_COUNT));
            CriterionRule::MembersCertified {
                track: track?,
                at_least: at_least?,
            }
        }
        "active_volunteers_certified" => {
            let (track, percent) = (track(file), number(file, "percent", 100));
            CriterionRule::ActiveVolunteersCertified {
                track: track?,
                percent: percent?,
            }
        }
        "meetings_attended" => CriterionRule::MeetingsAttended {
            at_least: number(file, "at_least", MAX_COUNT)?,
        },
        _ => CriterionRule::CharterAdopted,
    };
    Some((LabelCriterion { id: id?, rule }, line))
}

/// `[charter.title]` and `[charter.text]`, each in every language.
fn read_charter(file: &mut File, root: &toml::de::DeTable<'_>) -> Option<Charter> {
    let value = file.required(root, "charter", &(0..0), "")?;
    let table = file.table(value, || "charter".to_owned())?;
    file.only(table, &["title", "text"], "charter.");
    let anchor = value.span();
    let titles = texts(file, table, "title", TextKind::Title, "charter.", &anchor);
    let bodies = texts(file, table, "text", TextKind::Charter, "charter.", &anchor);
    let mut by_language = BTreeMap::new();
    for language in Language::ALL {
        let (Some(title), Some(text)) = (titles.get(&language), bodies.get(&language)) else {
            return None;
        };
        by_language.insert(
            language,
            CharterText {
                title: title.clone(),
                text: text.clone(),
            },
        );
    }
    let texts = Translations { by_language };
    Some(Charter {
        version: digest(&texts),
        texts,
    })
}
