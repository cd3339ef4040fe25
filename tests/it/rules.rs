//! Each numbering and structure rule, firing on text written in the style of real
//! reports and staying silent on clean text. Every assertion is exact: position, code
//! and message.

use crate::common::{located, selected};
use gwlint::lint_text;
use gwlint::profile::Profile;

fn findings_with(code: &str, text: &str, profile: Option<&str>) -> Vec<String> {
    let mut settings = selected(&[code]);
    settings.profile = profile.map(|p| Profile::by_id(p).expect("known profile"));
    let report = lint_text("test.txt", text, &settings);
    located(&report, |d| format!("{} {}", d.code, d.message))
}

fn findings(code: &str, text: &str) -> Vec<String> {
    findings_with(code, text, None)
}

#[test]
fn n101_numbering_gap() {
    let text =
        "一、工作开展情况\n（一）坚持理论学习。\n（二）加强作风建设。\n（四）强化纪律约束。\n";
    assert_eq!(
        findings("N101", text),
        vec!["4:1 N101 序号“（四）”之前缺少“（三）”"]
    );
    // Numbering restarts under each parent: （一） under 二、 is not a gap or a duplicate.
    let text = "一、工作开展情况\n（一）坚持理论学习。\n（二）加强作风建设。\n二、存在的问题\n（一）学习不深入。\n（二）作风不扎实。\n";
    assert_eq!(findings("N101", text), Vec::<String>::new());
    assert_eq!(findings("N102", text), Vec::<String>::new());
}

#[test]
fn n102_numbering_duplicate() {
    let text = "（六）合力推进各项工作。\n1.经济实力大幅提升。\n2.基础设施显著改善。\n2.惠民政策深入实施。\n";
    assert_eq!(
        findings("N102", text),
        vec!["4:1 N102 序号“2.”与上一个同级序号重复"]
    );
}

#[test]
fn n103_numbering_disorder_and_restart() {
    let text =
        "一、基本情况\n情况良好。\n三、存在的问题\n问题较多。\n二、工作开展情况\n成效明显。\n";
    assert_eq!(
        findings("N103", text),
        vec!["5:1 N103 序号“二、”出现在“三、”之后，顺序颠倒"]
    );
    let text = "（一）学习方面\n1.学习不深入。\n2.形式单一。\n执行上级组织决定方面，部署落实不够迅速。\n1.贯彻落实不够有力。\n";
    assert_eq!(
        findings("N103", text),
        vec!["5:1 N103 序号“1.”在同级的“2.”之后又从头编起"]
    );
    // After an unnumbered subheading, a new list is a new group.
    let text = "（一）学习方面\n1.学习不深入。\n2.形式单一。\n执行上级组织决定方面\n1.贯彻落实不够有力。\n2.汇报不及时。\n";
    assert_eq!(findings("N103", text), Vec::<String>::new());
}

#[test]
fn n104_inconsistent_sublevel() {
    let text = "一、工作开展情况\n（一）坚持理论学习。\n（二）加强作风建设。\n二、存在的问题\n（一）学习不深入。\n三、整改措施\n1.健全学习制度。\n";
    assert_eq!(
        findings("N104", text),
        vec!["7:1 N104 第一层标题下的小标题用“1.”，而同级其他各节用“（一）”这一级序号"]
    );
}

#[test]
fn n105_nonstandard_marker_with_fix() {
    let text = "（六）合力推进各项工作顺利开展。\n1、经济实力大幅提升。\n(三)严格党内生活。\n二.存在的问题\n（1）加强学习。\n(2)完善制度。\n";
    assert_eq!(
        findings("N105", text),
        vec![
            "2:1 N105 第三层序号写作“1、”（阿拉伯数字加顿号）",
            "3:1 N105 第二层序号写作“(三)”（半角括号）",
            "4:1 N105 第一层序号写作“二.”（汉字加半角点）",
            "6:1 N105 第四层序号写作“(2)”（半角括号）",
        ]
    );
    let report = lint_text("t.txt", text, &selected(&["N105"]));
    let fixes: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.fix.as_ref().unwrap().edits[0].replacement.as_str())
        .collect();
    assert_eq!(fixes, vec!["1.", "（三）", "二、", "（2）"]);
}

