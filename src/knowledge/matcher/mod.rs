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
//!
//! `normalize.rs` removes the quotes and maps offsets back; `enumeration.rs` expands
//! enumerated plenums.

mod enumeration;
mod normalize;

use std::collections::HashMap;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexSet};

use super::{EventKind, Knowledge, KnowledgeError, Origin};

pub(in crate::knowledge) use normalize::strip_quotes;
use normalize::Normalized;

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

const NUMERALS: &str = "〇零一二三四五六七八九十百千两0123456789";

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
                    .map_err(|e| KnowledgeError::TooLarge(e.to_string()))?,
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
            let set = |n: usize| RegexSet::new(regexes[..n].iter().map(|(_, r)| r.as_str()));
            Some(set(regexes.len()).map_err(|e| {
                // Each pattern compiled alone; together they can pass the size limit.
                // Name the entry that tips the set over it.
                let culprit = (1..=regexes.len())
                    .find(|&n| set(n).is_err())
                    .unwrap_or(regexes.len());
                let c = &k.confusables[regexes[culprit - 1].0];
                KnowledgeError::invalid(
                    &c.origin,
                    &c.id,
                    format!("pattern 与前面的 pattern 合起来过大，无法编译（{e}）；请简化，如把 \\w{{50}} 这样的长重复改短"),
                )
            })?)
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
                let (start, end) = norm.span(text, hit.start(), hit.end());
                out.push(Mention { start, end, target });
            }
        }
        if t.contains('届') {
            self.expand_enumerations(&norm, &mut out);
        }
        if let Some(set) = &m.regex_set {
            for si in &set.matches(text) {
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
}

#[cfg(test)]
mod tests;
