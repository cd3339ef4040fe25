use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::LineKind;

declare_rule! {
    /// 印发、转发通知的正文没有用书名号写出所印发（转发）文件的名称（“现将示范县安全生产工作要点印发给你们”）。
    ///
    /// ## 为什么
    /// 印发、转发、批转公文的通知，正文要写明所发文件的名称，名称加书名号：
    /// “现将《××实施方案》印发给你们，请认真贯彻执行。”没有书名号，读者分不清哪几个字是文件名。
    /// 只查“现将……印发（转发、批转）给……”这样写出文件名的句子。
    ///
    /// ## 示例
    /// ```text
    /// 关于印发示范县2024年安全生产工作要点的通知
    ///
    /// 各乡镇人民政府，县直各单位：
    /// 现将示范县2024年安全生产工作要点印发给你们，请认真贯彻执行。
    ///
    /// 示范县安全生产委员会
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于印发示范县2024年安全生产工作要点的通知
    ///
    /// 各乡镇人民政府，县直各单位：
    /// 现将《示范县2024年安全生产工作要点》印发给你们，请认真贯彻执行。
    ///
    /// 示范县安全生产委员会
    /// 2024年3月5日
    /// ```
    pub struct IssuedDocumentUnquoted {
        code: S116,
        name: "issued-document-unquoted",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.3.0",
        basis: "《党政机关公文处理工作条例》第八条（十）；公文写作惯例",
    }
}

/// “现将……印发给你们” and its kin: the words between 现将 and the verb name the document.
static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"现将(?P<name>[^，。；：,;:！？]{4,80}?)(?:印发|转发|批转|颁发)(?:给|至|到|你们|各|，|。)",
    )
    .expect("the issuing-sentence pattern is valid")
});

impl Rule for IssuedDocumentUnquoted {
    fn should_run(&self, cx: &Checker<'_>) -> bool {
        cx.context.profile.id == "issuing-notice"
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        // The notice's own text: up to its 结束语, 落款 or 成文日期 (the issued document
        // may follow).
        let end = doc
            .closing
            .first()
            .or(doc.signature.first())
            .copied()
            .or(doc.date)
            .unwrap_or(doc.lines.len());
        for line in &doc.lines[..end] {
            if line.kind != LineKind::Paragraph {
                continue;
            }
            let content = line.content.slice(text);
            for caps in ISSUING.captures_iter(content) {
                let Some(name) = caps.name("name") else {
                    continue;
                };
                let written = name.as_str();
                // Named in 书名号 (“现将市教育局《关于……的意见》转发给你们”), or not a
                // document's name (“现将有关事项”).
                if written.contains(['《', '〈']) || written.starts_with("有关") {
                    continue;
                }
                let start = line.content.start + name.start();
                cx.report(
                    Span::new(start, start + written.len()),
                    format!("所印发（转发）的文件名称“{written}”没有加书名号"),
                )
                .help(format!("写作“现将《{written}》……”"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    fn notice(title: &str, body: &str) -> String {
        format!("{title}\n\n各乡镇人民政府，县直各单位：\n    {body}\n\n示范县人民政府办公室\n2024年3月5日\n")
    }

    #[test]
    fn the_issued_document_without_book_title_marks() {
        assert_fires(
            "S116",
            &[(
                &notice(
                    "关于转发市教育局关于做好春季开学工作意见的通知",
                    "现将市教育局关于做好春季开学工作的意见转发给你们，请结合实际认真贯彻落实。",
                ),
                &["4:7 所印发（转发）的文件名称“市教育局关于做好春季开学工作的意见”没有加书名号"],
            )],
        );
    }

    #[test]
    fn named_in_book_title_marks_or_not_a_name_is_silent() {
        let issuing = "关于印发示范县2024年安全生产工作要点的通知";
        assert_silent(
            "S116",
            &[
                &notice(
                    issuing,
                    "现将《示范县2024年安全生产工作要点》印发给你们，请认真贯彻执行。",
                ),
                &notice(
                    issuing,
                    "现将市教育局《关于做好春季开学工作的意见》转发给你们，请认真贯彻落实。",
                ),
                &notice(issuing, "现将有关事项印发如下。"),
                // Not an issuing notice.
                &notice(
                    "关于做好2024年防汛工作的通知",
                    "现将示范县防汛工作要点印发给你们，请认真贯彻执行。",
                ),
            ],
        );
    }
}
