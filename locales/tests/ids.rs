//! Issue 11, point 4: the Fluent ids the code uses and the messages the files define agree.
//!
//! 1. Every literal of `core/` and `bots/` (every `.rs` file below them, read at test time) that
//!    is used as a message id exists in fr, ar and ary. A literal is used as an id when it has the
//!    id shape (lowercase words joined by `-`, like `draft-title-bad`) and either some locale
//!    defines it or it sits in an id position the scanner recognises (see [`Scan`]).
//! 2. Every message of the French files (which hold every message) is used: its id is a literal
//!    of non-test code, it belongs to a dynamic family of [`families`] (an id the code builds with
//!    `format!` from a prefix), another message refers to it, or `locales/unused.txt` lists it.
//!    Every family is still built somewhere, and every id the code builds at run time in an id
//!    position comes from a listed family.
//! 3. That ar and ary have exactly the French messages is `lint::lint`'s check
//!    (`bundled_locales_agree`), not repeated here.
//!
//! A typo in an id position the scanner does not recognise (an `if` branch returning an id, say)
//! still fails point 2: the id the typo meant is then unused, unless something else uses it.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Functions and variants whose arguments are message ids: a literal directly among their
/// arguments (or in a tuple, array, `Some(…)` or `format!(…)` there) is in an id position.
const ID_CALLS: &[&str] = &[
    // tatwir_core::locale::Localizer
    "text",
    "has_message",
    // core/src/engine.rs: Turn::say, Turn::say_with, Turn::private_only, Engine::hint,
    // Engine::invite_refused; bots/tatwir/src/cli/mod.rs: Printer::say
    "say",
    "say_with",
    "private_only",
    "hint",
    "invite_refused",
    // core/src/engine/gathering.rs: the heading of a meeting's text
    "meeting_text",
    // core/src/engine/organize.rs: Read::Refused(id)
    "Refused",
    // bots/tatwir/src/cli/mod.rs: Printer::table(header ids, rows)
    "table",
    // bots/tatwir/src/cli/content.rs: load(printer, folder, id of the failure message)
    "load",
    // the usual short name of a translation function
    "t",
];

/// Id-shaped literals in id positions that are not message ids: the way out of a false alarm of
/// the scanner (none so far).
const NOT_IDS: &[&str] = &[];

/// Groups a literal may sit in and still be an argument of the call around them.
const TRANSPARENT_CALLS: &[&str] = &["Some", "Ok", "Err", "format", "vec"];

/// Words that may precede a bracket without calling anything.
const KEYWORDS: &[&str] = &[
    "as", "break", "else", "if", "in", "let", "match", "move", "mut", "return", "while", "yield",
];

/// A message family: ids the code builds at run time as `prefix` + a member.
struct Family {
    prefix: &'static str,
    /// Where the code builds them.
    built_in: &'static str,
    members: Vec<&'static str>,
}

fn families() -> Vec<Family> {
    use tatwir_core::broadcast::Topic;
    use tatwir_core::language::Language;
    use tatwir_core::meeting::Rsvp;
    use tatwir_core::meeting::draft::Field;
    use tatwir_core::role::Role;
    let mut asked: Vec<&str> = Field::ALL.iter().map(|f| f.code()).collect();
    asked.extend([
        Field::TitleIn(Language::Ar).code(),
        Field::AgendaIn(Language::Ar).code(),
    ]);
    vec![
        Family {
            prefix: "role-",
            built_in: "core/src/locale.rs, Localizer::role_name: format!(\"role-{}\", role.code())",
            members: [Role::Volunteer, Role::Manager, Role::Coordinator, Role::Admin]
                .map(Role::code)
                .to_vec(),
        },
        Family {
            prefix: "rsvp-",
            built_in: "core/src/engine/{gathering,organize,groups}.rs: format!(\"rsvp-{}\", answer.code())",
            members: Rsvp::ALL.map(Rsvp::code).to_vec(),
        },
        Family {
            prefix: "topic-",
            built_in: "core/src/engine/announce.rs: format!(\"topic-{}\", topic.code())",
            members: Topic::ALL.map(Topic::code).to_vec(),
        },
        Family {
            prefix: "draft-ask-",
            built_in: "core/src/engine/organize.rs, asking a meeting's field: format!(\"draft-ask-{}\", field.code())",
            members: asked,
        },
        Family {
            prefix: "draft-change-",
            built_in: "core/src/engine/organize.rs, the review's buttons: format!(\"draft-change-{}\", field.code())",
            members: Field::ALL.iter().map(|f| f.code()).collect(),
        },
    ]
}

