use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;
use crate::document::parse_date;

declare_rule! {
    /// 成文日期不是“2023年3月15日”的写法（用了汉字数字、补零、圆点或横线，或缺“日”）。
    ///
    /// ## 为什么
    /// GB/T 9704-2012 7.3.5.4 规定成文日期用阿拉伯数字将年、月、日标全，年份标全称，
    /// 月、日不编虚位（1 不编为 01）。
    ///
    /// ## 示例
    /// ```text
    /// 二〇二三年三月十五日
    /// 2023年03月05日
    /// ```
    /// 应写作：
    /// ```text
    /// 2023年3月15日
    /// 2023年3月5日
    /// ```
    pub struct NonstandardDate {
        code: S108,
        name: "nonstandard-date",
        severity: Warning,
        fix: Always,
        scope: Body,
        since: "0.1.0",
        basis: "GB/T 9704-2012 7.3.5.4",
    }
}

impl Rule for NonstandardDate {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        let Some(line) = doc.date else { return };
        let content = doc.lines[line].content;
        let Some(date) = parse_date(content.slice(text)) else {
            return;
        };
        if date.standard {
            return;
        }
        let Some(offset) = content.slice(text).find(date.written.as_str()) else {
            return;
        };
        let span = crate::diagnostic::Span::new(
            content.start + offset,
            content.start + offset + date.written.len(),
        );
        let standard = format!("{}年{}月{}日", date.year, date.month, date.day);
        cx.report(span, format!("成文日期写作“{}”", date.written))
            .help(format!("改为“{standard}”"))
            .fix(Fix::safe_replace(span, standard));
    }
}
