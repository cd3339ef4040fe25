//! Every rule, sorted by code, and lookup by code, name or family.

use std::sync::LazyLock;

use super::{formulation, gwlint, numbering, structure, timeliness, typography, Rule};
use crate::diagnostic::Family;

/// Each family lists its own rules (`RULES` in its module); this joins them.
static RULES: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
    [
        numbering::RULES,
        structure::RULES,
        typography::RULES,
        timeliness::RULES,
        formulation::RULES,
        gwlint::RULES,
    ]
    .concat()
});

/// All rules, in registry order.
pub fn all() -> &'static [&'static dyn Rule] {
    &RULES
}

/// The rule with this code ("N105") or name ("nonstandard-marker"), case-insensitively.
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| {
        r.meta().code.eq_ignore_ascii_case(key) || r.meta().name.eq_ignore_ascii_case(key)
    })
}

/// Rules selected by a key: "ALL", a family name or letter ("numbering", "N"),
/// a code prefix ("N1"), a code or a name. None when nothing matches.
pub fn select(key: &str) -> Option<Vec<&'static dyn Rule>> {
    let key = key.trim();
    if key.eq_ignore_ascii_case("all") {
        return Some(RULES.clone());
    }
    if let Some(rule) = find(key) {
        return Some(vec![rule]);
    }
    if let Some(family) = Family::from_name(key) {
        return Some(
            RULES
                .iter()
                .copied()
                .filter(|r| r.meta().family == family)
                .collect(),
        );
    }
    let prefix: Vec<_> = RULES
        .iter()
        .copied()
        .filter(|r| {
            r.meta().code.len() > key.len()
                && r.meta()
                    .code
                    .to_ascii_uppercase()
                    .starts_with(&key.to_ascii_uppercase())
        })
        .collect();
    (!prefix.is_empty() && !key.is_empty()).then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_match_their_family() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| (family_rank(c), c.to_string()));
        assert_eq!(
            codes, sorted,
            "registry must be grouped by family and sorted by code"
        );
        let mut names: Vec<&str> = RULES.iter().map(|r| r.meta().name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len(), "rule names must be unique");
        for r in RULES.iter() {
            let m = r.meta();
            assert_eq!(m.code.chars().next(), Some(m.family.letter()), "{}", m.code);
            assert_eq!(m.code.len(), 4, "{}", m.code);
            assert!(
                m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                m.name
            );
            assert!(
                m.docs.contains("## 为什么")
                    && m.docs.contains("## 示例")
                    && m.docs.contains("应写作"),
                "{} docs",
                m.code
            );
        }
    }

    fn family_rank(code: &str) -> usize {
        "NSTRFG".find(&code[..1]).unwrap_or(9)
    }

    #[test]
    fn selection_by_family_prefix_code_and_name() {
        assert_eq!(select("N105").map(|v| v.len()), Some(1));
        assert_eq!(
            select("nonstandard-marker").map(|v| v[0].meta().code),
            Some("N105")
        );
        assert!(
            select("numbering").is_some_and(|v| v.iter().all(|r| r.meta().code.starts_with('N')))
        );
        assert!(select("S").is_some_and(|v| v.iter().all(|r| r.meta().code.starts_with('S'))));
        assert!(select("N10").is_some_and(|v| v.len() >= 9));
        assert!(select("X999").is_none());
    }
}
