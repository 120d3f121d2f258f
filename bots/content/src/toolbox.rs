//! Reading a toolbox folder's structure file: materials, lessons, media and questions.

use crate::problem::*;
use crate::texts::*;
use crate::warning::*;
use crate::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use tatwir_core::content::{
    Lesson, LessonMedia, LessonText, Material, PartImage, Question, QuestionKind, QuestionText, Toolbox,
    ToolboxAudience, ToolboxText, Translations, digest, limits,
};
use tatwir_core::language::Language;
use tatwir_core::message::{MediaKind, MediaSource};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One file being read: its path, where its lines start, what is wrong with it and what is
/// worth a second look.
pub(crate) struct File {
    pub(crate) path: PathBuf,
    pub(crate) line_starts: Vec<usize>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) warnings: Vec<Warning>,
    /// Whether its texts are Darija, whose script is checked.
    pub(crate) darija: bool,
}

impl File {
    pub(crate) fn new(path: PathBuf) -> Self {
        File {
            path,
            line_starts: vec![0],
            problems: Vec::new(),
            warnings: Vec::new(),
            darija: false,
        }
    }

    /// Reads the file's text, or records why it cannot be read.
    pub(crate) fn read(&mut self) -> Option<String> {
        let file = match std::fs::File::open(&self.path) {
            Ok(file) => file,
            Err(_) => {
                self.whole(Defect::Unreadable);
                return None;
            }
        };
        let mut bytes = Vec::new();
        if file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).is_err() {
            self.whole(Defect::Unreadable);
            return None;
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            self.whole(Defect::FileTooLarge {
                max_bytes: MAX_FILE_BYTES,
            });
            return None;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            self.whole(Defect::NotUtf8);
            return None;
        };
        self.line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Some(text)
    }

    pub(crate) fn parse<'i>(&mut self, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(table) => Some(table.into_inner()),
            Err(error) => {
                let defect = Defect::Syntax {
                    detail: error.message().to_owned(),
                };
                match error.span() {
                    Some(span) => self.at(&span, defect),
                    None => self.problems.push(Problem {
                        file: self.path.clone(),
                        line: Some(1),
                        defect,
                    }),
                }
                None
            }
        }
    }

    pub(crate) fn line(&self, span: &Range<usize>) -> usize {
        self.line_starts.partition_point(|&start| start <= span.start).max(1)
    }

    pub(crate) fn at(&mut self, span: &Range<usize>, defect: Defect) {
        let line = self.line(span);
        self.problems.push(Problem {
            file: self.path.clone(),
            line: Some(line),
            defect,
        });
    }

    pub(crate) fn whole(&mut self, defect: Defect) {
        self.problems.push(Problem {
            file: self.path.clone(),
            line: None,
            defect,
        });
    }

    /// Reports keys of `table` not in `known`.
    pub(crate) fn only(&mut self, table: &DeTable<'_>, known: &[&str], prefix: &str) {
        for key in table.keys() {
            let name: &str = key.get_ref();
            if !known.contains(&name) {
                let field = format!("{prefix}{}", key.get_ref());
                self.at(&key.span(), Defect::UnknownField { field });
            }
        }
    }

    /// A required value; a missing one is reported on `anchor`'s line.
    pub(crate) fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        anchor: &Range<usize>,
        prefix: &str,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = table.get(key);
        if value.is_none() {
            self.at(
                anchor,
                Defect::MissingField {
                    field: format!("{prefix}{key}"),
                },
            );
        }
        value
    }

    pub(crate) fn wrong_type(&mut self, value: &Spanned<DeValue<'_>>, field: String) {
        self.at(&value.span(), Defect::WrongType { field });
    }

    pub(crate) fn string(&mut self, value: &Spanned<DeValue<'_>>, field: impl FnOnce() -> String) -> Option<String> {
        match value.get_ref().as_str() {
            Some(text) => Some(text.to_owned()),
            None => {
                self.wrong_type(value, field());
                None
            }
        }
    }

    pub(crate) fn integer(&mut self, value: &Spanned<DeValue<'_>>, field: impl FnOnce() -> String) -> Option<i64> {
        let parsed = value
            .get_ref()
            .as_integer()
            .and_then(|n| i64::from_str_radix(n.as_str(), n.radix()).ok());
        if parsed.is_none() {
            self.wrong_type(value, field());
        }
        parsed
    }

    /// An array whose items are all strings, each with its span.
    pub(crate) fn strings(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        field: impl Fn() -> String,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(value, field());
            return None;
        };
        let mut items = Vec::new();
        for item in array.iter() {
            items.push((self.string(item, &field)?, item.span()));
        }
        Some(items)
    }

    pub(crate) fn table<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        field: impl FnOnce() -> String,
    ) -> Option<&'t DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(value, field());
        }
        table
    }

    /// The items of an array of tables (`[[lesson]]`), each with its span.
    pub(crate) fn tables<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        field: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(value, field.to_owned());
            return Vec::new();
        };
        array
            .iter()
            .filter_map(|item| match item.get_ref().as_table() {
                Some(table) => Some((table, item.span())),
                None => {
                    self.wrong_type(item, field.to_owned());
                    None
                }
            })
            .collect()
    }

    /// Checks a text for emptiness and length (in characters), and a Darija text's script.
    pub(crate) fn text(&mut self, text: &str, span: &Range<usize>, kind: TextKind) {
        if self.darija {
            let line = self.line(span);
            for concern in darija_script(text, kind) {
                self.warnings.push(Warning {
                    file: self.path.clone(),
                    line,
                    concern,
                });
            }
        }
        if text.trim().is_empty() {
            self.at(span, Defect::EmptyText { kind });
            return;
        }
        let length = text.chars().count();
        let max = kind.max_chars();
        if length > max {
            self.at(span, Defect::TextTooLong { kind, max, length });
        }
    }

    pub(crate) fn id(&mut self, id: &str, span: &Range<usize>) {
        if !valid_id(id) {
            self.at(span, Defect::BadId { id: id.to_owned() });
        }
    }

    pub(crate) fn url(&mut self, url: &str, span: &Range<usize>) {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap_or_default();
        if rest.is_empty() || url.chars().any(char::is_whitespace) {
            self.at(span, Defect::BadUrl { url: url.to_owned() });
        }
    }
}

