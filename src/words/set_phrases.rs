//! Four-character set phrases — the lexicon's idioms (成语, tag `i`) and the 公文 set
//! phrases of `rules/set-phrases.txt` — indexed so that the phrases one character (or one
//! swap of neighbours) away from four written characters are found in a few binary
//! searches. The index is built by `build/set_phrases.rs` and embedded; nothing is parsed at
//! start-up beyond reading three counts.
//!
//! A phrase with one character changed keeps its first two or its last two characters, and
//! one with its middle characters swapped keeps its first and last: three bitsets of those
//! character pairs let [`SetPhrases::near`] give up on most text after three probes. The
//! keys that remain are tested against a blocked Bloom filter (one u64 word each) before a
//! binary search; nine in ten searches that used to find nothing are not made.

use std::sync::OnceLock;

use crate::table_bytes::{u32_at, u64_at, Sections};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/set-phrases.bin"));

/// Bytes of one phrase record: four UTF-16 units and a flags word.
const PHRASE_BYTES: usize = 10;

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

/// The embedded index.
pub struct SetPhrases {
    phrases: &'static [u8],
    keys: &'static [u8],
    indices: &'static [u8],
    /// First two characters, last two, first and last.
    bitsets: [&'static [u8]; 3],
    /// log2 of the bits of each of `bitsets`.
    bits_log2: u32,
    /// The masked keys' blocked Bloom filter: three bits of one little-endian u64 each.
    key_bits: &'static [u8],
    key_bits_log2: u32,
}

/// The index, shared by every rule and thread.
pub fn set_phrases() -> &'static SetPhrases {
    static INDEX: OnceLock<SetPhrases> = OnceLock::new();
    INDEX.get_or_init(|| SetPhrases::read(BYTES))
}

impl SetPhrases {
    fn read(bytes: &'static [u8]) -> Self {
        let mut sections = Sections::new(bytes);
        let count = sections.u32() as usize;
        let phrases = sections.take(count * PHRASE_BYTES);
        let key_count = sections.u32() as usize;
        let keys = sections.take(key_count * 8);
        let indices = sections.take(key_count * 4);
        let bits_log2 = sections.u32();
        let key_bits_log2 = sections.u32();
        let size = (1usize << bits_log2) / 8;
        let index = Self {
            phrases,
            keys,
            indices,
            bitsets: [
                sections.take(size),
                sections.take(size),
                sections.take(size),
            ],
            bits_log2,
            key_bits: sections.take((1usize << key_bits_log2) / 8),
            key_bits_log2,
        };
        sections.finish("set-phrase index");
        index
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len() / PHRASE_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    fn phrase(&self, index: usize) -> Phrase {
        let record = &self.phrases[index * PHRASE_BYTES..(index + 1) * PHRASE_BYTES];
        let unit = |k: usize| u16::from_le_bytes([record[2 * k], record[2 * k + 1]]);
        Phrase {
            chars: std::array::from_fn(|k| char::from_u32(u32::from(unit(k))).unwrap_or('\0')),
            listed: unit(4) & 1 == 1,
        }
    }

    /// Whether a phrase has the pair (`a`, `b`) in the places bitset `which` records
    /// (the same hash as `build/set_phrases.rs`).
    fn may_hold(&self, which: usize, a: u32, b: u32) -> bool {
        let bit = ((a << 16 | b).wrapping_mul(0x9E37_79B1) >> (32 - self.bits_log2)) as usize;
        self.bitsets[which][bit / 8] & (1 << (bit % 8)) != 0
    }

    /// The key of the phrases that have `rest` at the positions other than `position`.
    fn key(position: usize, rest: [u32; 3]) -> u64 {
        (position as u64) << 48
            | u64::from(rest[0]) << 32
            | u64::from(rest[1]) << 16
            | u64::from(rest[2])
    }

    /// Whether some phrase may have the masked key `key`: its three bits are set in its
    /// word of the filter (the same hash as `build/set_phrases.rs`).
    fn may_have_key(&self, key: u64) -> bool {
        let hash = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let word = (hash >> (64 - (self.key_bits_log2 - 6))) as usize;
        let bits = 1 << (hash & 63) | 1 << ((hash >> 6) & 63) | 1 << ((hash >> 12) & 63);
        u64_at(self.key_bits, word * 8) & bits == bits
    }

    /// Calls `each` with every phrase filed under `key`, in order.
    fn with_key(&self, key: u64, mut each: impl FnMut(Phrase)) {
        let count = self.keys.len() / 8;
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if u64_at(self.keys, mid * 8) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while lo < count && u64_at(self.keys, lo * 8) == key {
            each(self.phrase(u32_at(self.indices, lo * 4) as usize));
            lo += 1;
        }
    }

    /// Every indexed phrase that `written` would be with one character changed or two
    /// neighbours swapped (never `written` itself), with how it differs.
    pub fn near(&self, written: [char; 4], mut found: impl FnMut(Phrase, Change)) {
        if written.iter().any(|&c| u32::from(c) > 0xFFFF) {
            return;
        }
        let c = written.map(u32::from);
        let head = self.may_hold(0, c[0], c[1]);
        let tail = self.may_hold(1, c[2], c[3]);
        let ends = self.may_hold(2, c[0], c[3]);
        if !(head || tail || ends) {
            return;
        }
        // A substitution at 0 or 1 keeps the last two characters, at 2 or 3 the first two.
        for (position, kept) in [(0, tail), (1, tail), (2, head), (3, head)] {
            let mut rest = [0; 3];
            for (slot, k) in (0..4).filter(|&k| k != position).enumerate() {
                rest[slot] = c[k];
            }
            let key = Self::key(position, rest);
            if !kept || !self.may_have_key(key) {
                continue;
            }
            self.with_key(key, |phrase| {
                if phrase.chars[position] != written[position] {
                    found(phrase, Change::Substituted(position));
                }
            });
        }
        // Swaps: look the swapped sequence up whole (its last character masked). Swapping
        // the first two keeps the last two in place, and so on.
        for (first, kept) in [(0, tail), (1, ends), (2, head)] {
            let mut s = written;
            s.swap(first, first + 1);
            let key = Self::key(3, [u32::from(s[0]), u32::from(s[1]), u32::from(s[2])]);
            if !kept || s == written || !self.may_have_key(key) {
                continue;
            }
            self.with_key(key, |phrase| {
                if phrase.chars == s {
                    found(phrase, Change::Swapped(first));
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
        assert!(set_phrases().len() > 20_000);
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

    #[test]
    fn a_phrase_is_not_near_itself_and_unrelated_text_finds_nothing() {
        assert!(!near("迫在眉睫").iter().any(|(p, _)| p == "迫在眉睫"));
        assert_eq!(near("我们今天"), Vec::new());
    }
}
