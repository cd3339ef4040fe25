//! Inline enumerations inside running text: 一是/二是…, 第一，/第二，…, 首先/其次/再次/最后.

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

/// Whether an item may follow `c`: an item starts a clause, at the start of the text or
/// after punctuation or a space, so that "统一是" or "第一书记" never count.
fn opens_clause(c: char) -> bool {
    matches!(
        c,
        '。' | '；'
            | '：'
            | '，'
            | '！'
            | '？'
            | ';'
            | ':'
            | ','
            | '!'
            | '?'
            | '”'
            | '’'
            | '）'
            | ')'
            | '】'
    ) || c.is_whitespace()
}

fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The end of the one to three numerals from byte `at` when `then` follows them (none when
/// a fourth numeral does).
fn numerals_then(text: &str, at: usize, then: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let mut end = at;
    for (count, c) in text[at..].chars().enumerate() {
        if is_numeral(c) && count < 3 {
            end += c.len_utf8();
        } else {
            return (end > at && then(c)).then_some((end, c));
        }
    }
    None
}

/// The item word starting at byte `at` and the end of what it takes (its 是, or the comma
/// after it), with what it counts: (series, word, end, the character ending it).
fn item_at(text: &str, at: usize) -> Option<(Series, Span, usize, char)> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if first == '第' {
        let digits = at + '第'.len_utf8();
        let (end, after) = numerals_then(text, digits, |c| {
            matches!(c, '，' | '、' | '：' | ',' | ':')
        })?;
        return Some((
            Series::Ordinal,
            Span::new(digits, end),
            end + after.len_utf8(),
            after,
        ));
    }
    if is_numeral(first) {
        let (end, after) = numerals_then(text, at, |c| c == '是')?;
        return Some((
            Series::Shi,
            Span::new(at, end),
            end + after.len_utf8(),
            after,
        ));
    }
    let word = ["首先", "其次", "再次", "最后"]
        .into_iter()
        .find(|w| rest.starts_with(w))?;
    let end = at + word.len();
    let after = text[end..]
        .chars()
        .next()
        .filter(|&c| matches!(c, '，' | ','))?;
    Some((
        Series::Sequence,
        Span::new(at, end),
        end + after.len_utf8(),
        after,
    ))
}

/// Every item word of `text`, scanned left to right as the regex `(?:^|[。；：，！？;:,!?\s”’）)】])
/// (?:([一…十]{1,3})是|第([一…十]{1,3})[，、：,:]|(首先|其次|再次|最后)[，,])` it replaces
/// (run on every line, it was 3 % of gwlint's time): an item ends where the next may begin,
/// so the character before an item is never the last one of the item before it
/// ("第一，二是" is one item).
fn item_words(text: &str) -> impl Iterator<Item = (Series, Span, usize, char)> + '_ {
    let mut at = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        while at < text.len() {
            // A CJK ideograph (lead byte E4–E9, three bytes) never opens a clause: most of
            // the text is passed over without decoding a character.
            if at > 0 && (0xe4..=0xe9).contains(&bytes[at]) {
                at += 3;
                continue;
            }
            // The item at the start of the text, else after a character opening a clause.
            let c = text[at..].chars().next()?;
            let found = if at == 0 { item_at(text, 0) } else { None }.or_else(|| {
                opens_clause(c)
                    .then(|| item_at(text, at + c.len_utf8()))
                    .flatten()
            });
            match found {
                Some(item) => {
                    at = item.2;
                    return Some(item);
                }
                None => at += c.len_utf8(),
            }
        }
        None
    })
}

/// Finds the enumeration items in `text`, which starts at byte `offset` of the document.
pub fn find_items(text: &str, offset: usize, out: &mut Vec<EnumItem>) {
    for (series, word, end, after) in item_words(text) {
        let word_text = word.slice(text);
        let item = match series {
            Series::Shi => {
                numerals::parse(word_text).map(|v| (v, word.start, word.end + "是".len()))
            }
            // "第二、三部分" names parts two and three; it is not an item.
            Series::Ordinal
                if after == '、' && text[end..].chars().next().is_some_and(is_numeral) =>
            {
                None
            }
            Series::Ordinal => {
                numerals::parse(word_text).map(|v| (v, word.start - "第".len(), word.end))
            }
            Series::Sequence => {
                let value = match word_text {
                    "首先" => 1,
                    "其次" => 2,
                    "再次" => 3,
                    _ => 4,
                };
                Some((value, word.start, word.end))
            }
        };
        if let Some((value, start, end)) = item {
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

    #[test]
    fn an_item_right_after_another_is_not_one_and_four_numerals_are_none() {
        assert_eq!(items("第一，二是加强"), vec![(Series::Ordinal, 1, "第一")]);
        assert_eq!(items("，一二三四是"), vec![]);
        assert_eq!(
            items("\u{3000}十二是，最后,完善"),
            vec![(Series::Shi, 12, "十二是"), (Series::Sequence, 4, "最后")]
        );
    }

    /// The same items as the regex the scan replaced, on texts that try its edges.
    #[test]
    fn the_same_items_as_the_pattern_it_replaces() {
        let pattern = regex::Regex::new(
            r"(?:^|[。；：，！？;:,!?\s”’）)】])(?:(?P<shi>[一二三四五六七八九十]{1,3})是|第(?P<ord>[一二三四五六七八九十]{1,3})[，、：,:]|(?P<seq>首先|其次|再次|最后)[，,])",
        )
        .expect("valid");
        for text in [
            "一是坚持。二是加强；三是统一是非",
            "第一，二是加强，第二、三部分，第十一：完善",
            "，一二三四是。一二三是，第一二三四，第一二三，",
            "其次，再次,最后。首先是，首先 ，） 一是 】二是’三是”四是",
            "一是一是，一是二是",
            "x一是、第1，第一,首先，",
            "第二、三、第四、五是",
        ] {
            let expected: Vec<(usize, usize)> = pattern
                .captures_iter(text)
                .filter_map(|c| c.name("shi").or(c.name("ord")).or(c.name("seq")))
                .map(|m| (m.start(), m.end()))
                .collect();
            let found: Vec<(usize, usize)> = item_words(text)
                .map(|(_, word, _, _)| (word.start, word.end))
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }
}
