use super::ends_sentence;
use crate::checks::char_classes::outside_ideographs;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;

declare_rule! {
    /// 引号、书名号、括号不成对或交叉嵌套（“” ‘’ 《》 〈〉 （） 【】 〔〕 「」 『』）。
    ///
    /// ## 检查什么
    /// 按段配对：有左无右、有右无左、两种符号交叉（“《……”》）、连用两个左引号（多半是右引号
    /// 打反了方向）。半角括号与全角括号一起配对（“（三)”的宽度由 T101 报告）。
    /// 不报告：跨段引用时各段开头的左引号（GB/T 15834-2011 4.8：引文有多段时每段开头用
    /// 前引号，只在最后一段末尾用后引号）；没有句末标点而续到下一行的折行；
    /// 作列项序号的“1）”“a)”；英文里的撇号“China’s”。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 规定引号、括号、书名号都成对使用，内外层依次用双引号、单引号，
    /// 书名号内再用书名号时用单书名号。漏掉一半的标点会让读者弄不清引文或书名到哪里为止，
    /// 多是修改稿件时删改不彻底留下的。
    ///
    /// ## 示例
    /// ```text
    /// 深入开展“不忘初心、牢记使命主题教育，制定《农村道路建设规划。
    /// ```
    /// 应写作：
    /// ```text
    /// 深入开展“不忘初心、牢记使命”主题教育，制定《农村道路建设规划》。
    /// ```
    pub struct UnpairedBracket {
        code: T106,
        name: "unpaired-bracket",
        severity: Error,
        fix: Never,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》4.8（引号）、4.9（括号）、4.15（书名号）",
    }
}

/// Each pair: its name, opener(s), closer(s).
const PAIRS: &[(&str, &[char], &[char])] = &[
    ("引号", &['“'], &['”']),
    ("单引号", &['‘'], &['’']),
    ("书名号", &['《'], &['》']),
    ("单书名号", &['〈'], &['〉']),
    ("括号", &['（', '('], &['）', ')']),
    ("方头括号", &['【'], &['】']),
    ("六角括号", &['〔'], &['〕']),
    ("直角引号", &['「'], &['」']),
    ("双直角引号", &['『'], &['』']),
];

/// "左书名号“《”", or just "左引号" where quoting a quote mark would confuse.
fn show(kind: usize, left: bool) -> String {
    let (name, open, close) = PAIRS[kind];
    let side = if left { "左" } else { "右" };
    if name.contains("引号") {
        format!("{side}{name}")
    } else {
        format!("{side}{name}“{}”", if left { open[0] } else { close[0] })
    }
}

/// A cheap range test that every mark in `PAIRS` passes: most characters are Chinese
/// characters, and this keeps them away from the table lookups.
/// Reports a left (`left`) or right mark of `kind` at `span` that has no partner.
fn report_unpaired(cx: &mut Checker<'_>, span: Span, kind: usize, left: bool) {
    let name = PAIRS[kind].0;
    let (missing, extra) = if left { ("右", "左") } else { ("左", "右") };
    cx.report(
        span,
        format!("{}没有配对的{}", show(kind, left), show(kind, !left)),
    )
    .help(format!("补上{missing}{name}，或删去多余的{extra}{name}"));
}

fn may_be_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '\u{2018}'..='\u{201D}' | '\u{3008}'..='\u{3017}' | '\u{FF08}' | '\u{FF09}')
}

fn opener(c: char) -> Option<usize> {
    PAIRS.iter().position(|p| p.1.contains(&c))
}

fn closer(c: char) -> Option<usize> {
    PAIRS.iter().position(|p| p.2.contains(&c))
}

/// How deep a closer looks for its opener: real text nests a few levels, and a bound
/// keeps a line of a million unmatched marks linear.
const MAX_SEARCH: usize = 32;

#[derive(Debug, Clone, Copy)]
struct Open {
    kind: usize,
    span: Span,
}

/// "1）加强学习" "；2）完善制度" "a)": a closing bracket used as a list marker.
fn list_marker(before: &str) -> bool {
    let token_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_ascii_alphanumeric()
                || "一二三四五六七八九十".contains(c)
                || ('①'..='⑳').contains(&c)
        })
        .take(3)
        .last()
        .map(|(i, _)| i);
    match token_start {
        Some(i) => {
            before[i..].chars().count() <= 2
                && before[..i].chars().next_back().is_none_or(|c| {
                    matches!(
                        c,
                        '。' | '；' | ';' | '：' | ':' | '，' | ',' | ' ' | '\u{3000}' | '*'
                    )
                })
        }
        None => false,
    }
}

