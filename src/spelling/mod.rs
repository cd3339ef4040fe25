//! Wrong characters found without a list (L101 wrong-character): a character that a
//! similar-sounding or similar-looking one would turn into a frequent word, where the
//! written sequence is not one.
//!
//! For each run of Chinese characters:
//!
//! 1. a cheap pass keeps the characters that fit neither neighbour: no pair with the
//!    character before or after it is common (`Bigrams::supported`, a Bloom filter), some
//!    candidate (or the swapped pair) would form a common pair with a neighbour, and it is
//!    not a numeral or a function character (的, 是, 在 … — the lexicon counts them as
//!    words very often);
//!    a character that fits one neighbour only, where the pair that fits is no frequent
//!    word (暴漏出: 漏出), is kept too, with a larger margin (`half_fit_gain`), and its
//!    suggested word must take in the pair that does not fit (暴露);
//! 2. only then is the run segmented (`crate::words::segment`): the character must be a
//!    word of its own there, not part of a longer word (but for the rare pair of step 1);
//! 3. (`candidate.rs`) each candidate from `confusion` (same sound, other tone, IME-merged sound, similar
//!    shape) is scored by how much likelier the character bigram model finds the text with
//!    it (both neighbouring pairs, minus a cost for the less likely kinds of slip), and must
//!    make, with its neighbours, a frequent word of the lexicon (2 to 4 characters, not a
//!    name) that takes no character from a neighbouring word, beside no numeral or function
//!    character (but for a very frequent word: 我门 → 我们, 因伪 → 因为; never beside a
//!    particle such as 得), many times more frequent than what is written, and that leaves each
//!    character just outside it fitting a neighbour; two neighbours written in the wrong
//!    order (督监) are tried the same way;
//! 4. names are left alone (`rules/spelling.toml`): a common surname before or inside the
//!    window, a title after it, a name or place word of the lexicon beside it; so are
//!    parallel phrases (先行先试, 应保尽保), whose repeated character makes their pairs
//!    unusual on purpose;
//! 5. of overlapping suspects the best-scored one is kept.
//!
//! Deterministic and offline; a run where step 1 keeps nothing is not segmented.

mod bigrams;
mod candidate;
pub mod confusion;
mod decoder;
mod guards;

pub use bigrams::{bigrams, Bigrams};
pub use confusion::{candidates, Similarity};

use crate::diagnostic::Span;
use crate::words::{lexicon, segment, Segmenter, Word};
use candidate::{best_candidate, swap_candidate, Candidate};
use guards::byte_end;

/// A character that is probably a slip for another.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspect {
    /// The wrong character, or the two characters written in the wrong order.
    pub span: Span,
    /// The written word around it (2–4 characters).
    pub window: Span,
    /// The word it should probably be.
    pub suggested: String,
    /// What to write instead of `span`.
    pub replacement: String,
    pub similarity: Similarity,
    /// Log-likelihood gain of the bigram model, after the cost of the kind of slip.
    pub score: f32,
}

/// The decision's thresholds. Tuned on the first half of SIGHAN-2015 and held to silence
/// on the national publications (see scripts/sighan.sh and the README).
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Minimal log-likelihood gain (natural log) of the bigram model.
    pub min_gain: f32,
    /// Minimal lexicon count of the suggested word.
    pub min_word_freq: u64,
    /// The suggested word is at least this many times as frequent as the written one.
    pub min_ratio: u64,
    /// A character counted at least this often as a word alone is a function character.
    pub function_freq: u64,
    /// Minimal bigram gain for a character that fits a neighbour: a slip into another real
    /// character pair (应为 for 因为); infinite to leave such characters alone.
    pub real_word_gain: f32,
    /// Minimal gain (natural log) of the best segmentation of the run with the fix: the
    /// suggested text must read as likelier words, not only as likelier character pairs.
    pub min_word_gain: f64,
    /// Minimal gain (natural log) of bigram model and segmentation together for the
    /// noisy-channel decoder (`decoder.rs`); infinite to use the word-window detector.
    pub decoder_min_score: f32,
    /// The decoder segments only for candidates whose bigram gain is at least this.
    pub decoder_char_floor: f32,
    /// Cost of each kind of slip (`Similarity` order), in the units of `min_gain`.
    pub cost: [f32; 5],
    /// A suggested word at least this frequent may hold a function character: beside the
    /// slip (我门 → 我们, but never a particle: 教得 stays) or as the candidate itself
    /// (因伪 → 因为); `u64::MAX` never.
    pub function_window_freq: u64,
    /// Minimal bigram gain at a character that fits one neighbour but not the other
    /// (暴漏出: 漏出 is a common pair, 暴漏 is not), for a candidate making a word across the
    /// pair that does not fit (暴露); infinite to leave such characters alone.
    pub half_fit_gain: f32,
    /// The pair that fits must be rarer than this as a word of the lexicon (漏出 3; at the
    /// edge of a word its inner pair is a frequent word); the suggested word may then cut
    /// it.
    pub half_fit_word_freq: u64,
}

