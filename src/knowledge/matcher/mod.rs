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

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
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

/// The automaton over every phrase: a double-array Aho-Corasick automaton that steps a
/// character at a time (daachorse), leftmost-longest; each pattern's value is its id.
type Automaton = CharwiseDoubleArrayAhoCorasick<u32>;

#[derive(Default)]
pub(super) struct Matcher {
    automaton: Option<Automaton>,
    /// Whether `automaton` is the one build.rs serialized (the embedded knowledge).
    prebuilt: bool,
    /// The automaton's patterns (quotes stripped), in pattern-id order.
    texts: Vec<String>,
    patterns: Vec<Pattern>,
    numeral_led: Vec<bool>,
    /// The `pattern` confusables, each with its entry's index. Each runs alone: matching
    /// with a `RegexSet` of them all scanned every byte of every document (no prefilter),
    /// a tenth of a whole lint once a few patterns began with common characters (创, 社会),
    /// while a single regex skips to its own literals.
    regexes: Vec<(usize, Regex)>,
    plenums: HashMap<(u32, u32), usize>,
    /// The distinct provinces of provincial congresses, sorted.
    provinces: Vec<String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("patterns", &self.texts.len())
            .field("prebuilt", &self.prebuilt)
            .finish_non_exhaustive()
    }
}

/// Collects patterns, refusing one string with two different meanings. It borrows from
/// the tables (start-up builds it for the embedded knowledge: no string is copied).
struct Builder<'k> {
    texts: Vec<Cow<'k, str>>,
    patterns: Vec<Pattern>,
    index: HashMap<Cow<'k, str>, usize>,
    owner: Vec<(&'k Origin, &'k str)>,
}

impl<'k> Builder<'k> {
    fn add(
        &mut self,
        text: &'k str,
        p: Pattern,
        o: &'k Origin,
        id: &'k str,
    ) -> Result<(), KnowledgeError> {
        let key = strip_quotes(text);
        // One hash per phrase (start-up adds ~5,000): the entry, not a lookup then an insert.
        let i = match self.index.entry(key) {
            Entry::Vacant(slot) => {
                self.texts.push(slot.key().clone());
                slot.insert(self.texts.len() - 1);
                self.patterns.push(p);
                self.owner.push((o, id));
                return Ok(());
            }
            Entry::Occupied(slot) => *slot.get(),
        };
        let clash = match (&mut self.patterns[i], p) {
            (Pattern::Guard, Pattern::Guard) => false,
            (Pattern::Generic(c), Pattern::Generic(mut more)) => {
                c.append(&mut more);
                false
            }
            (old @ Pattern::Guard, new @ Pattern::Target(_)) => {
                *old = new;
                self.owner[i] = (o, id);
                false
            }
            (Pattern::Target(_), Pattern::Guard) => false,
            (Pattern::Target(a), Pattern::Target(b)) => *a != b,
            _ => true,
        };
        if clash {
            let (po, pid) = self.owner[i];
            return Err(KnowledgeError::invalid(
                o,
                id,
                format!("“{text}”已在条目 `{pid}`（{po}）中使用，同一写法不能指向两个条目"),
            ));
        }
        Ok(())
    }
}

impl Matcher {
    /// The matcher of `k`'s tables. `prebuilt` is build.rs's automaton of the embedded
    /// files with its patterns: used when they are exactly the patterns collected here
    /// (else, and for user files, the automaton is built now, a few milliseconds).
    pub(super) fn build(
        k: &Knowledge,
        prebuilt: Option<(Vec<String>, &[u8])>,
    ) -> Result<Matcher, KnowledgeError> {
        // The embedded files alone (build.rs's automaton given): their patterns are known
        // to compile together (a test), and compiling their set again at every start-up
        // was a quarter of checking a one-line file.
        let embedded_only = prebuilt.is_some();
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

        let prebuilt = prebuilt
            .filter(|(patterns, _)| *patterns == b.texts)
            .and_then(|(patterns, bytes)| Some((patterns, Automaton::deserialize(bytes).ok()?.0)));
        let is_prebuilt = prebuilt.is_some();
        let (texts, automaton) = match prebuilt {
            Some((texts, automaton)) => (texts, Some(automaton)),
            None if b.texts.is_empty() => (Vec::new(), None),
            None => {
                let texts: Vec<String> = b.texts.into_iter().map(Cow::into_owned).collect();
                let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build_with_values(texts.iter().zip(0u32..).map(|(t, i)| (t.as_str(), i)))
                    .map_err(|e| KnowledgeError::TooLarge(e.to_string()))?;
                (texts, Some(automaton))
            }
        };
        let numeral_led = texts
            .iter()
            .map(|t| t.chars().next().is_some_and(|c| NUMERALS.contains(c)))
            .collect();

        let mut regexes = Vec::new();
        for (i, c) in k.confusables.iter().enumerate() {
            if let Some(p) = &c.pattern {
                let regex = Regex::new(p).map_err(|e| {
                    KnowledgeError::invalid(&c.origin, &c.id, format!("pattern 无效：{e}"))
                })?;
                regexes.push((i, regex));
            }
        }
        // The patterns are matched one by one (see `regexes`), but their memory together
        // stays bounded: a set of them all must compile within the regex size limit, and
        // an entry that tips it over is an error naming it (a user's file among them).
        if !regexes.is_empty() && !embedded_only {
            let set = |n: usize| RegexSet::new(regexes[..n].iter().map(|(_, r)| r.as_str()));
            set(regexes.len()).map_err(|e| {
                let culprit = (1..=regexes.len())
                    .find(|&n| set(n).is_err())
                    .unwrap_or(regexes.len());
                let c = &k.confusables[regexes[culprit - 1].0];
                KnowledgeError::invalid(
                    &c.origin,
                    &c.id,
                    format!("pattern 与前面的 pattern 合起来过大，无法编译（{e}）；请简化，如把 \\w{{50}} 这样的长重复改短"),
                )
            })?;
        }
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
            automaton,
            prebuilt: is_prebuilt,
            texts,
            patterns: b.patterns,
            numeral_led,
            regexes,
            plenums,
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
        if let Some(automaton) = &m.automaton {
            for hit in automaton.leftmost_find_iter(t) {
                let pid = hit.value() as usize;
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
        for (entry, regex) in &m.regexes {
            for hit in regex.find_iter(text) {
                if !out
                    .iter()
                    .any(|o| o.start < hit.end() && hit.start() < o.end)
                {
                    out.push(Mention {
                        start: hit.start(),
                        end: hit.end(),
                        target: Target::Confusable(*entry),
                    });
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

    /// The compiled regex of a confusable's `pattern` (compiled once, at load).
    pub fn compiled_pattern(&self, pattern: &str) -> Option<&Regex> {
        let regexes = &self.matcher.regexes;
        regexes
            .iter()
            .map(|(_, regex)| regex)
            .find(|regex| regex.as_str() == pattern)
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
