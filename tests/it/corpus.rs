//! The corpus suite: real documents in `../shared/corpus/` (never copied into the
//! repository). Skips with a note when that folder is absent, so a fresh clone passes.

use std::path::{Path, PathBuf};

use gwlint::source::{LineIndex, SourceFile};
use gwlint::{lint, Settings};

const CORPUS: &str = "../shared/corpus";

fn corpus_files(sub: &str) -> Option<Vec<PathBuf>> {
    let dir = Path::new(CORPUS).join(sub);
    if !dir.is_dir() {
        eprintln!(
            "note: {} is absent; skipping the corpus suite",
            dir.display()
        );
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder is readable")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Some(files)
}

/// `dir/file:line:col: severity[CODE] message` for the selected families, each file
/// checked as of the date `as_of` gives for it (None: its own date, else today).
fn findings_as_of(
    files: &[PathBuf],
    families: &[&str],
    as_of: impl Fn(&Path) -> Option<jiff::civil::Date>,
) -> Vec<String> {
    let families: Vec<String> = families.iter().map(|f| (*f).to_string()).collect();
    let mut out = Vec::new();
    for path in files {
        let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
        settings.select(&families, &[]).expect("families are valid");
        settings.as_of = as_of(path);
        let source = SourceFile::read(path).expect("corpus files are UTF-8 text");
        let report = lint(source, &settings);
        let index = LineIndex::new(&report.source.text);
        let name = path
            .strip_prefix(CORPUS)
            .unwrap_or(path)
            .display()
            .to_string();
        for d in &report.diagnostics {
            let at = index.line_col(&report.source.text, d.span.start);
            out.push(format!(
                "{name}:{}:{}: {}[{}] {}",
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
    }
    out
}

fn findings(files: &[PathBuf], families: &[&str]) -> Vec<String> {
    findings_as_of(files, families, |_| None)
}

/// The date a corpus document was written, from its MANIFEST.tsv (the `date` or
/// `year_guess` column: "2023-01-05(发布)", "2026-03", "2025-2026" → its first day).
fn manifest_dates(sub: &str) -> Vec<(String, jiff::civil::Date)> {
    let Ok(text) = std::fs::read_to_string(Path::new(CORPUS).join(sub).join("MANIFEST.tsv")) else {
        return Vec::new();
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = header
        .iter()
        .position(|h| *h == "date")
        .or_else(|| header.iter().position(|h| *h == "year_guess"));
    let Some(column) = column else {
        return Vec::new();
    };
    lines
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            let raw = fields.get(column)?;
            Some((fields[0].to_string(), first_day(raw)?))
        })
        .collect()
}

fn first_day(raw: &str) -> Option<jiff::civil::Date> {
    let digits = |s: &str| {
        s.chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let year: i16 = digits(raw).parse().ok()?;
    let rest = &raw[4..];
    let two = |s: &str| {
        let d = digits(s.strip_prefix('-')?);
        (d.len() == 2).then(|| d.parse::<i8>().ok()).flatten()
    };
    let month = two(rest).filter(|m| (1..=12).contains(m));
    let day = month
        .and_then(|_| two(&rest[3..]))
        .filter(|d| (1..=31).contains(d));
    jiff::civil::Date::new(year, month.unwrap_or(1), day.unwrap_or(1)).ok()
}

/// The date of a national publication: the 政府工作报告 of year Y on 5 March of Y, the
/// congress reports on their opening days.
fn national_date(path: &Path) -> Option<jiff::civil::Date> {
    let name = path.file_name()?.to_str()?;
    Some(match name {
        n if n.contains("cpc18") => jiff::civil::date(2012, 11, 8),
        n if n.contains("cpc19") => jiff::civil::date(2017, 10, 18),
        n if n.contains("cpc20") => jiff::civil::date(2022, 10, 16),
        n => jiff::civil::date(
            n.split(['-', '_', '.'])
                .find_map(|p| p.parse::<i16>().ok().filter(|y| *y > 2000))?,
            3,
            5,
        ),
    })
}

#[test]
fn manifest_dates_are_read() {
    assert_eq!(
        first_day("2023-01-05(发布)"),
        Some(jiff::civil::date(2023, 1, 5))
    );
    assert_eq!(first_day("2026-03"), Some(jiff::civil::date(2026, 3, 1)));
    assert_eq!(first_day("2025-2026"), Some(jiff::civil::date(2025, 1, 1)));
}

#[test]
fn clean_national_publications_have_no_timeliness_or_formulation_findings() {
    let Some(files) = corpus_files("national") else {
        return;
    };
    assert_eq!(
        findings_as_of(&files, &["timeliness", "formulation"], national_date),
        Vec::<String>::new()
    );
}

/// Timeliness and formulation findings on the drafts, each checked as of its own date;
/// every one has been read and judged right (see the issue notes).
#[test]
fn drafts_timeliness_and_formulation_findings_are_the_reviewed_ones() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    let mut dates = manifest_dates("enterprise");
    dates.extend(manifest_dates("local"));
    let as_of = |path: &Path| {
        let name = path.file_name()?.to_str()?;
        dates.iter().find(|(f, _)| f == name).map(|(_, d)| *d)
    };
    insta::assert_snapshot!(
        "drafts_timeliness_formulation",
        findings_as_of(&files, &["timeliness", "formulation"], as_of).join("\n")
    );
}

#[test]
fn clean_national_publications_have_no_numbering_or_structure_findings() {
    let Some(files) = corpus_files("national") else {
        return;
    };
    assert_eq!(files.len(), 16);
    assert_eq!(
        findings(&files, &["numbering", "structure"]),
        Vec::<String>::new()
    );
}

/// Every finding on the enterprise and local drafts has been read and judged (see the
/// issue notes); this snapshot keeps them from changing unnoticed.
#[test]
fn drafts_numbering_and_structure_findings_are_the_reviewed_ones() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    insta::assert_snapshot!(
        "drafts_numbering_structure",
        findings(&files, &["numbering", "structure"]).join("\n")
    );
}

/// Typography findings on the drafts, each read and judged (see the issue notes).
#[test]
fn drafts_typography_findings_are_the_reviewed_ones() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    insta::assert_snapshot!(
        "drafts_typography",
        findings(&files, &["typography"]).join("\n")
    );
}

/// The profile each corpus document gets from its title, as `-v` shows it; each was
/// checked against the document (the MANIFEST's type and the text). National reports
/// that open with “各位代表：” have no title, hence `generic`.
#[test]
fn every_corpus_document_gets_the_profile_its_title_names() {
    let expected = [
        ("enterprise/017", "comparison-check"),
        ("enterprise/018", "comparison-check"),
        ("enterprise/019", "comparison-check"),
        ("enterprise/020", "comparison-check"),
        ("enterprise/021", "comparison-check"),
        ("enterprise/022", "comparison-check"),
        ("enterprise/023", "comparison-check"),
        ("enterprise/026", "work-summary"),
        ("enterprise/027", "work-summary"),
        ("enterprise/028", "rectification"),
        ("enterprise/029", "comparison-check"),
        ("enterprise/030", "comparison-check"),
        ("enterprise/031", "comparison-check"),
        ("enterprise/032", "comparison-check"),
        ("enterprise/033", "comparison-check"),
        ("enterprise/034", "notice"),
        ("enterprise/035", "generic"),
        ("enterprise/036", "work-summary"),
        ("enterprise/037", "speech"),
        ("enterprise/038", "report"),
        ("local/101", "work-summary"),
        ("local/102", "notice"),
        ("local/103", "rule-of-law-report"),
        ("local/104", "rectification"),
        ("local/105", "report"),
        ("local/106", "report"),
        ("local/107", "letter"),
        ("local/108", "notice"),
        ("local/109", "issuing-notice"),
        ("local/110", "report"),
        ("local/111", "bulletin"),
        ("local/112", "generic"),
        ("local/113", "report"),
        ("local/114", "notice"),
        ("local/115", "work-summary"),
        ("local/116", "notice"),
        ("local/117", "issuing-notice"),
        ("local/118", "opinion"),
        ("national/001", "generic"),
        ("national/002", "generic"),
        ("national/003", "generic"),
        ("national/004", "generic"),
        ("national/005", "generic"),
        ("national/006", "government-work-report"),
        ("national/007", "generic"),
        ("national/008", "generic"),
        ("national/009", "government-work-report"),
        ("national/010", "government-work-report"),
        ("national/011", "government-work-report"),
        ("national/012", "government-work-report"),
        ("national/013", "generic"),
        ("national/014", "generic"),
        ("national/015", "speech"),
        ("national/016", "speech"),
    ];
    let mut files = Vec::new();
    for sub in ["enterprise", "local", "national"] {
        let Some(found) = corpus_files(sub) else {
            return;
        };
        files.extend(found);
    }
    let settings = Settings::new(jiff::civil::date(2026, 11, 27));
    let got: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let name = path
                .strip_prefix(CORPUS)
                .unwrap_or(path)
                .display()
                .to_string();
            let report = lint(
                SourceFile::read(path).expect("corpus files are UTF-8 text"),
                &settings,
            );
            (
                name[..name.find('_').unwrap_or(name.len())].to_string(),
                report.context.profile.id.clone(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, p)| ((*f).to_string(), (*p).to_string()))
        .collect();
    assert_eq!(got, expected);
}

/// Every L101 finding on the corpus, read and judged: (file, written, suggested, right,
/// why). A new finding fails the tests below until it is judged here; the counts of right
/// ones are what the rule's docs and the README report (L101 is off by default because
/// they fall short of 9 in 10).
const WRONG_CHARACTER_VERDICTS: &[(&str, &str, &str, bool, &str)] = &[
    (
        "national/004_gwr-national-2015.txt",
        "设市",
        "设施",
        false,
        "设市标准：设立市的标准",
    ),
    (
        "national/006_gwr-national-2017.txt",
        "禁入",
        "进入",
        false,
        "未明确禁入的行业：市场禁入，禁止进入",
    ),
    (
        "enterprise/022_dzjc-zhibu-chuangxin-2025.txt",
        "数智",
        "数值",
        false,
        "算网数智业务：数字化、智能化",
    ),
    (
        "enterprise/022_dzjc-zhibu-chuangxin-2025.txt",
        "暴漏",
        "暴露",
        true,
        "侧面暴漏出缺乏统筹配合：暴露出，“漏”为别字",
    ),
    (
        "enterprise/036_tuanzhibu-gongzuo-huibao-wangluoxian-2025.txt",
        "网优",
        "网友",
        false,
        "网优告警：网络优化，通信行业用语",
    ),
    (
        "local/109_shanghai-minhang-gumeilu-dujulaoren-xiaofang-tongzhi.txt",
        "感烟",
        "感应",
        false,
        "感烟报警器：感应烟雾的火灾报警器",
    ),
];

/// The judged verdict of each L101 finding (`file:line:col: info[L101] “written”疑为“suggested”…`);
/// panics on a finding nobody has judged.
fn verdicts(found: &[String]) -> Vec<bool> {
    found
        .iter()
        .map(|f| {
            let file = f.split(':').next().unwrap_or_default();
            let quoted: Vec<&str> = f
                .split('“')
                .skip(1)
                .filter_map(|q| q.split('”').next())
                .collect();
            let (written, suggested) = (quoted[0], quoted[1]);
            WRONG_CHARACTER_VERDICTS
                .iter()
                .find(|v| v.0 == file && v.1 == written && v.2 == suggested)
                .unwrap_or_else(|| {
                    panic!("judge this L101 finding in WRONG_CHARACTER_VERDICTS: {f}")
                })
                .3
        })
        .collect()
}

/// L101 wrong-character (selected by its code: it is off by default) on the national
/// publications: at most 0.1 findings per 10,000 characters, each one read and judged.
#[test]
fn wrong_characters_on_national_publications_are_rare_and_reviewed() {
    let Some(files) = corpus_files("national") else {
        return;
    };
    let chars: usize = files
        .iter()
        .map(|f| std::fs::read_to_string(f).map_or(0, |t| t.chars().count()))
        .sum();
    let found = findings(&files, &["L101"]);
    assert!(
        found.len() * 100_000 <= chars,
        "{} findings in {chars} characters: {found:#?}",
        found.len()
    );
    insta::assert_snapshot!("national_wrong_character", found.join("\n"));
    // Both are coinages of official writing, not slips: why L101 is off by default.
    assert_eq!(verdicts(&found), [false, false]);
}

/// L101 wrong-character on the 38 drafts, each finding read and judged.
#[test]
fn drafts_wrong_character_findings_are_the_reviewed_ones() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    let found = findings(&files, &["L101"]);
    insta::assert_snapshot!("drafts_wrong_character", found.join("\n"));
    let right = verdicts(&found).iter().filter(|&&v| v).count();
    assert_eq!((right, found.len()), (1, 3), "right of all, as judged");
}

