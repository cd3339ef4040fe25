//! Finding knowledge entries in text: one aho-corasick automaton (leftmost-longest)
//! over every alias, term, wrong phrase and guard phrase, built once per
//! [`Knowledge`]; regexes only for the few `pattern` confusables and for enumerated
//! plenums.
//!
//! How text is read:
//! - Quote marks (“ ” ‘ ’ " ' 「 」 『 』) are ignored on both sides, so “十三五”规划
//!   matches the alias 十三五规划. Spans point into the original text: a mention
//!   starts after an opening quote and ends after its last matched character.
//! - Leftmost-longest: where phrases overlap, the one starting first wins, then the
//!   longest. Right phrases and `exclude` phrases take part as guards: they win like any
//!   phrase and are then dropped, so a wrong phrase that is a prefix of the right one
//!   (习近平新时代中国特色社会主义 in …思想) never fires inside it.
//! - An event alias starting with a Chinese numeral is ignored after another numeral
//!   (十五大 in 二十五大类), and after any of the event's `not-after` strings.
//! - Generic aliases (省第十一次党代会) name an event only when the caller gives the
//!   document's province ([`Knowledge::find_in_province`]).
//! - Enumerated plenums: in “十八届三中、四中、五中、六中全会” (also “十八届三中全会和
//!   四中全会”, “十九届二中、三中、四中、五中全会精神”) the 届 carries over and each
//!   plenum gets its own mention. The first spans from the start of the enumeration
//!   (党的/中共 and the 届 included) to the end of its “三中” (or “三中全会”); each later
//!   one spans just its own “四中” (plus “全会” when written right after it). Plenums
//!   missing from the knowledge are skipped. A mention found this way replaces any
//!   automaton mention overlapping the enumeration.

use std::borrow::Cow;
use std::collections::HashMap;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexSet};

use super::{EventKind, Knowledge, KnowledgeError, Origin};

/// Which table and entry a mention names (indexes into [`Knowledge`]'s vectors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Event(usize),
    Superseded(usize),
    Formulation(usize),
    SetPhrase(usize),
    Confusable(usize),
}

/// A knowledge entry found in a text, at byte offsets `start..end` of that text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

const QUOTES: &[char] = &['“', '”', '‘', '’', '"', '\'', '「', '」', '『', '』'];
const NUMERALS: &str = "〇零一二三四五六七八九十百千两0123456789";

