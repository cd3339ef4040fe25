use super::difference;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::knowledge::SetPhrase;

declare_rule! {
    /// 固定说法被写错（如“科学执政、民主执政、依法执法”应为“科学执政、民主执政、依法执政”）。
    ///
    /// ## 为什么
    /// 固定搭配的成员和顺序是确定的，写错一个字就成了另一个意思。提示只标出写错的那一项。
    /// 清单见 rules/terms.toml 的 [[set-phrase]]。
    ///
    /// ## 示例
    /// ```text
    /// 牢固树立科学执政、民主执政、依法执法的执政理念。
    /// ```
    /// 应写作：
    /// ```text
    /// 牢固树立科学执政、民主执政、依法执政的执政理念。
    /// ```
    pub struct CorruptedSetPhrase {
        code: F102,
        name: "corrupted-set-phrase",
        severity: Error,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "rules/terms.toml（[[set-phrase]]）",
    }
}

/// Separators between the items of a set phrase.
const ITEM_SEPARATORS: &[char] = &['、', '，', '；'];

impl Rule for CorruptedSetPhrase {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (span, entry) in super::entries::<SetPhrase>(cx) {
            let written = span.slice(text);
            let (start, end, _) = difference(written, &entry.right);
            // Widen the difference to the whole item it falls in ("依法执法"), in the
            // written text and in the right phrase alike.
            let item_start = written[..start]
                .rfind(ITEM_SEPARATORS)
                .map_or(0, |p| p + '、'.len_utf8());
            let item_end = written[end..]
                .find(ITEM_SEPARATORS)
                .map_or(written.len(), |p| end + p);
            let right_suffix = written.len() - item_end;
            let right_item = entry
                .right
                .get(item_start..entry.right.len().saturating_sub(right_suffix));
            let item = Span::new(span.start + item_start, span.start + item_end);
            let wrong_item = item.slice(text).to_string();
            let mut report = cx
                .report(
                    item,
                    format!("固定说法“{}”中写作“{wrong_item}”", entry.right),
                )
                .note(format!("出处：{}", entry.source.join("；")));
            match right_item {
                Some(right_item) if !right_item.is_empty() => {
                    report = report
                        .help(format!("改为“{right_item}”"))
                        .fix(Fix::unsafe_replace(item, right_item.to_string()));
                }
                _ => {
                    report = report
                        .help(format!("改为“{}”", entry.right))
                        .fix(Fix::unsafe_replace(span, entry.right.clone()));
                }
            }
            if let Some(severity) = entry.severity {
                report = report.severity(severity.into());
            }
            let _ = report;
        }
    }
}
