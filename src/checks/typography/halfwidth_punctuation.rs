use super::{chars, is_chinese, is_han, Protected};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Edit, Fix};

declare_rule! {
    /// 中文句子里用了半角标点（, : ; ? ! ( ) .）。
    ///
    /// ## 检查什么
    /// 与汉字或全角标点相邻的半角逗号、冒号、分号、问号、叹号，括号里或紧挨着汉字的半角括号，
    /// 以及夹在两个汉字之间（或汉字之后位于行尾）的半角句点。数字中的“1,000”“10:30”，
    /// 网址、邮箱、代码，以及西文词句里的标点不检查；标题序号“(三)”由编号规则 N105 报告。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 规定中文文本使用全角标点。半角标点多是从聊天工具、网页或英文输入法
    /// 带进来的，印出来偏窄、紧贴下一个字，一眼就能看出是拼凑的稿子。
    ///
    /// ## 示例
    /// ```text
    /// 尊敬的县委巡察组各位领导:
    /// 年均增长3.2%,工业总产值0.9亿元。
    /// 有机碳(TOC)、氨氮等指标。
    /// ```
    /// 应写作：
    /// ```text
    /// 尊敬的县委巡察组各位领导：
    /// 年均增长3.2%，工业总产值0.9亿元。
    /// 有机碳（TOC）、氨氮等指标。
    /// ```
    /// 逗号、冒号等的修正是安全的，`--fix` 会自动改；汉字之间的半角句点可能是句号，也可能是顿号，
    /// 只提示，不自动改。
    pub struct HalfwidthPunctuation {
        code: T101,
        name: "halfwidth-punctuation",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》",
    }
}

fn fullwidth(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

/// The neighbour of `k` (after it when `forward`), looking through Markdown emphasis (`**`).
fn neighbour(cs: &[(usize, char)], k: usize, forward: bool) -> Option<char> {
    let mut j = k;
    for _ in 0..4 {
        j = if forward { j + 1 } else { j.checked_sub(1)? };
        let c = cs.get(j)?.1;
        if !matches!(c, '*' | '_') {
            return Some(c);
        }
    }
    None
}

const HANZI_NUMERALS: &str = "一二三四五六七八九十";

impl Rule for HalfwidthPunctuation {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            // A "." matters only beside a Chinese character (decimals are the common case).
            let dot_by_chinese = || {
                s.match_indices('.').any(|(off, _)| {
                    s[..off].chars().next_back().is_some_and(|c| !c.is_ascii())
                        || s[off + 1..].chars().next().is_some_and(|c| !c.is_ascii())
                })
            };
            let classes = cx.views.classes(seg);
            let may_hold_mark = classes.has_any(&[',', ':', ';', '?', '!', '(', ')'])
                || (classes.has('.') && dot_by_chinese());
            if !may_hold_mark {
                continue;
            }
            let cs = chars(s);
            for (k, &(off, c)) in cs.iter().enumerate() {
                if !matches!(c, ',' | ':' | ';' | '?' | '!' | '.')
                    || cx.views.protected(seg).contains(off)
                {
                    continue;
                }
                let prev = neighbour(&cs, k, false);
                let next = neighbour(&cs, k, true);
                if c == '.' {
                    // "凸显.面对" (a full stop) or "氨氮.总氮" (a 顿号): which one is for the writer to say.
                    let after_han = prev.is_some_and(|p| is_han(p) && !HANZI_NUMERALS.contains(p));
                    if after_han && next.is_none_or(is_han) {
                        cx.report(seg.at(off..off + 1), "汉字之间用了半角句点“.”")
                            .help("句末改为“。”，并列词语之间改为“、”");
                    }
                    continue;
                }
                // "“Hello, world!”": a mark that ends Latin text before a closing quote is Latin.
                let ends_latin = prev.is_some_and(|p| p.is_ascii_alphanumeric())
                    && next.is_none_or(|n| matches!(n, '”' | '’' | '）' | '》' | '」' | '』'));
                let chinese =
                    prev.is_some_and(is_chinese) || (next.is_some_and(is_chinese) && !ends_latin);
                let between_digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                if !chinese || between_digits || (c == '!' && next == Some('[')) {
                    continue;
                }
                // A space typed after the half-width mark goes with it: "论证, 不搞" → "论证，不搞".
                let mut end = off + 1;
                if prev.is_some_and(is_chinese) && k + 1 < cs.len() {
                    end += s[end..].len() - s[end..].trim_start_matches(' ').len();
                    if end == s.len() {
                        end = off + 1;
                    }
                }
                let full = fullwidth(c);
                cx.report(seg.at(off..off + 1), format!("中文里用了半角“{c}”"))
                    .help(format!("改为全角“{full}”"))
                    .fix(Fix::safe_replace(seg.at(off..end), full.to_string()));
            }
            if s.contains(['(', ')']) {
                let protected = cx.views.protected(seg);
                check_parentheses(cx, *seg, s, &cs, protected);
            }
        }
    }
}

