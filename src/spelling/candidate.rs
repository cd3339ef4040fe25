//! Step 3 of the detector: the candidates at a character that survived the first pass,
//! scored once its run is segmented. `best_candidate` tries each similar character (the
//! bigram gain after the cost of the kind of slip, the most frequent lexicon word it makes
//! with its neighbours, the guards); `swap_candidate` tries the two neighbours written in
//! the wrong order (督监 for 监督).

use super::guards::{acceptable_window, byte_end, strands_a_neighbour};
use super::{
    bigrams, candidates, is_function, lexicon, Similarity, Thresholds, MAX_WORD_CHARS, NAME_TAGS,
    NUMERALS,
};
use crate::words::Word;

/// One candidate fix found in a run: indices are character positions in the run.
pub(super) struct Candidate {
    pub(super) at: usize,
    /// 1 for a character replaced, 2 for two characters swapped.
    pub(super) len: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) replacement: String,
    pub(super) similarity: Similarity,
    pub(super) score: f32,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn best_candidate(
    text: &str,
    run: &[(usize, char)],
    words: &[Word],
    word_of: &[usize],
    i: usize,
    min_gain: f32,
    cover: Option<usize>,
    thresholds: &Thresholds,
) -> Option<Candidate> {
    let model = bigrams();
    let n = run.len();
    let c = run[i].1;
    let prev = i.checked_sub(1).map(|j| run[j].1);
    let next = run.get(i + 1).map(|&(_, c)| c);
    let context =
        |x: char| model.log_prob(prev, x) + next.map_or(0.0, |nx| model.log_prob(Some(x), nx));
    let written = context(c);
    let lexicon = lexicon();
    let mut best: Option<Candidate> = None;
    let mut window = String::new();
    for (x, similarity) in candidates(c) {
        if !(prev.is_some_and(|p| model.supported(p, x))
            || next.is_some_and(|nx| model.supported(x, nx)))
        {
            continue;
        }
        let score = context(x) - written - thresholds.cost[similarity as usize];
        if score < min_gain || best.as_ref().is_some_and(|b| b.score >= score) {
            continue;
        }
        // A function character (为, 见, 下) is a candidate only inside a very frequent word
        // (因为, 见面, 下去): slips into it as a word alone need grammar.
        let function = is_function(x, thresholds);
        if NUMERALS.contains(x) || (function && thresholds.function_window_freq == u64::MAX) {
            continue;
        }
        let min_word_freq = if function {
            thresholds.function_window_freq
        } else {
            thresholds.min_word_freq
        };
        // The most frequent word the candidate makes with its neighbours.
        let mut word: Option<(u64, usize, usize)> = None;
        for len in 2..=MAX_WORD_CHARS.min(n) {
            for start in i.saturating_sub(len - 1)..=i.min(n - len) {
                let end = start + len;
                window.clear();
                window.extend((start..end).map(|j| if j == i { x } else { run[j].1 }));
                let Some(entry) = lexicon.get(&window) else {
                    continue;
                };
                if entry.freq < min_word_freq
                    || cover.is_some_and(|k| !(start..end).contains(&k))
                    || word.is_some_and(|(f, _, _)| f >= entry.freq)
                    || NAME_TAGS.contains(&entry.tag())
                    || !acceptable_window(
                        text,
                        run,
                        words,
                        word_of,
                        i,
                        start,
                        end,
                        entry.freq >= thresholds.function_window_freq,
                        cover.is_some(),
                        thresholds,
                    )
                {
                    continue;
                }
                let written_freq = lexicon.freq(&text[run[start].0..byte_end(run, end - 1)]);
                let at = |j: usize| if j == i { x } else { run[j].1 };
                if written_freq.saturating_mul(thresholds.min_ratio) >= entry.freq
                    || strands_a_neighbour(run, &at, start, end, thresholds)
                {
                    continue;
                }
                word = Some((entry.freq, start, end));
            }
        }
        if let Some((_, start, end)) = word {
            best = Some(Candidate {
                at: i,
                len: 1,
                start,
                end,
                replacement: x.to_string(),
                similarity,
                score,
            });
        }
    }
    best
}

/// The two characters at `i` and `i + 1` written in the wrong order (督监 for 监督): the
/// swapped pair is a frequent word, the written one is not, and the bigram model prefers
/// the swap by the margin, after the cost of a swap.
pub(super) fn swap_candidate(
    text: &str,
    run: &[(usize, char)],
    words: &[Word],
    word_of: &[usize],
    i: usize,
    thresholds: &Thresholds,
) -> Option<Candidate> {
    let (a, b) = (run[i].1, *run.get(i + 1).map(|(_, c)| c)?);
    if a == b
        || words[word_of[i + 1]].span.len() != b.len_utf8()
        || bigrams().supported(a, b)
        || is_function(a, thresholds)
    {
        return None;
    }
    let model = bigrams();
    let prev = i.checked_sub(1).map(|j| run[j].1);
    let next = run.get(i + 2).map(|&(_, c)| c);
    let context = |x: char, y: char| {
        model.log_prob(prev, x)
            + model.log_prob(Some(x), y)
            + next.map_or(0.0, |z| model.log_prob(Some(y), z))
    };
    let score = context(b, a) - context(a, b) - thresholds.cost[Similarity::Swapped as usize];
    if score < thresholds.min_gain {
        return None;
    }
    let swapped: String = [b, a].into_iter().collect();
    let entry = lexicon().get(&swapped)?;
    let written_freq = lexicon().freq(&text[run[i].0..byte_end(run, i + 1)]);
    let at = |j: usize| match j {
        j if j == i => b,
        j if j == i + 1 => a,
        j => run[j].1,
    };
    if entry.freq < thresholds.min_word_freq
        || NAME_TAGS.contains(&entry.tag())
        || written_freq.saturating_mul(thresholds.min_ratio) >= entry.freq
        || !acceptable_window(
            text,
            run,
            words,
            word_of,
            i,
            i,
            i + 2,
            false,
            false,
            thresholds,
        )
        || strands_a_neighbour(run, &at, i, i + 2, thresholds)
    {
        return None;
    }
    Some(Candidate {
        at: i,
        len: 2,
        start: i,
        end: i + 2,
        replacement: swapped,
        similarity: Similarity::Swapped,
        score,
    })
}
