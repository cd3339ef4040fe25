//! Inline enumerations inside running text: 一是/二是…, 第一，/第二，…, 首先/其次/再次/最后.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Span;
use crate::numerals;

/// Which series an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Series {
    /// 一是、二是、三是…
    Shi,
    /// 第一，第二，…
    Ordinal,
    /// 首先、其次、再次、最后
    Sequence,
}

impl Series {
    /// How item `value` of this series is written, for messages.
    pub fn spell(self, value: u32) -> String {
        match self {
            Self::Shi => format!("{}是", numerals::write(value)),
            Self::Ordinal => format!("第{}", numerals::write(value)),
            Self::Sequence => ["首先", "其次", "再次", "最后"]
                .get(value.saturating_sub(1) as usize)
                .map_or_else(String::new, |s| (*s).to_string()),
        }
    }
}

/// One item of an inline enumeration, e.g. the "二是" in "…；二是加强…".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumItem {
    pub series: Series,
    pub value: u32,
    /// The item word itself ("二是", "第二", "其次").
    pub span: Span,
}

// An item starts a clause: at the start of the text or after punctuation or a space,
// so that "统一是" or "第一书记" never count.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[。；：，！？;:,!?\s”’）)】])(?:(?P<shi>[一二三四五六七八九十]{1,3})是|第(?P<ord>[一二三四五六七八九十]{1,3})[，、：,:]|(?P<seq>首先|其次|再次|最后)[，,])",
    )
    .expect("the enumeration pattern is a valid regex")
});

/// Finds the enumeration items in `text`, which starts at byte `offset` of the document.
pub fn find_items(text: &str, offset: usize, out: &mut Vec<EnumItem>) {
    for caps in ITEM.captures_iter(text) {
        let item = if let Some(m) = caps.name("shi") {
            numerals::parse(m.as_str()).map(|v| (Series::Shi, v, m.start(), m.end() + "是".len()))
        } else if let Some(m) = caps.name("ord") {
            // "第二、三部分" names parts two and three; it is not an item.
            let whole = caps.get(0).map_or("", |w| w.as_str());
            let next = text[caps.get(0).map_or(0, |w| w.end())..].chars().next();
            if whole.ends_with('、') && next.is_some_and(|c| "一二三四五六七八九十".contains(c))
            {
                None
            } else {
                numerals::parse(m.as_str())
                    .map(|v| (Series::Ordinal, v, m.start() - "第".len(), m.end()))
            }
        } else if let Some(m) = caps.name("seq") {
            let value = match m.as_str() {
                "首先" => 1,
                "其次" => 2,
                "再次" => 3,
                _ => 4,
            };
            Some((Series::Sequence, value, m.start(), m.end()))
        } else {
            None
        };
        if let Some((series, value, start, end)) = item {
            out.push(EnumItem {
                series,
                value,
                span: Span::new(offset + start, offset + end),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<(Series, u32, &str)> {
        let mut out = Vec::new();
        find_items(text, 0, &mut out);
        out.into_iter()
            .map(|i| (i.series, i.value, i.span.slice(text)))
            .collect()
    }

    #[test]
    fn finds_items_at_clause_starts_only() {
        assert_eq!(
            items("一是坚持学习制度。二是加强教育；三是统一是非"),
            vec![
                (Series::Shi, 1, "一是"),
                (Series::Shi, 2, "二是"),
                (Series::Shi, 3, "三是")
            ]
        );
        assert_eq!(items("担任第一书记，第一时间到岗"), vec![]);
        assert_eq!(
            items("第一，加强学习。第二、完善制度"),
            vec![(Series::Ordinal, 1, "第一"), (Series::Ordinal, 2, "第二")]
        );
        assert_eq!(
            items("首先，对巡察组表示欢迎"),
            vec![(Series::Sequence, 1, "首先")]
        );
        assert_eq!(items("做到一是一、二是二"), vec![]);
        assert_eq!(
            items("若出现缺项每项扣0.5分；第二、三部分需问题剖析"),
            vec![]
        );
    }
}
