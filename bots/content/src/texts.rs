//! Reading a toolbox's text file in one language against its structure.

use crate::problem::*;
use crate::toolbox::*;
use std::collections::BTreeMap;
use std::ops::Range;
use tatwir_core::content::{LessonText, QuestionText, ToolboxText};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub(crate) fn read_language(file: &mut File, root: &DeTable<'_>, lessons: &[LessonDecl]) -> Option<LanguageTexts> {
    file.only(root, &["title", "summary", "lesson"], "");
    let toolbox_text = |file: &mut File, key: &str, kind: TextKind| match root.get(key) {
        Some(value) => {
            let text = file.string(value, || key.to_owned())?;
            file.text(&text, &value.span(), kind);
            Some(text)
        }
        None => {
            file.whole(Defect::MissingToolboxText { field: key.to_owned() });
            None
        }
    };
    let title = toolbox_text(file, "title", TextKind::Title);
    let summary = toolbox_text(file, "summary", TextKind::Summary);
    let empty = DeTable::default();
    let lesson_table = match root.get("lesson") {
        Some(value) => file.table(value, || "lesson".to_owned()).unwrap_or(&empty),
        None => &empty,
    };
    for key in lesson_table.keys() {
        if !lessons.iter().any(|lesson| *lesson.id == **key.get_ref()) {
            file.at(
                &key.span(),
                Defect::UndeclaredLesson {
                    lesson: key.get_ref().to_string(),
                },
            );
        }
    }
    let mut lesson_texts = Vec::new();
    let mut question_texts = Vec::new();
    for lesson in lessons {
        let Some((key, value)) = lesson_table.get_key_value(lesson.id.as_str()) else {
            file.whole(Defect::MissingLessonText {
                lesson: lesson.id.clone(),
            });
            lesson_texts.push(None);
            question_texts.push(lesson.questions.iter().map(|_| None).collect());
            continue;
        };
        let (text, questions) = read_lesson_text(file, lesson, &key.span(), value);
        lesson_texts.push(text);
        question_texts.push(questions);
    }
    Some((
        ToolboxText {
            title: title?,
            summary: summary?,
        },
        lesson_texts,
        question_texts,
    ))
}

pub(crate) fn read_lesson_text(
    file: &mut File,
    lesson: &LessonDecl,
    anchor: &Range<usize>,
    value: &Spanned<DeValue<'_>>,
) -> (Option<LessonText>, Vec<Option<QuestionText>>) {
    let none = || lesson.questions.iter().map(|_| None).collect();
    let prefix = format!("lesson.{}.", lesson.id);
    let Some(table) = file.table(value, || format!("lesson.{}", lesson.id)) else {
        return (None, none());
    };
    file.only(
        table,
        &["title", "parts", "caption", "image_captions", "question"],
        &prefix,
    );
    let title = file.required(table, "title", anchor, &prefix).and_then(|value| {
        let title = file.string(value, || format!("{prefix}title"))?;
        file.text(&title, &value.span(), TextKind::Title);
        Some(title)
    });
    let parts = file.required(table, "parts", anchor, &prefix).and_then(|value| {
        let parts = file.strings(value, || format!("{prefix}parts"))?;
        if let Some(expected) = lesson.parts
            && parts.len() != expected
        {
            file.at(
                &value.span(),
                Defect::PartsCount {
                    lesson: lesson.id.clone(),
                    expected,
                    found: parts.len(),
                },
            );
        }
        for (part, span) in &parts {
            file.text(part, span, TextKind::Part);
        }
        Some(parts.into_iter().map(|(part, _)| part).collect::<Vec<_>>())
    });
    let caption = match table.get("caption") {
        Some(value) => {
            let caption = file.string(value, || format!("{prefix}caption"));
            if let Some(caption) = &caption {
                file.text(caption, &value.span(), TextKind::Caption);
            }
            if !lesson.has_media {
                file.at(
                    &value.span(),
                    Defect::CaptionWithoutMedia {
                        lesson: lesson.id.clone(),
                    },
                );
            }
            caption
        }
        None => {
            if lesson.has_media {
                file.at(
                    anchor,
                    Defect::CaptionMissing {
                        lesson: lesson.id.clone(),
                    },
                );
            }
            None
        }
    };
    let image_captions = read_image_captions(file, lesson, anchor, table, &prefix);
    let empty = DeTable::default();
    let question_table = match table.get("question") {
        Some(value) => file.table(value, || format!("{prefix}question")).unwrap_or(&empty),
        None => &empty,
    };
    for key in question_table.keys() {
        if !lesson.questions.iter().any(|q| *q.id == **key.get_ref()) {
            file.at(
                &key.span(),
                Defect::UndeclaredQuestion {
                    lesson: lesson.id.clone(),
                    question: key.get_ref().to_string(),
                },
            );
        }
    }
    let questions = lesson
        .questions
        .iter()
        .map(|question| match question_table.get_key_value(question.id.as_str()) {
            Some((key, value)) => read_question_text(file, lesson, question, &key.span(), value),
            None => {
                file.at(
                    anchor,
                    Defect::MissingQuestionText {
                        lesson: lesson.id.clone(),
                        question: question.id.clone(),
                    },
                );
                None
            }
        })
        .collect();
    let text = match (title, parts) {
        (Some(title), Some(parts)) => Some(LessonText {
            title,
            parts,
            caption,
            image_captions,
        }),
        _ => None,
    };
    (text, questions)
}

