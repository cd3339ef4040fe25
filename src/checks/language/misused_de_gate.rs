//! The cheap tests L104 (`misused_de.rs`) makes before it segments the clause around a
//! 的, 地 or 得: the characters around the particle, and whether the lexicon holds a word
//! that some frame needs after it. They run for nearly every particle of a document;
//! segmenting is what they spare.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, StartKind};

use super::misused_de::{complement_ending_clause, is_degree_complement, PREDICATE_TAGS};
use super::vocabulary::misused_de;
use crate::words::{is_word_char, lexicon};

/// The cheap test before the clause is segmented: some frame could hold here. Besides
/// the characters around the particle, the lexicon is asked whether a word that a frame
/// needs could follow it (a verb, a noun ending the clause): most 的 and 得 fail that and
/// their clause is never segmented.
pub(super) fn worth_segmenting(
    text: &str,
    at: usize,
    particle: char,
    preceding: &str,
    following: &str,
    after: &str,
) -> bool {
    let de = misused_de();
    let preceded_by = |words: &[String]| ends_with_any(preceding, words);
    match particle {
        '的' => {
            preceded_by(&de.intensifiers)
                || is_degree_complement(after)
                || preceded_by(&de.adverbs) && predicate_may_follow(text, at, particle)
                || (adverbial_cue(following) || predicate_cue_near(preceding))
                    && predicate_may_follow(text, at, particle)
                || complement_ending_clause(after)
        }
        '得' => {
            preceded_by(&de.personal_pronouns)
                || !after.is_empty() && noun_may_end_clause(text, at, particle)
        }
        _ => preceded_by(&de.personal_pronouns),
    }
}

/// How far, in characters, [`particle_ends`] looks for the end of the clause.
const LOOKAHEAD: usize = 64;

/// The places after which the rule reads the words that follow the particle at `at`:
/// the ends of the single-character words written `particle` from `at` to the end of
/// the clause. The segmentation decides which one the rule looks at (in 目的的 it is the
/// second), so every one is a candidate; the clause's end comes with them.
fn particle_ends(
    text: &str,
    at: usize,
    particle: char,
) -> (impl Iterator<Item = usize> + '_, usize) {
    // Looked for at most LOOKAHEAD characters on: a clause of 20,000 particles without a
    // mark made this search, for each particle, quadratic (认真的学习了 written 40,000 times
    // took 8 s); a real clause is much shorter.
    let clause_end = text[at..]
        .char_indices()
        .enumerate()
        .find(|&(n, (_, c))| !is_word_char(c) || n == LOOKAHEAD)
        .map_or(text.len(), |(_, (i, _))| at + i);
    let len = particle.len_utf8();
    let ends = text[at..clause_end]
        .match_indices(particle)
        .map(move |(i, _)| at + i + len);
    (ends, clause_end)
}

/// Whether `text` ends with one of `words`.
fn ends_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.ends_with(w.as_str()))
}

/// Whether the word after some particle of the clause could be a verb (the adverbial
/// frame), or a predicate after an intensifier (非常的高兴): the lexicon holds such a
/// word starting there.
fn predicate_may_follow(text: &str, at: usize, particle: char) -> bool {
    let (mut ends, clause_end) = particle_ends(text, at, particle);
    let intensified = |end: usize| {
        ends_with_any(
            &text[..end - particle.len_utf8()],
            &misused_de().intensifiers,
        )
    };
    ends.any(|end| {
        let mut verb = false;
        let mut predicate = false;
        lexicon().words_at(text, end, clause_end, |_, entry| {
            verb |= entry.tag() == "v";
            predicate |= PREDICATE_TAGS.contains(&entry.tag());
        });
        verb || predicate && intensified(end)
    })
}

/// Whether the rest of the clause after some particle could be one noun (很重要得事，).
fn noun_may_end_clause(text: &str, at: usize, particle: char) -> bool {
    let (mut ends, clause_end) = particle_ends(text, at, particle);
    ends.any(|end| {
        lexicon()
            .get(&text[end..clause_end])
            .is_some_and(|e| e.tag() == "n")
    })
}

