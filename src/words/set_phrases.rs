//! Four-character set phrases — the lexicon's idioms (成语, tag `i`) that are not rare and
//! the 公文 set phrases of `rules/set-phrases.txt` — indexed so that the phrases one character (or one
//! swap of neighbours) away from four written characters are found in a few reads. The
//! index is built by `build/set_phrases.rs` and embedded; nothing is parsed at start-up
//! beyond reading a few counts.
//!
//! A phrase with one character changed keeps its first two or its last two characters, and
//! one with two neighbours swapped keeps its first two, its last two, or its first and last.
//! Each phrase is filed under those three pairs, one hash table each, with its two other
//! characters, so one bucket read answers every change that keeps a pair. A bitset of each
//! table's pairs turns most text away first: [`SetPhrases::near`] runs on every four Han
//! characters, and the masked keys, their Bloom filter and the binary searches it used
//! before read five cache lines a window and cost a sixth of gwlint's time.

use std::ops::Range;
use std::sync::OnceLock;

use crate::table_bytes::{u32_at, u64_at, Sections};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/set-phrases.bin"));

/// One indexed phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub chars: [char; 4],
    /// Listed in `rules/set-phrases.txt` (a 公文 set phrase), not only an idiom of the lexicon.
    pub listed: bool,
}

impl Phrase {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// How the written characters differ from a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The character at this position (0–3) is another one.
    Substituted(usize),
    /// The characters at this position and the next are swapped.
    Swapped(usize),
}

impl Change {
    /// Whether `phrase` is `written` with this change made, and no other.
    fn turns(self, written: [u32; 4], phrase: [u32; 4]) -> bool {
        match self {
            Change::Substituted(k) => (0..4).all(|i| (phrase[i] != written[i]) == (i == k)),
            Change::Swapped(k) => {
                let mut swapped = written;
                swapped.swap(k, k + 1);
                swapped != written && phrase == swapped
            }
        }
    }
}

/// The tables, by the pair of a phrase's characters each is keyed by.
#[derive(Clone, Copy)]
enum Pair {
    /// The first two; the entry holds the last two.
    Head = 0,
    /// The last two; the entry holds the first two.
    Tail = 1,
    /// The first and last; the entry holds the middle two.
    Ends = 2,
}

impl Pair {
    const ALL: [Pair; 3] = [Pair::Head, Pair::Tail, Pair::Ends];

    /// The pair of `chars` this table is keyed by.
    fn of(self, [a, b, c, d]: [u32; 4]) -> u32 {
        match self {
            Pair::Head => a << 16 | b,
            Pair::Tail => c << 16 | d,
            Pair::Ends => a << 16 | d,
        }
    }

    /// The phrase filed under the pair of `chars` whose entry holds `x` and `y`.
    fn complete(self, [a, b, c, d]: [u32; 4], x: u32, y: u32) -> [u32; 4] {
        match self {
            Pair::Head => [a, b, x, y],
            Pair::Tail => [x, y, c, d],
            Pair::Ends => [a, x, y, d],
        }
    }
}

/// The changes [`SetPhrases::near`] looks for, in the order it reports them, each with
/// the table of the pair it keeps: a change at 0 or 1 keeps the last two characters, at
/// 2 or 3 the first two; swapping the first two keeps the last two, the middle two the
/// first and last, the last two the first two.
const CHANGES: [(Pair, Change); 7] = [
    (Pair::Tail, Change::Substituted(0)),
    (Pair::Tail, Change::Substituted(1)),
    (Pair::Head, Change::Substituted(2)),
    (Pair::Head, Change::Substituted(3)),
    (Pair::Tail, Change::Swapped(0)),
    (Pair::Ends, Change::Swapped(1)),
    (Pair::Head, Change::Swapped(2)),
];

/// One table: bucket offsets and entries `pair << 32 | x << 16 | y`.
struct Table {
    offsets: &'static [u8],
    entries: &'static [u8],
}

