//! The province a document belongs to, from `--province` or from place names in it.

use crate::knowledge::Knowledge;

/// Suffixes that make a province name a place name ("四川省", "广西壮族自治区").
const SUFFIXES: &[&str] = &[
    "省",
    "市",
    "自治区",
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
];

/// Whether `name` names a province of the knowledge (`--province`, `province` in
/// gwlint.toml): its short name ("四川", "广西") or the short name with its suffix
/// ("四川省", "北京市", "广西壮族自治区"). Else the accepted names, for the message.
pub fn check(name: &str, knowledge: &Knowledge) -> Result<(), String> {
    let known = knowledge.provinces().iter().any(|short| {
        name.strip_prefix(short.as_str())
            .is_some_and(|rest| rest.is_empty() || SUFFIXES.contains(&rest))
    });
    if known {
        return Ok(());
    }
    Err(format!(
        "可选（简称，或加“省”“市”“自治区”等的全称）：{}",
        knowledge.provinces().join("、")
    ))
}

/// The province named most often (with 省/市/自治区 after it), if one clearly leads;
/// None when no province is named or two are named equally often: then the
/// provincial-congress rules stay silent rather than guess.
pub fn infer(text: &str, knowledge: &Knowledge) -> Option<String> {
    // Where a suffix starts (memmem, one fast pass per suffix): a province named with
    // its suffix ends exactly there. For a name that cannot overlap itself, counting
    // these ends is counting `text.match_indices(name)` followed by a suffix, without
    // 31 scans of the text.
    let mut ends: Vec<usize> = SUFFIXES
        .iter()
        .flat_map(|s| memchr::memmem::find_iter(text.as_bytes(), s.as_bytes()))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let mut counts: Vec<(usize, &str)> = knowledge
        .provinces()
        .iter()
        .map(|name| {
            let count = if overlaps_itself(name) {
                text.match_indices(name.as_str())
                    .filter(|(i, _)| {
                        SUFFIXES
                            .iter()
                            .any(|s| text[i + name.len()..].starts_with(s))
                    })
                    .count()
            } else {
                ends.iter()
                    .filter(|&&j| text[..j].ends_with(name.as_str()))
                    .count()
            };
            (count, name.as_str())
        })
        .filter(|(c, _)| *c > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counts.as_slice() {
        [] => None,
        [(_, only)] => Some((*only).to_string()),
        [(first, name), (second, _), ..] => (first > second).then(|| (*name).to_string()),
    }
}

/// True when a proper prefix of `name` is also its suffix ("AA", "ABA"): then two
/// occurrences can overlap and only `match_indices` counts them the same way.
fn overlaps_itself(name: &str) -> bool {
    (1..name.len()).any(|k| name.as_bytes()[..k] == name.as_bytes()[name.len() - k..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_province_named_with_its_suffix_wins() {
        let k = Knowledge::embedded();
        assert_eq!(
            infer("荣获“四川省民间文化艺术之乡”称号", k).as_deref(),
            Some("四川")
        );
        assert_eq!(infer("赴四川省、浙江省学习考察", k), None);
        assert_eq!(infer("四川话说得好", k), None);
        assert_eq!(
            infer("广西壮族自治区、四川省、广西壮族自治区，山西藏", k).as_deref(),
            Some("广西")
        );
        assert!(!overlaps_itself("四川") && overlaps_itself("阿阿") && overlaps_itself("aba"));
    }
}