/// What `toolbox.toml` declares about a lesson.
pub(crate) struct LessonDecl {
    pub(crate) id: String,
    pub(crate) parts: Option<usize>,
    /// Whether a media is declared (even a defective one).
    pub(crate) has_media: bool,
    pub(crate) materials: Vec<String>,
    pub(crate) media: Option<LessonMedia>,
    /// The media as written (a relative file), for the version digest.
    pub(crate) media_written: Option<(MediaKind, MediaSource)>,
    /// The parts (0-based) that declare an image (even a defective one), whose captions each
    /// language must give.
    pub(crate) image_parts: BTreeSet<usize>,
    pub(crate) images: Vec<PartImage>,
    /// The images as written (part, relative file), for the version digest.
    pub(crate) images_written: Vec<(usize, PathBuf)>,
    pub(crate) questions: Vec<QuestionDecl>,
}

pub(crate) struct QuestionDecl {
    pub(crate) id: String,
    /// The line of its id in `toolbox.toml`.
    pub(crate) line: usize,
    pub(crate) kind: QuestionKind,
    pub(crate) options: Option<usize>,
    pub(crate) correct: Vec<usize>,
}

/// A toolbox, the file it is declared in and the line of its id.
pub(crate) type Found = (Toolbox, PathBuf, usize);

/// What one toolbox folder gave: the toolbox when it could be read, its problems, its
/// warnings, and the shape of its multiple-answer questions (checked across the whole pack).
#[derive(Default)]
pub(crate) struct FolderRead {
    pub(crate) found: Option<Found>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) shapes: Vec<AnswerShape>,
}

impl FolderRead {
    fn failed(problems: Vec<Problem>) -> Self {
        FolderRead {
            problems,
            ..FolderRead::default()
        }
    }
}

