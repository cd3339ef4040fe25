//! A noisy-channel reading of a whole run, measured on SIGHAN-2015 beside the word-window
//! detector of `mod.rs`: every character is tried against every candidate, and a change is
//! kept when the character bigram model and the word segmentation together find the run
//! likelier by `decoder_min_score` (natural log), after the cost of the kind of slip. Unlike
//! the detector it can see a slip into another real pair (建康 → 健康 when 建 fits its
//! neighbour, when `real_word_gain` is finite), at the price of a segmentation per
//! promising candidate.

use super::{bigrams, candidates, is_function, Similarity, Suspect, Thresholds, NUMERALS};
use crate::diagnostic::Span;
use crate::words::names::is_surname;
use crate::words::{segment, Segmenter};

/// Up to this many changes per run, best first.
const MAX_CHANGES: usize = 2;

/// The suspects of one run of Chinese characters `run` (byte offset, character).
pub(super) fn decode_run(run: &[(usize, char)], thresholds: &Thresholds, found: &mut Vec<Suspect>) {
    let n = run.len();
    if n < 2 {
        return;
    }
    let model = bigrams();
    let mut chars: Vec<char> = run.iter().map(|&(_, c)| c).collect();
    let mut changed = vec![false; n];
    let mut segmenter = Segmenter::default();
    let mut buffer = String::new();
    let mut log_prob = |chars: &[char], buffer: &mut String| {
        buffer.clear();
        buffer.extend(chars.iter());
        segmenter.log_probability(buffer, Span::new(0, buffer.len()))
    };
    for _ in 0..MAX_CHANGES {
        let base = log_prob(&chars, &mut buffer);
        let mut best: Option<(f32, usize, char, Similarity)> = None;
        for i in 0..n {
            let c = chars[i];
            if changed[i]
                || NUMERALS.contains(c)
                || (i.saturating_sub(1)..=i).any(|j| is_surname(chars[j]))
            {
                continue;
            }
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let context = |y: char| {
                model.log_prob(prev, y) + next.map_or(0.0, |nx| model.log_prob(Some(y), nx))
            };
            let written = context(c);
            // A character that fits a neighbour needs the larger gain of a slip into a
            // real pair (`real_word_gain`, when it is the larger).
            let fits = prev.is_some_and(|p| model.supported(p, c))
                || next.is_some_and(|nx| model.supported(c, nx));
            let min_score = if fits {
                thresholds.decoder_min_score.max(thresholds.real_word_gain)
            } else {
                thresholds.decoder_min_score
            };
            if !min_score.is_finite() {
                continue;
            }
            for (x, kind) in candidates(c) {
                if NUMERALS.contains(x)
                    || (is_function(x, thresholds) && is_function(c, thresholds))
                {
                    continue;
                }
                let char_gain = context(x) - written - thresholds.cost[kind as usize];
                if char_gain < thresholds.decoder_char_floor {
                    continue;
                }
                chars[i] = x;
                let word_gain = (log_prob(&chars, &mut buffer) - base) as f32;
                chars[i] = c;
                let score = char_gain + word_gain;
                if score >= min_score && best.is_none_or(|b| score > b.0) {
                    best = Some((score, i, x, kind));
                }
            }
        }
        let Some((score, i, x, similarity)) = best else {
            break;
        };
        chars[i] = x;
        changed[i] = true;
        // The word the fix makes, in the fixed run.
        buffer.clear();
        buffer.extend(chars.iter());
        let offsets: Vec<usize> = buffer.char_indices().map(|(k, _)| k).collect();
        let at = offsets[i];
        let word = segment(&buffer, Span::new(0, buffer.len()))
            .into_iter()
            .find(|w| w.span.start <= at && at < w.span.end)
            .map_or(Span::new(at, at + x.len_utf8()), |w| w.span);
        let first = offsets.partition_point(|&o| o < word.start);
        let last = offsets.partition_point(|&o| o < word.end);
        let end_of = |k: usize| {
            run.get(k)
                .map_or(run[n - 1].0 + run[n - 1].1.len_utf8(), |r| r.0)
        };
        found.push(Suspect {
            span: Span::new(run[i].0, end_of(i + 1)),
            window: Span::new(run[first].0, end_of(last)),
            suggested: buffer[word.start..word.end].to_string(),
            replacement: x.to_string(),
            similarity,
            score,
        });
    }
}