/// `lowercase-words-joined-by-dashes`, with at least one dash: what the scanner takes for an id.
fn id_shaped(s: &str) -> bool {
    let mut words = s.split('-');
    let first_ok = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && word_ok(w));
    let mut rest = 0;
    for word in words {
        if word.is_empty() || !word_ok(word) {
            return false;
        }
        rest += 1;
    }
    first_ok && rest > 0
}

fn word_ok(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// The constant start of a `format!` string that builds an id (`draft-ask-` of
/// `"draft-ask-{}"`), if it is one.
fn family_prefix(format: &str) -> Option<&str> {
    let prefix = &format[..format.find('{')?];
    (prefix.ends_with('-') && id_shaped(&format!("{prefix}x"))).then_some(prefix)
}

// ---------------------------------------------------------------------------------------------
// The scanner: string literals of a Rust source with the bracket groups around them.

#[derive(Debug)]
struct Group {
    parent: Option<usize>,
    open: char,
    /// The identifier (or macro name) just before the bracket, keywords excepted.
    callee: Option<String>,
    /// A `;` directly inside: a block of statements, whose literals are not siblings.
    statements: bool,
}

#[derive(Debug)]
struct Literal {
    value: String,
    line: usize,
    group: Option<usize>,
    /// Inside a `#[cfg(test)]` item, or in a test file.
    in_test: bool,
    /// The innermost group that is not a tuple, array, `Some(…)` or `format!(…)`.
    effective: Option<usize>,
    /// A match arm's pattern (`"invitation" => …`, `"a" | "b" => …`): compared, not shown.
    pattern: bool,
}

/// A source's string literals (outside comments, raw strings included).
///
/// A literal is in an *id position* when its effective group (the first group around it that
/// is not a tuple, array, `Some(…)`, `Ok(…)`, `Err(…)`, `vec![…]` or `format!(…)`) is
///   - the arguments of a call to one of [`ID_CALLS`] (`turn.say("…")`, `text(lang, "…", None)`,
///     `Read::Refused("…")`, `printer.table(&["…", …])`), or
///   - a group of expressions, not of statements (match arms, an array, a struct literal, a
///     tuple), in which another literal is a defined id (`Defect::message_id`'s arms,
///     `Recurrence::None => "draft-repeat-none"`, the cli's `(true, true) => "cli-role-granted"`).
///
/// A match arm's pattern (`"invitation" => "meeting-invitation"`) is never in an id position.
#[derive(Debug, Default)]
struct Scan {
    groups: Vec<Group>,
    literals: Vec<Literal>,
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Str,
    Pipe,
    Bang,
    Hash,
    Other,
}

enum TestRegion {
    /// After `#[cfg(test)]`, at this depth: the item's `{` or `;` is still to come.
    Pending(usize),
    /// Inside the item's block, opened at this depth.
    Inside(usize),
}

impl Scan {
    fn new(source: &str, test_file: bool) -> Scan {
        let chars: Vec<char> = source.chars().collect();
        let mut scan = Scan::default();
        let mut stack: Vec<usize> = Vec::new();
        // attribute groups being read: (group index, inner `#!`, its tokens as text)
        let mut attributes: Vec<(usize, bool, String)> = Vec::new();
        let mut region: Option<TestRegion> = None;
        let mut whole_file_test = test_file;
        let (mut last, mut before_last) = (Token::Other, Token::Other);
        // the literals of `"a" | "b" | …` just read
        let mut chain: Vec<usize> = Vec::new();
        let mut line = 1;
        let mut i = 0;
        let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
        while i < chars.len() {
            let c = chars[i];
            let in_test = whole_file_test || region.is_some();
            if c == '\n' {
                line += 1;
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            // comments
            if c == '/' && at(i + 1) == '/' {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            if c == '/' && at(i + 1) == '*' {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
                continue;
            }
            // identifiers, raw identifiers, string prefixes, numbers
            if c.is_alphanumeric() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let raw = matches!(word.as_str(), "r" | "br" | "cr");
                if raw && (at(i) == '"' || (at(i) == '#' && (at(i + 1) == '"' || at(i + 1) == '#'))) {
                    let mut hashes = 0;
                    while at(i) == '#' {
                        hashes += 1;
                        i += 1;
                    }
                    i += 1; // the opening quote
                    let start_line = line;
                    let body_start = i;
                    loop {
                        if i >= chars.len() {
                            break;
                        }
                        if chars[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                            break;
                        }
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    let value: String = chars[body_start..i.min(chars.len())].iter().collect();
                    i += 1 + hashes;
                    let index = scan.literal(value, start_line, &stack, in_test, &mut attributes);
                    chain_literal(&mut chain, index, &last, &before_last);
                    before_last = std::mem::replace(&mut last, Token::Str);
                    continue;
                }
                if word == "r" && at(i) == '#' && (at(i + 1).is_alphabetic() || at(i + 1) == '_') {
                    // raw identifier r#name
                    i += 1;
                    let start = i;
                    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                        i += 1;
                    }
                    let name: String = chars[start..i].iter().collect();
                    before_last = std::mem::replace(&mut last, Token::Ident(name.clone()));
                    push_attribute_text(&mut attributes, &name);
                    continue;
                }
                if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                    // a byte or C string: read by the string branch below
                    continue;
                }
                if word == "b" && at(i) == '\'' {
                    continue;
                }
                push_attribute_text(&mut attributes, &word);
                let token = if word.starts_with(|c: char| c.is_ascii_digit()) {
                    Token::Other
                } else {
                    Token::Ident(word)
                };
                before_last = std::mem::replace(&mut last, token);
                continue;
            }
            if c == '"' {
                let start_line = line;
                i += 1;
                let mut value = String::new();
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        value.push(chars[i]);
                        i += 1;
                    }
                    if i < chars.len() {
                        if chars[i] == '\n' {
                            line += 1;
                        }
                        value.push(chars[i]);
                        i += 1;
                    }
                }
                i += 1;
                let index = scan.literal(value, start_line, &stack, in_test, &mut attributes);
                chain_literal(&mut chain, index, &last, &before_last);
                before_last = std::mem::replace(&mut last, Token::Str);
                continue;
            }
            if c == '\'' {
                if at(i + 1) == '\\' {
                    // an escaped character: '\n', '\'', '\u{…}'
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    // a lifetime or a label
                    i += 1;
                    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                        i += 1;
                    }
                }
                before_last = std::mem::replace(&mut last, Token::Other);
                continue;
            }
            i += 1;
            match c {
                '(' | '[' | '{' => {
                    let callee = match (&before_last, &last) {
                        (_, Token::Ident(name)) | (Token::Ident(name), Token::Bang) => {
                            (!KEYWORDS.contains(&name.as_str())).then(|| name.clone())
                        }
                        _ => None,
                    };
                    let attribute =
                        c == '[' && (last == Token::Hash || (last == Token::Bang && before_last == Token::Hash));
                    let inner = attribute && last == Token::Bang;
                    push_attribute_text(&mut attributes, &c.to_string());
                    if let Some(TestRegion::Pending(depth)) = region
                        && c == '{'
                        && stack.len() == depth
                    {
                        region = Some(TestRegion::Inside(depth));
                    }
                    scan.groups.push(Group {
                        parent: stack.last().copied(),
                        open: c,
                        callee,
                        statements: false,
                    });
                    let index = scan.groups.len() - 1;
                    stack.push(index);
                    if attribute {
                        attributes.push((index, inner, String::new()));
                    }
                    before_last = std::mem::replace(&mut last, Token::Other);
                }
                ')' | ']' | '}' => {
                    let closed = stack.pop();
                    if let Some((index, inner, text)) = attributes.last()
                        && Some(*index) == closed
                    {
                        if text == "cfg(test)" {
                            if *inner {
                                whole_file_test = true;
                            } else if region.is_none() {
                                region = Some(TestRegion::Pending(stack.len()));
                            }
                        }
                        attributes.pop();
                    } else {
                        push_attribute_text(&mut attributes, &c.to_string());
                    }
                    if let Some(TestRegion::Inside(depth)) = region
                        && stack.len() == depth
                    {
                        region = None;
                    }
                    before_last = std::mem::replace(&mut last, Token::Other);
                }
                ';' => {
                    if let Some(&group) = stack.last() {
                        scan.groups[group].statements = true;
                    }
                    if let Some(TestRegion::Pending(depth)) = region
                        && stack.len() == depth
                    {
                        region = None;
                    }
                    before_last = std::mem::replace(&mut last, Token::Other);
                }
                '=' if at(i) == '>' => {
                    i += 1;
                    if last == Token::Str {
                        for &index in &chain {
                            scan.literals[index].pattern = true;
                        }
                    }
                    before_last = std::mem::replace(&mut last, Token::Other);
                }
                '|' => before_last = std::mem::replace(&mut last, Token::Pipe),
                '!' => before_last = std::mem::replace(&mut last, Token::Bang),
                '#' => before_last = std::mem::replace(&mut last, Token::Hash),
                _ => {
                    push_attribute_text(&mut attributes, &c.to_string());
                    before_last = std::mem::replace(&mut last, Token::Other);
                }
            }
        }
        scan
    }

    fn literal(
        &mut self,
        value: String,
        line: usize,
        stack: &[usize],
        in_test: bool,
        attributes: &mut [(usize, bool, String)],
    ) -> Option<usize> {
        if !attributes.is_empty() {
            push_attribute_text(attributes, "\"\"");
            return None;
        }
        let group = stack.last().copied();
        let mut effective = group;
        while let Some(g) = effective {
            let group = &self.groups[g];
            let transparent = matches!(group.open, '(' | '[')
                && group
                    .callee
                    .as_deref()
                    .is_none_or(|callee| TRANSPARENT_CALLS.contains(&callee));
            if !transparent {
                break;
            }
            effective = group.parent;
        }
        self.literals.push(Literal {
            value,
            line,
            group,
            in_test,
            effective,
            pattern: false,
        });
        Some(self.literals.len() - 1)
    }

    fn is_id_call(&self, group: Option<usize>) -> bool {
        group.is_some_and(|g| {
            let group = &self.groups[g];
            group.open == '(' && group.callee.as_deref().is_some_and(|c| ID_CALLS.contains(&c))
        })
    }

    /// Whether each literal is in an id position (see [`Scan`]).
    fn id_positions(&self, defined: &BTreeSet<String>) -> Vec<bool> {
        let is_defined = |literal: &Literal| !literal.pattern && defined.contains(&literal.value);
        // expression group -> how many defined ids it holds
        let mut ids_in: BTreeMap<usize, usize> = BTreeMap::new();
        for literal in self.literals.iter().filter(|l| is_defined(l)) {
            if let Some(g) = literal.effective
                && !self.groups[g].statements
            {
                *ids_in.entry(g).or_default() += 1;
            }
        }
        self.literals
            .iter()
            .map(|literal| {
                let others = literal.effective.map_or(0, |g| {
                    ids_in.get(&g).map_or(0, |n| n - usize::from(is_defined(literal)))
                });
                !literal.pattern && (self.is_id_call(literal.effective) || others > 0)
            })
            .collect()
    }

    /// Whether the literal is the format string of a `format!` in an id position.
    fn is_format_in_id_position(&self, literal: &Literal) -> bool {
        literal
            .group
            .is_some_and(|g| self.groups[g].callee.as_deref() == Some("format"))
            && self.is_id_call(literal.effective)
    }

    fn is_format(&self, literal: &Literal) -> bool {
        literal
            .group
            .is_some_and(|g| self.groups[g].callee.as_deref() == Some("format"))
    }
}

