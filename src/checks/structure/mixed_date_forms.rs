use std::sync::LazyLock;

use regex::Regex;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::document::LineKind;
use crate::numerals;

declare_rule! {
    /// 同一篇公文里的日期写法不一（“2024年3月5日”与“2024.3.15”“2024-03-20”“二〇二四年三月一日”混用）。
    ///
    /// ## 为什么
    /// GB/T 15835-2011《出版物上数字用法》5.2.2 允许“2008年8月8日”和“2008-08-08”等写法，但同一文本中
    /// 应前后一致；公文正文通常写作“2024年3月5日”（GB/T 9704-2012 7.3.5.4 的成文日期写法）。
    /// 以文中最常用的写法为准，报告与之不同的年月日完整的日期；成文日期本身由 S108 检查。
    ///
    /// ## 示例
    /// ```text
    /// 3月5日前各村上报名单，2024.3.15前完成培训，2024年3月20日前组织考核。2024年3月25日前报送总结。
    /// ```
    /// 应写作：
    /// ```text
    /// 3月5日前各村上报名单，2024年3月15日前完成培训，2024年3月20日前组织考核。2024年3月25日前报送总结。
    /// ```
    pub struct MixedDateForms {
        code: S123,
        name: "mixed-date-forms",
        severity: Warning,
        fix: Sometimes,
        scope: Body,
        since: "0.3.0",
        basis: "GB/T 15835-2011 5.2.2；GB/T 9704-2012 7.3.5.4",
    }
}

/// The ways a full date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// 2024年3月5日
    Standard,
    /// 2024年03月05日
    Padded,
    /// 二〇二四年三月五日
    Hanzi,
    /// 2024.3.5, 2024-03-05, 2024/3/5 (the separator)
    Numeric(char),
}

static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})[日号]").expect("valid")
});
static HANZI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[〇○零一二三四五六七八九]{4}年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
        .expect("valid")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})([.．/-])([0-9]{1,2})([.．/-])([0-9]{1,2})").expect("valid")
});

struct Found {
    span: Span,
    form: Form,
    /// The standard writing, when the numbers are plain.
    standard: Option<String>,
}

fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn dates_in(line: &str, start: usize, out: &mut Vec<Found>) {
    // A written-out date holds 月, a numeric one a separator: most lines have neither, and
    // a regex finds that only by stepping through every byte.
    if line.contains('月') {
        dates_written_out(line, start, out);
    }
    if memchr::memchr3(b'.', b'/', b'-', line.as_bytes()).is_some() || line.contains('．') {
        numeric_dates(line, start, out);
    }
}

/// 2024年3月5日 (padded or not) and 二〇二四年三月五日.
fn dates_written_out(line: &str, start: usize, out: &mut Vec<Found>) {
    for c in ARABIC.captures_iter(line) {
        let (Ok(m), Ok(d)) = (c[2].parse::<u32>(), c[3].parse::<u32>()) else {
            continue;
        };
        if !valid(m, d) {
            continue;
        }
        let whole = c.get(0).expect("a match");
        let padded = c[2].starts_with('0') || c[3].starts_with('0');
        out.push(Found {
            span: Span::new(start + whole.start(), start + whole.end()),
            form: if padded { Form::Padded } else { Form::Standard },
            standard: Some(format!("{}年{m}月{d}日", &c[1])),
        });
    }
    for c in HANZI.captures_iter(line) {
        let (Some(m), Some(d)) = (numerals::parse(&c[1]), numerals::parse(&c[2])) else {
            continue;
        };
        if !valid(m, d) {
            continue;
        }
        let whole = c.get(0).expect("a match");
        out.push(Found {
            span: Span::new(start + whole.start(), start + whole.end()),
            form: Form::Hanzi,
            standard: None,
        });
    }
}

