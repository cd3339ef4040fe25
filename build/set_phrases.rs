//! Builds the index of four-character set phrases that L103 (broken-set-phrase) compares
//! text against: every idiom (成语, tag `i`) of four characters in the lexicon, and the 公文
//! set phrases of `rules/set-phrases.txt`. A written phrase one character away from one of
//! them shares three of its characters in place, so each phrase is filed under its four
//! "masked" keys (the three characters left when one position is dropped), and looked up by
//! binary search at run time (`src/words/set_phrases.rs`). Written to `$OUT_DIR/set-phrases.bin`:
//!
//! ```text
//! u32 P, then P phrases: 4 × u16 characters, u16 flags (bit 0: from rules/set-phrases.txt)
//! u32 K, then K masked keys (u64, sorted), then K phrase indices (u32)
//! u32 log2 of BITSET_BITS, u32 log2 of KEY_BITS
//! 3 Bloom-style bitsets of BITSET_BITS bits (u64 words): the phrases' first two
//!   characters, last two characters, and first and last character
//! 1 blocked Bloom filter of KEY_BITS bits: each masked key sets three bits of one u64
//!   word (`key_bloom`), so that a lookup that would find nothing ends after one word is
//!   read instead of a binary search (one bit per key let through one key in eight
//!   that was not there: most binary searches found nothing)
//! ```
//!
//! Keys are `position << 48 | a << 32 | b << 16 | c` (`a`, `b`, `c` the characters left, in
//! order); only phrases of characters in the Basic Multilingual Plane are indexed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The 公文 set phrases: one phrase per line, `#` comments naming the source.
pub const SET_PHRASES: &str = "rules/set-phrases.txt";

/// Bits of each prefilter bitset (a power of two).
pub const BITSET_BITS: u32 = 1 << 19;

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

/// Bits of the bitset of masked keys (a power of two).
pub const KEY_BITS: u32 = 1 << 21;

/// The word of the key filter a masked key goes to, and its three bits in that word
/// (also in `src/words/set_phrases.rs`).
pub fn key_bloom(key: u64) -> (usize, u64) {
    let hash = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = hash >> (64 - (KEY_BITS / 64).trailing_zeros());
    let bits = 1 << (hash & 63) | 1 << ((hash >> 6) & 63) | 1 << ((hash >> 12) & 63);
    (usize::try_from(word).expect("a word index"), bits)
}

/// The hash of a character pair into a bitset (also in `src/words/set_phrases.rs`).
pub fn pair_bit(a: u32, b: u32) -> u32 {
    ((a << 16 | b).wrapping_mul(0x9E37_79B1)) >> (32 - BITSET_BITS.trailing_zeros())
}

/// Writes `out/set-phrases.bin` from the lexicon's words and the listed phrases.
pub fn build(words: &BTreeMap<&str, (u64, &str)>, listed: &[&str], out: &Path) {
    let mut phrases: BTreeMap<&str, u16> = BTreeMap::new();
    for (word, &(_, tag)) in words {
        if tag == "i" && word.chars().count() == 4 && word.chars().all(|c| u32::from(c) <= 0xFFFF) {
            phrases.insert(word, 0);
        }
    }
    for phrase in listed {
        phrases.insert(phrase, 1);
    }

    let mut bytes = Vec::new();
    let mut keys: Vec<(u64, u32)> = Vec::new();
    let mut bitsets = vec![0u64; 3 * (BITSET_BITS / 64) as usize];
    let mut set = |which: usize, a: u32, b: u32| {
        let bit = pair_bit(a, b) as usize;
        bitsets[which * (BITSET_BITS / 64) as usize + bit / 64] |= 1 << (bit % 64);
    };
    bytes.extend_from_slice(
        &u32::try_from(phrases.len())
            .expect("few phrases")
            .to_le_bytes(),
    );
    for (index, (phrase, &flags)) in phrases.iter().enumerate() {
        let chars: Vec<u32> = phrase.chars().map(u32::from).collect();
        for &c in &chars {
            bytes.extend_from_slice(&u16::try_from(c).expect("BMP").to_le_bytes());
        }
        bytes.extend_from_slice(&flags.to_le_bytes());
        for position in 0..4 {
            let rest: Vec<u64> = (0..4)
                .filter(|&k| k != position)
                .map(|k| u64::from(chars[k]))
                .collect();
            let key = (position as u64) << 48 | rest[0] << 32 | rest[1] << 16 | rest[2];
            keys.push((key, u32::try_from(index).expect("few phrases")));
        }
        set(0, chars[0], chars[1]);
        set(1, chars[2], chars[3]);
        set(2, chars[0], chars[3]);
    }
    keys.sort_unstable();
    bytes.extend_from_slice(&u32::try_from(keys.len()).expect("few keys").to_le_bytes());
    for &(key, _) in &keys {
        bytes.extend_from_slice(&key.to_le_bytes());
    }
    for &(_, index) in &keys {
        bytes.extend_from_slice(&index.to_le_bytes());
    }
    bytes.extend_from_slice(&BITSET_BITS.trailing_zeros().to_le_bytes());
    bytes.extend_from_slice(&KEY_BITS.trailing_zeros().to_le_bytes());
    for word in bitsets {
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    let mut key_bits = vec![0u64; (KEY_BITS / 64) as usize];
    for &(key, _) in &keys {
        let (word, bits) = key_bloom(key);
        key_bits[word] |= bits;
    }
    for word in key_bits {
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    fs::write(out.join("set-phrases.bin"), bytes).expect("OUT_DIR is writable");
}