impl Rule for UnpairedBracket {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let segs = cx.views.segments();
        let mut stack: Vec<Open> = Vec::new();
        // Kinds whose closer is still expected after a crossed pair was reported.
        let mut dangling: Vec<usize> = Vec::new();
        for (n, seg) in segs.iter().enumerate() {
            let s = seg.text(text);
            let protected = cx.views.protected(seg);
            let classes = cx.views.classes(seg);
            let may_hold_brackets = classes.has_any(&['(', ')', '（', '）'])
                || classes.has_range('\u{2018}', '\u{201D}')
                || classes.has_range('\u{3008}', '\u{3017}');
            // No bracket is an ideograph.
            let chars = may_hold_brackets
                .then(|| outside_ideographs(s))
                .into_iter()
                .flatten();
            for (off, c) in chars {
                // Most characters are not brackets: test that before the (binary-search)
                // protected-range lookup.
                if !may_be_bracket(c) || protected.contains(off) {
                    continue;
                }
                let span = seg.at(off..off + c.len_utf8());
                if let Some(kind) = opener(c) {
                    if kind == 0 && stack.last().is_some_and(|o| o.kind == 0) {
                        stack.pop();
                        cx.report(span, "连用两个左引号，此处应为右引号")
                            .help("检查引号的方向与嵌套：内层引号用单引号‘’");
                        continue;
                    }
                    stack.push(Open { kind, span });
                } else if let Some(kind) = closer(c) {
                    let apostrophe = c == '’'
                        && s[..off]
                            .chars()
                            .next_back()
                            .is_some_and(|p| p.is_ascii_alphabetic())
                        && s[off + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|p| p.is_ascii_alphabetic());
                    if apostrophe || (kind == 4 && list_marker(&s[..off])) {
                        continue;
                    }
                    if let Some(pos) = stack
                        .iter()
                        .rev()
                        .take(MAX_SEARCH)
                        .position(|o| o.kind == kind)
                        .map(|p| stack.len() - 1 - p)
                    {
                        for inner in stack.drain(pos + 1..).collect::<Vec<_>>() {
                            let name = PAIRS[inner.kind].0;
                            cx.report(
                                inner.span,
                                format!(
                                    "{}在{}之前没有闭合（交叉嵌套）",
                                    show(inner.kind, true),
                                    show(kind, false)
                                ),
                            )
                            .help(format!("补上右{name}，或调整两对标点的次序，使之层层嵌套"));
                            dangling.push(inner.kind);
                        }
                        stack.pop();
                    } else if let Some(d) = dangling.iter().position(|&d| d == kind) {
                        dangling.remove(d);
                    } else {
                        report_unpaired(cx, span, kind, false);
                    }
                }
            }
            let next = segs.get(n + 1);
            // A line that stops mid-sentence and goes on in the next line is one paragraph.
            let wrapped = next.is_some_and(|nx| nx.line == seg.line + 1) && !ends_sentence(s);
            if wrapped && !stack.is_empty() {
                continue;
            }
            // A quotation of several paragraphs opens each one and closes only the last.
            let quote_goes_on = next.is_some_and(|nx| nx.text(text).starts_with('“'));
            for open in stack.drain(..) {
                if open.kind == 0 && quote_goes_on {
                    continue;
                }
                report_unpaired(cx, open.span, open.kind, true);
            }
            dangling.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn unclosed_and_unopened_marks_are_reported() {
        let text =
            "深入开展“不忘初心、牢记使命主题教育，制定《农村道路建设规划。\n落实好政策）。\n";
        assert_fires(
            "T106",
            &[(
                text,
                &[
                    "1:5 左引号没有配对的右引号",
                    "1:22 左书名号“《”没有配对的右书名号“》”",
                    "2:6 右括号“）”没有配对的左括号“（”",
                ],
            )],
        );
    }

    #[test]
    fn crossed_pairs_are_reported_once() {
        assert_fires(
            "T106",
            &[(
                "学习“《习近平谈治国理政”》第四卷。",
                &["1:4 左书名号“《”在右引号之前没有闭合（交叉嵌套）"],
            )],
        );
    }

    #[test]
    fn a_reversed_quote_is_named() {
        assert_fires(
            "T106",
            &[(
                "落实“三会一课“制度。",
                &["1:8 连用两个左引号，此处应为右引号"],
            )],
        );
    }

    #[test]
    fn paired_nested_wrapped_and_multiparagraph_quotes_stay_silent() {
        assert_silent(
            "T106",
            &[
                "实施“七个一线工作法”、“村（社区）干部坐班制度”，学习《关于〈决定〉的说明》。",
                "两个主体（党委)责任",
                "中国共产党的中央组织（包括党的全国代表大会、中央委员会及其各直属机构\n[\nCPC 2\n]\n）制定的公文，可视为《\n中华人民共和国著作权法\n》第五条规定。",
                "他指出：“第一段引文。\n“第二段引文。”\n",
                "1）加强学习；2）完善制度；a)严格执行。",
                "China’s economy，【新华社】。",
            ],
        );
    }
}
