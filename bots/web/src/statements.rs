//! Joint statements at a public link, once closed: the final text with the associations that
//! signed it (name, city, who signed and when), as a web page that prints cleanly, as Markdown,
//! and as a printable PDF drawn by tatwir-render. Only a closed statement is public: an open one
//! may still change, so it answers 404 like an unknown number.
//!
//! [`document`], [`markdown`] and [`page`] are pure functions of a [`StatementRecord`], shared by
//! the routes and the command line.

use crate::certificates::{html_response, page_language};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use maud::{Markup, html};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use tatwir_core::campaign::{CampaignStore, Signature, StatementId, StatementRecord};
use tatwir_core::engine::certify::long_date;
use tatwir_core::engine::{Engine, EngineStore};
use tatwir_core::language::Language;
use tatwir_core::locale::Localizer;
use tatwir_core::store::StoreResult;
use tatwir_render::document::{Direction, Document, Signatory};

/// Where the routes read a statement from, and the words they speak. The engine over any store
/// of the cooperation port is one: `routes(engine)` mounts them.
pub trait StatementSource: Send + Sync + 'static {
    fn locales(&self) -> &Localizer;

    fn statement(&self, id: StatementId) -> impl Future<Output = StoreResult<Option<StatementRecord>>> + Send;
}

impl<S> StatementSource for Arc<Engine<S>>
where
    S: EngineStore + CampaignStore + 'static,
{
    fn locales(&self) -> &Localizer {
        Engine::locales(self)
    }

    fn statement(&self, id: StatementId) -> impl Future<Output = StoreResult<Option<StatementRecord>>> + Send {
        CampaignStore::statement(self.store(), id)
    }
}

/// `GET /statements/{id}` (the page), `/statements/{id}.md` and `/statements/{id}.pdf`, read from
/// `source`. HEAD is answered as axum does for GET, without the body.
pub fn routes<S: StatementSource>(source: S) -> Router {
    Router::new()
        .route("/statements/{file}", get(statement_file::<S>))
        .with_state(Arc::new(source))
}

/// The public link of a statement, below the server's public URL.
pub fn path(id: StatementId) -> String {
    format!("/statements/{id}")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Page,
    Markdown,
    Pdf,
}

