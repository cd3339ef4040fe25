//! Word segmentation as jieba does it without its HMM: within a run of Chinese characters
//! and ASCII letters and digits, every word of the lexicon that starts at a character is
//! an edge of a DAG, and the segmentation is the path with the highest product of word
//! probabilities (unigram model, `freq / total`, an unknown single character counting 1).
//! Letters and digits left as single characters are joined, as in jieba's `cut(hmm=false)`.
//!
//! Punctuation, spaces and other symbols end a run and are not words, so a clause
//! segments the same alone as inside its paragraph: rules may segment only the clause
//! around a candidate ([`clause_at`]).

use crate::diagnostic::Span;

use super::lexicon::{lexicon, Entry};

/// One word of a segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the segmented text.
    pub span: Span,
    /// Frequency in the lexicon; 0 for a word the lexicon does not hold (a single
    /// unknown character, a run of letters or digits).
    pub freq: u64,
    entry: Option<Entry>,
}

impl Word {
    /// The word's text, sliced from the text it was segmented from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// Whether the lexicon holds the word.
    pub fn is_known(&self) -> bool {
        self.entry.is_some()
    }

    /// The lexicon's part-of-speech tag; "" for an unknown word.
    pub fn tag(&self) -> &'static str {
        self.entry.map_or("", |e| e.tag())
    }

    /// Number of characters.
    pub fn chars(&self, text: &str) -> usize {
        self.text(text).chars().count()
    }
}

/// Whether `c` can be part of a word: a CJK ideograph, or an ASCII letter or digit.
pub fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric()
}

/// CJK Unified Ideographs and Extension A.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The run of word characters around byte `at` of `text` (empty when `at` is not in
/// one): what [`segment`] segments independently of its surroundings.
pub fn clause_at(text: &str, at: usize) -> Span {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| at + i);
    Span::new(start, end)
}

/// The log-probability of the best segmentation of `text[span]` (see
/// [`Segmenter::log_probability`]).
pub fn log_probability(text: &str, span: Span) -> f64 {
    Segmenter::default().log_probability(text, span)
}

/// Segments `text[span]` into words, with spans in `text`. Characters that are not word
/// characters are skipped. `span` must lie on character boundaries.
pub fn segment(text: &str, span: Span) -> Vec<Word> {
    let mut words = Vec::new();
    let mut segmenter = Segmenter::default();
    segmenter.segment_into(text, span, &mut words);
    words
}

/// Reusable buffers for segmenting many runs.
#[derive(Default)]
pub struct Segmenter {
    /// Byte offset of each character of the run, and the run's end.
    starts: Vec<usize>,
    /// Per character: best log-probability of the rest of the run from here, and the
    /// end (character index) and entry of the first word on that path.
    route: Vec<(f64, usize, Option<Entry>)>,
    /// DAG edges of the current character: (end byte, entry).
    edges: Vec<(usize, Entry)>,
}

/// The maximal runs of word characters in `text[span]`, as (start, end) byte offsets:
/// each is segmented on its own.
fn word_runs(text: &str, span: Span) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text[span.start..span.end].char_indices().peekable();
    std::iter::from_fn(move || {
        let (first, _) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = span.end - span.start;
        while let Some(&(offset, c)) = chars.peek() {
            if !is_word_char(c) {
                end = offset;
                break;
            }
            chars.next();
        }
        Some((span.start + first, span.start + end))
    })
}

impl Segmenter {
    /// Appends the words of `text[span]` to `words`.
    pub fn segment_into(&mut self, text: &str, span: Span, words: &mut Vec<Word>) {
        for (start, end) in word_runs(text, span) {
            self.segment_run(text, start, end, words);
        }
    }

    /// The natural logarithm of the probability of the best segmentation of `text[span]`
    /// (the sum over its runs): how likely the text is as a sequence of words. Comparing
    /// it before and after a correction says whether the correction reads better.
    pub fn log_probability(&mut self, text: &str, span: Span) -> f64 {
        word_runs(text, span)
            .map(|(start, end)| self.route_run(text, start, end))
            .sum()
    }

    /// Fills `starts` and `route` for the run `text[start..end]`; returns the best
    /// path's log-probability.
    fn route_run(&mut self, text: &str, start: usize, end: usize) -> f64 {
        let lexicon = lexicon();
        let log_total = (lexicon.total() as f64).ln();
        self.starts.clear();
        self.starts
            .extend(text[start..end].char_indices().map(|(i, _)| start + i));
        let n = self.starts.len();
        self.starts.push(end);
        self.route.clear();
        self.route.resize(n + 1, (0.0, n, None));
        for i in (0..n).rev() {
            self.edges.clear();
            let edges = &mut self.edges;
            lexicon.words_at(text, self.starts[i], end, |e, entry| edges.push((e, entry)));
            // The single character is always an edge, known or not.
            let single_end = self.starts[i + 1];
            let mut best = (f64::NEG_INFINITY, i + 1, None);
            if self.edges.first().is_none_or(|&(e, _)| e != single_end) {
                best = (-log_total + self.route[i + 1].0, i + 1, None);
            }
            for &(e, entry) in &self.edges {
                // Character index of the end: the edges are few and short.
                let j = i + 1 + self.starts[i + 1..].partition_point(|&s| s < e);
                let score = (entry.freq.max(1) as f64).ln() - log_total + self.route[j].0;
                if score >= best.0 {
                    best = (score, j, Some(entry));
                }
            }
            self.route[i] = best;
        }
        self.route[0].0
    }

    /// A run of word characters `text[start..end]`.
    fn segment_run(&mut self, text: &str, start: usize, end: usize, words: &mut Vec<Word>) {
        let lexicon = lexicon();
        self.route_run(text, start, end);
        let n = self.starts.len() - 1;
        // Letters and digits left as single characters are joined into one word.
        let mut ascii_group: Option<usize> = None;
        let mut i = 0;
        while i < n {
            let (_, j, entry) = self.route[i];
            let word_span = Span::new(self.starts[i], self.starts[j]);
            let single_ascii = j == i + 1 && text.as_bytes()[self.starts[i]].is_ascii();
            if single_ascii {
                if let Some(group) = ascii_group {
                    let joined = &mut words[group];
                    joined.span.end = word_span.end;
                    joined.entry = lexicon.get(joined.text(text));
                    joined.freq = joined.entry.map_or(0, |e| e.freq);
                    i = j;
                    continue;
                }
                ascii_group = Some(words.len());
            } else {
                ascii_group = None;
            }
            words.push(Word {
                span: word_span,
                freq: entry.map_or(0, |e| e.freq),
                entry,
            });
            i = j;
        }
    }
}