/// Keeps `chain` the literals of the `"a" | "b" | …` being read.
fn chain_literal(chain: &mut Vec<usize>, index: Option<usize>, last: &Token, before_last: &Token) {
    let continues = *last == Token::Pipe && *before_last == Token::Str;
    if !continues {
        chain.clear();
    }
    chain.extend(index);
}

fn push_attribute_text(attributes: &mut [(usize, bool, String)], text: &str) {
    if let Some((_, _, attribute)) = attributes.last_mut() {
        attribute.push_str(text);
    }
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// What the Fluent files define.
#[derive(Default)]
struct Locales {
    /// locale -> message or term id (terms with their `-`) -> file
    ids: BTreeMap<String, BTreeMap<String, String>>,
    /// id -> the messages and terms it refers to, in any locale
    refers: BTreeMap<String, BTreeSet<String>>,
}

impl Locales {
    fn new<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Locales {
        let mut locales = Locales::default();
        for (lang, file, source) in sources {
            // Syntax errors are lint::lint's to report; what parses is checked here.
            let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(resource, _)| resource);
            for entry in &resource.body {
                let (id, patterns) = match entry {
                    Entry::Message(m) => (
                        m.id.name.to_owned(),
                        m.value
                            .iter()
                            .chain(m.attributes.iter().map(|a| &a.value))
                            .collect::<Vec<_>>(),
                    ),
                    Entry::Term(t) => (
                        format!("-{}", t.id.name),
                        std::iter::once(&t.value)
                            .chain(t.attributes.iter().map(|a| &a.value))
                            .collect(),
                    ),
                    _ => continue,
                };
                let refers = locales.refers.entry(id.clone()).or_default();
                for pattern in patterns {
                    references(pattern, refers);
                }
                locales
                    .ids
                    .entry(lang.to_owned())
                    .or_default()
                    .entry(id)
                    .or_insert_with(|| format!("{lang}/{file}"));
            }
        }
        locales
    }

    fn defined_anywhere(&self) -> BTreeSet<String> {
        self.ids.values().flat_map(|ids| ids.keys().cloned()).collect()
    }

    fn missing_from(&self, id: &str) -> Vec<&'static str> {
        ["fr", "ar", "ary"]
            .into_iter()
            .filter(|lang| !self.ids.get(*lang).is_some_and(|ids| ids.contains_key(id)))
            .collect()
    }
}

