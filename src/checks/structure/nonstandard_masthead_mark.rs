use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::vocabulary::Vocabulary;
use crate::document::Element;

declare_rule! {
    /// 版头的密级、紧急程度不是标准写法：密级和保密期限之间没有用“★”隔开（“机密*1年”），紧急程度写作“急件”“紧急”。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.2.2：密级和保密期限之间用“★”隔开（“机密★1年”）。7.2.3：紧急公文分别标注
    /// “特急”“加急”（电报另有“特提”“平急”），没有“急件”“紧急”。只查标题上方版头中单独成行的密级、
    /// 紧急程度；写错的紧急程度见 rules/structure.toml 的 [[nonstandard-urgency]]。
    ///
    /// ## 示例
    /// ```text
    /// 机密*1年
    /// 急件
    /// 示政〔2024〕12号
    ///
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    /// ```
    /// 应写作：
    /// ```text
    /// 机密★1年
    /// 特急
    /// 示政〔2024〕12号
    ///
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    /// ```
    pub struct NonstandardMastheadMark {
        code: S120,
        name: "nonstandard-masthead-mark",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 9704-2012 7.2.2、7.2.3",
    }
}

impl Rule for NonstandardMastheadMark {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        for &(line, element) in &doc.masthead {
            let (start, mark) = super::element_text(doc.lines[line].content, text);
            match element {
                Element::Secrecy => {
                    // 绝密/机密/秘密 are two characters; the separator follows.
                    let Some((at, separator)) = mark.char_indices().nth(2) else {
                        continue;
                    };
                    if separator != '★' {
                        let span = Span::new(start + at, start + at + separator.len_utf8());
                        cx.report(span, format!("密级和保密期限之间用了“{separator}”"))
                            .help("改为“★”，如“机密★1年”")
                            .fix(Fix::safe_replace(span, "★"));
                    }
                }
                Element::Urgency => {
                    let Some(wrong) = Vocabulary::embedded()
                        .nonstandard_urgency
                        .iter()
                        .find(|u| u.written == mark)
                    else {
                        continue;
                    };
                    cx.report(
                        Span::new(start, start + mark.len()),
                        format!("紧急程度写作“{mark}”"),
                    )
                    .help(format!("紧急程度标注为{}", wrong.instead));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    const BODY: &str = "\n关于做好2024年防汛工作的通知\n\n各村（居）委会：\n    请做好防汛准备。\n    特此通知。\n\n示范镇人民政府\n2024年5月6日\n";

    #[test]
    fn secrecy_and_urgency_out_of_form() {
        assert_fires(
            "S120",
            &[(
                &format!("秘密☆6个月\n紧急\n示政〔2024〕12号\n{BODY}"),
                &["1:3 密级和保密期限之间用了“☆”", "2:1 紧急程度写作“紧急”"],
            )],
        );
    }

    #[test]
    fn standard_marks_and_body_text_are_silent() {
        let text = format!("机密★1年\n特急\n示政〔2024〕12号\n{BODY}");
        // “紧急” in the body is a word, not a mark.
        let body = BODY.replace("请做好防汛准备。", "紧急\n请做好防汛准备。");
        assert_silent("S120", &[&text, &body]);
    }
}