/// The embedded index.
pub struct SetPhrases {
    count: usize,
    /// Idioms of the lexicon rarer than this are not indexed.
    min_idiom_freq: u64,
    /// The phrases of `rules/set-phrases.txt` (`phrase_key`), sorted.
    listed: &'static [u8],
    /// Two bits a slot (`slot_of`): a phrase may begin with the pair, may end with it.
    pair_bits: &'static [u8],
    /// One bit a slot: a phrase may begin and end with the pair.
    ends_bits: &'static [u8],
    slots_log2: u32,
    buckets_log2: u32,
    /// By `Pair`.
    tables: [Table; 3],
}

/// The index, shared by every rule and thread.
pub fn set_phrases() -> &'static SetPhrases {
    static INDEX: OnceLock<SetPhrases> = OnceLock::new();
    INDEX.get_or_init(|| SetPhrases::read(BYTES))
}

/// A phrase as one number, four 16-bit characters in order (as `build/set_phrases.rs`).
fn phrase_key(chars: [u32; 4]) -> u64 {
    chars.iter().fold(0, |key, &c| key << 16 | u64::from(c))
}

impl SetPhrases {
    fn read(bytes: &'static [u8]) -> Self {
        let mut sections = Sections::new(bytes);
        let count = sections.u32() as usize;
        let min_idiom_freq = u64::from(sections.u32());
        let listed_count = sections.u32() as usize;
        let listed = sections.take(listed_count * 8);
        let slots_log2 = sections.u32();
        let pair_bits = sections.take((2usize << slots_log2) / 8);
        let ends_bits = sections.take((1usize << slots_log2) / 8);
        let buckets_log2 = sections.u32();
        let offsets_size = ((1usize << buckets_log2) + 1) * 4;
        let tables = std::array::from_fn(|_| Table {
            offsets: sections.take(offsets_size),
            entries: sections.take(count * 8),
        });
        sections.finish("set-phrase index");
        Self {
            count,
            min_idiom_freq,
            listed,
            pair_bits,
            ends_bits,
            slots_log2,
            buckets_log2,
            tables,
        }
    }

