use super::difference;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::knowledge::Confusable;
use crate::words::lexicon;

declare_rule! {
    /// 易混淆字词和常见别字（“群众反应强烈”→“群众反映强烈”，“各自为阵”→“各自为政”，“截止2023年底”→“截至2023年底”）。
    ///
    /// ## 为什么
    /// 别字是最容易被检查人员圈出来的差错。清单来自公开的常见别字表和公文用语指南，
    /// 每条都是连同上下文一起写的，保证这种写法在正文中任何时候都是错的（见 rules/terms.toml 的 [[confusable]]）。
    ///
    /// ## 示例
    /// ```text
    /// 个别村级财务支出中生活费支出较多，群众反应强烈。
    /// ```
    /// 应写作：
    /// ```text
    /// 个别村级财务支出中生活费支出较多，群众反映强烈。
    /// ```
    pub struct ConfusableWord {
        code: F103,
        name: "confusable-word",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "rules/terms.toml（[[confusable]]）",
    }
}

/// An idiom or short fixed word is shown whole; in a longer phrase only the word that
/// differs, widened to two characters ("反应" in "群众反应强烈").
const WHOLE_PHRASE_CHARS: usize = 4;

/// What kind of slip a written form is, for the message.
enum Slip {
    /// A character left out: the characters to insert.
    Missing(String),
    /// The right characters in the wrong order.
    Reordered,
    /// Anything else: a wrong character.
    Wrong,
}

/// Whether two strings hold the same characters, in any order.
fn same_characters(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut chars: Vec<char> = s.chars().collect();
        chars.sort_unstable();
        chars
    };
    a != b && sorted(a) == sorted(b)
}

impl Rule for ConfusableWord {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (span, entry) in super::entries::<Confusable>(cx) {
            let written = span.slice(text).to_string();
            let right = match (&entry.pattern, &entry.right_template) {
                (Some(pattern), Some(template)) => match cx.knowledge().compiled_pattern(pattern) {
                    Some(re) => re.replace(&written, template.as_str()).into_owned(),
                    None => entry.right.clone(),
                },
                _ => entry.right.clone(),
            };
            // A character left out (未成年保护 for 未成年人保护) is named as missing, and
            // characters in the wrong order (社会度关注 for 社会关注度) as reordered: the
            // character shown before them is not itself wrong.
            let mut slip = Slip::Wrong;
            let (focus, replacement) = if written.chars().count() <= WHOLE_PHRASE_CHARS {
                (span, right.clone())
            } else {
                let (start, end, right_part) = difference(&written, &right);
                if start == end {
                    slip = Slip::Missing(right_part.to_string());
                } else if same_characters(&written[start..end], right_part) {
                    slip = Slip::Reordered;
                }
                // Shown with the neighbour it makes a word with in the right form: 反应 → 反映
                // (the one before), but 历史记录 → 历史纪录 names 记录, not 史记.
                let before = written[..start].chars().next_back();
                let after = written[end..].chars().next();
                let makes_word = |pair: String| lexicon().contains(&pair);
                let forward = matches!(slip, Slip::Wrong)
                    && !before.is_some_and(|c| makes_word(format!("{c}{right_part}")))
                    && after.is_some_and(|c| makes_word(format!("{right_part}{c}")));
                if forward {
                    let next = after.map_or(0, char::len_utf8);
                    (
                        Span::new(span.start + start, span.start + end + next),
                        format!("{right_part}{}", &written[end..end + next]),
                    )
                } else {
                    let widened = match slip {
                        Slip::Reordered => 0,
                        _ => before.map_or(0, char::len_utf8),
                    };
                    let start = start - widened;
                    (
                        Span::new(span.start + start, span.start + end),
                        format!("{}{}", &written[start..start + widened], right_part),
                    )
                }
            };
            let wrong_part = focus.slice(text).to_string();
            let quoted = crate::diagnostic::quote(&written);
            let message = match &slip {
                Slip::Missing(missing) => format!("{quoted}漏了“{missing}”字"),
                Slip::Reordered => format!("{quoted}中的“{wrong_part}”次序颠倒"),
                Slip::Wrong if focus == span => format!("{quoted}是别字或误用"),
                Slip::Wrong => format!("{quoted}中的“{wrong_part}”是别字或误用"),
            };
            let mut report = cx
                .report(focus, message)
                .help(format!("改为“{right}”"))
                .fix(Fix::unsafe_replace(focus, replacement));
            if let Some(note) = &entry.note {
                report = report.note(note.clone());
            }
            if let Some(severity) = entry.severity {
                report = report.severity(severity.into());
            }
            let _ = report;
        }
    }
}
