//! The 文种 of the 《党政机关公文处理工作条例》: each profile chosen from the title alone,
//! a clean document written as an office writes it with no finding, and broken ones with
//! the exact findings (line, column, code, message) a reviewer would give. User profiles
//! from gwlint.toml through the command line.

use super::common::gwlint;
use crate::common::{located, selected};
use gwlint::lint_text;
use predicates::prelude::*;

/// Every finding of the structure and elements families, and the profile chosen.
fn check(text: &str) -> (String, Vec<String>) {
    let report = lint_text("test.txt", text, &selected(&["structure"]));
    let findings = located(&report, |d| format!("{} {}", d.code, d.message));
    (report.context.profile.id.clone(), findings)
}

#[test]
fn a_user_profile_from_gwlint_toml_is_chosen_listed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("gwlint.toml"),
        "profiles = [\"文种/简报.toml\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("文种")).unwrap();
    std::fs::write(
        dir.path().join("文种/简报.toml"),
        "id = \"briefing\"\nname = \"工作简报\"\ntitle-ends-with = [\"简报\"]\nsource = \"本单位信息工作办法\"\n\n[closing]\nsignature = true\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "示范镇安全生产工作简报\n\n本月开展安全检查12次。\n",
    )
    .unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "-v", "a.txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("文种 工作简报"))
        .stdout(predicate::str::contains("S106"));
    gwlint()
        .current_dir(dir.path())
        .args(["rule", "profiles"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "briefing                  工作简报",
        ))
        .stdout(predicate::str::contains("request                   请示"));
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--profile", "nope", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("briefing"));
    // A broken profile file stops the run and names the entry and the line.
    std::fs::write(
        dir.path().join("文种/简报.toml"),
        "id = \"briefing\"\nname = \"工作简报\"\ntitle-ends = [\"简报\"]\nsource = \"x\"\n",
    )
    .unwrap();
    let out = gwlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2);
    // The report is wrapped to the terminal's width: compare without the layout.
    let stderr: String = String::from_utf8_lossy(&out.get_output().stderr)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect();
    assert!(stderr.contains("文种/简报.toml”有误：第3行"), "{stderr}");
    assert!(stderr.contains("title-ends"), "{stderr}");
}

