//! Each timeliness and formulation rule, firing and silent on report-style text, with
//! exact positions and messages.

use crate::common::{located, selected};
use gwlint::lint_text;

fn findings_at(code: &str, text: &str, as_of: Option<(i16, i8, i8)>) -> Vec<String> {
    let mut settings = selected(&[code]);
    settings.as_of = as_of.map(|(y, m, d)| jiff::civil::date(y, m, d));
    let report = lint_text("t.txt", text, &settings);
    located(&report, |d| {
        format!("{} {} {}", d.severity.as_str(), d.code, d.message)
    })
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
        .starts_with("2:3 warning R104 “‘两学一做’学习教育”自2019年5月31日起"));
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
    let fix = lint_text("t.txt", text, &selected(&["F102"])).diagnostics[0]
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

/// A listed wrong form counts only where it lines up with the words of the sentence:
/// 迁徒 in 拆迁徒增 belongs to two words (拆迁 · 徒增) and is not 迁徙 misspelt.
#[test]
fn f103_confusable_word_needs_word_boundaries() {
    for sentence in [
        "频繁拆迁徒增负担。",
        "登记帐篷数量。",
        "检查帐篷是否完好。",
        "发放蚊帐目前已完成。",
        "宣布署长任职。",
        "实施战略夺取主动。",
        "抓住关键问题纲举目张。",
        "按排期推进。",
        "按装饰面积计算。",
        "担心问责，故裹足不前。",
        "农村地区尤如此。",
        // A given name after a surname (详瑞 is listed for 祥瑞).
        "王详瑞同志任办公室主任。",
        "会议由张详瑞主持。",
    ] {
        let text = format!("{sentence}\n");
        assert_eq!(
            findings_at("F103", &text, None),
            Vec::<String>::new(),
            "{sentence}"
        );
    }
    assert_eq!(
        findings_at("F103", "候鸟迁徒季节，工作布署到位，要按排好时间。\n", None),
        vec![
            "1:3 warning F103 “迁徒”是别字或误用",
            "1:10 warning F103 “布署”是别字或误用",
            "1:16 warning F103 “按排”是别字或误用",
        ]
    );
    // Without a surname before it, 详瑞 is still the misspelt 祥瑞.
    assert_eq!(
        findings_at("F103", "这是详瑞之兆。\n", None),
        vec!["1:3 warning F103 “详瑞”是别字或误用"]
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

// ---------------------------------------------------------------- issue 11 regressions

const DEC_2026: Option<(i16, i8, i8)> = Some((2026, 12, 1));

#[test]
fn r101_npc_sessions_are_compared_with_npc_sessions() {
    let text = "深入贯彻十三届全国人大四次会议精神。\n";
    assert_eq!(
        findings_at("R101", text, DEC_2026),
        vec!["1:5 warning R101 “十三届全国人大四次会议”被当作当前指导，但第十四届全国人民代表大会第四次会议已于2026年3月5日召开（核对日期2026年12月1日，来自 --as-of）"]
    );
    // Both sides of the next session's opening day.
    assert_eq!(
        findings_at("R101", text, Some((2021, 6, 1))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R101", text, Some((2022, 3, 5))),
        Vec::<String>::new()
    );
    assert_eq!(findings_at("R101", text, Some((2022, 3, 6))).len(), 1);
    // A year's 两会 names that year's session.
    assert_eq!(
        findings_at("R101", "认真学习贯彻2025年全国两会精神。\n", DEC_2026),
        vec!["1:7 warning R101 “2025年全国两会”被当作当前指导，但第十四届全国人民代表大会第四次会议已于2026年3月5日召开（核对日期2026年12月1日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at("R101", "认真学习贯彻2026年全国两会精神。\n", DEC_2026),
        Vec::<String>::new()
    );
}

#[test]
fn r104_consolidating_a_finished_campaign_is_current_usage() {
    for text in [
        "巩固拓展主题教育成果。\n",
        "巩固拓展深入贯彻中央八项规定精神学习教育成果。\n",
        "推动党纪学习教育常态化长效化。\n",
    ] {
        assert_eq!(
            findings_at("R104", text, DEC_2026),
            Vec::<String>::new(),
            "{text}"
        );
    }
}

#[test]
fn r104_a_campaign_is_stale_from_the_day_it_ended() {
    let text = "下一步，扎实开展树立和践行正确政绩观学习教育。\n";
    assert_eq!(
        findings_at("R104", text, DEC_2026),
        vec!["1:9 warning R104 “树立和践行正确政绩观学习教育”已于2026年7月结束，此处却作为当前要求（核对日期2026年12月1日，来自 --as-of）"]
    );
    // It ended in July 2026: silent on its last possible day, reported after.
    assert_eq!(
        findings_at("R104", text, Some((2026, 7, 31))),
        Vec::<String>::new()
    );
    assert_eq!(findings_at("R104", text, Some((2026, 8, 1))).len(), 1);
    // A summary of 2026 tells what was done in 2026.
    let summary =
        "2026年度党建工作总结\n扎实开展树立和践行正确政绩观学习教育，累计组织学习12次。\n";
    assert_eq!(findings_at("R104", summary, DEC_2026), Vec::<String>::new());
}

#[test]
fn r108_events_that_cannot_have_happened_yet() {
    let text = "深入学习贯彻党的二十一大精神。\n";
    assert_eq!(
        findings_at("R108", text, DEC_2026),
        vec!["1:7 error R108 “党的二十一大”在核对日期2026年12月1日时还不可能已经召开（按届期最早2027年1月）"]
    );
    assert_eq!(
        findings_at("R108", "深入学习贯彻十四届全国人大五次会议精神。\n", DEC_2026),
        vec!["1:7 error R108 “十四届全国人大五次会议”在核对日期2026年12月1日时还不可能已经召开（按届期最早2027年3月）"]
    );
    // Once the expected period has come, nothing is claimed.
    assert_eq!(
        findings_at("R108", text, Some((2027, 12, 1))),
        Vec::<String>::new()
    );
    // A held session cited before it opened (with a document date).
    assert_eq!(
        findings_at(
            "R108",
            "深入贯彻十四届全国人大四次会议精神。\n",
            Some((2026, 3, 4))
        )
        .len(),
        1
    );
    assert_eq!(
        findings_at(
            "R108",
            "深入贯彻十四届全国人大四次会议精神。\n",
            Some((2026, 3, 5))
        ),
        Vec::<String>::new()
    );
    // An outline cited as adopted before the NPC adopted it.
    assert_eq!(
        findings_at(
            "R108",
            "“十五五”规划纲要提出的目标任务。\n",
            Some((2026, 3, 11))
        )
        .len(),
        1
    );
    assert_eq!(
        findings_at(
            "R108",
            "“十五五”规划纲要提出的目标任务。\n",
            Some((2026, 3, 12))
        ),
        Vec::<String>::new()
    );
}

#[test]
fn r103_a_finished_plan_named_as_the_thing_to_carry_out() {
    let asof = Some((2026, 6, 1));
    assert_eq!(
        findings_at("R103", "落实“十四五”规划确定的目标任务。\n", asof),
        vec!["1:3 warning R103 “‘十四五’规划”的规划期已于2025年结束，此处却作为要制定或执行的规划（核对日期2026年6月1日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at("R103", "认真落实“十四五”规划。\n", asof).len(),
        1
    );
    // In 2025 the plan is current; an account of its period is not reported.
    assert_eq!(
        findings_at("R103", "认真落实“十四五”规划。\n", Some((2025, 6, 1))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R103", "“十四五”时期，全县地区生产总值年均增长6%。\n", asof),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R103", "实施“十四五”规划期间，全县新建道路80公里。\n", asof),
        Vec::<String>::new()
    );
}

#[test]
fn r105_wordings_changed_on_a_date() {
    let text = "下一步，坚决守住不发生规模性返贫底线。\n";
    assert_eq!(
        findings_at("R105", text, Some((2025, 6, 1))),
        vec!["1:9 warning R105 “不发生规模性返贫”是2025年3月5日起已停用的提法，此处却用于当前指导或今后安排（核对日期2025年6月1日，来自 --as-of）"]
    );
    assert_eq!(
        findings_at("R105", text, Some((2025, 3, 5))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at(
            "R105",
            "下一步，坚决守住不发生规模性返贫致贫底线。\n",
            Some((2025, 6, 1))
        ),
        Vec::<String>::new()
    );
}

#[test]
fn r106_provincial_congress_of_the_2026_round() {
    let settings_text = "四川省某县\n深入学习贯彻省第十二次党代会精神。\n";
    // Sichuan's 13th congress is expected in the first half of 2027.
    assert_eq!(
        findings_at("R106", settings_text, Some((2027, 7, 31))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R106", settings_text, Some((2027, 8, 1))),
        vec!["2:7 warning R106 “省第十二次党代会”被当作当前指导，但按五年一届，中国共产党四川省第十三次代表大会应已于2027年7月前召开（召开日期未核实；核对日期2027年8月1日，来自 --as-of）"]
    );
    // Hebei's 11th is expected in the second half of 2026: citing it before then is
    // reported as impossible, citing the 10th after the year is out as superseded.
    let hebei = "河北省某县\n深入学习贯彻省第十一次党代会精神。\n";
    assert_eq!(findings_at("R108", hebei, Some((2026, 5, 1))).len(), 1);
    assert_eq!(
        findings_at("R108", hebei, Some((2026, 7, 1))),
        Vec::<String>::new()
    );
    let old = "河北省某县\n深入学习贯彻省第十次党代会精神。\n";
    assert_eq!(
        findings_at("R106", old, Some((2026, 12, 31))),
        Vec::<String>::new()
    );
    assert_eq!(findings_at("R106", old, Some((2027, 1, 1))).len(), 1);
}

#[test]
fn r109_dated_institutions() {
    let text = "请银保监分局牵头，会同有关部门抓好落实。\n";
    assert_eq!(
        findings_at("R109", text, Some((2023, 5, 17))),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("R109", text, Some((2023, 5, 19))),
        vec!["1:2 warning R109 “银保监分局”已于2023年5月18日在机构改革中撤并或更名（核对日期2023年5月19日，来自 --as-of）"]
    );
    let fire = "请公安消防大队加强辖区火灾隐患排查。\n";
    assert_eq!(
        findings_at("R109", fire, Some((2018, 10, 9))),
        Vec::<String>::new()
    );
    assert_eq!(findings_at("R109", fire, Some((2018, 10, 10))).len(), 1);
}

#[test]
fn f103_new_confusables_at_word_level_and_info_for_accepted_forms() {
    assert_eq!(
        findings_at("F103", "对照落实台帐逐项销号。\n", DEC_2026),
        vec!["1:5 warning F103 “台帐”是别字或误用"]
    );
    // Single words now that matching respects word boundaries: wherever they stand alone …
    assert_eq!(
        findings_at(
            "F103",
            "台帐要及时更新，双方签定协议，资金拔付到位，做为党员要带头，不得互相推委。\n",
            DEC_2026
        ),
        vec![
            "1:1 warning F103 “台帐”是别字或误用",
            "1:11 warning F103 “签定”是别字或误用",
            "1:18 warning F103 “拔付”是别字或误用",
            "1:23 warning F103 “做为”是别字或误用",
            "1:35 warning F103 “推委”是别字或误用",
        ]
    );
    // … and never across two words.
    assert_eq!(
        findings_at(
            "F103",
            "统一使用服务平台帐号，商品标签定期更新，注重选拔付出努力的干部，多做为民办实事的好事。\n",
            DEC_2026
        ),
        Vec::<String>::new()
    );
    // 党记, 记律, 记检, 记委, 违记 (for 党纪, 纪律, 纪检, 纪委, 违纪) only where they stand as words.
    assert_eq!(
        findings_at(
            "F103",
            "对照党章党规党记，严守政治记律。\n做好入党记录，接受本党记者采访，办理登记律师事务所。\n\
             接受记检监察，向上级记委报告，未发生违记行为。\n开展登记检查，召开书记委员会议。\n",
            DEC_2026
        ),
        vec![
            "1:7 warning F103 “党记”是别字或误用",
            "1:14 warning F103 “记律”是别字或误用",
            "3:3 warning F103 “记检”是别字或误用",
            "3:11 warning F103 “记委”是别字或误用",
            "3:19 warning F103 “违记”是别字或误用",
        ]
    );
    // 台帐 inside 舞台帐篷 is not the word 台账.
    assert_eq!(
        findings_at("F103", "在广场搭建舞台帐篷。\n", DEC_2026),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_at("F103", "这是亟待解决的问题，急待解决。\n", DEC_2026),
        vec!["1:11 info F103 “急待解决”是别字或误用"]
    );
}

#[test]
fn f103_names_a_left_out_character_and_keeps_to_word_boundaries() {
    // A character left out is named as missing, not the one shown before it.
    assert_eq!(
        findings_at(
            "F103",
            "加强未成年权益保护，推进未成人保护工作。\n",
            DEC_2026
        ),
        vec![
            "1:5 warning F103 “未成年权益”漏了“人”字",
            "1:14 warning F103 “未成人保护”漏了“年”字",
        ]
    );
    // Characters in the wrong order are named as such.
    assert_eq!(
        findings_at("F103", "重点推进社会度关注较高的招生信息工作。\n", DEC_2026),
        vec!["1:7 warning F103 “社会度关注较高”中的“度关注”次序颠倒"]
    );
    // 纪录 (a best result) and 泄漏 (a gas escaping) by pattern, only where the words begin.
    assert_eq!(
        findings_at("F103", "接待人数创下历史记录，严防燃气泄露。\n", DEC_2026),
        vec![
            "1:9 warning F103 “创下历史记录”中的“记录”是别字或误用",
            "1:14 warning F103 “燃气泄露”是别字或误用",
        ]
    );
    for sentence in [
        "首创记录仪联网监管，开创记录片创作新局面。",
        "孩子尚未成年保护意识不强。",
        "不得泄露当事人的商业秘密，燃气泄漏要及时报告。",
    ] {
        assert_eq!(
            findings_at("F103", &format!("{sentence}\n"), DEC_2026),
            Vec::<String>::new(),
            "{sentence}"
        );
    }
}