pub(crate) fn read_toolbox(folder: &Path) -> FolderRead {
    let path = folder.join(TOOLBOX_FILE);
    if !path.exists() {
        let problem = Problem {
            file: folder.to_path_buf(),
            line: None,
            defect: Defect::MissingToolboxFile,
        };
        return FolderRead::failed(vec![problem]);
    }
    let mut file = File::new(path);
    let Some(text) = file.read() else {
        return FolderRead::failed(file.problems);
    };
    let Some(root) = file.parse(&text) else {
        return FolderRead::failed(file.problems);
    };
    let top = 0..0;
    file.only(&root, &["id", "audience", "position", "material", "lesson"], "");
    let mut id_line = 1;
    let id = match file.required(&root, "id", &top, "") {
        Some(value) => {
            id_line = file.line(&value.span());
            let id = file.string(value, || "id".to_owned());
            if let Some(id) = &id {
                file.id(id, &value.span());
            }
            id
        }
        None => None,
    };
    let audience = file.required(&root, "audience", &top, "").and_then(|value| {
        let text = file.string(value, || "audience".to_owned())?;
        let audience = match text.as_str() {
            "volunteer" => Some(ToolboxAudience::Volunteer),
            "manager" => Some(ToolboxAudience::Manager),
            "both" => Some(ToolboxAudience::Both),
            _ => None,
        };
        if audience.is_none() {
            file.at(&value.span(), Defect::UnknownAudience { value: text });
        }
        audience
    });
    let position = file
        .required(&root, "position", &top, "")
        .and_then(|value| file.integer(value, || "position".to_owned()));
    let (materials, declared) = match root.get("material") {
        Some(value) => read_materials(&mut file, value),
        None => (Vec::new(), BTreeSet::new()),
    };
    let material_ids: BTreeSet<&str> = declared.iter().map(String::as_str).collect();
    let lessons = match file.required(&root, "lesson", &top, "") {
        Some(value) => read_lessons(&mut file, value, folder, &material_ids),
        None => Vec::new(),
    };

    let mut problems = std::mem::take(&mut file.problems);
    let mut warnings = std::mem::take(&mut file.warnings);
    let shapes = lessons
        .iter()
        .flat_map(|lesson| &lesson.questions)
        .filter(|question| question.kind == QuestionKind::Multiple && !question.correct.is_empty())
        .filter_map(|question| {
            Some(AnswerShape {
                file: file.path.clone(),
                line: question.line,
                correct: question.correct.len(),
                options: question.options?,
            })
        })
        .collect();
    let mut texts = BTreeMap::new();
    let mut lesson_texts: Vec<BTreeMap<Language, LessonText>> = lessons.iter().map(|_| BTreeMap::new()).collect();
    let mut question_texts: Vec<Vec<BTreeMap<Language, QuestionText>>> = lessons
        .iter()
        .map(|lesson| lesson.questions.iter().map(|_| BTreeMap::new()).collect())
        .collect();
    for language in Language::ALL {
        let path = folder.join(format!("{}.toml", language.code()));
        if !path.exists() {
            problems.push(Problem {
                file: path,
                line: None,
                defect: Defect::MissingLanguageFile { language },
            });
            continue;
        }
        let mut file = File::new(path);
        file.darija = language == Language::Ary;
        if let Some(text) = file.read()
            && let Some(root) = file.parse(&text)
        {
            let read = read_language(&mut file, &root, &lessons);
            if let Some((toolbox, lessons, questions)) = read {
                texts.insert(language, toolbox);
                for (i, text) in lessons.into_iter().enumerate() {
                    if let Some(text) = text {
                        lesson_texts[i].insert(language, text);
                    }
                }
                for (i, lesson) in questions.into_iter().enumerate() {
                    for (j, text) in lesson.into_iter().enumerate() {
                        if let Some(text) = text {
                            question_texts[i][j].insert(language, text);
                        }
                    }
                }
            }
        }
        problems.append(&mut file.problems);
        warnings.append(&mut file.warnings);
    }

    let (Some(id), Some(audience), Some(position)) = (id, audience, position) else {
        return FolderRead {
            found: None,
            problems,
            warnings,
            shapes,
        };
    };
    if texts.is_empty() {
        return FolderRead {
            found: None,
            problems,
            warnings,
            shapes,
        };
    }
    let lessons = lessons
        .into_iter()
        .zip(lesson_texts)
        .zip(question_texts)
        .filter(|((_, texts), _)| !texts.is_empty())
        .map(|((decl, texts), question_texts)| {
            let questions: Vec<Question> = decl
                .questions
                .into_iter()
                .zip(question_texts)
                .filter(|(_, texts)| !texts.is_empty())
                .map(|(question, texts)| Question {
                    id: question.id,
                    kind: question.kind,
                    correct: question.correct,
                    texts: Translations { by_language: texts },
                })
                .collect();
            let texts = Translations { by_language: texts };
            // A lesson without part images keeps the version it had before they existed.
            let version = if decl.images_written.is_empty() {
                digest(&(&decl.id, &decl.materials, &decl.media_written, &questions, &texts))
            } else {
                digest(&(
                    &decl.id,
                    &decl.materials,
                    &decl.media_written,
                    &decl.images_written,
                    &questions,
                    &texts,
                ))
            };
            Lesson {
                id: decl.id,
                version,
                materials: decl.materials,
                media: decl.media,
                images: decl.images,
                questions,
                texts,
            }
        })
        .collect();
    let toolbox = Toolbox {
        id,
        audience,
        position,
        materials,
        lessons,
        texts: Translations { by_language: texts },
    };
    let file = folder.join(TOOLBOX_FILE);
    FolderRead {
        found: Some((toolbox, file, id_line)),
        problems,
        warnings,
        shapes,
    }
}

