//! Family `formulation` (F): non-standard political formulations, corrupted set
//! phrases and commonly confused words, from `rules/terms.toml`.

include!(concat!(env!("OUT_DIR"), "/checks_formulation.rs"));

use crate::checks::Checker;
use crate::diagnostic::Span;
use crate::knowledge::Target;

/// The mentions that name an entry of one table, with the entry's index: `pick` maps a
/// mention's target to that index ("Target::SetPhrase(i) => Some(i)").
pub(crate) fn entries(
    cx: &Checker<'_>,
    pick: impl Fn(Target) -> Option<usize>,
) -> Vec<(Span, usize)> {
    cx.context
        .mentions
        .iter()
        .filter_map(|m| pick(m.target).map(|i| (Span::new(m.start, m.end), i)))
        .collect()
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