pub(super) fn strip_quotes(s: &str) -> Cow<'_, str> {
    if s.contains(QUOTES) {
        Cow::Owned(s.chars().filter(|c| !QUOTES.contains(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[derive(Debug)]
enum Pattern {
    Target(Target),
    /// A generic alias; the candidates are events, each with its province.
    Generic(Vec<usize>),
    /// A right or exclude phrase: wins its span, reports nothing.
    Guard,
}

#[derive(Debug, Default)]
pub(super) struct Matcher {
    /// The automaton over every phrase: a contiguous NFA, cheap to build (start-up).
    ac: Option<AhoCorasick>,
    /// The same patterns as a DFA (same matches, about twice the speed, ~20 ms and
    /// ~11 MB to build), built once this process has scanned [`DFA_AFTER`] bytes.
    dfa: Tiered,
    /// The automaton's patterns (quotes stripped), in pattern-id order.
    texts: Vec<String>,
    patterns: Vec<Pattern>,
    numeral_led: Vec<bool>,
    regex_set: Option<RegexSet>,
    regexes: Vec<(usize, Regex)>,
    plenums: HashMap<(u32, u32), usize>,
    enumeration: Option<Regex>,
    /// The distinct provinces of provincial congresses, sorted.
    provinces: Vec<String>,
}

/// Bytes scanned with the NFA after which the DFA is built: it pays for itself after
/// about 6 MB, so a single report in an editor never builds it and a folder or a large
/// file does.
const DFA_AFTER: usize = 4 << 20;

/// The DFA of [`Matcher::ac`], built by the first thread past [`DFA_AFTER`]; the others
/// keep using the NFA until it is ready (both find exactly the same matches).
#[derive(Debug, Default)]
struct Tiered {
    scanned: AtomicUsize,
    building: AtomicBool,
    dfa: OnceLock<AhoCorasick>,
}

/// Collects patterns, refusing one string with two different meanings.
struct Builder {
    texts: Vec<String>,
    patterns: Vec<Pattern>,
    index: HashMap<String, usize>,
    owner: Vec<(Origin, String)>,
}

impl Builder {
    fn add(&mut self, text: &str, p: Pattern, o: &Origin, id: &str) -> Result<(), KnowledgeError> {
        let key = strip_quotes(text).into_owned();
        if let Some(&i) = self.index.get(&key) {
            let clash = match (&mut self.patterns[i], p) {
                (Pattern::Guard, Pattern::Guard) => false,
                (Pattern::Generic(c), Pattern::Generic(mut more)) => {
                    c.append(&mut more);
                    false
                }
                (old @ Pattern::Guard, new @ Pattern::Target(_)) => {
                    *old = new;
                    self.owner[i] = (o.clone(), id.to_string());
                    false
                }
                (Pattern::Target(_), Pattern::Guard) => false,
                (Pattern::Target(a), Pattern::Target(b)) => *a != b,
                _ => true,
            };
            if clash {
                let (po, pid) = &self.owner[i];
                return Err(KnowledgeError::invalid(
                    o,
                    id,
                    format!("“{text}”已在条目 `{pid}`（{po}）中使用，同一写法不能指向两个条目"),
                ));
            }
            return Ok(());
        }
        self.index.insert(key.clone(), self.texts.len());
        self.texts.push(key);
        self.patterns.push(p);
        self.owner.push((o.clone(), id.to_string()));
        Ok(())
    }
}

impl Matcher {
    /// The automaton to scan `len` more bytes with: the DFA once it exists, else the NFA
    /// (and, past [`DFA_AFTER`] bytes, this thread builds the DFA first).
    fn automaton(&self, len: usize) -> Option<&AhoCorasick> {
        let nfa = self.ac.as_ref()?;
        if let Some(dfa) = self.dfa.dfa.get() {
            return Some(dfa);
        }
        let before = self.dfa.scanned.fetch_add(len, Ordering::Relaxed);
        if before + len < DFA_AFTER || self.dfa.building.swap(true, Ordering::AcqRel) {
            return Some(nfa);
        }
        let dfa = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.texts)
            .ok();
        Some(match dfa {
            Some(dfa) => self.dfa.dfa.get_or_init(|| dfa),
            None => nfa,
        })
    }

    pub(super) fn build(k: &Knowledge) -> Result<Matcher, KnowledgeError> {
        let mut b = Builder {
            texts: Vec::new(),
            patterns: Vec::new(),
            index: HashMap::new(),
            owner: Vec::new(),
        };
        let mut plenums = HashMap::new();
        for (i, e) in k.events.iter().enumerate() {
            for a in &e.aliases {
                b.add(a, Pattern::Target(Target::Event(i)), &e.origin, &e.id)?;
            }
            for a in &e.generic_aliases {
                b.add(a, Pattern::Generic(vec![i]), &e.origin, &e.id)?;
            }
            for x in &e.exclude {
                b.add(x, Pattern::Guard, &e.origin, &e.id)?;
            }
            if let (EventKind::Plenum, Some(t), Some(n)) = (e.kind, e.term, e.ordinal) {
                plenums.insert((t, n), i);
            }
        }
        for (i, s) in k.superseded.iter().enumerate() {
            for t in &s.terms {
                b.add(t, Pattern::Target(Target::Superseded(i)), &s.origin, &s.id)?;
            }
            for x in &s.exclude {
                b.add(x, Pattern::Guard, &s.origin, &s.id)?;
            }
        }
        for (i, f) in k.formulations.iter().enumerate() {
            for w in &f.wrong {
                b.add(w, Pattern::Target(Target::Formulation(i)), &f.origin, &f.id)?;
            }
        }
        for (i, p) in k.set_phrases.iter().enumerate() {
            for w in &p.wrong {
                b.add(w, Pattern::Target(Target::SetPhrase(i)), &p.origin, &p.id)?;
            }
        }
        for (i, c) in k.confusables.iter().enumerate() {
            for w in &c.wrong {
                b.add(w, Pattern::Target(Target::Confusable(i)), &c.origin, &c.id)?;
            }
            for x in &c.exclude {
                b.add(x, Pattern::Guard, &c.origin, &c.id)?;
            }
        }
        // Right phrases last: they only guard where nothing else claims the string.
        for f in &k.formulations {
            b.add(&f.right, Pattern::Guard, &f.origin, &f.id)?;
        }
        for p in &k.set_phrases {
            b.add(&p.right, Pattern::Guard, &p.origin, &p.id)?;
        }
        for c in k.confusables.iter().filter(|c| c.pattern.is_none()) {
            b.add(&c.right, Pattern::Guard, &c.origin, &c.id)?;
        }

        let ac = if b.texts.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&b.texts)
                    .expect("patterns are plain strings"),
            )
        };
        let numeral_led = b
            .texts
            .iter()
            .map(|t| t.chars().next().is_some_and(|c| NUMERALS.contains(c)))
            .collect();

        let mut regexes = Vec::new();
        for (i, c) in k.confusables.iter().enumerate() {
            if let Some(p) = &c.pattern {
                let re = Regex::new(p).map_err(|e| {
                    KnowledgeError::invalid(&c.origin, &c.id, format!("pattern 无效：{e}"))
                })?;
                regexes.push((i, re));
            }
        }
        let regex_set = if regexes.is_empty() {
            None
        } else {
            Some(RegexSet::new(regexes.iter().map(|(_, r)| r.as_str())).expect("compiled above"))
        };
        let enumeration = Some(
            Regex::new(concat!(
                r"(?:党的|中共)?(二十[一二三四五六七八九]?|十[一二三四五六七八九]?)届(?:中央)?",
                r"([一二三四五六七八九])中(全会)?",
                r"((?:(?:以及|、|和|及|与)[一二三四五六七八九]中(?:全会)?)+)",
            ))
            .expect("static regex"),
        );
        let mut provinces: Vec<String> = k
            .events
            .iter()
            .filter(|e| e.kind == EventKind::ProvincialCongress)
            .filter_map(|e| e.province.clone())
            .filter(|p| !p.is_empty())
            .collect();
        provinces.sort_unstable();
        provinces.dedup();
        Ok(Matcher {
            ac,
            dfa: Tiered::default(),
            texts: b.texts,
            patterns: b.patterns,
            numeral_led,
            regex_set,
            regexes,
            plenums,
            enumeration,
            provinces,
        })
    }
}

