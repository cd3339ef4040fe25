//! Quote marks are ignored when matching: the text is matched with them removed, and
//! offsets are mapped back to the original text.

use std::borrow::Cow;

pub(super) const QUOTES: &[char] = &['“', '”', '‘', '’', '"', '\'', '「', '」', '『', '』'];

pub(in crate::knowledge) fn strip_quotes(s: &str) -> Cow<'_, str> {
    // Every quote mark is ASCII or starts with byte E2 or E3: most strings are passed over
    // by a byte scan (start-up strips ~5,000 phrases).
    let may_hold_quotes = s.bytes().any(|b| matches!(b, b'"' | b'\'' | 0xe2 | 0xe3));
    if may_hold_quotes && s.contains(QUOTES) {
        Cow::Owned(s.chars().filter(|c| !QUOTES.contains(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Text with quote marks removed, and the way back to original offsets.
pub(super) struct Normalized<'a> {
    pub(super) text: Cow<'a, str>,
    /// For each removed quote: (offset in the normalized text, bytes removed so far).
    pub(super) removed: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        // Every quote mark is ASCII or starts with byte E2 or E3 (then 80): memchr finds
        // those bytes (an E3 is most often a 、 or 。), and the runs between quotes are
        // copied; no copy at all when there is no quote. A loop over every byte was 2 % of
        // gwlint's time.
        let bytes = text.as_bytes();
        let next_ascii_or_e2 = |from: usize| {
            memchr::memchr3(b'"', b'\'', 0xe2, &bytes[from..]).map_or(bytes.len(), |i| from + i)
        };
        let next_e3 =
            |from: usize| memchr::memchr(0xe3, &bytes[from..]).map_or(bytes.len(), |i| from + i);
        let (mut ascii_or_e2, mut e3) = (next_ascii_or_e2(0), next_e3(0));
        let mut out = String::new();
        let mut removed = Vec::new();
        let mut total = 0;
        let mut copied = 0;
        loop {
            let i = ascii_or_e2.min(e3);
            if i == bytes.len() {
                break;
            }
            let len = match bytes[i] {
                b'"' | b'\'' => 1,
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0x98 | 0x99 | 0x9c | 0x9d)) =>
                {
                    3
                }
                0xe3 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0x8c..=0x8f)) =>
                {
                    3
                }
                _ => 0,
            };
            if i == ascii_or_e2 {
                ascii_or_e2 = next_ascii_or_e2(i + 1);
            } else {
                e3 = next_e3(i + 1);
            }
            if len == 0 {
                continue;
            }
            if removed.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..i]);
            total += len;
            removed.push((out.len(), total));
            copied = i + len;
        }
        if removed.is_empty() {
            return Normalized {
                text: Cow::Borrowed(text),
                removed,
            };
        }
        out.push_str(&text[copied..]);
        Normalized {
            text: Cow::Owned(out),
            removed,
        }
    }

    /// Original offset of a match start (skips quotes just before it).
    pub(super) fn start(&self, n: usize) -> usize {
        let i = self.removed.partition_point(|&(p, _)| p <= n);
        n + if i == 0 { 0 } else { self.removed[i - 1].1 }
    }

    /// The original span of a match from `n_start` to `n_end`: quotes just outside it stay
    /// outside, unless the match holds the other half of the pair (“两学一做”学习教育
    /// matched as 两学一做学习教育 takes its opening mark, so the span holds both marks).
    pub(super) fn span(&self, original: &str, n_start: usize, n_end: usize) -> (usize, usize) {
        let (mut start, mut end) = (self.start(n_start), self.end(n_end));
        if self.removed.is_empty() {
            return (start, end);
        }
        for (open, close) in [('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')] {
            let inside = &original[start..end];
            let opens = inside.matches(open).count();
            let closes = inside.matches(close).count();
            if closes > opens && original[..start].ends_with(open) {
                start -= open.len_utf8();
            } else if opens > closes && original[end..].starts_with(close) {
                end += close.len_utf8();
            }
        }
        (start, end)
    }

    /// Original offset of a match end (keeps quotes just after it outside).
    pub(super) fn end(&self, n: usize) -> usize {
        let i = self.removed.partition_point(|&(p, _)| p < n);
        n + if i == 0 { 0 } else { self.removed[i - 1].1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_text_matches_filtering_the_quote_chars() {
        for text in [
            "",
            "无引号",
            "“十三五”规划‘甲’\"乙\"'丙'「丁」『戊』",
            "“",
            "a”b",
            "\u{2018}\u{2019}\u{2010}\u{3008}\u{300c}",
        ] {
            let n = Normalized::new(text);
            let want: String = text.chars().filter(|c| !QUOTES.contains(c)).collect();
            assert_eq!(n.text, want, "{text:?}");
            let mut removed = Vec::new();
            let (mut out, mut total) = (0, 0);
            for c in text.chars() {
                if QUOTES.contains(&c) {
                    total += c.len_utf8();
                    removed.push((out, total));
                } else {
                    out += c.len_utf8();
                }
            }
            assert_eq!(n.removed, removed, "{text:?}");
        }
    }

    #[test]
    fn a_match_across_a_closing_mark_takes_its_opening_mark() {
        let text = "按照“两学一做”学习教育的要求";
        let n = Normalized::new(text);
        let at = n.text.find("两学一做学习教育").unwrap();
        let (start, end) = n.span(text, at, at + "两学一做学习教育".len());
        assert_eq!(&text[start..end], "“两学一做”学习教育");
        // A match inside the marks keeps them outside.
        let at = n.text.find("两学一做").unwrap();
        let (start, end) = n.span(text, at, at + "两学一做".len());
        assert_eq!(&text[start..end], "两学一做");
    }
}
