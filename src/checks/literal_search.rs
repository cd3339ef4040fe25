//! A search of a line for a few literal strings a rule needs before it looks closer (the
//! particles 的/地/得 of L104, the characters L105's patterns need). Such strings occur on
//! most lines, so decoding every character to find them, or stepping an automaton through
//! every byte, cost several times what Teddy's vectorised search does.

use aho_corasick::{packed, AhoCorasick, MatchKind};

pub(crate) struct Literals {
    /// Teddy; `None` where the processor lacks the instructions.
    teddy: Option<packed::Searcher>,
    /// The same strings, searched the same way (leftmost-first) where Teddy is missing.
    automaton: AhoCorasick,
}

impl Literals {
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Self {
        Self {
            teddy: packed::Searcher::new(patterns),
            automaton: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(patterns)
                .expect("literal strings make an automaton"),
        }
    }

    /// Where the strings occur in `s`, left to right without overlapping, as (byte offset,
    /// index of the string).
    pub fn find_iter<'s>(&'s self, s: &'s str) -> Box<dyn Iterator<Item = (usize, usize)> + 's> {
        match &self.teddy {
            Some(teddy) => Box::new(
                teddy
                    .find_iter(s)
                    .map(|m| (m.start(), m.pattern().as_usize())),
            ),
            None => Box::new(self.find_iter_by_automaton(s)),
        }
    }

    fn find_iter_by_automaton<'s>(
        &'s self,
        s: &'s str,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let found = self.automaton.find_iter(s);
        found.map(|m| (m.start(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::Literals;

    #[test]
    fn teddy_and_the_automaton_find_the_same() {
        let literals = Literals::new(&["的", "地", "得", "以上", "以"]);
        let text = "认真的学习，跑得快，慢慢地走；的地得，以上以下以内，a以b。\n的";
        let by_automaton: Vec<_> = literals.find_iter_by_automaton(text).collect();
        assert_eq!(by_automaton.len(), 11, "{by_automaton:?}");
        assert_eq!(literals.find_iter(text).collect::<Vec<_>>(), by_automaton);
    }
}
