//! What makes a candidate fix unacceptable however well it scores: a window that takes a
//! character from a neighbouring word, a name nearby (`rules/spelling.toml`), a parallel
//! phrase, a fix that strands the characters beside it.

use super::{bigrams, is_function, lexicon, Thresholds, NAME_TAGS, NUMERALS};
use crate::words::names::{is_surname, title_at_start};
use crate::words::Word;

/// Whether, with the fix applied (`at(j)` is the character at `j` then), a character just
/// outside `run[start..end]` would fit neither of its neighbours: a fix leaves its
/// surroundings fluent, while reading a coinage as a slip (深学细悟 as 深学习悟) strands the
/// characters beside it.
pub(super) fn strands_a_neighbour(
    run: &[(usize, char)],
    at: &dyn Fn(usize) -> char,
    start: usize,
    end: usize,
    thresholds: &Thresholds,
) -> bool {
    let model = bigrams();
    let outside = [start.checked_sub(1), (end < run.len()).then_some(end)];
    outside.into_iter().flatten().any(|j| {
        let c = run[j].1;
        if NUMERALS.contains(c) || is_function(c, thresholds) {
            return false;
        }
        let left = j > 0 && model.supported(at(j - 1), c);
        let right = j + 1 < run.len() && model.supported(c, at(j + 1));
        !left && !right
    })
}

/// A particle (的, 得, 地, 了, 着, 过 …: tagged u in the lexicon).
fn is_particle(c: char) -> bool {
    let mut buf = [0; 4];
    lexicon()
        .get(c.encode_utf8(&mut buf))
        .is_some_and(|e| e.tag().starts_with('u'))
}

pub(super) fn byte_end(run: &[(usize, char)], j: usize) -> usize {
    run[j].0 + run[j].1.len_utf8()
}

/// Whether the written characters `run[start..end]` may be read as one misspelt word:
/// no character taken from a neighbouring word, no numeral or function character beside
/// the slip, no name nearby, no parallel phrase.
#[allow(clippy::too_many_arguments)]
pub(super) fn acceptable_window(
    text: &str,
    run: &[(usize, char)],
    words: &[Word],
    word_of: &[usize],
    i: usize,
    start: usize,
    end: usize,
    function_neighbours: bool,
    half_fit: bool,
    thresholds: &Thresholds,
) -> bool {
    // Each written word the window touches lies inside it (the slip's own word is single),
    // but for a rare word holding a slip that fits one neighbour only (暴漏出: 漏出).
    for j in start..end {
        let word = &words[word_of[j]];
        let may_cut =
            half_fit && word_of[j] == word_of[i] && word.freq < thresholds.half_fit_word_freq;
        if !may_cut && (word.span.start < run[start].0 || word.span.end > byte_end(run, end - 1)) {
            return false;
        }
    }
    // A function character beside the slip only inside a very frequent word (我门 → 我们),
    // never a particle: what comes before 得, 的, 了 is a whole word (教得很好).
    if (start..end).filter(|&j| j != i).any(|j| {
        let c = run[j].1;
        NUMERALS.contains(c)
            || (is_function(c, thresholds) && (!function_neighbours || is_particle(c)))
    }) {
        return false;
    }
    // Names: a surname before or in the window, a title after it, a name word beside it.
    if (start.saturating_sub(1)..end).any(|j| is_surname(run[j].1)) {
        return false;
    }
    let after = &text[byte_end(run, end - 1)..];
    if title_at_start(after).is_some()
        || after
            .char_indices()
            .nth(1)
            .is_some_and(|(k, _)| title_at_start(&after[k..]).is_some())
    {
        return false;
    }
    let first = word_of[start.saturating_sub(1)];
    let last = word_of[(end).min(run.len() - 1)];
    if words[first..=last]
        .iter()
        .any(|w| NAME_TAGS.contains(&w.tag()))
    {
        return false;
    }
    // Parallel phrases: a character repeated two places apart across the window.
    let lo = start.saturating_sub(2);
    let hi = (end + 2).min(run.len());
    !(lo..hi.saturating_sub(2)).any(|k| run[k].1 == run[k + 2].1 && k + 2 >= start && k < end)
}