#[test]
fn rule_shows_a_profile() {
    gwlint()
        .args(["rule", "request"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# 文种 request 请示"))
        .stdout(predicate::str::contains("主送机关：必须有，且只写一个"));
}

#[test]
fn a_notice_under_its_document_number_is_a_notice_and_its_imprint_is_not_its_signature() {
    let text = "示府办发〔2024〕12号\n\n关于做好2024年防汛工作的通知\n\n各村（居）委会，镇属各单位：\n    为做好今年防汛工作，现将有关事项通知如下。\n    一、落实防汛责任\n    各村要落实防汛责任人。\n    特此通知。\n\n示范镇人民政府办公室\n2024年5月6日\n\n抄送：县防汛办。\n示范镇人民政府办公室                2024年5月6日印发\n";
    let (profile, findings) = check(text);
    assert_eq!(profile, "notice");
    assert_eq!(findings, Vec::<String>::new());
}

#[test]
fn the_clean_notice_example_has_no_structure_finding() {
    let text = std::fs::read_to_string("examples/notice.txt").unwrap();
    assert_eq!(check(&text), ("notice".to_string(), Vec::<String>::new()));
}

#[test]
fn the_request_example_gets_what_a_reviewer_marks() {
    let text = std::fs::read_to_string("examples/request-with-defects.txt").unwrap();
    let (profile, findings) = check(&text);
    assert_eq!(profile, "request");
    assert_eq!(
        findings,
        [
            "1:21 S114 请示一文多事：“申请办公用房维修经费”和“增加工作人员编制”是两件事",
            "1:30 S109 “请示报告”不是公文文种",
            "3:1 S112 请示主送了不止一个机关：“县财政局、县委编办”",
            "4:79 S113 发文字号写作“[2024]3号”：年份应用六角括号“〔〕”",
            "5:5 S110 请示的结束语写作报告的“特此报告”",
            "8:1 S108 成文日期写作“2024年3月5号”",
        ]
    );
}

#[test]
fn a_request_without_its_request_and_a_letter_without_its_closing() {
    let request = "关于申请办公用房维修经费的请示\n\n县财政局：\n    我镇办公楼屋面渗漏，需维修，预计经费12万元。\n\n示范镇人民政府\n2024年3月5日\n";
    assert_eq!(
        check(request),
        (
            "request".to_string(),
            vec!["4:28 S111 请示没有结束语".to_string()]
        )
    );
    let clean = request.replace("12万元。", "12万元。\n    妥否，请批示。");
    assert_eq!(check(&clean).1, Vec::<String>::new());
    let letter = "示范县交通运输局关于商请支持开展联合执法的函\n\n县公安局：\n    为整治超限运输，我局拟于6月开展联合执法，请派员参加。\n\n示范县交通运输局\n2024年5月6日\n";
    assert_eq!(
        check(letter),
        (
            "letter".to_string(),
            vec!["4:32 S111 函没有结束语".to_string()]
        )
    );
    let clean = letter.replace("请派员参加。", "请派员参加。\n    特此函告。");
    assert_eq!(check(&clean).1, Vec::<String>::new());
    let no_addressee = clean.replace("县公安局：\n", "");
    assert_eq!(check(&no_addressee).1, ["3:1 S112 函没有主送机关"]);
}

#[test]
fn a_report_asking_for_approval_and_an_opinion_without_signature() {
    let report = "示范镇关于2023年安全生产工作情况的报告\n\n县应急管理局：\n    2023年，我镇未发生较大以上安全事故。\n    以上报告，妥否，请批示。\n\n示范镇人民政府\n2024年1月10日\n";
    assert_eq!(
        check(report),
        (
            "report".to_string(),
            vec!["5:10 S110 报告中夹带请示事项（“妥否，请批示”）".to_string()]
        )
    );
    let opinion = "关于进一步加强城市供水安全保障工作的实施意见\n\n各乡镇人民政府：\n    一、总体要求\n    保障供水安全。\n\n2015年4月28日\n";
    assert_eq!(
        check(opinion),
        (
            "opinion".to_string(),
            vec!["7:1 S106 正文之后没有落款（发文机关署名）".to_string()]
        )
    );
}

/// A 请示 with every element GB/T 9704-2012 gives it: 版头 with 发文字号 and 签发人,
/// 附件说明, 附注, the 附件 printed after the date, 版记.
const FULL_REQUEST: &str = "示政〔2024〕8号　　　　签发人：李明

示范镇人民政府关于申请办公用房维修经费的请示

县财政局：
    我镇办公楼建于1998年，屋面渗漏严重，经县住房和城乡建设局鉴定需整体维修，预计经费12万元。我镇已于2024年2月20日完成维修方案论证。
    妥否，请批示。

附件：1.办公楼安全鉴定报告
      2.维修工程预算表

示范镇人民政府
2024年3月5日

（联系人：王芳，电话：0838-1234567）

附件1

办公楼安全鉴定报告

    经鉴定，该楼屋面防水层老化，需整体更换。

附件2

维修工程预算表

    屋面防水工程8万元，外墙修补4万元，合计12万元。

抄送：县机关事务管理局。
示范镇人民政府办公室　　　　2024年3月5日印发
";

#[test]
fn a_request_with_every_element_has_no_finding() {
    assert_eq!(
        check(FULL_REQUEST),
        ("request".to_string(), Vec::<String>::new())
    );
}

#[test]
fn the_elements_of_a_request_broken_one_at_a_time() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "　　　　签发人：李明",
            "",
            "1:1 S117 请示是上行文，版头有发文字号却没有签发人",
        ),
        (
            "申请办公用房维修经费的",
            "申请办公用房维修经费和增加工作人员编制的",
            "3:21 S114 请示一文多事：“申请办公用房维修经费”和“增加工作人员编制”是两件事",
        ),
        (
            "抄送：县机关事务管理局。",
            "抄送：县机关事务管理局，各村民委员会。",
            "29:13 S115 请示抄送了下级机关“各村民委员会”",
        ),
        (
            "2.维修工程预算表",
            "2.维修工程预算表。",
            "10:16 S119 附件名称后加了“。”",
        ),
        (
            "\n附件2\n\n维修工程预算表\n\n    屋面防水工程8万元，外墙修补4万元，合计12万元。\n",
            "",
            "9:1 S119 附件说明列出2个附件，文后附了1个",
        ),
        (
            "2024年3月5日印发",
            "2024年03月05日印发",
            "30:15 S118 印发日期写作“2024年03月05日”",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(FULL_REQUEST.contains(from), "{from}");
        let broken = FULL_REQUEST.replacen(from, to, 1);
        assert_eq!(check(&broken).1, [expected], "{from} → {to}");
    }
}

#[test]
fn the_defect_examples_get_what_a_reviewer_marks() {
    let read = |name: &str| std::fs::read_to_string(format!("examples/{name}")).unwrap();
    assert_eq!(
        check(&read("notice-with-defects.txt")),
        (
            "issuing-notice".to_string(),
            vec![
                "2:24 S121 标题中用了“。”".to_string(),
                "5:7 S116 所印发（转发）的文件名称“示范县2024年安全生产工作要点”没有加书名号"
                    .to_string(),
                "5:45 S123 日期写作“2024.3.31”，与文中其他日期的写法（如“2024年6月30日”）不一致"
                    .to_string(),
                "7:5 S124 已写“以上通知”，又写“特此通知”".to_string(),
                "10:1 S122 成文日期“2024年3月”缺少日".to_string(),
                "12:1 S118 版记写作“抄报”".to_string(),
                "12:3 S118 抄送后用了半角冒号".to_string(),
                "12:16 S118 最后一个抄送机关后没有句号".to_string(),
                "13:13 S118 印发日期写作“2024年03月05日”".to_string(),
                "13:24 S118 印发日期后写作“印”".to_string(),
            ]
        )
    );
    assert_eq!(
        check(&read("letter-with-defects.txt")),
        (
            "letter".to_string(),
            vec![
                "4:67 S111 函没有结束语".to_string(),
                "6:1 S119 附件说明列出2个附件，文后附了1个".to_string(),
                "6:4 S119 附件顺序号写作“1、”".to_string(),
                "6:20 S119 附件名称后加了“；”".to_string(),
                "7:7 S119 附件顺序号写作“2、”".to_string(),
            ]
        )
    );
    assert_eq!(
        check(&read("opinion-with-defects.txt")),
        (
            "opinion".to_string(),
            vec![
                "1:1 S120 紧急程度写作“加急件”".to_string(),
                "10:26 S123 日期写作“2024.9.30”，与文中其他日期的写法（如“2024年6月30日”）不一致"
                    .to_string(),
                "14:1 S106 正文之后没有落款（发文机关署名）".to_string(),
                "14:1 S108 成文日期写作“二〇二四年三月五日”".to_string(),
            ]
        )
    );
}
