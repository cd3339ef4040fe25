//! Builds the index of four-character set phrases that L103 (broken-set-phrase) compares
//! text against: every idiom (成语, tag `i`) of four characters in the lexicon at least
//! `MIN_IDIOM_FREQ` frequent, and the 公文 set phrases of `rules/set-phrases.txt`. A written phrase one character away from one of
//! them keeps its first two or its last two characters in place, and one with two
//! neighbours swapped keeps its first two, its last two, or its first and last. So each
//! phrase is filed under those three pairs, each in its own table, with the two characters
//! that complete it (`src/words/set_phrases.rs`). Written to `$OUT_DIR/set-phrases.bin`:
//!
//! ```text
//! u32 P, the number of phrases; u32 MIN_IDIOM_FREQ
//! u32 L, then L phrases of rules/set-phrases.txt (u64 each, `phrase_key`, sorted)
//! u32 log2 of SLOTS, then two bitsets of SLOTS slots (`slot_of` the pair): two bits a
//!   slot (a first two characters, a last two), then one bit a slot (a first and last)
//! u32 log2 of the buckets B of each table, then 3 tables (first two characters, last two,
//!   first and last), each B + 1 bucket offsets (u32) and P entries (u64)
//! ```
//!
//! An entry is `pair << 32 | x << 16 | y`, x and y the phrase's other two characters in
//! order. A table's entries are sorted by bucket (`bucket_of` the pair), then in phrase
//! order (code points); bucket b's entries are those from offset b to offset b + 1. The
//! bitsets turn away three windows of text in four before any bucket is read (a bucket
//! holds a few entries of other pairs). Only phrases of characters in the Basic Multilingual Plane are
//! indexed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The 公文 set phrases: one phrase per line, `#` comments naming the source.
pub const SET_PHRASES: &str = "rules/set-phrases.txt";

/// Frequency and tag given to a phrase of `rules/set-phrases.txt` that the lexicon lacks.
pub const DEFAULT_ENTRY: (u64, &str) = (100, "l");

/// The phrases listed in `rules/set-phrases.txt`, in file order.
pub fn read_list(text: &str) -> Vec<&str> {
    let mut phrases = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        assert!(
            line.chars().count() == 4 && line.chars().all(|c| u32::from(c) <= 0xFFFF),
            "{SET_PHRASES}:{}: “{line}” is not a phrase of four characters",
            number + 1
        );
        phrases.push(line);
    }
    phrases
}

/// Slots of the bitsets (a power of two): under 4 % of them hold a pair of a kind.
pub const SLOTS: u32 = 1 << 19;

/// The slot of a character pair in the bitsets (also in `src/words/set_phrases.rs`).
pub fn slot_of(pair: u32) -> usize {
    (pair.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize
}

/// The bucket of a table a pair's entries are in (also in `src/words/set_phrases.rs`).
pub fn bucket_of(pair: u32, buckets_log2: u32) -> usize {
    (pair.wrapping_mul(0x85EB_CA77) >> (32 - buckets_log2)) as usize
}

/// A phrase as one number, four 16-bit characters in order (also in
/// `src/words/set_phrases.rs`).
pub fn phrase_key(chars: [u32; 4]) -> u64 {
    chars.iter().fold(0, |key, &c| key << 16 | u64::from(c))
}

/// Idioms of the lexicon rarer than this are left out: L103 does not suggest them (jieba
/// holds many obscure variants at frequency 3, such as 铭诸肺腑 beside the current
/// 铭之肺腑), and four in five of its idioms are that rare, so the index is a fifth of the
/// size and turns away more text at its first read.
pub const MIN_IDIOM_FREQ: u64 = 10;

/// A table's pair and the two other characters of a phrase, as `pair << 16 | …` numbers.
type Layout = fn([u32; 4]) -> (u32, u32);

/// Writes `out/set-phrases.bin` from the lexicon's words and the listed phrases.
pub fn build(words: &BTreeMap<&str, (u64, &str)>, listed: &[&str], out: &Path) {
    let listed_set: BTreeSet<&str> = listed.iter().copied().collect();
    let mut phrases: Vec<[u32; 4]> = Vec::new();
    for (word, &(freq, tag)) in words {
        let chars: Vec<u32> = word.chars().map(u32::from).collect();
        if ((tag == "i" && freq >= MIN_IDIOM_FREQ) || listed_set.contains(word))
            && chars.len() == 4
            && chars.iter().all(|&c| c <= 0xFFFF)
        {
            phrases.push([chars[0], chars[1], chars[2], chars[3]]);
        }
    }
    // `words` is in string order, which is code point order: so is `phrases`.
    let count = |n: usize| u32::try_from(n).expect("few phrases").to_le_bytes();
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&count(phrases.len()));
    bytes.extend_from_slice(&u32::try_from(MIN_IDIOM_FREQ).expect("small").to_le_bytes());
    let mut listed_keys: Vec<u64> = listed_set
        .iter()
        .map(|p| {
            let c: Vec<u32> = p.chars().map(u32::from).collect();
            phrase_key([c[0], c[1], c[2], c[3]])
        })
        .collect();
    listed_keys.sort_unstable();
    bytes.extend_from_slice(&count(listed_keys.len()));
    for key in listed_keys {
        bytes.extend_from_slice(&key.to_le_bytes());
    }

    // (pair, other two) of each table: first two, last two, first and last.
    let layouts: [Layout; 3] = [
        |c| (c[0] << 16 | c[1], c[2] << 16 | c[3]),
        |c| (c[2] << 16 | c[3], c[0] << 16 | c[1]),
        |c| (c[0] << 16 | c[3], c[1] << 16 | c[2]),
    ];
    // Two bits a slot for the first two and the last two characters (the same pair is
    // looked up as both, two characters apart), one for the first and last.
    bytes.extend_from_slice(&SLOTS.trailing_zeros().to_le_bytes());
    let mut pair_bits = vec![0u8; (2 * SLOTS / 8) as usize];
    let mut ends_bits = vec![0u8; (SLOTS / 8) as usize];
    for &phrase in &phrases {
        for (layout, bit) in [(layouts[0], 0), (layouts[1], 1)] {
            let slot = slot_of(layout(phrase).0);
            pair_bits[slot / 4] |= 1 << (2 * (slot % 4) + bit);
        }
        let slot = slot_of(layouts[2](phrase).0);
        ends_bits[slot / 8] |= 1 << (slot % 8);
    }
    bytes.extend_from_slice(&pair_bits);
    bytes.extend_from_slice(&ends_bits);
    // About three entries a bucket: one or two cache lines.
    let buckets_log2 = (phrases.len() / 3).next_power_of_two().trailing_zeros();
    bytes.extend_from_slice(&buckets_log2.to_le_bytes());
    for layout in layouts {
        let mut entries: Vec<(usize, u64)> = phrases
            .iter()
            .map(|&phrase| {
                let (pair, other) = layout(phrase);
                (
                    bucket_of(pair, buckets_log2),
                    u64::from(pair) << 32 | u64::from(other),
                )
            })
            .collect();
        // Stable: phrase order within a bucket.
        entries.sort_by_key(|&(bucket, _)| bucket);
        let mut next = 0;
        for bucket in 0..=1usize << buckets_log2 {
            while next < entries.len() && entries[next].0 < bucket {
                next += 1;
            }
            bytes.extend_from_slice(&count(next));
        }
        for (_, entry) in entries {
            bytes.extend_from_slice(&entry.to_le_bytes());
        }
    }
    fs::write(out.join("set-phrases.bin"), bytes).expect("OUT_DIR is writable");
}