#[test]
fn numbers_at_a_line_start_are_not_headings() {
    let text = "1.2亿元的投资全部到位。\n2023年3月召开了会议。\n10%的村完成了改造。\n";
    for code in ["N101", "N102", "N103", "N105"] {
        assert_eq!(findings(code, text), Vec::<String>::new(), "{code}");
    }
}

#[test]
fn n106_level_inversion() {
    let text = "一、下一步打算\n（一）坚持理论学习\n一、加强政治学习。\n（二）增强群众观念\n";
    assert_eq!(
        findings("N106", text),
        vec!["3:1 N106 第一层序号“一、”出现在第二层“（一）”之下，层级颠倒"]
    );
    // The inverted heading does not make the next （二） a gap.
    assert_eq!(findings("N101", text), Vec::<String>::new());
}

#[test]
fn n107_lone_enumeration() {
    let text = "（五）干部作风需进一步改进。一是一些干部下村在村办公室止步，致使群众有怨气。\n";
    assert_eq!(
        findings("N107", text),
        vec!["1:15 N107 只有“一是”，没有“二是”"]
    );
    let text = "（三）认识模糊。一是行动上缺乏自觉性。二是缺少有效措施。三是监管制度疏于落实。\n";
    assert_eq!(findings("N107", text), Vec::<String>::new());
    // 统一是, 第一书记, 首先 alone: not enumerations.
    let text = "思想统一是前提。第一书记驻村。首先，对巡察组表示欢迎。\n";
    assert_eq!(findings("N107", text), Vec::<String>::new());
}

#[test]
fn n108_enumeration_gap() {
    let text = "一是加强政治学习。三是完善干部学习制度。\n";
    assert_eq!(
        findings("N108", text),
        vec!["1:10 N108 “三是”之前缺少“二是”"]
    );
}

#[test]
fn n109_enumeration_disorder() {
    let text = "一是加强学习。二是完善制度。二是强化监督。\n";
    assert_eq!(findings("N109", text), vec!["1:15 N109 “二是”重复出现"]);
    let text = "一是加强学习。三是完善制度。二是强化监督。\n";
    assert_eq!(
        findings("N109", text),
        vec!["1:15 N109 “二是”出现在“三是”之后，顺序颠倒"]
    );
}

#[test]
fn n110_mixed_enumeration() {
    let text = "一是加强政治学习。第二，加强先进典型学习。\n";
    assert_eq!(
        findings("N110", text),
        vec!["1:10 N110 “一是”开头的列举中用了“第二”"]
    );
    let text = "第一，加强政治学习。第二，加强先进典型学习。\n";
    assert_eq!(findings("N110", text), Vec::<String>::new());
}

const SELF_INSPECTION_OK: &str = "镇党委自查报告\n\n一、工作开展情况\n开展学习12次。\n二、存在的问题\n学习不够深入。\n三、整改措施\n健全学习制度。\n\n中共示范镇委员会\n2023年3月15日\n";

#[test]
fn s101_missing_section() {
    let text = "镇党委自查报告\n一、工作开展情况\n开展学习12次。\n二、下一步打算\n健全学习制度。\n中共示范镇委员会\n2023年3月15日\n";
    assert_eq!(
        findings("S101", text),
        vec!["4:1 S101 自查报告缺少“存在的问题”部分"]
    );
    assert_eq!(findings("S101", SELF_INSPECTION_OK), Vec::<String>::new());
    // The generic profile requires no section.
    assert_eq!(
        findings_with("S101", text, Some("generic")),
        Vec::<String>::new()
    );
}

#[test]
fn s102_section_order() {
    let text = "镇党委自查报告\n一、工作开展情况\n开展学习。\n二、整改措施\n健全制度。\n三、存在的问题\n学习不深入。\n";
    assert_eq!(
        findings("S102", text),
        vec!["6:3 S102 “存在的问题”部分写在了“整改措施或下一步打算”部分之后"]
    );
    assert_eq!(findings("S102", SELF_INSPECTION_OK), Vec::<String>::new());
}

