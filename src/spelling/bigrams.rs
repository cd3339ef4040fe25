//! The character bigram model, read in place from `data/spelling/char-bigrams.bin` (made by
//! `scripts/spelling-tables.sh` from Pinyin2Hanzi's HMM transition table and jieba's
//! dictionary; see docs/KNOWLEDGE.md). Nothing is parsed at start-up: the first use reads
//! a 16-byte header and slices the blob.
//!
//! Layout (little-endian): `GWB2`, character count n, pair count m, Bloom bits log2 k;
//! U+4E00..=U+9FFF → character id (u16, 0xFFFF none); n + 1 row starts (u32); m successor
//! ids (u16, sorted within a row); m values −ln P(next | char) in tenths (u8); n row
//! defaults (the probability of a pair the row does not list); n clause-start values; the
//! blocked Bloom filter of supported pairs (2^k bits, two bits per pair in one 512-bit block).

use std::sync::OnceLock;

use crate::table_bytes::{u16_at, u32_at, Sections};

static BYTES: &[u8] = include_bytes!("../../data/spelling/char-bigrams.bin");

const HAN_FIRST: u32 = 0x4E00;
const HAN_COUNT: usize = 0x9FFF - 0x4E00 + 1;
/// log P of a pair when neither the row nor the character is known (as the source's own
/// smallest default).
const FLOOR: f32 = -16.1;

pub struct Bigrams {
    index: &'static [u8],
    row_starts: &'static [u8],
    successors: &'static [u8],
    values: &'static [u8],
    defaults: &'static [u8],
    starts: &'static [u8],
    bloom: &'static [u8],
    bloom_bits_log2: u32,
}

pub fn bigrams() -> &'static Bigrams {
    static MODEL: OnceLock<Bigrams> = OnceLock::new();
    MODEL.get_or_init(|| Bigrams::from_bytes(BYTES))
}

fn log_prob(tenths: u8) -> f32 {
    -f32::from(tenths) / 10.0
}

impl Bigrams {
    fn from_bytes(bytes: &'static [u8]) -> Self {
        let mut sections = Sections::new(bytes);
        assert_eq!(
            sections.take(4),
            b"GWB2",
            "char-bigrams.bin: unknown format"
        );
        let n = sections.u32() as usize;
        let m = sections.u32() as usize;
        let bloom_bits_log2 = sections.u32();
        let model = Self {
            index: sections.take(HAN_COUNT * 2),
            row_starts: sections.take((n + 1) * 4),
            successors: sections.take(m * 2),
            values: sections.take(m),
            defaults: sections.take(n),
            starts: sections.take(n),
            bloom: sections.take(1 << (bloom_bits_log2 - 3)),
            bloom_bits_log2,
        };
        sections.finish("char-bigrams.bin");
        model
    }

    fn id(&self, c: char) -> Option<usize> {
        let offset = (c as u32).checked_sub(HAN_FIRST)? as usize;
        if offset >= HAN_COUNT {
            return None;
        }
        match u16_at(self.index, offset * 2) {
            0xFFFF => None,
            id => Some(usize::from(id)),
        }
    }

    /// Whether `a` followed by `b` is common: a likely pair of the model, two adjacent
    /// characters of a word of the lexicon, or a pair seen twice in the corpus. A blocked
    /// Bloom filter (both bits in one 64-byte line, so one cache miss a pair): a few pairs
    /// that are not supported answer yes (about 1 in 100), never the other way round.
    pub fn supported(&self, a: char, b: char) -> bool {
        let h =
            (u64::from(a as u32) << 32 | u64::from(b as u32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let block = (h >> (64 - (self.bloom_bits_log2 - 9))) as usize * 512;
        let x = block + (h & 511) as usize;
        let y = block + (h >> 9 & 511) as usize;
        self.bloom[x / 8] & (1 << (x % 8)) != 0 && self.bloom[y / 8] & (1 << (y % 8)) != 0
    }

    /// ln P(`c` | `prev`), or ln P(`c` starts a clause) when there is no `prev`.
    pub fn log_prob(&self, prev: Option<char>, c: char) -> f32 {
        let Some(prev) = prev else {
            return self.id(c).map_or(FLOOR, |id| log_prob(self.starts[id]));
        };
        let Some(row) = self.id(prev) else {
            return FLOOR;
        };
        let default = log_prob(self.defaults[row]);
        let Some(target) = self.id(c) else {
            return default;
        };
        let (mut lo, mut hi) = (
            u32_at(self.row_starts, row * 4) as usize,
            u32_at(self.row_starts, row * 4 + 4) as usize,
        );
        while lo < hi {
            let mid = (lo + hi) / 2;
            match usize::from(u16_at(self.successors, mid * 2)).cmp(&target) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return log_prob(self.values[mid]),
            }
        }
        default
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_likely_and_unlikely_pairs() {
        let model = bigrams();
        assert!(model.log_prob(Some('部'), '署') > -5.0);
        assert!(model.log_prob(Some('早'), '餐') > model.log_prob(Some('早'), '菜') + 5.0);
        assert!(model.supported('部', '署'));
        assert!(model.supported('朋', '友'));
        assert!(!model.supported('朋', '唷'));
        assert!(!model.supported('跳', '无'));
        assert_eq!(model.log_prob(Some('a'), '署'), FLOOR);
    }
}
