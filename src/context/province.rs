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

/// The province named most often (with 省/市/自治区 after it), if one clearly leads;
/// None when no province is named or two are named equally often: then the
/// provincial-congress rules stay silent rather than guess.
pub fn infer(text: &str, knowledge: &Knowledge) -> Option<String> {
    let mut counts: Vec<(usize, &str)> = knowledge
        .province_occurrences(text)
        .into_iter()
        .map(|(name, at)| {
            let count = at
                .iter()
                .filter(|&&i| {
                    SUFFIXES
                        .iter()
                        .any(|s| text[i + name.len()..].starts_with(s))
                })
                .count();
            (count, name)
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
    }
}
