//! Each timeliness and formulation rule, firing and silent on report-style text, with
//! exact positions and messages.

use gwlint::source::LineIndex;
use gwlint::{lint_text, Settings};

fn findings_at(code: &str, text: &str, as_of: Option<(i16, i8, i8)>) -> Vec<String> {
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    settings
        .select(&[code.to_string()], &[])
        .expect("known code");
    settings.as_of = as_of.map(|(y, m, d)| jiff::civil::date(y, m, d));
    let report = lint_text("t.txt", text, &settings);
    let index = LineIndex::new(text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.start);
            format!(
                "{}:{} {} {} {}",
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

const EARLY_2023: Option<(i16, i8, i8)> = Some((2023, 3, 15));

#[test]
fn r101_superseded_guidance() {
    let text = "下一步，我们将深入学习贯彻党的十九大精神。\n";
    assert_eq!(
        findings_at("R101", text, EARLY_2023),
        vec!["1:14 warning R101 “党的十九大”被当作当前指导，但中国共产党第二十次全国代表大会已于2022年10月16日召开（核对日期2023年3月15日，来自 --as-of）"]
    );
    // In 2019 the 19th congress is current; a time span is never guidance.
    assert_eq!(
        findings_at("R101", text, Some((2019, 5, 1))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R101", "党的十八大以来，全镇经济持续发展。\n", EARLY_2023),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R101", "组织干部学习了党的十九大精神。\n", EARLY_2023),
        Vec::<String>::new()
    );
}

#[test]
fn r102_mixed_eras() {
    let text = "一、工作开展情况\n组织干部学习了党的二十大精神。\n二、下一步打算\n用十八大及十八届三中、四中、五中、六中全会精神武装干部头脑。\n";
    assert_eq!(
        findings_at("R102", text, EARLY_2023),
        vec!["4:2 warning R102 文中已引用“党的二十大”，此处仍以“十八大及十八届三中、四中、五中、六中全会”作为指导，新旧提法混用"]
    );
    // R101 leaves it to R102: one finding per reference.
    assert_eq!(findings_at("R101", text, EARLY_2023), Vec::<String>::new());
}

#[test]
fn r103_stale_plan() {
    let text = "二、下一步打算\n制定好《农村道路建设十三五规划》，并抓好落实。\n";
    assert_eq!(
        findings_at("R103", text, EARLY_2023),
        vec!["2:11 warning R103 “十三五规划”的规划期已于2020年结束，此处却作为要制定或执行的规划（核对日期2023年3月15日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at("R103", "“十三五”期间，全镇新建道路80公里。\n", EARLY_2023),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R103", text, Some((2018, 3, 1))),
        Vec::<String>::new()
    );
}

#[test]
fn r104_finished_campaign() {
    let text = "二、下一步打算\n按照“两学一做”学习教育的有关要求，不断增强服务群众的能力。\n";
    assert_eq!(findings_at("R104", text, EARLY_2023).len(), 1);
    assert!(findings_at("R104", text, EARLY_2023)[0]
        .starts_with("2:4 warning R104 “‘两学一做’学习教育”自2019年5月31日起"));
    let past = "党的十八大以来，先后开展“两学一做”学习教育等专题教育。\n";
    assert_eq!(findings_at("R104", past, EARLY_2023), Vec::<String>::new());
}

#[test]
fn r105_outdated_term() {
    let text = "四、今后努力方向\n重点抓好八个贫困村的脱贫攻坚工作。\n镇党委将认真组织学习习近平总书记系列重要讲话精神。\n";
    let found = findings_at("R105", text, EARLY_2023);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("2:7 warning R105 “贫困村的脱贫攻坚工作”"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(
            "3:11 warning R105 “习近平总书记系列重要讲话精神”是2017年10月18日起已停用的提法"
        ),
        "{found:?}"
    );
    // An account of the past is not reported.
    let past = "二、工作开展情况\n各项农业补贴、新农合、新农保等惠民政策全面落实。\n";
    assert_eq!(findings_at("R105", past, EARLY_2023), Vec::<String>::new());
}

#[test]
fn r106_superseded_provincial_congress() {
    let text =
        "荣获“四川省民间文化艺术之乡”称号。\n今后，镇党委将认真组织学习省第十一次党代会精神。\n";
    let found = findings_at("R106", text, EARLY_2023);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("2:14 warning R106 “省第十一次党代会”被当作当前指导，但中国共产党四川省第十二次代表大会已于2022年"), "{found:?}");
    // Without a province the bare form is not guessed.
    let unknown = "今后，镇党委将认真组织学习省第十一次党代会精神。\n";
    assert_eq!(
        findings_at("R106", unknown, EARLY_2023),
        Vec::<String>::new()
    );
}

#[test]
fn r107_stale_document() {
    let text = "到2020年末，全镇实现地区生产总值3.45亿元。\n";
    assert_eq!(
        findings_at("R107", text, EARLY_2023),
        vec!["1:2 warning R107 文中提到的最近年份是2020年，比核对日期早3年（核对日期2023年3月15日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at(
            "R107",
            "到2022年末，全镇实现地区生产总值3.45亿元。\n",
            EARLY_2023
        ),
        Vec::<String>::new()
    );
}

#[test]
fn r108_date_before_event() {
    let text =
        "镇党委自查报告\n组织干部学习了党的二十大精神。\n\n中共示范镇委员会\n2022年5月10日\n";
    assert_eq!(
        findings_at("R108", text, None),
        vec![
            "2:8 error R108 核对日期2022年5月10日早于文中引用的“党的二十大”召开日期2022年10月16日"
        ]
    );
    // A congress awaited, not cited as held, is fine; so is any text checked as of today.
    let awaiting =
        "镇党委工作总结\n以优异成绩迎接党的二十大胜利召开。\n\n中共示范镇委员会\n2022年5月10日\n";
    assert_eq!(findings_at("R108", awaiting, None), Vec::<String>::new());
}

#[test]
fn f101_nonstandard_formulation() {
    let text = "自觉同以习近平总书记为核心的党中央保持高度一致。\n";
    assert_eq!(
        findings_at("F101", text, None),
        vec!["1:4 error F101 “以习近平总书记为核心的党中央”不是规范表述"]
    );
    assert_eq!(
        findings_at(
            "F101",
            "自觉同以习近平同志为核心的党中央保持高度一致。\n",
            None
        ),
        Vec::<String>::new()
    );
}

#[test]
fn f102_corrupted_set_phrase() {
    let text = "牢固树立科学执政、民主执政、依法执法的执政理念。\n";
    assert_eq!(
        findings_at("F102", text, None),
        vec!["1:15 error F102 固定说法“科学执政、民主执政、依法执政”中写作“依法执法”"]
    );
    let mut settings = Settings::new(jiff::civil::date(2026, 11, 27));
    settings.select(&["F102".to_string()], &[]).unwrap();
    let fix = lint_text("t.txt", text, &settings).diagnostics[0]
        .fix
        .clone()
        .unwrap();
    assert_eq!(
        (fix.safe, fix.edits[0].replacement.as_str()),
        (false, "依法执政")
    );
    assert_eq!(
        findings_at(
            "F102",
            "牢固树立科学执政、民主执政、依法执政的执政理念。\n",
            None
        ),
        Vec::<String>::new()
    );
}

#[test]
fn f103_confusable_word() {
    let text = "个别村级财务支出较多，群众反应强烈。同时避免各自为阵。\n";
    assert_eq!(
        findings_at("F103", text, None),
        vec![
            "1:14 warning F103 “群众反应强烈”中的“反应”是别字或误用",
            "1:23 warning F103 “各自为阵”是别字或误用",
        ]
    );
    assert_eq!(
        findings_at("F103", "群众反映强烈，化学反应明显。\n", None),
        Vec::<String>::new()
    );
}

#[test]
fn r109_renamed_institution() {
    let text = "请安监局牵头，会同有关部门抓好落实。\n";
    assert_eq!(
        findings_at("R109", text, Some((2021, 5, 1))),
        vec!["1:2 warning R109 “安监局”已于2018年3月17日在机构改革中撤并或更名（核对日期2021年5月1日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at("R109", text, Some((2017, 5, 1))),
        Vec::<String>::new()
    );
}