fn references(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_references(expression, found);
        }
    }
}

fn expression_references(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_references(inline, found),
        Expression::Select { selector, variants } => {
            inline_references(selector, found);
            for variant in variants {
                references(&variant.value, found);
            }
        }
    }
}

fn inline_references(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::MessageReference { id, .. } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            found.insert(format!("-{}", id.name));
            for argument in arguments.iter().flat_map(|a| &a.positional) {
                inline_references(argument, found);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_references(argument, found);
            }
            for named in &arguments.named {
                inline_references(&named.value, found);
            }
        }
        InlineExpression::Placeable { expression } => expression_references(expression, found),
        _ => {}
    }
}

/// Where a family is built, or the test file when nothing builds it.
const THIS_FILE: &str = "locales/tests/ids.rs";

/// All problems, one line each. `code` is (path from the workspace root, source);
/// `unused` is the text of `locales/unused.txt`.
fn check<'a>(
    code: &[(String, String)],
    ftl: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    families: &[Family],
    unused: &str,
) -> Vec<String> {
    let locales = Locales::new(ftl);
    let defined = locales.defined_anywhere();
    let mut problems = Vec::new();
    // id -> first place non-test code uses it
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    // family prefix -> first place non-test code builds it
    let mut built: BTreeMap<&str, String> = BTreeMap::new();
    for (path, source) in code {
        let test_file = Path::new(path)
            .components()
            .any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "benches")))
            || path.ends_with("/tests.rs");
        let scan = Scan::new(source, test_file);
        let positions = scan.id_positions(&defined);
        for (literal, in_id_position) in scan.literals.iter().zip(positions) {
            let place = format!("{path}:{}", literal.line);
            let value = literal.value.as_str();
            if scan.is_format(literal)
                && let Some(prefix) = family_prefix(value)
            {
                match families.iter().find(|f| f.prefix == prefix) {
                    Some(family) if !literal.in_test => {
                        built.entry(family.prefix).or_insert_with(|| place.clone());
                    }
                    Some(_) => {}
                    None if scan.is_format_in_id_position(literal) => problems.push(format!(
                        "{place}: {prefix}…: an id built at run time from a prefix that no family of {THIS_FILE} lists"
                    )),
                    None => {}
                }
                continue;
            }
            if !id_shaped(value) || NOT_IDS.contains(&value) || !(defined.contains(value) || in_id_position) {
                continue;
            }
            let missing = locales.missing_from(value);
            if !defined.contains(value) {
                problems.push(format!(
                    "{place}: {value}: used as a message id but no locale defines it"
                ));
            } else if !missing.is_empty() {
                problems.push(format!("{place}: {value}: missing from {}", missing.join(", ")));
            }
            if !literal.in_test {
                used.entry(value.to_owned()).or_insert(place);
            }
        }
    }
    for family in families {
        let Some(place) = built.get(family.prefix) else {
            problems.push(format!(
                "{THIS_FILE}: {}…: no format!(\"{}{{}}\", …) in core/ or bots/ any more ({}): remove the family",
                family.prefix, family.prefix, family.built_in
            ));
            continue;
        };
        for member in &family.members {
            let id = format!("{}{member}", family.prefix);
            let missing = locales.missing_from(&id);
            if !missing.is_empty() {
                problems.push(format!(
                    "{place}: {id}: built at run time but missing from {}",
                    missing.join(", ")
                ));
            }
            used.entry(id).or_insert_with(|| place.clone());
        }
    }
    // id -> (line, whether a `# reason` follows)
    let mut listed = BTreeMap::new();
    for (number, line) in unused.lines().enumerate() {
        let (id, reason) = line.split_once('#').unwrap_or((line, ""));
        let id = id.trim();
        if !id.is_empty() {
            listed.insert(id.to_owned(), (number + 1, !reason.trim().is_empty()));
        }
    }
    let empty = BTreeMap::new();
    let french = locales.ids.get("fr").unwrap_or(&empty);
    for (id, (line, reason)) in &listed {
        let place = format!("locales/unused.txt:{line}");
        if !french.contains_key(id) {
            problems.push(format!("{place}: {id}: listed as unused but fr does not define it"));
        } else if let Some(user) = used.get(id) {
            problems.push(format!("{place}: {id}: listed as unused but {user} uses it"));
        } else if !reason {
            problems.push(format!("{place}: {id}: say after a # why it is kept unused"));
        }
    }
    // What the used and the listed messages refer to is used too.
    let mut alive: BTreeSet<&str> = used.keys().chain(listed.keys()).map(String::as_str).collect();
    let mut pending: Vec<&str> = alive.iter().copied().collect();
    while let Some(id) = pending.pop() {
        for referred in locales.refers.get(id).into_iter().flatten() {
            if alive.insert(referred) {
                pending.push(referred);
            }
        }
    }
    for (id, file) in french {
        let term = id.starts_with('-');
        if !term && !id_shaped(id) {
            problems.push(format!(
                "{file}: {id}: not an id the code scanner recognises (lowercase words joined by -, at least two)"
            ));
        }
        if !alive.contains(id.as_str()) {
            problems.push(if term {
                format!("{file}: {id}: a term no used message refers to")
            } else {
                format!(
                    "{file}: {id}: never used (no literal in core/ or bots/ outside tests, no family of {THIS_FILE}, no used message refers to it, not in locales/unused.txt)"
                )
            });
        }
    }
    problems
}

