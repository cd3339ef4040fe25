//! Unit tests of `config`: the template, validation errors, per-path globs.

use super::*;

fn today() -> Date {
    jiff::civil::date(2024, 1, 1)
}

fn load(text: &str) -> Result<Resolved, Error> {
    resolve(
        Path::new("/x/gwlint.toml"),
        text,
        &Overrides::default(),
        today(),
    )
}

fn config_error(text: &str) -> ConfigError {
    match load(text) {
        Err(Error::Config(e)) => *e,
        other => panic!("expected a config error, got {other:?}"),
    }
}

/// The text the error points at.
fn pointed<'a>(text: &'a str, e: &ConfigError) -> &'a str {
    let span = miette::Diagnostic::labels(e)
        .and_then(|mut l| l.next())
        .expect("a label");
    &text[span.offset()..span.offset() + span.len()]
}

#[test]
fn template_parses_and_lists_every_key() {
    let plain = load(TEMPLATE).expect("template as written");
    assert!(plain.base.is_enabled(RuleId::N105));
    // Uncomment the examples (`#key = …`, `#[table]`): still valid, every key present.
    let uncommented: String = TEMPLATE
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '[') => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let value: toml::Table = toml::from_str(&uncommented).unwrap();
    let mut keys: Vec<&str> = value.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "allow",
            "as-of",
            "extra-rules",
            "fail-on",
            "ignore",
            "per-path",
            "profile",
            "profiles",
            "province",
            "root",
            "rules",
            "select"
        ]
    );
    let full = load(&uncommented).expect("uncommented template");
    assert_eq!(full.base.as_of, Some(jiff::civil::date(2023, 3, 15)));
    assert!(!full.per_path.is_empty());
    assert!(!full.base.allow.is_empty());
}

#[test]
fn values_apply() {
    let r = load(
        "profile = \"work-summary\"\nas-of = \"2022-05-01\"\nignore = [\"N107\", \"structure\"]\nfail-on = \"error\"\n[rules]\nN105 = \"error\"\nnumbering-gap = { severity = \"info\" }\nN108 = \"off\"\n",
    )
    .unwrap();
    let s = &r.base;
    assert_eq!(
        s.profile.as_deref().map(|p| p.id.as_str()),
        Some("work-summary")
    );
    assert_eq!(s.as_of, Some(jiff::civil::date(2022, 5, 1)));
    assert!(
        !s.is_enabled(RuleId::N107) && !s.is_enabled(RuleId::S103) && !s.is_enabled(RuleId::N108)
    );
    assert!(s.is_enabled(RuleId::N105));
    assert_eq!(s.fail_on, Severity::Error);
    assert_eq!(s.severity_of(RuleId::N105), Some(Severity::Error));
    assert_eq!(s.severity_of(RuleId::N101), Some(Severity::Info));
}

#[test]
fn errors_point_at_the_key_or_value() {
    let text = "profile = \"self-inspection\"\nfial-on = \"error\"\n";
    let e = config_error(text);
    assert_eq!(pointed(text, &e), "fial-on");
    assert!(e.to_string().contains("/x/gwlint.toml"), "{e}");

    let text = "ignore = [\"N107\", \"X999\"]\n";
    assert_eq!(pointed(text, &config_error(text)), "\"X999\"");

    let text = "[rules]\nN105 = { severity = \"error\", strict = true }\n";
    assert_eq!(pointed(text, &config_error(text)), "strict");

    let text = "[rules.N105]\nseverity = \"fatal\"\n";
    assert!(pointed(text, &config_error(text)).contains("fatal"));

    let text = "[rules]\nN999 = \"error\"\n";
    assert_eq!(pointed(text, &config_error(text)), "N999");

    let text = "profile = \"nonsense\"\n";
    assert_eq!(pointed(text, &config_error(text)), "\"nonsense\"");

    let text = "as-of = 2023-13-01\n";
    let _ = config_error(text);

    let text = "[[per-path]]\npaths = [\"a/{b\"]\n";
    assert_eq!(pointed(text, &config_error(text)), "\"a/{b\"");

    let text = "[[allow]]\ntext = \"x\"\nwhy = \"y\"\n";
    assert_eq!(pointed(text, &config_error(text)), "why");

    let text = "extra-rules = [\"missing.toml\"]\n";
    assert_eq!(pointed(text, &config_error(text)), "\"missing.toml\"");
}

#[test]
fn per_path_ignores_match_relative_globs_and_folders() {
    let root = tempfile::tempdir().unwrap();
    let config = root.path().join("gwlint.toml");
    std::fs::write(
        &config,
        "[[per-path]]\npaths = [\"归档\", \"**/*.md\"]\nignore = [\"N107\"]\n",
    )
    .unwrap();
    let mut resolver = Resolver::new(Overrides::default(), Source::Nearest, today()).unwrap();
    let enabled = |r: &mut Resolver, p: &str| {
        r.settings_for(&root.path().join(p))
            .unwrap()
            .is_enabled(RuleId::N107)
    };
    assert!(!enabled(&mut resolver, "归档/2019/a.txt"));
    assert!(!enabled(&mut resolver, "x/b.md"));
    assert!(enabled(&mut resolver, "x/b.txt"));
}

#[test]
fn command_line_overrides_the_file() {
    let overrides = Overrides {
        select: vec!["N".into()],
        ignore: vec!["N105".into()],
        fail_on: Some(Severity::Info),
        ..Overrides::default()
    };
    let r = resolve(
        Path::new("/x/gwlint.toml"),
        "select = [\"S\"]\nignore = [\"N107\"]\nfail-on = \"error\"\n",
        &overrides,
        today(),
    )
    .unwrap();
    let s = &r.base;
    assert!(s.is_enabled(RuleId::N101) && !s.is_enabled(RuleId::S103));
    assert!(!s.is_enabled(RuleId::N105) && !s.is_enabled(RuleId::N107));
    assert_eq!(s.fail_on, Severity::Info);
}
