use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::Document;

declare_rule! {
    /// 附件说明不合格式（顺序号写作“1、”、名称后加标点、几个附件写在一行不编号），或与文后所附的附件对不上。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.4：正文下空一行写“附件”二字，后标全角冒号和附件名称；有多个附件时用阿拉伯数字
    /// 标注顺序号（如“附件：1.××××”）；附件名称后不加标点符号。第8条：附件的顺序号和名称应与附件说明一致。
    /// 文后附有“附件1”“附件2”时，逐一核对个数和名称；没有附上附件的稿子只查附件说明本身。
    ///
    /// ## 示例
    /// ```text
    /// 关于报送2023年度统计数据的通知
    ///
    /// 各村（居）委会：
    /// 请于3月15日前报送统计数据。特此通知。
    ///
    /// 附件：1、人口统计表；
    /// 2、耕地面积统计表。
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    /// 应写作：
    /// ```text
    /// 关于报送2023年度统计数据的通知
    ///
    /// 各村（居）委会：
    /// 请于3月15日前报送统计数据。特此通知。
    ///
    /// 附件：1.人口统计表
    /// 2.耕地面积统计表
    ///
    /// 示范镇人民政府
    /// 2024年3月5日
    /// ```
    pub struct AttachmentNote {
        code: S119,
        name: "attachment-note",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 9704-2012 7.3.4、8",
    }
}

/// An item of the 附件说明: “1.人口统计表”, “（2）耕地面积统计表”, “人口统计表”.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<n>[0-9]{1,2})(?P<sep>[.．、,，]|[ \u{3000}]+)|[（(](?P<pn>[0-9]{1,2})[）)])?[ \u{3000}]*(?P<name>\S.*?)[ \u{3000}]*$")
        .expect("the 附件说明 item pattern is valid")
});

/// One item: its marker when it is not the standard one, and its name.
struct Item {
    /// The marker when it is not “1.”: (span, replacement).
    bad_marker: Option<(Span, String)>,
    name: Span,
}

impl Rule for AttachmentNote {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some((first_line, items)) = items(doc, text) else {
            if let Some(annex) = doc.annexes.first() {
                cx.report(
                    doc.lines[annex.heading].content,
                    "文后附有附件，正文之后却没有附件说明",
                )
                .help("在正文下空一行写附件说明，如“附件：1.××××”");
            }
            return;
        };
        for item in &items {
            if let Some((span, standard)) = &item.bad_marker {
                cx.report(*span, format!("附件顺序号写作“{}”", span.slice(text)))
                    .help(format!("改为“{standard}”"))
                    .fix(Fix::safe_replace(*span, standard.clone()));
            }
            let name = item.name.slice(text);
            if let Some(last) = name
                .chars()
                .next_back()
                .filter(|c| "。，；、.,;：:".contains(*c))
            {
                let span = Span::new(item.name.end - last.len_utf8(), item.name.end);
                cx.report(span, format!("附件名称后加了“{last}”"))
                    .help("附件名称后不加标点符号")
                    .fix(Fix::safe_replace(span, ""));
            }
        }
        if let [only] = items.as_slice() {
            if only.bad_marker.is_none() {
                if let Some(parts) = several_names(only.name.slice(text)) {
                    cx.report(
                        only.name,
                        format!("附件说明把{parts}个附件写在一起，没有编顺序号"),
                    )
                    .help("有多个附件时逐个编号、一行一个：“附件：1.××××”，下一行“2.××××”");
                }
            }
        }
        if doc.annexes.is_empty() {
            return;
        }
        if doc.annexes.len() != items.len() {
            cx.report(
                doc.lines[first_line].content,
                format!(
                    "附件说明列出{}个附件，文后附了{}个",
                    items.len(),
                    doc.annexes.len()
                ),
            )
            .help("附件说明与所附附件的个数、顺序号和名称应一致");
            return;
        }
        for (item, annex) in items.iter().zip(&doc.annexes) {
            let Some(title) = annex.title else { continue };
            let (listed, attached) = (item.name.slice(text), title.slice(text));
            let (a, b) = (normalize(listed), normalize(attached));
            if a.contains(&b) || b.contains(&a) {
                continue;
            }
            let number = annex.number.map_or_else(String::new, |n| n.to_string());
            cx.report(
                item.name,
                format!("附件说明中的“{listed}”与文后附件{number}的标题“{attached}”不一致"),
            )
            .help("附件说明与所附附件的名称应一致");
        }
    }
}

/// How many attachments a one-line 附件说明 names when it joins them with 顿号 or 分号
/// (“人口统计表、耕地面积统计表”): every part must end like an attachment's name.
fn several_names(names: &str) -> Option<usize> {
    let endings = &crate::document::vocabulary::Vocabulary::embedded()
        .attachment
        .name_endings;
    let parts: Vec<&str> = names
        .trim_end_matches(['。', '；', ';'])
        .split(['、', '；', ';'])
        .map(str::trim)
        .collect();
    let named =
        |p: &&str| p.chars().count() >= 3 && endings.iter().any(|e| p.ends_with(e.as_str()));
    (parts.len() > 1 && parts.iter().all(named)).then_some(parts.len())
}