/// Every `.rs` file below `dir`, as (path from the workspace root, source).
fn rust_files(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                rust_files(root, &path, out);
            }
        } else if name.ends_with(".rs") {
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
            out.push((relative, source));
        }
    }
}

#[test]
fn code_and_locales_agree_on_ids() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.parent().expect("the workspace root");
    let mut code = Vec::new();
    for dir in ["core", "bots"] {
        rust_files(root, &root.join(dir), &mut code);
    }
    assert!(
        code.iter().any(|(path, _)| path.ends_with("locale.rs")),
        "no Rust sources found under {}",
        root.display()
    );
    let unused = std::fs::read_to_string(manifest.join("unused.txt")).unwrap_or_default();
    let problems = check(&code, tatwir_locales::sources(), &families(), &unused);
    assert!(
        problems.is_empty(),
        "{} problems with message ids:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every Fluent file on disk is embedded, and nothing else: a new file must be named in
/// `src/lib.rs`, or its messages would silently be missing from the binary.
#[test]
fn every_fluent_file_is_embedded() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk = Vec::new();
    for lang in ["ar", "ary", "fr"] {
        for entry in std::fs::read_dir(manifest.join(lang)).expect("a locale folder") {
            let name = entry.expect("an entry").file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                on_disk.push(format!("{lang}/{name}"));
            }
        }
    }
    on_disk.sort();
    let mut embedded: Vec<String> = tatwir_locales::sources()
        .map(|(lang, file, _)| format!("{lang}/{file}"))
        .collect();
    embedded.sort();
    assert_eq!(
        embedded, on_disk,
        "locales/src/lib.rs embeds another list of files than the folders hold"
    );
}