/// 2024.3.5, 2024-03-05, 2024/3/5.
fn numeric_dates(line: &str, start: usize, out: &mut Vec<Found>) {
    for c in NUMERIC.captures_iter(line) {
        let whole = c.get(0).expect("a match");
        // Part of a longer number (a version, an address), or two separators.
        let before = line[..whole.start()].chars().next_back();
        let after = line[whole.end()..].chars().next();
        let numeric =
            |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ".．/-".contains(c));
        if numeric(before) || numeric(after) || c[2] != c[4] {
            continue;
        }
        let (Ok(m), Ok(d)) = (c[3].parse::<u32>(), c[5].parse::<u32>()) else {
            continue;
        };
        if !valid(m, d) {
            continue;
        }
        out.push(Found {
            span: Span::new(start + whole.start(), start + whole.end()),
            form: Form::Numeric(c[2].chars().next().unwrap_or('.')),
            standard: Some(format!("{}年{m}月{d}日", &c[1])),
        });
    }
}

impl Rule for MixedDateForms {
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.document;
        let text = cx.text();
        // Every date form holds 年 or a year starting 19 or 20: a text with neither compiles
        // and runs no regex.
        if !text.contains('年') && !text.contains("19") && !text.contains("20") {
            return;
        }
        let mut found = Vec::new();
        for line in &doc.lines {
            // The 成文日期 is S108's; 版头 and 版记 have their own rules.
            if matches!(
                line.kind,
                LineKind::Blank | LineKind::Date | LineKind::Masthead | LineKind::Imprint
            ) {
                continue;
            }
            dates_in(line.content.slice(text), line.content.start, &mut found);
        }
        // How often each form is used (a handful of forms: counted in one pass, so a
        // file with many dates stays linear).
        let mut counts: Vec<(Form, usize)> = Vec::new();
        for f in &found {
            match counts.iter_mut().find(|(form, _)| *form == f.form) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.form, 1)),
            }
        }
        // The form most used; on a tie the standard one, then the first written.
        let Some(usual) = counts
            .iter()
            .rev()
            .max_by_key(|&&(form, n)| (n, form == Form::Standard))
            .map(|&(form, _)| form)
        else {
            return;
        };
        if found.iter().all(|f| f.form == usual) {
            return;
        }
        let example = found
            .iter()
            .find(|f| f.form == usual)
            .map(|f| f.span.slice(text).to_string())
            .unwrap_or_default();
        for f in found.iter().filter(|f| f.form != usual) {
            let written = f.span.slice(text);
            let report = cx.report(
                f.span,
                format!("日期写作“{written}”，与文中其他日期的写法（如“{example}”）不一致"),
            );
            match (&f.standard, usual) {
                (Some(standard), Form::Standard) => {
                    report
                        .help(format!("全文统一写作“{standard}”的形式"))
                        .fix(Fix::safe_replace(f.span, standard.clone()));
                }
                _ => {
                    report.help(format!("全文的日期统一为一种写法，如“{example}”"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    #[test]
    fn dates_written_another_way_than_the_rest() {
        let text = "    2024.3.15前完成培训，2024年3月20日前组织考核，2024年03月25日前报送总结，2024年4月1日起施行。\n";
        assert_fires(
            "S123",
            &[
                (
                    text,
                    &[
                        "1:5 日期写作“2024.3.15”，与文中其他日期的写法（如“2024年3月20日”）不一致",
                        "1:36 日期写作“2024年03月25日”，与文中其他日期的写法（如“2024年3月20日”）不一致",
                    ],
                ),
            ],
        );
        assert_fixed(
            "S123",
            &[
                (
                    text,
                    "    2024年3月15日前完成培训，2024年3月20日前组织考核，2024年3月25日前报送总结，2024年4月1日起施行。\n",
                ),
            ],
        );
    }

    #[test]
    fn one_form_throughout_versions_and_the_date_line_are_silent() {
        assert_silent(
            "S123",
            &[
                "    2024.3.15前完成培训，2024.3.20前组织考核。\n",
                "    2024年3月15日前完成培训，2024年3月20日前组织考核。\n",
                "    系统升级到2.10.3版，2024年3月20日前完成。\n",
                "    3.5万元，2024年3月20日前拨付。\n",
            ],
        );
    }
}
