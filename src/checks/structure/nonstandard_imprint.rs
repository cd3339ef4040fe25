use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::vocabulary::Vocabulary;
use crate::document::{parse_date, Element};

declare_rule! {
    /// 版记的抄送行、印发机关和印发日期行不合格式：“抄报”、抄送后缺全角冒号、最后一个抄送机关后缺句号，印发日期不是“2024年3月5日印发”的写法。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.4.2：“抄送”二字后加全角冒号和抄送机关名称，最后一个抄送机关名称后标句号
    /// （上级、下级、不相隶属机关一律写“抄送”，不再用“抄报”）。7.4.3：印发日期用阿拉伯数字将年、月、日
    /// 标全，年份标全称，月、日不编虚位，后加“印发”二字。只查成文日期之后的版记行。
    ///
    /// ## 示例
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    ///
    /// 抄报：县防汛办
    /// 示范镇人民政府办公室　　2024年05月06日印
    /// ```
    /// 应写作：
    /// ```text
    /// 关于做好2024年防汛工作的通知
    ///
    /// 各村（居）委会：
    /// 请做好防汛准备。特此通知。
    ///
    /// 示范镇人民政府
    /// 2024年5月6日
    ///
    /// 抄送：县防汛办。
    /// 示范镇人民政府办公室　　2024年5月6日印发
    /// ```
    pub struct NonstandardImprint {
        code: S118,
        name: "nonstandard-imprint",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 9704-2012 7.4.2、7.4.3",
    }
}

/// The date and the verb at the end of a 印发 line.
static PRINT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<date>(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*[年.．/-]\s*\S{1,3}?\s*[月.．/-]\s*\S{1,3}?\s*[日号]?)\s*(?P<verb>印发|印制|印)$")
        .expect("the 印发 line pattern is valid")
});

impl Rule for NonstandardImprint {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        for &(line, element) in &doc.imprint {
            let content = doc.lines[line].content;
            match element {
                Element::CopyTo => copy_to(cx, content, text),
                Element::PrintLine => print_line(cx, content, text),
                _ => {}
            }
        }
    }
}

fn copy_to(cx: &mut Checker<'_>, content: Span, text: &str) {
    let (start, body) = super::element_text(content, text);
    for obsolete in &Vocabulary::embedded().copy_to.obsolete {
        if body.starts_with(obsolete.as_str()) {
            let span = Span::new(start, start + obsolete.len());
            cx.report(span, format!("版记写作“{obsolete}”"))
                .help("上级、下级和不相隶属机关一律写“抄送”")
                .fix(Fix::safe_replace(span, "抄送"));
        }
    }
    // “抄送” (or 抄报, 抄发) is two characters: the colon comes right after.
    let after = body.char_indices().nth(2).map_or(body.len(), |(i, _)| i);
    let rest = &body[after..];
    if rest.starts_with(':') {
        let span = Span::new(start + after, start + after + 1);
        cx.report(span, "抄送后用了半角冒号")
            .help("改为全角冒号“：”")
            .fix(Fix::safe_replace(span, "："));
    } else if !rest.starts_with('：') {
        let span = Span::point(start + after);
        cx.report(span, "抄送后没有冒号")
            .help("在“抄送”后加全角冒号“：”，再写抄送机关");
        return;
    }
    let colon = rest.chars().next().map_or(0, char::len_utf8);
    let names = rest[colon..].trim_end();
    if !names.is_empty() && !names.ends_with('。') {
        let end = start + after + colon + names.len();
        let last = names.chars().next_back().map_or(0, char::len_utf8);
        let span = Span::new(end - last, end);
        if names.ends_with([',', '，', '、', ';', '；', '.']) {
            cx.report(span, "最后一个抄送机关后应标句号")
                .help("改为句号“。”")
                .fix(Fix::safe_replace(span, "。"));
        } else {
            cx.report(Span::point(end), "最后一个抄送机关后没有句号")
                .help("在最后一个抄送机关名称后加句号“。”")
                .fix(Fix::safe_replace(Span::point(end), "。"));
        }
    }
}

fn print_line(cx: &mut Checker<'_>, content: Span, text: &str) {
    let s = content.slice(text);
    let trimmed = s.trim_end_matches(['*', ' ', '\u{3000}']);
    let Some(caps) = PRINT_DATE.captures(trimmed) else {
        return;
    };
    let (Some(date), Some(verb)) = (caps.name("date"), caps.name("verb")) else {
        return;
    };
    if let Some(parts) = parse_date(date.as_str()) {
        if !parts.standard {
            let span = Span::new(content.start + date.start(), content.start + date.end());
            let standard = format!("{}年{}月{}日", parts.year, parts.month, parts.day);
            cx.report(span, format!("印发日期写作“{}”", date.as_str()))
                .help(format!("改为“{standard}”"))
                .fix(Fix::safe_replace(span, standard));
        }
    }
    if verb.as_str() != "印发" {
        let span = Span::new(content.start + verb.start(), content.start + verb.end());
        cx.report(span, format!("印发日期后写作“{}”", verb.as_str()))
            .help("印发日期后加“印发”二字")
            .fix(Fix::safe_replace(span, "印发"));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    const NOTICE: &str = "关于做好2024年防汛工作的通知\n\n各村（居）委会：\n    请做好防汛准备。\n    特此通知。\n\n示范镇人民政府\n2024年5月6日\n\n";

    #[test]
    fn copy_and_print_lines_out_of_form() {
        let text = format!(
            "{NOTICE}抄报:县防汛办，县应急管理局\n示范镇人民政府办公室　　2024年05月06日印\n"
        );
        assert_fires(
            "S118",
            &[(
                &text,
                &[
                    "10:1 版记写作“抄报”",
                    "10:3 抄送后用了半角冒号",
                    "10:15 最后一个抄送机关后没有句号",
                    "11:13 印发日期写作“2024年05月06日”",
                    "11:24 印发日期后写作“印”",
                ],
            )],
        );
        assert_fixed(
            "S118",
            &[
                (
                    &text,
                    &format!(
                        "{NOTICE}抄送：县防汛办，县应急管理局。\n示范镇人民政府办公室　　2024年5月6日印发\n",
                    ),
                ),
            ],
        );
    }

    #[test]
    fn lines_in_form_are_silent() {
        assert_silent("S118", &[&format!("{NOTICE}抄送：县防汛办，县应急管理局。\n示范镇人民政府办公室                2024年5月6日印发\n")]);
    }
}
