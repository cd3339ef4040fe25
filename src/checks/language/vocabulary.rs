//! The word lists of `rules/language.toml` that L102 (duplicated-word) and L104
//! (misused-de) read, parsed once on first use.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "duplicated-word")]
    duplicated_word: Duplicates,
    #[serde(rename = "misused-de")]
    misused_de: MisusedDe,
}

/// `[duplicated-word]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Duplicates {
    /// Function characters that never double (的的, 在在).
    pub function_characters: String,
    /// Two-character verbs that may double as ABAB (研究研究).
    pub reduplicable: Vec<String>,
    /// Degree words: a phrase starting with one said twice is emphasis (很远很远).
    pub emphatic_starts: Vec<String>,
    /// Reduplicated adverbs that never end a clause: written there, a character was typed
    /// twice (会议精神时时，).
    pub never_clause_final: Vec<String>,
    /// Groups of verbs that mean the same: two of one group side by side repeat themselves.
    pub synonyms: Vec<Synonyms>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonyms {
    pub words: Vec<String>,
    pub source: String,
}

/// `[misused-de]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MisusedDe {
    /// Degree adverbs that open a complement after 的 (做的很好).
    pub degree_adverbs: Vec<String>,
    /// Adjectives that are complements when they end a clause after 动词+的 (讲的清楚).
    pub complements: Vec<String>,
    /// Aspect particles that make the word before them a predicate verb (学习了).
    pub aspect_particles: Vec<String>,
    /// Directional and result complements that do the same (跑到, 写完).
    pub verb_complements: Vec<String>,
    /// Clause-final particles of a command (放松吧).
    pub imperative_particles: Vec<String>,
    /// Verbs of saying: after a modifier and 的 they are predicates (高兴的说).
    pub speech_verbs: Vec<String>,
    /// Verbs with the result complement 好 built in (做好, 抓好): always predicates, so a
    /// modifier + 的 before them is adverbial (高效的做好 → 高效地做好).
    pub result_verbs: Vec<String>,
    /// Adverbs that never modify a noun: 尽可能的 + verb is adverbial.
    pub adverbs: Vec<String>,
    /// Degree adverbs that never modify a noun: 非常的高兴 is adverbial.
    pub intensifiers: Vec<String>,
    /// Personal pronouns: 的 joins them to a noun they possess (我的书, not 我地书).
    pub personal_pronouns: Vec<String>,
    /// Degree complements that end a clause after an adjective or verb (好得很, 热得不得了).
    pub degree_complements: Vec<String>,
    /// Modal verbs and adverbs that open a predicate: a modifier + 的 + verb after them is
    /// adverbial (都很快的跑, 要认真的学习).
    pub predicate_cues: Vec<String>,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| crate::rules_files::read("rules/language.toml"))
}

pub fn duplicates() -> &'static Duplicates {
    &file().duplicated_word
}

pub fn misused_de() -> &'static MisusedDe {
    &file().misused_de
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::lexicon;

    #[test]
    fn the_lists_parse_and_name_known_words() {
        let dup = duplicates();
        assert!(dup.function_characters.contains('的'));
        for word in dup
            .reduplicable
            .iter()
            .chain(dup.synonyms.iter().flat_map(|s| &s.words))
        {
            assert!(lexicon().contains(word), "{word} is not in the lexicon");
        }
        assert!(dup
            .synonyms
            .iter()
            .all(|s| s.words.len() >= 2 && !s.source.is_empty()));
        let de = misused_de();
        assert!(de.degree_adverbs.iter().any(|a| a == "很"));
        assert!(de.complements.iter().any(|a| a == "清楚"));
        assert_eq!(de.aspect_particles, ["了", "着"]);
    }
}
