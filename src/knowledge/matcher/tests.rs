//! The matcher on a small knowledge written for these tests (`tests-timeline.toml`,
//! `tests-terms.toml`).

use super::normalize::Normalized;
use super::*;

const TIMELINE: &str = include_str!("tests-timeline.toml");

const TERMS: &str = include_str!("tests-terms.toml");

fn k() -> Knowledge {
    Knowledge::from_sources(&[("t.toml", TIMELINE), ("u.toml", TERMS)]).unwrap()
}

fn ev(k: &Knowledge, id: &str) -> Target {
    Target::Event(k.event_by_id(id).unwrap().0)
}

fn spans(k: &Knowledge, text: &str) -> Vec<(String, Target)> {
    k.find(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.target))
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

/// A mention of `target` at the bytes `range`.
fn mention(range: std::ops::Range<usize>, target: Target) -> Mention {
    Mention {
        start: range.start,
        end: range.end,
        target,
    }
}

#[test]
fn plain_alias_with_exact_byte_range() {
    let k = k();
    let text = "认真学习党的十八届三中全会精神";
    let found = k.find(text);
    assert_eq!(found, vec![mention(12..39, ev(&k, "cc18-3"))]);
    assert_eq!(&text[12..39], "党的十八届三中全会");
}

#[test]
fn quotes_around_plan_names_still_match() {
    let k = k();
    let text = "制定好《农村道路建设“十三五”规划》";
    let found = k.find(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].target, ev(&k, "fyp-13"));
    assert_eq!(&text[found[0].start..found[0].end], "“十三五”规划");
    let text = "“十三五”时期";
    let found = k.find(text);
    assert_eq!(&text[found[0].start..found[0].end], "十三五");
}

#[test]
fn enumerated_plenums_carry_the_term_over() {
    let k = k();
    let text = "用十八大及十八届三中、四中、五中、六中全会精神武装干部头脑";
    let found = spans(&k, text);
    // 五中 is not in this small knowledge: skipped.
    assert_eq!(
        found,
        vec![
            (s("十八届三中"), ev(&k, "cc18-3")),
            (s("四中"), ev(&k, "cc18-4")),
            (s("六中全会"), ev(&k, "cc18-6")),
        ]
    );
    let m = k.find(text);
    assert_eq!((m[0].start, m[0].end), (15, 30));
    assert_eq!((m[1].start, m[1].end), (33, 39));
}

#[test]
fn enumeration_with_he_and_repeated_quanhui() {
    let k = k();
    let found = spans(&k, "党的十八届三中全会和四中全会");
    assert_eq!(
        found,
        vec![
            (s("党的十八届三中全会"), ev(&k, "cc18-3")),
            (s("四中全会"), ev(&k, "cc18-4"))
        ]
    );
}

#[test]
fn local_committee_plenums_are_not_national_ones() {
    let k = k();
    assert!(k.find("县委十八届三中全会").is_empty());
    assert!(k.find("县委十八届三中、四中全会").is_empty());
}

/// A guard keeps each of `guarded` from naming anything, while `text` still names the
/// event `id` by `alias` alone.
fn assert_guarded(guarded: &[&str], text: &str, alias: &str, id: &str) {
    let k = k();
    for g in guarded {
        assert!(k.find(g).is_empty(), "{g}");
    }
    assert_eq!(spans(&k, text), vec![(s(alias), ev(&k, id))]);
}

#[test]
fn numeral_boundary_and_not_after() {
    assert_guarded(
        &["分为二十五大类", "中国工会十五大"],
        "党的十五大",
        "十五大",
        "cpc-15",
    );
}

#[test]
fn exclude_phrases_guard() {
    assert_guarded(
        &["各级环境保护部门"],
        "原环境保护部",
        "环境保护部",
        "huanbao",
    );
}

#[test]
fn generic_aliases_need_the_province() {
    let k = k();
    let text = "深入学习贯彻省第十一次党代会精神";
    assert!(k.find(text).is_empty());
    let found = k.find_in_province(text, Some("四川省"));
    assert_eq!(found, vec![mention(18..42, ev(&k, "prov-sichuan-11"))]);
    let found = k.find_in_province(text, Some("山西"));
    assert_eq!(found[0].target, ev(&k, "prov-shanxi-11"));
    assert!(k.find_in_province(text, Some("河北")).is_empty());
    // The specific alias needs no province.
    assert_eq!(
        k.find("四川省第十一次党代会")[0].target,
        ev(&k, "prov-sichuan-11")
    );
}