/// `image_captions = { 2 = "…" }`: the caption of each part image, keyed by its part number
/// (1-based), as many as `toolbox.toml` declares images; returned by 0-based part.
pub(crate) fn read_image_captions(
    file: &mut File,
    lesson: &LessonDecl,
    anchor: &Range<usize>,
    table: &DeTable<'_>,
    prefix: &str,
) -> BTreeMap<usize, String> {
    let empty = DeTable::default();
    let captions = match table.get("image_captions") {
        Some(value) => file
            .table(value, || format!("{prefix}image_captions"))
            .unwrap_or(&empty),
        None => &empty,
    };
    let mut read = BTreeMap::new();
    for (key, value) in captions.iter() {
        let written: &str = key.get_ref();
        let part = written
            .parse::<usize>()
            .ok()
            .and_then(|part| part.checked_sub(1))
            .filter(|part| lesson.image_parts.contains(part));
        let Some(part) = part else {
            file.at(
                &key.span(),
                Defect::ImageCaptionWithoutImage {
                    lesson: lesson.id.clone(),
                    part: written.to_owned(),
                },
            );
            continue;
        };
        let Some(caption) = file.string(value, || format!("{prefix}image_captions.{written}")) else {
            continue;
        };
        file.text(&caption, &value.span(), TextKind::Caption);
        read.insert(part, caption);
    }
    for &part in &lesson.image_parts {
        if !read.contains_key(&part)
            && !captions
                .keys()
                .any(|key| key.get_ref().parse::<usize>().ok() == Some(part + 1))
        {
            file.at(
                anchor,
                Defect::ImageCaptionMissing {
                    lesson: lesson.id.clone(),
                    part: number(part + 1),
                },
            );
        }
    }
    read
}

pub(crate) fn read_question_text(
    file: &mut File,
    lesson: &LessonDecl,
    question: &QuestionDecl,
    anchor: &Range<usize>,
    value: &Spanned<DeValue<'_>>,
) -> Option<QuestionText> {
    let prefix = format!("lesson.{}.question.{}.", lesson.id, question.id);
    let table = file.table(value, || format!("lesson.{}.question.{}", lesson.id, question.id))?;
    file.only(table, &["text", "options", "explanation"], &prefix);
    let single = |file: &mut File, key: &str, kind: TextKind| {
        let value = file.required(table, key, anchor, &prefix)?;
        let text = file.string(value, || format!("{prefix}{key}"))?;
        file.text(&text, &value.span(), kind);
        Some(text)
    };
    let text = single(file, "text", TextKind::Question);
    let explanation = single(file, "explanation", TextKind::Explanation);
    let options = file.required(table, "options", anchor, &prefix).and_then(|value| {
        let options = file.strings(value, || format!("{prefix}options"))?;
        if let Some(expected) = question.options
            && options.len() != expected
        {
            file.at(
                &value.span(),
                Defect::OptionsCount {
                    lesson: lesson.id.clone(),
                    question: question.id.clone(),
                    expected,
                    found: options.len(),
                },
            );
        }
        for (option, span) in &options {
            file.text(option, span, TextKind::Option);
        }
        Some(options.into_iter().map(|(option, _)| option).collect())
    });
    Some(QuestionText {
        text: text?,
        options: options?,
        explanation: explanation?,
    })
}