/// L102 duplicated-word, L103 broken-set-phrase, L104 misused-de and L106
/// misused-character on the drafts, each finding read and judged (see the issue notes):
/// all 13 right (enterprise: 年度年度, 问题整改落实情况问题整改落实情况, 党支部支部, 贯彻贯彻
/// twice, 标书组标书组, 精神时时，, 讲的细, 讲的透, 停留着表面; local: 尽可能的贴近, 高效的做好,
/// 同行道路).
#[test]
fn drafts_word_level_language_findings_are_the_reviewed_ones() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    insta::assert_snapshot!(
        "drafts_language_words",
        findings(&files, &["L102", "L103", "L104", "L106"]).join("\n")
    );
}

#[test]
fn clean_national_publications_have_no_language_findings() {
    let Some(files) = corpus_files("national") else {
        return;
    };
    assert_eq!(files.len(), 16);
    // L101 wrong-character is held to a rate (at most 0.1 per 10,000 characters) and its
    // findings are a reviewed snapshot: see the tests above.
    let found: Vec<String> = findings(&files, &["language"])
        .into_iter()
        .filter(|f| !f.contains("[L101]"))
        .collect();
    assert_eq!(found, Vec::<String>::new());
}

/// The contradictory number words of the drafts, found by reading them all: none of 近…余,
/// 超过…以上 or 3余个; one 约有近 (an estimate stacked on an estimate) and one 不超过…以内
/// (a bound stated twice), both in the local documents. L105 reports exactly these, both right.
#[test]
fn drafts_contradictory_number_words_are_the_ones_found_by_reading() {
    let Some(mut files) = corpus_files("enterprise") else {
        return;
    };
    files.extend(corpus_files("local").unwrap_or_default());
    assert_eq!(
        findings(&files, &["L105"]),
        [
            "local/111_pingtan-nongcunfazhanju-2015-yuye-anquan-kaoping-tongbao.txt:15:9: warning[L105] “约有近60”中“约”与“近”同时估计一个数，意思重复",
            "local/117_shanghai-fengxian-jinhuizhen-xiaoxing-gongcheng-yijian-tongzhi.txt:51:69: warning[L105] “不超过合同价款的5%以内”中“不超过”与“以内”同时限定一个数，意思重复",
        ]
    );
}