/// Whether a predicate cue (都, 要, 一定 …) is among the last characters before 的: the
/// cheap test for the frame cue + modifier + 的 + verb.
fn predicate_cue_near(preceding: &str) -> bool {
    let start = preceding.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
    CUES.predicate.is_match(&preceding[start..])
}

/// The word lists the cheap tests look for, each in one small automaton: a test runs for
/// nearly every 的 of a document, and a `contains` or `starts_with` per listed word was a
/// third of the rule's time.
struct Cues {
    /// The predicate cues, anywhere.
    predicate: AhoCorasick,
    /// The markers of a predicate verb (了, 着, directional complements, 吧), at the start.
    markers: AhoCorasick,
    /// The verbs of saying, at the start.
    speech: AhoCorasick,
    result: AhoCorasick,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let de = misused_de();
    let build = |words: Vec<&String>, start: StartKind| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(start)
            .build(words)
            .expect("word lists make automata")
    };
    let markers = de
        .aspect_particles
        .iter()
        .chain(&de.verb_complements)
        .chain(&de.imperative_particles)
        .collect();
    Cues {
        predicate: build(de.predicate_cues.iter().collect(), StartKind::Unanchored),
        markers: build(markers, StartKind::Anchored),
        speech: build(de.speech_verbs.iter().collect(), StartKind::Anchored),
        result: build(de.result_verbs.iter().collect(), StartKind::Anchored),
    }
});

/// Whether some word of `automaton` (built anchored) starts `text`.
fn starts_with_any(automaton: &AhoCorasick, text: &str) -> bool {
    automaton.is_match(Input::new(text).anchored(Anchored::Yes))
}

/// Whether a marker of a predicate verb (了, 着, a directional complement, 吧) follows
/// within the next four characters (after a verb of one to three): the cheap test before
/// the adverbial frame is looked at with words.
fn adverbial_cue(following: &str) -> bool {
    starts_with_any(&CUES.speech, following)
        || starts_with_any(&CUES.result, following)
        || following
            .char_indices()
            .skip(1)
            .take(3)
            .any(|(i, _)| starts_with_any(&CUES.markers, &following[i..]))
}

#[cfg(test)]
mod tests {
    /// Whether the clause around the first `particle` of `text` would be segmented.
    fn segmented(text: &str, particle: char) -> bool {
        let at = text.find(particle).expect("the particle is in the text");
        let following = &text[at + particle.len_utf8()..];
        let after = super::super::misused_de::clause_rest(following);
        super::worth_segmenting(text, at, particle, &text[..at], following, after)
    }

    #[test]
    fn the_clause_end_is_looked_for_a_bounded_way_on() {
        // Each particle looks at most LOOKAHEAD characters on, so a clause of thousands of
        // particles costs in proportion to its length.
        let long = "认真的学习了".repeat(100);
        let (ends, clause_end) = super::particle_ends(&long, 0, '的');
        assert_eq!(clause_end, super::LOOKAHEAD * "的".len());
        assert_eq!(ends.count(), 11);
        let short = "认真的学习了，的";
        let (ends, clause_end) = super::particle_ends(short, 0, '的');
        assert_eq!((ends.count(), clause_end), (1, "认真的学习了".len()));
    }

    #[test]
    fn the_lexicon_spares_segmenting_clauses_no_frame_fits() {
        // No verb after 的, no noun ending the clause after 得.
        assert!(!segmented("把党的路线落到实处，", '的'));
        assert!(!segmented("取得了显著成效，", '得'));
        // A verb after 的, a noun after 得: the clause is read as words.
        assert!(segmented("全体干部认真的学习了党章，", '的'));
        assert!(segmented("明天有一件很重要得事，", '得'));
        // 目的的: the words may put the particle the rule reads at the second 的.
        assert!(segmented("为达到目的的学习了很久，", '的'));
    }
}
