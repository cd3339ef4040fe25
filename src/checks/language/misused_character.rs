use std::sync::LazyLock;

use aho_corasick::{packed, AhoCorasick};
use serde::Deserialize;

use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::words::{is_word_char, Word};

declare_rule! {
    /// 常用字用错了地方：本身成词的字，在它前后的词里只能是另一个字（“再外地”→“在外地”，“座地铁”→“坐地铁”）。
    ///
    /// ## 为什么
    /// 拼音输入法选错的字，有不少本身也是常用字（“在”和“再”、“坐”和“座”、“跟”和“根”、“因为”和“应为”），
    /// 单看字词分不出来，L101 也不报。但放在具体的词中间，有的搭配只能是其中一个字：“再”后面紧跟“这里”
    /// “外地”是“在”，“座”后面紧跟“地铁”“公交车”是“坐”，分句开头的“应为”与后面的“所以”呼应是“因为”，
    /// “他门”是“他们”。这些写法和上下文都列在 `rules/confusions.toml`，每条注明《现代汉语词典》的依据，
    /// 并带有应提示、不应提示的例句；只有写法单独成词时才比较（“其他门类”“根据”不提示）。
    /// 修改建议需要人工确认。
    ///
    /// ## 示例
    /// ```text
    /// 我现在再外地工作，每天座地铁上班，同事们都喜欢根他交流。
    /// ```
    /// 应写作：
    /// ```text
    /// 我现在在外地工作，每天坐地铁上班，同事们都喜欢跟他交流。
    /// ```
    pub struct MisusedCharacter {
        code: L106,
        name: "misused-character",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.3.0",
        basis: "《现代汉语词典》（第7版）相应词条（rules/confusions.toml）",
    }
}

/// `rules/confusions.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    confusion: Vec<Confusion>,
}

/// A written form that is wrong in a context, and what to write instead.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Confusion {
    #[allow(dead_code)] // read by the tests
    id: String,
    written: String,
    right: String,
    why: String,
    #[allow(dead_code)] // read by the tests
    source: String,
    /// What follows directly, on a word boundary (one word or several: 也不).
    #[serde(default)]
    next: Vec<String>,
    /// Tags of the word that follows.
    #[serde(default)]
    next_tags: Vec<String>,
    /// After `next`: one of these words, "" for the end of the clause.
    #[serde(default)]
    then: Vec<String>,
    /// What precedes directly, on a word boundary.
    #[serde(default)]
    previous: Vec<String>,
    /// The word before must not end with a numeral (三座, 十二根): the form is a classifier
    /// there.
    #[serde(default)]
    not_after_numeral: bool,
    /// Words that must not come just before (这座, 那根).
    #[serde(default)]
    not_previous: Vec<String>,
    #[serde(default)]
    clause_start: bool,
    #[serde(default)]
    clause_end: bool,
    /// Words later in the same sentence (所以 after 应为).
    #[serde(default)]
    later: Vec<String>,
    /// The sentence ends with a question mark.
    #[serde(default)]
    question: bool,
    /// Words the sentence must not hold (another question word: 吗, 什么).
    #[serde(default)]
    not_in_sentence: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)] // read by the tests
    example: Vec<Example>,
    /// The first characters of `next`, the last of `previous` (`None`: one of them is
    /// empty): `may_fit` compares the words only where the neighbouring character is one
    /// of them (的 and 在 are on every line; most entries want a word next to them).
    #[serde(skip)]
    next_firsts: Option<Vec<char>>,
    #[serde(skip)]
    previous_lasts: Option<Vec<char>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by the tests
struct Example {
    text: String,
    expect: String,
}

/// The entries, and their distinct written forms (`written`, `by_form[i]` listing the
/// entries written as `written[i]`), found by `occurrences`.
struct Table {
    entries: Vec<Confusion>,
    written: Vec<String>,
    /// The forms by their first character, sorted.
    by_first: Vec<(char, Vec<usize>)>,
    /// A vectorised search (Teddy) for the next place some form starts. The forms include
    /// 在, 的 and 得, on every line, and every occurrence is wanted, also of a form inside
    /// another (收 in 收到): an overlapping automaton steps through each byte, at about
    /// four times the cost. `None` where the processor lacks the instructions.
    teddy: Option<packed::Searcher>,
    forms: AhoCorasick,
    by_form: Vec<Vec<usize>>,
}

