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

/// The four-digit years (19xx, 20xx) followed by 年, white space allowed between, that are
/// not part of a longer number, in text order: what the pattern
/// `(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年` finds, found from each 年 backwards instead of
/// by a regex stepped through every byte. As with that pattern, the character before a
/// year belongs to its match, so a year written right after the 年 of the previous one
/// (2019年2020年) is not read.
fn years(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    // The end of the previous year's match (after its 年).
    let mut taken = 0;
    memchr::memmem::find_iter(bytes, "年".as_bytes()).filter_map(move |nian| {
        let end = text[..nian].trim_end_matches(char::is_whitespace).len();
        let start = end.checked_sub(4)?;
        let digits = &bytes[start..end];
        let century = &digits[..2];
        if !digits.iter().all(u8::is_ascii_digit) || !(century == b"19" || century == b"20") {
            return None;
        }
        let match_start = match text[..start].chars().next_back() {
            None => start,
            Some(c) if c.is_ascii_digit() => return None,
            Some(c) => start - c.len_utf8(),
        };
        if match_start < taken {
            return None;
        }
        taken = nian + "年".len();
        Some(Span::new(start, end))
    })
}

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
        let latest = years(text)
            .filter(|m| !date_line.is_some_and(|d| d.start <= m.start && m.end <= d.end))
            .filter_map(|m| m.slice(text).parse::<i32>().ok().map(|y| (y, m)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        years(text).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn years_before_nian_not_inside_longer_numbers() {
        assert_eq!(found("2019年底，到2020 年末"), ["2019", "2020"]);
        assert_eq!(found("截至2021\n年，12021年，2021年度"), ["2021", "2021"]);
        assert_eq!(found("1899年、2100年、220年、21年"), Vec::<&str>::new());
        assert_eq!(found("全年20万元，年年有余"), Vec::<&str>::new());
    }

    #[test]
    fn a_year_right_after_the_previous_nian_is_not_read_as_the_pattern_did() {
        assert_eq!(found("2019年2020年 2021年"), ["2019", "2021"]);
        assert_eq!(found("年2020年"), ["2020"]);
    }

    #[test]
    fn the_same_years_as_the_pattern_it_replaces() {
        let pattern = regex::Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})\s*年").expect("valid");
        for text in [
            "2019年2020年\u{3000}2021 \n 年",
            "x2022年",
            "（2023）年度、2024年—2025年，“2026年”",
            "１２2019年",
            "2020年2020年2020年",
        ] {
            let expected: Vec<&str> = pattern
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| m.as_str())
                .collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }
}
