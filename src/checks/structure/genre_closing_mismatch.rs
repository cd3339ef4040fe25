use super::{closing_lines, title_genre};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;
use crate::document::vocabulary::Vocabulary;

declare_rule! {
    /// 结束语属于另一个文种：请示写“特此报告”，报告里写“请批示”（夹带请示事项），通知写“特此报告”。
    ///
    /// ## 为什么
    /// 标题的文种和结束语必须一致。《党政机关公文处理工作条例》第十五条（四）规定，
    /// 不得在报告等非请示性公文中夹带请示事项；请示以“妥否，请批示”等请求收尾，报告以“特此报告”收尾。
    /// 只属于一个文种的结束语见 rules/structure.toml 的 [[genre-closing]]。
    ///
    /// ## 示例
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。
    /// 特此报告。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于申请办公用房维修经费的请示
    ///
    /// 县财政局：
    /// 我镇办公楼屋面渗漏，需维修。
    /// 妥否，请批示。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    pub struct GenreClosingMismatch {
        code: S110,
        name: "genre-closing-mismatch",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.2.0",
        basis: "《党政机关公文处理工作条例》第十五条（四）",
    }
}

impl Rule for GenreClosingMismatch {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        // The profile's 文种 first: a “……请示报告” is a 请示 with a wrong title (S109).
        let Some(genre) = cx
            .context
            .profile
            .genre
            .as_deref()
            .or_else(|| title_genre(doc, text))
        else {
            return;
        };
        let vocabulary = Vocabulary::embedded();
        // Only a 文种 whose own closings are listed: an unknown one has no rule to break.
        let Some(own) = vocabulary.genre_closings.iter().find(|g| g.genre == genre) else {
            return;
        };
        for line in closing_lines(doc) {
            let content = doc.lines[line].content;
            let s = content.slice(text);
            for other in vocabulary
                .genre_closings
                .iter()
                .filter(|g| g.genre != genre)
            {
                let Some((at, phrase)) = other
                    .phrases
                    .iter()
                    .filter_map(|p| s.find(p.as_str()).map(|at| (at, p)))
                    .min_by_key(|(at, p)| (*at, usize::MAX - p.len()))
                else {
                    continue;
                };
                // A phrase that also belongs to this 文种 (“此复” of 批复 and 复函).
                if own.phrases.iter().any(|p| p == phrase) {
                    continue;
                }
                let span = Span::new(content.start + at, content.start + at + phrase.len());
                let instead = own
                    .phrases
                    .first()
                    .map_or_else(String::new, |p| format!("，如“{p}”"));
                let message = if genre == "报告" && other.genre == "请示" {
                    format!("报告中夹带请示事项（“{phrase}”）")
                } else {
                    format!("{genre}的结束语写作{}的“{phrase}”", other.genre)
                };
                cx.report(span, message).help(format!(
                    "改用{genre}的结束语{instead}；需要上级批准的事项另行请示"
                ));
                return;
            }
        }
    }
}