#[test]
fn right_phrase_shadows_its_own_prefix() {
    let k = k();
    assert!(k.find("习近平新时代中国特色社会主义思想").is_empty());
    assert_eq!(
        k.find("坚持习近平新时代思想"),
        vec![mention(6..30, Target::Formulation(0))]
    );
    assert_eq!(
        k.find("坚持习近平新时代中国特色社会主义，"),
        vec![mention(6..48, Target::Formulation(0))]
    );
}

#[test]
fn set_phrase_corruption() {
    let k = k();
    let text = "坚持科学执政、民主执政、依法执法";
    assert_eq!(
        k.find(text),
        vec![mention(6..text.len(), Target::SetPhrase(0))]
    );
    assert!(k.find("坚持科学执政、民主执政、依法执政").is_empty());
}

#[test]
fn pattern_confusables() {
    let k = k();
    let text = "截止2022年底，累计完成";
    assert_eq!(k.find(text), vec![mention(0..13, Target::Confusable(0))]);
    assert!(k.find("截止到2022年底").is_empty());
    assert!(k.find("报名12月1日截止").is_empty());
}

#[test]
fn confusable_with_exclude() {
    let k = k();
    assert_eq!(k.find("及其它事项")[0].target, Target::Confusable(1));
    assert!(k.find("尤其它们").is_empty());
}

#[test]
fn one_string_cannot_name_two_entries() {
    let dup = TIMELINE.replace(
        r#"aliases = ["十八届四中全会"]"#,
        r#"aliases = ["十八届三中全会"]"#,
    );
    let err = Knowledge::from_sources(&[("t.toml", &dup)]).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("cc18-4") && msg.contains("cc18-3"), "{msg}");
    assert_eq!(err.file(), "t.toml");
}

/// daachorse's leftmost-longest matches are aho-corasick's (the automaton gwlint used
/// before, and the reference for the semantics): on the seed, the examples, and text made
/// of every pattern back to back, each after a prefix of the next (overlaps everywhere).
#[test]
fn the_automaton_finds_what_aho_corasick_finds() {
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    let k = Knowledge::embedded();
    let m = &k.matcher;
    assert!(
        m.prebuilt,
        "the embedded knowledge uses build.rs's automaton"
    );
    let reference = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&m.texts)
        .unwrap();
    let mut texts: Vec<String> = vec![
        include_str!("../../../tests/fixtures/documents/self-inspection-report.txt").into(),
        "坚持以习近平新时代中国特色社会主义思想为指导，学习贯彻党的十八届三中、四中全会精神".into(),
        m.texts.concat(),
    ];
    let mut overlapping = String::new();
    for pair in m.texts.windows(2) {
        let half: String = pair[1]
            .chars()
            .take(pair[1].chars().count() / 2 + 1)
            .collect();
        overlapping.push_str(&half);
        overlapping.push_str(&pair[0]);
        overlapping
            .push_str(&pair[1][..pair[1].len() - pair[1].chars().last().map_or(0, char::len_utf8)]);
    }
    texts.push(overlapping);
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).unwrap() {
        if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
            texts.push(text);
        }
    }
    let automaton = m.automaton.as_ref().unwrap();
    let mut found = 0;
    for text in &texts {
        let n = Normalized::new(text);
        let ours: Vec<_> = automaton
            .leftmost_find_iter(&*n.text)
            .map(|h| (h.start(), h.end(), h.value() as usize))
            .collect();
        let theirs: Vec<_> = reference
            .find_iter(&*n.text)
            .map(|h| (h.start(), h.end(), h.pattern().as_usize()))
            .collect();
        assert_eq!(ours, theirs);
        found += ours.len();
    }
    assert!(found > 2 * m.texts.len(), "{found} matches");
}

#[test]
fn embedded_patterns_compile_together_as_start_up_assumes() {
    // `Matcher::build` skips the set check for the embedded files alone; built as if a user
    // file had been added, the same patterns go through it.
    let k = Knowledge::with_extra_files::<&std::path::Path>(&[]).expect("embedded knowledge");
    let patterns = k.confusables.iter().filter(|c| c.pattern.is_some()).count();
    assert!(patterns >= 5, "{patterns}");
}
