//! Which characters a character may have been typed for: same sound, same sound with
//! another tone, a sound that fuzzy-pinyin IMEs merge (z/zh, c/ch, s/sh, l/n, f/h, -n/-ng),
//! or a similar shape. The table is generated (`confusion_table.rs`, see
//! scripts/spelling-tables.sh and docs/KNOWLEDGE.md): sorted by character, looked up by
//! binary search, nothing built at start-up.

#[path = "confusion_table.rs"]
mod table;

/// How a candidate resembles the written character, likeliest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Similarity {
    /// Same syllable and tone.
    SameSound,
    /// Same syllable, another tone.
    OtherTone,
    /// A syllable fuzzy-pinyin IMEs merge with it.
    NearSound,
    /// Similar shape.
    SimilarShape,
    /// Not a candidate of the table: two characters written in the wrong order.
    Swapped,
}

impl Similarity {
    /// How it is said in a message: “布”与“部”音同.
    pub fn describe(self) -> &'static str {
        match self {
            Self::SameSound => "音同",
            Self::OtherTone => "音近（声调不同）",
            Self::NearSound => "音近",
            Self::SimilarShape => "形近",
            Self::Swapped => "前后颠倒",
        }
    }
}

/// The candidates for `c`, each with how it resembles `c`.
pub fn candidates(c: char) -> impl Iterator<Item = (char, Similarity)> {
    let row = table::CONFUSIONS
        .binary_search_by_key(&c, |row| row.0)
        .ok()
        .map(|i| table::CONFUSIONS[i]);
    let lists = row.map_or(["", "", "", ""], |(_, same, tone, near, shape)| {
        [same, tone, near, shape]
    });
    let kinds = [
        Similarity::SameSound,
        Similarity::OtherTone,
        Similarity::NearSound,
        Similarity::SimilarShape,
    ];
    lists
        .into_iter()
        .zip(kinds)
        .flat_map(|(list, kind)| list.chars().map(move |x| (x, kind)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(c: char, x: char) -> Option<Similarity> {
        candidates(c).find(|&(y, _)| y == x).map(|(_, k)| k)
    }

    #[test]
    fn sound_and_shape_candidates() {
        assert_eq!(kind('布', '部'), Some(Similarity::SameSound));
        assert_eq!(kind('无', '舞'), Some(Similarity::OtherTone));
        // -n/-ng and z/zh as fuzzy-pinyin IMEs merge them.
        assert_eq!(kind('应', '因'), Some(Similarity::NearSound));
        assert_eq!(kind('于', '干'), Some(Similarity::SimilarShape));
        assert_eq!(kind('末', '未'), Some(Similarity::SimilarShape));
        assert_eq!(kind('布', '布'), None);
        assert_eq!(candidates('a').count(), 0);
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(table::CONFUSIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