    /// The frequency an idiom of the lexicon needs to be indexed (a listed phrase needs
    /// none): rarer ones are obscure variants no one should be told to write.
    pub fn min_idiom_freq(&self) -> u64 {
        self.min_idiom_freq
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The slot of a pair in the bitsets (as `build/set_phrases.rs`).
    fn slot_of(&self, pair: u32) -> usize {
        (pair.wrapping_mul(0x9E37_79B1) >> (32 - self.slots_log2)) as usize
    }

    /// Whether some phrase may begin with `pair` (bit 0) and whether one may end with it
    /// (bit 1): never false when one does.
    fn pair_held(&self, pair: u32) -> u8 {
        let slot = self.slot_of(pair);
        self.pair_bits[slot / 4] >> (2 * (slot % 4)) & 3
    }

    /// Whether some phrase may begin and end with the characters of `pair`.
    fn ends_held(&self, pair: u32) -> bool {
        let slot = self.slot_of(pair);
        self.ends_bits[slot / 8] & (1 << (slot % 8)) != 0
    }

    /// The entries of the bucket of `pair` in `table` (of other pairs too).
    fn bucket(&self, table: Pair, pair: u32) -> Range<u32> {
        let offsets = self.tables[table as usize].offsets;
        let bucket = (pair.wrapping_mul(0x85EB_CA77) >> (32 - self.buckets_log2)) as usize;
        u32_at(offsets, bucket * 4)..u32_at(offsets, bucket * 4 + 4)
    }

    /// Calls `each` with the two other characters of every phrase filed under `pair` in
    /// `table`, in phrase order, given the entries of its bucket.
    fn completions(
        &self,
        table: Pair,
        pair: u32,
        bucket: Range<u32>,
        mut each: impl FnMut(u32, u32),
    ) {
        let entries = self.tables[table as usize].entries;
        for k in bucket {
            let entry = u64_at(entries, k as usize * 8);
            if (entry >> 32) as u32 == pair {
                each((entry >> 16) as u32 & 0xFFFF, entry as u32 & 0xFFFF);
            }
        }
    }

    /// Whether some phrase filed under `pair` in `table` has other characters that `keep`
    /// accepts.
    fn any_completion(
        &self,
        table: Pair,
        pair: u32,
        bucket: Range<u32>,
        keep: impl Fn(u32, u32) -> bool,
    ) -> bool {
        let mut any = false;
        self.completions(table, pair, bucket, |x, y| any |= keep(x, y));
        any
    }

    fn phrase(&self, chars: [u32; 4]) -> Phrase {
        let key = phrase_key(chars);
        let count = self.listed.len() / 8;
        let at = |k: usize| u64_at(self.listed, k * 8);
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if at(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Phrase {
            chars: chars.map(|c| char::from_u32(c).unwrap_or('\0')),
            listed: lo < count && at(lo) == key,
        }
    }

    /// Every indexed phrase that `written` would be with one character changed or two
    /// neighbours swapped (never `written` itself), with how it differs: the changes at
    /// positions 0 to 3, then the swaps from the first pair to the last, each in phrase
    /// order.
    ///
    /// Inlined into the caller's loop: three windows in four end at the bitsets, without
    /// a call.
    #[inline]
    pub fn near(&self, written: [char; 4], found: impl FnMut(Phrase, Change)) {
        let [a, b, c, d] = written.map(u32::from);
        if (a | b | c | d) > 0xFFFF {
            return;
        }
        let (head, tail, ends) = (a << 16 | b, c << 16 | d, a << 16 | d);
        // The pair that ends this window begins the one two characters on: its bits are
        // read from the same byte, which that window finds in the cache.
        let held = [
            self.pair_held(head) & 1 != 0,
            self.pair_held(tail) & 2 != 0,
            self.ends_held(ends),
        ];
        if held != [false; 3] {
            self.near_held([a, b, c, d], held, found);
        }
    }

    /// [`near`](Self::near) of four characters some pair of which the bitsets hold.
    #[inline(never)]
    fn near_held(&self, written: [u32; 4], held: [bool; 3], found: impl FnMut(Phrase, Change)) {
        let buckets = Pair::ALL.map(|table| {
            if held[table as usize] {
                self.bucket(table, table.of(written))
            } else {
                0..0
            }
        });
        self.near_window(written, buckets, found);
    }

    /// [`near`](Self::near) of four characters given the buckets of their first two, last
    /// two, and first and last (empty when a bitset turned the pair away).
    fn near_window(
        &self,
        written: [u32; 4],
        buckets: [Range<u32>; 3],
        mut found: impl FnMut(Phrase, Change),
    ) {
        let [a, b, c, d] = written;
        let [head, tail, ends] = Pair::ALL.map(|table| table.of(written));
        let [in_head, in_tail, in_ends] = buckets.clone();
        // Most windows end here, after a bucket with nothing near.
        let near_head = self.any_completion(Pair::Head, head, in_head, |x, y| {
            y == d || x == c || (x, y) == (d, c)
        });
        let near_tail = self.any_completion(Pair::Tail, tail, in_tail, |x, y| {
            y == b || x == a || (x, y) == (b, a)
        });
        let near_ends = self.any_completion(Pair::Ends, ends, in_ends, |x, y| (x, y) == (c, b));
        if !(near_head || near_tail || near_ends) {
            return;
        }
        // One walk of a bucket a change, so that the changes come in the order of `CHANGES`.
        for (table, change) in CHANGES {
            let bucket = buckets[table as usize].clone();
            self.completions(table, table.of(written), bucket, |x, y| {
                let phrase = table.complete(written, x, y);
                if change.turns(written, phrase) {
                    found(self.phrase(phrase), change);
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(written: &str) -> Vec<(String, Change)> {
        let chars: Vec<char> = written.chars().collect();
        let mut out = Vec::new();
        set_phrases().near(chars.try_into().expect("four characters"), |p, change| {
            out.push((p.text(), change));
        });
        out
    }

    #[test]
    fn finds_idioms_and_listed_phrases_one_character_away() {
        assert!(set_phrases().len() > 4_000);
        assert!(near("迫在眉捷").contains(&("迫在眉睫".to_string(), Change::Substituted(3))));
        assert!(near("真抓实于").contains(&("真抓实干".to_string(), Change::Substituted(3))));
        assert!(near("一愁莫展").contains(&("一筹莫展".to_string(), Change::Substituted(1))));
    }

    #[test]
    fn finds_swapped_neighbours_and_marks_listed_phrases() {
        let found = near("真实抓干");
        assert!(
            found.contains(&("真抓实干".to_string(), Change::Swapped(1))),
            "{found:?}"
        );
        let mut listed = None;
        set_phrases().near(['守', '正', '创', '心'], |p, _| {
            if p.text() == "守正创新" {
                listed = Some(p.listed);
            }
        });
        assert_eq!(listed, Some(true));
    }

    /// Every phrase is found from each of its one-character changes and swaps, however
    /// many phrases share its pairs (a block holds eight; 不可 begins dozens of idioms).
    #[test]
    fn every_phrase_is_found_from_each_change_and_each_swap() {
        let listed: Vec<&str> = include_str!("../../rules/set-phrases.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut phrases: Vec<(Vec<char>, bool)> = crate::words::lexicon()
            .words_with_prefix("")
            .into_iter()
            .filter(|(word, entry)| {
                (entry.tag() == "i" && entry.freq >= set_phrases().min_idiom_freq())
                    || listed.contains(&word.as_str())
            })
            .map(|(word, _)| {
                (
                    word.chars().collect::<Vec<char>>(),
                    listed.contains(&word.as_str()),
                )
            })
            .filter(|(chars, _)| chars.len() == 4 && chars.iter().all(|&c| u32::from(c) <= 0xFFFF))
            .collect();
        assert_eq!(phrases.len(), set_phrases().len());
        assert!(
            phrases
                .iter()
                .filter(|(c, _)| c[..2] == ['不', '可'])
                .count()
                > 8
        );
        // A rare variant (frequency 3) is left out, a common idiom kept.
        assert!(!phrases
            .iter()
            .any(|(c, _)| c[..] == ['铭', '诸', '肺', '腑']));
        assert!(phrases
            .iter()
            .any(|(c, _)| c[..] == ['迫', '在', '眉', '睫']));
        assert!(near("铭诸肺府").iter().all(|(p, _)| p != "铭诸肺腑"));
        phrases.sort();
        phrases.dedup();
        for (chars, listed) in &phrases {
            let phrase = Phrase {
                chars: [chars[0], chars[1], chars[2], chars[3]],
                listed: *listed,
            };
            let mut variants = Vec::new();
            for k in 0..4 {
                let mut written = phrase.chars;
                written[k] = '〇';
                variants.push((written, Change::Substituted(k)));
            }
            for k in 0..3 {
                let mut written = phrase.chars;
                written.swap(k, k + 1);
                if written != phrase.chars {
                    variants.push((written, Change::Swapped(k)));
                }
            }
            for (written, change) in variants {
                let mut found = false;
                set_phrases().near(written, |p, c| found |= p == phrase && c == change);
                assert!(found, "{} from {written:?} ({change:?})", phrase.text());
            }
        }
    }

    #[test]
    fn results_come_by_position_then_in_phrase_order() {
        // 一X不X: 一丝不苟 and 一尘不染 … differ at 1 and 3; 一心一意 at 2 and 3.
        let found = near("一丝不染");
        assert!(found.len() >= 2, "{found:?}");
        let order: Vec<(usize, String)> = found
            .iter()
            .map(|(p, c)| match c {
                Change::Substituted(k) => (*k, p.clone()),
                Change::Swapped(k) => (4 + k, p.clone()),
            })
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
        assert!(found.contains(&("一丝不苟".to_string(), Change::Substituted(3))));
        assert!(found.contains(&("一尘不染".to_string(), Change::Substituted(1))));
    }

    #[test]
    fn a_phrase_is_not_near_itself_and_unrelated_text_finds_nothing() {
        assert!(!near("迫在眉睫").iter().any(|(p, _)| p == "迫在眉睫"));
        assert_eq!(near("我们今天"), Vec::new());
    }
}