#[test]
fn s103_placeholder_or_empty_body() {
    let text = "一、基本情况\n……\n二、工作开展情况\n开展学习12次。\n";
    assert_eq!(
        findings("S103", text),
        vec!["2:1 S103 “基本情况”一节的正文只有占位符“……”"]
    );
    let text = "（一）组织领导\n成立领导小组。\n（二）宣传发动\n（三）督促检查\n开展督查3次。\n";
    assert_eq!(
        findings("S103", text),
        vec!["3:4 S103 “宣传发动”一节没有正文"]
    );
    // A list of one-line items is not a list of empty sections.
    let text = "附件说明如下：\n1.理论学习不深入；\n2.组织生活不规范；\n3.作风建设不扎实。\n";
    assert_eq!(findings("S103", text), Vec::<String>::new());
}

#[test]
fn s104_template_placeholder() {
    let text = "截至目前，全镇共有党员XX名，其中预备党员×××名，由某某同志负责。\n";
    assert_eq!(
        findings("S104", text),
        vec![
            "1:12 S104 留有模板占位符“XX”（待填写的名称或数字）",
            "1:22 S104 留有模板占位符“×××”（待填写的名称或数字）",
            "1:28 S104 留有模板占位符“某某”（待填写的人名或单位名）",
        ]
    );
    // An example inside an instruction, and XX inside a Latin word, are not blanks.
    let text = "须列出各等次党员的姓名（如优秀党员×××、×××）。型号XXL的设备。\n";
    assert_eq!(findings("S104", text), Vec::<String>::new());
}

#[test]
fn s105_missing_title() {
    let text = "一、工作开展情况\n开展学习。\n";
    assert_eq!(
        findings_with("S105", text, Some("self-inspection")),
        vec!["1:1 S105 文档开头没有标题"]
    );
    assert_eq!(findings("S105", SELF_INSPECTION_OK), Vec::<String>::new());
}

#[test]
fn s106_s107_missing_signature_and_date() {
    let text = "镇党委自查报告\n一、工作开展情况\n开展学习12次。\n二、存在的问题\n学习不深入。\n三、整改措施\n健全学习制度。\n";
    assert_eq!(
        findings("S106", text),
        vec!["7:8 S106 正文之后没有落款（发文机关署名）"]
    );
    assert_eq!(findings("S107", text), vec!["7:8 S107 文末没有成文日期"]);
    assert_eq!(findings("S106", SELF_INSPECTION_OK), Vec::<String>::new());
    assert_eq!(findings("S107", SELF_INSPECTION_OK), Vec::<String>::new());
    // A closing line and an attachment list do not hide the signature and date.
    let text = format!(
        "{}特此报告。\n\n中共示范镇委员会\n2023年3月15日\n附件：1.整改台账\n",
        &SELF_INSPECTION_OK[..SELF_INSPECTION_OK.find("\n中共").unwrap() + 1]
    );
    assert_eq!(findings("S106", &text), Vec::<String>::new());
    assert_eq!(findings("S107", &text), Vec::<String>::new());
}

#[test]
fn s108_nonstandard_date() {
    let base = "镇党委自查报告\n一、工作开展情况\n开展学习。\n\n中共示范镇委员会\n";
    assert_eq!(
        findings("S108", &format!("{base}二〇二三年三月十五日\n")),
        vec!["6:1 S108 成文日期写作“二〇二三年三月十五日”"]
    );
    assert_eq!(
        findings("S108", &format!("{base}2023年03月05日\n")),
        vec!["6:1 S108 成文日期写作“2023年03月05日”"]
    );
    assert_eq!(
        findings("S108", &format!("{base}2023.3.5\n")),
        vec!["6:1 S108 成文日期写作“2023.3.5”"]
    );
    assert_eq!(
        findings("S108", &format!("{base}2023年3月15日\n")),
        Vec::<String>::new()
    );
}