/// Text with quote marks removed, and the way back to original offsets.
struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each removed quote: (offset in the normalized text, bytes removed so far).
    removed: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    fn new(text: &'a str) -> Self {
        // One pass over the bytes (every quote mark is ASCII or starts with E2 80 / E3 80),
        // copying the runs between quotes; no copy at all when there is no quote.
        let bytes = text.as_bytes();
        let mut out = String::new();
        let mut removed = Vec::new();
        let mut total = 0;
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
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
                _ => {
                    i += 1;
                    continue;
                }
            };
            if removed.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..i]);
            total += len;
            removed.push((out.len(), total));
            i += len;
            copied = i;
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
    fn start(&self, n: usize) -> usize {
        let i = self.removed.partition_point(|&(p, _)| p <= n);
        n + if i == 0 { 0 } else { self.removed[i - 1].1 }
    }

    /// Original offset of a match end (keeps quotes just after it outside).
    fn end(&self, n: usize) -> usize {
        let i = self.removed.partition_point(|&(p, _)| p < n);
        n + if i == 0 { 0 } else { self.removed[i - 1].1 }
    }
}

fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        [d] => digit(*d),
        _ => None,
    }
}

impl Knowledge {
    /// Every entry named in `text`, in order of position. Generic aliases of
    /// provincial congresses are not reported (see [`Knowledge::find_in_province`]).
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in_province(text, None)
    }

    /// Like [`Knowledge::find`], and generic aliases (“省第十一次党代会”) resolve to
    /// the congress of `province` (short “四川” or full “四川省”) when one is given.
    pub fn find_in_province(&self, text: &str, province: Option<&str>) -> Vec<Mention> {
        let m = &self.matcher;
        let norm = Normalized::new(text);
        let t: &str = &norm.text;
        let mut out = Vec::new();
        if let Some(ac) = m.automaton(t.len()) {
            for hit in ac.find_iter(t) {
                let pid = hit.pattern().as_usize();
                let target = match &m.patterns[pid] {
                    Pattern::Guard => continue,
                    Pattern::Target(target) => *target,
                    Pattern::Generic(candidates) => {
                        let Some(p) = province else { continue };
                        match candidates.iter().find(|&&i| self.events[i].in_province(p)) {
                            Some(&i) => Target::Event(i),
                            None => continue,
                        }
                    }
                };
                if let Target::Event(i) = target {
                    if !self.event_context_ok(i, t, hit.start(), m.numeral_led[pid]) {
                        continue;
                    }
                }
                if let Target::Superseded(i) = target {
                    let before = &t[..hit.start()];
                    if self.superseded[i]
                        .not_after
                        .iter()
                        .any(|s| before.ends_with(s.as_str()))
                    {
                        continue;
                    }
                }
                out.push(Mention {
                    start: norm.start(hit.start()),
                    end: norm.end(hit.end()),
                    target,
                });
            }
        }
        if t.contains('届') {
            self.expand_enumerations(&norm, &mut out);
        }
        if let Some(set) = &m.regex_set {
            for si in set.matches(text).iter() {
                let (ci, re) = &m.regexes[si];
                for hit in re.find_iter(text) {
                    if !out
                        .iter()
                        .any(|o| o.start < hit.end() && hit.start() < o.end)
                    {
                        out.push(Mention {
                            start: hit.start(),
                            end: hit.end(),
                            target: Target::Confusable(*ci),
                        });
                    }
                }
            }
        }
        out.sort_by_key(|x| (x.start, x.end, x.target));
        out
    }

    /// The fixed strings of the knowledge automaton (aliases, terms, wrong, right and
    /// guard phrases, quotes stripped), one per pattern: `scripts/bench.sh` gives the
    /// same number of patterns to `rg -F` as the floor of one pass over the text.
    pub fn automaton_patterns(&self) -> &[String] {
        &self.matcher.texts
    }

    /// The distinct provinces of provincial congresses, sorted ("四川", "广西").
    pub fn provinces(&self) -> &[String] {
        &self.matcher.provinces
    }

    fn event_context_ok(&self, i: usize, t: &str, start: usize, numeral_led: bool) -> bool {
        let before = &t[..start];
        if numeral_led
            && before
                .chars()
                .next_back()
                .is_some_and(|c| NUMERALS.contains(c))
        {
            return false;
        }
        !self.events[i]
            .not_after
            .iter()
            .any(|s| before.ends_with(s.as_str()))
    }

    fn expand_enumerations(&self, norm: &Normalized<'_>, out: &mut Vec<Mention>) {
        let m = &self.matcher;
        let Some(re) = &m.enumeration else { return };
        let t: &str = &norm.text;
        for caps in re.captures_iter(t) {
            let whole = caps.get(0).expect("group 0");
            if !whole.as_str().ends_with("全会") {
                continue;
            }
            let Some(term) = chinese_number(&caps[1]) else {
                continue;
            };
            // Items: (ordinal, start, end) in the normalized text.
            let first = caps.get(2).expect("group 2");
            let first_end = caps
                .get(3)
                .map_or(first.end() + '中'.len_utf8(), |g| g.end());
            let mut items = vec![(chinese_number(first.as_str()), whole.start(), first_end)];
            let tail = caps.get(4).expect("group 4");
            let mut pos = tail.start();
            for part in split_items(tail.as_str()) {
                let (sep_len, ord, len) = part;
                let s = pos + sep_len;
                items.push((chinese_number(ord), s, s + len));
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

#[cfg(test)]
mod tests {
    use super::*;

    const TIMELINE: &str = r#"
[[event]]
id = "cc18-3"
kind = "plenum"
name = "中国共产党第十八届中央委员会第三次全体会议"
aliases = ["十八届三中全会", "党的十八届三中全会"]
not-after = ["委"]
term = 18
ordinal = 3
confirmed = true
source = "s"

[[event]]
id = "cc18-4"
kind = "plenum"
name = "中国共产党第十八届中央委员会第四次全体会议"
aliases = ["十八届四中全会"]
term = 18
ordinal = 4
confirmed = true
source = "s"

[[event]]
id = "cc18-6"
kind = "plenum"
name = "中国共产党第十八届中央委员会第六次全体会议"
aliases = ["十八届六中全会"]
term = 18
ordinal = 6
confirmed = true
source = "s"

[[event]]
id = "cpc-15"
kind = "national-congress"
name = "中国共产党第十五次全国代表大会"
aliases = ["十五大"]
not-after = ["工会"]
confirmed = true
source = "s"

[[event]]
id = "fyp-13"
kind = "five-year-plan"
name = "“十三五”规划"
aliases = ["十三五", "十三五规划", "“十三五”"]
confirmed = true
source = "s"

[[event]]
id = "prov-shanxi-11"
kind = "provincial-congress"
name = "中国共产党山西省第十一次代表大会"
aliases = ["山西省第十一次党代会"]
generic-aliases = ["省第十一次党代会"]
province = "山西"
confirmed = true
source = "s"

[[event]]
id = "prov-sichuan-11"
kind = "provincial-congress"
name = "中国共产党四川省第十一次代表大会"
aliases = ["四川省第十一次党代会"]
generic-aliases = ["省第十一次党代会"]
province = "四川"
confirmed = true
source = "s"

[[event]]
id = "huanbao"
kind = "institution"
name = "环境保护局"
aliases = ["环境保护部"]
exclude = ["环境保护部门"]
confirmed = true
source = "s"
"#;

    const TERMS: &str = r#"
[[formulation]]
id = "xi-thought"
wrong = ["习近平新时代中国特色社会主义", "习近平新时代思想"]
right = "习近平新时代中国特色社会主义思想"
fix = "unsafe"
source = "s"

[[set-phrase]]
id = "zhizheng"
right = "科学执政、民主执政、依法执政"
wrong = ["科学执政、民主执政、依法执法"]
source = "s"

[[confusable]]
id = "jiezhi"
right = "截至（表示时间点）"
pattern = "截止((?:[0-9]{4}年|[0-9]{1,2}月|目前))"
right-template = "截至$1"
source = "s"
[[confusable.example]]
text = "截止2022年底"
as-of = "2023-01-01"
expect = "fire"
[[confusable.example]]
text = "截止到2022年底"
as-of = "2023-01-01"
expect = "silent"

[[confusable]]
id = "qita"
wrong = ["其它"]
right = "其他"
exclude = ["尤其它"]
source = "s"
"#;

    fn k() -> Knowledge {
        Knowledge::from_sources(&[("t.toml", TIMELINE), ("u.toml", TERMS)]).unwrap()
    }

    fn ev(k: &Knowledge, id: &str) -> Target {
        Target::Event(k.event_by_id(id).unwrap().0)
    }

    fn spans(k: &Knowledge, text: &str) -> Vec<(String, Target)> {
        k.find(text)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.target))
            .collect()
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn plain_alias_with_exact_byte_range() {
        let k = k();
        let text = "认真学习党的十八届三中全会精神";
        let found = k.find(text);
        assert_eq!(
            found,
            vec![Mention {
                start: 12,
                end: 39,
                target: ev(&k, "cc18-3")
            }]
        );
        assert_eq!(&text[12..39], "党的十八届三中全会");
    }

    #[test]
    fn quotes_around_plan_names_still_match() {
        let k = k();
        let text = "制定好《农村道路建设“十三五”规划》";
        let found = k.find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].target, ev(&k, "fyp-13"));
        assert_eq!(&text[found[0].start..found[0].end], "十三五”规划");
        let text = "“十三五”时期";
        let found = k.find(text);
        assert_eq!(&text[found[0].start..found[0].end], "十三五");
    }

    #[test]
    fn enumerated_plenums_carry_the_term_over() {
        let k = k();
        let text = "用十八大及十八届三中、四中、五中、六中全会精神武装干部头脑";
        let found = spans(&k, text);
        // 五中 is not in this small knowledge: skipped.
        assert_eq!(
            found,
            vec![
                (s("十八届三中"), ev(&k, "cc18-3")),
                (s("四中"), ev(&k, "cc18-4")),
                (s("六中全会"), ev(&k, "cc18-6")),
            ]
        );
        let m = k.find(text);
        assert_eq!((m[0].start, m[0].end), (15, 30));
        assert_eq!((m[1].start, m[1].end), (33, 39));
    }

    #[test]
    fn enumeration_with_he_and_repeated_quanhui() {
        let k = k();
        let found = spans(&k, "党的十八届三中全会和四中全会");
        assert_eq!(
            found,
            vec![
                (s("党的十八届三中全会"), ev(&k, "cc18-3")),
                (s("四中全会"), ev(&k, "cc18-4"))
            ]
        );
    }

    #[test]
    fn local_committee_plenums_are_not_national_ones() {
        let k = k();
        assert!(k.find("县委十八届三中全会").is_empty());
        assert!(k.find("县委十八届三中、四中全会").is_empty());
    }

    #[test]
    fn numeral_boundary_and_not_after() {
        let k = k();
        assert!(k.find("分为二十五大类").is_empty());
        assert!(k.find("中国工会十五大").is_empty());
        assert_eq!(
            spans(&k, "党的十五大"),
            vec![(s("十五大"), ev(&k, "cpc-15"))]
        );
    }

    #[test]
    fn exclude_phrases_guard() {
        let k = k();
        assert!(k.find("各级环境保护部门").is_empty());
        assert_eq!(
            spans(&k, "原环境保护部"),
            vec![(s("环境保护部"), ev(&k, "huanbao"))]
        );
    }

    #[test]
    fn generic_aliases_need_the_province() {
        let k = k();
        let text = "深入学习贯彻省第十一次党代会精神";
        assert!(k.find(text).is_empty());
        let found = k.find_in_province(text, Some("四川省"));
        assert_eq!(
            found,
            vec![Mention {
                start: 18,
                end: 42,
                target: ev(&k, "prov-sichuan-11")
            }]
        );
        let found = k.find_in_province(text, Some("山西"));
        assert_eq!(found[0].target, ev(&k, "prov-shanxi-11"));
        assert!(k.find_in_province(text, Some("河北")).is_empty());
        // The specific alias needs no province.
        assert_eq!(
            k.find("四川省第十一次党代会")[0].target,
            ev(&k, "prov-sichuan-11")
        );
    }

    #[test]
    fn right_phrase_shadows_its_own_prefix() {
        let k = k();
        assert!(k.find("习近平新时代中国特色社会主义思想").is_empty());
        assert_eq!(
            k.find("坚持习近平新时代思想"),
            vec![Mention {
                start: 6,
                end: 30,
                target: Target::Formulation(0)
            }]
        );
        assert_eq!(
            k.find("坚持习近平新时代中国特色社会主义，"),
            vec![Mention {
                start: 6,
                end: 48,
                target: Target::Formulation(0)
            }]
        );
    }

    #[test]
    fn set_phrase_corruption() {
        let k = k();
        let text = "坚持科学执政、民主执政、依法执法";
        assert_eq!(
            k.find(text),
            vec![Mention {
                start: 6,
                end: text.len(),
                target: Target::SetPhrase(0)
            }]
        );
        assert!(k.find("坚持科学执政、民主执政、依法执政").is_empty());
    }

    #[test]
    fn pattern_confusables() {
        let k = k();
        let text = "截止2022年底，累计完成";
        assert_eq!(
            k.find(text),
            vec![Mention {
                start: 0,
                end: 13,
                target: Target::Confusable(0)
            }]
        );
        assert!(k.find("截止到2022年底").is_empty());
        assert!(k.find("报名12月1日截止").is_empty());
    }

    #[test]
    fn confusable_with_exclude() {
        let k = k();
        assert_eq!(k.find("及其它事项")[0].target, Target::Confusable(1));
        assert!(k.find("尤其它们").is_empty());
    }

    #[test]
    fn one_string_cannot_name_two_entries() {
        let dup = TIMELINE.replace(
            r#"aliases = ["十八届四中全会"]"#,
            r#"aliases = ["十八届三中全会"]"#,
        );
        let err = Knowledge::from_sources(&[("t.toml", &dup)]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("cc18-4") && msg.contains("cc18-3"), "{msg}");
        assert_eq!(err.file(), "t.toml");
    }

    #[test]
    fn the_dfa_tier_finds_what_the_nfa_finds() {
        let k = Knowledge::embedded();
        let seed = include_str!("../../tests/fixtures/documents/self-inspection-report.txt");
        let texts = [
            seed,
            "坚持以习近平新时代中国特色社会主义思想为指导，学习贯彻党的十八届三中、四中全会精神",
            "“十三五”规划和新农合、科学发展观、系列重要讲话精神，截止2022年底",
        ];
        let m = &k.matcher;
        let nfa = m.ac.as_ref().unwrap();
        let dfa = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&m.texts)
            .unwrap();
        for text in texts {
            let n = Normalized::new(text);
            let a: Vec<_> = nfa.find_iter(&*n.text).collect();
            let b: Vec<_> = dfa.find_iter(&*n.text).collect();
            assert!(!a.is_empty());
            assert_eq!(a, b);
        }
    }

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
    fn chinese_numbers() {
        assert_eq!(chinese_number("十八"), Some(18));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("二十一"), Some(21));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("三"), Some(3));
        assert_eq!(chinese_number("百"), None);
    }
}