pub const THRESHOLDS: Thresholds = Thresholds {
    min_gain: 10.0,
    real_word_gain: f32::INFINITY,
    min_word_gain: f64::NEG_INFINITY,
    decoder_min_score: f32::INFINITY,
    decoder_char_floor: 0.0,
    min_word_freq: 500,
    min_ratio: 20,
    function_freq: 50_000,
    cost: [0.0, 3.0, 4.0, 4.0, 3.0],
    function_window_freq: 10_000,
    half_fit_gain: 13.0,
    half_fit_word_freq: 20,
};

const NUMERALS: &str = "一二三四五六七八九十百千万亿两零○〇";
const NAME_TAGS: [&str; 5] = ["nr", "nrt", "nrfg", "ns", "nt"];
const FUNCTION_TAGS: [&str; 22] = [
    "d", "dg", "df", "p", "c", "u", "uj", "ul", "ud", "uv", "uz", "ug", "r", "rr", "rz", "rg", "m",
    "mq", "q", "f", "y", "e",
];
const MAX_WORD_CHARS: usize = 4;

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The suspects in `text[span]`, in text order.
pub fn find(text: &str, span: Span) -> Vec<Suspect> {
    find_with(text, span, &THRESHOLDS, &mut |run| segment(text, run))
}

/// [`find`] with other thresholds, and `words(run)` giving the words of the text around
/// a run of Chinese characters (a rule passes the document's shared segmentation).
pub fn find_with(
    text: &str,
    span: Span,
    thresholds: &Thresholds,
    words: &mut dyn FnMut(Span) -> Vec<Word>,
) -> Vec<Suspect> {
    // The whole-run decoder (`decoder.rs`) when `decoder_min_score` is finite.
    let mut check = |run: &[(usize, char)], found: &mut Vec<Suspect>| {
        if thresholds.decoder_min_score.is_finite() {
            decoder::decode_run(run, thresholds, found);
        } else {
            check_run(text, run, thresholds, words, found);
        }
    };
    let mut found = Vec::new();
    let mut run: Vec<(usize, char)> = Vec::new();
    let slice = &text[span.start..span.end];
    for (offset, c) in slice.char_indices() {
        if is_han(c) {
            run.push((span.start + offset, c));
        } else if !run.is_empty() {
            check(&run, &mut found);
            run.clear();
        }
    }
    if !run.is_empty() {
        check(&run, &mut found);
    }
    found
}

fn char_str(c: char, buf: &mut [u8; 4]) -> &str {
    c.encode_utf8(buf)
}

/// What the lexicon says of a character as a word alone, cached per character: the
/// first pass asks it for about one character in twenty. Bits: 1 known, 2 frequent word
/// (`function_freq` of `THRESHOLDS`), 4 function character.
fn char_flags(c: char) -> u8 {
    use std::sync::atomic::{AtomicU8, Ordering};
    const HAN: usize = 0x9FFF - 0x4E00 + 1;
    static FLAGS: [AtomicU8; HAN] = [const { AtomicU8::new(0) }; HAN];
    let compute = || {
        let mut buf = [0; 4];
        lexicon().get(char_str(c, &mut buf)).map_or(1, |e| {
            1 | if e.freq >= THRESHOLDS.function_freq {
                2
            } else {
                0
            } | if FUNCTION_TAGS.contains(&e.tag()) {
                4
            } else {
                0
            }
        })
    };
    let Some(slot) = (c as usize).checked_sub(0x4E00).and_then(|i| FLAGS.get(i)) else {
        return compute();
    };
    match slot.load(Ordering::Relaxed) {
        0 => {
            let flags = compute();
            slot.store(flags, Ordering::Relaxed);
            flags
        }
        flags => flags,
    }
}