/// The complete materials, and the ids of all declared ones (even incomplete).
pub(crate) fn read_materials(file: &mut File, value: &Spanned<DeValue<'_>>) -> (Vec<Material>, BTreeSet<String>) {
    let mut materials = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (table, span) in file.tables(value, "material") {
        file.only(table, &["id", "title", "source", "url", "licence"], "material.");
        let mut field = |key: &str| {
            let value = file.required(table, key, &span, "material.")?;
            let text = file.string(value, || format!("material.{key}"))?;
            Some((text, value.span()))
        };
        let id = field("id");
        let title = field("title");
        let source = field("source");
        let licence = field("licence");
        let url = table.get("url").and_then(|value| {
            let url = file.string(value, || "material.url".to_owned())?;
            file.url(&url, &value.span());
            Some(url)
        });
        for (text, span) in [&title, &source, &licence].into_iter().flatten() {
            file.text(text, span, TextKind::Reference);
        }
        let Some((id, id_span)) = id else { continue };
        file.id(&id, &id_span);
        let line = file.line(&id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateMaterial { id, first_line });
            continue;
        }
        seen.insert(id.clone(), line);
        if let (Some((title, _)), Some((source, _)), Some((licence, _))) = (title, source, licence) {
            materials.push(Material {
                id,
                title,
                source,
                url,
                licence,
            });
        }
    }
    let declared = seen.into_keys().collect();
    (materials, declared)
}

pub(crate) fn read_lessons(
    file: &mut File,
    value: &Spanned<DeValue<'_>>,
    folder: &Path,
    materials: &BTreeSet<&str>,
) -> Vec<LessonDecl> {
    let mut lessons = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (table, span) in file.tables(value, "lesson") {
        file.only(
            table,
            &["id", "parts", "materials", "media", "images", "question"],
            "lesson.",
        );
        let Some(id_value) = file.required(table, "id", &span, "lesson.") else {
            continue;
        };
        let Some(id) = file.string(id_value, || "lesson.id".to_owned()) else {
            continue;
        };
        let id_span = id_value.span();
        file.id(&id, &id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateLesson { id, first_line });
            continue;
        }
        seen.insert(id.clone(), file.line(&id_span));
        let parts = file.required(table, "parts", &span, "lesson.").and_then(|value| {
            let parts = file.integer(value, || "lesson.parts".to_owned())?;
            let range = number(limits::MIN_PARTS)..=number(limits::MAX_PARTS);
            if !range.contains(&parts) {
                file.at(&value.span(), Defect::PartsOutOfRange { parts });
                return None;
            }
            usize::try_from(parts).ok()
        });
        let mut lesson_materials = Vec::new();
        if let Some(value) = table.get("materials")
            && let Some(items) = file.strings(value, || "lesson.materials".to_owned())
        {
            for (material, span) in items {
                if !materials.contains(material.as_str()) {
                    file.at(&span, Defect::UnknownMaterial { id: material.clone() });
                }
                lesson_materials.push(material);
            }
        }
        let (media, media_written) = match table.get("media") {
            Some(value) => read_media(file, value, folder),
            None => (None, None),
        };
        let images = match table.get("images") {
            Some(value) => read_images(file, value, folder, parts),
            None => ImagesRead::default(),
        };
        let questions = match file.required(table, "question", &span, "lesson.") {
            Some(value) => read_questions(file, value, &id_span),
            None => Vec::new(),
        };
        lessons.push(LessonDecl {
            id,
            parts,
            has_media: table.get("media").is_some(),
            materials: lesson_materials,
            media,
            media_written,
            image_parts: images.parts,
            images: images.images,
            images_written: images.written,
            questions,
        });
    }
    lessons
}

