//! What marks a person's name in 公文: the common surnames and titles of
//! `rules/spelling.toml` (`[names]`). Rules that would "correct" a character read them so
//! that 王详瑞 stays a name rather than a misspelt 祥瑞.

use std::sync::OnceLock;

use serde::Deserialize;

/// The `[names]` table (the file's other tables are not read here).
#[derive(Deserialize)]
struct File {
    names: Names,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    surnames: String,
    titles: Vec<String>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| crate::rules_files::read::<File>("rules/spelling.toml").names)
}

/// Whether `c` is one of the common single-character surnames.
pub fn is_surname(c: char) -> bool {
    names().surnames.contains(c)
}

/// The title or form of address (同志, 书记 …) that `text` starts with, if any.
pub fn title_at_start(text: &str) -> Option<&'static str> {
    names()
        .titles
        .iter()
        .filter(|t| text.starts_with(t.as_str()))
        .max_by_key(|t| t.len())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_surnames_and_titles() {
        assert!(is_surname('王'));
        assert!(!is_surname('的'));
        assert_eq!(title_at_start("副书记主持会议"), Some("副书记"));
        assert_eq!(title_at_start("同志们"), Some("同志"));
        assert_eq!(title_at_start("认真学习"), None);
    }
}