/// core's COMMANDS table names its help messages through fields the scanner cannot tell from
/// other strings: checked from the table itself.
#[test]
fn command_table_ids_exist() {
    let locales = Locales::new(tatwir_locales::sources());
    let mut problems = Vec::new();
    for spec in tatwir_core::command::COMMANDS {
        for id in [Some(spec.description), spec.argument].into_iter().flatten() {
            let missing = locales.missing_from(id);
            if !missing.is_empty() {
                problems.push(format!(
                    "core/src/command.rs: {id}: COMMANDS /{} uses it, missing from {}",
                    spec.name,
                    missing.join(", ")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

mod scanner {
    use super::*;

    /// The same messages in the three locales, but ary lacks cli-role-revoked.
    fn ftl(lang: &str) -> String {
        let mut ids = vec![
            "draft-title-bad",
            "cli-role-granted",
            "cli-role-revoked",
            "rsvp-yes",
            "rsvp-no",
            "old-thing",
            "kept-aside",
            "kept-silently",
            "only-in-tests",
            "after-tests",
            "lonely",
            "greeting-name",
            "unused-greeting-name",
        ];
        if lang == "ary" {
            ids.retain(|id| *id != "cli-role-revoked");
        }
        let mut source: String = ids.iter().map(|id| format!("{id} = {lang} {id}\n")).collect();
        source.push_str("greeting-full = { -brand } { greeting-name }\n");
        source.push_str("unused-greeting = { -orphan } { unused-greeting-name }\n");
        source.push_str("-brand = Tatwir\n-orphan = Nobody\n");
        source
    }

    const SOURCE: &str = r##"
//! Doc comments name ids like "doc-only-id" without using them.
fn refuse(turn: &Turn) -> Read {
    let quote = '"';
    let label: &'static str = "x-telegram-bot-api-secret-token";
    let pattern = r#"turn.say("raw-string-id")"#;
    /* turn.say("commented-out-id") /* nested */ */
    turn.say("draft-title-bad");
    turn.say_with("draft-titel-bad", &args! { "max-len" => 3 });
    Read::Refused(Some("draft-title-too-long"));
    let answer = turn.say(&format!("rsvp-{}", answer.code()));
    let color = turn.say(&format!("color-{}", c));
    let file = format!("tatwir-meeting-{}.ics", id);
    let outcome = match (granted, changed) {
        (true, true) => "cli-role-granted",
        (false, true) => "cli-role-revoked",
        _ => "cli-role-unchnaged",
    };
    let code = match field { Field::Title => "title", Field::TitleIn(_) => "title-in" };
    let heading = match kind { "group-kind" | "chat-kind" => "cli-role-granted", _ => "draft-title-bad" };
    print("lonely", "greeting-full");
}

#[cfg(test)]
#[allow(dead_code)]
mod tests {
    fn t() { say("only-in-tests"); say("tset-typo-id"); }
}

fn after() -> &'static str { "after-tests" }
"##;

    fn sample_problems() -> Vec<String> {
        let (fr, ar, ary) = (ftl("fr"), ftl("ar"), ftl("ary"));
        let families = vec![
            Family {
                prefix: "rsvp-",
                built_in: "sample",
                members: vec!["yes", "no", "maybe"],
            },
            Family {
                prefix: "gone-",
                built_in: "sample",
                members: vec!["a"],
            },
        ];
        check(
            &[("core/src/sample.rs".to_owned(), SOURCE.to_owned())],
            [
                ("fr", "s.ftl", fr.as_str()),
                ("ar", "s.ftl", ar.as_str()),
                ("ary", "s.ftl", ary.as_str()),
            ],
            &families,
            "# deliberately unused\nkept-aside # a reason\nafter-tests # wrongly listed\nnot-defined # gone\nkept-silently\n",
        )
    }

    #[test]
    fn finds_ids_in_id_positions_and_nowhere_else() {
        let problems = sample_problems();
        let joined = problems.join("\n");
        for expected in [
            "core/src/sample.rs:9: draft-titel-bad: used as a message id but no locale defines it",
            "core/src/sample.rs:10: draft-title-too-long: used as a message id but no locale defines it",
            "core/src/sample.rs:12: color-…: an id built at run time from a prefix that no family",
            "core/src/sample.rs:16: cli-role-revoked: missing from ary",
            "core/src/sample.rs:11: rsvp-maybe: built at run time but missing from fr, ar, ary",
            "core/src/sample.rs:17: cli-role-unchnaged: used as a message id but no locale defines it",
            "core/src/sample.rs:27: tset-typo-id: used as a message id but no locale defines it",
            "locales/tests/ids.rs: gone-…: no format!(\"gone-{}\", …) in core/ or bots/ any more",
            "locales/unused.txt:3: after-tests: listed as unused but core/src/sample.rs:30 uses it",
            "locales/unused.txt:4: not-defined: listed as unused but fr does not define it",
            "locales/unused.txt:5: kept-silently: say after a # why it is kept unused",
            "fr/s.ftl: old-thing: never used",
            "fr/s.ftl: only-in-tests: never used",
            "fr/s.ftl: lonely: never used",
            "fr/s.ftl: lonely: not an id the code scanner recognises",
            "fr/s.ftl: unused-greeting: never used",
            "fr/s.ftl: unused-greeting-name: never used",
            "fr/s.ftl: -orphan: a term no used message refers to",
        ] {
            assert!(joined.contains(expected), "expected {expected:?} in:\n{joined}");
        }
        for absent in [
            "draft-title-bad:",
            "x-telegram",
            "raw-string-id",
            "commented-out-id",
            "doc-only-id",
            "max-len",
            "title-in",
            "group-kind",
            "chat-kind",
            "tatwir-meeting",
            "kept-aside",
            "cli-role-granted",
            "missing from ar,",
            "rsvp-yes",
            "rsvp-no",
            " greeting-name",
            "greeting-full",
            "-brand",
        ] {
            assert!(!joined.contains(absent), "unexpected {absent:?} in:\n{joined}");
        }
        assert_eq!(problems.len(), 18, "{joined}");
    }

    #[test]
    fn shapes() {
        assert!(id_shaped("draft-ask-title-in"));
        assert!(id_shaped("cli-col-id"));
        assert!(!id_shaped("title"));
        assert!(!id_shaped("-brand"));
        assert!(!id_shaped("draft--x"));
        assert!(!id_shaped("Draft-x"));
        assert!(!id_shaped("draft-x "));
        assert_eq!(family_prefix("role-{}"), Some("role-"));
        assert_eq!(family_prefix("draft-ask-{}"), Some("draft-ask-"));
        assert_eq!(family_prefix("{prefix}{name}"), None);
        assert_eq!(family_prefix("tatwir-meeting-{}.ics"), Some("tatwir-meeting-"));
    }
}
