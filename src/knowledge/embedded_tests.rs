//! Tests of the embedded knowledge files: they load, are sorted, and every example,
//! wrong and right phrase behaves as it says.

use std::path::Path;

use super::*;

#[test]
fn embedded_files_load_and_validate() {
    let k = Knowledge::embedded();
    assert!(!k.events.is_empty());
    assert!(!k.superseded.is_empty());
    assert!(!k.formulations.is_empty());
    assert!(!k.set_phrases.is_empty());
    assert!(!k.confusables.is_empty());
}

/// What build.rs compiled (JSON tables, lines, automaton) is exactly what the TOML files
/// say once parsed and validated at run time, as they were before build.rs compiled them.
#[test]
fn the_compiled_knowledge_is_the_validated_toml() {
    let parsed = Knowledge::from_sources(EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
    let compiled = Knowledge::embedded();
    macro_rules! same {
        ($($table:ident),*) => {$(
            assert_eq!(
                format!("{:?}", compiled.$table),
                format!("{:?}", parsed.$table),
                stringify!($table)
            );
        )*};
    }
    same!(
        events,
        superseded,
        formulations,
        set_phrases,
        confusables,
        reviewed
    );
    assert_eq!(compiled.automaton_patterns(), parsed.automaton_patterns());
    assert!(compiled.events.iter().all(|e| e.origin.line > 0));
}

#[test]
fn embedded_tables_are_sorted_by_id() {
    fn sorted<'a>(what: &str, items: impl Iterator<Item = (&'a str, &'a Origin)>) {
        let mut by_file: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for (id, o) in items {
            by_file.entry(o.file.as_str()).or_default().push(id);
        }
        for (file, ids) in by_file {
            for w in ids.windows(2) {
                assert!(
                    w[0] < w[1],
                    "{file}: {what} `{}` should come after `{}`",
                    w[0],
                    w[1]
                );
            }
        }
    }
    fn sorted_table<E: Entry>(k: &Knowledge) {
        sorted(E::TABLE, E::table(k).iter().map(|e| (e.id(), e.origin())));
    }
    let k = Knowledge::embedded();
    sorted_table::<Event>(k);
    sorted_table::<Superseded>(k);
    sorted_table::<Formulation>(k);
    sorted_table::<SetPhrase>(k);
    sorted_table::<Confusable>(k);
}

/// Every example of one table, checked by `check` with its entry's province.
fn check_table<E: Entry>(
    k: &Knowledge,
    province: impl Fn(&E) -> Option<&str>,
    check: &mut impl FnMut(Target, &Origin, &str, &Example, Option<&str>),
) {
    for (i, e) in E::table(k).iter().enumerate() {
        for ex in e.examples() {
            check(E::target(i), e.origin(), e.id(), ex, province(e));
        }
    }
}

/// Words that mark a time span or an account of the past. The examples test only
/// the knowledge (is the entry found, is it outdated at the date); a silent example
/// that names an outdated entry must carry one of these, which the context rules
/// will use.
const PAST_MARKERS: &[&str] = &["以来", "了", "期间", "曾", "先后", "时期", "原", "回顾"];