impl Table {
    /// Every occurrence of every form in `s`, as (index in `written`, start, end), in
    /// `out`.
    fn occurrences(&self, s: &str, out: &mut Vec<(usize, usize, usize)>) {
        out.clear();
        let Some(teddy) = &self.teddy else {
            return self.occurrences_by_automaton(s, out);
        };
        let mut from = 0;
        while let Some(m) = teddy.find_in(s, aho_corasick::Span::from(from..s.len())) {
            let start = m.start();
            let Some(first) = s[start..].chars().next() else {
                break;
            };
            if let Ok(i) = self.by_first.binary_search_by_key(&first, |(c, _)| *c) {
                for &form in &self.by_first[i].1 {
                    if s[start..].starts_with(self.written[form].as_str()) {
                        out.push((form, start, start + self.written[form].len()));
                    }
                }
            }
            from = start + first.len_utf8();
        }
    }

    fn occurrences_by_automaton(&self, s: &str, out: &mut Vec<(usize, usize, usize)>) {
        let found = self.forms.find_overlapping_iter(s);
        out.extend(found.map(|m| (m.pattern().as_usize(), m.start(), m.end())));
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let File { confusion: entries } = crate::rules_files::read("rules/confusions.toml");
    let entries: Vec<Confusion> = entries.into_iter().map(Confusion::with_edges).collect();
    let mut written: Vec<String> = Vec::new();
    let mut by_form: Vec<Vec<usize>> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        match written.iter().position(|w| *w == entry.written) {
            Some(k) => by_form[k].push(i),
            None => {
                written.push(entry.written.clone());
                by_form.push(vec![i]);
            }
        }
    }
    let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
    for (form, w) in written.iter().enumerate() {
        let Some(first) = w.chars().next() else {
            continue;
        };
        match by_first.binary_search_by_key(&first, |(c, _)| *c) {
            Ok(i) => by_first[i].1.push(form),
            Err(i) => by_first.insert(i, (first, vec![form])),
        }
    }
    let forms = AhoCorasick::new(&written).expect("written forms are plain strings");
    let teddy = packed::Searcher::new(&written);
    Table {
        entries,
        written,
        by_first,
        teddy,
        forms,
        by_form,
    }
});

/// Characters that end a numeral (三座, 十二根, 几根).
const NUMERALS: &str = "一二三四五六七八九十百千万亿两几半〇零";

/// Characters that end a sentence: `later` looks no further.
const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

impl Rule for MisusedCharacter {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let table = &*TABLE;
        let mut found = Vec::new();
        let mut occurrences = Vec::new();
        let mut sentences = Sentences::default();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            let protected = cx.views.protected(seg);
            table.occurrences(s, &mut occurrences);
            for &(form, start, end) in &occurrences {
                if protected.contains(start) {
                    continue;
                }
                let span = Span::new(seg.span.start + start, seg.span.start + end);
                let entries = || table.by_form[form].iter().map(|&i| &table.entries[i]);
                // 在 is everywhere: the clause is segmented only where the characters around
                // could fit an entry.
                let (preceding, following) = (&s[..start], &s[end..]);
                if !entries().any(|entry| entry.may_fit(preceding, following)) {
                    continue;
                }
                let hit = cx.views.words.with_clause(span.start, |words| {
                    let place = Place::new(text, words, span)?;
                    entries()
                        .find(|entry| place.matches(entry, &mut sentences))
                        .map(|entry| (entry, place.shown()))
                });
                if let Some(hit) = hit {
                    found.push((span, hit));
                }
            }
        }
        for (span, (entry, shown)) in found {
            let corrected = shown.replacen(entry.written.as_str(), &entry.right, 1);
            cx.report(
                span,
                format!(
                    "“{shown}”中的“{}”应为“{}”：{}",
                    entry.written, entry.right, entry.why
                ),
            )
            .help(format!("改为“{corrected}”"))
            .fix(Fix::unsafe_replace(span, entry.right.clone()));
        }
    }
}

