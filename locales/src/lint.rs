//! Checks that the locales agree: every file parses, every message exists in every language,
//! no translation uses a variable the French message does not declare, and Arabic-script
//! locales select plurals through `PLURAL()`.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use std::collections::{BTreeMap, BTreeSet};

/// (locale code, file name, source) for every file; returns one line per problem.
pub fn lint<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Vec<String> {
    let mut problems = Vec::new();
    // locale -> message id -> variables used
    let mut messages: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (lang, file, source) in sources {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    problems.push(format!(
                        "{lang}/{file}: syntax error {:?} at bytes {:?}",
                        error.kind, error.pos
                    ));
                }
                resource
            }
        };
        let ids = messages.entry(lang).or_default();
        for entry in &resource.body {
            let (id, value, attributes, prefix) = match entry {
                Entry::Message(m) => (m.id.name, m.value.as_ref(), &m.attributes, ""),
                Entry::Term(t) => (t.id.name, Some(&t.value), &t.attributes, "-"),
                _ => continue,
            };
            let mut variables = BTreeSet::new();
            let mut bare_plural = false;
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                walk_pattern(pattern, &mut variables, &mut bare_plural);
            }
            let full_id = format!("{prefix}{id}");
            if bare_plural && lang != "fr" {
                problems.push(format!(
                    "{lang}/{file}: {full_id} selects a plural on a bare number; write PLURAL($var) (intl_pluralrules mis-selects Arabic 103 and 111)"
                ));
            }
            if ids.insert(full_id.clone(), variables).is_some() {
                problems.push(format!("{lang}/{file}: {full_id} is defined twice"));
            }
        }
    }
    let empty = BTreeMap::new();
    let french = messages.get("fr").unwrap_or(&empty);
    for (lang, ids) in &messages {
        if *lang == "fr" {
            continue;
        }
        for (id, variables) in ids {
            match french.get(id) {
                None => problems.push(format!(
                    "{lang}: {id} is not in the French locale, which must hold every message"
                )),
                Some(declared) => {
                    for variable in variables.difference(declared) {
                        problems.push(format!(
                            "{lang}: {id} uses ${variable}, which the French message does not declare"
                        ));
                    }
                }
            }
        }
        for id in french.keys().filter(|id| !ids.contains_key(*id)) {
            problems.push(format!("{lang}: {id} is missing"));
        }
    }
    for lang in ["ar", "ary"] {
        if !messages.contains_key(lang) {
            problems.push(format!("{lang}: no messages at all"));
        }
    }
    problems
}

fn walk_pattern(pattern: &Pattern<&str>, variables: &mut BTreeSet<String>, bare_plural: &mut bool) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, bare_plural);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, variables: &mut BTreeSet<String>, bare_plural: &mut bool) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, variables, bare_plural),
        Expression::Select { selector, variants } => {
            walk_inline(selector, variables, bare_plural);
            let plural_keys = variants.iter().any(|v| {
                matches!(v.key, VariantKey::Identifier { name } if matches!(name, "zero" | "one" | "two" | "few" | "many"))
            });
            if plural_keys && matches!(selector, InlineExpression::VariableReference { .. }) {
                *bare_plural = true;
            }
            for variant in variants {
                walk_pattern(&variant.value, variables, bare_plural);
            }
        }
    }
}

fn walk_inline(inline: &InlineExpression<&str>, variables: &mut BTreeSet<String>, bare_plural: &mut bool) {
    match inline {
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, variables, bare_plural);
            }
            for named in &arguments.named {
                walk_inline(&named.value, variables, bare_plural);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                walk_inline(argument, variables, bare_plural);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, variables, bare_plural),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_locales_agree() {
        let problems = lint(crate::sources());
        assert!(problems.is_empty(), "locale problems:\n{}", problems.join("\n"));
        crate::localizer().expect("bundled locales load");
    }

    #[test]
    fn lint_catches_each_kind_of_defect() {
        let problems = lint([
            (
                "fr",
                "a.ftl",
                "a = A { $x }\nb = B\nc = { $n ->\n [one] un\n *[other] autres\n}\n",
            ),
            (
                "ar",
                "a.ftl",
                "a = أ { $y }\nc = { $n ->\n [few] قليل\n *[other] كثير\n}\nextra = x\n",
            ),
            (
                "ary",
                "a.ftl",
                "a = { $x\nb = ب\nc = { PLURAL($n) ->\n [few] x\n *[other] y\n}\n",
            ),
        ]);
        let joined = problems.join("\n");
        for expected in [
            "ary/a.ftl: syntax error",
            "ar: a uses $y",
            "ar: b is missing",
            "ar/a.ftl: c selects a plural on a bare number",
            "ar: extra is not in the French locale",
            "ary: a is missing",
        ] {
            assert!(joined.contains(expected), "expected {expected:?} in:\n{joined}");
        }
        assert!(!joined.contains("ary/a.ftl: c selects"), "{joined}");
    }
}