#[test]
fn every_example_in_the_embedded_files_holds() {
    let k = Knowledge::embedded();
    let mut failures = Vec::new();
    let mut check =
        |target: Target, origin: &Origin, id: &str, ex: &Example, province: Option<&str>| {
            let found = k
                .find_in_province(&ex.text, province)
                .iter()
                .any(|m| m.target == target);
            let dated = matches!(target, Target::Event(_) | Target::Superseded(_));
            let stale = !dated || k.is_stale_at(target, ex.as_of_date());
            let ok = match ex.expect {
                Expect::Fire => found && stale,
                Expect::Silent => {
                    !found || !stale || (dated && PAST_MARKERS.iter().any(|w| ex.text.contains(w)))
                }
            };
            if !ok {
                failures.push(format!(
                "{origin} `{id}`: {:?} example “{}” as-of {} (found: {found}, outdated: {stale})",
                ex.expect, ex.text, ex.as_of
            ));
            }
        };
    check_table::<Event>(k, |e| e.province.as_deref(), &mut check);
    check_table::<Superseded>(k, |_| None, &mut check);
    check_table::<Formulation>(k, |_| None, &mut check);
    check_table::<SetPhrase>(k, |_| None, &mut check);
    check_table::<Confusable>(k, |_| None, &mut check);
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_wrong_phrase_fires_and_every_right_phrase_is_silent() {
    let k = Knowledge::embedded();
    let pairs = k
        .formulations
        .iter()
        .enumerate()
        .map(|(i, f)| (Target::Formulation(i), &f.id, &f.wrong, &f.right))
        .chain(
            k.set_phrases
                .iter()
                .enumerate()
                .map(|(i, p)| (Target::SetPhrase(i), &p.id, &p.wrong, &p.right)),
        )
        .chain(
            k.confusables
                .iter()
                .enumerate()
                .filter(|(_, c)| c.pattern.is_none())
                .map(|(i, c)| (Target::Confusable(i), &c.id, &c.wrong, &c.right)),
        );
    let mut failures = Vec::new();
    for (target, id, wrong, right) in pairs {
        for w in wrong {
            let text = format!("我们{w}。");
            if !k
                .find(&text)
                .iter()
                .any(|m| m.target == target && m.end > m.start)
            {
                failures.push(format!("`{id}`: wrong “{w}” is not found"));
            }
        }
        let text = format!("我们{right}。");
        let noisy: Vec<_> = k
            .find(&text)
            .into_iter()
            .filter(|m| !matches!(m.target, Target::Event(_) | Target::Superseded(_)))
            .collect();
        if !noisy.is_empty() {
            failures.push(format!("`{id}`: right “{right}” is reported: {noisy:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn superseded_terms_fire_on_their_own_text() {
    let k = Knowledge::embedded();
    for (i, s) in k.superseded.iter().enumerate() {
        for t in &s.terms {
            let found = k.find(t);
            assert!(
                found.iter().any(|m| m.target == Target::Superseded(i)),
                "`{}`: term “{t}” is not found: {found:?}",
                s.id
            );
        }
    }
}

/// The seed report of `../shared/seed` (skipped where the folder is absent): every
/// timeliness and formulation defect of DEFECTS.md is found as a mention.
#[test]
fn seed_report_mentions() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/self-inspection-report.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let k = Knowledge::embedded();
    let found: Vec<(String, String)> = k
        .find_in_province(&text, Some("四川"))
        .into_iter()
        .map(|m| {
            let id = match m.target {
                Target::Event(i) => k.events[i].id.clone(),
                Target::Superseded(i) => k.superseded[i].id.clone(),
                Target::Formulation(i) => k.formulations[i].id.clone(),
                Target::SetPhrase(i) => k.set_phrases[i].id.clone(),
                Target::Confusable(i) => k.confusables[i].id.clone(),
            };
            (text[m.start..m.end].to_string(), id)
        })
        .collect();
    let has = |s: &str, id: &str| found.iter().any(|(a, b)| a == s && b == id);
    for (s, id) in [
        ("科学执政、民主执政、依法执法", "zhizheng-sanfangshi"),
        ("群众反应强烈", "qun-zhong-fan-ying-qiang-lie"),
        ("各自为阵", "ge-zi-wei-zheng"),
        ("习近平总书记系列重要讲话精神", "xi-speeches"),
        ("省第十一次党代会", "prov-sichuan-11"),
        ("以习近平总书记为核心的党中央", "core"),
        ("十八届三中", "cc18-3"),
        ("四中", "cc18-4"),
        ("五中", "cc18-5"),
        ("六中全会", "cc18-6"),
        ("十三五规划", "fyp-13"),
        ("贫困村", "pinkun-cun"),
        ("脱贫攻坚工作", "tuopin-gongjian"),
        ("党的二十大", "cpc-20"),
        ("新农合", "xinnonghe"),
        ("社抚费", "shehui-fuyangfei"),
    ] {
        assert!(
            has(s, id),
            "“{s}” ({id}) not found in the seed report: {found:?}"
        );
    }
}

/// Publishers a Party or government office can show a superior: official and Party
/// media, government and Party websites, the standards, 《现代汉语词典》, 《咬文嚼字》,
/// 《秘书工作》, 国家语委, laws, the official texts in the corpus. A source names one of
/// these (or a web address on one of the domains), or says “公文写作惯例”.
const ALLOWED_PUBLISHERS: &[&str] = &[
    "新华社",
    "新华网",
    "人民日报",
    "人民网",
    "求是",
    "中国政府网",
    "国务院",
    "中共中央",
    "中央纪委",
    "国家监委",
    "全国人大常委会",
    "国家统计局",
    "国家语委",
    "教育部",
    "咬文嚼字",
    "现代汉语词典",
    "现代汉语规范词典",
    "秘书工作",
    "GB/T",
    "政府工作报告",
    "全国代表大会上的报告",
    "党的十八大报告",
    "党的十九大报告",
    "党的二十大报告",
    "公报",
    "中国共产党章程",
    "《中华人民共和国",
    "光明日报",
    "经济日报",
    "中国新闻网",
    // China.org.cn (State Council Information Office); its domain is already allowed below.
    "中国网",
    "中国日报",
    "共产党员网",
    // A provincial Party committee's propaganda department and the provincial broadcasters
    // (江西广播电视台 …) publish the provincial congresses' own records.
    "省委宣传部",
    "广播电视台",
    "日报",
    "国家卫生健康委员会",
    "海关总署",
    "国家发展改革委",
    "中共中央办公厅",
    "../shared/corpus/national/",
];
const ALLOWED_DOMAINS: &[&str] = &[
    "gov.cn",
    "people.com.cn",
    "xinhuanet.com",
    "news.cn",
    "qstheory.cn",
    "chinadaily.com.cn",
    "chinanews.com",
    "china.org.cn",
    "cctv.com",
    "12371.cn",
    "gmw.cn",
    "ce.cn",
    "cri.cn",
];
const CONVENTION: &str = "公文写作惯例";

fn source_is_allowed(source: &str) -> bool {
    let hosts: Vec<&str> = source
        .split("://")
        .skip(1)
        .map(|rest| rest.split(['/', ' ', '）', ')']).next().unwrap_or(""))
        .collect();
    if !hosts.is_empty() {
        return hosts.iter().all(|h| {
            ALLOWED_DOMAINS
                .iter()
                .any(|d| h == d || h.ends_with(&format!(".{d}")))
        });
    }
    source.starts_with(CONVENTION) || ALLOWED_PUBLISHERS.iter().any(|p| source.contains(p))
}

#[test]
fn every_source_is_an_allowed_publisher_or_marked_as_convention() {
    let k = Knowledge::embedded();
    let mut bad = Vec::new();
    let mut check = |id: &str, origin: &Origin, sources: &[String]| {
        for s in sources {
            if !source_is_allowed(s) {
                bad.push(format!("{origin} `{id}`: {s}"));
            }
        }
    };
    for e in &k.events {
        check(&e.id, &e.origin, &e.source);
    }
    for e in &k.superseded {
        check(&e.id, &e.origin, &e.source);
    }
    for e in &k.formulations {
        check(&e.id, &e.origin, &e.source);
    }
    for e in &k.set_phrases {
        check(&e.id, &e.origin, &e.source);
    }
    for e in &k.confusables {
        check(&e.id, &e.origin, &e.source);
    }
    assert!(bad.is_empty(), "{} sources:\n{}", bad.len(), bad.join("\n"));
    assert!(!source_is_allowed("https://www.360docs.net/doc/x.html"));
    assert!(!source_is_allowed("李问渠《中国人容易写错的字词》"));
    assert!(source_is_allowed("https://www.gov.cn/zhengce/x.htm"));
}

#[test]
fn entries_resting_on_convention_alone_stay_at_warning_or_below() {
    let k = Knowledge::embedded();
    let convention_only = |s: &[String]| s.iter().all(|x| x.starts_with(CONVENTION));
    // F101 and F102 report errors by default; a convention is not enough for that.
    for f in &k.formulations {
        if convention_only(&f.source) {
            assert!(f.severity.is_some(), "`{}` needs severity", f.id);
        }
    }
    for p in &k.set_phrases {
        if convention_only(&p.source) {
            assert!(p.severity.is_some(), "`{}` needs severity", p.id);
        }
    }
}

/// Notes are shown in messages: they never name an entry by its internal id.
#[test]
fn notes_shown_to_users_carry_no_internal_ids() {
    let k = Knowledge::embedded();
    let ids: std::collections::HashSet<&str> = k
        .events
        .iter()
        .map(|e| e.id.as_str())
        .chain(k.superseded.iter().map(|e| e.id.as_str()))
        .chain(k.formulations.iter().map(|e| e.id.as_str()))
        .chain(k.set_phrases.iter().map(|e| e.id.as_str()))
        .chain(k.confusables.iter().map(|e| e.id.as_str()))
        .filter(|id| id.contains('-'))
        .collect();
    let notes = k
        .superseded
        .iter()
        .map(|e| (&e.id, &e.note))
        .chain(k.formulations.iter().map(|e| (&e.id, &e.note)))
        .chain(k.set_phrases.iter().map(|e| (&e.id, &e.note)))
        .chain(k.confusables.iter().map(|e| (&e.id, &e.note)));
    for (id, note) in notes {
        let Some(note) = note else { continue };
        assert!(!note.contains("[["), "`{id}`: {note}");
        for word in note.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            assert!(
                !ids.contains(word),
                "`{id}` names `{word}` in its note: {note}"
            );
        }
    }
}