/// A character very often a word alone (的, 是, 在): the first pass skips it.
fn is_frequent_word(c: char, thresholds: &Thresholds) -> bool {
    if thresholds.function_freq == THRESHOLDS.function_freq {
        return char_flags(c) & 2 != 0;
    }
    let mut buf = [0; 4];
    lexicon().freq(char_str(c, &mut buf)) >= thresholds.function_freq
}

/// A function character: very often a word alone, or a word of a grammatical class
/// (adverb, preposition, conjunction, particle, pronoun, numeral, classifier, locative,
/// modal, interjection). Slips between them (在/再, 因/应) need grammar, not a word list.
fn is_function(c: char, thresholds: &Thresholds) -> bool {
    char_flags(c) & 4 != 0 || is_frequent_word(c, thresholds)
}

fn check_run(
    text: &str,
    run: &[(usize, char)],
    thresholds: &Thresholds,
    segment_run: &mut dyn FnMut(Span) -> Vec<Word>,
    found: &mut Vec<Suspect>,
) {
    let n = run.len();
    if n < 2 {
        return;
    }
    let model = bigrams();
    // Each adjacent pair looked up once (the filter's memory reads are the first pass's cost).
    let pair_fits: Vec<bool> = run
        .windows(2)
        .map(|w| model.supported(w[0].1, w[1].1))
        .collect();
    let fits = |i: usize| (i > 0 && pair_fits[i - 1]) || (i + 1 < n && pair_fits[i]);
    let real_words = thresholds.real_word_gain.is_finite();
    // Fits one neighbour only, and not as a word of the lexicon (漏出 is rare, 门是 none):
    // the pair that does not fit may hide the slip. At the edge of a word (its inner pair
    // a word, the pair across the boundary uncommon) nothing is looked for.
    let half_fit: Vec<bool> = (0..n)
        .map(|i| {
            thresholds.half_fit_gain.is_finite()
                && i > 0
                && i + 1 < n
                && pair_fits[i - 1] != pair_fits[i]
                && !NUMERALS.contains(run[i].1)
                && !is_frequent_word(run[i].1, thresholds)
                // No candidate gains the margin where the written pairs are likely enough
                // (two bigram lookups, cheaper than the lexicon's below).
                && -(model.log_prob(Some(run[i - 1].1), run[i].1)
                    + model.log_prob(Some(run[i].1), run[i + 1].1))
                    >= thresholds.half_fit_gain
                && {
                    let (a, b) = if pair_fits[i - 1] {
                        (i - 1, i)
                    } else {
                        (i, i + 1)
                    };
                    let pair = &text[run[a].0..byte_end(run, b)];
                    lexicon().freq(pair) < thresholds.half_fit_word_freq
                }
        })
        .collect();
    let half = |i: usize| half_fit[i];
    let gain_at = |i: usize| {
        if fits(i) && half(i) {
            thresholds.half_fit_gain.min(thresholds.real_word_gain)
        } else {
            min_gain(fits(i), thresholds)
        }
    };
    // Where one neighbour fits, the suggested word must take in the other.
    let cover = |i: usize| {
        (fits(i) && half(i) && gain_at(i) < thresholds.real_word_gain).then(|| {
            if pair_fits[i - 1] {
                i + 1
            } else {
                i - 1
            }
        })
    };
    let suspicious: Vec<usize> = (0..n)
        .filter(|&i| (real_words || !fits(i) || half(i)) && !NUMERALS.contains(run[i].1))
        .filter(|&i| !is_frequent_word(run[i].1, thresholds))
        .collect();
    // Segmenting is the costly step: only for a run where some candidate scores and makes
    // a frequent word at all.
    if !suspicious
        .iter()
        .any(|&i| worth_segmenting(run, i, gain_at(i), cover(i), thresholds))
    {
        return;
    }
    let end = run[n - 1].0 + run[n - 1].1.len_utf8();
    let words = segment_run(Span::new(run[0].0, end));
    // The word holding each character of the run.
    let mut word_of = Vec::with_capacity(n);
    let mut w = 0;
    for &(at, _) in run {
        while w < words.len() && words[w].span.end <= at {
            w += 1;
        }
        if w == words.len() || words[w].span.start > at {
            return; // not segmented as expected: say nothing
        }
        word_of.push(w);
    }
    let mut candidates = Vec::new();
    for i in suspicious {
        let fitting = fits(i);
        if !fitting && words[word_of[i]].span.len() != run[i].1.len_utf8() {
            continue;
        }
        let gain = gain_at(i);
        if let Some(candidate) =
            best_candidate(text, run, &words, &word_of, i, gain, cover(i), thresholds)
        {
            candidates.push(candidate);
        }
        if fitting {
            continue;
        }
        if let Some(candidate) = swap_candidate(text, run, &words, &word_of, i, thresholds) {
            candidates.push(candidate);
        }
    }
    if thresholds.min_word_gain.is_finite() {
        let mut segmenter = Segmenter::default();
        let span = Span::new(run[0].0, end);
        let before = segmenter.log_probability(text, span);
        candidates.retain(|c| {
            let (at, to) = (run[c.at].0, byte_end(run, c.at + c.len - 1));
            let fixed = format!(
                "{}{}{}",
                &text[span.start..at],
                c.replacement,
                &text[to..end]
            );
            segmenter.log_probability(&fixed, Span::new(0, fixed.len())) - before
                >= thresholds.min_word_gain
        });
    }
    // Of overlapping suspects the best-scored one.
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.at.cmp(&b.at)));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in candidates {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.at);
    for c in kept {
        let byte = |i: usize| run.get(i).map_or(end, |&(at, _)| at);
        let suggested = format!(
            "{}{}{}",
            &text[byte(c.start)..byte(c.at)],
            c.replacement,
            &text[byte(c.at + c.len)..byte(c.end)]
        );
        found.push(Suspect {
            span: Span::new(byte(c.at), byte(c.at + c.len)),
            window: Span::new(byte(c.start), byte(c.end)),
            suggested,
            replacement: c.replacement,
            similarity: c.similarity,
            score: c.score,
        });
    }
}

