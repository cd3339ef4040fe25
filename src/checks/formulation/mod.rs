//! Family `formulation` (F): non-standard political formulations, corrupted set
//! phrases and commonly confused words, from `rules/terms.toml`.

include!(concat!(env!("OUT_DIR"), "/checks_formulation.rs"));

use crate::checks::Checker;
use crate::diagnostic::Span;
use crate::knowledge::{Entry, Target};

/// The mentions that name an entry of table `E`, with the entry. A mention that starts
/// or ends inside a word (迁徒 in 拆迁徒增, 布署 in 宣布署长) is not one, unless its entry
/// says `crosses-words`; a `pattern` match describes its own right-hand context
/// (截止2022年底), so only its start is checked.
pub(crate) fn entries<'a, E: Entry>(cx: &Checker<'a>) -> Vec<(Span, &'a E)> {
    let table = E::table(cx.knowledge());
    cx.context
        .mentions
        .iter()
        .filter_map(|m| {
            E::index(m.target).map(|i| (Span::new(m.start, m.end), m.target, &table[i]))
        })
        .filter(|&(span, target, _)| on_word_boundaries(cx, span, target))
        .map(|(span, _, entry)| (span, entry))
        .collect()
}

/// How much more likely (natural log) the text must read with the right form in place of
/// a mention that does not line up with the words, for the mention to count anyway: in
/// 在巡察中原形必露 the segmenter makes 中原 of the characters around the misspelt
/// 原形毕露, and the correction gains ~17; a real word across the boundary (拆迁 · 徒增)
/// makes the correction lose.
const GAIN_ACROSS_WORDS: f64 = 8.0;

/// Whether a mention of a formulation, set phrase or confusable lines up with the words
/// of the text as its entry requires, or the right form reads much better there.
fn on_word_boundaries(cx: &Checker<'_>, span: Span, target: Target) -> bool {
    let knowledge = cx.knowledge();
    let words = &cx.views.words;
    let (crosses, right) = match target {
        Target::Formulation(i) => {
            let entry = &knowledge.formulations[i];
            (entry.crosses_words, Some(entry.right.as_str()))
        }
        Target::SetPhrase(i) => {
            let entry = &knowledge.set_phrases[i];
            (entry.crosses_words, Some(entry.right.as_str()))
        }
        Target::Confusable(i) => {
            let entry = &knowledge.confusables[i];
            if is_given_name(cx, span) {
                return false;
            }
            // A pattern describes its own right-hand context (截止2022年底): only its start
            // is checked.
            if entry.pattern.is_some() {
                return entry.crosses_words || words.is_boundary(span.start);
            }
            (entry.crosses_words, Some(entry.right.as_str()))
        }
        Target::Event(_) | Target::Superseded(_) => return true,
    };
    crosses
        || words.is_aligned(span)
        || right.is_some_and(|right| words.gain_of_replacing(span, right) >= GAIN_ACROSS_WORDS)
}

/// Whether a mention of one or two characters is a given name after a surname: in 王详瑞
/// the surname 王 stands as a word of its own right before 详瑞 (a confusable for 祥瑞).
/// A surname character inside a longer word (于 in 对于做为) does not count.
fn is_given_name(cx: &Checker<'_>, span: Span) -> bool {
    let text = cx.text();
    if span.slice(text).chars().count() > 2 {
        return false;
    }
    let Some(surname) = text[..span.start].chars().next_back() else {
        return false;
    };
    crate::words::names::is_surname(surname)
        && cx.views.words.is_boundary(span.start - surname.len_utf8())
        && cx.views.words.is_boundary(span.start)
}

/// The byte ranges where `wrong` and `right` differ, after their common prefix and
/// suffix: (start, end) in `wrong`, and the differing part of `right`.
pub(crate) fn difference<'r>(wrong: &str, right: &'r str) -> (usize, usize, &'r str) {
    let (prefix, suffix) = crate::diagnostic::common_ends(wrong, right);
    let right_end = right.len().saturating_sub(suffix).max(prefix);
    (prefix, wrong.len() - suffix, &right[prefix..right_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difference_finds_the_changed_characters() {
        assert_eq!(difference("群众反应强烈", "群众反映强烈"), (9, 12, "映"));
        assert_eq!(difference("各自为阵", "各自为政"), (9, 12, "政"));
        assert_eq!(difference("二十大三中全会", "二十届三中全会"), (6, 9, "届"));
    }
}
