use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::elements::DOC_NUMBER;

declare_rule! {
    /// 发文字号不是“机关代字〔2024〕12号”的写法：年份用了 [ ]、（ ）、【 】，写了“第”，序号前补了 0，或年份只写两位。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.2.5：发文字号由发文机关代字、年份、发文顺序号组成，年份、发文顺序号用
    /// 阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位
    /// （即1不编为01）。正文中引用的发文字号同样如此（先引标题，后引发文字号）。
    ///
    /// ## 示例
    /// ```text
    /// 根据《关于进一步加强城市供水安全保障工作的实施意见》（闽政[2014]46号）要求，现提出如下意见。
    /// ```
    /// 应写作：
    /// ```text
    /// 根据《关于进一步加强城市供水安全保障工作的实施意见》（闽政〔2014〕46号）要求，现提出如下意见。
    /// ```
    pub struct NonstandardDocNumber {
        code: S113,
        name: "nonstandard-doc-number",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.2.0",
        basis: "GB/T 9704-2012 7.2.5",
    }
}

impl Rule for NonstandardDocNumber {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for (line_start, caps) in doc_numbers(text) {
            let (Some(open), Some(whole)) = (caps.name("open"), caps.get(0)) else {
                continue;
            };
            let year = &caps["year"];
            let number = &caps["number"];
            let spaced = ["gap1", "gap2", "gap3", "gap4", "gap5"]
                .iter()
                .any(|g| caps.name(g).is_some_and(|m| !m.as_str().is_empty()));
            let brackets = &caps["open"] != "〔" || &caps["close"] != "〕";
            let nth = !caps["nth"].is_empty();
            let zero = number.len() > 1 && number.starts_with('0');
            let short_year = year.len() != 4;
            if !(brackets || nth || zero || spaced || short_year) {
                continue;
            }
            // From the opening bracket to 号: the 机关代字 is not in question.
            let span = Span::new(line_start + open.start(), line_start + whole.end());
            let written = span.slice(text);
            let number = number.trim_start_matches('0');
            let mut problems = Vec::new();
            if brackets {
                problems.push("年份应用六角括号“〔〕”");
            }
            if short_year {
                problems.push("年份应写全");
            }
            if nth {
                problems.push("序号前不加“第”");
            }
            if zero {
                problems.push("序号不编虚位");
            }
            if spaced {
                problems.push("中间不留空格");
            }
            let report = cx.report(
                span,
                format!("发文字号写作“{written}”：{}", problems.join("，")),
            );
            if short_year || number.is_empty() {
                report.help("改为“〔2024〕12号”的写法，年份写全");
            } else {
                let standard = format!("〔{year}〕{number}号");
                report
                    .help(format!("改为“{standard}”"))
                    .fix(Fix::safe_replace(span, standard));
            }
        }
    }
}

/// The 发文字号 of `text` with the byte offset of the line each is on. Every one ends with
/// 号 and none crosses a line (no class of the pattern holds a line break), so the pattern
/// runs only on the lines holding a 号 (over the whole text, its lazy DFA stepped through
/// every byte: a 机关代字 may begin at any Han character).
fn doc_numbers(text: &str) -> impl Iterator<Item = (usize, regex::Captures<'_>)> {
    let bytes = text.as_bytes();
    let mut next_line = 0;
    memchr::memmem::find_iter(bytes, "号".as_bytes())
        .filter_map(move |at| {
            if at < next_line {
                return None;
            }
            let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |nl| nl + 1);
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |nl| at + nl);
            next_line = end;
            Some((start, &text[start..end]))
        })
        .flat_map(|(start, line)| {
            DOC_NUMBER
                .captures_iter(line)
                .map(move |caps| (start, caps))
        })
}