impl Confusion {
    /// The test on characters before the words are looked at: what `next`, `previous`
    /// and `clause-start` ask for is written around the form.
    fn may_fit(&self, preceding: &str, following: &str) -> bool {
        let before = preceding.chars().next_back();
        let by_next = !self.next_tags.is_empty()
            || self.next.is_empty()
            || Self::may_be(&self.next_firsts, following.chars().next())
                && self.next.iter().any(|n| following.starts_with(n.as_str()));
        let by_previous = self.previous.is_empty()
            || Self::may_be(&self.previous_lasts, before)
                && self
                    .previous
                    .iter()
                    .any(|p| preceding.ends_with(p.as_str()));
        let starts_clause = before.is_none_or(|c| !is_word_char(c));
        by_next && by_previous && (!self.clause_start || starts_clause)
    }

    fn may_be(edges: &Option<Vec<char>>, c: Option<char>) -> bool {
        match edges {
            None => true,
            Some(edges) => c.is_some_and(|c| edges.contains(&c)),
        }
    }

    /// Fills `next_firsts` and `previous_lasts`.
    fn with_edges(mut self) -> Self {
        let edges = |words: &[String], edge: fn(&str) -> Option<char>| {
            words.iter().map(|w| edge(w)).collect::<Option<Vec<char>>>()
        };
        self.next_firsts = edges(&self.next, |w| w.chars().next());
        self.previous_lasts = edges(&self.previous, |w| w.chars().next_back());
        self
    }
}

/// The sentence around the forms looked at, for the entries that ask about it (`later`,
/// `question`, `not-in-sentence`): its bounds and what it holds are worked out once per
/// sentence, not once per form (那里 written 40,000 times on a line without a sentence
/// end would search the line 40,000 times).
#[derive(Default)]
struct Sentences {
    /// The last sentence: its start, and where it ends (at a `SENTENCE_END` or the end of
    /// the text). No sentence end lies within it, nor in any written form.
    last: Option<(usize, usize)>,
    /// For that sentence, by entry (its address: the entries live in `TABLE` for the whole
    /// run): where a `later` word of the entry last starts in it.
    later: Vec<(*const Confusion, Option<usize>)>,
    /// For that sentence, by entry: whether it holds a `not-in-sentence` word.
    holds: Vec<(*const Confusion, bool)>,
}

impl Sentences {
    /// The start and end of the sentence around `span`.
    fn around(&mut self, text: &str, span: Span) -> (usize, usize) {
        if let Some((start, end)) = self.last {
            if start <= span.start && span.end <= end {
                return (start, end);
            }
        }
        let rest = &text[span.end..];
        let end = span.end + rest.find(SENTENCE_END).unwrap_or(rest.len());
        let start = text[..span.start].rfind(SENTENCE_END).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        self.last = Some((start, end));
        self.later.clear();
        self.holds.clear();
        (start, end)
    }

    /// Where the last of `entry`'s `later` words in the sentence `start..end` (from
    /// `around`) starts: a form ending at `e` is followed by one exactly when that is `e`
    /// or more.
    fn later_word_from(
        &mut self,
        text: &str,
        (start, end): (usize, usize),
        entry: &Confusion,
    ) -> Option<usize> {
        let key: *const Confusion = entry;
        if let Some(&(_, at)) = self.later.iter().find(|(e, _)| *e == key) {
            return at;
        }
        let sentence = &text[start..end];
        let at = entry
            .later
            .iter()
            .filter_map(|w| memchr::memmem::rfind(sentence.as_bytes(), w.as_bytes()))
            .map(|i| start + i)
            .max();
        self.later.push((key, at));
        at
    }

    /// `holds()` for `entry` in the sentence, worked out once. After `around`.
    fn holds(&mut self, entry: &Confusion, holds: impl FnOnce() -> bool) -> bool {
        let key: *const Confusion = entry;
        if let Some(&(_, held)) = self.holds.iter().find(|(e, _)| *e == key) {
            return held;
        }
        let held = holds();
        self.holds.push((key, held));
        held
    }
}

/// A written form in its clause: the words around it.
struct Place<'a> {
    text: &'a str,
    span: Span,
    /// The clause's words before the form, and after it.
    before: &'a [Word],
    after: &'a [Word],
}

impl<'a> Place<'a> {
    /// `None` when the form does not start and end on word boundaries.
    fn new(text: &'a str, words: &'a [Word], span: Span) -> Option<Self> {
        let first = words.iter().position(|w| w.span.start == span.start)?;
        let last = words[first..].iter().position(|w| w.span.end == span.end)? + first;
        Some(Self {
            text,
            span,
            before: &words[..first],
            after: &words[last + 1..],
        })
    }

