//! Every example sentence in the knowledge files runs through the whole linter: a
//! `fire` example gives a timeliness or formulation finding, a `silent` one gives none.
//! `[[formulation]]`, `[[set-phrase]]` and `[[confusable]]` entries are also checked from
//! their data alone: each `wrong` fires, `right` is silent.

use gwlint::knowledge::{Example, Expect, Knowledge};
use gwlint::{lint_text, Settings};

fn findings(text: &str, as_of: jiff::civil::Date, province: Option<&str>) -> Vec<String> {
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    // R107 judges a whole document's years, not an entry: a one-line example that
    // mentions an old year is not a copied report.
    settings
        .select(
            &["timeliness".to_string(), "formulation".to_string()],
            &["R107".to_string()],
        )
        .unwrap();
    settings.as_of = Some(as_of);
    settings.province = province.map(String::from);
    lint_text("example.txt", text, &settings)
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

fn check(id: &str, examples: &[Example], province: Option<&str>, failures: &mut Vec<String>) {
    for ex in examples {
        // Each example stands alone as a one-line document (in its province, if any).
        // Examples are sentences; one written without its final 。 would read as a heading.
        let sentence = if ex.text.ends_with(['。', '；', '！', '？']) {
            ex.text.clone()
        } else {
            format!("{}。", ex.text)
        };
        let found = findings(&format!("{sentence}\n"), ex.as_of_date(), province);
        let ok = match ex.expect {
            Expect::Fire => !found.is_empty(),
            Expect::Silent => found.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "{id}: {:?} as of {} → {found:?}",
                ex.text, ex.as_of
            ));
        }
    }
}

#[test]
fn every_knowledge_example_behaves_as_declared() {
    let k = Knowledge::embedded();
    let mut failures = Vec::new();
    for e in &k.events {
        check(&e.id, &e.examples, e.province.as_deref(), &mut failures);
    }
    for e in &k.superseded {
        check(&e.id, &e.examples, None, &mut failures);
    }
    for e in &k.formulations {
        check(&e.id, &e.examples, None, &mut failures);
    }
    for e in &k.set_phrases {
        check(&e.id, &e.examples, None, &mut failures);
    }
    for e in &k.confusables {
        check(&e.id, &e.examples, None, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} examples misbehave:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_wrong_form_fires_and_every_right_form_is_silent() {
    let k = Knowledge::embedded();
    let today = jiff::civil::date(2026, 11, 27);
    let mut failures = Vec::new();
    let pairs = k
        .formulations
        .iter()
        .map(|e| (&e.id, &e.wrong, &e.right))
        .chain(k.set_phrases.iter().map(|e| (&e.id, &e.wrong, &e.right)))
        .chain(k.confusables.iter().map(|e| (&e.id, &e.wrong, &e.right)));
    for (id, wrong, right) in pairs {
        for w in wrong {
            if findings(&format!("{w}\n"), today, None).is_empty() {
                failures.push(format!("{id}: wrong form {w:?} is not reported"));
            }
        }
        let found = findings(&format!("{right}\n"), today, None);
        if !found.is_empty() {
            failures.push(format!("{id}: right form {right:?} is reported: {found:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} entries misbehave:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
