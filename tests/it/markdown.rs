//! Markdown: headings and list items map onto the model; code, front matter, HTML
//! comments and link targets are not checked; positions point into the original file.

use crate::common::{located, selected};
use gwlint::lint_text;

fn findings(name: &str, text: &str) -> Vec<String> {
    let report = lint_text(name, text, &selected(&["N", "S104", "F"]));
    located(&report, |d| d.code.to_string())
}

const DOC: &str = "---\ntitle: 自查报告XX\n---\n# 镇党委自查报告\n\n## 一、工作开展情况\n\n- 1、开展学习，`XX`不算。\n- 2、群众反应强烈，见[链接](http://example.com/群众反应强烈)。\n\n```\n1、代码里的序号\n3、不检查\n```\n\n<!-- 注释里的XX不检查 -->\n";

#[test]
fn markdown_prose_is_checked_at_original_positions() {
    assert_eq!(
        findings("r.md", DOC),
        vec!["8:3 N105", "9:3 N105", "9:7 F103"]
    );
}

#[test]
fn the_same_text_as_plain_text_checks_everything() {
    // As .txt nothing is blanked: the front matter's XX and the code block's numbers count.
    let found = findings("r.txt", DOC);
    assert!(found.contains(&"2:12 S104".to_string()), "{found:?}");
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("12:") || f.starts_with("13:")),
        "{found:?}"
    );
}