async fn statement_file<S: StatementSource>(
    State(source): State<Arc<S>>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let lang = page_language(&query, &headers);
    let locales = source.locales();
    let (typed, format) = match (file.strip_suffix(".md"), file.strip_suffix(".pdf")) {
        (Some(id), _) => (id, Format::Markdown),
        (_, Some(id)) => (id, Format::Pdf),
        _ => (file.as_str(), Format::Page),
    };
    let record = match typed.parse::<i64>() {
        Ok(number) if typed.bytes().all(|b| b.is_ascii_digit()) => source.statement(StatementId(number)).await,
        _ => Ok(None),
    };
    let record = match record {
        Ok(Some(record)) if record.statement.closed_at.is_some() => record,
        Ok(_) => {
            return not_found(
                locales,
                lang,
                &format!("/statements/{}", crate::certificates::encode_path(typed)),
            );
        }
        Err(error) => {
            tracing::warn!(%error, "could not read a statement");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let closed_at = record.statement.closed_at.unwrap_or(record.statement.created_at);
    // A closed statement never changes: its number, version and closing time, and the language,
    // name the representation.
    let tag = format!(
        "\"s{}-v{}-{}-{}{}\"",
        record.statement.id,
        record.statement.version,
        closed_at.timestamp(),
        lang.code(),
        match format {
            Format::Page => "",
            Format::Markdown => "-md",
            Format::Pdf => "-pdf",
        }
    );
    if fresh(&headers, &tag, closed_at) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        cache_headers(&mut response, &tag, closed_at);
        return response;
    }
    let mut response = match format {
        Format::Page => (StatusCode::OK, page(&record, lang, locales, &path(record.statement.id))).into_response(),
        Format::Markdown => (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            markdown(&record, lang, locales),
        )
            .into_response(),
        Format::Pdf => {
            let document = document(&record, lang, locales);
            match tokio::task::spawn_blocking(move || tatwir_render::document::pdf(&document)).await {
                Ok(Ok(bytes)) => {
                    let mut response = ([(header::CONTENT_TYPE, "application/pdf")], bytes).into_response();
                    let disposition = format!(
                        "inline; filename=\"statement-{}-{}.pdf\"",
                        record.statement.id,
                        lang.code()
                    );
                    if let Ok(value) = HeaderValue::from_str(&disposition) {
                        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
                    }
                    response
                }
                Ok(Err(error)) => {
                    tracing::warn!(%error, "could not draw a statement");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
                Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
    };
    cache_headers(&mut response, &tag, closed_at);
    response
}

/// Whether the client's copy is the one it would get: `If-None-Match` first, else
/// `If-Modified-Since` (RFC 9110, 13.2.2).
fn fresh(headers: &HeaderMap, tag: &str, modified: DateTime<Utc>) -> bool {
    if let Some(matches) = headers.get(header::IF_NONE_MATCH).and_then(|value| value.to_str().ok()) {
        return matches
            .split(',')
            .map(|candidate| candidate.trim().trim_start_matches("W/"))
            .any(|candidate| candidate == "*" || candidate == tag);
    }
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(|since| DateTime::parse_from_rfc2822(since).ok())
        .is_some_and(|since| modified.timestamp() <= since.timestamp())
}

fn cache_headers(response: &mut Response, tag: &str, modified: DateTime<Utc>) {
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, value);
    }
    let date = modified.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    if let Ok(value) = HeaderValue::from_str(&date) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    // Final words: shared caches may keep them a while, and check back after.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
}

fn not_found(locales: &Localizer, lang: Language, here: &str) -> Response {
    let say = |id: &str| locales.text(lang, id, None);
    let body = html! { div.card { h1 { (say("statement-unknown-title")) } p { (say("statement-unknown")) } } };
    html_response(
        StatusCode::NOT_FOUND,
        crate::certificates::page(locales, lang, &say("statement-unknown-title"), here, body),
    )
}

/// What a reader in `lang` is told about a statement: its words in their language (or the
/// nearest written), and the lines about it.
struct Words<'a> {
    title: &'a str,
    paragraphs: Vec<&'a str>,
    /// The language the title and text are written in, for direction and `lang`.
    written_in: Language,
    meta: Vec<String>,
    heading: String,
    columns: Signatory,
    signatories: Vec<Signatory>,
    footer: String,
}

fn words<'a>(record: &'a StatementRecord, lang: Language, locales: &Localizer) -> Words<'a> {
    let statement = &record.statement;
    let say = |id: &str| locales.text(lang, id, None);
    let number = tatwir_core::args! { "id" => statement.id.0, "version" => i64::from(statement.version) };
    let mut meta = vec![locales.text(lang, "statement-number", Some(&number))];
    if let Some(closed) = statement.closed_at {
        let args = tatwir_core::args! { "date" => long_date(locales, lang, closed) };
        meta.push(locales.text(lang, "statement-closed-on", Some(&args)));
    }
    let signatories: Vec<Signatory> = record
        .signatories()
        .map(|signature: &Signature| Signatory {
            name: signature.association_name.clone(),
            city: signature.city.clone(),
            signer: signature.person_name.clone(),
            date: long_date(locales, lang, signature.at),
        })
        .collect();
    let count = tatwir_core::args! { "count" => signatories.len() as i64 };
    Words {
        title: statement.title.in_language(lang),
        paragraphs: statement
            .text
            .in_language(lang)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect(),
        written_in: statement.text.language_for(lang),
        meta,
        heading: locales.text(lang, "statement-signatories", Some(&count)),
        columns: Signatory {
            name: say("statement-column-association"),
            city: say("statement-column-city"),
            signer: say("statement-column-signer"),
            date: say("statement-column-date"),
        },
        signatories,
        footer: say("statement-footer"),
    }
}

