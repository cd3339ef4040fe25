use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};

declare_rule! {
    /// 公文标题中用了标点：除书名号和名称本身需要的顿号、引号、括号外，标题不加标点（“关于……的通知。”“关于……，……的请示”）。
    ///
    /// ## 为什么
    /// 公文标题由发文机关、事由和文种组成，是一个名称，不是句子：除法规、规章和文件名称加书名号，
    /// 并列词语用顿号、专门说法加引号、“（试行）”等括号外，一般不用标点符号，末尾也不加句号
    /// （GB/T 9704-2012 7.3.1；公文写作惯例）。只查《党政机关公文处理工作条例》所列文种的标题；
    /// 讲话稿、总结等的标题不查。
    ///
    /// ## 示例
    /// ```text
    /// 关于进一步加强安全生产，坚决遏制重特大事故的通知
    ///
    /// 各乡镇人民政府：
    /// 请认真做好安全生产工作。特此通知。
    ///
    /// 示范县人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于进一步加强安全生产坚决遏制重特大事故的通知
    ///
    /// 各乡镇人民政府：
    /// 请认真做好安全生产工作。特此通知。
    ///
    /// 示范县人民政府
    /// 2024年3月5日
    /// ```
    pub struct TitlePunctuation {
        code: S121,
        name: "title-punctuation",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 9704-2012 7.3.1；公文写作惯例",
    }
}

/// The marks a title does not carry (书名号, 顿号, 引号, 括号 and the dash of a 破折号
/// are allowed).
const NOT_IN_TITLES: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?'];

impl Rule for TitlePunctuation {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.genre.is_some()
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(title) = crate::document::title::full_title(doc, text) else {
            return;
        };
        for span in &title.spans {
            let line = span.slice(text);
            let end = line.trim_end_matches(['*', ' ', '\u{3000}']).len();
            // Inside 《》 or “” the marks belong to the name quoted.
            let mut quoted = 0i32;
            for (at, c) in line.char_indices() {
                match c {
                    '《' | '“' => quoted += 1,
                    '》' | '”' => quoted -= 1,
                    _ => {}
                }
                if quoted > 0 || !NOT_IN_TITLES.contains(&c) {
                    continue;
                }
                let mark = Span::new(span.start + at, span.start + at + c.len_utf8());
                let last = at + c.len_utf8() == end;
                let report = cx.report(mark, format!("标题中用了“{c}”")).help(if last {
                    "标题末尾不加标点，删去"
                } else {
                    "标题除书名号和名称所需的顿号、引号、括号外不加标点：删去，或改用空格、顿号分隔"
                });
                if last && matches!(c, '。' | '，' | '；' | ',' | ';') {
                    report.fix(Fix::safe_replace(mark, ""));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    fn notice(title: &str) -> String {
        format!("{title}\n\n各乡镇人民政府：\n    请认真做好安全生产工作。\n    特此通知。\n\n示范县人民政府\n2024年3月5日\n")
    }

    #[test]
    fn punctuation_inside_and_at_the_end_of_a_title() {
        let full_stop = notice("关于做好2024年春节期间值班工作的通知。");
        assert_fires(
            "S121",
            &[
                (
                    &notice("关于进一步加强安全生产，坚决遏制重特大事故的通知"),
                    &["1:12 标题中用了“，”"],
                ),
                (&full_stop, &["1:21 标题中用了“。”"]),
            ],
        );
        assert_fixed(
            "S121",
            &[(&full_stop, &notice("关于做好2024年春节期间值班工作的通知"))],
        );
    }

    #[test]
    fn marks_a_name_needs_are_silent_and_speeches_are_not_checked() {
        assert_silent(
            "S121",
            &[
                &notice("关于印发《示范县安全生产工作要点》的通知"),
                &notice("关于开展“十四五”规划中期评估、督查的通知"),
                &notice("示范县安全生产专项整治三年行动实施方案（试行）的通知"),
                &notice("关于学习贯彻《从严治党，永远在路上》精神的通知"),
                "守初心，担使命\n——在全县经济工作会议上的讲话\n\n同志们：\n    今天召开全县经济工作会议。\n",
            ],
        );
    }
}
