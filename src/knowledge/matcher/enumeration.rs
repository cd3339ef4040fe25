//! Enumerated plenums: “十八届三中、四中、五中、六中全会” names four plenums; the 届
//! carries over to each item.

use std::sync::LazyLock;

use regex::Regex;

use super::normalize::Normalized;
use super::{Mention, Target};
use crate::knowledge::Knowledge;
use crate::numerals;

/// An enumeration of plenums of one 届, compiled the first time a text holds a 届.
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:党的|中共)?(二十[一二三四五六七八九]?|十[一二三四五六七八九]?)届(?:中央)?",
        r"([一二三四五六七八九])中(全会)?",
        r"((?:(?:以及|、|和|及|与)[一二三四五六七八九]中(?:全会)?)+)",
    ))
    .expect("static regex")
});

impl Knowledge {
    pub(super) fn expand_enumerations(&self, norm: &Normalized<'_>, out: &mut Vec<Mention>) {
        let m = &self.matcher;
        let t: &str = &norm.text;
        for caps in ENUMERATION.captures_iter(t) {
            let whole = caps.get(0).expect("group 0");
            if !whole.as_str().ends_with("全会") {
                continue;
            }
            let Some(term) = numerals::parse_lenient(&caps[1]) else {
                continue;
            };
            // Items: (ordinal, start, end) in the normalized text.
            let first = caps.get(2).expect("group 2");
            let first_end = caps
                .get(3)
                .map_or(first.end() + '中'.len_utf8(), |g| g.end());
            let mut items = vec![(
                numerals::parse_lenient(first.as_str()),
                whole.start(),
                first_end,
            )];
            let tail = caps.get(4).expect("group 4");
            let mut pos = tail.start();
            for part in split_items(tail.as_str()) {
                let (sep_len, ord, len) = part;
                let s = pos + sep_len;
                items.push((numerals::parse_lenient(ord), s, s + len));
                pos = s + len;
            }
            let resolved: Vec<_> = items
                .iter()
                .filter_map(|&(n, s, e)| Some((*m.plenums.get(&(term, n?))?, s, e)))
                .collect();
            let Some(&(first_event, _, _)) = resolved.first() else {
                continue;
            };
            let lead =
                t[whole.start()..].starts_with("党的") || t[whole.start()..].starts_with("中共");
            let term_start = whole.start() + if lead { "党的".len() } else { 0 };
            if !self.event_context_ok(first_event, t, term_start, true) {
                continue;
            }
            let (os, oe) = (norm.start(whole.start()), norm.end(whole.end()));
            out.retain(|x| !(x.start < oe && os < x.end));
            for (i, s, e) in resolved {
                out.push(Mention {
                    start: norm.start(s),
                    end: norm.end(e),
                    target: Target::Event(i),
                });
            }
        }
    }
}

/// Splits “、四中、五中全会” into (separator bytes, ordinal, item bytes) triples.
fn split_items(tail: &str) -> Vec<(usize, &str, usize)> {
    let mut out = Vec::new();
    let mut rest = tail;
    while !rest.is_empty() {
        let sep = ["以及", "、", "和", "及", "与"]
            .iter()
            .find(|s| rest.starts_with(*s))
            .map_or(0, |s| s.len());
        let body = &rest[sep..];
        let ord_len = body.chars().next().map_or(0, char::len_utf8);
        let mut len = ord_len + '中'.len_utf8();
        if body[len..].starts_with("全会") {
            len += "全会".len();
        }
        out.push((sep, &body[..ord_len], len));
        rest = &body[len..];
    }
    out
}
