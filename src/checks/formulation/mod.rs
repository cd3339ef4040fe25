//! Family `formulation` (F): non-standard political formulations, corrupted set
//! phrases and commonly confused words, from `rules/terms.toml`.

include!(concat!(env!("OUT_DIR"), "/checks_formulation.rs"));

use crate::checks::Checker;
use crate::diagnostic::Span;
use crate::knowledge::Target;

/// The mentions that name an entry of one table, with the entry's index: `pick` maps a
/// mention's target to that index ("Target::SetPhrase(i) => Some(i)"). A mention that
/// starts or ends inside a word (迁徒 in 拆迁徒增, 布署 in 宣布署长) is not one, unless its
/// entry says `crosses-words`; a `pattern` match describes its own right-hand context
/// (截止2022年底), so only its start is checked.
pub(crate) fn entries(
    cx: &Checker<'_>,
    pick: impl Fn(Target) -> Option<usize>,
) -> Vec<(Span, usize)> {
    cx.context
        .mentions
        .iter()
        .filter_map(|m| pick(m.target).map(|i| (Span::new(m.start, m.end), m.target, i)))
        .filter(|&(span, target, _)| on_word_boundaries(cx, span, target))
        .map(|(span, _, i)| (span, i))
        .collect()
}

/// Whether a mention of a formulation, set phrase or confusable lines up with the words
/// of the text as its entry requires.
fn on_word_boundaries(cx: &Checker<'_>, span: Span, target: Target) -> bool {
    let knowledge = cx.context.knowledge;
    let (crosses, pattern) = match target {
        Target::Formulation(i) => (knowledge.formulations[i].crosses_words, false),
        Target::SetPhrase(i) => (knowledge.set_phrases[i].crosses_words, false),
        Target::Confusable(i) => {
            let entry = &knowledge.confusables[i];
            (entry.crosses_words, entry.pattern.is_some())
        }
        Target::Event(_) | Target::Superseded(_) => return true,
    };
    crosses
        || cx.views.words.is_boundary(span.start)
            && (pattern || cx.views.words.is_boundary(span.end))
}

/// The byte ranges where `wrong` and `right` differ, after their common prefix and
/// suffix: (start, end) in `wrong`, and the differing part of `right`.
pub(crate) fn difference<'r>(wrong: &str, right: &'r str) -> (usize, usize, &'r str) {
    let prefix: usize = wrong
        .chars()
        .zip(right.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = wrong[prefix..]
        .chars()
        .rev()
        .zip(right[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
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
