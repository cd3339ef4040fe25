use std::sync::LazyLock;

use regex::Regex;

use super::as_of_phrase;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Span;

declare_rule! {
    /// 文中提到的最近年份比核对日期早两年以上：很可能是照抄旧稿而没有更新。
    ///
    /// ## 为什么
    /// 2023 年报送的材料里最近的数据还停在 2020 年，检查人员会认为是旧稿翻新。
    /// 核对日期依次取 `--as-of`、文末成文日期、今天。
    ///
    /// ## 示例
    /// ```text
    /// 到2020年末，全镇实现地区生产总值3.45亿元。
    /// 2023年3月15日
    /// ```
    /// 应写作：
    /// ```text
    /// 到2022年末，全镇实现地区生产总值3.86亿元。
    /// 2023年3月15日
    /// ```
    pub struct StaleDocument {
        code: R107,
        name: "stale-document",
        severity: Warning,
        fix: Never,
        scope: Body,
        since: "0.1.0",
        basis: "公文时效性（数据与提法应与成文时间一致）",
    }
}

/// A four-digit year followed by 年 (not part of a longer number).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年").expect("the year pattern is a valid regex")
});

/// How many years back the latest year may be before the document counts as stale.
const STALE_YEARS: i32 = 2;

impl Rule for StaleDocument {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        // Every year the pattern reads is followed by 年.
        if !text.contains('年') {
            return;
        }
        // The 成文日期 line itself does not count.
        let date_line = cx.document.date.map(|d| cx.document.lines[d].span);
        let latest = YEAR
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .filter(|m| !date_line.is_some_and(|d| d.start <= m.start() && m.end() <= d.end))
            .filter_map(|m| {
                m.as_str()
                    .parse::<i32>()
                    .ok()
                    .map(|y| (y, Span::new(m.start(), m.end())))
            })
            .fold(None::<(i32, Span)>, |best, (y, span)| match best {
                Some((b, _)) if b >= y => best,
                _ => Some((y, span)),
            });
        let Some((year, span)) = latest else { return };
        let as_of_year = i32::from(cx.context.as_of.year());
        if as_of_year - year < STALE_YEARS {
            return;
        }
        let phrase = as_of_phrase(cx);
        cx.report(
            span,
            format!(
                "文中提到的最近年份是{year}年，比核对日期早{}年（核对日期{phrase}）",
                as_of_year - year
            ),
        )
        .help("核对是否照抄了旧稿：更新数据、年份和提法，或用 --as-of 指定文稿的实际日期");
    }
}