pub(crate) type MediaRead = (Option<LessonMedia>, Option<(MediaKind, MediaSource)>);

pub(crate) fn read_media(file: &mut File, value: &Spanned<DeValue<'_>>, folder: &Path) -> MediaRead {
    let Some(table) = file.table(value, || "lesson.media".to_owned()) else {
        return (None, None);
    };
    let span = value.span();
    file.only(table, &["kind", "file", "url"], "lesson.media.");
    let kind = file.required(table, "kind", &span, "lesson.media.").and_then(|value| {
        let text = file.string(value, || "lesson.media.kind".to_owned())?;
        let kind = match text.as_str() {
            "image" => Some(MediaKind::Image),
            "video" => Some(MediaKind::Video),
            "document" => Some(MediaKind::Document),
            _ => None,
        };
        if kind.is_none() {
            file.at(&value.span(), Defect::UnknownMediaKind { value: text });
        }
        kind
    });
    let local = table
        .get("file")
        .and_then(|value| Some((file.string(value, || "lesson.media.file".to_owned())?, value.span())));
    let url = table
        .get("url")
        .and_then(|value| Some((file.string(value, || "lesson.media.url".to_owned())?, value.span())));
    let (source, written) = match (local, url) {
        (Some(_), Some(_)) => {
            file.at(&span, Defect::MediaBothSources);
            return (None, None);
        }
        (None, None) => {
            if table.get("file").is_none() && table.get("url").is_none() {
                file.at(&span, Defect::MediaNoSource);
            }
            return (None, None);
        }
        (None, Some((url, url_span))) => {
            file.url(&url, &url_span);
            (MediaSource::Url(url.clone()), MediaSource::Url(url))
        }
        (Some((relative, file_span)), None) => {
            let Some(absolute) = media_file(file, folder, &relative, &file_span) else {
                return (None, None);
            };
            (MediaSource::File(absolute), MediaSource::File(PathBuf::from(relative)))
        }
    };
    match kind {
        Some(kind) => (Some(LessonMedia { kind, source }), Some((kind, written))),
        None => (None, None),
    }
}

/// A lesson's part images: the parts that declare one, those that could be read, and how
/// they were written.
#[derive(Default)]
pub(crate) struct ImagesRead {
    pub(crate) parts: BTreeSet<usize>,
    pub(crate) images: Vec<PartImage>,
    pub(crate) written: Vec<(usize, PathBuf)>,
}

/// `images = [{ part = 2, file = "media/x.png" }, …]`: at most one image per part, a file
/// inside the toolbox folder.
pub(crate) fn read_images(
    file: &mut File,
    value: &Spanned<DeValue<'_>>,
    folder: &Path,
    parts: Option<usize>,
) -> ImagesRead {
    let prefix = "lesson.images.";
    let mut read = ImagesRead::default();
    let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
    for (table, span) in file.tables(value, "lesson.images") {
        file.only(table, &["part", "file"], prefix);
        let part = file.required(table, "part", &span, prefix).and_then(|value| {
            let part = file.integer(value, || format!("{prefix}part"))?;
            let max = parts.unwrap_or(limits::MAX_PARTS);
            if part < 1 || part > number(max) {
                file.at(
                    &value.span(),
                    Defect::ImagePartOutOfRange {
                        part,
                        parts: number(max),
                    },
                );
                return None;
            }
            let line = file.line(&value.span());
            let part = usize::try_from(part - 1).ok()?;
            if let Some(&first_line) = seen.get(&part) {
                file.at(
                    &value.span(),
                    Defect::DuplicateImage {
                        part: number(part + 1),
                        first_line,
                    },
                );
                return None;
            }
            seen.insert(part, line);
            Some(part)
        });
        let local = file
            .required(table, "file", &span, prefix)
            .and_then(|value| Some((file.string(value, || format!("{prefix}file"))?, value.span())));
        let Some(part) = part else { continue };
        read.parts.insert(part);
        let Some((relative, file_span)) = local else {
            continue;
        };
        let Some(absolute) = media_file(file, folder, &relative, &file_span) else {
            continue;
        };
        read.images.push(PartImage {
            part,
            source: MediaSource::File(absolute),
        });
        read.written.push((part, PathBuf::from(relative)));
    }
    read.images.sort_by_key(|image| image.part);
    read.written.sort();
    read
}