/// Half-width parentheses are reported by pair, so "(TOC)" gets one finding and one fix.
fn check_parentheses(
    cx: &mut Checker<'_>,
    seg: super::Segment,
    s: &str,
    cs: &[(usize, char)],
    protected: &Protected,
) {
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for (k, &(off, c)) in cs.iter().enumerate() {
        if protected.contains(off) {
            continue;
        }
        match c {
            '(' | '（' => stack.push(k),
            ')' | '）' => pairs.push((stack.pop(), Some(k))),
            _ => {}
        }
    }
    pairs.extend(stack.into_iter().map(|k| (Some(k), None)));
    pairs.sort_by_key(|p| p.0.or(p.1));
    for (open, close) in pairs {
        let half: Vec<usize> = [open, close]
            .into_iter()
            .flatten()
            .filter(|&k| cs[k].1.is_ascii())
            .collect();
        let Some(&first) = half.first() else { continue };
        let before = open.and_then(|k| neighbour(cs, k, false));
        let after = close.and_then(|k| neighbour(cs, k, true));
        let chinese = match (open, close) {
            (Some(o), Some(c)) => {
                let inner = &s[cs[o].0 + cs[o].1.len_utf8()..cs[c].0];
                let one_wide = half.len() == 1;
                one_wide
                    || inner.chars().take(200).any(is_chinese)
                    || (!before.is_some_and(|b| b.is_ascii_alphanumeric())
                        && (before.is_some_and(is_chinese)
                            || (before.is_none() && after.is_some_and(is_chinese))))
            }
            // A lone "(" or ")": "1)加强学习" is a list marker in Chinese text.
            _ => {
                let k = open.or(close).unwrap_or(first);
                neighbour(cs, k, false).is_some_and(is_chinese)
                    || neighbour(cs, k, true).is_some_and(is_chinese)
            }
        };
        if !chinese {
            continue;
        }
        let written: String = half
            .iter()
            .map(|&k| cs[k].1.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let wide: String = half
            .iter()
            .map(|&k| fullwidth(cs[k].1).to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let edits = half
            .iter()
            .map(|&k| Edit {
                span: seg.at(cs[k].0..cs[k].0 + 1),
                replacement: fullwidth(cs[k].1).to_string(),
            })
            .collect();
        let off = cs[first].0;
        cx.report(
            seg.at(off..off + 1),
            format!("中文里用了半角括号“{written}”"),
        )
        .help(format!("改为全角括号“{wide}”"))
        .fix(Fix { safe: true, edits });
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{
        assert_fires, assert_fires_unfixed, assert_fixed, assert_silent,
    };

    #[test]
    fn seed_colon_and_commas() {
        let text = "尊敬的县委巡察组各位领导:\n年均增长3.2%,工业总产值0.9亿元，农民人均纯收入12731元,年均增长18.7%。\n";
        assert_fires(
            "T101",
            &[(
                text,
                &[
                    "1:13 中文里用了半角“:”",
                    "2:9 中文里用了半角“,”",
                    "2:34 中文里用了半角“,”",
                ],
            )],
        );
        assert_fixed(
            "T101",
            &[
                (
                    text,
                    "尊敬的县委巡察组各位领导：\n年均增长3.2%，工业总产值0.9亿元，农民人均纯收入12731元，年均增长18.7%。\n",
                ),
            ],
        );
    }

    #[test]
    fn space_after_a_halfwidth_comma_goes_with_it() {
        assert_fixed(
            "T101",
            &[(
                "要充分研究论证, 不搞“临时动议”。",
                "要充分研究论证，不搞“临时动议”。",
            )],
        );
    }

    #[test]
    fn parentheses_are_fixed_as_a_pair() {
        let text = "建立水质自动监测系统，检测有机碳(TOC)、氨氮等指标。";
        assert_fires("T101", &[(text, &["1:17 中文里用了半角括号“( )”"])]);
        assert_fixed(
            "T101",
            &[
                (
                    text,
                    "建立水质自动监测系统，检测有机碳（TOC）、氨氮等指标。",
                ),
                (
                    "面积(平方米)和“两个主体（党委)”",
                    "面积（平方米）和“两个主体（党委）”",
                ),
            ],
        );
    }

    #[test]
    fn halfwidth_full_stop_between_han_is_reported_without_fix() {
        assert_fires_unfixed(
            "T101",
            &[(
                "战斗堡垒作用不够凸显.面对电子渠道收入增长压力",
                &["1:11 汉字之间用了半角句点“.”"],
            )],
        );
    }

    #[test]
    fn numbers_times_urls_codes_and_latin_stay_silent() {
        assert_silent(
            "T101",
            &[
                "国内生产总值达到1,000亿元，会议于10:30开始，比例为1:2。",
                "详见http://www.gov.cn/zhengce/content/2023-03/14/content_5746704.htm?id=1,2。",
                "联系邮箱：office@example.gov.cn。",
                "他说“Hello, world!”之后离开。",
                "GDP增长5.2%，使用Windows(R)系统，函数f(x)，版本3.2.1。",
                "（一）坚持理论学习，始终保持干部队伍先进性。",
                "第一.二节",
                "年均利用水量84万m&sup3;；完成岛内雨洪利用。",
            ],
        );
    }

    #[test]
    fn heading_markers_are_left_to_the_numbering_rules() {
        assert_silent("T101", &["(三)严格党内生活，强化党的建设。\n"]);
    }
}
