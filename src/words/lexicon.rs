//! The word list with frequencies: jieba's dictionary (`data/jieba/dict.txt`, MIT), built
//! into an fst map by `build.rs` and embedded in the binary, so it is ready without any
//! parsing at start-up ([`lexicon`] costs a header check).

use std::sync::OnceLock;

use fst::raw::{Fst, Output};
use fst::{IntoStreamer, Map, Streamer};

include!(concat!(env!("OUT_DIR"), "/lexicon_meta.rs"));

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));

/// What the lexicon says about one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Count in jieba's reference corpus (a word of the dictionary may have 0).
    pub freq: u64,
    tag: u8,
}

impl Entry {
    fn from_value(value: u64) -> Self {
        Self {
            freq: value >> 8,
            tag: (value & 0xff) as u8,
        }
    }

    /// The part-of-speech tag (ICTCLAS set as used by jieba: `n` noun, `v` verb, `a`
    /// adjective, `d` adverb, `i` idiom 成语, `l` fixed expression, `nr` person name, `ns`
    /// place name, `nt` organisation, `m` numeral, `q` classifier …).
    pub fn tag(&self) -> &'static str {
        TAGS.get(usize::from(self.tag)).copied().unwrap_or("")
    }
}

/// The embedded lexicon.
pub struct Lexicon {
    map: Map<&'static [u8]>,
}

/// The lexicon, shared by every rule and thread.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        map: Map::new(BYTES).expect("build.rs wrote a valid fst"),
    })
}

impl Lexicon {
    /// The word's entry, if it is in the lexicon.
    pub fn get(&self, word: &str) -> Option<Entry> {
        self.map.get(word).map(Entry::from_value)
    }

    /// The word's frequency; 0 when absent.
    pub fn freq(&self, word: &str) -> u64 {
        self.get(word).map_or(0, |e| e.freq)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.map.contains_key(word)
    }

    /// Sum of every word's frequency: the denominator of a word's probability.
    pub fn total(&self) -> u64 {
        TOTAL
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        WORDS
    }

    pub fn is_empty(&self) -> bool {
        WORDS == 0
    }

    /// Every word that starts with `prefix`, in byte order, with its entry.
    pub fn words_with_prefix(&self, prefix: &str) -> Vec<(String, Entry)> {
        let matcher = fst::automaton::Str::new(prefix);
        let mut stream = self
            .map
            .search(fst::Automaton::starts_with(matcher))
            .into_stream();
        let mut found = Vec::new();
        while let Some((key, value)) = stream.next() {
            if let Ok(word) = std::str::from_utf8(key) {
                found.push((word.to_string(), Entry::from_value(value)));
            }
        }
        found
    }

    /// Calls `found(end, entry)` for every word of the lexicon that is `text[start..end]`
    /// with `end <= limit`, shortest first: the edges of jieba's DAG, in one walk down
    /// the automaton.
    pub fn words_at(
        &self,
        text: &str,
        start: usize,
        limit: usize,
        mut found: impl FnMut(usize, Entry),
    ) {
        let fst: &Fst<&'static [u8]> = self.map.as_fst();
        let bytes = &text.as_bytes()[start..limit.min(text.len())];
        let mut node = fst.root();
        let mut output = Output::zero();
        for (i, &byte) in bytes.iter().enumerate() {
            let Some(index) = node.find_input(byte) else {
                return;
            };
            let transition = node.transition(index);
            output = output.cat(transition.out);
            node = fst.node(transition.addr);
            // A key is valid UTF-8, so a key equal to a prefix of `text` ends on a
            // character boundary.
            if node.is_final() {
                found(
                    start + i + 1,
                    Entry::from_value(output.cat(node.final_output()).value()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_common_words_their_frequency_and_tag() {
        let lexicon = lexicon();
        assert!(lexicon.len() > 300_000);
        assert!(lexicon.contains("部署"));
        assert!(lexicon.freq("部署") > 1000);
        assert_eq!(lexicon.get("部署").unwrap().tag(), "n");
        assert_eq!(lexicon.get("纲举目张").unwrap().tag(), "i");
        assert_eq!(lexicon.freq("布暑"), 0);
        assert!(!lexicon.contains("布暑"));
        assert!(lexicon.total() > 60_000_000);
    }

    #[test]
    fn lists_the_words_that_start_at_a_position() {
        let text = "中华人民共和国成立";
        let mut ends = Vec::new();
        lexicon().words_at(text, 0, text.len(), |end, _| ends.push(&text[..end]));
        assert_eq!(ends, ["中", "中华", "中华人民", "中华人民共和国"]);
        let mut limited = Vec::new();
        lexicon().words_at(text, 0, 12, |end, _| limited.push(&text[..end]));
        assert_eq!(limited, ["中", "中华", "中华人民"]);
    }

    #[test]
    fn iterates_words_by_prefix() {
        let words = lexicon().words_with_prefix("纲举");
        assert!(words.iter().any(|(w, _)| w == "纲举目张"), "{words:?}");
        assert!(words.iter().all(|(w, _)| w.starts_with("纲举")));
    }
}