/// The bigram gain required at a character: more for one that fits a neighbour.
fn min_gain(fits: bool, thresholds: &Thresholds) -> f32 {
    if fits {
        thresholds.real_word_gain
    } else {
        thresholds.min_gain
    }
}

/// Whether some candidate at `i` (or the swap with `i + 1`) passes the tests that need no
/// segmentation: the score, and a frequent word with its neighbours.
fn worth_segmenting(
    run: &[(usize, char)],
    i: usize,
    min_gain: f32,
    cover: Option<usize>,
    thresholds: &Thresholds,
) -> bool {
    let model = bigrams();
    let lexicon = lexicon();
    let n = run.len();
    let prev = i.checked_sub(1).map(|j| run[j].1);
    let next = run.get(i + 1).map(|&(_, c)| c);
    let context =
        |x: char| model.log_prob(prev, x) + next.map_or(0.0, |nx| model.log_prob(Some(x), nx));
    let written = context(run[i].1);
    // No candidate can be likelier than certain: when the written pairs are already
    // likely enough, no substitution gains `min_gain` (the common case, decided without
    // looking at a candidate).
    let substitution_possible = -written >= min_gain;
    let mut window = String::new();
    let mut makes_word = |x: char| {
        (2..=MAX_WORD_CHARS.min(n)).any(|len| {
            (i.saturating_sub(len - 1)..=i.min(n - len)).any(|start| {
                if cover.is_some_and(|k| !(start..start + len).contains(&k)) {
                    return false;
                }
                window.clear();
                window.extend((start..start + len).map(|j| if j == i { x } else { run[j].1 }));
                lexicon.freq(&window) >= thresholds.min_word_freq
            })
        })
    };
    let substitution = substitution_possible
        && candidates(run[i].1).any(|(x, similarity)| {
            // The suggested word holds the pair to cover: it must be common with `x`.
            let left = || prev.is_some_and(|p| model.supported(p, x));
            let right = || next.is_some_and(|nx| model.supported(x, nx));
            (match cover {
                Some(k) if k < i => left(),
                Some(_) => right(),
                None => left() || right(),
            }) && context(x) - written - thresholds.cost[similarity as usize] >= min_gain
                && makes_word(x)
        });
    substitution
        || cover.is_none()
            && next.is_some_and(|b| {
                let swapped: String = [b, run[i].1].into_iter().collect();
                model.supported(b, run[i].1) && lexicon.freq(&swapped) >= thresholds.min_word_freq
            })
}

#[cfg(test)]
mod tests;
