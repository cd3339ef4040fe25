use std::sync::LazyLock;

use regex::Regex;

use super::{chars, is_cjk_punct, is_han, is_space, Protected};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::LineKind;

declare_rule! {
    /// 正文中夹着多余的空格（半角空格、不换行空格 U+00A0、全角空格 U+3000 一样对待）。
    ///
    /// ## 检查什么
    /// 行内（不含行首缩进）的空格：
    /// - 两个汉字之间：“加强 党的建设”；
    /// - 数字与其单位或百分号之间：“613 户”“38.5 %”；
    /// - 汉字与其后的数字之间：“共 613户”；
    /// - 全角标点前后：“综合治理 ，”“坚持， 推进”。
    ///
    /// 不报告：西文词句里的空格；落款、日期行；标题块中署名用的空格；对齐用的字间空格
    /// （“李　强”“联 系 人：”）；引号、书名号里标语或题目的分隔空格（《青春勇担当 创新向未来》）；
    /// 分隔栏目的空格（“联系人：许起亮 联系电话：”“综合处 2016年3月29日印发”）；
    /// 三个以上连续空格（排版对齐）；行首缩进（由 T105 检查）。
    ///
    /// ## 为什么
    /// 中文公文排版不在字与字、数字与单位、标点前后留空格（GB/T 15834-2011 标点占一个字位，
    /// GB/T 15835-2011 数字与单位紧排）。这些空格多是从网页、PDF 或 Word 复制时带进来的，
    /// 不换行空格（U+00A0）在屏幕上看不出来，打印时却空出一块。
    ///
    /// ## 示例
    /// ```text
    /// 全镇共计发展个体工商户613 户，集中供养率达38.5 %；社会治安综合治理 ，实行信访包案。
    /// ```
    /// 应写作：
    /// ```text
    /// 全镇共计发展个体工商户613户，集中供养率达38.5%；社会治安综合治理，实行信访包案。
    /// ```
    /// 删除空格是安全修正；只有一行里有多处汉字间空格、可能是把空格当作并列项分隔时
    /// （“张三 李四 王五”），不自动删除，请改用顿号。
    pub struct StraySpace {
        code: T104,
        name: "stray-space",
        severity: Warning,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》；GB/T 15835-2011《出版物上数字用法》",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Between {
    Han,
    NumberUnit,
    HanNumber,
    Punctuation,
}

/// A run of spaces inside a segment and what it separates.
struct Gap {
    /// Byte range of the spaces in the segment.
    start: usize,
    end: usize,
    between: Between,
    /// The span to show: the number and its unit for `NumberUnit`, else the spaces and
    /// the punctuation mark next to them.
    shown: (usize, usize),
}

fn describe(c: char) -> String {
    match c {
        ' ' => "空格".to_string(),
        '\u{00A0}' => "不换行空格（U+00A0）".to_string(),
        '\u{3000}' => "全角空格".to_string(),
        other => format!("空白字符（U+{:04X}）", other as u32),
    }
}

fn gaps(s: &str, kind: LineKind, protected: &Protected) -> Vec<Gap> {
    let cs = chars(s);
    let mut out = Vec::new();
    let mut quotation = Quotation::default();
    let mut k = 0;
    while k < cs.len() {
        if !is_space(cs[k].1) {
            quotation.read(cs[k].1);
            k += 1;
            continue;
        }
        let first = k;
        while k < cs.len() && is_space(cs[k].1) {
            k += 1;
        }
        // Leading and trailing spaces are indentation or invisible line ends, not running
        // text; three or more in a row lay out a line (a signature pushed right, a note set off).
        if first == 0 || k == cs.len() || k - first >= 3 || protected.contains(cs[first].0) {
            continue;
        }
        let (a_at, a) = cs[first - 1];
        let (b_at, b) = cs[k];
        let start = cs[first].0;
        let end = b_at;
        let between = if is_han(a) && is_han(b) {
            if kind == LineKind::Title
                || letter_spacing(&cs, first, k)
                || quotation.inside()
                || separates_fields(&s[end..])
            {
                continue;
            }
            Between::Han
        } else if a.is_ascii_digit()
            && (is_han(b) || matches!(b, '%' | '％' | '‰'))
            && !latin_number(s, a_at)
        {
            Between::NumberUnit
        } else if is_han(a) && b.is_ascii_digit() {
            if separates_fields(&s[end..]) {
                continue;
            }
            Between::HanNumber
        } else if (is_cjk_punct(a) && (is_han(b) || is_cjk_punct(b) || b.is_ascii_digit()))
            || (is_cjk_punct(b) && (is_han(a) || is_cjk_punct(a) || a.is_ascii_digit()))
        {
            // "——" and "……" are set off by spaces in some house styles; leave them be.
            if matches!(a, '—' | '…') || matches!(b, '—' | '…') {
                continue;
            }
            Between::Punctuation
        } else {
            continue;
        };
        let shown = match between {
            Between::NumberUnit => {
                let number = s[..a_at + 1]
                    .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .len();
                (number, b_at + b.len_utf8())
            }
            Between::Punctuation if is_cjk_punct(b) => (start, b_at + b.len_utf8()),
            Between::Punctuation => (a_at, end),
            _ => (start, end),
        };
        out.push(Gap {
            start,
            end,
            between,
            shown,
        });
    }
    out
}

/// "Office 365 版本", "Windows 10 系统": the number belongs to a Latin name.
fn latin_number(s: &str, last_digit: usize) -> bool {
    let before = s[..last_digit + 1].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let before = before.strip_suffix(' ').unwrap_or(before);
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// Letter-spacing used to align short labels and names: "李　强", "联 系 人：". One space
/// between two single characters that each stand alone.
fn letter_spacing(cs: &[(usize, char)], first: usize, after: usize) -> bool {
    let alone = |k: Option<usize>| k.and_then(|k| cs.get(k)).is_none_or(|&(_, c)| !is_han(c));
    after == first + 1 && alone(first.checked_sub(2)) && alone(Some(after + 1))
}

/// Whether the text read so far is inside “…” or 《…》: there a space between words
/// belongs to the quoted title or slogan (《青春勇担当 创新向未来》).
#[derive(Default)]
struct Quotation {
    depth: i32,
    straight: bool,
}

impl Quotation {
    fn read(&mut self, c: char) {
        match c {
            '“' | '《' | '「' | '『' => self.depth += 1,
            '”' | '》' | '」' | '』' => self.depth -= 1,
            '"' => self.straight = !self.straight,
            _ => {}
        }
    }

    fn inside(&self) -> bool {
        self.depth > 0 || self.straight
    }
}

static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{Han}{1,6}[：:]|[0-9]{7,}|[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:印发|发布)?$)",
    )
    .expect("field pattern is valid")
});