fn direction(lang: Language) -> Direction {
    if lang.is_right_to_left() {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// The printable document of a statement in `lang`, for [`tatwir_render::document::pdf`].
pub fn document(record: &StatementRecord, lang: Language, locales: &Localizer) -> Document {
    let words = words(record, lang, locales);
    Document {
        language: lang.code().to_owned(),
        direction: direction(lang),
        text_direction: direction(words.written_in),
        title: words.title.to_owned(),
        meta: words.meta,
        paragraphs: words.paragraphs.into_iter().map(str::to_owned).collect(),
        signatories_heading: words.heading,
        signatories_header: words.columns,
        signatories: words.signatories,
        footer: words.footer,
    }
}

/// The statement as Markdown: the title as a heading, the text, the signatories as a table.
/// Everything people typed is escaped, so that it reads as the words they typed and never as
/// markup (no link, emphasis, heading, list, table cell or raw HTML of theirs).
pub fn markdown(record: &StatementRecord, lang: Language, locales: &Localizer) -> String {
    let words = words(record, lang, locales);
    let mut out = format!("# {}\n\n", escape_markdown(words.title));
    out.push_str(
        &words
            .meta
            .iter()
            .map(|line| escape_markdown(line))
            .collect::<Vec<_>>()
            .join("  \n"),
    );
    out.push_str("\n\n");
    for paragraph in &words.paragraphs {
        out.push_str(&escape_markdown(paragraph));
        out.push_str("\n\n");
    }
    out.push_str(&format!("## {}\n\n", escape_markdown(&words.heading)));
    if !words.signatories.is_empty() {
        for row in std::iter::once(&words.columns).chain(&words.signatories) {
            let cells = [&row.name, &row.city, &row.signer, &row.date].map(|cell| escape_markdown(cell));
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
            if std::ptr::eq(row, &words.columns) {
                out.push_str("| --- | --- | --- | --- |\n");
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("---\n\n{}\n", escape_markdown(&words.footer)));
    out
}

/// One line of text as Markdown that shows it as typed: each character CommonMark (with GitHub's
/// tables and strikethrough) may read as markup is escaped with a backslash, which any ASCII
/// punctuation may be; a line's start that would open a list or a heading (`-`, `+`, `1.`) is
/// escaped too; line breaks become spaces. Full stops, hyphens and apostrophes elsewhere stay as
/// they are, so that the file reads well as text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Only digits so far: a "." or ")" here would make "1." an ordered list.
    let mut leading_digits = true;
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '|' | '<' | '>' | '~' | '&' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' if leading_digits && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

/// The statement's page in `lang`: the final text, the signatories' table, links to the PDF and
/// the Markdown; `here` is its path, for the language links.
pub fn page(record: &StatementRecord, lang: Language, locales: &Localizer, here: &str) -> Markup {
    let words = words(record, lang, locales);
    let say = |id: &str| locales.text(lang, id, None);
    let written = words.written_in;
    let written_dir = if written.is_right_to_left() { "rtl" } else { "ltr" };
    let lang_query = format!("?lang={}", lang.code());
    let body = html! {
        article.card.statement {
            header lang=(written.code()) dir=(written_dir) {
                h1 { (words.title) }
            }
            @for line in &words.meta {
                p.meta { (line) }
            }
            div.text lang=(written.code()) dir=(written_dir) {
                @for paragraph in &words.paragraphs {
                    p { (paragraph) }
                }
            }
            h2 { (words.heading) }
            @if !words.signatories.is_empty() {
                table.signatories {
                    thead {
                        tr {
                            th scope="col" { (words.columns.name) }
                            th scope="col" { (words.columns.city) }
                            th scope="col" { (words.columns.signer) }
                            th scope="col" { (words.columns.date) }
                        }
                    }
                    tbody {
                        @for row in &words.signatories {
                            tr {
                                td data-label=(words.columns.name) { bdi { (row.name) } }
                                td data-label=(words.columns.city) { bdi { (row.city) } }
                                td data-label=(words.columns.signer) { bdi { (row.signer) } }
                                td data-label=(words.columns.date) { (row.date) }
                            }
                        }
                    }
                }
            }
            p.meta { (words.footer) }
            div.downloads {
                a href={ (here) ".pdf" (lang_query) } type="application/pdf" { (say("statement-download-pdf")) }
                a href={ (here) ".md" (lang_query) } type="text/markdown" { (say("statement-download-markdown")) }
            }
        }
    };
    crate::certificates::page(locales, lang, words.title, here, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use chrono::TimeZone;
    use tatwir_core::association::AssociationId;
    use tatwir_core::campaign::{Statement, StatementVersion, Written};
    use tatwir_core::person::{Channel, PersonId};
    use tower::ServiceExt;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0)
            .single()
            .expect("a date")
    }

    fn signature(id: i64, name: &str, city: &str, person: &str, version: u32, voided: bool) -> Signature {
        Signature {
            association: AssociationId(id),
            association_name: name.to_owned(),
            city: city.to_owned(),
            person: Some(PersonId(id * 10)),
            person_name: person.to_owned(),
            channel: Channel::Telegram,
            version,
            at: at(1 + id as u32, 10),
            voided,
        }
    }

    /// Version 2 of a statement, closed, signed by three associations; a fourth signed version 1
    /// and its signature was voided by the new version.
    fn record() -> StatementRecord {
        let title = Written {
            fr: "Lettre au wali <script>alert(1)</script>".to_owned(),
            ar: Some("رسالة إلى الوالي".to_owned()),
            ary: None,
        };
        let text = Written {
            fr: "Nous demandons *vraiment* un [dialogue](https://evil.example) # maintenant.\n\n1. Ouvrir les maisons de quartier.\n- le 15 janvier 2027".to_owned(),
            ar: Some("نحن الجمعيات الموقعة، ومنها Association Amal، نطالب بحوار قبل 15 يناير 2027.".to_owned()),
            ary: None,
        };
        let statement = Statement {
            id: StatementId(12),
            campaign: None,
            version: 2,
            title: title.clone(),
            text: text.clone(),
            deadline: None,
            zone: tatwir_core::daily::DEFAULT_ZONE,
            written_by: None,
            created_at: at(1, 9),
            closed_at: Some(at(9, 18)),
        };
        StatementRecord {
            versions: vec![StatementVersion {
                version: 2,
                title,
                text,
                written_by: None,
                at: at(2, 9),
            }],
            signatures: vec![
                signature(1, "Association Fantôme", "Fès", "Omar Voided", 1, true),
                signature(2, "Association Amal", "Tanger", "Fatima Zahra Benali", 2, false),
                signature(3, "جمعية النور", "طنجة", "محمد العمراني", 2, false),
                signature(
                    4,
                    "Les *amis* | <b>du</b> [quartier](x)",
                    "Tétouan",
                    "Youssef",
                    2,
                    false,
                ),
            ],
            statement,
        }
    }

    fn locales() -> Arc<Localizer> {
        Arc::new(tatwir_locales::localizer().expect("the embedded locales"))
    }

    #[test]
    fn the_document_lists_the_signatories_of_the_final_version_only() {
        let locales = locales();
        let document = document(&record(), Language::Fr, &locales);
        assert_eq!(document.direction, Direction::LeftToRight);
        assert_eq!(document.title, "Lettre au wali <script>alert(1)</script>");
        assert_eq!(document.paragraphs.len(), 3, "{:?}", document.paragraphs);
        let names: Vec<&str> = document.signatories.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Association Amal",
                "جمعية النور",
                "Les *amis* | <b>du</b> [quartier](x)"
            ]
        );
        assert_eq!(document.signatories[0].date, "3 décembre 2026");
        assert_eq!(document.signatories[0].signer, "Fatima Zahra Benali");
        assert!(
            document.signatories_heading.contains('3'),
            "{}",
            document.signatories_heading
        );
        assert_eq!(document.meta[0], "Déclaration n° 12 · version 2");
        assert!(document.meta[1].contains("9 décembre 2026"), "{:?}", document.meta);

        let arabic = document_in(Language::Ar);
        assert_eq!(
            (arabic.direction, arabic.text_direction),
            (Direction::RightToLeft, Direction::RightToLeft)
        );
        assert_eq!(arabic.title, "رسالة إلى الوالي");
        assert_eq!(arabic.signatories_header.name, "الجمعية");
        // Darija without Darija words reads the Arabic ones; French-only words keep their direction.
        assert_eq!(document_in(Language::Ary).title, "رسالة إلى الوالي");
        let mut french_only = record();
        french_only.statement.text = Written::french("Texte en français.");
        let mixed = super::document(&french_only, Language::Ar, &locales);
        assert_eq!(
            (mixed.direction, mixed.text_direction),
            (Direction::RightToLeft, Direction::LeftToRight)
        );
        assert!(tatwir_render::document::pdf(&mixed).is_ok_and(|pdf| pdf.starts_with(b"%PDF")));
    }

    fn document_in(lang: Language) -> Document {
        document(&record(), lang, &locales())
    }

    #[test]
    fn markdown_escapes_what_people_typed() {
        let markdown = markdown(&record(), Language::Fr, &locales());
        assert!(
            markdown.starts_with("# Lettre au wali \\<script\\>alert\\(1\\)\\</script\\>\n"),
            "{markdown}"
        );
        assert!(
            markdown
                .contains("Nous demandons \\*vraiment\\* un \\[dialogue\\]\\(https://evil.example\\) \\# maintenant.")
        );
        assert!(
            markdown.contains("\n1\\. Ouvrir les maisons de quartier.\n"),
            "{markdown}"
        );
        assert!(markdown.contains("\n\\- le 15 janvier 2027\n"), "{markdown}");
        assert!(
            markdown.contains("| Les \\*amis\\* \\| \\<b\\>du\\</b\\> \\[quartier\\]\\(x\\) | Tétouan | Youssef |")
        );
        assert!(markdown.contains("| Association | Ville | Signée par | Date |\n| --- | --- | --- | --- |\n"));
        assert!(markdown.contains("| Association Amal | Tanger | Fatima Zahra Benali | 3 décembre 2026 |"));
        assert!(
            !markdown.contains("Fantôme") && !markdown.contains("Omar"),
            "a voided signature is not listed"
        );
        assert_eq!(markdown.matches("\n| ").count(), 5, "header, rule and three rows");
        let arabic = super::markdown(&record(), Language::Ar, &locales());
        assert!(arabic.starts_with("# رسالة إلى الوالي\n"));
        assert!(arabic.contains("| الجمعية | المدينة |"));
        assert!(arabic.contains("| جمعية النور | طنجة | محمد العمراني |"));
    }

    #[test]
    fn the_page_escapes_html_and_reads_right_to_left_in_arabic() {
        let locales = locales();
        let html = page(&record(), Language::Fr, &locales, "/statements/12").into_string();
        assert!(html.contains("Lettre au wali &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script>") && !html.contains("<b>du"));
        assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
        assert!(html.contains("href=\"/statements/12.pdf?lang=fr\""));
        assert!(html.contains("Fatima Zahra Benali") && !html.contains("Fantôme"));
        assert!(html.contains("name=\"viewport\""));
        let html = page(&record(), Language::Ar, &locales, "/statements/12").into_string();
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("<div class=\"text\" lang=\"ar\" dir=\"rtl\">"));
        assert!(html.contains("Association Amal"));
        // To look at them: TATWIR_STATEMENT_HTML=/tmp/folder cargo test -p tatwir-web the_page_escapes
        if let Some(dir) = std::env::var_os("TATWIR_STATEMENT_HTML") {
            for lang in [Language::Fr, Language::Ar] {
                let html = page(&record(), lang, &locales, "/statements/12").into_string();
                let dir = std::path::Path::new(&dir);
                std::fs::write(dir.join(format!("statement-{}.html", lang.code())), html).expect("written");
                let pdf = tatwir_render::document::pdf(&document(&record(), lang, &locales)).expect("a PDF");
                std::fs::write(dir.join(format!("statement-{}.pdf", lang.code())), pdf).expect("written");
            }
        }
    }

    #[test]
    fn escaping_markdown_leaves_plain_words_alone() {
        assert_eq!(escape_markdown("L'association a 12 ans."), "L'association a 12 ans.");
        assert_eq!(escape_markdown("2026. Fin"), "2026\\. Fin");
        assert_eq!(escape_markdown("+ a\nb\u{0}"), "\\+ a b");
        assert_eq!(escape_markdown("a_b ~c~ `d` &amp;"), "a\\_b \\~c\\~ \\`d\\` \\&amp;");
    }

    /// Statements in memory, for the routes.
    struct Memory(HashMap<i64, StatementRecord>, Arc<Localizer>);

    impl StatementSource for Memory {
        fn locales(&self) -> &Localizer {
            &self.1
        }

        async fn statement(&self, id: StatementId) -> StoreResult<Option<StatementRecord>> {
            Ok(self.0.get(&id.0).cloned())
        }
    }

    fn router() -> Router {
        let closed = record();
        let mut open = record();
        open.statement.id = StatementId(13);
        open.statement.closed_at = None;
        routes(Memory(HashMap::from([(12, closed), (13, open)]), locales()))
    }

    async fn get(uri: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
        get_with(axum::http::Method::GET, uri, headers).await
    }

    async fn get_with(
        method: axum::http::Method,
        uri: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = router()
            .oneshot(request.body(Body::empty()).expect("a request"))
            .await
            .expect("an answer");
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX).await.expect("a body");
        (parts.status, parts.headers, bytes.to_vec())
    }

    #[tokio::test]
    async fn the_routes_serve_a_closed_statement_as_a_page_markdown_and_a_pdf() {
        let (status, headers, body) = get("/statements/12", &[("accept-language", "ar-MA,fr;q=0.8")]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .is_ok_and(|t| t.starts_with("text/html"))
        );
        let html = String::from_utf8(body).expect("UTF-8");
        assert!(html.contains("dir=\"rtl\"") && html.contains("رسالة إلى الوالي"));
        let tag = headers[header::ETAG].clone();
        assert!(headers.contains_key(header::LAST_MODIFIED));
        assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=3600");
        assert_eq!(headers[header::VARY], "Accept-Language");

        let (status, headers, body) = get("/statements/12.md?lang=fr", &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "text/markdown; charset=utf-8");
        assert!(String::from_utf8(body).is_ok_and(|text| text.starts_with("# Lettre au wali")));

        let (status, headers, body) = get("/statements/12.pdf?lang=ar", &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "inline; filename=\"statement-12-ar.pdf\""
        );
        assert!(body.starts_with(b"%PDF"));

        // The same representation again: 304 without a body, by tag or by date.
        let (status, _, body) = get(
            "/statements/12",
            &[
                ("accept-language", "ar"),
                ("if-none-match", tag.to_str().expect("ASCII")),
            ],
        )
        .await;
        assert_eq!((status, body.len()), (StatusCode::NOT_MODIFIED, 0));
        let (status, _, _) = get(
            "/statements/12?lang=ar",
            &[("if-modified-since", "Thu, 10 Dec 2026 00:00:00 GMT")],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        let (status, _, _) = get(
            "/statements/12?lang=fr",
            &[("if-none-match", tag.to_str().expect("ASCII"))],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "another language is another representation");

        let (status, headers, body) = get_with(axum::http::Method::HEAD, "/statements/12.md", &[]).await;
        assert_eq!((status, body.len()), (StatusCode::OK, 0));
        assert_eq!(headers[header::CONTENT_TYPE], "text/markdown; charset=utf-8");
    }

    #[tokio::test]
    async fn an_unknown_or_open_statement_is_not_found_in_the_readers_language() {
        for uri in [
            "/statements/13",
            "/statements/13.pdf",
            "/statements/99.md",
            "/statements/x",
            "/statements/-12",
            "/statements/12.txt",
        ] {
            let (status, headers, body) = get(uri, &[("accept-language", "ary")]).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
            let html = String::from_utf8(body).expect("UTF-8");
            assert!(
                html.contains("البيان ما كاينش") && html.contains("lang=\"ary\""),
                "{uri}: {html}"
            );
            assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
        }
    }
}