/// A name without spaces, book-title marks and a trailing punctuation mark, for comparing.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !"《》〈〉“”。，；、.,;：:".contains(*c))
        .collect()
}

/// The 附件说明's first line and its items, when the document has one written as
/// “附件：…” (a heading “附件1” of an attachment printed in place is not one).
fn items(doc: &Document, text: &str) -> Option<(usize, Vec<Item>)> {
    let &first = doc.attachments.first()?;
    let content = doc.lines[first].content;
    let s = content.slice(text);
    let lead = s.len() - s.trim_start_matches(['*', ' ', '\u{3000}']).len();
    let head = &s[lead..];
    let prefix = ["附件：", "附件:", "附：", "附:"]
        .into_iter()
        .find(|p| head.starts_with(p))?;
    let mut pieces = vec![(content.start + lead + prefix.len(), &head[prefix.len()..])];
    for &line in &doc.attachments[1..] {
        let c = doc.lines[line].content;
        let s = c.slice(text);
        if s.trim_start().starts_with("附件") {
            break;
        }
        pieces.push((c.start, s));
    }
    let items = pieces
        .into_iter()
        .filter_map(|(at, piece)| {
            let trimmed = piece.trim_start_matches([' ', '\u{3000}']);
            let at = at + piece.len() - trimmed.len();
            let piece = trimmed;
            let caps = ITEM.captures(piece)?;
            let name = caps.name("name")?;
            let bad_marker = match (caps.name("n"), caps.name("sep"), caps.name("pn")) {
                (Some(n), Some(sep), _) if !matches!(sep.as_str(), "." | "．") => Some((
                    Span::new(at + n.start(), at + sep.end()),
                    format!("{}.", n.as_str()),
                )),
                (_, _, Some(n)) => Some((
                    Span::new(
                        at,
                        at + n.end() + piece[n.end()..].chars().next().map_or(0, char::len_utf8),
                    ),
                    format!("{}.", n.as_str()),
                )),
                _ => None,
            };
            Some(Item {
                bad_marker,
                name: Span::new(at + name.start(), at + name.end()),
            })
        })
        .collect();
    Some((first, items))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    const HEAD: &str = "关于报送2023年度统计数据的通知\n\n各村（居）委会：\n    请于3月15日前报送统计数据。\n    特此通知。\n\n";
    const TAIL: &str = "\n示范镇人民政府\n2024年3月5日\n";

    #[test]
    fn markers_and_punctuation_of_the_note() {
        let text = format!("{HEAD}附件：1、人口统计表；\n      2、耕地面积统计表。\n{TAIL}");
        assert_fires(
            "S119",
            &[(
                &text,
                &[
                    "7:4 附件顺序号写作“1、”",
                    "7:11 附件名称后加了“；”",
                    "8:7 附件顺序号写作“2、”",
                    "8:16 附件名称后加了“。”",
                ],
            )],
        );
        assert_fixed(
            "S119",
            &[(
                &text,
                &format!("{HEAD}附件：1.人口统计表\n      2.耕地面积统计表\n{TAIL}"),
            )],
        );
    }

    #[test]
    fn several_attachments_on_one_line_without_numbers() {
        assert_fires(
            "S119",
            &[(
                &format!("{HEAD}附件：人口统计表、耕地面积统计表\n{TAIL}"),
                &["7:4 附件说明把2个附件写在一起，没有编顺序号"],
            )],
        );
        assert_silent(
            "S119",
            &[
                // One attachment whose name has a 顿号.
                &format!("{HEAD}附件：人口、耕地面积统计表\n{TAIL}"),
            ],
        );
    }

    #[test]
    fn the_note_against_the_attachments_printed_after_the_date() {
        let note = "附件：1.人口统计表\n      2.耕地面积统计表\n";
        let clean = format!("{HEAD}{note}{TAIL}\n附件1\n\n人口统计表\n\n村名　户数　人口\n\n附件2\n\n耕地面积统计表\n\n村名　面积\n");
        assert_fires(
            "S119",
            &[
                (
                    &clean.replace("\n耕地面积统计表\n", "\n林地面积统计表\n"),
                    &["8:9 附件说明中的“耕地面积统计表”与文后附件2的标题“林地面积统计表”不一致"],
                ),
                (
                    &format!("{HEAD}{note}{TAIL}\n附件1\n\n人口统计表\n\n村名　户数　人口\n"),
                    &["7:1 附件说明列出2个附件，文后附了1个"],
                ),
                (
                    &format!("{HEAD}{TAIL}\n附件\n\n人口统计表\n"),
                    &["11:1 文后附有附件，正文之后却没有附件说明"],
                ),
            ],
        );
        assert_silent("S119", &[&clean]);
    }

    #[test]
    fn a_single_attachment_and_well_formed_lists_are_silent() {
        assert_silent(
            "S119",
            &[
                &format!("{HEAD}附件：人口统计表\n{TAIL}"),
                &format!("{HEAD}附件：1.人口统计表\n      2.耕地面积统计表\n{TAIL}"),
            ],
        );
    }
}