    /// The form with the word after it (or before it, at the end of a clause).
    fn shown(&self) -> String {
        let from = self.before.last().filter(|_| self.after.is_empty());
        let to = self.after.first();
        let start = from.map_or(self.span.start, |w| w.span.start);
        let end = to.map_or(self.span.end, |w| w.span.end);
        self.text[start..end].to_string()
    }

    fn matches(&self, entry: &Confusion, sentences: &mut Sentences) -> bool {
        let text = self.text;
        let previous = self.before.last();
        let next = self.after.first();
        if entry.clause_start && previous.is_some() || entry.clause_end && next.is_some() {
            return false;
        }
        let numeral = |w: &Word| {
            w.text(text)
                .chars()
                .next_back()
                .is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit())
        };
        if entry.not_after_numeral && previous.is_some_and(numeral)
            || entry.not_previous.iter().any(|p| self.preceded_by(p))
        {
            return false;
        }
        if !entry.previous.is_empty() && !entry.previous.iter().any(|p| self.preceded_by(p)) {
            return false;
        }
        if !entry.next_tags.is_empty() || !entry.next.is_empty() {
            let by_tag = next.is_some_and(|w| entry.next_tags.iter().any(|t| t == w.tag()));
            let by_word = entry.next.iter().any(|n| {
                self.words_after(n)
                    .is_some_and(|k| entry.then.is_empty() || self.then_fits(entry, k))
            });
            if !(by_tag || by_word) {
                return false;
            }
        }
        // The sentence is looked at only for the few entries that ask about it: searching
        // to its end and back to its start for every form would make a long line without
        // a sentence end quadratic (他座地铁，written 40,000 times took 37 s).
        if entry.later.is_empty() && !entry.question && entry.not_in_sentence.is_empty() {
            return true;
        }
        self.fits_sentence(entry, sentences)
    }

    /// What `later`, `question` and `not-in-sentence` of `entry` ask of the sentence. Kept
    /// out of `matches`, which every form passes through: most entries ask none of them.
    #[inline(never)]
    fn fits_sentence(&self, entry: &Confusion, sentences: &mut Sentences) -> bool {
        let text = self.text;
        let (start, end) = sentences.around(text, self.span);
        if !entry.later.is_empty()
            && sentences.later_word_from(text, (start, end), entry) < Some(self.span.end)
        {
            return false;
        }
        if entry.question && !text[end..].starts_with(['？', '?']) {
            return false;
        }
        !sentences.holds(entry, || {
            let sentence = &text[start..end];
            entry
                .not_in_sentence
                .iter()
                .any(|w| sentence.contains(w.as_str()))
        })
    }

    /// Whether the clause's words just before the form spell `words`.
    fn preceded_by(&self, words: &str) -> bool {
        self.before.iter().rev().find_map(|w| {
            let joined = &self.text[w.span.start..self.span.start];
            (joined.len() >= words.len()).then(|| joined == words)
        }) == Some(true)
    }

    /// How many words after the form spell `words`, if they do.
    fn words_after(&self, words: &str) -> Option<usize> {
        let k = self
            .after
            .iter()
            .position(|w| self.text[self.span.end..w.span.end].len() >= words.len())?;
        (&self.text[self.span.end..self.after[k].span.end] == words).then_some(k + 1)
    }

    /// Whether what follows the `next` words (the first `k` after the form) is one of
    /// `then`: a word, or "" for the end of the clause.
    fn then_fits(&self, entry: &Confusion, k: usize) -> bool {
        let following = self.after.get(k);
        entry.then.iter().any(|t| match following {
            None => t.is_empty(),
            Some(w) => w.text(self.text) == t,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::TABLE;
    use crate::checks::test_support::{assert_fires, assert_silent, findings};

    #[test]
    fn forms_in_one_sentence_each_look_at_their_own_place_in_it() {
        // The sentence is worked out once for its forms: a later word counts only after
        // the form (the second 应为 follows 所以), a question mark and a question word
        // for every 那里 of the sentence.
        assert_fires(
            "L106",
            &[(
                "应为下雨，所以会议改期，应为天晴了。\n请问你在那里，他又在那里？那里有什么？\n",
                &[
                    "1:1 “应为下雨”中的“应为”应为“因为”：“应为”是“应当是”；与“所以”呼应表示原因的是“因为”",
                    "2:5 “在那里”中的“那里”应为“哪里”：问处所用疑问代词“哪里”；“那里”是指示代词",
                    "2:11 “在那里”中的“那里”应为“哪里”：问处所用疑问代词“哪里”；“那里”是指示代词",
                ],
            )],
        );
    }

    #[test]
    fn no_written_form_holds_a_sentence_end() {
        // `Sentences` keeps a sentence for the next form inside it: no form may end one.
        for entry in &super::TABLE.entries {
            assert!(
                !entry.written.contains(super::SENTENCE_END),
                "{}",
                entry.written
            );
        }
    }

    #[test]
    fn the_vectorised_search_finds_every_occurrence_the_automaton_finds() {
        let table = &*super::TABLE;
        let text = "我收到了通知，在这里再在外地的得，知到他门是收收到，应为下雨所以座地铁。";
        let (mut by_teddy, mut by_automaton) = (Vec::new(), Vec::new());
        table.occurrences(text, &mut by_teddy);
        table.occurrences_by_automaton(text, &mut by_automaton);
        by_teddy.sort_unstable();
        by_automaton.sort_unstable();
        assert!(by_automaton.len() >= 12, "{by_automaton:?}");
        assert_eq!(by_teddy, by_automaton);
    }

    #[test]
    fn every_entry_is_sourced_and_its_examples_behave() {
        let mut seen = std::collections::HashSet::new();
        for entry in &TABLE.entries {
            assert!(seen.insert(&entry.id), "duplicate id {}", entry.id);
            assert!(!entry.source.trim().is_empty(), "{}: no source", entry.id);
            assert!(
                entry.example.iter().any(|e| e.expect == "fire")
                    && entry.example.iter().any(|e| e.expect == "silent"),
                "{}: needs an example that fires and one that stays silent",
                entry.id
            );
            for example in &entry.example {
                let text = format!("{}\n", example.text);
                let found = findings("L106", &text);
                match example.expect.as_str() {
                    "fire" => assert!(
                        found.iter().any(|f| f
                            .contains(&format!("中的“{}”应为“{}”", entry.written, entry.right))),
                        "{}: {:?} should fire, found {found:?}",
                        entry.id,
                        example.text
                    ),
                    "silent" => assert!(
                        found.is_empty(),
                        "{}: {:?} should be silent, found {found:?}",
                        entry.id,
                        example.text
                    ),
                    other => panic!("{}: expect = {other:?}", entry.id),
                }
            }
        }
    }

    #[test]
    fn the_json_reads_as_the_toml() {
        let json: super::File = crate::rules_files::read("rules/confusions.toml");
        let toml: super::File = crate::rules_files::read_toml("rules/confusions.toml");
        assert_eq!(format!("{json:?}"), format!("{toml:?}"));
    }

    #[test]
    fn real_word_slips_fire_in_their_contexts() {
        assert_fires(
            "L106",
            &[
                (
                    "我现在再外地工作，每天座地铁上班。\n",
                    &[
                        "1:4 “再外地”中的“再”应为“在”：表示处所用介词“在”；“再”是副词，表示又一次",
                        "1:12 “座地铁”中的“座”应为“坐”：乘交通工具用动词“坐”；“座”是名词、量词",
                    ],
                ),
                (
                    "应为他学得很好，所以同学们都喜欢问他问题。\n",
                    &["1:1 “应为他”中的“应为”应为“因为”：“应为”是“应当是”；与“所以”呼应表示原因的是“因为”"],
                ),
                (
                    "我们没有位子可以座。\n",
                    &["1:9 “可以座”中的“座”应为“坐”：“坐”是动词（坐下、坐在）；“座”是名词、量词"],
                ),
            ],
        );
    }

    #[test]
    fn the_same_characters_in_other_words_are_silent() {
        assert_silent(
            "L106",
            &[
                "再次强调，在北京召开会议，再上新台阶。\n",
                "这座城市有两座火车站，座谈会在三楼召开。\n",
                "根据有关规定，扎根基层，其他门类。\n",
                "该项目应为省级重点项目，所以要加快推进。\n",
                "情况说明如下，情系群众。\n",
                "同志们再接再厉，在也门的同胞平安。\n",
            ],
        );
    }
}
