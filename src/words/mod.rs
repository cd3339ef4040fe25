//! The word layer: a frequency lexicon ([`lexicon()`]) and jieba-style segmentation
//! ([`segment`]), and [`DocumentWords`], the words of one document, worked out once on
//! first use and shared by every rule that reads words.
//!
//! Why not the `jieba-rs` crate itself: it parses its 349,045-line dictionary and builds a
//! trie when created (~100 ms), which would be most of gwlint's start-up. Its dictionary
//! is used instead (`data/jieba/dict.txt`, MIT), compiled by `build.rs` into an fst map that
//! is ready without parsing, with the same segmentation algorithm (DAG of dictionary words,
//! maximum-probability path; jieba's HMM for unknown words is left out: a linter must not
//! guess new words, and an unknown character stays a single-character word).

pub mod lexicon;
pub mod names;
pub mod segment;
pub mod set_phrases;

use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

pub use lexicon::{lexicon, Entry, Lexicon};
pub use segment::{clause_at, is_han, is_word_char, log_probability, segment, Segmenter, Word};
pub use set_phrases::{set_phrases, Change, Phrase, SetPhrases};

use crate::diagnostic::Span;

/// Bytes of context read on each side of a replacement by
/// [`DocumentWords::gain_of_replacing`] (32 Chinese characters).
pub const GAIN_CONTEXT: usize = 96;

/// The words of one document. The whole text is segmented only when a rule asks for all
/// of it; a rule that looks at a few places segments only the clauses around them.
/// Shared by rules running on several threads (`Sync`).
pub struct DocumentWords<'t> {
    text: &'t str,
    all: OnceLock<Vec<Word>>,
    /// The clause segmented last, with its words: rules ask about several places of one
    /// clause in a row, and each clause is then segmented once. Only a cache: a thread
    /// that finds it taken by another segments the clause itself (the words are the same).
    last: Mutex<Option<(Span, Vec<Word>)>>,
}

impl<'t> DocumentWords<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            all: OnceLock::new(),
            last: Mutex::new(None),
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Every word of the document, in order (computed once).
    pub fn all(&self) -> &[Word] {
        self.all
            .get_or_init(|| segment(self.text, Span::new(0, self.text.len())))
    }

    /// The words of the clause (run of word characters) holding byte `at`; empty when
    /// `at` is not inside one.
    pub fn clause(&self, at: usize) -> Cow<'_, [Word]> {
        let clause = clause_at(self.text, at);
        if clause.is_empty() {
            return Cow::Borrowed(&[]);
        }
        match self.all.get() {
            Some(all) => {
                let first = all.partition_point(|w| w.span.start < clause.start);
                let last = all.partition_point(|w| w.span.start < clause.end);
                Cow::Borrowed(&all[first..last])
            }
            None => Cow::Owned(segment(self.text, clause)),
        }
    }

    /// Calls `f` with the words of the clause holding byte `at` (empty when `at` is not
    /// in one), segmenting the clause only when it is not the one asked about last.
    /// A clause segments alone as in the whole text, so `all()` need not be consulted.
    pub fn with_clause<R>(&self, at: usize, f: impl FnOnce(&[Word]) -> R) -> R {
        if let Ok(last) = self.last.try_lock() {
            if let Some((span, words)) = &*last {
                if span.start <= at && at <= span.end {
                    return f(words);
                }
            }
        }
        let clause = clause_at(self.text, at);
        if clause.is_empty() {
            return f(&[]);
        }
        let words = segment(self.text, clause);
        let result = f(&words);
        if let Ok(mut last) = self.last.try_lock() {
            *last = Some((clause, words));
        }
        result
    }

    /// Whether a word starts or ends at byte `at`: the edge of the text, beside a
    /// character that is not a word character, or between two words of the segmentation.
    pub fn is_boundary(&self, at: usize) -> bool {
        let before = self.text[..at].chars().next_back();
        let after = self.text[at..].chars().next();
        match (before, after) {
            (Some(b), Some(a)) if is_word_char(b) && is_word_char(a) => {
                // The words are in text order: a binary search keeps a long clause linear.
                self.with_clause(at, |words| {
                    words.binary_search_by_key(&at, |w| w.span.start).is_ok()
                })
            }
            _ => true,
        }
    }

    /// How much more likely (natural log of the ratio of best-segmentation probabilities)
    /// the clauses around `span` read with `replacement` in its place: positive when the
    /// replacement makes better words (在巡察中原形必露 → …原形毕露), negative when the
    /// text already reads as words (拆迁徒增 → 拆迁徙增).
    /// At most [`GAIN_CONTEXT`] bytes of the clause on each side are read, so a clause
    /// of any length costs the same.
    pub fn gain_of_replacing(&self, span: Span, replacement: &str) -> f64 {
        let text = self.text;
        let start = text[..span.start]
            .char_indices()
            .rev()
            .take_while(|&(i, c)| is_word_char(c) && i + GAIN_CONTEXT >= span.start)
            .last()
            .map_or(span.start, |(i, _)| i);
        let end = text[span.end..]
            .char_indices()
            .take_while(|&(i, c)| is_word_char(c) && i < GAIN_CONTEXT)
            .last()
            .map_or(span.end, |(i, c)| span.end + i + c.len_utf8());
        let around = Span::new(start, end);
        let mut segmenter = Segmenter::default();
        let before = segmenter.log_probability(self.text, around);
        let corrected = format!(
            "{}{replacement}{}",
            &self.text[around.start..span.start],
            &self.text[span.end..around.end]
        );
        let after = segmenter.log_probability(&corrected, Span::new(0, corrected.len()));
        after - before
    }

    /// Whether `span` starts and ends on word boundaries: it holds whole words only.
    pub fn is_aligned(&self, span: Span) -> bool {
        self.is_boundary(span.start) && self.is_boundary(span.end)
    }
}

#[cfg(test)]
mod tests;