/// The absolute path of a media file, which must be a file inside the toolbox folder.
pub(crate) fn media_file(file: &mut File, folder: &Path, relative: &str, span: &Range<usize>) -> Option<PathBuf> {
    let joined = folder.join(relative);
    if relative.trim().is_empty() || !joined.is_file() {
        file.at(
            span,
            Defect::MediaFileMissing {
                file: relative.to_owned(),
            },
        );
        return None;
    }
    let (Ok(absolute), Ok(root)) = (joined.canonicalize(), folder.canonicalize()) else {
        file.at(
            span,
            Defect::MediaFileMissing {
                file: relative.to_owned(),
            },
        );
        return None;
    };
    if !absolute.starts_with(&root) {
        file.at(
            span,
            Defect::MediaOutsideToolbox {
                file: relative.to_owned(),
            },
        );
        return None;
    }
    Some(absolute)
}

pub(crate) fn read_questions(
    file: &mut File,
    value: &Spanned<DeValue<'_>>,
    lesson_span: &Range<usize>,
) -> Vec<QuestionDecl> {
    let mut questions = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let prefix = "lesson.question.";
    let items = file.tables(value, "lesson.question");
    if items.len() < limits::MIN_QUESTIONS {
        file.at(lesson_span, Defect::TooFewQuestions { questions: items.len() });
    }
    for (table, span) in items {
        file.only(table, &["id", "kind", "options", "correct"], prefix);
        let Some(id_value) = file.required(table, "id", &span, prefix) else {
            continue;
        };
        let Some(id) = file.string(id_value, || format!("{prefix}id")) else {
            continue;
        };
        let id_span = id_value.span();
        file.id(&id, &id_span);
        if let Some(&first_line) = seen.get(&id) {
            file.at(&id_span, Defect::DuplicateQuestion { id, first_line });
            continue;
        }
        seen.insert(id.clone(), file.line(&id_span));
        let kind = file.required(table, "kind", &span, prefix).and_then(|value| {
            let text = file.string(value, || format!("{prefix}kind"))?;
            let kind = match text.as_str() {
                "single" => Some(QuestionKind::Single),
                "multiple" => Some(QuestionKind::Multiple),
                _ => None,
            };
            if kind.is_none() {
                file.at(&value.span(), Defect::UnknownQuestionKind { value: text });
            }
            kind
        });
        let options = file.required(table, "options", &span, prefix).and_then(|value| {
            let options = file.integer(value, || format!("{prefix}options"))?;
            let range = number(limits::MIN_OPTIONS)..=number(limits::MAX_OPTIONS);
            if !range.contains(&options) {
                file.at(&value.span(), Defect::OptionsOutOfRange { options });
                return None;
            }
            usize::try_from(options).ok()
        });
        let mut correct = Vec::new();
        if let Some(value) = file.required(table, "correct", &span, prefix)
            && let Some(array) = value.get_ref().as_array()
        {
            if array.is_empty() {
                file.at(&value.span(), Defect::CorrectEmpty);
            }
            let mut answers = BTreeSet::new();
            for item in array.iter() {
                let Some(answer) = file.integer(item, || format!("{prefix}correct")) else {
                    continue;
                };
                if let Some(options) = options
                    && (answer < 1 || answer > number(options))
                {
                    file.at(
                        &item.span(),
                        Defect::CorrectOutOfRange {
                            answer,
                            options: number(options),
                        },
                    );
                    continue;
                }
                if !answers.insert(answer) {
                    file.at(&item.span(), Defect::CorrectDuplicated { answer });
                }
            }
            if kind == Some(QuestionKind::Single) && answers.len() > 1 {
                file.at(
                    &value.span(),
                    Defect::SingleWithSeveralCorrect { correct: answers.len() },
                );
            }
            correct = answers
                .into_iter()
                .filter_map(|answer| usize::try_from(answer - 1).ok())
                .collect();
        } else if let Some(value) = table.get("correct") {
            file.wrong_type(value, format!("{prefix}correct"));
        }
        questions.push(QuestionDecl {
            id,
            line: file.line(&id_span),
            kind: kind.unwrap_or(QuestionKind::Single),
            options,
            correct,
        });
    }
    questions
}

/// The texts of one language: the toolbox's, each lesson's and each question's (in
/// declaration order; `None` where missing or defective).
pub(crate) type LanguageTexts = (ToolboxText, Vec<Option<LessonText>>, Vec<Vec<Option<QuestionText>>>);
