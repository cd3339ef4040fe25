//! docs/gwlint.schema.json, the JSON schema of gwlint.toml (for editors: taplo / Even
//! Better TOML), is kept in sync with the config parser: the keys it allows are those
//! gwlint accepts at every level, and the documented configs validate against it.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::gwlint;

const SCHEMA: &str = "docs/gwlint.schema.json";

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap()
}

/// A TOML document as the JSON an editor validates (dates become strings, as taplo
/// presents them).
fn to_json(value: &toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.clone().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => a.iter().map(to_json).collect(),
        toml::Value::Table(t) => t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect(),
    }
}

/// The schema's errors for a TOML text (empty: valid).
fn schema_errors(toml_text: &str) -> Vec<String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("gwlint.schema.json", schema())
        .unwrap();
    let index = compiler
        .compile("gwlint.schema.json", &mut schemas)
        .unwrap();
    let value: toml::Value = toml::from_str(toml_text).unwrap();
    match schemas.validate(&to_json(&value), index) {
        Ok(()) => Vec::new(),
        Err(e) => vec![format!("{e:#}")],
    }
}

/// gwlint's verdict on a config: None when accepted, else its error (stderr).
fn gwlint_error(toml_text: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("gwlint.toml");
    std::fs::write(&config, toml_text).unwrap();
    std::fs::write(dir.path().join("a.txt"), "关于开展工作的通知\n").unwrap();
    let out = gwlint()
        .args(["check", "--quiet", "--format", "short", "--config"])
        .arg(&config)
        .arg(dir.path().join("a.txt"))
        .output()
        .unwrap();
    (out.status.code() == Some(2)).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The keys (or values) gwlint's parser names after “expected” in its error.
fn expected_names(error: &str) -> BTreeSet<String> {
    // The report wraps long lines (even at a hyphen) behind a "│" margin: unwrap them.
    let unwrapped = regex::Regex::new(r"\n\s*│ ?")
        .unwrap()
        .replace_all(error, "");
    let after = &unwrapped[unwrapped.find("expected").expect(error)..];
    after
        .split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

fn keys(object: &serde_json::Value) -> BTreeSet<String> {
    object["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

fn enum_values(definition: &serde_json::Value) -> BTreeSet<String> {
    definition["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_schema_allows_exactly_the_keys_and_values_gwlint_accepts() {
    let schema = schema();
    let defs = &schema["definitions"];
    let levels: [(&str, &serde_json::Value); 3] = [
        ("zz-unknown = 1\n", &schema),
        (
            "[[per-path]]\npaths = [\"a\"]\nzz-unknown = 1\n",
            &defs["per-path"],
        ),
        ("[[allow]]\ntext = \"a\"\nzz-unknown = 1\n", &defs["allow"]),
    ];
    for (config, object) in levels {
        let error = gwlint_error(config).expect("an unknown key is refused");
        assert_eq!(
            expected_names(&error),
            keys(object),
            "gwlint.toml keys (left, from gwlint's error) vs {SCHEMA} (right): add or \
             remove the key in the schema\n{error}"
        );
        assert!(
            !schema_errors(config).is_empty(),
            "the schema refuses {config}"
        );
    }
    let values: [(&str, &serde_json::Value); 2] = [
        ("fail-on = \"zz\"\n", &defs["severity"]),
        ("[rules]\nN105 = \"zz\"\n", &defs["level"]),
    ];
    for (config, definition) in values {
        let error = gwlint_error(config).expect("an unknown value is refused");
        assert_eq!(expected_names(&error), enum_values(definition), "{error}");
        assert!(
            !schema_errors(config).is_empty(),
            "the schema refuses {config}"
        );
    }
    // A rule's table takes `severity` only, in gwlint and in the schema.
    let table = "[rules]\nN105 = { severity = \"info\" }\n";
    assert_eq!(gwlint_error(table), None);
    assert_eq!(schema_errors(table), Vec::<String>::new());
    let option = "[rules]\nN105 = { severity = \"info\", width = 3 }\n";
    assert!(gwlint_error(option).is_some());
    assert!(!schema_errors(option).is_empty());
}

#[test]
fn every_rule_code_name_and_family_fits_the_schemas_selector() {
    let pattern = schema()["definitions"]["selector"]["pattern"]
        .as_str()
        .unwrap()
        .to_string();
    let selector = regex::Regex::new(&pattern).unwrap();
    for rule in gwlint::checks::registry::all() {
        let m = rule.meta();
        for key in [
            m.code,
            m.name,
            m.family.as_str(),
            &m.code[..1],
            &m.code[..2],
        ] {
            assert!(selector.is_match(key), "{key} against {pattern}");
        }
    }
}

/// The `gwlint.toml` example of README's 配置 section.
fn readme_example() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = &readme[readme.find("## 配置：gwlint.toml").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    section[start..start + section[start..].find("```").unwrap()].to_string()
}

/// What `gwlint init` writes, with every example line uncommented.
fn full_template() -> String {
    let dir = tempfile::tempdir().unwrap();
    gwlint().arg("init").arg(dir.path()).assert().code(0);
    let written = std::fs::read_to_string(dir.path().join("gwlint.toml")).unwrap();
    written
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '[') => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_documented_configs_are_valid_for_gwlint_and_the_schema() {
    let readme = readme_example();
    let template = full_template();
    for (name, text) in [("README", &readme), ("gwlint init", &template)] {
        assert_eq!(schema_errors(text), Vec::<String>::new(), "{name}:\n{text}");
    }
    // The template is accepted by gwlint as it stands (its files exist nowhere, so its
    // extra-rules and profiles lists are empty).
    assert_eq!(gwlint_error(&template), None);
    // Both show every top-level key of the schema.
    for (name, text) in [("README", &readme), ("gwlint init", &template)] {
        let table: toml::Table = toml::from_str(text).unwrap();
        let shown: BTreeSet<String> = table.keys().cloned().collect();
        assert_eq!(shown, keys(&schema()), "{name}");
    }
    assert!(Path::new(SCHEMA).exists());
}