/// A space that separates fields rather than words: "联系人：许起亮 联系电话：…",
/// "金绿艺 54333188", "综合处 2016年3月29日印发".
fn separates_fields(rest: &str) -> bool {
    FIELD.is_match(rest)
}

impl Rule for StraySpace {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            if matches!(seg.kind, LineKind::Signature | LineKind::Date) {
                continue;
            }
            let classes = cx.views.classes(seg);
            if !(classes.has_any(&[' ', '\u{00A0}', '\u{3000}', '\u{202F}'])
                || classes.has_range('\u{2000}', '\u{200A}'))
            {
                continue;
            }
            let s = seg.text(text);
            if !s.contains(is_space) {
                continue;
            }
            let gaps = gaps(s, seg.kind, cx.views.protected(seg));
            let han_gaps = gaps.iter().filter(|g| g.between == Between::Han).count();
            for gap in gaps {
                let space = s[gap.start..].chars().next().unwrap_or(' ');
                let what = describe(space);
                let shown = &s[gap.shown.0..gap.shown.1];
                let message = match gap.between {
                    Between::Han => format!("汉字之间有{what}"),
                    Between::NumberUnit => format!("数字与单位之间有{what}：“{shown}”"),
                    Between::HanNumber => format!("汉字与数字之间有{what}"),
                    Between::Punctuation => format!("标点前后有{what}"),
                };
                let span = Span::new(seg.span.start + gap.shown.0, seg.span.start + gap.shown.1);
                let delete = seg.at(gap.start..gap.end);
                let report = cx.report(span, message);
                if gap.between == Between::Han && han_gaps > 1 {
                    report.help("删除空格；若空格用来分隔并列的词语，改用顿号“、”");
                } else {
                    report.help("删除空格").fix(Fix::safe_replace(delete, ""));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent, findings, fixed};

    #[test]
    fn seed_spaces_are_reported_where_they_are() {
        let text = "全镇共计发展个体工商户613\u{00A0}户（其中限上企业3户）。\n集中供养率达38.5 %，建成日间照料中心。\n加强社会治安综合治理\u{00A0}，实行信访包案。\n";
        assert_fires(
            "T104",
            &[(
                text,
                &[
                    "1:12 数字与单位之间有不换行空格（U+00A0）：“613\u{00A0}户”",
                    "2:7 数字与单位之间有空格：“38.5 %”",
                    "3:11 标点前后有不换行空格（U+00A0）",
                ],
            )],
        );
        assert_fixed(
            "T104",
            &[
                (
                    text,
                    "全镇共计发展个体工商户613户（其中限上企业3户）。\n集中供养率达38.5%，建成日间照料中心。\n加强社会治安综合治理，实行信访包案。\n",
                ),
            ],
        );
    }

    #[test]
    fn spaces_between_han_and_after_punctuation() {
        let text = "要加强 党的建设，　坚持全面从严治党，共 613户。";
        assert_fires(
            "T104",
            &[(
                text,
                &[
                    "1:4 汉字之间有空格",
                    "1:9 标点前后有全角空格",
                    "1:21 汉字与数字之间有空格",
                ],
            )],
        );
        assert_fixed(
            "T104",
            &[(text, "要加强党的建设，坚持全面从严治党，共613户。")],
        );
    }

    #[test]
    fn several_han_gaps_in_a_line_may_be_a_list_and_are_not_fixed() {
        let text = "参会人员：张三 李四 王五。";
        assert_eq!(findings("T104", text).len(), 2);
        assert_eq!(fixed("T104", text), text);
    }

    #[test]
    fn intended_spaces_stay_silent() {
        assert_silent(
            "T104",
            &[
                "　　各位代表：\n\n　　现在，我代表国务院，向大会报告政府工作。",
                "组　长：李　强\n副组长：王　芳、张小明",
                "联 系 人：吴仕发 联系邮箱：office@example.cn",
                "（联系人：许起亮 联系电话：13900000000）",
                "联系人：金绿艺 54333188",
                "实验区农村发展局综合处 2016年3月29日印发",
                "学习《习近平：铸牢中华民族共同体意识 推进新时代党的民族工作高质量发展》。",
                "点亮“争当提质增效先锋 我为党旗添彩”等品牌。",
                "吴泾镇人民政府办公室             2023年5月6日",
                "使用 Word 和 WPS 编辑，Microsoft Office 365 版本。",
                "| 序号 | 项目 |\n| 1 | 学习 |",
                "**加粗** 文本与 `code here` 不检查",
            ],
        );
    }

    #[test]
    fn signature_and_title_block_spaces_stay_silent() {
        let text = "关于2023年工作的报告\n国务院总理　李强\n\n各位代表：\n\n　　过去一年，工作取得新成效。\n\n中共某某镇委员会　书记 张三\n2023年3月15日\n";
        let found = findings("T104", text);
        assert!(
            !found
                .iter()
                .any(|f| f.starts_with("2:") || f.starts_with("8:")),
            "{found:?}"
        );
    }
}
